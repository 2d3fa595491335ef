"""The district desk: its keys, the office registry and the import of submission packages.

A district vault (``Vault.create(mode="district")``) keeps, sealed like everything else:

- lead secrets ``district.age_identity`` (decrypts the packages) and
  ``district.signing_key`` (minisign; signs schemes and receipts);
- settings ``district.info`` (name, demo flag, the age recipient and the public signing
  key to hand out), ``district.registry`` (app/district/registry.py),
  ``district.intake`` (every package received and the last sequence per office,
  app/district/intake.py), and per package ``district.pkg.<sha256>`` (the bytes as
  received), ``district.tally.<sha256>`` (its verified tallies.json) and, when the office
  sent one, ``district.staffing.<sha256>`` (app/district/staffing.py).

Importing a package is two steps: ``verify.verify`` checks it without side effects
(app/district/verify.py: sizes, signature and enrolment, scheme, period, sequence, content;
each refusal its own ImportRefused subclass), then ``store`` keeps it, all in one transaction
with its audit entry. Every setting goes through session.get_setting/put_setting.
"""

from __future__ import annotations

import datetime as dt
import os
import weakref
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from app import errors
from app.crypto import age, signing
from app.district import registry as reg
from app.district import staffing, verify
from app.district.board import Board, board_periods, build_board
from app.district.intake import Intake, Received
from app.errors import (
    FallzahlError,
    ImportDamaged,
    ImportUnsafe,
    NotAllowed,
    NotFound,
)
from app.exchange import package
from app.stats.tally import Tally
from app.stats.tally_io import from_json

if TYPE_CHECKING:
    from app.scheme.model import Scheme
    from app.vault.session import Session

INFO, REGISTRY, INTAKE = "district.info", "district.registry", "district.intake"
AGE_IDENTITY, SIGNING_KEY = "district.age_identity", "district.signing_key"
PACKAGE_SUFFIXES = package.SUFFIXES  # .fallzahl-package, and the names of earlier versions


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


def enrol_file(
    session: Session, office_id: str, office_name: str, path: str | os.PathLike[str]
) -> str:
    """``enrol`` from the office's public key file (``office-key --out``); a file that cannot
    be read, or is far too large to be a key (over 64 KB), is refused with a message."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            data = fh.read(64 * 1024 + 1)
    except OSError as exc:
        raise errors.EnrolmentRefused(
            f"Die Schlüsseldatei {path} lässt sich nicht lesen ({exc.strerror}). Die Stelle "
            "erzeugt sie mit „office-key --out DATEI“.",
            f"The key file {path} cannot be read ({exc.strerror}). The office makes it with "
            "'office-key --out FILE'.",
        ) from exc
    if len(data) > 64 * 1024:
        raise errors.EnrolmentRefused(
            f"Die Datei {path} ist zu groß für einen öffentlichen Schlüssel.",
            f"The file {path} is too large to be a public key.",
        )
    return enrol(session, office_id, office_name, data)


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
    tally = from_json(raw, session.scheme)  # a format 1 file in today's codes
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
    """Imports many packages with one look-up of keys, registry and schemes.

    Each file is verified by the pure ``verify.verify`` against what the desk knows and
    the intake so far, then stored by ``store``: nothing is written for a refused file.
    """

    def __init__(self, session: Session) -> None:
        require_district(session)
        session.require_lead("Das Einlesen von Paketen", "Importing packages")
        self.session = session
        self.known = verify.Known(
            identity=age_identity(session),
            registry=registry(session),
            schemes=known_schemes(session),
        )
        self.intake = intake(session)

    def import_bytes(
        self, data: bytes, file_name: str = "", now: dt.datetime | None = None
    ) -> Received:
        accepted = verify.verify(data, self.known, self.intake, now or _now(), file_name)
        store(self.session, accepted, data)
        self.intake = accepted.intake
        return accepted.package


def store(session: Session, accepted: verify.Accepted, data: bytes) -> None:
    """Keep a verified package: its bytes, its tallies, the new intake and the audit entry,
    in one transaction."""
    got = accepted.package
    sha = got.sha256
    with session.store.transaction():
        session.put_setting(f"district.pkg.{sha}", data)
        session.put_setting(f"district.tally.{sha}", accepted.tallies_json)
        if accepted.staffing is not None:  # the office's FTE per field (app/district/staffing)
            staffing.keep(session, sha, accepted.staffing)
        session.put_setting(INTAKE, msgspec.json.encode(accepted.intake))
        session.audit(
            "district.imported",
            f"{got.office_id} {got.period} no. {got.sequence} {sha}"
            + (f" corrects {got.supersedes}" if got.supersedes else ""),
        )
    _remember(session, sha, accepted.tally)


def known_schemes(session: Session) -> dict[tuple[str, int], tuple[str, Scheme]]:
    """(scheme id, version) -> (SHA-256 of the signed document, scheme) the district knows."""
    from app.scheme import model as scheme_model
    from app.scheme.store import DOC, SIG, reopen
    from app.scheme.trust import shipped_schemes

    docs = shipped_schemes()
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


def _read_package(path: Path) -> tuple[bytes | None, FallzahlError | None]:
    """The file's bytes, or why not: a file over the size limit is refused by its size,
    before it is read."""
    try:
        return package.read_package_file(path), None
    except errors.PackageUnsafe as exc:
        return None, ImportUnsafe(f"{path.name}: {exc.de}", f"{path.name}: {exc.en}")
    except errors.PackageRefused as exc:
        return None, ImportDamaged(exc.de, exc.en)


def import_paths(
    session: Session, paths: Iterable[str | os.PathLike[str]], now: dt.datetime | None = None
) -> list[Outcome]:
    """Import files and folders; one outcome per file, refusals explained, none fatal.

    Readable packages are taken in the order of their offices' sequence numbers, so a
    folder holding an original and its correction imports in the right order.
    """
    importer = Importer(session)
    identity = importer.known.identity

    def order(path: Path) -> tuple[str, int]:
        data, _err = _read_package(path)
        return ("", 0) if data is None else verify.order_key(data, identity)

    # One file in memory at a time: each is read to find its place, then again to import
    # (a folder of large hostile files costs time, never their sum in memory).
    outcomes = []
    for f in sorted(package_files(paths), key=order):
        data, err = _read_package(f)
        if err is not None or data is None:
            outcomes.append(Outcome(file_name=str(f), error=err))
            continue
        outcomes.append(import_one(importer, data, str(f), now))
    return outcomes


def import_one(
    importer: Importer, data: bytes, file_name: str, now: dt.datetime | None = None
) -> Outcome:
    try:
        return Outcome(file_name=file_name, package=importer.import_bytes(data, file_name, now))
    except errors.ImportRefused as exc:
        return Outcome(file_name=file_name, error=_detached(exc))


def _detached(exc: FallzahlError) -> FallzahlError:
    """The refusal without its tracebacks (and those of its causes): an outcome keeps only
    the message, not the frames that hold the refused file's bytes."""
    link: BaseException | None = exc
    seen: set[int] = set()
    while link is not None and id(link) not in seen:
        seen.add(id(link))
        link.__traceback__ = None
        link = link.__cause__ or link.__context__
    return exc


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
