"""The office overview: period picker by keyboard, key figures, charts beside their tables."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from app.records.periods import parse_period
from app.stats.dashboard_data import overview
from tests.support.ui import make_office
from ui.dashboard import Dashboard

pytestmark = pytest.mark.gui
TODAY = dt.date(2026, 2, 10)


@pytest.fixture
def office(tmp_path):
    vault, session = make_office(tmp_path / "vault", n_cases=120)
    yield session
    if session.is_open:
        session.close()
    vault.close()


@pytest.fixture
def board(qtbot, office):
    widget = Dashboard(office, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1300, 1000)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_opens_on_the_current_quarter(board):
    assert board.period().label == "2026-Q1"
    assert board.overview.tally.period.label == "2026-Q1"


def test_period_by_keyboard_and_figures(qtbot, board, office, qtmodeltester):
    board.year_box.setFocus()
    qtbot.keyClick(board.year_box, Qt.Key.Key_Down)  # 2026 -> 2025
    assert board.year_box.currentText() == "2025"
    qtbot.keyClick(board, Qt.Key.Key_Tab)
    assert board.quarter_box.hasFocus()
    assert board.quarter_box.currentText() == "1. Quartal"  # kept from 2026-Q1
    for _ in range(2):
        qtbot.keyClick(board.quarter_box, Qt.Key.Key_Down)
    assert board.period().label == "2025-Q3"
    expected = overview(office, parse_period("2025-Q3"), today=TODAY)
    tally = expected.tally
    for measure in ("cases_active", "cases_new", "contacts", "persons"):
        assert board.figure_labels[measure][0].text() == str(tally.value(measure))
    multi = board.figure_labels["cases_multi_problem"][0].text()
    assert multi.startswith(f"{tally.value('cases_multi_problem')} (") and "%" in multi
    trend, domains, classes, munis = board.panels
    for panel in board.panels:
        qtmodeltester.check(panel.model)
        assert panel.view.chart().series(), panel.objectName()
        assert panel.table.accessibleName()
    assert [trend.model.index(r, 0).data() for r in range(8)][-1] == "2025-Q3"
    assert trend.model.index(7, 3).data() == str(tally.value("contacts"))
    assert [classes.model.index(r, 0).data() for r in range(5)] == ["0", "1", "2", "3", "4+"]
    total = sum(int(classes.model.index(r, 1).data()) for r in range(5))
    assert total == tally.value("cases_active")
    assert sum(int(munis.model.index(r, 1).data()) for r in range(munis.model.rowCount())) == (
        tally.value("cases_active")
    )
    assert munis.model.rowCount() <= 11
    assert domains.model.headerData(0, Qt.Orientation.Horizontal) == "Lebensbereich"


def test_whole_year_and_empty_period(qtbot, board):
    board.select_period(2025, 0)
    assert board.period().label == "2025"
    assert board.overview.trend[-1].label == "2025-Q4"
    board.select_period(2019, 0)
    assert "keine Fälle" in board.empty_label.text()
    assert board.figure_labels["cases_active"][0].text() == "0"


def test_refresh_after_a_save_and_lazy_when_hidden(qtbot, board, office):
    from tests.support.records import contact

    board.select_period(2025, 3)
    before = int(board.figure_labels["contacts"][0].text())
    office.save_contact(contact(None, date=dt.date(2025, 8, 1), field="EB"))
    board.refresh()
    assert board.figure_labels["contacts"][0].text() == str(before + 1)
    board.hide()
    office.save_contact(contact(None, date=dt.date(2025, 8, 2), field="EB"))
    board.refresh()  # hidden: only marked stale
    assert board.figure_labels["contacts"][0].text() == str(before + 1)
    board.show()
    qtbot.waitExposed(board)
    assert board.figure_labels["contacts"][0].text() == str(before + 2)


def test_clear_empties_everything(board):
    board.clear()
    assert board.overview is None
    assert all(number.text() == "–" for number, _ in board.figure_labels.values())
    assert all(p.model.rowCount() == 0 for p in board.panels)
    assert all(not p.view.chart().series() for p in board.panels)
    board.refresh()  # no session: nothing happens
    assert board.overview is None


def test_english_labels(qtbot, office):
    from ui import i18n

    i18n.install("en")
    widget = Dashboard(office, today=TODAY)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.figure_labels["cases_active"][1].text() == "Active cases"
    assert widget.panels[0].model.headerData(2, Qt.Orientation.Horizontal) == "New cases"


def test_every_focusable_control_has_a_name_and_tab_reaches_the_tables(qtbot, board):
    board.year_box.setFocus()
    seen = []
    for _ in range(8):
        widget = board.focusWidget()
        seen.append(widget)
        assert widget.accessibleName(), widget
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert board.quarter_box in seen
    assert all(p.table in seen for p in board.panels)
    assert board.panels[0].table.accessibleName() == "Tabelle: Fälle und Kontakte je Quartal"
