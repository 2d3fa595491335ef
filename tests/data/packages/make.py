"""Make the damaged, tampered and hostile submission packages in this folder (from the repo root).

    python tests/data/packages/make.py [NAME ...]

(with names: write only those files, leaving the others as committed; age encryption is
randomised, so every run gives other bytes.) The committed files are package format 1, made
before format 3: they stay as they are, as packages already sent do (a run today would
write format 3 and the current ADX layout; formats/make.py writes every format).

Each package is built by hand from the same parts build_package uses, then damaged in one
way, as a sender with a few lines of Python would. expected.json names the refusal each
must produce when opened with the office's tools (tests/test_package_vectors.py);
district.json names the district's refusal for each, given what the desk already holds
(tests/test_district_vectors.py); README.md explains them. The keys here are TEST ONLY:
test-office.key signs for HZ-TEST-01, other-office.key for HZ-OTHER-01 (enrolled at the
district, not trusted by the office tools' test), test-district.age is the district.
"""

from __future__ import annotations

import hashlib
import io
import json
import struct
import sys
import warnings
import zipfile
import zlib
from pathlib import Path

import msgspec
import pyrage

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from app.crypto import signing  # noqa: E402
from app.exchange import package as pkg  # noqa: E402
from app.office import demo as demo_mod  # noqa: E402
from app.records.periods import parse_period  # noqa: E402
from app.scheme.trust import load_verified, shipped_scheme, trusted_keys  # noqa: E402
from app.stats import adx, tally_io  # noqa: E402
from app.stats.tally import Row, tally  # noqa: E402

PERIOD = "2025-Q1"
OFFICE = "HZ-TEST-01"
OTHER = "HZ-OTHER-01"
CREATED = "2025-04-02T09:00:00Z"


def keys() -> tuple[bytes, bytes, bytes, bytes]:
    """(office secret, office public, other secret, other public); made once, then kept."""
    out = []
    for name in ("test-office", "other-office"):
        sk, pk = HERE / f"{name}.key", HERE / f"{name}.pub"
        if not sk.exists():
            secret, public = signing.generate_keypair(f"TEST ONLY {name}")
            sk.write_bytes(secret)
            pk.write_bytes(public)
        out += [sk.read_bytes(), pk.read_bytes()]
    return tuple(out)  # type: ignore[return-value]


def identity() -> pyrage.x25519.Identity:
    path = HERE / "test-district.age"
    if not path.exists():
        ident = pyrage.x25519.Identity.generate()
        path.write_text(
            f"# TEST ONLY district identity\n# public key: {ident.to_public()}\n{ident}\n"
        )
    line = [x for x in path.read_text().splitlines() if x.startswith("AGE-SECRET-KEY-")][0]
    return pyrage.x25519.Identity.from_str(line)


def scheme_and_records():
    doc, sig = shipped_scheme()
    scheme = load_verified(doc, sig, trusted_keys(), None, None, check_dates=False)
    cases, contacts = demo_mod.generate(scheme, 60, 2025, seed=7)
    return scheme, doc, cases, contacts


def files_of(tly, office: str = OFFICE) -> dict[str, bytes]:
    """tallies.json, tallies.csv and adx.xml of a tally, written as the office writes them."""
    return {
        "tallies.json": tally_io.to_json(tly),
        "tallies.csv": tally_io.csv_codes(tly),
        "adx.xml": adx.to_adx(tly, office, CREATED),
    }


def manifest_for(files, kid, scheme, doc, period_, **over) -> pkg.Manifest:
    period = period_
    fields = dict(
        office_id=OFFICE,
        office_name="Testberatungsstelle",
        office_key_id=kid,
        period=period.label,
        period_start=period.start.isoformat(),
        period_end=period.end.isoformat(),
        scheme_id=scheme.id,
        scheme_version=scheme.version,
        scheme_sha256=hashlib.sha256(doc).hexdigest(),
        sequence=1,
        supersedes=None,
        created_at=CREATED,
        app_version="test",
        files=[pkg.FileEntry(n, hashlib.sha256(d).hexdigest(), len(d)) for n, d in files.items()],
    )
    fields.update(over)
    return pkg.Manifest(**fields)


def assemble(files, manifest, secret, *, extra=(), sig_mutate=None, comment=None):
    raw = pkg.encode_manifest(manifest)
    sig = signing.sign(
        raw,
        secret,
        comment or pkg.trusted_comment(manifest.office_id, manifest.period, manifest.sequence),
    )
    if sig_mutate:
        sig = sig_mutate(sig)
    return pkg.zip_files([(pkg.MANIFEST, raw), (pkg.SIGNATURE, sig), *files.items(), *extra])


def encrypt(zipped: bytes, recipient=None) -> bytes:
    return pyrage.encrypt(zipped, [recipient or identity().to_public()])


def flip_sig(sig: bytes) -> bytes:
    lines = sig.split(b"\n")
    b = bytearray(lines[1])
    b[20] = ord("A") if b[20] != ord("A") else ord("B")
    lines[1] = bytes(b)
    return b"\n".join(lines)


def deflate_bomb(megabytes: int) -> tuple[bytes, int]:
    """(raw deflate data, CRC-32) of ``megabytes`` MB of spaces, made in milliseconds: one
    compressed megabyte ends with a full flush, which resets the compressor, so the same
    bytes can follow again and again."""
    chunk = b" " * (1 << 20)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(megabytes):
        crc = zlib.crc32(chunk, crc)
    return block * megabytes + c.flush(), crc


def raw_zip(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A deflated ZIP written field by field: (name, deflate data, CRC, declared size).

    The declared unpacked size goes into both headers as given, so a sender can state any
    size it likes (zipfile's writer would always tell the truth)."""
    out, central = io.BytesIO(), io.BytesIO()
    for name, data, crc, size in entries:
        offset = out.tell()
        encoded = name.encode()
        out.write(struct.pack(zipfile.structFileHeader, zipfile.stringFileHeader, 20, 0, 0,
                              zipfile.ZIP_DEFLATED, 0, 0x21, crc, len(data), size,
                              len(encoded), 0))  # fmt: skip
        out.write(encoded + data)
        central.write(struct.pack(zipfile.structCentralDir, zipfile.stringCentralDir, 20, 3, 20,
                                  0, 0, zipfile.ZIP_DEFLATED, 0, 0x21, crc, len(data), size,
                                  len(encoded), 0, 0, 0, 0, 0o644 << 16, offset))  # fmt: skip
        central.write(encoded)
    start = out.tell()
    out.write(central.getvalue())
    out.write(struct.pack(zipfile.structEndArchive, zipfile.stringEndArchive, 0, 0,
                          len(entries), len(entries), len(central.getvalue()), start, 0))  # fmt: skip
    return out.getvalue()


def main() -> None:
    secret, public, other_secret, other_public = keys()
    kid, other_kid = signing.key_id(public), signing.key_id(other_public)
    scheme, doc, cases, contacts = scheme_and_records()
    period = parse_period(PERIOD)
    q2 = parse_period("2025-Q2")
    tly = tally(scheme, cases, contacts, period)
    files = files_of(tly)
    m = manifest_for(files, kid, scheme, doc, period)
    good = assemble(files, m, secret)
    out: dict[str, bytes] = {"valid": encrypt(good)}

    def package(files_, secret_=secret, kid_=kid, period_=period, **over) -> bytes:
        man = manifest_for(files_, kid_, scheme, doc, period_, **over)
        return encrypt(assemble(files_, man, secret_))

    def with_rows(rows, period_=period, **over):
        changed = msgspec.structs.replace(tally(scheme, cases, contacts, period_), **over)
        return files_of(msgspec.structs.replace(changed, rows=tuple(sorted(
            rows(changed.rows), key=lambda r: (r.measure, r.dims)))))  # fmt: skip

    # damaged or tampered (the office's tools and the district refuse them alike)
    out["bad_signature"] = encrypt(assemble(files, m, secret, sig_mutate=flip_sig))
    out["wrong_key"] = package(files, other_secret, other_kid)
    changed = dict(files)
    changed["tallies.json"] = changed["tallies.json"].replace(b',"contacts",', b',"contacts",1', 1)
    assert changed["tallies.json"] != files["tallies.json"]
    out["changed_tally_byte"] = encrypt(assemble(changed, m, secret))
    out["extra_file"] = encrypt(assemble(files, m, secret, extra=[("notes.txt", b"hello\n")]))
    missing = {k: v for k, v in files.items() if k != "adx.xml"}
    out["missing_file"] = encrypt(assemble(missing, m, secret))
    out["path_traversal"] = encrypt(assemble(files, m, secret, extra=[("../evil.txt", b"x\n")]))
    out["absolute_name"] = encrypt(assemble(files, m, secret, extra=[("/etc/evil", b"x\n")]))
    out["zip_bomb"] = encrypt(
        assemble(files, m, secret, extra=[("tallies.xlsx", b"\0" * (60 * 1024 * 1024))])
    )
    out["truncated"] = out["valid"][: len(out["valid"]) - 40]
    out["garbage"] = hashlib.sha256(b"x").digest() * 40
    out["wrong_identity"] = encrypt(good, pyrage.x25519.Identity.generate().to_public())
    out["lower_sequence"] = out["valid"]
    bad_scheme = manifest_for(files, kid, scheme, doc, period, scheme_sha256="0" * 64)
    out["wrong_scheme_hash"] = encrypt(assemble(files, bad_scheme, secret))
    csv_changed = dict(files)
    csv_changed["tallies.csv"] = files["tallies.csv"].replace(b",contacts,", b",persons,", 1)
    out["csv_disagrees"] = package(csv_changed)
    out["comment_mismatch"] = encrypt(
        assemble(files, m, secret, comment=pkg.trusted_comment(OFFICE, period.label, 9))
    )
    with zipfile.ZipFile(io.BytesIO(good)) as zf:
        entries = [(i.filename, zf.read(i)) for i in zf.infolist()]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name: wanted here
        dup = pkg.zip_files([*entries, ("tallies.csv", files["tallies.csv"])])
    out["duplicate_name"] = encrypt(dup)

    # hostile: sizes that would cost time and memory if anything were inflated
    bomb, crc = deflate_bomb(1024)  # the file: 1 MB that inflates to 1 GB
    unsigned = signing.sign(b"{}", other_secret, pkg.trusted_comment("HZ-NOWHERE-01", PERIOD, 1))
    out["unenrolled_bomb"] = encrypt(raw_zip([
        (pkg.MANIFEST, bomb, crc, 1 << 30),
        (pkg.SIGNATURE, zlib.compress(unsigned)[2:-4], zlib.crc32(unsigned), len(unsigned)),
    ]))  # fmt: skip
    small, small_crc = deflate_bomb(64)
    deep = io.BytesIO()  # 60 KB of brackets, stored: within the manifest's size and ratio
    with zipfile.ZipFile(deep, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr(pkg.MANIFEST, b"[" * 30000 + b"]" * 30000)
        zf.writestr(pkg.SIGNATURE, unsigned)
    out["deep_manifest"] = encrypt(deep.getvalue())
    out["lying_sizes"] = encrypt(raw_zip([(pkg.MANIFEST, small, small_crc, 1000)]))
    out["high_ratio"] = encrypt(
        assemble(files, m, secret, extra=[("tallies.xlsx", b"\0" * (3 * 1024 * 1024))])
    )
    out["too_many_entries"] = encrypt(
        pkg.zip_files([*entries, *((f"x{i}.txt", b"x") for i in range(12))])
    )
    strangers = [pyrage.x25519.Identity.generate().to_public() for _ in range(2000)]
    out["seventeen_recipients"] = pyrage.encrypt(good, [identity().to_public(), *strangers[:16]])
    out["many_recipients"] = pyrage.encrypt(good, [identity().to_public(), *strangers])
    zip_comment = io.BytesIO()
    with zipfile.ZipFile(zip_comment, "w") as zf:
        for name, data in entries:
            zf.writestr(name, data)
        zf.comment = b"PK\x05\x06 hidden"
    out["zip_comment"] = encrypt(zip_comment.getvalue())

    # signed by an office key, but breaking the district's rules
    out["unknown_office"] = package(files, other_secret, other_kid, office_id="HZ-NOWHERE-01")
    out["other_office"] = encrypt(
        assemble(files_of(tly, OTHER), manifest_for(files_of(tly, OTHER), other_kid, scheme,
                 doc, period, office_id=OTHER), other_secret)
    )  # fmt: skip
    out["sequence_huge"] = package(files, sequence=2**63)
    arabic = "\u0662\u0660\u0662\u0665-Q1"  # 2025-Q1 in Arabic-Indic digits
    out["period_arabic_digits"] = encrypt(
        assemble(
            files,
            manifest_for(files, kid, scheme, doc, period, period=arabic),
            secret,
            comment=pkg.trusted_comment(OFFICE, PERIOD, 1),
        )  # fmt: skip
    )
    unknown = with_rows(lambda rows: rows, scheme_version=99)
    out["unknown_scheme"] = package(unknown, scheme_version=99)
    year = parse_period("2025")
    out["year_period"] = package(files_of(tally(scheme, cases, contacts, year)), period_=year)
    q2_files = files_of(tally(scheme, cases, contacts, q2))
    out["q2_sequence_2"] = package(q2_files, period_=q2, sequence=2)
    out["q2_sequence_1"] = package(q2_files, period_=q2, sequence=1)
    valid_sha = hashlib.sha256(out["valid"]).hexdigest()
    other_sha = hashlib.sha256(out["other_office"]).hexdigest()
    out["correction"] = package(files, sequence=2, supersedes=valid_sha)
    out["second_without_supersedes"] = package(files, sequence=2)
    out["supersedes_nothing"] = package(q2_files, period_=q2, sequence=2, supersedes="ab" * 32)
    out["supersedes_other_period"] = package(q2_files, period_=q2, sequence=2, supersedes=valid_sha)
    out["supersedes_other_office"] = package(files, sequence=2, supersedes=other_sha)
    total = next(r for r in tly.rows if r.measure == "cases_active" and r.dims == ())
    sex = scheme.codes("sex")[0].code

    def add(row):
        return lambda rows: [*rows, row]

    out["unknown_code"] = package(with_rows(add(Row((("sex", "X9"),), "cases_active", 1))))
    out["unknown_measure"] = package(with_rows(add(Row((), "cases_secret", 1))))
    out["unknown_breakdown"] = package(with_rows(add(Row((("sex", sex),), "contacts", 1))))
    huge = Row((), "cases_active", 10**12)
    out["huge_count"] = package(with_rows(lambda rows: [huge if r == total else r for r in rows]))
    # lenient integers: a CSV or ADX value that Python's int() reads as the right number
    n = str(total.value)
    assert len(n) >= 2, "the total needs two digits for 1_3"
    line = f"{PERIOD},cases_active,{',' * 18}".encode()
    assert line + n.encode() + b"\n" in files["tallies.csv"], "tallies.csv layout changed"
    attr = f'<dataValue dataElement="cases_active" value="{n}" />'.encode()
    assert attr in files["adx.xml"], "adx.xml layout changed: update make.py"
    for name, spelled in (
        ("csv_plus_sign", f"+{n}"),
        ("csv_underscore", f"{n[0]}_{n[1:]}"),
        ("adx_arabic_digits", "".join(chr(0x0660 + int(d)) for d in n)),
    ):
        lenient = dict(files)
        if name.startswith("csv"):
            lenient["tallies.csv"] = files["tallies.csv"].replace(
                line + n.encode() + b"\n", line + spelled.encode() + b"\n", 1
            )
        else:
            lenient["adx.xml"] = files["adx.xml"].replace(
                attr, attr.replace(f'"{n}"'.encode(), f'"{spelled}"'.encode()), 1
            )
        assert int(spelled) == total.value and lenient != files
        out[name] = package(lenient)

    wanted = set(sys.argv[1:]) or set(out)
    if not sys.argv[1:]:
        for old in HERE.glob("*.fallzahl.age"):
            old.unlink()
    for name, data in out.items():
        if name in wanted:
            (HERE / f"{name}.fallzahl.age").write_bytes(data)
    print(json.dumps(sorted(out)), file=sys.stderr)


if __name__ == "__main__":
    main()
