"""Attacks on the district's intake and the office's receipts, each played as a sender or
insider would: a few lines of Python with the program's own modules, against a real desk.

The table of crafted files is tests/data/packages (test_district_vectors.py); here the
whole path runs, from the file in the inbox to what the desk keeps.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import time
import tracemalloc
from pathlib import Path

import msgspec
import pytest

from app import errors
from app.crypto import age, signing
from app.district import desk as district
from app.district import receipts as district_receipts
from app.exchange import package
from app.exchange import receipt as receipts
from app.office import keys as office_keys
from app.office import receipt_import
from app.office.export import sent_packages
from tests.support.district_world import Office, make_district, on_time
from tests.support.passphrases import FAST_KDF

HERE = Path(__file__).parent / "data" / "packages"


def _make_py():
    spec = importlib.util.spec_from_file_location("make_packages", HERE / "make.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("attacks")
    offices = {oid: Office(root, f"HZ-{oid}", seed, FAST_KDF) for seed, oid in enumerate("AB")}
    vault, desk = make_district(root / "district", FAST_KDF)
    for oid, o in offices.items():
        district.enrol(desk, o.office_id, f"Stelle {oid}", o.public_key)
    out = root / "out"
    out.mkdir()
    yield dict(offices=offices, desk=desk, out=out, root=root)
    for o in offices.values():
        o.close()
    desk.close()
    vault.close()


def forge(office: Office, path: Path, **manifest_changes) -> bytes:
    """What a lead with the office key can send: its own package, opened with the office's
    archive key, the manifest changed, signed again, encrypted to the district."""
    s = office.session
    files = package.read_zip(
        package.decrypt_package(path.read_bytes(), [office_keys.archive_identity(s)])
    )
    m = msgspec.json.decode(files.pop(package.MANIFEST), type=package.Manifest)
    files.pop(package.SIGNATURE)
    m = msgspec.structs.replace(m, **manifest_changes)
    raw = package.encode_manifest(m)
    sig = signing.sign(raw, office_keys.signing_secret(s),
                       package.trusted_comment(m.office_id, m.period, m.sequence))  # fmt: skip
    zipped = package.zip_files([(package.MANIFEST, raw), (package.SIGNATURE, sig), *files.items()])
    return age.encrypt(zipped, [age.demo_district_recipient()])


def _import(world, name: str, data: bytes, when: dt.datetime):
    path = world["root"] / "inbox" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    (got,) = district.import_paths(world["desk"], [path], now=when)
    path.unlink()
    return got


def _measured(run):
    """(seconds, peak bytes of Python allocations, the one outcome) of an import: timed
    alone, then run again under tracemalloc (which slows Python several fold). The time
    includes the desk's look-up of its keys, registry and schemes (about 0.2 s here, once
    per import however many files), so it is held to 1.5 s; the refusal alone is measured
    in test_district_hostile.py."""
    t = time.perf_counter()
    (got,) = run()
    seconds = time.perf_counter() - t
    tracemalloc.start()
    try:
        run()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return seconds, peak, got


def test_a_huge_file_is_refused_by_its_size_unread(world):
    inbox = world["root"] / "huge"
    inbox.mkdir()
    with (inbox / "huge.fallzahl.age").open("wb") as fh:
        fh.truncate(4 * 1024**3)  # 4 GB, sparse: costs nothing to make, all to read
    seconds, peak, got = _measured(
        lambda: district.import_paths(world["desk"], [inbox], now=on_time(1))
    )
    assert isinstance(got.error, errors.ImportUnsafe) and "over 8 MB" in got.error.en
    assert seconds < 1.5 and peak < 5 * 1024 * 1024, (seconds, peak)


def test_a_folder_of_large_files_is_read_one_at_a_time(world):
    """Twenty files just under the size limit: the desk holds one at a time, not 140 MB."""
    inbox = world["root"] / "large"
    inbox.mkdir()
    for i in range(20):
        with (inbox / f"large-{i}.fallzahl.age").open("wb") as fh:
            fh.truncate(7 * 1024 * 1024)  # sparse: cheap to make and to read
    tracemalloc.start()
    try:
        got = district.import_paths(world["desk"], [inbox], now=on_time(1))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(got) == 20 and all(isinstance(o.error, errors.ImportDamaged) for o in got)
    assert peak < 30 * 1024 * 1024, peak


def test_the_issues_bomb_through_the_inbox(world):
    """1 MB from an unenrolled office, its manifest inflating to 1 GB: the desk sorts a
    folder by reading each manifest, and that look is bounded as well."""
    make = _make_py()
    bomb, crc = make.deflate_bomb(1024)
    zipped = make.raw_zip([(package.MANIFEST, bomb, crc, 1 << 30)])
    data = age.encrypt(zipped, [age.demo_district_recipient()])
    seconds, peak, got = _measured(lambda: [_import(world, "bomb.fallzahl.age", data, on_time(1))])
    assert isinstance(got.error, errors.ImportUnsafe), got.error
    assert seconds < 1.5 and peak < 20 * 1024 * 1024, (seconds, peak)


def test_sequence_two_to_the_63_is_refused_and_burns_nothing(world):
    a = world["offices"]["A"]
    path, _sha = a.export(1, world["out"])
    got = _import(world, "huge-seq.fallzahl.age", forge(a, path, sequence=2**63), on_time(1))
    assert isinstance(got.error, errors.ImportDamaged) and "'sequence'" in got.error.en
    assert "HZ-A" not in district.intake(world["desk"]).last_sequence
    genuine = district.import_paths(world["desk"], [path], now=on_time(1))[0]
    assert genuine.accepted and genuine.package.sequence == 1


def test_a_correction_of_another_offices_package_is_refused(world):
    b = world["offices"]["B"]
    a_q1 = next(p for p in district.intake(world["desk"]).packages if p.office_id == "HZ-A")
    b_path, _sha = b.export(1, world["out"])
    got = _import(world, "b.fallzahl.age", forge(b, b_path, supersedes=a_q1.sha256), on_time(1))
    assert isinstance(got.error, errors.ImportCorrectionMismatch)
    assert "is from HZ-A for 2025-Q1" in got.error.en
    intake = district.intake(world["desk"])
    assert intake.current()[("HZ-A", "2025-Q1")].sha256 == a_q1.sha256
    assert ("HZ-B", "2025-Q1") not in intake.current()


def test_a_quarter_still_running_is_refused(world):
    b_q1 = next(Path(world["out"]).glob("HZ-B_2025-Q1_*.fallzahl-package"))
    got = _import(world, "early.fallzahl.age", b_q1.read_bytes(), dt.datetime(2025, 3, 30, 12))
    assert isinstance(got.error, errors.ImportBadPeriod) and "still running" in got.error.en
    assert district.import_paths(world["desk"], [b_q1], now=on_time(1))[0].accepted


def _signed_receipt(world, oid: str, **fields) -> tuple[bytes, bytes]:
    desk = world["desk"]
    got = next(p for p in district.intake(desk).packages if p.office_id == f"HZ-{oid}")
    _name, data, _sig = district_receipts.make_receipt(desk, got.sha256)
    fake = msgspec.structs.replace(msgspec.json.decode(data, type=receipts.Receipt), **fields)
    body = receipts.encode(fake)
    return body, signing.sign(body, district.signing_key(desk), receipts.trusted_comment(fake))


@pytest.mark.parametrize(
    ("fields", "fragment"),
    [
        ({"accepted_at": "1999-01-01T10:00:00"}, "'1999-01-01T10:00:00' is no time like"),
        ({"accepted_at": "gestern"}, "accepted_at 'gestern' is no time like"),
        ({"accepted_at": "2025-04-07"}, "is no time like"),
        ({"accepted_at": "2025-04-07T10:00:00+2:00"}, "is no time like"),
        ({"accepted_at": "\u0662\u0660\u0662\u0665-04-07T10:00:00"}, "is no time like"),
        ({"received_at": "2025-13-01T10:00:00"}, "received_at '2025-13-01T10:00:00' is no"),
        ({"accepted_at": "2999-01-01T10:00:00"}, "lies in the future"),
        ({"accepted_at": "2025-01-02T10:00:00", "received_at": "2025-01-02T10:00:00"},
         "before it was made"),
        ({"received_at": "2025-04-08T10:00:00", "accepted_at": "2025-04-07T10:00:00"},
         "lies before the package was received"),
    ],
)  # fmt: skip
def test_receipt_timestamps_are_read_strictly(world, fields, fragment):
    """The district (or whoever holds its key) signs a receipt with a rubbish time: the
    office refuses it with a message, and the package stays "sent"."""
    a = world["offices"]["A"]
    body, sig = _signed_receipt(world, "A", **fields)
    with pytest.raises(errors.ReceiptInvalid) as info:
        receipt_import.import_receipt(a.session, body, sig)
    assert fragment in info.value.en and info.value.de
    assert all(p.status == "sent" for p in sent_packages(a.session))


def test_a_good_receipt_is_shown_with_its_day(world):
    a = world["offices"]["A"]
    today = dt.datetime.now().replace(microsecond=0)  # the package was made today
    body, sig = _signed_receipt(world, "A", accepted_at=receipts.stamp(today))
    sent = receipt_import.import_receipt(a.session, body, sig)
    assert sent.status == "accepted" and receipt_import.accepted_on(sent) == today.date()
    rubbish = msgspec.structs.replace(sent, accepted_at="1999-01-01T10:00:00")
    assert receipt_import.accepted_on(rubbish) is None  # stored before strict reading


def test_a_missing_receipt_file_is_a_message(world, tmp_path):
    with pytest.raises(errors.ReceiptRefused) as info:
        receipt_import.import_receipt_file(world["offices"]["A"].session, tmp_path / "nope")
    assert "cannot be read" in info.value.en
