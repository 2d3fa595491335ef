"""Ctrl+Z undoes the last save wherever focus is (but a field's own typing first),
Ctrl+Shift+Z redoes, and the window's shortcuts reach their actions from any field."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.support.ui import focused, make_case
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, session, answers):
    make_case(session, f"{dt.date.today().year}-0001")
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.quick.code)
    return win


def save_quick_contact(qtbot, window) -> None:
    quick = window.quick
    qtbot.keyClicks(quick.code, f"{dt.date.today().year}-0001")
    quick.completer.popup().hide()
    for widget, text in ((quick.form, "1"), (quick.duration, "2")):
        widget.setFocus()
        qtbot.keyClicks(widget, text)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)


def press(qtbot, key, modifiers=CTRL) -> None:
    qtbot.keyClick(focused(), key, modifiers)


def test_ctrl_z_after_a_quick_save_undoes_the_save_not_the_typing(qtbot, session, window):
    save_quick_contact(qtbot, window)
    assert len(session.contacts()) == 1
    assert QApplication.focusWidget() is window.quick.code  # where focus returns
    press(qtbot, Qt.Key.Key_Z)
    assert session.contacts() == []
    assert window.quick.code.text() == f"{dt.date.today().year}-0001"  # typing kept
    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert len(session.contacts()) == 1
    assert "Wiederhergestellt" in window.statusBar().currentMessage()


def test_a_fields_own_typing_is_undone_first(qtbot, session, window):
    save_quick_contact(qtbot, window)
    code = window.quick.code
    qtbot.keyClicks(code, "99")  # typed over the selected code: an edit of its own
    press(qtbot, Qt.Key.Key_Z)
    assert len(session.contacts()) == 1  # the save stays
    assert code.text() == f"{dt.date.today().year}-0001"
    press(qtbot, Qt.Key.Key_Z)  # nothing of its own left: now the save
    assert session.contacts() == []


@pytest.mark.parametrize("where", ["persons", "code", "date", "table"])
def test_ctrl_e_returns_to_quick_entry_from_anywhere(qtbot, window, where):
    target = {
        "persons": window.quick.persons,
        "code": window.quick.code,
        "date": window.quick.date,
        "table": window.table,
    }[where]
    target.setFocus()
    window.quick.code.setText("20")
    window.quick.code.deselect()
    press(qtbot, Qt.Key.Key_E)
    assert QApplication.focusWidget() is window.quick.code
    assert window.quick.code.selectedText() == "20"


def test_ctrl_z_in_the_case_editor_undoes_its_save(qtbot, session, window):
    case = session.cases()[0]
    window.select_case(case.id)
    editor = window.editor
    editor.choices["sex"].setFocus()
    editor.choices["sex"].setCurrentIndex(1)
    press(qtbot, Qt.Key.Key_S)
    assert session.case(case.id).sex is not None
    press(qtbot, Qt.Key.Key_Z)
    assert session.case(case.id).sex is None
    assert editor.choices["sex"].currentData() is None
