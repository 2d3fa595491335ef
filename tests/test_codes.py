"""One code each for "not recorded" (_X), "unknown" (_U) and "not asked" (_Z), the same in
tallies.json, tallies.csv, the workbook, ADX, the DHIS2 metadata and SDMX (app/stats/codes.py)."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET

import msgspec
import openpyxl
import pytest

from app.errors import SchemeInvalid
from app.office import demo
from app.records.periods import quarter
from app.scheme.model import parse
from app.scheme.trust import load_verified, shipped_schemes, trusted_keys, validate_document
from app.stats import adx, codes, dhis2, sdmx, tally_io
from app.stats.tally import code_label, tally
from app.stats.workbook import write_office_report

Q1 = quarter(2025, 1)
OLD = {"?", "-", "AUNK", "UNK", "KUNK", "U"}


@pytest.fixture(scope="module")
def schemes():
    out = {}
    for doc, sig in shipped_schemes():
        s = load_verified(doc, sig, trusted_keys(), None, None, check_dates=False)
        out[s.version] = s
    return out


@pytest.fixture(scope="module")
def v2_tally(schemes):
    s = schemes[2]
    cases, contacts = demo.generate(s, 80, 2025, seed=5)
    return tally(s, cases, contacts, Q1)


def test_the_schemes_unknown_answers(schemes):
    assert schemes[1].unknown_codes == {
        "age_band": "AUNK",
        "household": "UNK",
        "children": "KUNK",
        "municipality": "UNK",
        "yes_no_unknown": "U",
    }
    assert schemes[2].unknown_codes["family_situation"] == "UNK"
    # "keine Angabe" (sex x, not stated) is an answer of its own, not "unknown"
    assert "sex" not in schemes[1].unknown_codes


def test_two_codes_labelled_unknown_make_none_the_unknown_answer(schemes):
    s = schemes[1]
    dims = []
    for d in s.dimensions:
        if d.id == "household":
            other = msgspec.structs.replace(d.codes[0], label_en="Unknown")
            d = msgspec.structs.replace(d, codes=(other, *d.codes[1:]))
        dims.append(d)
    changed = msgspec.structs.replace(s, dimensions=tuple(dims))
    assert "household" not in changed.unknown_codes
    assert changed.unknown_codes["age_band"] == "AUNK"


def test_a_scheme_code_may_not_take_a_tally_code(schemes):
    doc = json.loads(next(d for d, _ in shipped_schemes() if b'"version": 1' in d[:400]))
    sex = next(d for d in doc["dimensions"] if d["id"] == "sex")
    sex["codes"][0]["code"] = "_U"
    with pytest.raises(SchemeInvalid):
        validate_document(json.dumps(doc).encode())


def test_every_format_writes_the_same_codes(v2_tally, schemes, tmp_path):
    s = schemes[2]
    used = {c for r in v2_tally.rows for _, c in r.dims}
    assert {codes.NOT_RECORDED, codes.UNKNOWN, codes.NOT_ASKED} <= used
    assert not used & OLD
    # tallies.json and tallies.csv
    doc = json.loads(tally_io.to_json(v2_tally))
    assert doc["format"] == "fallzahl-tally/2"
    in_json = {c for row in doc["rows"] for _, c in row[0]}
    assert {"_X", "_U", "_Z"} <= in_json and not in_json & OLD
    csv_cells = {
        c for line in tally_io.csv_codes(v2_tally).decode().splitlines() for c in line.split(",")
    }
    assert {"_X", "_U", "_Z"} <= csv_cells and not csv_cells & OLD
    # ADX: the codes as category options, shared by every category (as the metadata has them)
    root = ET.fromstring(adx.to_adx(v2_tally, "HZ-01", "2025-04-02T09:00:00Z"))
    values = {v for dv in root.iter("{urn:ihe:qrph:adx:2015}dataValue") for v in dv.attrib.values()}
    assert {"_X", "_U", "_Z"} <= values
    assert not any(
        v.endswith(("_AUNK", "_UNK", "_KUNK", "_U", "_-", "__")) and v != "_U" for v in values
    )
    options = {o["code"]: o for o in dhis2.metadata(s)["categoryOptions"]}
    assert options["_U"]["name"] == "unbekannt" and options["_X"]["name"] == "nicht erfasst"
    assert options["_Z"]["name"].startswith("nicht gefragt")
    assert not [c for c in options if c.endswith(("_AUNK", "_KUNK"))]
    # SDMX: the structure's code lists hold them, the data uses them
    structure = ET.fromstring(sdmx.structure(s, "2025-04-02T09:00:00Z"))
    str_ns = "{http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure}"
    age = next(cl for cl in structure.iter(f"{str_ns}Codelist") if cl.get("id") == "CL_AGE_BAND")
    age_codes = [c.get("id") for c in age.iter(f"{str_ns}Code")]
    assert age_codes[-3:] == ["_U", "_X", "_T"] and "AUNK" not in age_codes
    data = sdmx.to_csv(v2_tally, s, s.district.ags).decode()
    assert ",_U," in data and ",_Z," in data and ",_X," in data
    # the workbook: the code beside its label
    path = tmp_path / "report.xlsx"
    write_office_report(
        path, v2_tally, s, "Stelle", "HZ-01", created=dt.datetime(2025, 4, 2, tzinfo=dt.UTC)
    )
    cells = {
        c
        for ws in openpyxl.load_workbook(path).worksheets
        for row in ws.iter_rows(values_only=True)
        for c in row
        if isinstance(c, str)
    }
    assert {"_X", "_U", "_Z"} <= cells and not cells & {"?", "AUNK", "KUNK"}


def test_labels_of_the_codes(schemes):
    s = schemes[1]
    assert code_label("age_band", "_U", s, "de") == "unbekannt"
    assert code_label("sex", "_X", s, "en") == "not recorded"
    assert code_label("client_relation", "_Z", s, "en") == "not asked (other field)"


def test_a_format_1_tally_is_read_in_todays_codes(v2_tally, schemes):
    """tallies.json of format 1 (frozen periods, packages of format 1 and 2): "?", "-" and
    the scheme's unknown codes become _X, _Z and _U on reading, in one place."""
    s = schemes[2]
    back = {"_X": "?", "_Z": "-"}
    unknown = {
        "age_band": "AUNK", "household": "UNK", "children": "KUNK", "municipality": "UNK",
        "transfer_benefits": "U", "migration_parent": "U", "german_at_home": "U",
        "family_situation": "UNK", "risk_assessment": "U",
    }  # fmt: skip
    rows = sorted(
        (msgspec.structs.replace(r, dims=tuple(sorted(
            (d, unknown[d] if c == "_U" else back.get(c, c)) for d, c in r.dims)))
         for r in v2_tally.rows),
        key=lambda r: (r.measure, r.dims),
    )  # fmt: skip
    old = msgspec.structs.replace(v2_tally, rows=tuple(rows))
    data = tally_io.to_json(old, format=tally_io.FORMAT_1)
    assert b'"?"' in data and b'"-"' in data and b'"AUNK"' in data
    assert tally_io.from_json(data, s) == v2_tally
    # without the scheme only the markers are mapped: the unknown codes stay as written
    partly = tally_io.from_json(data)
    assert ("age_band", "AUNK") in {p for r in partly.rows for p in r.dims}
    assert not {c for r in partly.rows for _, c in r.dims} & {"?", "-"}
    assert tally_io.from_json(tally_io.to_json(v2_tally), s) == v2_tally


def test_parse_still_reads_the_shipped_schemes():
    for doc, _sig in shipped_schemes():
        assert parse(doc).unknown_codes
