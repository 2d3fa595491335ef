"""Switching the language in the unlocked windows (issue 4, item 7): the controller stores
and installs the choice and builds the window again for the same, still unlocked session."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from app import lang
from tests.support.passphrases import FAST_KDF, PASS
from tests.support.ui import make_case, make_office
from ui import i18n, settings

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("answers")]


def unlock(qtbot, ctl) -> None:
    qtbot.waitUntil(lambda: ctl.unlock_dialog is not None and ctl.unlock_dialog.isVisible())
    qtbot.keyClicks(ctl.unlock_dialog.passphrase, PASS)
    with qtbot.waitSignal(ctl.unlocked, timeout=10_000):
        qtbot.keyClick(ctl.unlock_dialog.passphrase, Qt.Key.Key_Return)


@pytest.fixture
def office_ctl(vault_dir):
    from ui.controller import Controller

    vault, session = make_office(vault_dir, n_cases=0)
    make_case(session, "2026-0001")
    make_case(session, "2026-0002")
    session.close()
    vault.close()
    ctl = Controller(vault_dir, idle_msec=600_000)
    yield ctl
    ctl.shutdown()


@pytest.fixture
def district_ctl(tmp_path):
    from tests.support.district_world import make_district
    from ui.controller import Controller

    vault, desk = make_district(tmp_path / "desk", FAST_KDF)
    desk.close()
    vault.close()
    ctl = Controller(tmp_path / "desk", idle_msec=600_000)
    yield ctl
    ctl.shutdown()


def choose_in_help_menu(qtbot, win, name: str) -> None:
    """Alt+H (Hilfe / Help), then the language submenu by its accelerator, then the entry."""
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    qtbot.keyClick(win, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    help_menu = win.language_menu.parentWidget()
    qtbot.waitUntil(help_menu.isVisible)
    key = Qt.Key.Key_S if i18n.current() == "de" else Qt.Key.Key_L
    qtbot.keyClick(help_menu, key)
    qtbot.waitUntil(win.language_menu.isVisible)
    target = next(a for a in win.language_group.actions() if a.text() == name)
    win.language_menu.setActiveAction(target)
    qtbot.keyClick(win.language_menu, Qt.Key.Key_Return)


def menu_titles(win) -> list[str]:
    return [action.text() for action in win.menuBar().actions()]


def test_main_window_switches_to_english_and_back(qtbot, office_ctl):
    from ui.main_window import MainWindow

    ctl = office_ctl
    ctl.start()
    unlock(qtbot, ctl)
    old, session = ctl.window, ctl.session
    assert isinstance(old, MainWindow)
    assert old.language_action("de").isChecked() and not old.language_action("en").isChecked()
    assert old.language_menu.title() == "&Sprache / Language"
    case_id = next(c.id for c in session.cases() if c.code == "2026-0001")
    old.select_case(case_id)
    old.pages.setCurrentIndex(old.OVERVIEW_PAGE)
    assert old.cases.rowCount() == 2 and old.editor.case is not None

    choose_in_help_menu(qtbot, old, "English")

    new = ctl.window
    assert new is not old and isinstance(new, MainWindow) and new.isVisible()
    assert ctl.session is session and session.is_open  # still unlocked
    # the old window forgot what it showed
    assert old.cases.rowCount() == 0 and old.contacts.rowCount() == 0
    assert old.editor.case is None and old.dashboard.overview is None
    assert not old.isVisible()
    # everything in English at once, and stored
    assert i18n.current() == "en" and lang.current() == "en"
    assert settings.get(settings.LANGUAGE) == "en"
    assert menu_titles(new) == ["&File", "&Edit", "&Submission", "&Administration", "&Help"]
    assert new.language_menu.title() == "&Language / Sprache"
    assert new.language_action("en").isChecked() and not new.language_action("de").isChecked()
    assert new.cases.headerData(0, Qt.Orientation.Horizontal) == "Case number"
    assert new.pages.tabText(new.OVERVIEW_PAGE) == "&Overview"
    board = new.dashboard
    assert "&Period:" in [label.text() for label in board.findChildren(QLabel)]
    assert board.figure_labels["cases_active"][1].text() == "Active cases"
    # the view is kept: the same case, the same page
    assert new.current_case_id() == case_id and new.editor.case.id == case_id
    assert new.pages.currentIndex() == new.OVERVIEW_PAGE
    qtbot.waitUntil(lambda: board.overview is not None)  # the overview is computed

    choose_in_help_menu(qtbot, new, "Deutsch")
    back = ctl.window
    assert back is not new and ctl.session is session and session.is_open
    assert new.cases.rowCount() == 0
    assert i18n.current() == "de" and lang.current() == "de"
    assert settings.get(settings.LANGUAGE) == "de"
    assert menu_titles(back) == ["&Datei", "&Bearbeiten", "&Meldung", "&Verwaltung", "&Hilfe"]
    assert back.cases.headerData(0, Qt.Orientation.Horizontal) == "Fallnummer"
    assert back.language_action("de").isChecked()

    # the rebuilt window is wired to the shell: Ctrl+L still locks
    with qtbot.waitSignal(ctl.locked):
        back.lock_action.trigger()
    assert not session.is_open and back.cases.rowCount() == 0


def test_unsaved_case_is_asked_about_before_the_switch(qtbot, office_ctl, answers):
    ctl = office_ctl
    ctl.start()
    unlock(qtbot, ctl)
    win = ctl.window
    case_id = next(c.id for c in ctl.session.cases() if c.code == "2026-0002")
    win.select_case(case_id)
    win.editor.is_dirty = lambda: True
    win.editor.save = lambda: None  # saving fails: stay, in German
    answers["answers"].append(True)
    win.language_action("en").trigger()
    assert answers["asked"] == ["Die Änderungen am geöffneten Fall speichern?"]
    assert ctl.window is win and i18n.current() == "de"
    assert win.language_action("de").isChecked() and not win.language_action("en").isChecked()
    assert settings.get(settings.LANGUAGE) == ""


def test_district_window_switches_to_english_and_back(qtbot, district_ctl):
    from ui.district_window import DistrictWindow

    ctl = district_ctl
    ctl.start()
    qtbot.waitUntil(lambda: ctl.unlock_dialog is not None and ctl.unlock_dialog.isVisible())
    assert ctl.unlock_dialog.users.currentText() == "planung"
    unlock(qtbot, ctl)
    old, session = ctl.window, ctl.session
    assert isinstance(old, DistrictWindow)
    assert old.language.currentText() == "Deutsch"
    assert old.model.headerData(0, Qt.Orientation.Horizontal) == "Beratungsstelle"
    old._item("✔ paket.fallzahl.age: angenommen", ok=True)

    old.activateWindow()
    old.language.setFocus()
    qtbot.keyClick(old.language, Qt.Key.Key_Down)  # Deutsch -> English

    new = ctl.window
    assert new is not old and isinstance(new, DistrictWindow) and new.isVisible()
    assert ctl.session is session and session.is_open
    assert old.model.rowCount() == 0 and old.results.count() == 0 and not old.isVisible()
    assert i18n.current() == "en" and lang.current() == "en"
    assert settings.get(settings.LANGUAGE) == "en"
    assert new.windowTitle() == "District desk"  # Qt adds " — Fallzahl" (finding 14)
    assert new.model.headerData(0, Qt.Orientation.Horizontal) == "Office"
    assert new.language.currentText() == "English"
    labels = [label.text() for label in new.findChildren(QLabel)]
    assert "&Language / Sprache:" in labels and "Year:" in labels
    # the import messages are kept (geometry too, but the offscreen screen is too small)
    assert [new.results.item(i).text() for i in range(new.results.count())] == [
        "✔ paket.fallzahl.age: angenommen"
    ]

    new.language.setFocus()
    qtbot.keyClick(new.language, Qt.Key.Key_Up)  # English -> Deutsch
    back = ctl.window
    assert back is not new and ctl.session is session and session.is_open
    assert i18n.current() == "de" and settings.get(settings.LANGUAGE) == "de"
    assert back.model.headerData(0, Qt.Orientation.Horizontal) == "Beratungsstelle"
    assert back.windowTitle() == "Landkreis"  # Qt adds " — Fallzahl" (finding 14)
    with qtbot.waitSignal(ctl.locked):
        back.lock_requested.emit()
    assert not session.is_open
