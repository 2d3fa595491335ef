import datetime as dt

import openpyxl
import pytest

from app.errors import FallzahlError
from app.records.periods import parse_period
from app.stats.disclosure import suppress_long
from app.stats.tally import tally
from app.stats.workbook import write_office_report
from tests.support.tally_vault import CASES, CONTACTS, load_scheme

SCHEME = load_scheme()
CREATED = dt.datetime(2026, 4, 15, 9, 30, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def q1():
    return tally(SCHEME, CASES, CONTACTS, parse_period("2026-Q1"))


def open_report(path):
    wb = openpyxl.load_workbook(path)
    return wb


def test_german_report_cell_by_cell(tmp_path, q1):
    path = tmp_path / "tallies.xlsx"
    write_office_report(path, q1, SCHEME, "Beratungsstelle Halberstadt", "HZ-01", created=CREATED)
    wb = open_report(path)
    assert wb.sheetnames[:3] == ["Deckblatt", "Übersicht", "Beratungsfeld"]
    assert wb.sheetnames[-1] == "Definitionen"
    assert "Vollständigkeit" in wb.sheetnames
    assert "Lebensbereiche × Beratungsfeld" in wb.sheetnames
    assert "Lebensbereiche × Gemeinde" in wb.sheetnames

    cover = wb["Deckblatt"]
    assert [[c.value for c in row] for row in cover["A3:B9"]] == [
        ["Beratungsstelle", "Beratungsstelle Halberstadt"],
        ["Kennung", "HZ-01"],
        ["Zeitraum", "2026-Q1"],
        [None, "vom 2026-01-01 bis 2026-03-31"],
        ["Kategorienschema", "test-min"],
        ["Version", 1],
        ["Erstellt", "2026-04-15T09:30:00+00:00"],
    ]

    overview = wb["Übersicht"]
    assert [c.value for c in overview[1]] == ["Code", "Kennzahl", "Wert"]
    assert [[c.value for c in row] for row in overview["B2:C8"]] == [
        ["Fälle im Zeitraum", 5],
        ["Neue Fälle", 3],
        ["Abgeschlossene Fälle", 3],
        ["Einmalkontakt-Fälle", 2],
        ["Multiproblemfälle", 2],
        ["Kontakte", 7],
        ["Anwesende Personen", 10],
    ]

    field = wb["Beratungsfeld"]
    assert field.freeze_panes == "C2"
    rows = [[c.value for c in row] for row in field.iter_rows(min_row=1, max_row=9)]
    assert rows[0][:8] == [
        "Code",
        "Beratungsfeld",
        "Fälle im Zeitraum",
        "Neue Fälle",
        "Abgeschlossene Fälle",
        "Einmalkontakt-Fälle",
        "Multiproblemfälle",
        "Kontakte",
    ]
    assert rows[1][:8] == ["EFL", "Ehe-, Familien- und Lebensberatung", 1, 1, 1, 1, 0, 1]
    assert rows[2][:8] == ["EB", "Erziehungsberatung", 2, 0, 1, 0, 0, 2]
    assert rows[3][:8] == ["SUCHT", "Suchtberatung", 1, 1, 0, 1, 1, 2]
    assert rows[4][:8] == ["SCHULD", "Schuldnerberatung", 1, 1, 1, 0, 1, 2]
    assert rows[5][:8] == ["_X", "nicht erfasst", 0, 0, 0, 0, 0, 0]
    assert all(v is None for v in rows[6])  # the total stands apart from the table
    assert rows[7][1:8] == ["Gesamt", 5, 3, 3, 2, 2, 7]
    assert len(field._charts) == 1  # a pie chart of cases per field

    for name in ("Lebensbereich", "Anzahl Lebensbereiche", "Gemeinde"):
        assert len(wb[name]._charts) == 1, name

    cross = wb["Lebensbereiche × Beratungsfeld"]
    grid = [[c.value for c in row] for row in cross.iter_rows(min_row=1, max_row=8)]
    assert grid[0] == [
        "Code", "Anzahl Lebensbereiche", "Ehe-, Familien- und Lebensberatung (EFL)",
        "Erziehungsberatung (EB)", "Suchtberatung (SUCHT)", "Schuldnerberatung (SCHULD)",
        "nicht erfasst (_X)", "Gesamt",
    ]  # fmt: skip
    assert grid[1] == ["0", "0", 1, 0, 0, 0, 0, 1]
    assert grid[2] == ["1", "1", 0, 1, 0, 0, 0, 1]
    assert grid[3] == ["2", "2", 0, 1, 0, 0, 0, 1]
    assert grid[4] == ["3", "3", 0, 0, 0, 1, 0, 1]
    assert grid[5] == ["4+", "4+", 0, 0, 1, 0, 0, 1]
    assert all(v is None for v in grid[6])
    assert grid[7] == [None, "Gesamt", 1, 2, 1, 1, 0, 5]

    done = wb["Vollständigkeit"]
    values = {row[0].value: row[2].value for row in done.iter_rows(min_row=2) if row[0].value}
    assert values["sex"] == 1 and values["ending"] == 1 and values["age_band"] == 4

    definitions = wb["Definitionen"]
    n_codes = sum(len(d.codes) for d in SCHEME.dimensions)
    assert definitions.max_row == 1 + n_codes
    assert [c.value for c in definitions[2]] == [
        "field",
        "Beratungsfeld",
        "EFL",
        "Ehe-, Familien- und Lebensberatung",
        "Definition Ehe-, Familien- und Lebensberatung.",
    ]
    assert wb.properties.created == CREATED.replace(tzinfo=None)


def test_english_and_suppressed(tmp_path, q1):
    published = suppress_long(q1, 3, ["field", "sex"])
    path = tmp_path / "en.xlsx"
    write_office_report(path, published, SCHEME, "Office", "HZ-01", "en", created=CREATED)
    wb = open_report(path)
    assert wb.sheetnames == ["Cover", "Overview", "Counselling field", "Sex", "Definitions"]
    assert "suppressed" in wb["Cover"]["A11"].value
    field = wb["Counselling field"]
    assert field["A1"].value == "Code" and field["C1"].value == "Active cases"
    assert field["D1"].value == "Active cases (confidentiality)"
    shown = [(row[2].value, row[3].value) for row in field.iter_rows(min_row=2, max_row=6)]
    assert (None, ".") in shown  # small counts are hidden: no number, "." beside it
    assert all(s == "." and v is None or s is None and (v == 0 or v >= 3) for v, s in shown)


def test_same_input_same_cells(tmp_path, q1):
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for p in (a, b):
        write_office_report(p, q1, SCHEME, "X", "Y", created=CREATED)
    wa, wb = open_report(a), open_report(b)
    for name in wa.sheetnames:
        assert [[c.value for c in r] for r in wa[name].iter_rows()] == [
            [c.value for c in r] for r in wb[name].iter_rows()
        ]


def test_io_failure_is_a_fallzahl_error(tmp_path, q1):
    with pytest.raises(FallzahlError):
        write_office_report(tmp_path / "missing" / "r.xlsx", q1, SCHEME, "X", "Y")
    existing = tmp_path / "r.xlsx"
    existing.write_bytes(b"old")
    (tmp_path / "r.xlsx.dir").mkdir()
    with pytest.raises(FallzahlError):  # the target is a folder: the rename fails
        write_office_report(tmp_path / "r.xlsx.dir", q1, SCHEME, "X", "Y")
    assert existing.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.xlsx", "r.xlsx.dir"]
