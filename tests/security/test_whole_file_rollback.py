"""Whole-file rollback: vault.db replaced by an older copy, one row per way of doing it.

Nothing inside one file tells an older genuine copy from the real one; the rollback witness
in the user's config folder (app/vault/witness.py) does. Each row puts an older file in place
by hand and names the error the next unlock must raise; the program's own restore updates
the witness, so a restore on purpose opens.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.errors import VaultRolledBack
from app.office.info import OfficeInfo, set_office_info
from app.records import freeze
from app.vault import store, witness
from app.vault.backup import make_backup, restore_backup
from app.vault.vault import Vault
from tests.support.passphrases import FAST_KDF, PASS
from tests.support.records import case

ANNA = "anna-passwort"


@dataclass
class Office:
    folder: Path
    old_copy: Path  # vault.db as it was after the first day's work
    backup: Path  # the program's backup of that day
    vault_id: str

    @property
    def db(self) -> Path:
        return self.folder / store.DB_NAME

    def put_back(self, source: Path) -> None:
        for suffix in ("-wal", "-shm"):
            Path(str(self.db) + suffix).unlink(missing_ok=True)
        shutil.copyfile(source, self.db)

    def unlock(self, user: str = "leitung", passphrase: str = PASS) -> list[str]:
        vault = Vault(self.folder)
        try:
            session = vault.unlock(user, passphrase)
            codes = sorted(c.code for c in session.cases())
            session.close()
            return codes
        finally:
            vault.close()


@pytest.fixture
def office(tmp_path, min_scheme) -> Office:
    folder = tmp_path / "vault"
    vault, _recovery = Vault.create(folder, user="leitung", passphrase=PASS, kdf=FAST_KDF)
    lead = vault.unlock("leitung", PASS)
    lead.scheme = min_scheme
    set_office_info(lead, OfficeInfo(office_id="HZ-QLB-01", name="Quedlinburg"))
    lead.add_user("anna", "counsellor", ANNA)
    lead.save_case(case("2026-0001"))
    backup = make_backup(lead, tmp_path / "day-one.fzbak")
    lead.close()
    vault.close()
    old_copy = tmp_path / "vault-day-one.db"
    shutil.copyfile(folder / store.DB_NAME, old_copy)
    vault = Vault(folder)
    vault_id = vault.vault_id
    lead = vault.unlock("leitung", PASS)
    lead.scheme = min_scheme
    lead.save_case(case("2026-0002"))  # the second day: only in the current file
    lead.close()
    vault.close()
    return Office(folder, old_copy, backup, vault_id)


def _a_counsellors_save_then_the_old_file(o: Office) -> None:
    """Only the audit sequence moved (a counsellor's save): still an older file."""
    vault = Vault(o.folder)
    anna = vault.unlock("anna", ANNA)
    anna.save_case(case("2026-0003"))
    anna.close()
    vault.close()
    o.put_back(o.old_copy)


def _a_lead_change_then_the_old_file(o: Office) -> None:
    vault = Vault(o.folder)
    lead = vault.unlock("leitung", PASS)
    lead.put_setting(freeze.CLOSED, b"[]")
    lead.close()
    vault.close()
    o.put_back(o.old_copy)


# (how the older file gets there, who unlocks, the error)
ROWS: list[tuple[Callable[[Office], None], str, type]] = [
    (lambda o: o.put_back(o.old_copy), "leitung", VaultRolledBack),
    (lambda o: o.put_back(o.old_copy), "anna", VaultRolledBack),
    (lambda o: o.put_back(o.backup), "leitung", VaultRolledBack),  # a backup copied by hand
    (_a_counsellors_save_then_the_old_file, "leitung", VaultRolledBack),
    (_a_lead_change_then_the_old_file, "anna", VaultRolledBack),
]
IDS = [
    "old copy/lead",
    "old copy/counsellor",
    "backup by hand",
    "after a save",
    "after a lead change",
]


@pytest.mark.parametrize(("attack", "user", "error"), ROWS, ids=IDS)
def test_an_older_file_put_in_place_is_named(office, attack, user, error):
    attack(office)
    with pytest.raises(error) as err:
        office.unlock(user, PASS if user == "leitung" else ANNA)
    for language in ("de", "en"):
        text = err.value.message(language)
        assert "vault.db" in text and "restore" in text


def test_a_restore_through_the_program_opens_and_the_current_file_is_kept(office):
    kept = restore_backup(office.folder, office.backup, user="leitung", passphrase=PASS)
    assert office.unlock() == ["2026-0001"]
    assert office.unlock("anna", ANNA) == ["2026-0001"]
    assert kept is not None and kept.exists()


def test_the_older_file_then_restored_on_purpose_opens(office):
    office.put_back(office.old_copy)
    with pytest.raises(VaultRolledBack):
        office.unlock()
    restore_backup(office.folder, office.backup, user="leitung", passphrase=PASS)
    assert office.unlock() == ["2026-0001"]


def test_a_missing_or_unreadable_witness_is_a_new_pc(office):
    office.put_back(office.old_copy)
    path = witness.folder() / f"{office.vault_id}.json"
    path.write_bytes(b"{not json")
    assert office.unlock() == ["2026-0001"]  # unreadable: as if new; written again now
    assert witness.read(office.vault_id) is not None
    path.unlink()
    assert office.unlock() == ["2026-0001"]


def test_a_restore_killed_after_the_witness_was_lowered_leaves_a_vault_that_opens(office):
    """The witness is set to the restored state before the rename: a kill in between
    leaves the newer file with a lower note, which opens (and raises the note again)."""
    newer = witness.read(office.vault_id)
    witness.write(office.vault_id, witness.Seen(lead_version=1, audit_seq=1))
    assert office.unlock() == ["2026-0001", "2026-0002"]
    assert witness.read(office.vault_id) == newer


def test_the_witness_moves_with_the_session_not_with_every_save(office, min_scheme):
    vault = Vault(office.folder)
    lead = vault.unlock("leitung", PASS)
    lead.scheme = min_scheme
    at_unlock = witness.read(office.vault_id)
    assert at_unlock == lead.seen()
    lead.save_case(case("2026-0009"))
    assert witness.read(office.vault_id) == at_unlock  # no file write per save
    lead.close()
    vault.close()
    assert witness.read(office.vault_id).audit_seq == at_unlock.audit_seq + 1
