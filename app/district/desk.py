"""The district desk: its keys, the office registry and the import of submission packages.

A district vault (``Vault.create(mode="district")``) keeps, sealed like everything else:

- lead secrets ``district.age_identity`` (decrypts the packages) and
  ``district.signing_key`` (minisign; signs schemes and receipts);
- settings ``district.info`` (name, demo flag, the age recipient and the public signing
  key to hand out), ``district.registry`` (app/district_registry.py),
  ``district.intake`` (every package received and the last sequence per office,
  app/district_intake.py), and per package ``district.pkg.<sha256>`` (the bytes as
  received) and ``district.tally.<sha256>`` (its verified tallies.json).

Importing a package: decrypt with the district's identity, read the manifest, check the
office is enrolled and the signing key is its active key, verify the signature, the files
and the tallies (app/package.py), check the scheme (known id and version, same SHA-256),
the period (the scheme's kind of period) and the sequence rules, then store it, all in one
transaction with its audit entry. Each refusal is its own ImportRefused subclass.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import weakref
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from app import errors
from app.crypto import age, signing
from app.district import intake as intake_rules
from app.district import registry as reg
from app.district.board import Board, board_periods, build_board
from app.district.intake import Intake, Received
from app.errors import (
    FallzahlError,
    ImportBadPeriod,
    ImportBadSignature,
    ImportDamaged,
    ImportRevokedKey,
    ImportUnknownKey,
    ImportUnknownOffice,
    ImportUnknownScheme,
    NotAllowed,
    NotFound,
    PeriodInvalid,
)
from app.records.periods import parse_period
from app.stats.tally import Tally
from app.stats.tally_io import from_json, to_json

if TYPE_CHECKING:
    from app.scheme.model import Scheme
    from app.vault.session import Session

INFO, REGISTRY, INTAKE = "district.info", "district.registry", "district.intake"
AGE_IDENTITY, SIGNING_KEY = "district.age_identity", "district.signing_key"
PACKAGE_SUFFIXES = (".fallzahl.age", ".age")


class DistrictInfo(msgspec.Struct, frozen=True, kw_only=True):
    name: str
    created: dt.date
    demo: bool
    age_recipient: str  # give this to the offices (provisioning)
    public_key: str  # minisign public key file: offices trust it for schemes and receipts


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


# set-up and keys


def setup_district(session: Session, district_name: str, *, demo: bool) -> DistrictInfo:
    """Store the district's keys (fresh ones, or the shipped demo keys) and its name."""
    session.require_lead("Das Einrichten des Landkreises", "Setting up the district")
    if demo:
        identity = age.demo_district_identity()
        recipient = age.demo_district_recipient()
        secret = age.demo_district_signing_key()
    else:
        identity, recipient = age.new_identity()
        secret, _public = signing.generate_keypair("Fallzahl district")
    info = DistrictInfo(
        name=district_name,
        created=dt.date.today(),
        demo=demo,
        age_recipient=recipient,
        public_key=signing.public_key_from_secret(secret).decode("ascii"),
    )
    with session.store.transaction():
        session.put_lead_secret(AGE_IDENTITY, identity.encode("ascii"))
        session.put_lead_secret(SIGNING_KEY, secret)
        session.put_setting(INFO, msgspec.json.encode(info), audit_action="district.setup")
    return info


def require_district(session: Session) -> None:
    if session.mode != "district":
        raise NotAllowed(
            "Das ist eine Funktion des Landkreises (Auswertungsstelle); dieser Datenbestand "
            "gehört einer Beratungsstelle.",
            "This is a district desk function; this vault belongs to an office.",
        )


def district_info(session: Session) -> DistrictInfo:
    require_district(session)
    raw = session.get_setting(INFO)
    if raw is None:
        raise NotFound(
            "Der Landkreis ist in diesem Datenbestand nicht eingerichtet.",
            "The district is not set up in this vault.",
        )
    return msgspec.json.decode(raw, type=DistrictInfo)


def _lead_secret(session: Session, name: str) -> bytes:
    session.require_lead("Das Öffnen und Quittieren von Paketen", "Opening and receipting packages")
    value = session.get_lead_secret(name)
    if value is None:
        raise NotFound(
            "Die Schlüssel des Landkreises fehlen in diesem Datenbestand.",
            "The district's keys are missing from this vault.",
        )
    return value


def age_identity(session: Session) -> str:
    return _lead_secret(session, AGE_IDENTITY).decode("ascii")


def signing_key(session: Session) -> bytes:
    return _lead_secret(session, SIGNING_KEY)


def provisioning_file(
    session: Session,
    *,
    office_id: str,
    office_name: str,
    auto_lock_minutes: int,
    backup_folder: str = "",
    valid_days: int | None = None,
    today: dt.date | None = None,
) -> bytes:
    """A signed provisioning file for a new office, made with this district's own keys.

    Signed with the district's minisign key from the vault (the demo key only in a demo
    district); the office's packages go to the district's age recipient, it trusts the
    district's public key, and it records with the district's active scheme.
    """
    from app.errors import UsageError
    from app.exchange import provisioning
    from app.exchange.office_id import check_office_id
    from app.scheme.model import parse
    from app.scheme.store import shipped_scheme, stored_scheme
    from app.vault.settings import AUTO_LOCK_MINUTES, Policy

    info = district_info(session)
    session.require_lead("Das Erstellen von Bereitstellungsdateien", "Making provisioning files")
    check_office_id(office_id)
    if not office_name.strip():
        raise UsageError("Der Name der Beratungsstelle fehlt.", "The office's name is missing.")
    AUTO_LOCK_MINUTES.check(auto_lock_minutes)
    key = signing_key(session)
    doc, sig = stored_scheme(session) or shipped_scheme()
    scheme = parse(doc)
    days = provisioning.DEFAULT_VALID_DAYS if valid_days is None else valid_days
    data = provisioning.make_provisioning(
        key,
        office_id=office_id,
        office_name=office_name.strip(),
        district_name=scheme.district.name,
        district_ags=scheme.district.ags,
        recipients=[info.age_recipient],
        trust_anchors=[info.public_key.encode("ascii")],
        scheme_doc=doc,
        scheme_sig=sig,
        policy=Policy(auto_lock_minutes=auto_lock_minutes, backup_folder=backup_folder),
        expires=(today or _today()) + dt.timedelta(days=days),
    )
    session.audit("district.provisioned", office_id)
    return data


# registry


def registry(session: Session) -> reg.Registry:
    require_district(session)
    raw = session.get_setting(REGISTRY)
    return msgspec.json.decode(raw, type=reg.Registry) if raw else reg.Registry()


def _put_registry(session: Session, value: reg.Registry, action: str, detail: str) -> None:
    with session.store.transaction():
        session.put_setting(REGISTRY, msgspec.json.encode(value))
        session.audit(action, detail)


def enrol(session: Session, office_id: str, office_name: str, public_key_file: bytes) -> str:
    """Enrol (or re-enrol with a new key) an office; returns the key id to compare by phone."""
    session.require_lead("Das Eintragen von Beratungsstellen", "Enrolling offices")
    new, kid = reg.enrol(registry(session), office_id, office_name, public_key_file, _today())
    _put_registry(session, new, "district.enrolled", f"{office_id} key {kid}")
    return kid


def revoke_key(session: Session, office_id: str, key_id: str) -> None:
    session.require_lead("Das Widerrufen von Schlüsseln", "Revoking keys")
    new = reg.revoke_key(registry(session), office_id, key_id, _today())
    _put_registry(session, new, "district.key_revoked", f"{office_id} key {key_id}")


def rotate_key(session: Session, office_id: str, statement: bytes, signature: bytes) -> str:
    """Accept an office's new key because its current key signed it; returns the new key id."""
    session.require_lead("Das Wechseln von Schlüsseln", "Rotating keys")
    new, kid = reg.rotate(registry(session), office_id, statement, signature, _today())
    _put_registry(session, new, "district.key_rotated", f"{office_id} key {kid}")
    return kid


def read_rotation_files(
    statement_path: str | os.PathLike[str], signature_path: str | os.PathLike[str] | None = None
) -> tuple[bytes, bytes]:
    """(statement, signature) from the office's two files; the signature defaults to the
    statement's name + ".minisig" (app/office_keys.write_rotation)."""
    statement_path = Path(statement_path)
    sig_path = Path(signature_path) if signature_path else Path(f"{statement_path}.minisig")
    found = []
    for path, (what_de, what_en) in (
        (statement_path, ("Die Erklärung zum Schlüsselwechsel", "The key rotation statement")),
        (
            sig_path,
            ("Die Signatur (.minisig) der Erklärung", "The statement's signature (.minisig)"),
        ),
    ):
        try:
            found.append(path.read_bytes())
        except OSError as exc:
            raise errors.RotationDamaged(
                f"{what_de} {path} kann nicht gelesen werden ({exc.strerror}). Die Stelle "
                "schickt zwei Dateien, die Erklärung und ihre .minisig-Datei; bitte beide "
                "in denselben Ordner legen.",
                f"{what_en} {path} cannot be read ({exc.strerror}). The office sends two "
                "files, the statement and its .minisig file; put both in the same folder.",
            ) from exc
    return found[0], found[1]


def rotate_key_files(
    session: Session,
    office_id: str,
    statement_path: str | os.PathLike[str],
    signature_path: str | os.PathLike[str] | None = None,
) -> str:
    """``rotate_key`` from the office's statement file and its signature file."""
    require_district(session)
    statement, signature = read_rotation_files(statement_path, signature_path)
    return rotate_key(session, office_id, statement, signature)


def _today() -> dt.date:
    return dt.date.today()


# intake


def intake(session: Session) -> Intake:
    require_district(session)
    raw = session.get_setting(INTAKE)
    return msgspec.json.decode(raw, type=Intake) if raw else Intake()


def package_bytes(session: Session, sha256: str) -> bytes:
    raw = session.get_setting(f"district.pkg.{sha256}")
    if raw is None:
        raise NotFound(f"Kein Paket {sha256[:12]}… vorhanden.", f"No package {sha256[:12]}...")
    return raw


# Verified tallies of this session's packages, by package SHA-256. A stored tally never
# changes (it is named by the package's hash), so a report made right after an import, or
# a second report, need not read and check it again. Gone with the session.
_TALLIES: weakref.WeakKeyDictionary[Session, dict[str, Tally]] = weakref.WeakKeyDictionary()


def _remember(session: Session, sha256: str, tally: Tally) -> None:
    _TALLIES.setdefault(session, {})[sha256] = tally


def package_tally(session: Session, sha256: str) -> Tally:
    if session.is_open:
        known = _TALLIES.get(session, {}).get(sha256)
        if known is not None:
            return known
    raw = session.get_setting(f"district.tally.{sha256}")
    if raw is None:
        raise NotFound(f"Kein Paket {sha256[:12]}… vorhanden.", f"No package {sha256[:12]}...")
    tally = from_json(raw)
    _remember(session, sha256, tally)
    return tally


class Outcome(msgspec.Struct, frozen=True, kw_only=True):
    """The result of importing one file: the package accepted, or the refusal."""

    file_name: str
    package: Received | None = None
    error: FallzahlError | None = None

    @property
    def accepted(self) -> bool:
        return self.package is not None


class Importer:
    """Imports many packages with one look-up of keys, registry and schemes."""

    def __init__(self, session: Session) -> None:
        require_district(session)
        session.require_lead("Das Einlesen von Paketen", "Importing packages")
        self.session = session
        self.identity = age_identity(session)
        self.registry = registry(session)
        self.intake = intake(session)
        self.schemes = known_schemes(session)

    def import_bytes(
        self, data: bytes, file_name: str = "", now: dt.datetime | None = None
    ) -> Received:
        from app.exchange import package

        now = now or _now()
        sha = hashlib.sha256(data).hexdigest()
        same = self.intake.find(sha)
        if same is not None:  # a file already here is named at once
            raise intake_rules.already_here(same)
        try:
            zip_bytes = package.decrypt_package(data, [self.identity])
        except errors.PackageRefused as exc:
            raise _damaged(file_name, exc) from exc
        head, sig = _peek(zip_bytes, file_name)
        office_id = str(head.get("office_id", ""))
        office = self.registry.office(office_id)
        if office is None:
            raise ImportUnknownOffice(
                f"{_name(file_name)}Die Beratungsstelle „{office_id}“ ist beim Landkreis nicht "
                "eingetragen. Bitte die Stelle eintragen (öffentlichen Schlüssel anfordern, "
                "Schlüssel-ID telefonisch abgleichen) und das Paket dann erneut einlesen.",
                f"{_name(file_name)}Office '{office_id}' is not enrolled with the district. "
                "Enrol it (ask for its public key, compare the key id by phone), then import "
                "the package again.",
            )
        kid = signing.signature_key_id(sig, ImportBadSignature)
        key = office.key(kid)
        if key is None:
            raise ImportUnknownKey(
                f"{_name(file_name)}Das Paket von {office_id} ist mit dem Schlüssel {kid} "
                "signiert, der für diese Stelle nicht eingetragen ist. Hat die Stelle einen "
                "neuen Schlüssel? Dann neu eintragen (ID telefonisch abgleichen).",
                f"{_name(file_name)}The package from {office_id} is signed with key {kid}, "
                "which is not enrolled for this office. Has the office a new key? Then enrol "
                "it again (compare the id by phone).",
            )
        if key.status != reg.ACTIVE:
            when = f"{key.ended:%d.%m.%Y}" if key.ended else ""
            when_en = key.ended.isoformat() if key.ended else ""
            revoked = key.status == reg.REVOKED
            raise ImportRevokedKey(
                f"{_name(file_name)}Das Paket von {office_id} ist mit dem Schlüssel {kid} "
                f"signiert, der am {when} {'widerrufen' if revoked else 'ersetzt'} wurde. "
                "Es wird nicht angenommen; bitte die Stelle, das Paket mit ihrem aktuellen "
                "Schlüssel neu zu exportieren.",
                f"{_name(file_name)}The package from {office_id} is signed with key {kid}, "
                f"which was {'revoked' if revoked else 'replaced'} on {when_en}. It is refused; "
                "ask the office to export it again with its current key.",
            )
        manifest_bytes = _member(zip_bytes, "manifest.json", file_name)
        signing.verify(
            manifest_bytes,
            sig,
            [key.public_key.encode("ascii")],
            errors=ImportBadSignature,
            what=(f"das Paket von {office_id}", f"the package from {office_id}"),
        )
        try:
            verified = package.verify_zip(
                zip_bytes,
                {kid: key.public_key.encode("ascii")},
                sha,
                known_schemes={k: v[0] for k, v in self.schemes.items()},
            )
        except errors.PackageRefused as exc:
            if type(exc).__name__ == "PackageSchemeMismatch":
                raise ImportUnknownScheme(exc.de, exc.en) from exc
            raise _damaged(file_name, exc) from exc
        m = verified.manifest
        if m.office_id != office_id:  # pragma: no cover - the signed manifest was peeked
            raise ImportBadSignature("Manifest geändert.", "Manifest changed.")
        scheme = self._scheme(m, file_name)
        period = self._period(m, scheme, now, file_name)
        supersedes = m.supersedes or None
        intake_rules.check(self.intake, office_id, period.label, m.sequence, supersedes, sha)
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
        new_intake = intake_rules.accept(self.intake, got)
        s = self.session
        with s.store.transaction():
            s.put_setting(f"district.pkg.{sha}", data)
            # tallies.json as sent: canonical (app/tally_io), checked against the manifest
            s.put_setting(
                f"district.tally.{sha}",
                verified.files.get("tallies.json") or to_json(verified.tally),
            )
            s.put_setting(INTAKE, msgspec.json.encode(new_intake))
            s.audit(
                "district.imported",
                f"{office_id} {period.label} no. {m.sequence} {sha}"
                + (f" corrects {supersedes}" if supersedes else ""),
            )
        self.intake = new_intake
        _remember(s, sha, verified.tally)
        return got

    def _scheme(self, m: Any, file_name: str) -> Scheme:
        found = self.schemes.get((m.scheme_id, m.scheme_version))
        if found is None:
            known = ", ".join(f"{i} v{v}" for i, v in sorted(self.schemes)) or "-"
            raise ImportUnknownScheme(
                f"{_name(file_name)}Das Paket ist nach dem Kategorienschema {m.scheme_id} "
                f"v{m.scheme_version} gezählt, das der Landkreis nicht kennt (bekannt: {known}). "
                "Bitte das Schema importieren oder die Stelle bitten, das aktuelle Schema zu "
                "verwenden.",
                f"{_name(file_name)}The package is counted under category scheme {m.scheme_id} "
                f"v{m.scheme_version}, which the district does not know (known: {known}). "
                "Import that scheme or ask the office to use the current one.",
            )
        digest, scheme = found
        if m.scheme_sha256 != digest:
            raise ImportUnknownScheme(
                f"{_name(file_name)}Das Kategorienschema {m.scheme_id} v{m.scheme_version} des "
                "Pakets weicht vom Schema des Landkreises mit derselben Version ab (andere "
                "SHA-256-Prüfsumme). Bitte die Stelle, das vom Landkreis signierte Schema zu "
                "importieren und neu zu exportieren.",
                f"{_name(file_name)}The package's category scheme {m.scheme_id} "
                f"v{m.scheme_version} differs from the district's scheme of the same version "
                "(different SHA-256). Ask the office to import the district's signed scheme "
                "and export again.",
            )
        return scheme

    def _period(self, m: Any, scheme: Scheme, now: dt.datetime, file_name: str):
        try:
            period = parse_period(str(m.period))
        except PeriodInvalid as exc:
            raise ImportBadPeriod(exc.de, exc.en) from exc
        start, end = _as_date(m.period_start), _as_date(m.period_end)
        problem = None
        if period.kind != scheme.periods.kind:
            problem = (
                f"der Zeitraum {period.label} ist kein Berichtszeitraum des Schemas "
                f"({scheme.periods.kind})",
                f"the period {period.label} is not a reporting period of the scheme "
                f"({scheme.periods.kind})",
            )
        elif (start, end) != (period.start, period.end):
            problem = ("Anfang und Ende passen nicht zum Zeitraum", "start and end do not match")
        elif period.start > now.date():
            problem = ("der Zeitraum hat noch nicht begonnen", "the period has not begun yet")
        if problem:
            raise ImportBadPeriod(
                f"{_name(file_name)}Das Paket wird nicht angenommen: {problem[0]}. Bitte die "
                "Stelle, den richtigen Quartalszeitraum abzuschließen und zu exportieren.",
                f"{_name(file_name)}The package is refused: {problem[1]}. Ask the office to "
                "close and export the right quarter.",
            )
        return period


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _name(file_name: str) -> str:
    return f"{Path(file_name).name}: " if file_name else ""


def _damaged(file_name: str, exc: FallzahlError) -> ImportDamaged:
    return ImportDamaged(
        f"{_name(file_name)}{exc.de} Das Paket wurde nicht eingelesen; bitte die Stelle, es "
        "erneut zu senden.",
        f"{_name(file_name)}{exc.en} The package was not imported; ask the office to send it "
        "again.",
    )


def _member(zip_bytes: bytes, name: str, file_name: str) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(zip_bytes)) as zf:
            return zf.read(name)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportDamaged(
            f"{_name(file_name)}Das Paket ist beschädigt: {name} fehlt oder ist unlesbar. "
            "Bitte die Stelle, es erneut zu senden.",
            f"{_name(file_name)}The package is damaged: {name} is missing or unreadable. Ask "
            "the office to send it again.",
        ) from exc


def _peek(zip_bytes: bytes, file_name: str) -> tuple[dict, bytes]:
    """The manifest (not yet verified) and its signature, to find office and key."""
    raw = _member(zip_bytes, "manifest.json", file_name)
    sig = _member(zip_bytes, "manifest.json.minisig", file_name)
    try:
        head = json.loads(raw)
    except ValueError as exc:
        raise ImportDamaged(
            f"{_name(file_name)}Das Manifest des Pakets ist kein JSON. Bitte die Stelle, das "
            "Paket erneut zu senden.",
            f"{_name(file_name)}The package manifest is not JSON. Ask the office to send it again.",
        ) from exc
    if not isinstance(head, dict):
        head = {}
    return head, sig


def known_schemes(session: Session) -> dict[tuple[str, int], tuple[str, Scheme]]:
    """(scheme id, version) -> (SHA-256 of the signed document, scheme) the district knows."""
    from app.scheme import model as scheme_model
    from app.scheme.store import DOC, SIG, reopen
    from app.scheme.trust import shipped_scheme

    docs = [shipped_scheme()]
    names = session.store.db.execute(
        "SELECT id FROM settings WHERE id LIKE ? ORDER BY id", [f"{DOC}.v%"]
    ).fetchall()
    for (name,) in names:
        if name[len(DOC) + 2 :].isdigit():
            sig = session.get_setting(SIG + name[len(DOC) :])
            doc = session.get_setting(name)
            if doc is not None and sig is not None:
                docs.append((doc, sig))
    stored = (session.get_setting(DOC), session.get_setting(SIG))
    if stored[0] is not None and stored[1] is not None:
        docs.append(stored)  # type: ignore[arg-type]
    out: dict[tuple[str, int], tuple[str, Scheme]] = {}
    for doc, sig in docs:
        scheme = reopen(doc, sig)
        out[(scheme.id, scheme.version)] = (scheme_model.digest(doc), scheme)
    return out


def package_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The files to import: the files given, and the packages inside the folders given."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(
                f for f in p.rglob("*") if f.is_file() and f.name.endswith(PACKAGE_SUFFIXES)
            )
        else:
            out.append(p)
    return out


def import_paths(
    session: Session, paths: Iterable[str | os.PathLike[str]], now: dt.datetime | None = None
) -> list[Outcome]:
    """Import files and folders; one outcome per file, refusals explained, none fatal.

    Readable packages are taken in the order of their offices' sequence numbers, so a
    folder holding an original and its correction imports in the right order.
    """
    importer = Importer(session)
    files = package_files(paths)
    loaded: list[tuple[Path, bytes | None, FallzahlError | None]] = []
    for f in files:
        try:
            loaded.append((f, f.read_bytes(), None))
        except OSError as exc:
            loaded.append(
                (
                    f,
                    None,
                    ImportDamaged(
                        f"{f.name}: Die Datei lässt sich nicht lesen ({exc.strerror}).",
                        f"{f.name}: The file cannot be read ({exc.strerror}).",
                    ),
                )
            )
    loaded.sort(key=lambda item: _order_key(importer, item[1]))
    outcomes = []
    for f, data, err in loaded:
        if err is not None or data is None:
            outcomes.append(Outcome(file_name=str(f), error=err))
            continue
        outcomes.append(import_one(importer, data, str(f), now))
    return outcomes


def _order_key(importer: Importer, data: bytes | None) -> tuple[str, int]:
    """(office id, sequence) from a quick look inside; unreadable files keep their place."""
    from app.exchange import package

    if data is None:
        return ("", 0)
    try:
        head, _sig = _peek(package.decrypt_package(data, [importer.identity]), "")
        return (str(head.get("office_id", "")), int(head.get("sequence", 0)))
    except (errors.PackageRefused, TypeError, ValueError):
        return ("", 0)


def import_one(
    importer: Importer, data: bytes, file_name: str, now: dt.datetime | None = None
) -> Outcome:
    try:
        return Outcome(file_name=file_name, package=importer.import_bytes(data, file_name, now))
    except errors.ImportRefused as exc:
        return Outcome(file_name=file_name, error=exc)


# board


def deadline_days(session: Session) -> int:
    return session.scheme.periods.deadline_days


def board(
    session: Session,
    *,
    year: int | None = None,
    period: str | None = None,
    today: dt.date | None = None,
) -> Board:
    today = today or _today()
    r, i = registry(session), intake(session)
    periods = board_periods(i, r, today, year=year, period=period)
    return build_board(r, i, periods, deadline_days(session), today)
