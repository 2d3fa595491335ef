"""Key slots, passphrases, the recovery key and roles."""

from __future__ import annotations

import pytest

from app.crypto import kdf as keys
from app.errors import BadRecoveryKey, NotAllowed, UnknownUser, VaultExists, WrongPassphrase
from app.vault.vault import Vault
from tests.support.passphrases import FAST_KDF, PASS


@pytest.fixture
def made(vault_dir):
    vault, recovery = Vault.create(vault_dir, user="leitung", passphrase=PASS, kdf=FAST_KDF)
    yield vault, recovery
    vault.close()


def test_wrong_passphrase_is_refused_clearly(made):
    vault, _ = made
    with pytest.raises(WrongPassphrase) as err:
        vault.unlock("leitung", "falsches-passwort")
    assert "falsch" in err.value.message("de")
    assert "wrong" in err.value.message("en")


def test_unknown_user_is_named(made):
    vault, _ = made
    with pytest.raises(UnknownUser, match="niemand"):
        vault.unlock("niemand", PASS)


def test_repeated_failures_make_the_next_try_wait(vault_dir):
    now = [1000.0]
    Vault.create(vault_dir, user="leitung", passphrase=PASS, kdf=FAST_KDF)[0].close()
    vault = Vault(vault_dir, clock=lambda: now[0])
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            vault.unlock("leitung", "falsches-passwort")
    with pytest.raises(WrongPassphrase, match="warten Sie"):
        vault.unlock("leitung", PASS)  # even the right one must wait
    first_wait = vault.wait_seconds("leitung")
    now[0] += first_wait + 0.1
    with pytest.raises(WrongPassphrase):
        vault.unlock("leitung", "noch-einmal-falsch")
    assert vault.wait_seconds("leitung") > first_wait  # the delay grows
    now[0] += 120
    vault.unlock("leitung", PASS).close()
    assert vault.wait_seconds("leitung") == 0
    vault.close()


def test_recovery_key_shape_and_typo_caught_before_kdf(made, monkeypatch):
    vault, recovery = made
    groups = recovery.split("-")
    assert len(groups) == 8 and all(len(g) == 5 for g in groups)
    typo = recovery[:-1] + ("A" if recovery[-1] != "A" else "B")
    monkeypatch.setattr(keys, "derive", lambda *a: pytest.fail("KDF ran on a typo"))
    with pytest.raises(BadRecoveryKey, match="Tippfehler"):
        vault.unlock_with_recovery(typo)
    with pytest.raises(BadRecoveryKey, match="Form"):
        vault.unlock_with_recovery("ABC")


def test_recovery_key_of_another_vault_is_refused(made, tmp_path):
    vault, _ = made
    other, other_key = Vault.create(tmp_path / "other", user="x1", passphrase=PASS, kdf=FAST_KDF)
    other.close()
    with pytest.raises(BadRecoveryKey, match="gehört nicht"):
        vault.unlock_with_recovery(other_key)


def test_recovery_key_resets_a_forgotten_passphrase(made):
    vault, recovery = made
    session = vault.unlock_with_recovery(recovery.lower().replace("-", " "))
    session.change_passphrase("leitung", "ganz-neues-passwort")
    session.close()
    with pytest.raises(WrongPassphrase):
        vault.unlock("leitung", PASS)
    vault.unlock("leitung", "ganz-neues-passwort").close()


def test_change_passphrase_rewraps_one_slot_only(made, min_scheme):
    vault, _ = made
    session = vault.unlock("leitung", PASS)
    session.add_user("anna", "counsellor", "anna-passwort")
    rows_before = dict(session.store.db.execute("SELECT name, sealed FROM slots").fetchall())
    sealed_before = session.store.rows("settings")
    session.change_passphrase("leitung", "neues-passwort-1")
    rows_after = dict(session.store.db.execute("SELECT name, sealed FROM slots").fetchall())
    assert rows_after["anna"] == rows_before["anna"]
    assert rows_after["#recovery"] == rows_before["#recovery"]
    assert rows_after["leitung"] != rows_before["leitung"]
    # the records were not re-encrypted (only the audit head moved)
    after = {r[0]: r[2] for r in session.store.rows("settings")}
    assert all(after[i] == s for i, _, s in sealed_before if i != "audit.head")
    session.close()
    vault.unlock("leitung", "neues-passwort-1").close()


def test_roles_counsellor_cannot_manage_users_or_read_lead_secrets(made):
    vault, _ = made
    lead = vault.unlock("leitung", PASS)
    lead.put_lead_secret("office.key", b"geheim")
    lead.add_user("anna", "counsellor", "anna-passwort")
    lead.close()
    anna = vault.unlock("anna", "anna-passwort")
    assert anna.role == "counsellor" and not anna.is_lead
    with pytest.raises(NotAllowed, match="Leitung"):
        anna.add_user("bob", "lead", "bob-passwort-1")
    with pytest.raises(NotAllowed):
        anna.get_lead_secret("office.key")
    with pytest.raises(NotAllowed):
        anna.change_passphrase("leitung", "uebernahme-1")
    anna.change_passphrase("anna", "annas-neues-pw")  # her own is fine
    anna.close()
    lead = vault.unlock("leitung", PASS)
    assert lead.get_lead_secret("office.key") == b"geheim"
    lead.add_user("bob", "lead", "bob-passwort-1")
    lead.close()
    bob = vault.unlock("bob", "bob-passwort-1")
    assert bob.get_lead_secret("office.key") == b"geheim"  # other leads can sign too
    bob.close()


def test_editing_a_role_in_the_file_makes_the_slot_unusable(made):
    vault, _ = made
    lead = vault.unlock("leitung", PASS)
    lead.add_user("anna", "counsellor", "anna-passwort")
    lead.close()
    vault.store.db.execute("UPDATE slots SET role='lead' WHERE name='anna'")
    with pytest.raises(WrongPassphrase):
        vault.unlock("anna", "anna-passwort")


def test_last_lead_cannot_be_removed_and_users_come_and_go(made):
    vault, _ = made
    lead = vault.unlock("leitung", PASS)
    with pytest.raises(NotAllowed, match="letzte Leitung"):
        lead.remove_user("leitung")
    lead.add_user("anna", "counsellor", "anna-passwort")
    assert [u.name for u in vault.users()] == ["anna", "leitung"]
    lead.remove_user("anna")
    assert [u.name for u in vault.users()] == ["leitung"]
    actions = [e.action for e in lead.audit_entries()]
    assert actions == ["vault.created", "user.added", "user.removed"]
    lead.close()


def test_no_second_vault_over_an_existing_one(made, vault_dir):
    with pytest.raises(VaultExists):
        Vault.create(vault_dir, user="x", passphrase=PASS, kdf=FAST_KDF)


def test_short_passphrase_refused(tmp_path):
    with pytest.raises(WrongPassphrase, match="zu kurz"):
        Vault.create(tmp_path / "v", user="x", passphrase="kurz", kdf=FAST_KDF)


def test_calibration_keeps_the_memory_floor():
    params = keys.calibrate(target=0.05)
    assert params.memory_kib >= 64 * 1024 and params.iterations >= 2
