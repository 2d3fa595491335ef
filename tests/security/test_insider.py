"""The insider attacks of issue 12, one row each, played with the program's own modules and
raw SQLite on a closed vault file, each with the error class it must raise.

Roles: ``leitung`` (lead), ``anna`` (counsellor, holds the data key), ``bert`` (counsellor,
removed after the backup), and a keyless attacker who only has the file. docs/security.md
holds the threat model these rows test.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import msgspec
import pytest

from app.crypto import aead
from app.crypto import kdf as keys
from app.errors import (
    BackupOlderThanRemoval,
    BadRecoveryKey,
    FallzahlError,
    KdfParamsRefused,
    LeadStateForged,
    LeadStateRolledBack,
    NotAllowed,
    UsageError,
    VaultCorrupt,
    VaultLocked,
    WrongPassphrase,
)
from app.office import keys as office_keys
from app.office.district_trust import EXTRA_KEYS
from app.office.info import OfficeInfo, set_office_info
from app.records import freeze
from app.vault import keyslots, store
from app.vault.backup import make_backup, restore_backup
from app.vault.store import PreReleaseVault
from app.vault.vault import Vault
from tests.support.passphrases import FAST_KDF, PASS
from tests.support.records import case

ANNA, BERT = "anna-passwort", "bert-passwort"


@dataclass
class World:
    folder: Path
    recovery: str
    backup: Path  # made while bert was still a user
    tmp: Path

    def db(self) -> sqlite3.Connection:
        return sqlite3.connect(self.folder / store.DB_NAME, isolation_level=None)

    def sql(self, query: str, params: tuple = ()) -> None:
        conn = self.db()
        try:
            conn.execute(query, params)
        finally:
            conn.close()

    def one(self, query: str, params: tuple = ()):
        conn = self.db()
        try:
            return conn.execute(query, params).fetchone()
        finally:
            conn.close()

    def unlock(self, user: str = "leitung", passphrase: str = PASS):
        vault = Vault(self.folder)
        try:
            session = vault.unlock(user, passphrase)
        except BaseException:
            vault.close()
            raise
        return vault, session

    def as_user(self, user: str, passphrase: str, fn: Callable) -> None:
        vault, session = self.unlock(user, passphrase)
        try:
            fn(session)
        finally:
            session.close()
            vault.close()


@pytest.fixture
def world(tmp_path, min_scheme) -> World:
    folder = tmp_path / "vault"
    vault, recovery = Vault.create(folder, user="leitung", passphrase=PASS, kdf=FAST_KDF)
    lead = vault.unlock("leitung", PASS)
    lead.scheme = min_scheme
    set_office_info(lead, OfficeInfo(office_id="HZ-QLB-01", name="Quedlinburg"))
    office_keys.make_office_keys(lead)
    lead.add_user("anna", "counsellor", ANNA)
    lead.add_user("bert", "counsellor", BERT)
    lead.put_setting(freeze.CLOSED, b"[]")
    lead.save_case(case("2026-0001"))
    backup = make_backup(lead, tmp_path / "before-removal.fzbak")
    lead.remove_user("bert")
    lead.save_case(case("2026-0002"))  # written after bert's removal
    lead.close()
    vault.close()
    return World(folder, recovery, backup, tmp_path)


def _counsellor_writes(key: str, value: bytes) -> Callable[[World], None]:
    """anna seals a setting with the data key she holds, bypassing the program's checks."""

    def attack(w: World) -> None:
        def forge(s) -> None:
            with s.store.transaction():
                s._put_setting(key, value)

        w.as_user("anna", ANNA, forge)

    return attack


def rogue_office_key(w: World) -> None:
    _secret, public = office_keys.signing.generate_keypair("rogue")
    _counsellor_writes(office_keys.PUBLIC_KEY, public)(w)


def counsellor_makes_herself_lead(w: World) -> None:
    def forge(s) -> None:
        row = keyslots.slot_row(s.store, "anna")
        with s.store.transaction():
            keyslots._write(
                s.store, s.vault.vault_id, "anna", "passphrase", "lead", ANNA,
                s._slot_secret, row.recipient, FAST_KDF,
            )  # fmt: skip

    w.as_user("anna", ANNA, forge)


def counsellor_adds_a_user(w: World) -> None:
    def forge(s) -> None:
        with s.store.transaction():
            keyslots.write_new_slot(
                s.store, s.vault.vault_id, "mallory", "passphrase", "lead", "mallory-pass",
                s._slot_secret.state_key, keyslots.Grant(s._grant.epoch, s._key), FAST_KDF,
            )  # fmt: skip

    w.as_user("anna", ANNA, forge)


def counsellor_forges_the_leads_grant(w: World) -> None:
    """A grant is encrypted to a public recipient: anna writes one with a lead key of hers."""

    def forge(s) -> None:
        row = keyslots.slot_row(s.store, "leitung")
        fake = keyslots.Grant(s._grant.epoch, s._key, aead.new_key())
        with s.store.transaction():
            s.store.db.execute(
                "UPDATE slots SET grant_=? WHERE name='leitung'",
                [keyslots.seal_grant(row.recipient, fake)],
            )

    w.as_user("anna", ANNA, forge)


def keyless_copies_an_old_settings_row_back(w: World) -> None:
    old = w.one("SELECT rev, sealed FROM settings WHERE id=?", (freeze.CLOSED,))
    w.as_user("leitung", PASS, lambda s: s.put_setting(freeze.CLOSED, b'["changed"]'))
    w.sql("UPDATE settings SET rev=?, sealed=? WHERE id=?", (*old, freeze.CLOSED))


def keyless_rolls_back_head_and_row(w: World) -> None:
    """The old signed head and the old row together: the audit head knows a later version."""
    conn = w.db()
    old_row = conn.execute(
        "SELECT rev, sealed FROM settings WHERE id=?", (freeze.CLOSED,)
    ).fetchone()
    old_head = conn.execute("SELECT key, value FROM meta WHERE key LIKE 'lead.head%'").fetchall()
    conn.close()
    w.as_user("leitung", PASS, lambda s: s.put_setting(freeze.CLOSED, b'["changed"]'))
    w.sql("UPDATE settings SET rev=?, sealed=? WHERE id=?", (*old_row, freeze.CLOSED))
    for key, value in old_head:
        w.sql("UPDATE meta SET value=? WHERE key=?", (value, key))


def counsellor_rolls_back_and_rewrites_the_audit_head(w: World) -> None:
    """The old signed head and row, and an audit head (sealed with the data key anna holds)
    that names the old version: only the lead's own rollback mark still knows better."""
    conn = w.db()
    old_row = conn.execute(
        "SELECT rev, sealed FROM settings WHERE id=?", (freeze.CLOSED,)
    ).fetchone()
    old_head = conn.execute("SELECT key, value FROM meta WHERE key LIKE 'lead.head%'").fetchall()
    conn.close()
    w.as_user("leitung", PASS, lambda s: s.put_setting(freeze.CLOSED, b'["closed"]'))
    w.sql("UPDATE settings SET rev=?, sealed=? WHERE id=?", (*old_row, freeze.CLOSED))
    for key, value in old_head:
        w.sql("UPDATE meta SET value=? WHERE key=?", (value, key))

    def rewrite(s) -> None:
        seq, digest, _version = s._audit_head()
        with s.store.transaction():
            s._put_setting("audit.head", msgspec.msgpack.encode((seq, digest, s.lead_head.version)))

    vault = Vault(w.folder)  # anna's unlock would refuse: she verifies the same way
    row = keyslots.slot_row(vault.store, "anna")
    opened = keyslots.open_slot(vault.vault_id, row, ANNA)
    from app.vault import lead_state
    from app.vault.session import Session

    head, _raw, _sig = lead_state.read_head(vault.store)
    s = Session(vault, "anna", "counsellor", opened.grant, opened.secret, lock=False, verify=False)
    s._head = head  # her own tool: no checks
    rewrite(s)
    s.close()
    vault.close()


def keyless_restores_the_old_lead_state_after_a_removal(w: World) -> None:
    """Everything the old head signed, from the backup made before bert's removal: slots
    and grants (with the old data key), lead secrets, lead settings and the head itself."""
    old = sqlite3.connect(w.backup)
    tables = {
        "slots": old.execute("SELECT * FROM slots").fetchall(),
        "lead_secrets": old.execute("SELECT * FROM lead_secrets").fetchall(),
        "settings": old.execute("SELECT * FROM settings WHERE id != 'audit.head'").fetchall(),
    }
    head = old.execute("SELECT key, value FROM meta WHERE key LIKE 'lead.head%'").fetchall()
    old.close()
    for table, rows in tables.items():
        w.sql(f"DELETE FROM {table}" + (" WHERE id != 'audit.head'" if table == "settings" else ""))
        for row in rows:
            w.sql(f"INSERT INTO {table} VALUES ({','.join('?' * len(row))})", row)
    for key, value in head:
        w.sql("UPDATE meta SET value=? WHERE key=?", (value, key))


def keyless_deletes_the_audit_head_and_tail(w: World) -> None:
    w.sql("DELETE FROM settings WHERE id='audit.head'")
    w.sql("DELETE FROM audit WHERE seq > (SELECT max(seq) - 2 FROM audit)")


def keyless_deletes_the_recovery_slot(w: World) -> None:
    w.sql("DELETE FROM slots WHERE name=?", (keyslots.RECOVERY,))


def keyless_weakens_the_kdf(w: World) -> None:
    w.sql(
        "UPDATE slots SET kdf=? WHERE name='leitung'",
        ('{"memory_kib":8,"iterations":1,"lanes":1}',),
    )


def _unlock_lead(w: World) -> None:
    vault, session = w.unlock()
    session.close()
    vault.close()


def _unlock_anna(w: World) -> None:
    vault, session = w.unlock("anna", ANNA)
    session.close()
    vault.close()


# (attack, what is tried afterwards, the error it must raise)
ROWS = [
    (rogue_office_key, _unlock_lead, LeadStateForged),
    (rogue_office_key, _unlock_anna, LeadStateForged),
    (_counsellor_writes(freeze.CLOSED, b"[]"), _unlock_lead, LeadStateForged),
    (_counsellor_writes(EXTRA_KEYS.key, b'["untrusted"]'), _unlock_lead, LeadStateForged),
    (_counsellor_writes("policy", b'{"auto_lock_minutes": 240}'), _unlock_lead, LeadStateForged),
    (counsellor_makes_herself_lead, _unlock_anna, LeadStateForged),
    (counsellor_adds_a_user, _unlock_lead, LeadStateForged),
    (counsellor_forges_the_leads_grant, _unlock_lead, LeadStateForged),
    (keyless_copies_an_old_settings_row_back, _unlock_lead, LeadStateForged),
    (keyless_rolls_back_head_and_row, _unlock_lead, LeadStateRolledBack),
    (counsellor_rolls_back_and_rewrites_the_audit_head, _unlock_lead, LeadStateRolledBack),
    (keyless_restores_the_old_lead_state_after_a_removal, _unlock_lead, LeadStateRolledBack),
    (keyless_deletes_the_audit_head_and_tail, _unlock_lead, LeadStateRolledBack),
    (keyless_deletes_the_recovery_slot, _unlock_lead, LeadStateForged),
    (keyless_weakens_the_kdf, _unlock_lead, WrongPassphrase),
]


@pytest.mark.parametrize(("attack", "then", "error"), ROWS, ids=[r[0].__name__ for r in ROWS])
def test_lead_state_attack_is_named_and_not_acted_upon(world, attack, then, error):
    attack(world)
    with pytest.raises(error) as err:
        then(world)
    assert err.value.message("de") and err.value.message("en")


def test_a_counsellor_cannot_write_lead_state_through_the_program(world):
    def tries(s) -> None:
        with pytest.raises(NotAllowed):
            s.put_setting(office_keys.PUBLIC_KEY, b"rogue")
        with pytest.raises(NotAllowed):
            s.put_setting(freeze.CLOSED, b"[]")

    world.as_user("anna", ANNA, tries)
    _unlock_lead(world)  # nothing was written


def test_the_recovery_slot_deleted_is_named_for_the_recovery_key(world):
    keyless_deletes_the_recovery_slot(world)
    vault = Vault(world.folder)
    try:
        with pytest.raises(LeadStateForged):
            vault.unlock_with_recovery(world.recovery)
    finally:
        vault.close()


def test_a_removed_users_old_slot_opens_nothing_written_after_the_removal(world):
    old = sqlite3.connect(world.backup)
    row = keyslots.SlotRow(
        *old.execute(f"SELECT {keyslots.COLUMNS} FROM slots WHERE name='bert'").fetchone()
    )
    vault_id = old.execute("SELECT value FROM meta WHERE key='vault_id'").fetchone()[0]
    old.close()
    opened = keyslots.open_slot(vault_id, row, BERT)
    assert opened is not None  # bert's slot from the backup still opens its old grant
    conn = world.db()
    rows = conn.execute("SELECT id, rev, sealed FROM cases").fetchall()
    conn.close()
    assert len(rows) == 2
    for record_id, rev, sealed in rows:  # even the case from before: every row was re-sealed
        with pytest.raises(aead.Tampered):
            aead.open_sealed(
                opened.grant.data_key,
                store.associated_data(vault_id, "cases", record_id, rev),
                sealed,
            )
    with pytest.raises(FallzahlError):  # and his slot is gone from the vault
        world.unlock("bert", BERT)


def test_a_counsellor_cannot_restore_and_an_older_backup_needs_confirmation(world):
    with pytest.raises(NotAllowed):
        restore_backup(world.folder, world.backup, user="anna", passphrase=ANNA)
    with pytest.raises(BackupOlderThanRemoval):
        restore_backup(world.folder, world.backup, user="leitung", passphrase=PASS)
    _unlock_lead(world)  # refused: the current vault is unchanged
    restore_backup(world.folder, world.backup, user="leitung", passphrase=PASS, accept_older=True)
    vault, session = world.unlock("bert", BERT)  # the lead chose to bring the old state back
    assert [e.action for e in session.audit_entries()][-1] == "backup.restored"
    session.close()
    vault.close()


@pytest.mark.parametrize(
    "kdf_text",
    [
        '{"memory_kib": 67108864, "iterations": 3, "lanes": 4}',  # 64 GiB
        '{"memory_kib": 65536, "iterations": 1000000000, "lanes": 4}',
        '{"memory_kib": 65536, "iterations": 3, "lanes": 0}',
        '{"memory_kib": "lots", "iterations": 3, "lanes": 4}',
        '{"memory_kib": 65536, "iterations": 3, "lanes": 4, "x": ' + "1" * 500 + "}",
        "not json",
        "[]",
    ],
)
def test_kdf_parameters_out_of_bounds_are_refused_before_any_kdf(world, kdf_text):
    world.sql("UPDATE slots SET kdf=? WHERE name='leitung'", (kdf_text,))
    start = time.perf_counter()
    with pytest.raises(KdfParamsRefused):
        world.unlock()
    assert time.perf_counter() - start < 1.0


def test_new_slots_use_the_machines_calibration_not_the_files(world):
    weak = '{"memory_kib":8,"iterations":1,"lanes":1}'
    world.sql("UPDATE slots SET kdf=? WHERE name=?", (weak, keyslots.RECOVERY))
    vault, session = world.unlock()
    session.add_user("carla", "counsellor", "carla-passwort")
    assert vault.slot_params("carla") == keys.machine_params() == FAST_KDF
    session.close()
    vault.close()
    vault = Vault(world.folder)
    with pytest.raises(BadRecoveryKey):  # the weakened recovery slot no longer opens
        vault.unlock_with_recovery(world.recovery)
    vault.close()


@pytest.mark.parametrize(
    ("damage", "error"),
    [
        (lambda w: w.sql("PRAGMA user_version=0"), VaultCorrupt),
        (
            lambda w: (
                w.sql("ALTER TABLE slots DROP COLUMN grant_") or w.sql("PRAGMA user_version=2")
            ),
            PreReleaseVault,
        ),
        (lambda w: w.sql("DROP TABLE contacts"), VaultCorrupt),
        (lambda w: w.sql("DROP TABLE audit"), VaultCorrupt),
        (lambda w: (w.folder / store.DB_NAME).write_bytes(b""), VaultCorrupt),
    ],
    ids=["user_version 0", "pre-release schema", "dropped contacts", "dropped audit", "zero bytes"],
)
def test_a_damaged_vault_file_is_named(world, damage, error):
    damage(world)
    with pytest.raises(error):
        world.unlock()


@pytest.mark.parametrize(
    "content",
    [
        b"{",
        b'{"leitung": "many"}',
        b'{"leitung": [1e308, 1e308]}',
        b'{"leitung": [99999999, 9.9e20]}',  # thirty thousand years in the future
        b"[1, 2, 3]",
        b"\xff\xfe",
    ],
)
def test_a_malformed_failures_file_never_locks_anyone_out_for_long(world, content):
    (world.folder / "unlock-failures.json").write_bytes(content)
    vault = Vault(world.folder)
    try:
        assert vault.wait_seconds("leitung") <= 60
        if vault.wait_seconds("leitung") == 0:
            vault.unlock("leitung", PASS).close()
        else:
            with pytest.raises(WrongPassphrase, match="warten"):
                vault.unlock("leitung", PASS)
    finally:
        vault.close()


def test_a_second_opener_is_refused_and_the_writers_next_save_works(world, min_scheme):
    vault, session = world.unlock()
    session.scheme = min_scheme
    try:
        with pytest.raises(VaultLocked):
            Vault(world.folder)
        (world.folder / "vault.lock").unlink()  # a deleted lock file admits no second writer
        with pytest.raises(VaultLocked):
            Vault(world.folder).unlock("leitung", PASS)
        session.save_case(case("2026-0003"))
    finally:
        session.close()
        vault.close()
    vault, session = world.unlock()
    assert session.check() == []
    session.close()
    vault.close()


def test_an_office_id_with_a_trailing_newline_is_refused(world):
    vault, session = world.unlock()
    try:
        with pytest.raises(UsageError):
            set_office_info(session, OfficeInfo(office_id="HZ-QLB-01\n", name="x"))
    finally:
        session.close()
        vault.close()


def test_check_names_lead_state_forged_while_open(world):
    """`check` verifies again: a row changed behind an open lead session is found."""
    vault, session = world.unlock()
    try:
        session.store.release_exclusive()  # let an outside edit in, as an attacker would
        world.sql("UPDATE settings SET sealed=? WHERE id=?", (b"x" * 40, freeze.CLOSED))
        problems = session.check()
        assert any(isinstance(p, LeadStateForged) for p in problems)
    finally:
        session.close()
        vault.close()


def test_failures_file_written_by_the_program_stays_well_formed(world):
    vault = Vault(world.folder)
    for _ in range(2):
        with pytest.raises(WrongPassphrase):
            vault.unlock("leitung", "falsches-passwort")
    vault.close()
    data = json.loads((world.folder / "unlock-failures.json").read_text())
    assert msgspec.convert(data, dict[str, tuple[int, float]])["leitung"][0] == 2


def test_lead_changes_in_one_transaction_are_signed_once_and_forgotten_on_failure(world):
    vault, s = world.unlock()
    try:
        version, entries = s.lead_head.version, len(s.audit_entries())
        with s.store.transaction():
            s.put_setting(freeze.CLOSED, b'["a"]')
            s.put_setting(EXTRA_KEYS.key, b"[]")
        assert s.lead_head.version == version + 1  # one signature for both
        assert len(s.audit_entries()) == entries + 1
        with pytest.raises(RuntimeError), s.store.transaction():
            s.put_setting(freeze.CLOSED, b'["b"]')
            raise RuntimeError("disk gone")
        assert s.lead_head.version == version + 1  # nothing of it in memory either
        s.put_setting(freeze.CLOSED, b'["c"]')
        assert s.lead_head.version == version + 2
    finally:
        s.close()
        vault.close()
    vault, s = world.unlock()
    assert s.get_setting(freeze.CLOSED) == b'["c"]' and s.check() == []
    s.close()
    vault.close()


def test_the_rollback_mark_follows_a_passphrase_change(world):
    vault, s = world.unlock()
    s.change_passphrase("leitung", "eine-ganz-neue-passphrase")
    s.put_setting(freeze.CLOSED, b'["x"]')  # moves the mark under the new passphrase's key
    s.close()
    vault.close()
    vault, s = world.unlock("leitung", "eine-ganz-neue-passphrase")
    assert s._slot_secret.seen == s.lead_head.version
    s.close()
    vault.close()
