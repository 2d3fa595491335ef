"""Make the damaged and tampered submission packages in this folder (run from the repo root).

    python tests/data/packages/make.py

Each package is built by hand from the same parts build_package uses, then damaged in one
way. expected.json names the refusal each must produce (tests/test_package_vectors.py);
README.md explains them. The keys here are TEST ONLY: test-office.key signs, other-office.key
is an office the district does not trust, test-district.age is the district's identity.
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
import warnings
import zipfile
from pathlib import Path

import pyrage

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from app.crypto import signing  # noqa: E402
from app.exchange import package as pkg  # noqa: E402
from app.office import demo as demo_mod  # noqa: E402
from app.records.periods import parse_period  # noqa: E402
from app.scheme.trust import load_verified, shipped_scheme, trusted_keys  # noqa: E402
from app.stats import adx, tally_io  # noqa: E402
from app.stats.tally import tally  # noqa: E402

PERIOD = "2025-Q1"
OFFICE = "HZ-TEST-01"
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


def parts():
    doc, sig = shipped_scheme()
    scheme = load_verified(doc, sig, trusted_keys(), None, None, check_dates=False)
    cases, contacts = demo_mod.generate(scheme, 60, 2025, seed=7)
    period = parse_period(PERIOD)
    tly = tally(scheme, cases, contacts, period)
    files = {
        "tallies.json": tally_io.to_json(tly),
        "tallies.csv": tally_io.to_csv(tly, scheme, "de").encode(),
        "adx.xml": adx.to_adx(tly, OFFICE, CREATED),
    }
    return scheme, doc, period, files


def manifest_for(files, kid, scheme, doc, period, **over) -> pkg.Manifest:
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


def main() -> None:
    secret, public, other_secret, other_public = keys()
    kid, other_kid = signing.key_id(public), signing.key_id(other_public)
    scheme, doc, period, files = parts()
    m = manifest_for(files, kid, scheme, doc, period)
    good = assemble(files, m, secret)
    out: dict[str, bytes] = {"valid": encrypt(good)}
    out["bad_signature"] = encrypt(assemble(files, m, secret, sig_mutate=flip_sig))
    out["wrong_key"] = encrypt(
        assemble(files, manifest_for(files, other_kid, scheme, doc, period), other_secret)
    )
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
    out["csv_disagrees"] = encrypt(
        assemble(csv_changed, manifest_for(csv_changed, kid, scheme, doc, period), secret)
    )
    out["comment_mismatch"] = encrypt(
        assemble(files, m, secret, comment=pkg.trusted_comment(OFFICE, period.label, 9))
    )
    with zipfile.ZipFile(io.BytesIO(good)) as zf:
        entries = [(i.filename, zf.read(i)) for i in zf.infolist()]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name: wanted here
        dup = pkg.zip_files([*entries, ("tallies.csv", files["tallies.csv"])])
    out["duplicate_name"] = encrypt(dup)
    for old in HERE.glob("*.fallzahl.age"):
        old.unlink()
    for name, data in out.items():
        (HERE / f"{name}.fallzahl.age").write_bytes(data)
    print(json.dumps(sorted(out)), file=sys.stderr)


if __name__ == "__main__":
    main()
