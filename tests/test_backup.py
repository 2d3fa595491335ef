"""Backup to one file and restore, keeping the previous vault until the new one is in place."""

from __future__ import annotations

import pytest

from app.errors import BackupRefused, DiskFull, VaultLocked
from app.vault.backup import make_backup, restore_backup
from app.vault.vault import Vault
from tests.support.passphrases import PASS
from tests.support.records import case


def test_backup_and_restore_bring_back_the_snapshot(session, vault_dir, tmp_path, min_scheme):
    kept_case = session.save_case(case("2026-0001"))
    backup = make_backup(session, tmp_path / "sicherung.fzbak")
    session.save_case(case("2026-0002"))
    session.close()
    kept = restore_backup(vault_dir, backup, user="leitung", passphrase=PASS)
    assert kept is not None and kept.exists()
    vault = Vault(vault_dir)
    again = vault.unlock("leitung", PASS)
    again.scheme = min_scheme
    assert [c.id for c in again.cases()] == [kept_case.id]
    assert again.audit_entries()[-1].action == "backup.restored"
    assert again.check() == []
    again.close()
    vault.close()


def test_backup_into_a_folder_names_the_file(session, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    path = make_backup(session, out)
    assert path.parent == out and path.suffix == ".fzbak"


def test_restore_with_the_recovery_key(vault_dir, tmp_path, min_scheme):
    from tests.support.passphrases import FAST_KDF

    vault, recovery = Vault.create(vault_dir, user="leitung", passphrase=PASS, kdf=FAST_KDF)
    s = vault.unlock("leitung", PASS)
    s.scheme = min_scheme
    s.save_case(case())
    backup = make_backup(s, tmp_path / "b.fzbak")
    s.close()
    vault.close()
    restore_backup(vault_dir, backup, recovery_key=recovery)


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda b: b"garbage" * 1000, "beschädigt"),
        (lambda b: b[: len(b) // 2], "beschädigt"),
    ],
)
def test_a_damaged_backup_is_refused_and_the_vault_unchanged(
    session, vault_dir, tmp_path, damage, message
):
    session.save_case(case())
    backup = make_backup(session, tmp_path / "b.fzbak")
    session.close()
    backup.write_bytes(damage(backup.read_bytes()))
    before = (vault_dir / "vault.db").read_bytes()
    with pytest.raises(BackupRefused, match=message):
        restore_backup(vault_dir, backup, user="leitung", passphrase=PASS)
    assert (vault_dir / "vault.db").read_bytes() == before


def test_wrong_passphrase_for_the_backup_is_refused(session, vault_dir, tmp_path):
    backup = make_backup(session, tmp_path / "b.fzbak")
    session.close()
    with pytest.raises(Exception, match="falsch"):
        restore_backup(vault_dir, backup, user="leitung", passphrase="falsches-passwort")


def test_restore_while_the_vault_is_open_elsewhere_is_refused(session, vault_dir, tmp_path):
    backup = make_backup(session, tmp_path / "b.fzbak")
    with pytest.raises(VaultLocked):
        restore_backup(vault_dir, backup, user="leitung", passphrase=PASS)


def test_backup_to_a_full_disk_leaves_nothing_half_written(session, tmp_path, monkeypatch):
    import errno
    import os

    real_replace = os.replace

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(DiskFull):
        make_backup(session, tmp_path / "b.fzbak")
    monkeypatch.setattr(os, "replace", real_replace)
    assert list(tmp_path.glob("*b.fzbak*")) == []
