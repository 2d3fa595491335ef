"""The planning verbs on the command line: population, targets, indicators."""

from __future__ import annotations

import json

from app.cli import main as cli
from app.district import desk as district
from app.district.setup import init_district
from app.resources import resource_path
from tests.support.district_world import Office, on_time
from tests.support.passphrases import FAST_KDF, PASS


def test_cli_population_targets_indicators(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("FALLZAHL_PASSPHRASE", PASS)
    monkeypatch.setattr(district, "_now", lambda: on_time(1))
    desk = tmp_path / "desk"
    init_district(desk, district_name="Landkreis Harz", user="planung", passphrase=PASS,
                  demo=True, kdf=FAST_KDF)  # fmt: skip
    office = Office(tmp_path, "HZ-QLB-01", 3, FAST_KDF)
    packages = tmp_path / "in"
    packages.mkdir()
    office.export(1, packages)
    (tmp_path / "office.pub").write_bytes(office.public_key)
    office.close()
    base = ["--vault", str(desk), "--user", "planung"]
    assert cli.main([*base, "district", "enrol", str(tmp_path / "office.pub"),
                     "--office-id", "HZ-QLB-01"]) == 0  # fmt: skip
    assert cli.main([*base, "district", "import", str(packages)]) == 0
    capsys.readouterr()
    demo = resource_path("demo", "population-harz-2023.csv")
    assert cli.main([*base, "district", "population", str(demo)]) == 0
    assert "20 Gemeinden, 208804 Einwohner, Stichtag 31.12.2023" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_text("Stand: 31.12.2023\nAGS;Insgesamt\n15085040;-3\n")
    assert cli.main([*base, "district", "population", str(bad)]) == 1
    assert "Zeile 3" in capsys.readouterr().err
    assert cli.main([*base, "district", "targets", "SCHKG=1,2", "EB=0.5"]) == 0
    assert capsys.readouterr().out.strip() == "EB=0.5 SCHKG=1.2"
    assert cli.main([*base, "district", "indicators", "--period", "2025-Q1", "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["population_total"] == 208_804
    new = got["totals"]["cases_new"]
    assert new["count"] > 0 and new["rate"] == new["count"] * 1000 / 208_804
    for rate in got["by_area"]["cases_active"]:  # hidden counts give no rate
        assert (rate["rate"] is None) == (rate["count"] is None)
    assert cli.main([*base, "district", "indicators", "--period", "2025-Q1"]) == 0
    assert "cases_active\tLandkreis" in capsys.readouterr().out
    fb = tmp_path / "fb"
    assert cli.main([*base, "district", "feedback", "--period", "2025-Q1", "--out", str(fb)]) == 0
    published = capsys.readouterr().out.strip()
    assert published.endswith("15085_2025-Q1_1.fallzahl-feedback")
    office_args = ["--vault", str(office.folder), "--user", "lead"]
    assert cli.main([*office_args, "feedback", "import", published]) == 0
    assert "Ausgabe 1: verwendet 2025-Q1 #1" in capsys.readouterr().out
    assert cli.main([*office_args, "feedback", "import", published]) == 1
    assert "Ausgabe 1" in capsys.readouterr().err
