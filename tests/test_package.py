"""Close a period, export the package, open and verify it; refusals of the office side."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import msgspec
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from app.errors import (
    KeyFileInvalid,
    NotAllowed,
    PackageRefused,
    PeriodClosed,
    PeriodNotClosed,
    PeriodNotReady,
)
from app.exchange import package
from app.office import export, period_close
from app.office import keys as office_keys
from app.records.periods import parse_period
from app.scheme.mapping import mapper
from app.stats.tally import tally
from tests.support.packages import IDENTITY, OFFICE_ID, make_office
from tests.support.passphrases import PASS

Q1 = parse_period("2025-Q1")


@pytest.fixture
def office(tmp_path):
    vault, session = make_office(tmp_path / "vault")
    yield session
    if session.is_open:
        session.close()
    vault.close()


def _trusted(session):
    pub, kid = office_keys.office_public_key(session)
    return {kid: pub}


def _export(session, tmp_path, period=Q1):
    if not period_close.is_closed(session, period):
        period_close.close_period(session, period, accepted_reason="Demo-Daten, Lücken bekannt")
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    return export.build_package(session, period, out)


def test_round_trip_tallies_equal_the_vault(office, tmp_path):
    path, sha, manifest = _export(office, tmp_path)
    data = path.read_bytes()
    assert path.name == f"{OFFICE_ID}_2025-Q1_1.fallzahl-package"
    assert hashlib.sha256(data).hexdigest() == sha
    verified = package.open_package(data, [IDENTITY.read_text()], _trusted(office))
    scheme = office.scheme
    expected = tally(scheme, office.all_cases(), office.all_contacts(), Q1, map_code=mapper(scheme))
    assert verified.tally.rows == expected.rows
    assert verified.package_sha256 == sha
    assert verified.manifest == manifest
    assert verified.manifest.sequence == 1 and verified.manifest.supersedes is None
    assert sorted(verified.files) == ["adx.xml", "tallies.csv", "tallies.json", "tallies.xlsx"]
    assert any(e.action == "package.exported" and sha in e.detail for e in office.audit_entries())
    (sent,) = export.sent_packages(office)
    assert (sent.sha256, sent.status, sent.sequence) == (sha, "sent", 1)


def test_office_opens_what_it_sent(office, tmp_path):
    path, _sha, _m = _export(office, tmp_path)
    own = office_keys.archive_identity(office)
    verified = package.open_package(path.read_bytes(), [own], _trusted(office))
    assert verified.manifest.office_id == OFFICE_ID


def test_only_aggregates_leave_the_office(office, tmp_path):
    path, _sha, _m = _export(office, tmp_path)
    files = package.open_package(path.read_bytes(), [IDENTITY.read_text()], _trusted(office)).files
    blob = b"".join(files.values())
    for case in office.cases()[:50]:
        assert case.code.encode() not in blob and case.id.encode() not in blob
    assert b"leitung" not in blob  # counsellor
    days = {k.date.isoformat().encode() for k in office.contacts() if k.date in Q1}
    days -= {Q1.start.isoformat().encode(), Q1.end.isoformat().encode()}
    assert not any(d in blob for d in days)


def test_zip_is_deterministic_and_signed_comment(office, tmp_path):
    path, _sha, m = _export(office, tmp_path)
    zipped = package.decrypt_package(path.read_bytes(), [IDENTITY.read_text()])
    zf = zipfile.ZipFile(io.BytesIO(zipped))
    assert [i.filename for i in zf.infolist()][:2] == ["manifest.json", "manifest.json.minisig"]
    assert {i.date_time for i in zf.infolist()} == {package.ZIP_TIME}
    sig = zf.read("manifest.json.minisig").decode()
    assert f"trusted comment: office:{OFFICE_ID}\tperiod:2025-Q1\tsequence:1" in sig
    entries = [(i.filename, zf.read(i)) for i in zf.infolist()]
    assert package.zip_files(entries) == zipped


def test_export_needs_a_closed_period_and_a_lead(office, tmp_path):
    with pytest.raises(PeriodNotClosed, match="nicht abgeschlossen"):
        export.build_package(office, Q1, tmp_path)
    office.add_user("berater", "counsellor", PASS)
    period_close.close_period(office, Q1, accepted_reason="Test")
    vault = office.vault
    office.close()
    counsellor = vault.unlock("berater", PASS)
    try:
        with pytest.raises(NotAllowed, match="Leitung vorbehalten"):
            export.build_package(counsellor, Q1, tmp_path)
        with pytest.raises(NotAllowed):
            period_close.reopen_period(counsellor, Q1, "Korrektur")
    finally:
        counsellor.close()


def test_sequence_goes_up_and_reopen_supersedes(office, tmp_path):
    _p1, sha1, m1 = _export(office, tmp_path)
    period_close.reopen_period(office, Q1, "Fall nachgetragen")
    period_close.close_period(office, Q1, accepted_reason="Test")
    p2, sha2, m2 = _export(office, tmp_path)
    assert (m1.sequence, m2.sequence) == (1, 2)
    assert m2.supersedes == sha1 and sha2 != sha1
    q2 = parse_period("2025-Q2")
    _p3, _sha3, m3 = _export(office, tmp_path, q2)
    assert m3.sequence == 3 and m3.supersedes is None
    verified = package.open_package(p2.read_bytes(), [IDENTITY.read_text()], _trusted(office))
    assert (verified.manifest.sequence, verified.manifest.supersedes) == (2, sha1)
    assert [e.action for e in office.audit_entries()].count("period.reopened") == 1


def test_mark_accepted(office, tmp_path):
    _p, sha, _m = _export(office, tmp_path)
    export.mark_accepted(office, sha, "2025-04-20T10:00:00Z")
    (sent,) = export.sent_packages(office)
    assert (sent.status, sent.accepted_at) == ("accepted", "2025-04-20T10:00:00Z")
    with pytest.raises(PackageRefused):
        export.mark_accepted(office, "0" * 64, "2025-04-20T10:00:00Z")


def test_decrypt_refusals(office, tmp_path):
    path, _sha, _m = _export(office, tmp_path)
    data = path.read_bytes()
    ident = IDENTITY.read_text()
    with pytest.raises(KeyFileInvalid):
        package.decrypt_package(data, ["not a key"])
    with pytest.raises(PackageRefused, match="nicht für diesen Schlüssel"):
        import pyrage

        package.decrypt_package(data, [str(pyrage.x25519.Identity.generate())])
    with pytest.raises(PackageRefused, match="unvollständig oder beschädigt"):
        package.decrypt_package(data[:-1], [ident])
    with pytest.raises(PackageRefused, match="kein verschlüsseltes"):
        package.decrypt_package(b"PK\x03\x04garbage", [ident])


def test_close_needs_reason_for_blocking_findings(office):
    found = period_close.findings(office, Q1)
    assert any(f.blocking for f in found)
    with pytest.raises(PeriodNotReady, match="offene Punkte"):
        period_close.close_period(office, Q1)
    entry = period_close.close_period(office, Q1, accepted_reason="Nacherfassung im Q2")
    assert entry.accepted_findings == sum(f.blocking for f in found)
    audit = [e for e in office.audit_entries() if e.action == "period.closed"]
    assert "Nacherfassung im Q2" in audit[-1].detail
    with pytest.raises(PeriodClosed, match="bereits abgeschlossen"):
        period_close.close_period(office, Q1, accepted_reason="x")


def test_rotation_statement_signed_by_old_key(office):
    from app.crypto import signing

    old_pub, old_kid = office_keys.office_public_key(office)
    rotation = office_keys.rotate(office)
    new_pub, new_kid = office_keys.office_public_key(office)
    assert new_kid != old_kid
    kid, comment = signing.verify(rotation.statement, rotation.signature, [old_pub])
    assert kid == old_kid and f"new:{new_kid}" in comment
    assert new_pub.decode().strip().splitlines()[-1].encode() in rotation.statement
    assert office_keys.rotations(office) == [rotation]
    assert new_kid in office_keys.enrolment_text(office)


# Closed periods refuse edits


def test_closed_period_refuses_edits(session, tmp_path):
    from tests.support.records import case, contact

    c = session.save_case(case(opened=dt.date(2026, 1, 5)))
    k = session.save_contact(contact(c.id, date=dt.date(2026, 1, 6)))
    q1 = parse_period("2026-Q1")
    period_close.close_period(session, q1, accepted_reason="Test")
    with pytest.raises(PeriodClosed, match="abgeschlossenen Zeitraum 2026-Q1"):
        session.save_contact(contact(c.id, date=dt.date(2026, 2, 1)))
    with pytest.raises(PeriodClosed):
        session.save_contact(msgspec.structs.replace(k, date=dt.date(2026, 4, 2)))
    with pytest.raises(PeriodClosed):
        session.delete_contact(k.id)
    with pytest.raises(PeriodClosed, match="können nicht mehr geändert"):
        session.save_case(msgspec.structs.replace(c, sex="m"))
    with pytest.raises(PeriodClosed, match="nicht gelöscht"):
        session.delete_case(c.id)
    with pytest.raises(PeriodClosed, match="neuer Fall"):
        session.save_case(case("2026-0002", opened=dt.date(2026, 3, 1)))
    # still allowed: contacts in open periods, closing the case after the closed period
    session.save_contact(contact(c.id, date=dt.date(2026, 4, 7)))
    ending = session.scheme.codes("ending")[0].code
    session.save_case(msgspec.structs.replace(c, closed=dt.date(2026, 4, 8), ending=ending))
    with pytest.raises(PeriodClosed):  # but not closing it inside the closed period
        session.save_case(msgspec.structs.replace(c, closed=dt.date(2026, 3, 8), ending=ending))
    period_close.reopen_period(session, q1, "Korrektur Geschlecht")
    session.save_case(
        msgspec.structs.replace(c, sex="m", closed=dt.date(2026, 4, 8), ending=ending)
    )


def test_reopen_needs_reason_and_closed_period(session):
    q1 = parse_period("2026-Q1")
    with pytest.raises(PeriodNotClosed):
        period_close.reopen_period(session, q1, "x")
    period_close.close_period(session, q1)
    with pytest.raises(Exception, match="Grund"):
        period_close.reopen_period(session, q1, "  ")


# Mutating a valid package: every change is refused, nothing crashes, nothing accepted


class _Valid(tuple):
    def __new__(cls, blob, trusted):
        return super().__new__(cls, (blob, trusted))

    def __repr__(self) -> str:  # keep Hypothesis' failure reports short
        return "<valid package>"


@pytest.fixture(scope="module")
def valid_package(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pkg")
    vault, session = make_office(tmp / "vault", n_cases=40)
    try:
        path, _sha, _m = _export(session, tmp)
        return _Valid(path.read_bytes(), _trusted(session))
    finally:
        session.close()
        vault.close()


MUTATIONS = st.lists(st.tuples(st.integers(0, 2**32), st.integers(1, 255)), min_size=1, max_size=4)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(target=st.sampled_from(["age", "zip"]), mutations=MUTATIONS)
def test_mutations_are_refused(valid_package, target, mutations):
    blob, trusted = valid_package
    ident = IDENTITY.read_text()
    zipped = package.decrypt_package(blob, [ident])
    raw = bytearray(blob if target == "age" else zipped)
    for where, xor in mutations:
        raw[where % len(raw)] ^= xor
    assume(bytes(raw) != (blob if target == "age" else zipped))
    try:
        if target == "age":
            package.open_package(bytes(raw), [ident], trusted)
        else:
            package.verify_zip(bytes(raw), trusted, hashlib.sha256(blob).hexdigest())
    except PackageRefused as exc:
        assert exc.de and exc.en
        return
    # Only accepted if the change did not alter any checked byte (e.g. ZIP slack): then the
    # contents must be exactly the original ones.
    original = package.verify_zip(zipped, trusted, hashlib.sha256(blob).hexdigest())
    again = package.verify_zip(
        bytes(raw) if target == "zip" else zipped, trusted, hashlib.sha256(blob).hexdigest()
    )
    assert target == "zip" and again.files == original.files and again.manifest == original.manifest


def test_a_zip_needing_an_unknown_version_is_refused_not_crashed(valid_package):
    """zipfile raises NotImplementedError for a 'version needed' it does not know."""
    blob, trusted = valid_package
    raw = bytearray(package.decrypt_package(blob, [IDENTITY.read_text()]))
    central = raw.index(b"PK\x01\x02")
    raw[central + 6] = 0xFE  # version needed to extract: 25.4
    with pytest.raises(PackageRefused, match="ZIP"):
        package.verify_zip(bytes(raw), trusted, hashlib.sha256(blob).hexdigest())


# The standard tools can decrypt and verify by hand


@pytest.mark.tools
def test_standard_tools(office, tmp_path):
    for tool in ("age", "minisign", "unzip", "sha256sum"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} not installed")
    path, _sha, manifest = _export(office, tmp_path)
    pub, _kid = office_keys.office_public_key(office)
    (tmp_path / "office.pub").write_bytes(pub)
    zip_path = tmp_path / "package.zip"
    with zip_path.open("wb") as fh:
        subprocess.run(["age", "-d", "-i", str(IDENTITY), str(path)], stdout=fh, check=True)
    out = tmp_path / "unpacked"
    subprocess.run(["unzip", "-q", str(zip_path), "-d", str(out)], check=True)
    result = subprocess.run(
        ["minisign", "-Vm", "manifest.json", "-p", str(tmp_path / "office.pub")],
        cwd=out,
        capture_output=True,
        text=True,
        check=True,
    )
    assert f"office:{OFFICE_ID}\tperiod:2025-Q1\tsequence:1" in result.stdout
    sums = "".join(f"{e.sha256}  {e.name}\n" for e in manifest.files)
    (out / "SHA256SUMS").write_text(sums)
    done = subprocess.run(
        ["sha256sum", "-c", "--strict", "SHA256SUMS"],
        cwd=out, capture_output=True, text=True, check=True,
    )  # fmt: skip
    # what docs/submission-format.md step 4 shows is what the tool prints
    doc = (Path(__file__).parents[1] / "docs" / "submission-format.md").read_text()
    step4 = doc.split("# 4.", 1)[1].split("# 5.", 1)[0]
    shown = re.findall(r"^#   (\S+: OK)$", step4, re.M)
    assert done.stdout.splitlines() == shown


def test_bulk_insert_into_closed_period_refused(session):
    from tests.support.records import case, contact

    period_close.close_period(session, parse_period("2026-Q1"))
    new = case(opened=dt.date(2026, 2, 1))
    with pytest.raises(PeriodClosed):
        session.add_bulk([new], [], "import")
    later = case(opened=dt.date(2026, 4, 1))
    with pytest.raises(PeriodClosed):
        session.add_bulk([later], [contact(later.id, date=dt.date(2026, 3, 30))], "import")
    session.add_bulk([later], [contact(later.id, date=dt.date(2026, 4, 2))], "import")
