"""The population table: what is accepted, and every refusal naming its line."""

from __future__ import annotations

import datetime as dt

import pytest

from app.district.population import (
    demo_population_file,
    import_population,
    parse_population,
    population,
)
from app.errors import NotAllowed, PopulationRefused
from app.scheme.model import parse
from app.scheme.trust import shipped_scheme
from tests.support.passphrases import FAST_KDF

SCHEME = parse(shipped_scheme()[0])
AGS = [c.code for c in SCHEME.codes("municipality") if c.code.isdigit()]
HEADER = "Gemeindeschlüssel;Gemeinde;Insgesamt;männlich;weiblich"


def table(rows: list[str] | None = None, *, preamble: str = "Stand: 31.12.2023\n") -> bytes:
    """A valid table (1,000 persons each, 490 men, 510 women) with ``rows`` replacing it."""
    body = rows if rows is not None else [f"{a};Gemeinde {a};1000;490;510" for a in AGS]
    return (preamble + HEADER + "\n" + "\n".join(body) + "\n").encode()


def test_valid_table_is_read_with_its_date_and_source():
    data = b"Quelle: Statistisches Landesamt\n" + table()
    got = parse_population(data, SCHEME)
    assert got.reference_date == dt.date(2023, 12, 31)
    assert got.source == "Statistisches Landesamt"
    assert got.total == 1000 * len(AGS) == 20_000
    assert got.by_sex() == {"m": 490 * 20, "w": 510 * 20}
    assert got.by_age() is None
    # VG Vorharz pools seven municipalities, as in the published tables
    assert got.by_area(SCHEME)["VG Vorharz"] == 7000
    assert len(got.by_area(SCHEME)) == 14


def test_genesis_shape_cp1252_footer_symbols_age_columns_and_district_row():
    header = "AGS;Gemeindename;Insgesamt;unter 3 Jahre;A65;Stichtag"
    rows = ["15085;Landkreis Harz;19990;;;31.12.2023"]
    for i, a in enumerate(AGS):
        total = 990 if i == 0 else 1000
        rows.append(f"{a};Gemeinde;{total};{'-' if i == 0 else 30};200;31.12.2023")
    text = "Tabelle 12411-01-01-5\nBevölkerung nach Gemeinden\n" + header + "\n"
    text += "\n".join(rows) + "\n__________\n© Statistisches Landesamt Sachsen-Anhalt\n"
    got = parse_population(text.encode("cp1252"), SCHEME)
    assert got.reference_date == dt.date(2023, 12, 31)
    assert got.total == 19_990
    assert got.municipalities[0].by_age == {"A00": 0, "A65": 200}
    assert got.municipalities[1].by_age["A00"] == 30


def test_demo_table_sums_to_the_official_district_total_and_marks_estimates():
    got = parse_population(demo_population_file(), SCHEME)
    assert got.total == 208_804
    assert got.reference_date == dt.date(2023, 12, 31)
    assert len(got.municipalities) == 20
    assert "Statistisches Landesamt" in got.source
    assert len(got.estimated) == 17  # all but Halberstadt, Quedlinburg, Wernigerode


def _replace(i: int, row: str) -> list[str]:
    rows = [f"{a};Gemeinde {a};1000;490;510" for a in AGS]
    rows[i] = row
    return rows


# (name, file bytes, line named in the message or None, words the message must hold)
REFUSALS = [
    ("unknown key", table(_replace(2, "15085999;Nirgendwo;100;;")), 5, "15085999"),
    ("key of another district", table(_replace(0, "15086015;X;100;;")), 3, "15086015"),
    ("negative", table(_replace(4, f"{AGS[4]};G;-12;;")), 7, "negativ"),
    ("decimal", table(_replace(5, f"{AGS[5]};G;12,5;;")), 8, "ganze Zahl"),
    ("thousands separator", table(_replace(5, f"{AGS[5]};G;1.234;;")), 8, "ganze Zahl"),
    ("text", table(_replace(1, f"{AGS[1]};G;viele;;")), 4, "ganze Zahl"),
    ("negative part", table(_replace(1, f"{AGS[1]};G;100;-3;")), 4, "negativ"),
    ("empty total", table(_replace(1, f"{AGS[1]};G;;;")), 4, "fehlt die Zahl"),
    ("duplicate", table([*_replace(0, f"{AGS[0]};G;1000;;"), f"{AGS[0]};G;5;;"]), 23, "Zeile 3"),
    ("parts above total", table(_replace(3, f"{AGS[3]};G;100;60;50")), 6, "mehr als"),
    ("short row", table(_replace(3, f"{AGS[3]};G")), 6, "Spalten"),
    ("missing municipality", table(_replace(0, "")), None, AGS[0]),
    ("no date", table(preamble=""), None, "Stichtag"),
    ("no header", b"Nummer;Wert\n1;2\n", None, "Kopfzeile"),
    ("no total column", b"Stand: 31.12.2023\nAGS;Gemeinde\n15085040;B\n", 2, "Insgesamt"),
    (
        "district total differs",
        table(["15085;Landkreis Harz;5;;", *_replace(0, f"{AGS[0]};G;1000;;")]),
        3,
        "Summe",
    ),
]


@pytest.mark.parametrize(("name", "data", "line", "words"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_refusals_name_the_line(name, data, line, words):
    with pytest.raises(PopulationRefused) as got:
        parse_population(data, SCHEME)
    message = got.value.message("de")
    assert words in message
    if line is not None:
        assert f"Zeile {line}:" in message
    assert "Population table" in got.value.message("en")


def test_different_reference_dates_are_refused():
    rows = [f"{a};G;1000;;;31.12.{2023 if i < 5 else 2022}" for i, a in enumerate(AGS)]
    data = ("Gemeindeschlüssel;Gemeinde;Insgesamt;männlich;weiblich;Stichtag\n"
            + "\n".join(rows)).encode()  # fmt: skip
    with pytest.raises(PopulationRefused, match="Zeile 7:.*Stichtage"):
        parse_population(data, SCHEME)


def test_import_stores_it_for_the_district_only(tmp_path):
    from tests.support.district_world import make_district

    vault, desk = make_district(tmp_path / "desk", FAST_KDF)
    try:
        assert population(desk) is None
        stored = import_population(desk, demo_population_file(), today=dt.date(2026, 1, 2))
        assert population(desk) == stored
        assert stored.imported == dt.date(2026, 1, 2)
        with pytest.raises(PopulationRefused):
            import_population(desk, table(_replace(0, "")))
        assert population(desk) == stored  # a refused table changes nothing
    finally:
        desk.close()
        vault.close()


def test_an_office_has_no_population_table(tmp_path):
    from app.office.setup import init_office
    from app.vault.vault import Vault

    init_office(tmp_path / "o", office_id="HZ-T-01", office_name="T", user="lead",
                passphrase="richtig-langes-passwort", kdf=FAST_KDF)  # fmt: skip
    vault = Vault(tmp_path / "o")
    s = vault.unlock("lead", "richtig-langes-passwort")
    try:
        with pytest.raises(NotAllowed):
            import_population(s, table())
    finally:
        s.close()
        vault.close()
