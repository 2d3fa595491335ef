"""The district's planning overview and map, driven by clicks and keys on a small world."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from app.district import desk as district
from app.district import geo
from app.district import indicators as ind
from app.district.population import demo_population_file, population
from app.district.targets import targets
from app.office import staffing
from app.records.periods import quarter
from tests.support.district_world import YEAR, Office, make_district, on_time
from tests.support.passphrases import FAST_KDF
from ui import dialogs

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("plan")
    vault, desk = make_district(root / "desk", FAST_KDF)
    out = root / "out"
    out.mkdir()
    offices = []
    for i, oid in enumerate(("HZ-QLB-01", "HZ-WR-02")):
        o = Office(root, oid, i, FAST_KDF, cases=80)
        staffing.record(o.session, quarter(YEAR, 1), {"SCHWANGER": 1.0 + i, "EB": 2.0})
        district.enrol(desk, oid, oid, o.public_key)
        for q in (1, 2):
            path, _sha = o.export(q, out)
            assert district.import_paths(desk, [path], now=on_time(q))[0].accepted
        offices.append(o)
    (root / "pop.csv").write_bytes(demo_population_file())
    yield desk, root
    for o in offices:
        o.close()
    desk.close()
    vault.close()


@pytest.fixture
def overview(qtbot, world):
    from ui.district_overview import DistrictOverview

    desk, _root = world
    w = DistrictOverview(desk)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def click(qtbot, button):
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def value(w, key):
    return w.figure_labels[key][0].text()


def test_planning_button_opens_the_overview(qtbot, world):
    from ui.district_window import DistrictWindow

    desk, _root = world
    win = DistrictWindow(desk)
    qtbot.addWidget(win)
    win.show()
    button = next(b for b in win.findChildren(QPushButton) if b.text() == "Planung …")
    click(qtbot, button)
    assert win.overview.isVisible()
    assert win.overview.period_box.currentData() == "2025-Q2"
    win.overview.close()


def test_population_import_by_button_then_rates_and_filters(qtbot, overview, world, monkeypatch):
    desk, root = world
    w = overview
    monkeypatch.setattr(dialogs, "open_file", lambda *a: str(root / "pop.csv"))
    click(qtbot, w.population_button)
    assert population(desk).total == 208_804
    assert "208.804 Einwohner, Stand 31.12.2023" in w.status.text()
    assert "geschätzte Werte" in w.status.text()
    w.select(period="2025-Q1")
    got = w.indicators
    assert got.period.label == "2025-Q1"
    active = got.totals["cases_active"]
    assert value(w, "cases") == ind.format_number(active.count, 0)
    assert value(w, "rate") == ind.format_number(active.rate)
    assert value(w, "offices") == "2"
    # SchKG: (1.0 + 2.0) FTE pregnancy counselling per 40,000 of 208,804
    assert value(w, "schkg") == ind.format_number(3.0 * 40_000 / 208_804)
    # field filter: the published count of that field
    w.field_box.setFocus()
    w.select(field="EB")
    assert value(w, "cases") == ind.format_number(got.by_field["cases_active"]["EB"], 0)
    assert "Erziehungsberatung" in w.figure_labels["cases"][1].text()
    multi = next(p for p in w.panels if p.objectName() == "plan_multi")
    assert multi.model.rowCount() == 1
    # area filter: that area's count and rate (hidden ones stay ".")
    w.select(field="", area="15085135")
    rate = {r.code: r for r in got.by_area["cases_active"]}["15085135"]
    assert value(w, "rate") == ind.format_number(rate.rate)
    rates = next(p for p in w.panels if p.objectName() == "plan_rates")
    assert rates.model.rowCount() == 1
    # every table beside a chart shows "." exactly where the indicator is hidden
    w.select(area="")
    rows = rates.model._rows
    for r, row in zip(got.by_area["cases_active"], rows, strict=True):
        assert (row[1] == ".") == (r.rate is None)


def test_map_colours_match_the_legend_and_table(qtbot, overview):
    w = overview
    w.tabs.setCurrentIndex(1)
    panel = w.map_panel
    assert panel.indicator_box.count() >= 4
    for i in range(panel.indicator_box.count()):
        panel.indicator_box.setCurrentIndex(i)
        pic = panel.picture
        current = panel.current()
        assert pic.legend is not None
        for shape in pic.dmap.shapes:
            area = panel.pooled[shape.ags]
            expected = pic.legend.colour(current.values.get(area))
            assert pic.colours[shape.ags].name() == expected
        for row, v in zip(panel.model.rows, current.values.values(), strict=True):
            assert row[2] == pic.legend.colour(v)
            assert row[1] == ind.format_number(v, current.digits, percent=current.percent)
    # VG Vorharz's seven municipalities share one colour
    members = [a for a, p in panel.pooled.items() if p == "VG Vorharz"]
    assert len(members) == 7 and len({pic.colours[a].name() for a in members}) == 1
    img = pic.image(800, 500)
    assert not img.isNull()


def test_load_a_geojson_map_and_refusal(qtbot, overview, world, monkeypatch, tmp_path):
    desk, _root = world
    w = overview
    keys = geo.municipality_keys(desk.scheme)
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"AGS": a},
         "geometry": {"type": "Polygon", "coordinates": [[[10.6 + i * 0.05, 51.7],
                      [10.65 + i * 0.05, 51.7], [10.65 + i * 0.05, 51.8], [10.6 + i * 0.05, 51.7]]]}}
        for i, a in enumerate(keys)]}  # fmt: skip
    good = tmp_path / "gem.geojson"
    good.write_text(json.dumps(doc))
    bad = tmp_path / "bad.geojson"
    bad.write_text(json.dumps({**doc, "features": doc["features"][1:]}))
    shown = []
    monkeypatch.setattr(dialogs, "error", lambda parent, exc, *a: shown.append(exc))
    monkeypatch.setattr(dialogs, "open_file", lambda *a: str(bad))
    click(qtbot, w.map_button)
    assert shown and keys[0] in shown[0].message("de")
    assert w.map_panel.picture.dmap.kind == "tiles"
    monkeypatch.setattr(dialogs, "open_file", lambda *a: str(good))
    click(qtbot, w.map_button)
    assert w.map_panel.picture.dmap.kind == "geojson"
    assert "gem.geojson" in w.map_panel.note.text()
    assert geo.district_map(desk).crs == "EPSG:4326"
    geo.forget_map(desk)  # back to the tile map for the other tests
    assert geo.district_map(desk).kind == "tiles"


def test_targets_dialog(qtbot, overview, world):
    desk, _root = world
    w = overview

    def run(dialog):
        dialog.show()
        spin = dialog.spins["SCHULD"]
        spin.setFocus()
        spin.selectAll()
        qtbot.keyClicks(spin, "1,6")
        save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        return dialog.result() == dialog.DialogCode.Accepted

    w._exec = run
    click(qtbot, w.targets_button)
    assert targets(desk) == {"SCHULD": 1.6}
    schuld = next(s for s in w.indicators.staffing if s.field == "SCHULD")
    assert schuld.target == 1.6


def test_report_pdf_and_workbook_carry_the_planning_pages(qtbot, world, tmp_path):
    import shutil
    import subprocess

    import openpyxl

    from ui.district_window import DistrictWindow

    desk, root = world
    from app.district.population import import_population

    import_population(desk, (root / "pop.csv").read_bytes())
    win = DistrictWindow(desk)
    qtbot.addWidget(win)
    got = ind.indicators(desk, "2025-Q2")
    xlsx = win.export_report("2025-Q2", "xlsx", str(tmp_path / "r.xlsx"))
    wb = openpyxl.load_workbook(xlsx)
    assert {"Planung", "Personal", "Verlauf Planung", "Karte"} <= set(wb.sheetnames)
    plan = wb["Planung"]
    rows = {r[0]: r for r in plan.iter_rows(min_row=2, values_only=True) if r and r[0]}
    for r in got.by_area["cases_active"]:
        expected = "." if r.rate is None else round(r.rate, 4)
        assert rows[r.code][4] == expected, r.code
    assert len(plan._charts) == 1
    # the map sheet: every municipality a cell coloured by its class
    leg_colours = {e.colour.lstrip("#").upper() for e in geo.legend(
        [r.rate for r in got.by_area["cases_active"]]).entries}  # fmt: skip
    coloured = [c for row in wb["Karte"].iter_rows() for c in row
                if c.value and "\n" in str(c.value)]  # fmt: skip
    assert len(coloured) == 20
    assert all(c.fill.fgColor.rgb[-6:].upper() in leg_colours for c in coloured)
    pdf = win.export_report("2025-Q2", "pdf", str(tmp_path / "r.pdf"))
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler not installed")
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
                          capture_output=True, check=True, text=True).stdout  # fmt: skip
    assert "6. Planung: Kennzahlen je Einwohner" in text
    assert "208.804 Einwohner" in text
    assert "Personal je 40.000 Einwohner" in text
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True)
    assert images.stdout.count(" image ") >= 7  # the map and six charts
