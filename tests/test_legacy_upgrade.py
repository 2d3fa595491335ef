"""Carrying a pre-release vault (schema 1, made by the previous release's code) over.

tests/data/legacy/ holds a vault written by commit bb17801's own code with the old code's
records, tallies and office public key beside it (README.md there says how).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import msgspec
import pytest

from app.cli.main import main
from app.crypto import signing
from app.errors import (
    FallzahlError,
    KdfParamsRefused,
    RecordDamaged,
    UnknownUser,
    UpgradeRefused,
    VaultCorrupt,
    WrongPassphrase,
)
from app.office import keys as office_keys
from app.office.upgrade import upgrade_vault
from app.stats import tally_io
from app.vault import store
from app.vault.vault import Vault

DATA = Path(__file__).parent / "data" / "legacy"
LEAD, LEAD_PASS = "leitung", "leitung-alt-2026"
COUNSELLOR, COUNSELLOR_PASS = "beraterin", "beraterin-alt-2026"


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture
def old(tmp_path) -> Path:
    folder = tmp_path / "old"
    folder.mkdir()
    shutil.copy2(DATA / "vault.db", folder / "vault.db")
    return folder


@pytest.fixture
def upgraded(old, tmp_path):
    before = _digest(old)
    result = upgrade_vault(old, tmp_path / "new", LEAD, LEAD_PASS)
    assert _digest(old) == before  # the old folder is byte for byte as it was, nothing added
    vault = Vault(result.folder)
    session = vault.unlock(LEAD, LEAD_PASS)
    yield result, session
    session.close()
    vault.close()


def test_every_record_comes_over_equal(upgraded):
    _result, session = upgraded
    expected = json.loads((DATA / "records.json").read_bytes())
    for table, records in (("cases", session.all_cases()), ("contacts", session.all_contacts())):
        got = {r.id: msgspec.to_builtins(msgspec.structs.asdict(r)) for r in records}
        assert len(got) == len(expected[table])
        for old_record in expected[table]:
            new = got[old_record["id"]]
            # new fields were added at the end with their defaults; the old ones are equal
            assert {k: new[k] for k in old_record} == old_record


def test_closed_period_tallies_equal_the_old_codes(upgraded):
    _result, session = upgraded
    assert session.frozen_tally_labels() == ["2025-Q1"]
    # the old tallies are format 1 ("?" and the scheme's unknown codes): read in today's
    # codes, they are exactly what the upgraded vault counts
    scheme = session.scheme
    old_q1 = tally_io.from_json((DATA / "tally-2025-Q1.json").read_bytes(), scheme)
    assert any(c == "_U" for r in old_q1.rows for _, c in r.dims)
    assert tally_io.from_json(session.frozen_tally("2025-Q1"), scheme) == old_q1
    from app.cli.tally import office_tally

    year = office_tally(session, "2025")
    assert year == tally_io.from_json((DATA / "tally-2025.json").read_bytes(), scheme)


def test_same_office_key_and_settings_are_signed_lead_state(upgraded):
    result, session = upgraded
    old_public = (DATA / "office.pub").read_bytes()
    public, kid = office_keys.office_public_key(session)
    assert public == old_public
    assert kid == signing.key_id(old_public)
    # the secret came along: what it signs verifies against the district's enrolled key
    sig = signing.sign(b"probe", office_keys.signing_secret(session))
    signing.verify(b"probe", sig, [old_public])
    assert office_keys.archive_identity(session)
    from app.office.info import office_info

    assert office_info(session).office_id == "LEG-01"
    assert set(result.settings) == {
        "office",
        "office.public_key",
        "office.archive_recipient",
        "periods.closed",
    }
    assert session.lead_head.version > 1  # written through the lead session: signed


def test_users_to_add_again_audit_and_new_vault(upgraded):
    result, session = upgraded
    assert [(u.name, u.role) for u in result.to_add_again] == [(COUNSELLOR, "counsellor")]
    assert [u.name for u in session.vault.users()] == [LEAD]
    assert result.new_vault_id != result.old_vault_id
    entries = [e for e in session.audit_entries() if e.action == "vault.upgraded"]
    assert len(entries) == 1
    assert result.old_vault_id in entries[0].detail
    assert "50 cases" in entries[0].detail and "257 contacts" in entries[0].detail
    assert session.check() == []
    from app.stats.history import check as check_frozen

    assert check_frozen(session, ()) == []


def test_recovery_key_opens_the_new_vault(old, tmp_path):
    result = upgrade_vault(old, tmp_path / "new", LEAD, LEAD_PASS)
    vault = Vault(result.folder)
    try:
        recovered = vault.unlock_with_recovery(result.recovery_key)
        assert recovered.is_lead
        assert recovered.record_counts() == (50, 257)
        recovered.close()
    finally:
        vault.close()


def _tamper_row(folder: Path) -> str:
    db = sqlite3.connect(folder / "vault.db")
    record_id, sealed = db.execute("SELECT id, sealed FROM cases ORDER BY id LIMIT 1").fetchone()
    flipped = bytes([sealed[0]]) + bytes([sealed[1] ^ 1]) + sealed[2:]
    # the nonce changed: the row no longer opens
    db.execute("UPDATE cases SET sealed=? WHERE id=?", [flipped, record_id])
    db.commit()
    db.execute("PRAGMA journal_mode=DELETE")
    db.close()
    return record_id


def _current_vault(folder: Path) -> None:
    vault, _ = Vault.create(folder, user=LEAD, passphrase=LEAD_PASS)
    vault.close()


@pytest.mark.parametrize(
    ("case", "user", "passphrase", "error", "says"),
    [
        ("wrong passphrase", LEAD, "nicht-die-passphrase", WrongPassphrase, "falsch"),
        ("counsellor", COUNSELLOR, COUNSELLOR_PASS, UpgradeRefused, "Leitung"),
        ("unknown user", "niemand", LEAD_PASS, UnknownUser, "niemand"),
        ("target exists", LEAD, LEAD_PASS, UpgradeRefused, "überschrieben"),
        ("current vault", LEAD, LEAD_PASS, UpgradeRefused, "Vorabversion"),
        ("tampered row", LEAD, LEAD_PASS, RecordDamaged, "cases/"),
        ("not a vault", LEAD, LEAD_PASS, UpgradeRefused, "vault.db"),
        ("edited kdf", LEAD, LEAD_PASS, KdfParamsRefused, "Parameter"),
    ],
)
def test_refusals_leave_nothing_behind(old, tmp_path, case, user, passphrase, error, says):
    target = tmp_path / "new"
    source = old
    if case == "target exists":
        target.mkdir()
        (target / "something").write_text("x")
    elif case == "current vault":
        source = tmp_path / "current"
        _current_vault(source)
    elif case == "tampered row":
        says += _tamper_row(old)
    elif case == "edited kdf":  # 64 GiB asked for: refused before any Argon2id runs
        db = sqlite3.connect(old / "vault.db")
        huge = '{"memory_kib":67108864,"iterations":1,"lanes":1}'
        db.execute("UPDATE slots SET kdf=? WHERE name=?", [huge, LEAD])
        db.commit()
        db.execute("PRAGMA journal_mode=DELETE")
        db.close()
    elif case == "not a vault":
        source = tmp_path / "empty"
        source.mkdir()
    before = _digest(source)
    with pytest.raises(error) as caught:
        upgrade_vault(source, target, user, passphrase)
    assert isinstance(caught.value, FallzahlError)
    assert says in caught.value.de
    assert caught.value.en
    assert _digest(source) == before
    leftovers = sorted(p.name for p in tmp_path.iterdir())
    assert not [n for n in leftovers if ".upgrade-" in n]
    if case != "target exists":
        assert not store.holds_vault(target)


def test_the_current_program_points_to_the_upgrade(old):
    with pytest.raises(VaultCorrupt) as caught:
        Vault(old)
    assert "fallzahl-cli upgrade --from" in caught.value.de
    assert "fallzahl-cli upgrade --from" in caught.value.en


def test_cli_upgrade(old, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("FALLZAHL_PASSPHRASE", LEAD_PASS)
    target = tmp_path / "new"
    argv = ["--vault", str(target), "--lang", "en", "upgrade", "--from", str(old)]
    assert main([*argv, "--user", LEAD]) == 0
    printed = capsys.readouterr().out
    assert "50 cases, 257 contacts" in printed
    lines = printed.splitlines()
    key = lines[lines.index(next(x for x in lines if x.startswith("New recovery key"))) + 1]
    assert f"{COUNSELLOR}\tcounsellor" in lines
    assert main(["--vault", str(target), "--user", LEAD, "check"]) == 0
    capsys.readouterr()
    vault = Vault(target)
    vault.unlock_with_recovery(key).close()
    vault.close()
    # a second run refuses (exit 1 and the message): the target is taken
    assert main([*argv, "--user", LEAD]) == 1
    assert "will not be overwritten" in capsys.readouterr().err
    monkeypatch.setenv("FALLZAHL_PASSPHRASE", COUNSELLOR_PASS)
    assert (
        main(["--vault", str(tmp_path / "n2"), "upgrade", "--from", str(old), "--user", COUNSELLOR])
        == 1
    )
    assert "Only a lead" in capsys.readouterr().err


def test_a_provisioned_office_keeps_its_settings(tmp_path):
    """Policy, district recipients and trust anchors, provisioning, a sent package and a
    reopened period come over as they were (provisioned/ was made by the old code too)."""
    old = tmp_path / "old"
    old.mkdir()
    shutil.copy2(DATA / "provisioned" / "vault.db", old / "vault.db")
    expected = json.loads((DATA / "provisioned" / "settings.json").read_text())
    result = upgrade_vault(old, tmp_path / "new", LEAD, LEAD_PASS)
    assert sorted(result.settings) == sorted(expected)
    vault = Vault(result.folder)
    session = vault.unlock(LEAD, LEAD_PASS)
    try:
        for name, text in expected.items():
            assert session.get_setting(name) == text.encode(), name
        from app.office import export, info
        from app.office.period_close import closed_periods, reopen_history

        assert info.policy(session).auto_lock_minutes == 15
        assert info.PROVISIONED.read(session).office_id == "HZ-QLB-01"
        assert [p.sequence for p in export.sent_packages(session)] == [1]
        assert [c.label for c in closed_periods(session)] == ["2025-Q1"]
        assert [r.label for r in reopen_history(session)] == ["2025-Q2"]
        assert session.frozen_tally_labels() == ["2025-Q1"]
        assert session.check() == []
    finally:
        session.close()
        vault.close()
