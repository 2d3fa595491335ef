"""close-period, reopen-period, export, office-key and package verify/show on the command line."""

from __future__ import annotations

import pytest

from app.cli.main import main
from app.crypto import kdf as keys
from tests.support.packages import IDENTITY
from tests.support.passphrases import FAST_KDF, PASS


@pytest.fixture
def cli(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(keys, "calibrate", lambda *a, **k: FAST_KDF)
    monkeypatch.setenv("FALLZAHL_PASSPHRASE", PASS)
    monkeypatch.setenv("FALLZAHL_USER", "leitung")
    vault = tmp_path / "v"

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--vault", str(vault), *argv])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    code, _out, err = run("init", "--office-id", "HZ-QLB-01", "--office-name", "BS Quedlinburg")
    assert code == 0, err
    return run


def test_close_export_verify_show(cli, tmp_path):
    code, out, err = cli("export", "--period", "2025-Q1", "--out", str(tmp_path))
    assert code == 1 and "nicht abgeschlossen" in err
    assert cli("close-period", "2025-Q1") == (0, "Zeitraum 2025-Q1 abgeschlossen.\n", "")
    pub = tmp_path / "office.pub"
    code, out, _err = cli("office-key", "--out", str(pub))
    assert code == 0 and "HZ-QLB-01" in out and pub.read_bytes().startswith(b"untrusted comment")
    code, out, err = cli("export", "--period", "2025-Q1", "--out", str(tmp_path))
    assert code == 0, err
    path, sha = out.split()
    assert path.endswith("HZ-QLB-01_2025-Q1_1.fallzahl-package") and len(sha) == 64
    code, out, err = cli(
        "package", "verify", path, "--identity", str(IDENTITY), "--trusted", str(pub)
    )
    assert code == 0, err
    assert "HZ-QLB-01 2025-Q1 Nr. 1" in out and sha in out
    code, out, err = cli(
        "package", "show", path, "--identity", str(IDENTITY), "--trusted", str(pub)
    )
    assert code == 0, err
    assert '"sequence": 1' in out and "Auszählung 2025-Q1" in out
    code, _out, err = cli("package", "verify", path, "--identity", str(pub), "--trusted", str(pub))
    assert code == 1 and "age-Schlüssel" in err


def test_reopen_needs_reason(cli):
    assert cli("close-period", "2025-Q1")[0] == 0
    with pytest.raises(SystemExit) as info:
        cli("reopen-period", "2025-Q1")
    assert info.value.code == 2
    code, out, _err = cli("reopen-period", "2025-Q1", "--reason", "Korrektur")
    assert code == 0 and "Korrektur" in out
    code, _out, err = cli("reopen-period", "2025-Q1", "--reason", "nochmal")
    assert code == 1 and "nicht abgeschlossen" in err
