"""The submission package's format: open and verify it from bytes and keys alone.

The office builds it (app/office/export.py); the district and the office's own tools open it.

A package is ``<office id>_<period>_<sequence>.fallzahl-package``: an age file (X25519
recipients) holding a ZIP with manifest.json, manifest.json.minisig, tallies.json,
tallies.csv, adx.xml and tallies.xlsx (the office report workbook, optional for readers). Only
aggregates leave the office. The exact format, and how to check a package by hand with
``age``, ``unzip``, ``minisign`` and ``sha256sum``, is in docs/submission-format.md.

Every refusal is a PackageRefused subclass (app/errors.py) naming what is wrong.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
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
from app.stats import adx, exchange_ids, tally_io
from app.stats.tally import NON_ADDITIVE_MEASURES, Row, Tally

if TYPE_CHECKING:
    pass

FORMAT = "fallzahl-submission/1"
# Format 2: the same files; the manifest lists the tally's measures that must not be added
# up (non_additive). An office writes it when its scheme is format 2; a district reads both.
FORMAT_2 = "fallzahl-submission/2"
# Format 3: tallies.json is fallzahl-tally/2 (one code each for not recorded, unknown and not
# asked: app/stats/codes.py); non_additive as in format 2, for every scheme (it may be []).
# Every office writes it; a district reads all three (formats 1 and 2 hold fallzahl-tally/1).
FORMAT_3 = "fallzahl-submission/3"
FORMATS = (FORMAT, FORMAT_2, FORMAT_3)
TALLY_FORMAT = {
    FORMAT: tally_io.FORMAT_1,
    FORMAT_2: tally_io.FORMAT_1,
    FORMAT_3: tally_io.FORMAT,
}
MANIFEST, SIGNATURE = "manifest.json", "manifest.json.minisig"
# The package file's name ends in an extension of its own: Windows Explorer goes by the last
# extension, so the ".fallzahl.age" of earlier versions was an ".age" file to it. The content
# is a standard age file all the same. Files with the earlier endings are still opened.
SUFFIX = ".fallzahl-package"
OLD_SUFFIXES = (".fallzahl.age", ".age")
SUFFIXES = (SUFFIX, *OLD_SUFFIXES)
REQUIRED_FILES = ("tallies.json", "tallies.csv", "adx.xml")
OPTIONAL_FILES = ("tallies.xlsx", "staffing.json")  # staffing: app/exchange/staffing.py
# Limits, checked before anything is decrypted or inflated (docs/submission-format.md).
# A real package is about 60 KB (each file about 50-80 KB unpacked, compressed 10-17 fold).
MAX_FILE = 8 * 1024 * 1024  # the package file, and the ZIP inside it
MAX_ENTRY = 4 * 1024 * 1024  # one file unpacked
MAX_TOTAL = 8 * 1024 * 1024  # all files unpacked
MAX_MANIFEST = 64 * 1024  # manifest.json unpacked
MAX_SIGNATURE = 4 * 1024  # manifest.json.minisig unpacked
MAX_ENTRIES = 16
MAX_RATIO = 100  # unpacked / packed, for entries over RATIO_FLOOR
RATIO_FLOOR = 16 * 1024
MAX_SEQUENCE = 2**31 - 1
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed timestamps: the same files give the same ZIP
AGE_MAGIC = age.MAGIC
# matched with fullmatch: "$" would let a trailing newline through
HEX64 = re.compile(r"[0-9a-f]{64}")
SAFE_CODE = re.compile(r"[A-Za-z0-9_.+?-]{1,64}")
UTC_STAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")


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
    non_additive: list[str] | msgspec.UnsetType = msgspec.UNSET  # format 2 and 3 only


class Verified(msgspec.Struct):
    manifest: Manifest
    tally: Tally
    key_id: str
    package_sha256: str  # of the encrypted .age file
    files: dict[str, bytes]


def trusted_comment(office_id: str, period: str, sequence: int) -> str:
    return f"office:{office_id}\tperiod:{period}\tsequence:{sequence}"


def file_name(office_id: str, period: str, sequence: int) -> str:
    return f"{office_id}_{period}_{sequence}{SUFFIX}"


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


def check_file_size(size: int) -> None:
    """Refuse a package file over MAX_FILE (before reading or decrypting it)."""
    if size > MAX_FILE:
        raise PackageUnsafe(
            f"Das Paket ist unplausibel groß (über {_mb(MAX_FILE)}) und wird nicht geöffnet.",
            f"The package is implausibly large (over {_mb(MAX_FILE)}) and is not opened.",
        )


def read_package_file(path: str | os.PathLike[str]) -> bytes:
    """A package file's bytes, refused by its size (MAX_FILE) before it is read, and never
    read past the limit (PackageUnsafe); PackageDamaged when it cannot be read."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            check_file_size(os.fstat(fh.fileno()).st_size)
            data = fh.read(MAX_FILE + 1)
    except OSError as exc:
        raise PackageDamaged(
            f"Die Datei {path.name} lässt sich nicht lesen ({exc.strerror}).",
            f"The file {path.name} cannot be read ({exc.strerror}).",
        ) from exc
    check_file_size(len(data))  # it grew while being read
    return data


def decrypt_package(data: bytes, identities: list[str]) -> bytes:
    """The ZIP inside an age-encrypted package; refuses garbage, truncation, wrong keys."""
    keys = _identities(identities)
    check_file_size(len(data))
    if not data.startswith(AGE_MAGIC):
        raise PackageDamaged(
            "Die Datei ist kein verschlüsseltes Fallzahl-Paket (keine age-Datei). Bitte die "
            f"richtige {SUFFIX}-Datei wählen.",
            "The file is not an encrypted Fallzahl package (not an age file). Choose the "
            f"right {SUFFIX} file.",
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
    except age.Unsafe as exc:
        raise _unsafe(
            f"der age-Kopf ist unplausibel ({exc})", f"the age header is implausible ({exc})"
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


def _not_a_zip(why: str) -> PackageDamaged:
    return PackageDamaged(
        f"Das entschlüsselte Paket ist kein lesbares ZIP-Archiv ({why}).",
        f"The decrypted package is not a readable ZIP archive ({why}).",
    )


def _mb(n: int) -> str:
    return f"{n // (1024 * 1024)} MB"


def _entry_limit(name: str) -> int:
    return {MANIFEST: MAX_MANIFEST, SIGNATURE: MAX_SIGNATURE}.get(name, MAX_ENTRY)


def _end_record(zip_bytes: bytes) -> None:
    """Check the ZIP's end record before zipfile reads the central directory it points to.

    A package ZIP has no archive comment, so the record is the file's last 22 bytes; it must
    declare at most MAX_ENTRIES entries on one disk and a central directory of plausible
    size, and no ZIP64 (a package never needs it). So a hostile directory of a million
    entries is refused before one is parsed.
    """
    size = zipfile.sizeEndCentDir
    if len(zip_bytes) < size:
        raise _not_a_zip("too short")
    sig, disk, cd_disk, here, total, cd_size, cd_offset, comment = struct.unpack(
        zipfile.structEndArchive, zip_bytes[-size:]
    )
    if sig != zipfile.stringEndArchive or comment != 0:
        raise _not_a_zip("no end record at the end of the archive")
    if disk != 0 or cd_disk != 0 or here != total:
        raise _unsafe("mehrteiliges ZIP-Archiv", "multi-part ZIP archive")
    locator = zip_bytes[-size - zipfile.sizeEndCentDir64Locator : -size]
    zip64 = locator.startswith(zipfile.stringEndArchive64Locator)  # zipfile would follow it
    if zip64 or total == 0xFFFF or cd_size == 0xFFFFFFFF or cd_offset == 0xFFFFFFFF:
        raise _unsafe("ZIP64-Archiv", "ZIP64 archive")
    if total > MAX_ENTRIES:
        raise _unsafe(
            f"{total} Dateien (höchstens {MAX_ENTRIES})", f"{total} files (at most {MAX_ENTRIES})"
        )
    if cd_size > MAX_ENTRIES * 1024 or cd_offset + cd_size > len(zip_bytes) - size:
        raise _unsafe("ZIP-Verzeichnis unplausibel groß", "implausible ZIP directory")


def _check_entry(info: zipfile.ZipInfo, seen: set[str]) -> None:
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
    if info.flag_bits & 0x1:
        raise _unsafe(f"{name} ist verschlüsselt", f"{name} is encrypted")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise _unsafe(f"{name}: unbekannte Kompression", f"{name}: unknown compression")
    limit = _entry_limit(name)
    if info.file_size > limit:
        raise _unsafe(
            f"{name} entpackt {info.file_size} Bytes (höchstens {limit})",
            f"{name} unpacks to {info.file_size} bytes (at most {limit})",
        )
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise _unsafe(
            f"{name} ist über {MAX_RATIO}-fach komprimiert (ZIP-Bombe?)",
            f"{name} is compressed more than {MAX_RATIO}-fold (zip bomb?)",
        )


class PackageZip:
    """A decrypted package's ZIP, checked from its end record and central directory alone.

    Nothing is inflated by ``open_zip``: every declared size, the total and the compression
    ratios are checked first; ``read`` then inflates one entry at a time, on demand.
    """

    def __init__(self, zf: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo]) -> None:
        self._zf = zf
        self._infos = infos

    @property
    def names(self) -> list[str]:
        return list(self._infos)

    def read(self, name: str) -> bytes | None:
        """The entry's bytes (None when there is no such entry), inflated in bounded chunks
        (zipfile's reader) and never more than one byte past its declared size, which
        ``open_zip`` checked against the entry's limit."""
        info = self._infos.get(name)
        if info is None:
            return None
        try:
            with self._zf.open(info) as fh:
                data = fh.read(info.file_size + 1)
        except (zipfile.BadZipFile, zlib.error, ValueError, OSError, EOFError, RuntimeError) as exc:
            raise PackageDamaged(
                f"{name} im Paket ist beschädigt ({exc}).",
                f"{name} in the package is damaged ({exc}).",
            ) from exc
        if len(data) != info.file_size:
            raise _unsafe(
                f"{name}: Größe stimmt nicht mit dem ZIP-Verzeichnis überein",
                f"{name}: size differs from the ZIP directory",
            )
        return data


def open_zip(zip_bytes: bytes) -> PackageZip:
    """The ZIP's entries after the structural safety checks, none of them inflated yet."""
    if len(zip_bytes) > MAX_FILE:
        raise _unsafe(f"über {_mb(MAX_FILE)}", f"over {_mb(MAX_FILE)}")
    _end_record(zip_bytes)
    try:
        zf = zipfile.ZipFile(io.BytesIO(zip_bytes))
        infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError) as exc:
        raise _not_a_zip(str(exc)) from exc
    if len(infos) > MAX_ENTRIES:  # pragma: no cover - the end record declared the count
        raise _unsafe(f"{len(infos)} Dateien", f"{len(infos)} files")
    seen: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        _check_entry(info, set(seen))
        seen[info.filename] = info
        total += info.file_size
        if total > MAX_TOTAL:
            raise _unsafe(f"entpackt über {_mb(MAX_TOTAL)}", f"over {_mb(MAX_TOTAL)} unpacked")
    return PackageZip(zf, seen)


def read_zip(zip_bytes: bytes) -> dict[str, bytes]:
    """Every entry of the ZIP, after the structural safety checks."""
    pz = open_zip(zip_bytes)
    return {name: pz.read(name) or b"" for name in pz.names}


_manifest_fields = set(Manifest.__struct_fields__)
_required_fields = _manifest_fields - {"non_additive"}


def _decode_manifest(raw: bytes) -> Manifest:
    doc = _json(raw)
    if not isinstance(doc, dict):
        raise _manifest_invalid("-", "kein Objekt", "not an object")
    extra = sorted(set(doc) - _manifest_fields)
    if extra:
        raise _manifest_invalid(extra[0], "unbekanntes Feld", "unknown field")
    missing = sorted(_required_fields - set(doc))
    if doc.get("format") in (FORMAT_2, FORMAT_3) and "non_additive" not in doc:
        missing.append("non_additive")
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
    if m.format not in FORMATS:
        raise _manifest_invalid("format", f"unbekannt: {m.format!r}", f"unknown: {m.format!r}")
    if m.format == FORMAT and m.non_additive is not msgspec.UNSET:
        raise _manifest_invalid("non_additive", "gibt es erst in Format 2", "only in format 2")
    try:
        period = parse_period(m.period)
    except PeriodInvalid as exc:
        raise _manifest_invalid("period", "kein Zeitraum", "not a period") from exc
    if m.period != period.label:
        raise _manifest_invalid(
            "period", f"nicht in der Form {period.label}", f"not written as {period.label}"
        )
    if (period.start.isoformat(), period.end.isoformat()) != (m.period_start, m.period_end):
        raise _manifest_invalid(
            "period_start", "passt nicht zum Zeitraum", "does not match the period"
        )
    if not 1 <= m.sequence <= MAX_SEQUENCE:
        raise _manifest_invalid(
            "sequence", f"muss zwischen 1 und {MAX_SEQUENCE} liegen",
            f"must lie between 1 and {MAX_SEQUENCE}",
        )  # fmt: skip
    if not HEX64.fullmatch(m.scheme_sha256):
        raise _manifest_invalid("scheme_sha256", "keine SHA-256", "not a SHA-256")
    if m.supersedes is not None and (
        not HEX64.fullmatch(m.supersedes) or m.supersedes == package_sha256
    ):
        raise _manifest_invalid("supersedes", "keine gültige SHA-256", "not a valid SHA-256")
    if not UTC_STAMP.fullmatch(m.created_at):
        raise _manifest_invalid("created_at", "kein UTC-Zeitpunkt", "not a UTC timestamp")
    try:
        dt.datetime.strptime(m.created_at, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError as exc:
        raise _manifest_invalid("created_at", "kein UTC-Zeitpunkt", "not a UTC timestamp") from exc
    if not is_office_id(m.office_id):
        raise _manifest_invalid("office_id", "ungültige Kennung", "invalid id")
    for entry in m.files:
        if not HEX64.fullmatch(entry.sha256) or not 0 <= entry.size <= MAX_ENTRY:
            raise _manifest_invalid("files", f"Eintrag {entry.name!r}", f"entry {entry.name!r}")
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
        value = None if cells[-1] == tally_io.SUPPRESSED else tally_io.parse_count(cells[-1])
        rows.add(Row(pairs, cells[1], value))
    return rows


def check_tallies(
    m: Manifest, files: dict[str, bytes], period: Period, scheme: scheme_model.Scheme | None = None
) -> Tally:
    """tallies.json (canonical, of the manifest's format, for its period and scheme), and
    tallies.csv and adx.xml holding exactly its rows. The tally comes back in today's codes
    (a format 1 and 2 package's through ``tally_io.upgrade``, its unknown codes with
    ``scheme``)."""

    def mismatch(de: str, en: str) -> PackageTallyMismatch:
        return PackageTallyMismatch(
            f"Die Auszählung im Paket ist widersprüchlich: {de}. Bitte bei der "
            "Beratungsstelle neu anfordern.",
            f"The tally in the package is inconsistent: {en}. Ask the office for it again.",
        )

    try:
        fmt, tly = tally_io.decode(files["tallies.json"])
    except TallyRefused as exc:
        raise mismatch(exc.de, exc.en) from exc
    if fmt != TALLY_FORMAT[m.format]:
        raise mismatch(
            f"Auszählung im Format {fmt} passt nicht zum Paketformat {m.format}",
            f"tally format {fmt} does not fit package format {m.format}",
        )
    if tly.period.label != period.label:
        raise mismatch("anderer Zeitraum als im Verzeichnis", "period differs from the manifest")
    if (tly.scheme_id, tly.scheme_version) != (m.scheme_id, m.scheme_version):
        raise mismatch("anderes Schema als im Verzeichnis", "scheme differs from the manifest")
    declared = set(m.non_additive) if m.non_additive is not msgspec.UNSET else set()
    present = {row.measure for row in tly.rows}
    if not declared <= present or present & set(NON_ADDITIVE_MEASURES) - declared:
        raise mismatch(
            "nicht summierbare Kennzahlen falsch angegeben (non_additive)",
            "measures that do not add up are declared wrongly (non_additive)",
        )
    for row in tly.rows:
        if not SAFE_CODE.fullmatch(row.measure) or not all(
            SAFE_CODE.fullmatch(d) and SAFE_CODE.fullmatch(c) for d, c in row.dims
        ):
            raise mismatch("unzulässige Kennzahl oder Kodierung", "forbidden measure or code")
    old = fmt != tally_io.FORMAT
    # Fast path: the office writes tallies.csv and adx.xml with the same deterministic
    # writers from the same tally, so the canonical re-encodings must match byte for byte.
    # Only when they do not are both files parsed and compared row by row (the slow path,
    # which names what differs and also accepts an equivalent file from another writer).
    # A format 1 tally's files were written by earlier writers: always the slow path, with
    # every side in today's codes.
    if (
        not old
        and files["tallies.csv"] == tally_io.csv_codes(tly)
        and files["adx.xml"] == adx.canonical(tly, m.office_id, adx_period_of(period), m.created_at)
    ):
        return tly

    def today(rows: set[Row]) -> set[Row]:
        return set(tally_io.upgrade_rows(rows)) if old else rows

    rows = today(set(tly.rows))
    try:
        csv_rows = today(_csv_rows(files["tallies.csv"], period.label))
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
    published = {r for r in rows if r.value is not None}
    if old:  # the earlier ADX writer wrote some codes lossily ("D92+" as "D92_")
        adx_rows, published = _comparable(today(adx_rows)), _comparable(published)
    if group != expected_group or adx_rows != published:
        raise mismatch("adx.xml weicht von tallies.json ab", "adx.xml differs from tallies.json")
    return tally_io.upgrade(tly, scheme) if old else tly


def _comparable(rows: set[Row]) -> set[Row]:
    return {
        Row(tuple((d, exchange_ids.comparable(c)) for d, c in r.dims), r.measure, r.value)
        for r in rows
    }


def adx_period_of(period: Period) -> str:
    from app.records.periods import adx_period

    return adx_period(period)


# verifying, step by step: the district runs these in its own order (app/district/verify.py),
# verify_zip runs them all for the office's and IT staff's tools


def signed_manifest(pz: PackageZip) -> tuple[bytes, bytes]:
    """(manifest.json, manifest.json.minisig) as they are in the ZIP, each read within its
    limit; the signature is empty when it is missing."""
    raw = pz.read(MANIFEST)
    if raw is None:
        raise _files_wrong("manifest.json fehlt", "manifest.json is missing")
    return raw, pz.read(SIGNATURE) or b""


def _json(raw: bytes) -> object:
    """manifest.json as JSON; refused when it is not (deep nesting included: msgspec raises
    RecursionError, not DecodeError, for a 64 KB file of brackets)."""
    try:
        return msgspec.json.decode(raw)
    except (msgspec.DecodeError, RecursionError) as exc:
        raise _manifest_invalid("-", f"kein JSON ({exc})", f"not JSON ({exc})") from exc


def claimed_office(raw: bytes) -> str:
    """The office id the (not yet verified) manifest names, to look up its key."""
    doc = _json(raw)
    office = doc.get("office_id") if isinstance(doc, dict) else None
    if not isinstance(office, str):
        raise _manifest_invalid("office_id", "fehlt", "missing")
    return office


def signed_fields(raw: bytes, key_id: str, comment: str, package_sha256: str) -> Manifest:
    """The manifest whose signature was verified (by ``key_id``, with ``comment``): decoded,
    checked field by field, made by the signing key, and agreeing with the signed comment."""
    manifest = _decode_manifest(raw)
    _check_manifest(manifest, package_sha256)
    if manifest.office_key_id != key_id:
        raise _manifest_invalid(
            "office_key_id", "nicht der signierende Schlüssel", "not the signing key"
        )
    if comment != trusted_comment(manifest.office_id, manifest.period, manifest.sequence):
        raise PackageBadSignature(
            "Der signierte Kommentar (Stelle, Zeitraum, Nummer) passt nicht zum Verzeichnis.",
            "The signed comment (office, period, sequence) does not match the manifest.",
        )
    return manifest


def listed_files(pz: PackageZip, manifest: Manifest) -> dict[str, bytes]:
    """The files the manifest lists, exactly those present, each of its listed size and hash."""
    listed = [e.name for e in manifest.files]
    if len(set(listed)) != len(listed):
        raise _files_wrong("eine Datei ist doppelt verzeichnet", "a file is listed twice")
    present = set(pz.names) - {MANIFEST, SIGNATURE}
    for name in sorted(set(listed) - present):
        raise _files_wrong(f"{name} fehlt", f"{name} is missing")
    for name in sorted(present - set(listed)):
        raise _files_wrong(f"{name} ist nicht verzeichnet", f"{name} is not listed")
    for name in REQUIRED_FILES:
        if name not in present:
            raise _files_wrong(f"{name} fehlt", f"{name} is missing")
    for name in sorted(present - set(REQUIRED_FILES) - set(OPTIONAL_FILES)):
        raise _files_wrong(f"unerwartete Datei {name}", f"unexpected file {name}")
    files: dict[str, bytes] = {}
    for entry in manifest.files:
        data = pz.read(entry.name) or b""
        if len(data) != entry.size or hashlib.sha256(data).hexdigest() != entry.sha256:
            raise _files_wrong(
                f"{entry.name} hat nicht die verzeichnete Größe oder SHA-256",
                f"{entry.name} does not have the listed size or SHA-256",
            )
        files[entry.name] = data
    return files


def check_scheme_hash(manifest: Manifest, known: Mapping[tuple[str, int], str]) -> None:
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


def verify_zip(
    zip_bytes: bytes,
    trusted: dict[str, bytes],
    package_sha256: str,
    *,
    known_schemes: Mapping[tuple[str, int], str] | None = None,
    scheme: scheme_model.Scheme | None = None,
) -> Verified:
    """Check a decrypted package completely; ``trusted`` maps key id -> minisign .pub bytes.

    ``known_schemes`` maps (scheme id, version) -> document SHA-256 (default: the schemes
    shipped with the program); a package naming a known scheme with another hash is refused.
    ``scheme`` (the package's, if at hand) maps a format 1 tally's unknown codes to ``_U``.
    Sizes are checked before anything is inflated, the signature before any file but the
    manifest is read.
    """
    pz = open_zip(zip_bytes)
    raw, sig = signed_manifest(pz)
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
    if sig.strip():
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
    manifest = signed_fields(raw, key_id, comment, package_sha256)
    period = parse_period(manifest.period)
    files = listed_files(pz, manifest)
    check_scheme_hash(manifest, shipped_scheme_hashes() if known_schemes is None else known_schemes)
    tly = check_tallies(manifest, files, period, scheme)
    return Verified(
        manifest=manifest, tally=tly, key_id=key_id, package_sha256=package_sha256, files=files
    )


def open_package(data: bytes, identities: list[str], trusted: dict[str, bytes]) -> Verified:
    """Decrypt and verify an encrypted package file's bytes."""
    return verify_zip(decrypt_package(data, identities), trusted, hashlib.sha256(data).hexdigest())


def trusted_from_files(pub_files: list[bytes]) -> dict[str, bytes]:
    """key id -> public key file, for verify_zip."""
    return {signing.key_id(pub): pub for pub in pub_files}
