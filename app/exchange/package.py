"""The submission package's format: open and verify it from bytes and keys alone.

The office builds it (app/office/export.py); the district and the office's own tools open it.

A package is ``<office id>_<period>_<sequence>.fallzahl.age``: an age file (X25519
recipients) holding a ZIP with manifest.json, manifest.json.minisig, tallies.json,
tallies.csv, adx.xml and tallies.xlsx (the office report workbook, optional for readers). Only
aggregates leave the office. The exact format, and how to check a package by hand with
``age``, ``unzip``, ``minisign`` and ``sha256sum``, is in docs/submission-format.md.

Every refusal is a PackageRefused subclass (app/errors.py) naming what is wrong.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
import zlib
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING

import msgspec

from app.crypto import age, signing
from app.crypto.signing import VerifyErrors
from app.errors import (
    FallzahlError,
    KeyFileInvalid,
    PackageBadSignature,
    PackageDamaged,
    PackageFilesWrong,
    PackageManifestInvalid,
    PackageSchemeMismatch,
    PackageSequence,
    PackageTallyMismatch,
    PackageUnsafe,
    PackageUntrustedKey,
    PackageWrongIdentity,
    PeriodInvalid,
    TallyRefused,
)
from app.exchange.office_id import is_office_id
from app.records.periods import Period, parse_period
from app.resources import resource_path
from app.scheme import model as scheme_model
from app.stats import adx, tally_io
from app.stats.tally import Row, Tally

if TYPE_CHECKING:
    pass

FORMAT = "fallzahl-submission/1"
MANIFEST, SIGNATURE = "manifest.json", "manifest.json.minisig"
REQUIRED_FILES = ("tallies.json", "tallies.csv", "adx.xml")
OPTIONAL_FILES = ("tallies.xlsx",)
MAX_PACKAGE = 50 * 1024 * 1024  # bytes, for the age file, the ZIP and all files unpacked
MAX_ENTRIES = 16
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed timestamps: the same files give the same ZIP
AGE_MAGIC = age.MAGIC
HEX64 = re.compile(r"^[0-9a-f]{64}$")
SAFE_CODE = re.compile(r"^[A-Za-z0-9_.+?-]{1,64}$")


class FileEntry(msgspec.Struct):
    name: str
    sha256: str
    size: int


class Manifest(msgspec.Struct, kw_only=True):
    format: str = FORMAT
    office_id: str
    office_name: str
    office_key_id: str
    period: str  # label like 2026-Q1
    period_start: str  # ISO date
    period_end: str  # ISO date, inclusive
    scheme_id: str
    scheme_version: int
    scheme_sha256: str
    sequence: int
    supersedes: str | None  # SHA-256 hex of the encrypted package file this corrects
    created_at: str
    app_version: str
    files: list[FileEntry]


class Verified(msgspec.Struct):
    manifest: Manifest
    tally: Tally
    key_id: str
    package_sha256: str  # of the encrypted .age file
    files: dict[str, bytes]


def trusted_comment(office_id: str, period: str, sequence: int) -> str:
    return f"office:{office_id}\tperiod:{period}\tsequence:{sequence}"


def file_name(office_id: str, period: str, sequence: int) -> str:
    return f"{office_id}_{period}_{sequence}.fallzahl.age"


# the scheme's hash
@cache
def shipped_scheme_hashes() -> dict[tuple[str, int], str]:
    """(scheme id, version) -> SHA-256 of every scheme document shipped in resources/schemes."""
    out: dict[tuple[str, int], str] = {}
    for path in sorted(resource_path("schemes").glob("*.json")):
        data = path.read_bytes()
        try:
            s = scheme_model.parse(data)
        except scheme_model.SchemeDocumentError:
            continue
        out[(s.id, s.version)] = scheme_model.digest(data)
    return out


# building
def zip_files(entries: list[tuple[str, bytes]]) -> bytes:
    """A deterministic ZIP: given order, fixed timestamps and attributes, deflated."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            zf.writestr(info, data, compresslevel=6)
    return buf.getvalue()


def encode_manifest(manifest: Manifest) -> bytes:
    return msgspec.json.format(msgspec.json.encode(manifest), indent=2) + b"\n"


# opening
def _identities(identities: list[str]) -> list[str]:
    out = []
    for text in identities:
        try:
            out += age.identity_lines(text)
        except ValueError as exc:
            raise KeyFileInvalid(
                "Die Identitätsdatei enthält keinen gültigen age-Schlüssel (AGE-SECRET-KEY-1…).",
                "The identity file holds no valid age key (AGE-SECRET-KEY-1...).",
            ) from exc
    if not out:
        raise KeyFileInvalid(
            "Es wurde kein age-Schlüssel (AGE-SECRET-KEY-1…) zum Öffnen angegeben.",
            "No age key (AGE-SECRET-KEY-1...) was given to open the package.",
        )
    return out


def decrypt_package(data: bytes, identities: list[str]) -> bytes:
    """The ZIP inside an age-encrypted package; refuses garbage, truncation, wrong keys."""
    keys = _identities(identities)
    if len(data) > MAX_PACKAGE + 1024 * 1024:
        raise PackageUnsafe(
            "Das Paket ist unplausibel groß (über 50 MB) und wird nicht geöffnet.",
            "The package is implausibly large (over 50 MB) and is not opened.",
        )
    if not data.startswith(AGE_MAGIC):
        raise PackageDamaged(
            "Die Datei ist kein verschlüsseltes Fallzahl-Paket (keine age-Datei). Bitte die "
            "richtige .fallzahl.age-Datei wählen.",
            "The file is not an encrypted Fallzahl package (not an age file). Choose the "
            "right .fallzahl.age file.",
        )
    try:
        return age.decrypt(data, keys)
    except age.NoMatchingKey as exc:
        raise PackageWrongIdentity(
            "Das Paket ist nicht für diesen Schlüssel verschlüsselt. Ist es für einen "
            "anderen Landkreis bestimmt, oder wurde die falsche Identitätsdatei gewählt?",
            "The package is not encrypted for this key. Is it meant for another "
            "district, or was the wrong identity file chosen?",
        ) from exc
    except age.Damaged as exc:
        raise PackageDamaged(
            f"Das Paket ist unvollständig oder beschädigt ({exc}). Bitte die Datei erneut "
            "von der Beratungsstelle anfordern.",
            f"The package is incomplete or damaged ({exc}). Ask the office for the file again.",
        ) from exc


def _unsafe(why_de: str, why_en: str) -> PackageUnsafe:
    return PackageUnsafe(
        f"Das Paket ist unsicher aufgebaut: {why_de}. Es wird nicht geöffnet.",
        f"The package is built unsafely: {why_en}. It is not opened.",
    )


def _files_wrong(why_de: str, why_en: str) -> PackageFilesWrong:
    return PackageFilesWrong(
        f"Der Inhalt des Pakets passt nicht zu seinem Verzeichnis: {why_de}. Das Paket wurde "
        "verändert oder beschädigt; bitte bei der Beratungsstelle neu anfordern.",
        f"The package's contents do not match its manifest: {why_en}. It was changed or "
        "damaged; ask the office for it again.",
    )


def _manifest_invalid(field: str, why_de: str, why_en: str) -> PackageManifestInvalid:
    return PackageManifestInvalid(
        f"Das Verzeichnis (manifest.json) ist ungültig, Feld „{field}“: {why_de}.",
        f"The manifest (manifest.json) is invalid, field '{field}': {why_en}.",
    )


def read_zip(zip_bytes: bytes) -> dict[str, bytes]:
    """Every entry of the ZIP, after the structural safety checks."""
    if len(zip_bytes) > MAX_PACKAGE:
        raise _unsafe("über 50 MB", "over 50 MB")
    try:
        zf = zipfile.ZipFile(io.BytesIO(zip_bytes))
        infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError) as exc:
        raise PackageDamaged(
            f"Das entschlüsselte Paket ist kein lesbares ZIP-Archiv ({exc}).",
            f"The decrypted package is not a readable ZIP archive ({exc}).",
        ) from exc
    if len(infos) > MAX_ENTRIES:
        raise _unsafe(f"{len(infos)} Dateien", f"{len(infos)} files")
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if (
            not name
            or "/" in name
            or "\\" in name
            or ".." in name
            or ":" in name
            or name.startswith(".")
            or any(ord(c) < 32 for c in name)
        ):
            raise _unsafe(f"unzulässiger Dateiname {name!r}", f"forbidden file name {name!r}")
        if name in seen:
            raise _unsafe(f"Dateiname {name!r} doppelt", f"file name {name!r} twice")
        seen.add(name)
        if info.flag_bits & 0x1:
            raise _unsafe(f"{name} ist verschlüsselt", f"{name} is encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _unsafe(f"{name}: unbekannte Kompression", f"{name}: unknown compression")
        total += info.file_size
        if info.file_size > MAX_PACKAGE or total > MAX_PACKAGE:
            raise _unsafe("entpackt über 50 MB", "over 50 MB unpacked")
    out: dict[str, bytes] = {}
    for info in infos:
        try:
            with zf.open(info) as fh:
                data = fh.read(info.file_size + 1)
        except (zipfile.BadZipFile, zlib.error, ValueError, OSError, EOFError, RuntimeError) as exc:
            raise PackageDamaged(
                f"{info.filename} im Paket ist beschädigt ({exc}).",
                f"{info.filename} in the package is damaged ({exc}).",
            ) from exc
        if len(data) != info.file_size:
            raise _unsafe(
                f"{info.filename}: Größe stimmt nicht mit dem ZIP-Verzeichnis überein",
                f"{info.filename}: size differs from the ZIP directory",
            )
        out[info.filename] = data
    return out


_manifest_fields = set(Manifest.__struct_fields__)


def _decode_manifest(raw: bytes) -> Manifest:
    try:
        doc = msgspec.json.decode(raw)
    except msgspec.DecodeError as exc:
        raise _manifest_invalid("-", f"kein JSON ({exc})", f"not JSON ({exc})") from exc
    if not isinstance(doc, dict):
        raise _manifest_invalid("-", "kein Objekt", "not an object")
    extra = sorted(set(doc) - _manifest_fields)
    if extra:
        raise _manifest_invalid(extra[0], "unbekanntes Feld", "unknown field")
    missing = sorted(_manifest_fields - set(doc))
    if missing:
        raise _manifest_invalid(missing[0], "fehlt", "missing")
    try:
        manifest = msgspec.convert(doc, Manifest)
    except msgspec.ValidationError as exc:
        raise _manifest_invalid(str(exc), "falscher Typ", "wrong type") from exc
    for entry in manifest.files:
        if not isinstance(entry, FileEntry):
            raise _manifest_invalid("files", "ungültiger Eintrag", "invalid entry")
    return manifest


def _check_manifest(m: Manifest, package_sha256: str) -> Period:
    if m.format != FORMAT:
        raise _manifest_invalid("format", f"unbekannt: {m.format!r}", f"unknown: {m.format!r}")
    try:
        period = parse_period(m.period)
    except PeriodInvalid as exc:
        raise _manifest_invalid("period", "kein Zeitraum", "not a period") from exc
    if (period.start.isoformat(), period.end.isoformat()) != (m.period_start, m.period_end):
        raise _manifest_invalid(
            "period_start", "passt nicht zum Zeitraum", "does not match the period"
        )
    if m.sequence < 1:
        raise _manifest_invalid("sequence", "muss ab 1 zählen", "must count from 1")
    if not HEX64.match(m.scheme_sha256):
        raise _manifest_invalid("scheme_sha256", "keine SHA-256", "not a SHA-256")
    if m.supersedes is not None and (
        not HEX64.match(m.supersedes) or m.supersedes == package_sha256
    ):
        raise _manifest_invalid("supersedes", "keine gültige SHA-256", "not a valid SHA-256")
    if not re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", m.created_at):
        raise _manifest_invalid("created_at", "kein UTC-Zeitpunkt", "not a UTC timestamp")
    if not is_office_id(m.office_id):
        raise _manifest_invalid("office_id", "ungültige Kennung", "invalid id")
    return period


def _csv_rows(data: bytes, label: str) -> set[Row]:
    reader = csv.reader(io.StringIO(data.decode("utf-8")))
    header = next(reader)
    if header[:2] != ["period", "measure"] or header[-1] != "value":
        raise ValueError("header")
    dims = header[2:-1]
    rows: set[Row] = set()
    for cells in reader:
        if len(cells) != len(header) or cells[0] != label:
            raise ValueError("row")
        pairs = tuple(sorted((d, c) for d, c in zip(dims, cells[2:-1], strict=True) if c))
        value = None if cells[-1] == tally_io.SUPPRESSED else int(cells[-1])
        rows.add(Row(pairs, cells[1], value))
    return rows


def _check_tallies(m: Manifest, files: dict[str, bytes], period: Period) -> Tally:
    def mismatch(de: str, en: str) -> PackageTallyMismatch:
        return PackageTallyMismatch(
            f"Die Auszählung im Paket ist widersprüchlich: {de}. Bitte bei der "
            "Beratungsstelle neu anfordern.",
            f"The tally in the package is inconsistent: {en}. Ask the office for it again.",
        )

    try:
        tly = tally_io.from_json(files["tallies.json"])
    except TallyRefused as exc:
        raise mismatch(exc.de, exc.en) from exc
    if tly.period.label != period.label:
        raise mismatch("anderer Zeitraum als im Verzeichnis", "period differs from the manifest")
    if (tly.scheme_id, tly.scheme_version) != (m.scheme_id, m.scheme_version):
        raise mismatch("anderes Schema als im Verzeichnis", "scheme differs from the manifest")
    for row in tly.rows:
        if not SAFE_CODE.match(row.measure) or not all(
            SAFE_CODE.match(d) and SAFE_CODE.match(c) for d, c in row.dims
        ):
            raise mismatch("unzulässige Kennzahl oder Kodierung", "forbidden measure or code")
    # Fast path: the office writes tallies.csv and adx.xml with the same deterministic
    # writers from the same tally, so the canonical re-encodings must match byte for byte.
    # Only when they do not are both files parsed and compared row by row (the slow path,
    # which names what differs and also accepts an equivalent file from another writer).
    if files["tallies.csv"] == tally_io.csv_codes(tly) and files["adx.xml"] == adx.canonical(
        tly, m.office_id, adx_period_of(period), m.created_at
    ):
        return tly
    rows = set(tly.rows)
    try:
        csv_rows = _csv_rows(files["tallies.csv"], period.label)
    except (ValueError, UnicodeDecodeError, csv.Error, StopIteration) as exc:
        raise mismatch("tallies.csv ist nicht lesbar", "tallies.csv is unreadable") from exc
    if csv_rows != rows or len(rows) != len(tly.rows):
        raise mismatch(
            "tallies.csv weicht von tallies.json ab", "tallies.csv differs from tallies.json"
        )
    try:
        group, adx_rows = adx.read_adx(files["adx.xml"])
    except (ValueError, KeyError, SyntaxError) as exc:
        raise mismatch("adx.xml ist nicht lesbar", "adx.xml is unreadable") from exc
    expected_group = {
        "orgUnit": m.office_id,
        "period": adx_period_of(period),
        "dataSet": adx.data_set(tly),
    }
    if group != expected_group or adx_rows != {r for r in rows if r.value is not None}:
        raise mismatch("adx.xml weicht von tallies.json ab", "adx.xml differs from tallies.json")
    return tly


def adx_period_of(period: Period) -> str:
    from app.records.periods import adx_period

    return adx_period(period)


def verify_zip(
    zip_bytes: bytes,
    trusted: dict[str, bytes],
    package_sha256: str,
    *,
    known_schemes: Mapping[tuple[str, int], str] | None = None,
) -> Verified:
    """Check a decrypted package completely; ``trusted`` maps key id -> minisign .pub bytes.

    ``known_schemes`` maps (scheme id, version) -> document SHA-256 (default: the schemes
    shipped with the program); a package naming a known scheme with another hash is refused.
    """
    files = read_zip(zip_bytes)
    raw = files.get(MANIFEST)
    if raw is None:
        raise _files_wrong("manifest.json fehlt", "manifest.json is missing")
    sig = files.get(SIGNATURE)
    errors = VerifyErrors(
        missing=PackageBadSignature,
        malformed=PackageBadSignature,
        untrusted=PackageUntrustedKey,
        invalid=PackageBadSignature,
    )
    keys = []
    for kid, pub in trusted.items():
        try:
            key = signing.read_public_key(pub)
        except FallzahlError:
            continue
        if signing.key_id(key) == kid.upper():
            keys.append(key)
    if sig and sig.strip():
        signer = signing.signature_key_id(sig, PackageBadSignature)
        if not any(signing.key_id(k) == signer for k in keys):
            raise PackageUntrustedKey(
                f"Das Paket ist mit dem Schlüssel {signer} signiert, der hier für keine "
                "Beratungsstelle eingetragen ist. Tragen Sie den Schlüssel der Stelle ein "
                "(nach Bestätigung auf zweitem Weg) oder fordern Sie das Paket erneut an.",
                f"The package is signed with key {signer}, which is not enrolled here for any "
                "office. Enrol the office's key (after confirming it on a second channel) or "
                "ask for the package again.",
            )
    key_id, comment = signing.verify(
        raw, sig, keys, errors=errors, what=("das Paketverzeichnis", "the package manifest")
    )
    manifest = _decode_manifest(raw)
    period = _check_manifest(manifest, package_sha256)
    if manifest.office_key_id != key_id:
        raise _manifest_invalid(
            "office_key_id", "nicht der signierende Schlüssel", "not the signing key"
        )
    if comment != trusted_comment(manifest.office_id, manifest.period, manifest.sequence):
        raise PackageBadSignature(
            "Der signierte Kommentar (Stelle, Zeitraum, Nummer) passt nicht zum Verzeichnis.",
            "The signed comment (office, period, sequence) does not match the manifest.",
        )
    listed = [e.name for e in manifest.files]
    if len(set(listed)) != len(listed):
        raise _files_wrong("eine Datei ist doppelt verzeichnet", "a file is listed twice")
    present = set(files) - {MANIFEST, SIGNATURE}
    for name in sorted(set(listed) - present):
        raise _files_wrong(f"{name} fehlt", f"{name} is missing")
    for name in sorted(present - set(listed)):
        raise _files_wrong(f"{name} ist nicht verzeichnet", f"{name} is not listed")
    for name in REQUIRED_FILES:
        if name not in present:
            raise _files_wrong(f"{name} fehlt", f"{name} is missing")
    for name in sorted(present - set(REQUIRED_FILES) - set(OPTIONAL_FILES)):
        raise _files_wrong(f"unerwartete Datei {name}", f"unexpected file {name}")
    for entry in manifest.files:
        data = files[entry.name]
        if len(data) != entry.size or hashlib.sha256(data).hexdigest() != entry.sha256:
            raise _files_wrong(
                f"{entry.name} hat nicht die verzeichnete Größe oder SHA-256",
                f"{entry.name} does not have the listed size or SHA-256",
            )
    known = shipped_scheme_hashes() if known_schemes is None else known_schemes
    expected = known.get((manifest.scheme_id, manifest.scheme_version))
    if expected is not None and expected != manifest.scheme_sha256:
        raise PackageSchemeMismatch(
            f"Das Paket nennt Schema {manifest.scheme_id} v{manifest.scheme_version} mit einer "
            "anderen Prüfsumme als das bekannte Schema. Die Stelle arbeitet mit einem "
            "veränderten Schema; bitte klären.",
            f"The package names scheme {manifest.scheme_id} v{manifest.scheme_version} with "
            "another checksum than the known scheme. The office works with a changed scheme; "
            "please clarify.",
        )
    tly = _check_tallies(manifest, files, period)
    return Verified(
        manifest=manifest,
        tally=tly,
        key_id=key_id,
        package_sha256=package_sha256,
        files={k: v for k, v in files.items() if k in present},
    )


def open_package(data: bytes, identities: list[str], trusted: dict[str, bytes]) -> Verified:
    """Decrypt and verify an encrypted package file's bytes."""
    return verify_zip(decrypt_package(data, identities), trusted, hashlib.sha256(data).hexdigest())


def check_sequence(last_seen: int | None, manifest: Manifest) -> None:
    """District side: refuse a replay or rollback (sequence not above the last one seen)."""
    if last_seen is not None and manifest.sequence <= last_seen:
        raise PackageSequence(
            f"Paket Nr. {manifest.sequence} von {manifest.office_id} ist nicht neuer als das "
            f"zuletzt angenommene (Nr. {last_seen}): eine Wiederholung oder ein älteres Paket. "
            "Es wird nicht übernommen.",
            f"Package no. {manifest.sequence} from {manifest.office_id} is not newer than the "
            f"last one accepted (no. {last_seen}): a replay or an older package. It is not taken.",
        )


def trusted_from_files(pub_files: list[bytes]) -> dict[str, bytes]:
    """key id -> public key file, for verify_zip."""
    return {signing.key_id(pub): pub for pub in pub_files}
