"""Office key rotation end to end: the office's old key signs a statement naming the new
one, the district reads it in, and from then on only the new key's packages are accepted.
Each refusal has its own class and message; the same on the command line."""

from __future__ import annotations

import pytest

from app import errors
from app.cli import main as cli
from app.crypto import kdf as keys
from app.crypto import signing
from app.district import desk as district
from app.district import registry as reg
from app.district.registry import ACTIVE, RETIRED, REVOKED
from app.office import keys as office_keys
from tests.support.district_world import Office, make_district, on_time
from tests.support.passphrases import FAST_KDF, PASS

OID = "HZ-QLB-01"


@pytest.fixture
def world(tmp_path):
    office = Office(tmp_path, OID, 1, FAST_KDF, cases=30)
    vault, desk = make_district(tmp_path / "desk", FAST_KDF)
    district.enrol(desk, OID, "Quedlinburg", office.public_key)
    out = tmp_path / "out"
    out.mkdir()
    yield office, desk, out
    office.close()
    desk.close()
    vault.close()


def _import(desk, path, q):
    return district.import_paths(desk, [path], now=on_time(q))[0]


def test_rotation_accepted_then_only_the_new_key_is(world):
    office, desk, out = world
    old_kid = signing.key_id(office.public_key)
    old_package, _sha = office.export(1, out)  # signed with the old key, not yet sent
    kid, statement, sig = office_keys.rotate_to(office.session, out)
    assert kid != old_kid and kid == signing.key_id(office.public_key)
    assert statement.name == f"{OID}_key-rotation_{kid}.txt"
    assert sig.name == statement.name + ".minisig"
    assert signing.verify(statement.read_bytes(), sig.read_bytes(), [
        district.registry(desk).office(OID).key(old_kid).public_key])[0] == old_kid  # fmt: skip
    new_package, _sha = office.export(2, out)

    assert district.rotate_key_files(desk, OID, statement) == kid
    entry = district.registry(desk).office(OID)
    assert entry.active_key.key_id == kid and entry.active_key.how == "rotated"
    assert entry.key(old_kid).status == RETIRED and entry.key(old_kid).ended is not None
    assert any(e.action == "district.key_rotated" for e in desk.audit_entries())

    accepted = _import(desk, new_package, 2)
    assert accepted.accepted and accepted.package.key_id == kid
    refused = _import(desk, old_package, 1)
    assert isinstance(refused.error, errors.ImportRevokedKey)
    assert "ersetzt" in refused.error.de and "replaced" in refused.error.en


def test_office_side_refusals_change_nothing(world, tmp_path):
    office, _desk, _out = world
    before = office_keys.office_public_key(office.session)
    with pytest.raises(errors.UsageError, match="existiert nicht") as info:
        office_keys.rotate_to(office.session, tmp_path / "nowhere")
    assert "does not exist" in info.value.en
    assert office_keys.office_public_key(office.session) == before
    assert office_keys.rotations(office.session) == []


def test_counsellor_cannot_rotate(world):
    office, _desk, _out = world
    office.session.add_user("berater", "counsellor", PASS)
    office.session.close()
    office.session = office.vault.unlock("berater", PASS)
    with pytest.raises(errors.NotAllowed) as info:
        office_keys.rotate(office.session)
    assert info.value.en


def test_replayed_statement_is_refused(world):
    office, desk, _out = world
    r = office_keys.rotate(office.session)
    kid = district.rotate_key(desk, OID, r.statement, r.signature)
    with pytest.raises(errors.RotationReplayed, match="bereits am") as info:
        district.rotate_key(desk, OID, r.statement, r.signature)
    assert "already read in" in info.value.en and kid in info.value.de


def test_statement_not_signed_by_the_current_key(world):
    office, desk, _out = world
    office_keys.rotate(office.session)  # A -> B never reaches the district
    second = office_keys.rotate(office.session)  # B -> C, signed by B
    with pytest.raises(errors.RotationNotCurrentKey, match="aktuelle Schlüssel") as info:
        district.rotate_key(desk, OID, second.statement, second.signature)
    assert "Only the current key" in info.value.en


def test_statement_for_another_office(world):
    office, _desk, _out = world
    # the office's key enrolled under another id (a typo at enrolment, say)
    today = on_time(1).date()
    registry, _kid = reg.enrol(reg.Registry(), "HZ-WR-02", "Wernigerode", office.public_key, today)
    r = office_keys.rotate(office.session)
    with pytest.raises(errors.RotationOtherOffice, match=f"gilt für die Beratungsstelle {OID}"):
        reg.rotate(registry, "HZ-WR-02", r.statement, r.signature, today)


def test_damaged_statement_or_signature(world, tmp_path):
    office, desk, _out = world
    r = office_keys.rotate(office.session)
    changed = r.statement.replace(b"office:", b"office: ")
    with pytest.raises(errors.RotationDamaged, match="verändert oder beschädigt"):
        district.rotate_key(desk, OID, changed, r.signature)
    with pytest.raises(errors.RotationDamaged, match="keine minisign-Signatur"):
        district.rotate_key(desk, OID, r.statement, b"nonsense")
    with pytest.raises(errors.RotationDamaged, match="kann nicht gelesen werden") as info:
        district.rotate_key_files(desk, OID, tmp_path / "missing.txt")
    assert "cannot be read" in info.value.en
    lone = tmp_path / "lone.txt"
    lone.write_bytes(r.statement)  # the .minisig left behind
    with pytest.raises(errors.RotationDamaged, match=r"\.minisig"):
        district.rotate_key_files(desk, OID, lone)
    assert district.registry(desk).office(OID).active_key.status == ACTIVE  # unchanged


def test_statement_signed_by_a_revoked_key(world):
    office, desk, _out = world
    old_kid = signing.key_id(office.public_key)
    district.revoke_key(desk, OID, old_kid)
    r = office_keys.rotate(office.session)
    with pytest.raises(errors.RotationRevokedKey, match="widerrufen") as info:
        district.rotate_key(desk, OID, r.statement, r.signature)
    assert "revoked" in info.value.en
    assert district.registry(desk).office(OID).key(old_kid).status == REVOKED


def test_unknown_office(world):
    office, desk, _out = world
    r = office_keys.rotate(office.session)
    with pytest.raises(errors.EnrolmentRefused, match="nicht eingetragen"):
        district.rotate_key(desk, "HZ-XX-99", r.statement, r.signature)


# command line


@pytest.fixture
def run(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(keys, "calibrate", lambda *a, **k: FAST_KDF)
    monkeypatch.setenv("FALLZAHL_PASSPHRASE", PASS)

    def run(vault, user, *argv: str) -> tuple[int, str, str]:
        code = cli.main(["--vault", str(vault), "--user", user, *argv])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def test_cli_rotate_both_sides(run, tmp_path):
    office, desk = tmp_path / "office", tmp_path / "desk"
    code, _out, err = run(office, "leitung", "init", "--office-id", OID, "--office-name", "BS Q")
    assert code == 0, err
    code, _out, err = run(desk, "planung", "init", "--district", "--district-name", "LK Harz")
    assert code == 0, err
    pub = tmp_path / "office.pub"
    assert run(office, "leitung", "office-key", "--out", str(pub))[0] == 0
    assert run(desk, "planung", "district", "enrol", str(pub), "--office-id", OID)[0] == 0
    old_kid = signing.key_id(pub.read_bytes())

    code, _out, err = run(office, "leitung", "office-key", "--rotate")
    assert code == 2 and "--out DIR" in err
    code, _out, err = run(office, "leitung", "office-key", "--rotate", "--out", str(tmp_path / "x"))
    assert code == 2 and "existiert nicht" in err
    folder = tmp_path / "to-district"
    folder.mkdir()
    code, out, err = run(office, "leitung", "office-key", "--rotate", "--out", str(folder))
    assert code == 0, err
    first, statement, sig = out.splitlines()[:3]
    new_kid = first.split()[2]
    assert f"bisher {old_kid}" in first and new_kid != old_kid
    assert statement.endswith(f"{OID}_key-rotation_{new_kid}.txt") and sig == statement + ".minisig"
    code, out, _err = run(office, "leitung", "office-key")
    assert new_kid in out  # the office now shows (and signs with) the new key

    rotate = ["district", "rotate", "--office-id", OID]
    code, out, err = run(desk, "planung", *rotate, statement)
    assert code == 0, err
    assert f"neuer Schlüssel: {new_kid}" in out
    code, _out, err = run(desk, "planung", *rotate, statement, "--sig", sig)
    assert code == 1 and "bereits" in err  # replayed
    code, _out, err = run(desk, "planung", *rotate, statement, "--sig", str(tmp_path / "no.sig"))
    assert code == 1 and "kann nicht gelesen werden" in err
    code, _out, err = run(desk, "planung", "district", "rotate", "--office-id", "HZ-X-9", statement)
    assert code == 1 and "nicht eingetragen" in err
    with pytest.raises(SystemExit) as info:  # --office-id is required
        run(desk, "planung", "district", "rotate", statement)
    assert info.value.code == 2
    code, _out, err = run(desk, "planung", "--lang", "en", *rotate, statement)
    assert code == 1 and "already read in" in err
