"""The sealed store: tampering, swapping, rollback, damage, versions, locks, disk full."""

from __future__ import annotations

import sqlite3

import msgspec
import pytest

from app.errors import (
    DiskFull,
    InvalidRecord,
    RecordDamaged,
    VaultCorrupt,
    VaultLocked,
    VaultNewer,
)
from app.vault import store
from app.vault.vault import Vault
from tests.support.passphrases import PASS
from tests.support.records import case, contact


def reopen(session, min_scheme):
    vault = session.vault
    session.close()
    again = vault.unlock("leitung", PASS)
    again.scheme = min_scheme
    return again


def raw(session, sql, params=()):
    """An edit of the file from outside; the open session first lets go of the file."""
    session.store.release_exclusive()
    conn = sqlite3.connect(session.store.path)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def test_records_round_trip_and_only_ids_and_revisions_are_plain(session, min_scheme):
    c = session.save_case(case(problems=["FIN_DEBT", "ARB_LOSS"], sex="w"))
    session.save_contact(contact(c.id))
    again = reopen(session, min_scheme)
    assert again.case(c.id) == c
    assert len(again.contacts()) == 1
    cols = [r[1] for r in again.store.db.execute("PRAGMA table_info(cases)").fetchall()]
    assert cols == ["id", "rev", "sealed"]
    again.close()


def test_a_changed_ciphertext_byte_is_reported_by_id(session, min_scheme):
    c = session.save_case(case())
    sealed = bytearray(session.store.row("cases", c.id)[2])
    sealed[20] ^= 0x01
    raw(session, "UPDATE cases SET sealed=? WHERE id=?", (bytes(sealed), c.id))
    again = reopen(session, min_scheme)
    with pytest.raises(RecordDamaged) as err:
        again.cases()
    assert err.value.record_id == c.id and c.id in err.value.message()
    assert any(c.id in p.message() for p in again.check())
    again.close()


def test_rows_swapped_between_two_ids_do_not_open(session, min_scheme):
    a = session.save_case(case("2026-0001"))
    b = session.save_case(case("2026-0002"))
    sa, sb = session.store.row("cases", a.id)[2], session.store.row("cases", b.id)[2]
    raw(session, "UPDATE cases SET sealed=? WHERE id=?", (sb, a.id))
    raw(session, "UPDATE cases SET sealed=? WHERE id=?", (sa, b.id))
    again = reopen(session, min_scheme)
    with pytest.raises(RecordDamaged, match="2 Datensätze"):
        again.cases()
    again.close()


def test_a_row_moved_to_another_table_does_not_open(session, min_scheme):
    c = session.save_case(case())
    k = session.save_contact(contact(c.id))
    sealed = session.store.row("cases", c.id)[2]
    raw(session, "UPDATE contacts SET sealed=?, id=? WHERE id=?", (sealed, c.id, k.id))
    again = reopen(session, min_scheme)
    with pytest.raises(RecordDamaged):
        again.contacts()
    again.close()


def test_a_rolled_back_revision_is_found_by_the_check(session, min_scheme):
    c = session.save_case(case(sex="w"))
    old = session.store.row("cases", c.id)
    session.save_case(msgspec.structs.replace(c, sex="m"))
    raw(session, "UPDATE cases SET rev=?, sealed=? WHERE id=?", (old[1], old[2], c.id))
    again = reopen(session, min_scheme)
    assert again.case(c.id).sex == "w"  # the old row opens: only the log can tell
    findings = [p.message("en") for p in again.check()]
    assert any("rolled back" in f and c.id in f for f in findings)
    again.close()


def test_a_deleted_row_put_back_is_found(session, min_scheme):
    c = session.save_case(case())
    row = session.store.row("cases", c.id)
    session.delete_case(c.id)
    raw(session, "INSERT INTO cases(id, rev, sealed) VALUES (?,?,?)", row)
    again = reopen(session, min_scheme)
    assert any("deleted and is back" in p.message("en") for p in again.check())
    again.close()


def test_a_removed_audit_entry_breaks_the_chain(session, min_scheme):
    for n in range(1, 4):
        session.save_case(case(f"2026-000{n}"))
    raw(session, "DELETE FROM audit WHERE seq=2")
    again = reopen(session, min_scheme)
    assert any("chain broken" in p.message("en") for p in again.check())
    again.close()


def test_a_cut_off_audit_log_is_found(session, min_scheme):
    for n in range(1, 4):
        session.save_case(case(f"2026-000{n}"))
    raw(session, "DELETE FROM audit WHERE seq=(SELECT max(seq) FROM audit)")
    session.close()
    again = session.vault.unlock("leitung", PASS)
    assert any("head" in p.message("en") for p in again.check())
    again.close()


def test_a_truncated_file_is_named_and_points_to_the_backup(session, vault_dir):
    for n in range(1, 40):
        session.save_case(case(f"2026-{n:04d}"))
    session.close()
    session.vault.close()
    path = vault_dir / store.DB_NAME
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    for suffix in ("-wal", "-shm"):
        (vault_dir / (store.DB_NAME + suffix)).unlink(missing_ok=True)
    with pytest.raises(VaultCorrupt, match="Sicherung"):
        Vault(vault_dir).unlock("leitung", PASS)


def test_garbage_instead_of_a_vault(vault_dir):
    vault_dir.mkdir()
    (vault_dir / store.DB_NAME).write_bytes(b"not a database at all" * 100)
    with pytest.raises(VaultCorrupt):
        Vault(vault_dir)


def test_a_vault_from_a_newer_version_is_refused_unchanged(session, vault_dir):
    session.close()
    session.vault.close()
    raw(session, f"PRAGMA user_version={store.SCHEMA_VERSION + 1}")
    before = (vault_dir / store.DB_NAME).read_bytes()
    with pytest.raises(VaultNewer, match="neueren"):
        Vault(vault_dir)
    assert (vault_dir / store.DB_NAME).read_bytes() == before


def test_an_older_vault_is_backed_up_then_migrated(session, vault_dir, monkeypatch):
    session.close()
    session.vault.close()
    raw(session, f"PRAGMA user_version={store.SCHEMA_VERSION - 1}")
    ran = []
    monkeypatch.setitem(store.MIGRATIONS, store.SCHEMA_VERSION - 1, lambda db: ran.append(db))
    Vault(vault_dir).close()
    assert ran
    assert (vault_dir / f"vault.db.pre-migration-v{store.SCHEMA_VERSION - 1}").exists()
    conn = sqlite3.connect(vault_dir / store.DB_NAME)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    conn.close()


def test_a_second_writer_is_refused_naming_the_holder(session, vault_dir):
    # The writer holds the file itself: a second opener is refused before it reads anything.
    with pytest.raises(VaultLocked) as err:
        Vault(vault_dir).unlock("leitung", PASS)
    assert "leitung" in err.value.message() and "seit" in err.value.message()
    session.close()
    session.vault.close()
    other = Vault(vault_dir)
    other.unlock("leitung", PASS).close()  # free again once the holder closed
    other.close()


def test_disk_full_leaves_the_vault_as_it_was(session, min_scheme):
    saved = session.save_case(case("2026-0001"))
    pages = session.store.db.execute("PRAGMA page_count").fetchone()[0]
    session.store.db.execute(f"PRAGMA max_page_count={pages}")
    big = [case(f"2026-{n:04d}", problems=["FIN_DEBT"]) for n in range(2, 3000)]
    with pytest.raises(DiskFull, match="voll"):
        session.add_bulk(big, [], "bulk")
    session.store.db.execute("PRAGMA max_page_count=1073741823")
    again = reopen(session, min_scheme)
    assert [c.code for c in again.cases()] == [saved.code]
    assert again.check() == []
    again.close()


def test_a_value_outside_the_scheme_is_refused_naming_the_field(session):
    with pytest.raises(InvalidRecord) as err:
        session.save_case(case(sex="q"))
    assert err.value.field == "sex" and "Geschlecht" in err.value.message()
    with pytest.raises(InvalidRecord, match="Problemlage"):
        session.save_case(case(problems=["NOPE"]))
    with pytest.raises(InvalidRecord, match="Fallnummer"):
        session.save_case(case(code="Frau Müller"))
    with pytest.raises(InvalidRecord, match="Kontaktform"):
        session.save_contact(contact(None, field="EB", form="9"))
    assert session.cases() == []


def test_delete_case_takes_its_contacts(session):
    c = session.save_case(case())
    session.save_contact(contact(c.id))
    session.save_contact(contact(None, field="EFL"))
    session.delete_case(c.id)
    assert session.cases() == [] and len(session.contacts()) == 1
    assert session.check() == []


@pytest.mark.parametrize(
    ("vault_id", "table", "record_id", "rev"),
    [("0f3a9c", "cases", "ab12cd34ef56ab78", 1), ("v%d-1", "contacts_frozen", "x|y", 123)],
)
def test_the_associated_data_template_gives_the_associated_data(vault_id, table, record_id, rev):
    """Unlocking opens rows with the template (app/crypto/aead.py open_rows): the same bytes."""
    template = store.ad_template(vault_id, table)
    assert template % (record_id.encode(), rev) == store.associated_data(
        vault_id, table, record_id, rev
    )
