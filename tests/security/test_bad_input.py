"""Bad input of issue 12 item 8: one clear message (de/en), exit 1 on the CLI, no traceback.

Also the SQLite error codes of app/vault/store.py (issue 11 item 4), export's sent log at a
full disk, owner-only files, and demo fills that never overwrite.
"""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from app.cli.main import main
from app.errors import (
    DiskFull,
    ReadOnly,
    StorageError,
    VaultBusy,
    VaultCorrupt,
    VaultExists,
)
from app.office import demo, export, period_close
from app.records.periods import parse_period
from app.vault import keyslots, store
from tests.support.packages import make_office
from tests.support.passphrases import PASS


@pytest.fixture
def cli(tmp_path, monkeypatch, capsys):
    vault = tmp_path / "vault"

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--vault", str(vault), *argv])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    monkeypatch.setenv("FALLZAHL_PASSPHRASE", PASS)
    monkeypatch.setenv("FALLZAHL_USER", "leitung")
    code, out, err = run("init", "--office-id", "HZ-QLB-01", "--office-name", "Quedlinburg")
    assert code == 0, err
    run.recovery = out.strip().splitlines()[-1]  # type: ignore[attr-defined]
    run.vault = vault  # type: ignore[attr-defined]
    return run


def _no_traceback(err: str) -> None:
    assert err.strip() and "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [
        ("receipt", "import", "/nonexistent/receipt.receipt"),
        ("district", "enrol", "/nonexistent/office.pub", "--office-id", "HZ-QLB-01"),
        ("restore", "/nonexistent/backup.fzbak"),
    ],
    ids=["receipt import", "district enrol", "restore"],
)
def test_a_missing_file_is_named_with_exit_1(cli, argv):
    code, _out, err = cli(*argv)
    assert code == 1
    _no_traceback(err)
    assert "/nonexistent/" in err


def test_passwd_with_the_recovery_key_after_its_slot_was_deleted(cli, monkeypatch):
    conn = sqlite3.connect(cli.vault / store.DB_NAME)
    conn.execute("DELETE FROM slots WHERE name=?", (keyslots.RECOVERY,))
    conn.commit()
    conn.close()
    monkeypatch.setenv("FALLZAHL_RECOVERY_KEY", cli.recovery)
    monkeypatch.setenv("FALLZAHL_NEW_PASSPHRASE", "neues-langes-passwort")
    code, _out, err = cli("users", "passwd", "leitung", "--recovery-key")
    assert code == 1
    _no_traceback(err)
    assert "Wiederherstellungsschlüssel" in err


@pytest.mark.parametrize(
    "damage",
    [
        "PRAGMA user_version=0",
        "DROP TABLE cases",
        'UPDATE slots SET kdf=\'{"memory_kib": 67108864, "iterations": 3, "lanes": 4}\'',
    ],
)
def test_a_damaged_vault_gets_a_message_with_exit_1(cli, damage):
    conn = sqlite3.connect(cli.vault / store.DB_NAME)
    conn.execute(damage)
    conn.commit()
    conn.close()
    code, _out, err = cli("check")
    assert code == 1
    _no_traceback(err)


def test_a_zero_byte_vault_is_named_not_set_up_again(cli):
    (cli.vault / store.DB_NAME).write_bytes(b"")
    code, _out, err = cli("check")
    assert code == 1 and "beschädigt" in err


def test_demo_for_a_second_year_adds_and_the_same_year_again_is_refused(cli):
    code, _out, err = cli("demo", "--cases", "30", "--year", "2024")
    assert code == 0, err
    code, _out, err = cli("demo", "--cases", "30", "--year", "2023")
    assert code == 0, err
    code, out, err = cli("check")
    assert code == 0, err
    cases = int(out.split(":")[1].split()[0])
    assert cases == 60  # nothing of 2024 was overwritten by 2023
    code, _out, err = cli("demo", "--cases", "30", "--year", "2024")
    assert code == 1 and "überschreiben" in err  # the same fill again: refused, not doubled


def test_demo_refusal_names_the_clash(tmp_path, min_scheme):
    from app.vault.vault import Vault
    from tests.support.passphrases import FAST_KDF

    vault, _ = Vault.create(tmp_path / "v", user="leitung", passphrase=PASS, kdf=FAST_KDF)
    session = vault.unlock("leitung", PASS)
    session.scheme = min_scheme
    cases, contacts = demo.generate(min_scheme, 5, 2025)
    session.add_bulk(cases, contacts, "demo.filled")
    with pytest.raises(VaultExists):
        demo.refuse_overwrite(session, cases, contacts)
    session.close()
    vault.close()


class _SqliteError(sqlite3.OperationalError):
    def __init__(self, code: int, text: str = "x") -> None:
        super().__init__(text)
        self.sqlite_errorcode = code


@pytest.mark.parametrize(
    ("code", "text", "error"),
    [
        (13, "database or disk is full", DiskFull),  # SQLITE_FULL
        (8, "attempt to write a readonly database", ReadOnly),  # SQLITE_READONLY
        (3, "access permission denied", ReadOnly),  # SQLITE_PERM
        (14, "unable to open database file", StorageError),  # SQLITE_CANTOPEN
        (5, "database is locked", VaultBusy),  # SQLITE_BUSY
        (6, "database table is locked", VaultBusy),  # SQLITE_LOCKED
        (10, "disk I/O error", StorageError),  # SQLITE_IOERR
        (778, "disk I/O error", StorageError),  # SQLITE_IOERR_WRITE (extended)
        (7, "out of memory", StorageError),  # SQLITE_NOMEM
        (11, "database disk image is malformed", VaultCorrupt),  # SQLITE_CORRUPT
        (26, "file is not a database", VaultCorrupt),  # SQLITE_NOTADB
        (1, "no such table: cases", VaultCorrupt),  # a dropped table
        (1, "near 'SELEC': syntax error", None),  # a bug: not translated
        (19, "UNIQUE constraint failed", None),  # SQLITE_CONSTRAINT: a bug
    ],
)
def test_sqlite_errors_are_split_by_their_code(tmp_path, code, text, error):
    exc = _SqliteError(code, text)
    if error is None:
        with pytest.raises(sqlite3.OperationalError), store.storage_errors(tmp_path / "v.db"):
            raise exc
        return
    with pytest.raises(error) as err, store.storage_errors(tmp_path / "vault.db"):
        raise exc
    assert type(err.value) is error and err.value.message("en") != err.value.message("de")


@pytest.fixture
def office(tmp_path):
    vault, session = make_office(tmp_path / "office", n_cases=40)
    period = parse_period("2025-Q1")
    period_close.close_period(session, period, accepted_reason="Test")
    yield session, period
    if session.is_open:
        session.close()
    vault.close()


def test_export_at_a_full_disk_leaves_no_package_unrecorded(office, tmp_path, monkeypatch):
    session, period = office
    out = tmp_path / "out"
    out.mkdir()
    real = session.put_setting

    def full(name, value, **kw):
        if name == export.SENT:
            raise DiskFull("voll", "full")
        return real(name, value, **kw)

    monkeypatch.setattr(session, "put_setting", full)
    with pytest.raises(DiskFull):
        export.build_package(session, period, out)
    assert list(out.iterdir()) == []  # not recorded, so not left there either
    assert export.sent_packages(session) == []
    monkeypatch.setattr(session, "put_setting", real)
    path, _sha, _m = export.build_package(session, period, out)
    assert [p.file_name for p in export.sent_packages(session)] == [path.name]
    assert "package.exported" in [e.action for e in session.audit_entries()]


@pytest.mark.skipif(os.name != "posix", reason="owner-only modes are POSIX")
def test_vault_and_backups_are_owner_only(office, tmp_path):
    from app.vault.backup import make_backup

    session, _period = office
    backup = make_backup(session, tmp_path / "b.fzbak")
    for path in (session.store.path, backup):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE(session.vault.folder.stat().st_mode) == 0o700


@pytest.mark.skipif(os.name != "posix", reason="owner-only modes are POSIX")
def test_an_exported_secret_key_is_owner_only(tmp_path):
    code = main(["scheme", "keygen", "--out", str(tmp_path / "district")])
    assert code == 0
    assert stat.S_IMODE((tmp_path / "district.key").stat().st_mode) == 0o600


def test_rotation_reseals_the_frozen_history_too(office):
    """A closed period's records and tallies live in the frozen tables: after a removal
    they open under the new data key and the check stays clean."""
    session, _period = office
    frozen = sum(session.store.count(t) for t in ("cases_frozen", "contacts_frozen", "frozen"))
    assert frozen > 0
    session.add_user("weg", "counsellor", "ein-langes-passwort")
    session.remove_user("weg")
    assert session.check() == []
    vault = session.vault
    session.close()
    again = vault.unlock("leitung", PASS)
    assert again.check() == []
    again.close()
