"""Carrying a pre-release office vault (schema 1) over into a new vault of this version.

The old file is read, never written (app/vault/legacy.py). A new vault is built in a hidden
sibling folder with the same lead (name and passphrase) and a new recovery key; every case
and contact, the office's settings and its lead secrets (the same office signing key and
archive identity, so the district's enrolment stays valid) go in through a lead session, so
the settings become signed lead state. Closed periods are frozen as a closing would. Only
then is the folder renamed to its place; on any refusal nothing is left behind. Other users
cannot come along (their passphrases are unknown): the result lists them to be added again.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import msgspec

from app.crypto.kdf import KdfParams
from app.errors import UpgradeRefused
from app.office import keys as office_keys
from app.office.period_close import freeze_closed
from app.vault import settings, store
from app.vault.legacy import LegacyContents, LegacyUser, LegacyVault
from app.vault.vault import Vault

# The settings the previous release kept in an office vault, in the order they are written:
# the scheme first (records are validated against it), closed periods after the records (a
# closed period refuses new records in it).
SCHEME_KEY = re.compile(r"scheme\.(doc|sig)(\.v\d{1,6})?")
BEFORE_RECORDS = (
    "office",
    "policy",
    "district.recipients",
    "district.trust_anchors",
    "provisioning",
    "receipt.trusted_keys",
    office_keys.PUBLIC_KEY,
    office_keys.ARCHIVE_RECIPIENT,
    office_keys.ROTATIONS,
    "package.sequence",
    "package.sent",
)
AFTER_RECORDS = ("periods.reopened", "periods.closed")
NOT_CARRIED = (settings.AUDIT_HEAD.key,)  # the old audit chain's head; the new one starts anew
LEAD_SECRETS = (office_keys.SIGNING_KEY, office_keys.ARCHIVE_IDENTITY)


@dataclass(frozen=True)
class UpgradeResult:
    folder: Path
    recovery_key: str  # shown once
    old_vault_id: str
    new_vault_id: str
    cases: int
    contacts: int
    settings: list[str]
    to_add_again: list[LegacyUser] = field(default_factory=list)


def _target_taken(folder: Path) -> UpgradeRefused:
    return UpgradeRefused(
        f"Unter {folder} gibt es bereits Dateien oder einen Datenbestand; er wird nicht "
        "überschrieben. Wählen Sie mit --vault einen leeren oder neuen Ordner.",
        f"{folder} already holds files or a vault; it will not be overwritten. Choose an "
        "empty or new folder with --vault.",
    )


def _unknown_settings(names: list[str]) -> UpgradeRefused:
    shown = ", ".join(names)
    return UpgradeRefused(
        f"Der alte Datenbestand enthält Einstellungen, die diese Version nicht kennt ({shown}). "
        "Nichts wurde übernommen; wenden Sie sich an die Entwicklung.",
        f"The old vault holds settings this version does not know ({shown}). Nothing was "
        "carried over; ask the developers.",
    )


def _ordered_settings(old: LegacyContents) -> tuple[list[str], list[str]]:
    names = set(old.settings) - set(NOT_CARRIED)
    scheme = sorted(n for n in names if SCHEME_KEY.fullmatch(n))
    known = set(BEFORE_RECORDS) | set(AFTER_RECORDS) | set(scheme)
    unknown = sorted(names - known)
    if unknown:
        raise _unknown_settings(unknown)
    before = scheme + [n for n in BEFORE_RECORDS if n in names]
    after = [n for n in AFTER_RECORDS if n in names]
    return before, after


def _checked(name: str, value: bytes) -> bytes:
    """The old bytes, if the current declaration of ``name`` (if any) decodes them."""
    declared = settings.declared().get(name)
    if declared is not None:
        try:
            msgspec.json.decode(value, type=declared.type)
        except (msgspec.DecodeError, msgspec.ValidationError):
            raise UpgradeRefused(
                f"Die Einstellung {name} des alten Datenbestands passt nicht zu dieser "
                "Version. Nichts wurde übernommen; wenden Sie sich an die Entwicklung.",
                f"The setting {name} of the old vault does not fit this version. Nothing "
                "was carried over; ask the developers.",
            ) from None
    return value


def upgrade_vault(
    old_folder: str | os.PathLike[str],
    new_folder: str | os.PathLike[str],
    user: str,
    passphrase: str,
    *,
    kdf: KdfParams | None = None,
) -> UpgradeResult:
    """Carry the pre-release vault in ``old_folder`` over into a new vault in ``new_folder``."""
    target = Path(new_folder)
    if store.holds_vault(target) or (target.exists() and any(target.iterdir())):
        raise _target_taken(target)
    legacy = LegacyVault(old_folder)
    try:
        old = legacy.read(user, passphrase)
    finally:
        legacy.close()
    if old.mode != "office":
        raise UpgradeRefused(
            "Nur der Datenbestand einer Beratungsstelle kann übernommen werden; dieser gehört "
            "zum Planungsbereich des Landkreises. Richten Sie den Planungsbereich neu ein.",
            "Only an office's vault can be carried over; this one belongs to the district's "
            "planning desk. Set the planning desk up again.",
        )
    before, after = _ordered_settings(old)
    missing = [n for n in LEAD_SECRETS if n not in old.lead_secrets]
    if set(old.lead_secrets) - set(LEAD_SECRETS) or missing:
        raise _unknown_settings(sorted(set(old.lead_secrets) ^ set(LEAD_SECRETS)))
    target.parent.mkdir(parents=True, exist_ok=True)
    building = target.parent / f".{target.name}.upgrade-{uuid.uuid4().hex[:8]}"
    try:
        vault, recovery = Vault.create(building, user=user, passphrase=passphrase, kdf=kdf)
        try:
            session = vault.unlock(user, passphrase)
            try:
                _copy(session, old, before, after)
                new_vault_id = vault.vault_id
            finally:
                session.close()
        finally:
            vault.close()
        if target.exists():
            target.rmdir()  # empty, checked above
        os.rename(building, target)
    except BaseException:
        with contextlib.suppress(OSError):
            shutil.rmtree(building)
        raise
    return UpgradeResult(
        folder=target,
        recovery_key=recovery,
        old_vault_id=old.vault_id,
        new_vault_id=new_vault_id,
        cases=len(old.cases),
        contacts=len(old.contacts),
        settings=before + after,
        to_add_again=[u for u in old.users if u.name != user],
    )


def _copy(session, old: LegacyContents, before: list[str], after: list[str]) -> None:
    for name in LEAD_SECRETS:
        session.put_lead_secret(name, old.lead_secrets[name])
    for name in before:
        session.put_setting(name, _checked(name, old.settings[name]))
    session.scheme = None  # read again: the old vault may have had an imported scheme
    session.add_bulk(old.cases, old.contacts, "vault.upgraded.records")
    for name in after:
        session.put_setting(name, _checked(name, old.settings[name]))
    others = [u for u in old.users if u.name != session.user]
    session.audit(
        "vault.upgraded",
        f"from pre-release vault {old.vault_id}: {len(old.cases)} cases, "
        f"{len(old.contacts)} contacts, {len(before) + len(after)} settings, "
        f"{old.audit_entries} old audit entries, "
        f"{len(others)} users to add again",
    )
    if after:
        freeze_closed(session)
