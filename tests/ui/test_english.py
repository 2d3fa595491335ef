"""The main window and the overview in English (ui.i18n.install("en") before they are built)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from ui import i18n
from ui.main_window import MainWindow

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("no_dialogs", "answers")]


def build(qtbot, session) -> MainWindow:
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def menu_titles(win: MainWindow) -> list[str]:
    return [action.text() for action in win.menuBar().actions()]


def test_main_window_in_english(qtbot, session):
    assert i18n.install("en"), "resources/translations/fallzahl_en.qm is missing"
    win = build(qtbot, session)
    assert win.windowTitle() == "Fallzahl"
    assert menu_titles(win) == ["&File", "&Edit", "&Submission", "&Administration", "&Help"]
    assert win.new_action.text() == "&New case"
    assert win.lock_action.text() == "&Lock"
    assert win.close_period_action.text() == "&Close period…"
    assert [win.pages.tabText(i) for i in range(win.pages.count())] == ["&Overview", "Ent&ry"]
    assert win.tabs.tabText(0) == "&Case"
    header = win.cases.headerData(0, Qt.Orientation.Horizontal)
    assert header == "Case number"
    assert win.own_only.text() == "my cases only"
    keys = dict(win.shortcuts())
    assert keys["Alt+C / Alt+T"] == "Case / Contacts tab"
    assert "Quick entry" in keys.values()

    board = win.dashboard
    labels = [label.text() for label in board.findChildren(QLabel)]
    assert "&Period:" in labels
    assert board.quarter_box.itemText(0) == "whole year"
    assert board.figure_labels["cases_active"][1].text() == "Active cases"


def test_german_stays_the_default(qtbot, session):
    win = build(qtbot, session)
    assert menu_titles(win) == ["&Datei", "&Bearbeiten", "&Meldung", "&Verwaltung", "&Hilfe"]
    assert "&Zeitraum:" in [label.text() for label in win.dashboard.findChildren(QLabel)]
