"""End to end: seven office vaults, four quarters, one district desk.

A..E are enrolled and send every quarter (A corrects Q2, B sends Q4 late, E's Q3 arrives
after its Q4 and is refused as a rollback); F is enrolled but its key is revoked; G was
never enrolled. The board, the merged report and the receipts must come out exactly.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from app import errors
from app.crypto import signing
from app.district import desk as district
from app.district import receipts as district_receipts
from app.district.report import merge, pool, report
from app.exchange import receipt as receipts
from app.office import receipt_import
from app.office.export import sent_packages
from app.records.periods import quarter
from app.stats.tally import tally
from tests.support.district_world import Office, make_district, on_time
from tests.support.passphrases import FAST_KDF

TODAY = dt.date(2026, 3, 1)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("world")
    offices = {oid: Office(root, f"HZ-{oid}", seed, FAST_KDF) for seed, oid in enumerate("ABCDEFG")}
    out = {oid: root / f"out-{oid}" for oid in offices}
    files: dict[tuple[str, int], tuple] = {}
    for oid, o in offices.items():
        out[oid].mkdir()
        for q in (1, 2, 3, 4):
            files[(oid, q)] = o.export(q, out[oid])
    files[("A", 5)] = offices["A"].correct(2, out["A"])  # sequence 5 corrects Q2
    vault, desk = make_district(root / "district", FAST_KDF)
    for oid in "ABCDEF":
        district.enrol(desk, f"HZ-{oid}", f"Stelle {oid}", offices[oid].public_key)
    f_key = signing.key_id(offices["F"].public_key)
    district.revoke_key(desk, "HZ-F", f_key)
    outcomes = {}

    def imp(oid, q, when):
        got = district.import_paths(desk, [files[(oid, q)][0]], now=when)
        outcomes[(oid, q)] = got[0]
        return got[0]

    for q in (1, 2, 3):
        for oid in "ABCDFG":
            imp(oid, q, on_time(q))
    imp("E", 1, on_time(1))
    imp("E", 2, on_time(2))
    imp("E", 4, on_time(4))  # E's Q4 (sequence 4) first ...
    imp("E", 3, on_time(4, 6))  # ... then Q3 (sequence 3): rollback
    for oid in "ACDFG":
        imp(oid, 4, on_time(4))
    imp("B", 4, on_time(4, 45))  # after the 30-day deadline
    imp("A", 5, on_time(4, 50))  # the correction of A's Q2
    replay = district.import_paths(desk, [files[("A", 1)][0]], now=on_time(4, 51))[0]
    yield dict(offices=offices, desk=desk, files=files, outcomes=outcomes, replay=replay, root=root)
    for o in offices.values():
        o.close()
    desk.close()
    vault.close()


def test_refusals_each_name_their_reason(world):
    got = world["outcomes"]
    assert isinstance(world["replay"].error, errors.ImportReplay)
    assert isinstance(got[("E", 3)].error, errors.ImportRollback)
    for q in (1, 2, 3, 4):
        assert isinstance(got[("F", q)].error, errors.ImportRevokedKey)
        assert isinstance(got[("G", q)].error, errors.ImportUnknownOffice)
    assert "nicht eingetragen" in got[("G", 1)].error.message("de")
    assert "revoked" in got[("F", 1)].error.message("en")
    accepted = [k for k, v in got.items() if v.accepted]
    assert len(accepted) == 5 * 4 - 1 + 1  # E's Q3 refused; A's correction accepted


def test_board(world):
    board = district.board(world["desk"], year=2025, today=TODAY)
    assert board.periods == ("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4")
    status = {r.office_id: tuple(c.status for c in r.cells) for r in board.rows}
    assert status == {
        "HZ-A": ("received", "corrected", "received", "received"),
        "HZ-B": ("received", "received", "received", "late"),
        "HZ-C": ("received",) * 4,
        "HZ-D": ("received",) * 4,
        "HZ-E": ("received", "received", "late", "received"),
        "HZ-F": ("late",) * 4,
    }
    a_q2 = board.cell("HZ-A", "2025-Q2")
    assert a_q2.versions == 2 and a_q2.sequence == 5
    assert a_q2.received_on == on_time(2).date()
    assert board.cell("HZ-B", "2025-Q4").received_on == on_time(4, 45).date()
    # before the deadline, nothing received is "missing", not "late"
    early = district.board(world["desk"], period="2025-Q4", today=on_time(4, 1).date())
    assert early.cell("HZ-F", "2025-Q4").status == "missing"


def test_history_is_kept(world):
    intake = district.intake(world["desk"])
    history = intake.history("HZ-A", "2025-Q2")
    assert [p.sequence for p in history] == [2, 5]
    assert history[0].superseded_by == history[1].sha256
    assert history[1].supersedes == history[0].sha256
    assert intake.last_sequence["HZ-A"] == 5 and intake.last_sequence["HZ-E"] == 4


def test_merged_report_is_the_sum_of_the_office_tallies(world):
    desk, offices = world["desk"], world["offices"]
    period = quarter(2025, 2)
    own = [
        tally(o.session.scheme, *o.session.records_for(period), period)
        for oid, o in offices.items()
        if oid in "ABCDE"
    ]
    rep = report(desk, "2025-Q2")
    assert rep.offices == ("HZ-A", "HZ-B", "HZ-C", "HZ-D", "HZ-E")
    assert rep.merged == pool(merge(own, period), desk.scheme)
    for measure in ("cases_active", "contacts", "cases_multi_problem"):
        assert rep.merged.value(measure) == sum(t.value(measure) for t in own)
    # Q3: E's package was refused, so E is missing and not counted
    rep3 = report(desk, "2025-Q3")
    assert rep3.offices == ("HZ-A", "HZ-B", "HZ-C", "HZ-D") and "HZ-E" in rep3.missing
    # published: small counts hidden
    thr = desk.scheme.disclosure_threshold
    assert all(r.value is None or r.value == 0 or r.value >= thr for r in rep.published.rows)
    # a year adds up the flows of the quarters
    year = report(desk, "2025")
    q = [report(desk, f"2025-Q{n}").merged.value("contacts") for n in (1, 2, 3, 4)]
    assert year.merged.value("contacts") == sum(q)


def test_receipts_round_trip_and_refusals(world, tmp_path):
    desk, offices = world["desk"], world["offices"]
    written = district_receipts.write_all_receipts(desk, tmp_path / "receipts")
    assert len(written) == 20
    assert all(
        p.name.endswith(".fallzahl-receipt") and p.with_name(p.name + ".minisig").is_file()
        for p in written
    )
    # a receipt named as earlier versions named it (.receipt, .receipt.minisig) reads the same
    first = written[0]
    old = first.with_name(first.name.removesuffix(".fallzahl-receipt") + ".receipt")
    first.with_name(first.name + ".minisig").rename(old.with_name(old.name + ".minisig"))
    written = [first.rename(old), *written[1:]]
    for path in written:
        oid = path.name.split("_")[0].removeprefix("HZ-")
        sent = receipt_import.import_receipt_file(offices[oid].session, path)
        assert sent.status == "accepted"
    assert all(
        p.status == "accepted" for oid in "ABCD" for p in sent_packages(offices[oid].session)
    )
    a_receipt = next(p for p in written if p.name.startswith("HZ-A_2025-Q1"))
    # the wrong office
    with pytest.raises(errors.ReceiptUnknownPackage):
        receipt_import.import_receipt_file(offices["B"].session, a_receipt)
    # tampered
    data = a_receipt.read_bytes().replace(b'"sequence": 1', b'"sequence": 7')
    sig = a_receipt.with_name(a_receipt.name + ".minisig").read_bytes()
    with pytest.raises(errors.ReceiptTampered):
        receipt_import.import_receipt(offices["A"].session, data, sig)
    # signed by a key the office does not trust
    secret, _pub = signing.generate_keypair("not the district")
    rogue = signing.sign(a_receipt.read_bytes(), secret, "x")
    with pytest.raises(errors.ReceiptWrongSigner):
        receipt_import.import_receipt(offices["A"].session, a_receipt.read_bytes(), rogue)
    # for a package the office never sent (E's refused Q3: craft a signed receipt for it)
    e_q3 = world["files"][("E", 3)][1]
    fake = receipts.Receipt(
        format=receipts.FORMAT,
        district="Landkreis Harz",
        office_id="HZ-A",
        period="2025-Q3",
        sequence=3,
        package_sha256=e_q3,
        received_at="2025-10-01T10:00:00",
        accepted_at="2025-10-01T10:00:00",
        signer_key_id="x",
    )
    body = receipts.encode(fake)
    good_sig = signing.sign(body, district.signing_key(desk), receipts.trusted_comment(fake))
    with pytest.raises(errors.ReceiptUnknownPackage):
        receipt_import.import_receipt(offices["A"].session, body, good_sig)


def test_damaged_and_foreign_files(world, tmp_path):
    desk = world["desk"]
    src = world["files"][("C", 1)][0]
    damaged = tmp_path / "cut.fallzahl.age"
    damaged.write_bytes(src.read_bytes()[:-40])
    garbage = tmp_path / "garbage.fallzahl.age"
    garbage.write_bytes(b"not a package at all")
    copy = tmp_path / "copy.fallzahl.age"
    shutil.copy(src, copy)
    got = district.import_paths(desk, [tmp_path], now=on_time(4, 60))
    by_name = {o.file_name.rsplit("/", 1)[-1]: o.error for o in got}
    assert isinstance(by_name["cut.fallzahl.age"], errors.ImportDamaged)
    assert isinstance(by_name["garbage.fallzahl.age"], errors.ImportDamaged)
    assert isinstance(by_name["copy.fallzahl.age"], errors.ImportReplay)
