"""The date field, typed key by key as a counsellor would, in each place a date is entered."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from tests.support.ui import focused, make_case
from ui import date_field
from ui.date_field import DateField

pytestmark = pytest.mark.gui

D = dt.date
TODAY = D(2026, 12, 10)

TYPED = [
    ("15.11.2026", D(2026, 11, 15), "So. 15.11.2026"),
    ("15.11.26", D(2026, 11, 15), "So. 15.11.2026"),
    ("15.12.", D(2025, 12, 15), "Mo. 15.12.2025"),
    ("1511", D(2026, 11, 15), "So. 15.11.2026"),
    ("151126", D(2026, 11, 15), "So. 15.11.2026"),
    ("heute", TODAY, "heute, Do. 10.12.2026"),
    ("h", TODAY, "heute, Do. 10.12.2026"),
    ("gestern", D(2026, 12, 9), "gestern, Mi. 09.12.2026"),
    ("g", D(2026, 12, 9), "gestern, Mi. 09.12.2026"),
    ("-3", D(2026, 12, 7), "Mo. 07.12.2026"),
    ("+0", TODAY, "heute, Do. 10.12.2026"),
]
REFUSED = [
    ("15.12.2026", "in der Zukunft"),
    ("+2", "in der Zukunft"),
    ("31.02.26", "gibt es nicht"),
    ("1.1.1999", "vor dem 01.01.2000"),
    ("morgen", "kein Datum"),
]


@pytest.fixture
def field(qtbot, monkeypatch):
    monkeypatch.setattr(date_field, "_today", lambda: TODAY)
    host = QWidget()
    layout = QVBoxLayout(host)
    widget = DateField()
    layout.addWidget(widget)
    layout.addWidget(QLineEdit())  # somewhere for Tab to go
    qtbot.addWidget(host)
    host.show()
    host.activateWindow()
    qtbot.waitExposed(host)
    widget.setFocus()
    widget.edit.selectAll()
    yield widget
    host.close()


def type_key_by_key(qtbot, widget, text):
    """Types ``text`` one key at a time; returns the feedback shown after each key."""
    seen = []
    for ch in text:
        qtbot.keyClicks(widget.edit, ch)
        seen.append((widget.edit.text(), widget.feedback.text(), widget.date()))
    return seen


@pytest.mark.parametrize(("text", "expected", "shown"), TYPED)
def test_each_form_typed_key_by_key(qtbot, field, text, expected, shown):
    seen = type_key_by_key(qtbot, field, text)
    assert field.date() == expected
    assert field.feedback.text() == shown
    # while typing, an unfinished date is a hint, never an error
    assert all("Zukunft" not in f and "gibt es nicht" not in f for _t, f, _d in seen[:-1])
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)  # leaving writes the date out in full
    assert field.edit.text() == expected.strftime("%d.%m.%Y")
    assert field.date() == expected


@pytest.mark.parametrize(("text", "says"), REFUSED)
def test_refused_dates_are_named_beside_the_field(qtbot, field, text, says):
    type_key_by_key(qtbot, field, text)
    assert field.date() is None
    assert says in field.feedback.text()
    assert "b00020" in field.feedback.styleSheet()  # shown as an error
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)
    assert field.edit.text() == text  # the typed text stays for correction


def test_english_feedback(qtbot, field):
    from ui import i18n

    i18n.install("en")
    type_key_by_key(qtbot, field, "+1")
    assert field.feedback.text().startswith("11.12.2026 is in the future")


def test_arrows_step_a_day_and_f4_opens_the_calendar(qtbot, field):
    type_key_by_key(qtbot, field, "-3")
    qtbot.keyClick(field.edit, Qt.Key.Key_Up)
    assert field.date() == D(2026, 12, 8)
    qtbot.keyClick(field.edit, Qt.Key.Key_Down)
    qtbot.keyClick(field.edit, Qt.Key.Key_Down)
    assert field.date() == D(2026, 12, 6)
    qtbot.keyClick(field.edit, Qt.Key.Key_F4)
    menu = field.findChild(QMenu)
    qtbot.waitUntil(menu.isVisible)
    calendar = menu.findChild(QCalendarWidget)
    assert calendar.selectedDate().toPython() == D(2026, 12, 6)
    assert calendar.maximumDate().toPython() == TODAY  # no future day to pick
    view = QApplication.focusWidget()
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not menu.isVisible())
    assert field.date() == D(2026, 12, 5)
    assert QApplication.focusWidget() is field.edit


def test_quick_entry_saves_the_typed_date(qtbot, session, monkeypatch, answers):
    from ui.main_window import MainWindow

    today = dt.date.today()
    case = make_case(session, f"{today.year}-0001", opened=today - dt.timedelta(days=30))
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    quick = window.quick
    qtbot.waitUntil(lambda: QApplication.focusWidget() is quick.code)
    qtbot.keyClicks(quick.code, case.code)
    for k in (Qt.Key.Key_Tab, Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_Tab):
        # Tab, form digit and duration digit (each moves on), Tab past Personen
        popup = quick.completer.popup()
        qtbot.keyClick(popup if popup.isVisible() else focused(), k)
    assert QApplication.focusWidget() is quick.date.edit
    assert quick.date.edit.selectedText() == quick.date.edit.text()  # typing replaces
    qtbot.keyClicks(quick.date.edit, "-3")
    qtbot.keyClick(quick.date.edit, Qt.Key.Key_Return)
    saved = [k for k in session.contacts() if k.case_id == case.id]
    assert [k.date for k in saved] == [today - dt.timedelta(days=3)]
    # a future date is refused with the reason, nothing saved
    qtbot.keyClicks(quick.code, case.code)
    for widget, keys in ((quick.form, "1"), (quick.duration, "2")):
        widget.setFocus()
        qtbot.keyClicks(widget, keys)
    quick.date.setFocus()
    quick.date.edit.selectAll()
    qtbot.keyClicks(quick.date.edit, "+1")
    qtbot.keyClick(quick.date.edit, Qt.Key.Key_Return)
    assert len([k for k in session.contacts() if k.case_id == case.id]) == 1
    assert any("in der Zukunft" in e for e in answers["errors"])
    assert "in der Zukunft" in quick.date.feedback.text()


def test_contact_editor_keeps_dialog_open_on_a_bad_date(qtbot, session):
    from tests.support.records import contact
    from ui.contact_editor import ContactDialog

    case = make_case(session, "2026-0001", opened=D(2026, 1, 1))
    saved = session.save_contact(contact(case.id, date=D(2026, 5, 1)))
    dialog = ContactDialog(saved, session.scheme)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.date.edit.text() == "01.05.2026"
    dialog.date.setFocus()
    dialog.date.edit.selectAll()
    qtbot.keyClicks(dialog.date.edit, "01.12.26")  # once saved as 01.05.2012 (finding 1)
    assert dialog.date.date() == D(2026, 12, 1)
    assert dialog.edited().date == D(2026, 12, 1)
    dialog.date.edit.selectAll()
    qtbot.keyClicks(dialog.date.edit, "31.11.26")
    qtbot.keyClick(dialog.date.edit, Qt.Key.Key_Return)  # OK is the default button
    assert dialog.isVisible() and dialog.result() == 0
    assert "gibt es nicht" in dialog.date.feedback.text()


def test_case_editor_refuses_an_impossible_begin(qtbot, session, answers):
    from app.vault.undo import UndoLog
    from ui.case_editor import CaseEditor

    case = make_case(session, "2026-0001", opened=D(2026, 1, 1))
    editor = CaseEditor(session, UndoLog())
    qtbot.addWidget(editor)
    editor.show()
    editor.load(session.case(case.id))
    editor.opened.setFocus()
    editor.opened.edit.selectAll()
    qtbot.keyClicks(editor.opened.edit, "2.1.26")
    assert editor.is_dirty()
    assert editor.save().opened == D(2026, 1, 2)
    editor.opened.edit.selectAll()
    qtbot.keyClicks(editor.opened.edit, "30.02.26")
    assert editor.save() is None
    assert session.case(case.id).opened == D(2026, 1, 2)
    assert any("gibt es nicht" in e for e in answers["errors"])
