"""Verify a package at the district: a pure function of the file's bytes and what the desk knows.

``verify(data, known, intake, now)`` reads no file, opens no vault and asks no clock (as
python-tuf's trusted_metadata_set checks metadata): it returns the accepted package with the
intake as it will be once stored, or raises exactly one ImportRefused subclass. Storing is a
separate step (app/district/desk.py).

The checks run cheapest and most hostile first, so a hostile file costs little
(docs/submission-format.md, "At the district"):

1. the file's size (ImportUnsafe); a file already received (ImportReplay);
2. decryption with the district's identity (ImportDamaged);
3. the ZIP's end record and central directory: entries, sizes, total, compression ratio,
   names (ImportUnsafe) -- nothing is inflated yet;
4. manifest.json and its signature, each read within its own small limit: the office
   enrolled (ImportUnknownOffice), the signing key its own (ImportUnknownKey) and active
   (ImportRevokedKey), the signature (ImportBadSignature), then the manifest's fields
   (ImportDamaged);
5. from the signed manifest: the scheme known with the same hash (ImportUnknownScheme), the
   period of the scheme's kind and over (ImportBadPeriod), the sequence and ``supersedes``
   (ImportReplay, ImportRollback, ImportCorrectionMismatch);
6. only then the other files: listed hashes and sizes, tallies.json, tallies.csv and adx.xml
   agreeing (ImportDamaged), every measure, breakdown and code in the scheme and every
   count plausible (ImportNotInScheme), staffing.json (if sent) for the scheme's fields
   (ImportDamaged).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import msgspec

from app.crypto import signing
from app.district import intake as intake_rules
from app.district import registry as reg
from app.district import staffing
from app.district.intake import Intake, Received
from app.errors import (
    FallzahlError,
    ImportBadPeriod,
    ImportBadSignature,
    ImportDamaged,
    ImportNotInScheme,
    ImportRefused,
    ImportRevokedKey,
    ImportUnknownKey,
    ImportUnknownOffice,
    ImportUnknownScheme,
    ImportUnsafe,
    PackageBadSignature,
    PackageRefused,
    PackageUnsafe,
    StaffingRefused,
)
from app.exchange import package
from app.records.periods import Period, parse_period, quarter
from app.stats.tally import Tally, tally

if TYPE_CHECKING:
    from app.scheme.model import Scheme

MAX_COUNT = 10**8  # no count of one office comes near it (more people than live in Germany)

RowKey = tuple[str, tuple[tuple[str, str], ...]]  # (measure, dims)


class SchemeRows(msgspec.Struct, frozen=True):
    """Every row a tally under one scheme may hold: its measures, their breakdowns (the
    dimension ids) and the codes, from the tally of no records (app/stats/tally.py fills
    every code of the scheme, so that tally has every row and nothing else)."""

    keys: frozenset[RowKey]
    breakdowns: frozenset[tuple[str, tuple[str, ...]]]  # (measure, dimension ids)
    codes: frozenset[tuple[str, str, str]]  # (measure, dimension id, code)
    measures: frozenset[str]

    @classmethod
    def of(cls, scheme: Scheme) -> SchemeRows:
        empty = tally(scheme, [], [], quarter(2000, 1))
        keys = frozenset((r.measure, r.dims) for r in empty.rows)
        return cls(
            keys=keys,
            breakdowns=frozenset((m, tuple(d for d, _ in dims)) for m, dims in keys),
            codes=frozenset((m, d, c) for m, dims in keys for d, c in dims),
            measures=frozenset(m for m, _ in keys),
        )


# SchemeRows by the SHA-256 of the scheme's signed document: made when a package first
# needs them (a hostile package never does), then kept, as a document never changes.
_ROWS: dict[str, SchemeRows] = {}


def scheme_rows(digest: str, scheme: Scheme) -> SchemeRows:
    rows = _ROWS.get(digest)
    if rows is None:
        rows = _ROWS[digest] = SchemeRows.of(scheme)
    return rows


class Known(msgspec.Struct, frozen=True, kw_only=True):
    """What the desk knows when it verifies: its identity, the registry and the schemes."""

    identity: str  # the district's age identity (AGE-SECRET-KEY-1...)
    registry: reg.Registry
    schemes: dict[tuple[str, int], tuple[str, Scheme]]  # -> (document SHA-256, scheme)


class Accepted(msgspec.Struct, frozen=True, kw_only=True):
    """A package that passed every check, and what storing it changes."""

    package: Received
    intake: Intake  # the intake with the package added (and the one it corrects superseded)
    tallies_json: bytes  # as sent: canonical, checked against the manifest
    tally: Tally
    staffing: bytes | None = None  # staffing.json, checked and canonical (optional file)


def verify(
    data: bytes, known: Known, intake: Intake, now: dt.datetime, file_name: str = ""
) -> Accepted:
    """The accepted package, or one ImportRefused naming why (see the module docstring)."""
    name = _name(file_name)
    try:
        package.check_file_size(len(data))
    except PackageRefused as exc:
        raise _refusal(exc, name) from exc
    sha = hashlib.sha256(data).hexdigest()
    same = intake.find(sha)
    if same is not None:  # a file already here is named at once
        raise intake_rules.already_here(same)
    try:
        pz = package.open_zip(package.decrypt_package(data, [known.identity]))
        raw, sig = package.signed_manifest(pz)
        office_id = package.claimed_office(raw)
    except PackageRefused as exc:
        raise _refusal(exc, name) from exc
    office = known.registry.office(office_id)
    if office is None:
        claimed = _claimed_name(raw)
        raise ImportUnknownOffice(
            f"{name}Die Beratungsstelle „{office_id}“ ist beim Landkreis nicht "
            "eingetragen. Bitte die Stelle eintragen (öffentlichen Schlüssel anfordern, "
            "Schlüssel-ID telefonisch abgleichen) und das Paket dann erneut einlesen.",
            f"{name}Office '{office_id}' is not enrolled with the district. "
            "Enrol it (ask for its public key, compare the key id by phone), then import "
            "the package again.",
            office_id=office_id,
            office_name=claimed,
        )
    key = _office_key(office, sig, name)
    kid, comment = signing.verify(
        raw,
        sig,
        [key.public_key.encode("ascii")],
        errors=ImportBadSignature,
        what=(f"das Paket von {office_id}", f"the package from {office_id}"),
    )
    try:
        m = package.signed_fields(raw, kid, comment, sha)
    except PackageRefused as exc:
        raise _refusal(exc, name) from exc
    digest, scheme = _scheme(known, m, name)
    period = _period(m.period, scheme, now, name)
    supersedes = m.supersedes or None
    intake_rules.check(intake, office_id, period.label, m.sequence, supersedes, sha)
    try:
        files = package.listed_files(pz, m)
        tly = package.check_tallies(m, files, period, scheme)
    except PackageRefused as exc:
        raise _refusal(exc, name) from exc
    in_scheme(tly, scheme_rows(digest, scheme), scheme, name)
    staffed = files.get(staffing.FILE_NAME)
    if staffed is not None:
        try:
            staffed = staffing.check(staffed, scheme, office_id=office_id, period=period.label)
        except StaffingRefused as exc:
            raise ImportDamaged(
                f"{name}{exc.de} Das Paket wurde nicht eingelesen; bitte die Stelle, es "
                "erneut zu senden.",
                f"{name}{exc.en} The package was not imported; ask the office to send it again.",
            ) from exc
    got = Received(
        sha256=sha,
        office_id=office_id,
        period=period.label,
        period_start=period.start,
        period_end=period.end,
        sequence=m.sequence,
        supersedes=supersedes,
        received_at=now,
        key_id=kid,
        scheme_id=m.scheme_id,
        scheme_version=m.scheme_version,
        file_name=Path(file_name).name,
    )
    return Accepted(
        package=got,
        intake=intake_rules.accept(intake, got),
        tallies_json=files["tallies.json"],
        tally=tly,
        staffing=staffed,
    )


def _claimed_name(raw: bytes) -> str:
    """The office name an unverified manifest claims (a suggestion to confirm, never stored)."""
    try:
        doc = msgspec.json.decode(raw)
    except msgspec.DecodeError:
        return ""
    value = doc.get("office_name") if isinstance(doc, dict) else None
    return value.strip()[:80] if isinstance(value, str) and value.isprintable() else ""


def order_key(data: bytes, identity: str) -> tuple[str, int]:
    """(office id, sequence) from the manifest, read within the limits; ("", 0) when it
    cannot be read (the file keeps its place and verify names the problem)."""
    try:
        package.check_file_size(len(data))
        pz = package.open_zip(package.decrypt_package(data, [identity]))
        raw, _sig = package.signed_manifest(pz)
        office = package.claimed_office(raw)
        doc = msgspec.json.decode(raw)  # decoded once already: no error left
    except FallzahlError:
        return ("", 0)
    seq = doc.get("sequence") if isinstance(doc, dict) else None
    if not isinstance(seq, int) or isinstance(seq, bool):
        seq = 0
    return (office, seq)


def _office_key(office: reg.OfficeEntry, sig: bytes, name: str) -> reg.OfficeKey:
    office_id = office.office_id
    kid = signing.signature_key_id(sig, ImportBadSignature) if sig.strip() else ""
    if not kid:
        raise ImportBadSignature(
            f"{name}Dem Paket von {office_id} fehlt die Signatur (manifest.json.minisig). "
            "Bitte die Stelle, es erneut zu exportieren.",
            f"{name}The package from {office_id} lacks its signature "
            "(manifest.json.minisig). Ask the office to export it again.",
        )
    key = office.key(kid)
    if key is None:
        raise ImportUnknownKey(
            f"{name}Das Paket von {office_id} ist mit dem Schlüssel {kid} "
            "signiert, der für diese Stelle nicht eingetragen ist. Hat die Stelle einen "
            "neuen Schlüssel? Dann neu eintragen (ID telefonisch abgleichen).",
            f"{name}The package from {office_id} is signed with key {kid}, "
            "which is not enrolled for this office. Has the office a new key? Then enrol "
            "it again (compare the id by phone).",
        )
    if key.status != reg.ACTIVE:
        when = f"{key.ended:%d.%m.%Y}" if key.ended else ""
        when_en = key.ended.isoformat() if key.ended else ""
        revoked = key.status == reg.REVOKED
        raise ImportRevokedKey(
            f"{name}Das Paket von {office_id} ist mit dem Schlüssel {kid} "
            f"signiert, der am {when} {'widerrufen' if revoked else 'ersetzt'} wurde. "
            "Es wird nicht angenommen; bitte die Stelle, das Paket mit ihrem aktuellen "
            "Schlüssel neu zu exportieren.",
            f"{name}The package from {office_id} is signed with key {kid}, "
            f"which was {'revoked' if revoked else 'replaced'} on {when_en}. It is refused; "
            "ask the office to export it again with its current key.",
        )
    return key


def _scheme(known: Known, m: package.Manifest, name: str) -> tuple[str, Scheme]:
    found = known.schemes.get((m.scheme_id, m.scheme_version))
    if found is None:
        names = ", ".join(f"{i} v{v}" for i, v in sorted(known.schemes)) or "-"
        raise ImportUnknownScheme(
            f"{name}Das Paket ist nach dem Kategorienschema {m.scheme_id} "
            f"v{m.scheme_version} gezählt, das der Landkreis nicht kennt (bekannt: {names}). "
            "Bitte das Schema importieren oder die Stelle bitten, das aktuelle Schema zu "
            "verwenden.",
            f"{name}The package is counted under category scheme {m.scheme_id} "
            f"v{m.scheme_version}, which the district does not know (known: {names}). "
            "Import that scheme or ask the office to use the current one.",
        )
    if m.scheme_sha256 != found[0]:
        raise ImportUnknownScheme(
            f"{name}Das Kategorienschema {m.scheme_id} v{m.scheme_version} des "
            "Pakets weicht vom Schema des Landkreises mit derselben Version ab (andere "
            "SHA-256-Prüfsumme). Bitte die Stelle, das vom Landkreis signierte Schema zu "
            "importieren und neu zu exportieren.",
            f"{name}The package's category scheme {m.scheme_id} "
            f"v{m.scheme_version} differs from the district's scheme of the same version "
            "(different SHA-256). Ask the office to import the district's signed scheme "
            "and export again.",
        )
    return found


def _period(label: str, scheme: Scheme, now: dt.datetime, name: str) -> Period:
    """The package's period: one of the scheme's kind, and over on the day of the import."""
    period = parse_period(label)  # signed_fields checked it is a period, written canonically
    today = now.date()
    clock = (" Geht die Uhr dieses Rechners richtig?", " Is this computer's clock right?")
    problem = None
    if period.kind != scheme.periods.kind:
        problem = (
            f"der Zeitraum {period.label} ist kein Berichtszeitraum des Schemas "
            f"({scheme.periods.kind})",
            f"the period {period.label} is not a reporting period of the scheme "
            f"({scheme.periods.kind})",
        )
        clock = ("", "")
    elif period.start > today:
        problem = ("der Zeitraum hat noch nicht begonnen", "the period has not begun yet")
    elif period.end >= today:
        problem = (
            f"der Zeitraum läuft noch (bis {period.end:%d.%m.%Y})",
            f"the period is still running (until {period.end.isoformat()})",
        )
    if problem:
        raise ImportBadPeriod(
            f"{name}Das Paket wird nicht angenommen: {problem[0]}. Bitte die Stelle, einen "
            f"abgelaufenen Berichtszeitraum abzuschließen und zu exportieren.{clock[0]}",
            f"{name}The package is refused: {problem[1]}. Ask the office to close and export "
            f"a reporting period that is over.{clock[1]}",
        )
    return period


def in_scheme(tly: Tally, rows: SchemeRows, scheme: Scheme, name: str = "") -> None:
    """Refuse a tally with a measure, breakdown or code its scheme does not define, or an
    implausible count (ImportNotInScheme)."""
    for row in tly.rows:
        key = (row.measure, row.dims)
        if key in rows.keys:
            if row.value is not None and row.value > MAX_COUNT:
                _not_in_scheme(
                    name, scheme,
                    f"der Wert {row.value} ({row.measure}) ist unplausibel groß",
                    f"the value {row.value} ({row.measure}) is implausibly large",
                )  # fmt: skip
            continue
        breakdown = (row.measure, tuple(d for d, _ in row.dims))
        if row.measure not in rows.measures:
            what = (f"die Kennzahl „{row.measure}“", f"the measure '{row.measure}'")
        elif breakdown not in rows.breakdowns:
            by = " × ".join(breakdown[1])
            what = (
                f"die Aufgliederung von {row.measure} nach {by}",
                f"the breakdown of {row.measure} by {by}",
            )
        else:
            dim, code = next(
                ((d, c) for d, c in row.dims if (row.measure, d, c) not in rows.codes),
                (" × ".join(d for d, _ in row.dims), " × ".join(c for _, c in row.dims)),
            )
            what = (f"der Code „{code}“ im Merkmal {dim}", f"the code '{code}' in {dim}")
        _not_in_scheme(
            name, scheme, f"{what[0]} ist im Schema nicht vorgesehen",
            f"{what[1]} is not defined in the scheme",
        )  # fmt: skip


def _not_in_scheme(name: str, scheme: Scheme, de: str, en: str) -> NoReturn:
    raise ImportNotInScheme(
        f"{name}Das Paket passt nicht zum Kategorienschema {scheme.id} v{scheme.version}: "
        f"{de}. Es wird nicht angenommen; bitte die Stelle, mit dem vom Landkreis "
        "signierten Schema neu auszuzählen und zu exportieren.",
        f"{name}The package does not fit category scheme {scheme.id} v{scheme.version}: "
        f"{en}. It is refused; ask the office to count again under the district's signed "
        "scheme and export again.",
    )


def _name(file_name: str) -> str:
    return f"{Path(file_name).name}: " if file_name else ""


def _refusal(exc: PackageRefused, name: str) -> ImportRefused:
    """The district's refusal for a failed package check (the message kept, the class
    saying what kind of problem it is)."""
    if isinstance(exc, PackageUnsafe):
        return ImportUnsafe(
            f"{name}{exc.de} Bitte bei der Stelle nachfragen: Fallzahl erzeugt solche "
            "Pakete nicht.",
            f"{name}{exc.en} Ask the office: Fallzahl does not make such packages.",
        )
    if isinstance(exc, PackageBadSignature):
        return ImportBadSignature(f"{name}{exc.de}", f"{name}{exc.en}")
    return ImportDamaged(
        f"{name}{exc.de} Das Paket wurde nicht eingelesen; bitte die Stelle, es erneut zu senden.",
        f"{name}{exc.en} The package was not imported; ask the office to send it again.",
    )
