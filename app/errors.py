"""One error type for everything a user can be told, in German and English.

app/ raises subclasses of FallzahlError; ui/ shows ``err.message()``, the CLI prints it
and exits 1. Anything else that escapes is a bug and goes to the crash handler.
"""

from __future__ import annotations

from app import lang


class FallzahlError(Exception):
    """An error whose text is meant for the user: what is wrong and what to do."""

    def __init__(self, de: str, en: str) -> None:
        super().__init__(de)
        self.de = de
        self.en = en

    def message(self, language: str | None = None) -> str:
        return self.en if (language or lang.current()) == "en" else self.de

    def __str__(self) -> str:
        return self.message()


# Vault and keys
class WrongPassphrase(FallzahlError):
    pass


class UnknownUser(FallzahlError):
    pass


class BadRecoveryKey(FallzahlError):
    pass


class NotAllowed(FallzahlError):
    """The unlocked user's role does not permit this action."""


class VaultMissing(FallzahlError):
    pass


class VaultExists(FallzahlError):
    pass


class VaultLocked(FallzahlError):
    """Another process holds the vault for writing."""


class VaultNewer(FallzahlError):
    """The vault was written by a newer version of the program."""


# Storage environment (not bugs): split as qutebrowser's misc/sql.py does
class StorageError(FallzahlError):
    pass


class DiskFull(StorageError):
    pass


class VaultCorrupt(StorageError):
    pass


class ReadOnly(StorageError):
    pass


class VaultBusy(StorageError):
    """SQLite says another connection holds the file (the writer's exclusive lock)."""


# Records
class RecordDamaged(FallzahlError):
    """A sealed record does not open: damaged, swapped or rolled back."""

    def __init__(self, de: str, en: str, table: str = "", record_id: str = "") -> None:
        super().__init__(de, en)
        self.table = table
        self.record_id = record_id


class InvalidRecord(FallzahlError):
    """A value outside the scheme or a missing required field; names the field."""

    def __init__(self, de: str, en: str, field: str = "") -> None:
        super().__init__(de, en)
        self.field = field


class NotFound(FallzahlError):
    pass


class PeriodClosed(FallzahlError):
    pass


# Files brought in from outside
class SchemeRefused(FallzahlError):
    pass


class PackageRefused(FallzahlError):
    pass


class ReceiptRefused(FallzahlError):
    pass


class ProvisioningRefused(FallzahlError):
    pass


class BackupRefused(FallzahlError):
    pass


class UpgradeRefused(FallzahlError):
    """A pre-release vault cannot be carried over (not one, not a lead, target exists)."""


class UsageError(FallzahlError):
    pass


# Signatures (app/signing.py): the generic errors when the caller names no subclass
class SignatureRefused(FallzahlError):
    """A minisign signature is missing, damaged, wrong or by a key not trusted here."""


class KeyFileInvalid(FallzahlError):
    """A minisign key file cannot be read."""


# Scheme refusals (app/scheme_trust.py), one subclass per reason
class SchemeUnsigned(SchemeRefused):
    pass


class SchemeBadSignature(SchemeRefused):
    pass


class SchemeUntrustedKey(SchemeRefused):
    pass


class DistrictKeyNeedsProvisioning(SchemeRefused):
    """Only the district's key is trusted here: an office needs its provisioning file."""


class SchemeInvalid(SchemeRefused):
    """The document breaks the format; the message names the field."""

    def __init__(self, de: str, en: str, field: str = "") -> None:
        super().__init__(de, en)
        self.field = field


class SchemeExpired(SchemeRefused):
    pass


class SchemeNotYetValid(SchemeRefused):
    pass


class SchemeRollback(SchemeRefused):
    """Older version than the one this office already has."""


class SchemeConflict(SchemeRefused):
    """Same version as the stored one, but different content."""


# Provisioning refusals (app/provisioning.py), one subclass per reason
class ProvisioningUnsigned(ProvisioningRefused):
    pass


class ProvisioningBadSignature(ProvisioningRefused):
    """Changed or damaged after signing."""


class ProvisioningUntrustedKey(ProvisioningRefused):
    pass


class ProvisioningOtherDistrict(ProvisioningRefused):
    """Made for another district than the one this program is set up for."""


class ProvisioningExpired(ProvisioningRefused):
    pass


class ProvisioningInvalid(ProvisioningRefused):
    """The document breaks the format; the message names the field."""

    def __init__(self, de: str, en: str, field: str = "") -> None:
        super().__init__(de, en)
        self.field = field


class PeriodInvalid(UsageError):
    """A reporting period written in a form the program does not know."""


class TallyRefused(FallzahlError):
    """A tally file (tallies.json) is damaged or not in the expected form."""


# District desk: enrolment and import refusals (app/district*.py), one subclass per reason
class EnrolmentRefused(FallzahlError):
    """An office cannot be enrolled, or a key not revoked or rotated."""


class RotationRefused(EnrolmentRefused):
    """A key rotation statement the district does not accept (app/district_registry.rotate)."""


class RotationNotCurrentKey(RotationRefused):
    pass


class RotationOtherOffice(RotationRefused):
    pass


class RotationDamaged(RotationRefused):
    pass


class RotationRevokedKey(RotationRefused):
    pass


class RotationReplayed(RotationRefused):
    pass


class ImportRefused(PackageRefused):
    """A package the district desk does not accept; the message says why and what to do."""


class ImportDamaged(ImportRefused):
    pass


class ImportUnknownOffice(ImportRefused):
    """Carries the office id and name the (not yet verifiable) manifest claims, so the desk
    can offer to enrol that office with them filled in."""

    def __init__(self, de: str, en: str, *, office_id: str = "", office_name: str = "") -> None:
        super().__init__(de, en)
        self.office_id = office_id
        self.office_name = office_name


class ImportUnknownKey(ImportRefused):
    pass


class ImportRevokedKey(ImportRefused):
    pass


class ImportBadSignature(ImportRefused):
    pass


class ImportUnknownScheme(ImportRefused):
    pass


class ImportBadPeriod(ImportRefused):
    pass


class ImportReplay(ImportRefused):
    pass


class ImportRollback(ImportRefused):
    pass


class ImportCorrectionMismatch(ImportRefused):
    """A second package for a period that does not supersede the one accepted, or a
    ``supersedes`` naming no package of the same office and period."""


class ImportUnsafe(ImportRefused):
    """Too large, too many entries, an implausible compression ratio or unsafe names:
    refused from the sizes alone, before anything is unpacked."""


class ImportNotInScheme(ImportRefused):
    """The tallies hold a measure, dimension or code the package's scheme does not define,
    or an implausible count."""


# Receipts on the office side (app/receipts.py)
class ReceiptWrongSigner(ReceiptRefused):
    pass


class ReceiptTampered(ReceiptRefused):
    pass


class ReceiptUnknownPackage(ReceiptRefused):
    pass


class ReceiptInvalid(ReceiptRefused):
    """Signed, but a field breaks the format (e.g. a timestamp that is no date-time or
    lies before the package was sent)."""


# Closing periods (app/period_close.py)
class PeriodNotReady(FallzahlError):
    """Blocking findings stand in the way of closing; fix them or accept with a reason."""


class PeriodNotClosed(FallzahlError):
    """The period is not closed (export needs a closed period; reopen needs one)."""


# Package refusals (app/package.py), one subclass per reason
class PackageDamaged(PackageRefused):
    """Not an age file, truncated, or the ZIP inside is unreadable."""


class PackageWrongIdentity(PackageRefused):
    """None of the given age identities opens the package."""


class PackageBadSignature(PackageRefused):
    """The manifest signature is missing, damaged or does not match."""


class PackageUntrustedKey(PackageRefused):
    """Signed with an office key that is not enrolled."""


class PackageUnsafe(PackageRefused):
    """Path traversal, absolute or duplicate names, absurd sizes (zip bomb)."""


class PackageFilesWrong(PackageRefused):
    """Extra or missing files, or a file's SHA-256 or size differs from the manifest."""


class PackageManifestInvalid(PackageRefused):
    """The manifest breaks the format; the message names the field."""


class PackageSchemeMismatch(PackageRefused):
    """The scheme hash in the manifest is not the one of that scheme version."""


class PackageTallyMismatch(PackageRefused):
    """tallies.json, tallies.csv and adx.xml disagree, or tallies.json is damaged."""


# Lead state (app/vault/lead_state.py): what only a lead may change, signed by a lead's key
class LeadStateRefused(FallzahlError):
    """The state only a lead may change does not verify; the vault is not acted upon."""


class LeadStateForged(LeadStateRefused):
    """Lead state was changed without a lead's signature (or its signature is damaged)."""


class LeadStateRolledBack(LeadStateRefused):
    """Lead state is older than what the audit log or the data key says it must be."""


class VaultRolledBack(LeadStateRolledBack):
    """The whole vault file is older than what this PC has seen of it (app/vault/witness.py)."""


class KdfParamsRefused(FallzahlError):
    """Key-derivation parameters outside the bounds this program accepts (checked before any KDF)."""


class BackupOlderThanRemoval(BackupRefused):
    """The backup predates the last removal of a user; restoring needs explicit confirmation."""


# Planning at the district (app/district/population.py, indicators.py; app/exchange/feedback.py)
class PopulationRefused(FallzahlError):
    """The population table is not usable; the message names the line and what to fix."""


class MapRefused(FallzahlError):
    """The GeoJSON file cannot give the district's map (the message says why)."""


class StaffingRefused(UsageError):
    """Staff capacity outside its bounds or for an unknown counselling field."""


class FeedbackRefused(FallzahlError):
    pass


class FeedbackTampered(FeedbackRefused):
    """The signature does not match the feedback file, or the file is damaged."""


class FeedbackUntrusted(FeedbackRefused):
    """Signed by a key the office does not trust as its district."""


class FeedbackOutdated(FeedbackRefused):
    """Older than (or the same as) a feedback file already held for that period."""


class FeedbackOtherOffice(FeedbackRefused):
    """From another district than the office's own."""
