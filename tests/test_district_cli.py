"""The district verbs on the command line, on a small world of two offices."""

from __future__ import annotations

from app.cli import main as cli
from app.district import desk as district
from app.district.setup import init_district
from tests.support.district_world import Office, on_time
from tests.support.passphrases import FAST_KDF, PASS


def test_cli_enrol_import_board_report_receipt(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("FALLZAHL_PASSPHRASE", PASS)
    monkeypatch.setattr(district, "_now", lambda: on_time(1))
    desk = tmp_path / "desk"
    init_district(desk, district_name="Landkreis Harz", user="planung", passphrase=PASS,
                  demo=True, kdf=FAST_KDF)  # fmt: skip
    packages = tmp_path / "in"
    packages.mkdir()
    office = Office(tmp_path, "HZ-QLB-01", 3, FAST_KDF)
    _path, _sha = office.export(1, packages)
    (tmp_path / "office.pub").write_bytes(office.public_key)
    base = ["--vault", str(desk), "--user", "planung"]
    assert cli.main([*base, "district", "enrol", str(tmp_path / "missing.pub"),
                     "--office-id", "HZ-QLB-01"]) == 1  # fmt: skip
    assert "lässt sich nicht lesen" in capsys.readouterr().err
    assert cli.main([*base, "district", "enrol", str(tmp_path / "office.pub"),
                     "--office-id", "HZ-QLB-01"]) == 0  # fmt: skip
    assert "Schlüssel-ID" in capsys.readouterr().out
    assert cli.main([*base, "district", "import", str(packages)]) == 0
    assert "angenommen" in capsys.readouterr().out
    assert cli.main([*base, "district", "import", str(packages)]) == 1
    assert "bereits" in capsys.readouterr().err
    assert cli.main([*base, "district", "board", "--year", "2025"]) == 0
    board = capsys.readouterr().out
    assert "HZ-QLB-01\teingegangen 2025-04-05" in board
    for fmt in ("xlsx", "sdmx", "adx"):
        target = tmp_path / f"report.{fmt}"
        args = ["district", "report", "--period", "2025-Q1", "--format", fmt]
        assert cli.main([*base, *args, "--out", str(target)]) == 0
        assert target.stat().st_size > 500
    assert (tmp_path / "report.sdmx").read_text().startswith("STRUCTURE,STRUCTURE_ID,ACTION")
    capsys.readouterr()
    assert cli.main([*base, "district", "receipt", "--all", "--out", str(tmp_path / "r")]) == 0
    receipt = capsys.readouterr().out.strip()
    office.close()
    office_args = ["--vault", str(office.folder), "--user", "lead"]
    assert cli.main([*office_args, "receipt", "import", receipt]) == 0
    assert "angenommen" in capsys.readouterr().out
