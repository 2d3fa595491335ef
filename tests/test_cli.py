"""The command-line contract: verbs, exit status 0/1/2, messages on stderr."""

from __future__ import annotations

import re

import pytest

from app.cli.main import main
from app.crypto import kdf as keys
from tests.support.passphrases import FAST_KDF, PASS


@pytest.fixture
def cli(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(keys, "calibrate", lambda *a, **k: FAST_KDF)
    monkeypatch.setenv("FALLZAHL_PASSPHRASE", PASS)
    vault = tmp_path / "v"

    def run(*argv: str, **env: str) -> tuple[int, str, str]:
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        code = main(["--vault", str(vault), *argv])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def init(cli) -> str:
    code, out, err = cli(
        "--user",
        "leitung",
        "init",
        "--office-id",
        "HZ-QLB-01",
        "--office-name",
        "Beratungsstelle Quedlinburg",
    )
    assert code == 0, err
    return re.search(r"([2-9A-Z]{5}-){7}[2-9A-Z]{5}", out).group(0)


def test_init_prints_a_recovery_key_and_users_are_managed(cli):
    init(cli)
    code, out, _ = cli(
        "--user",
        "leitung",
        "users",
        "add",
        "anna",
        "--role",
        "counsellor",
        FALLZAHL_NEW_PASSPHRASE="annas-passphrase",
    )
    assert code == 0 and "anna" in out
    code, out, _ = cli("--user", "leitung", "users", "list")
    assert out.split() == ["anna", "counsellor", "leitung", "lead"]
    code, out, _ = cli("--user", "anna", "check", FALLZAHL_PASSPHRASE="annas-passphrase")
    assert code == 0 and "In Ordnung" in out
    code, _, err = cli("--user", "anna", "users", "remove", "leitung")
    assert code == 1 and "Leitung" in err


def test_wrong_passphrase_exits_1_with_the_reason(cli):
    init(cli)
    code, out, err = cli("--user", "leitung", "check", FALLZAHL_PASSPHRASE="falsch-falsch")
    assert code == 1 and out == "" and "falsch" in err


def test_english_messages_with_lang_en(cli):
    init(cli)
    code, _, err = cli(
        "--lang", "en", "--user", "leitung", "check", FALLZAHL_PASSPHRASE="falsch-falsch"
    )
    assert code == 1 and "wrong" in err


def test_usage_errors_exit_2(cli):
    with pytest.raises(SystemExit) as exc:
        cli("users", "add")
    assert exc.value.code == 2
    code, _, err = cli("--user", "leitung", "init")
    assert code == 2 and "--office-id" in err


def test_no_vault_yet_is_explained(cli):
    code, _, err = cli("--user", "leitung", "check")
    assert code == 1 and "init" in err


def test_recovery_key_resets_a_passphrase(cli):
    recovery = init(cli)
    code, _, err = cli(
        "users",
        "passwd",
        "leitung",
        "--recovery-key",
        FALLZAHL_RECOVERY_KEY=recovery,
        FALLZAHL_NEW_PASSPHRASE="neues-passwort-9",
    )
    assert code == 0, err
    code, _, _ = cli("--user", "leitung", "check", FALLZAHL_PASSPHRASE="neues-passwort-9")
    assert code == 0


def test_backup_and_restore(cli, tmp_path):
    init(cli)
    target = tmp_path / "b.fzbak"
    code, out, err = cli("--user", "leitung", "backup", str(target))
    assert code == 0 and target.exists(), err
    code, out, err = cli("--user", "leitung", "restore", str(target))
    assert code == 0 and "wiederhergestellt" in out, err
    target.write_bytes(b"kaputt" * 100)
    code, out, err = cli("--user", "leitung", "restore", str(target))
    assert code == 1 and "nicht wiederhergestellt" in err
