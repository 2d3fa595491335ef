"""Case and contact dates agree, from the window: nothing is moved or refused silently."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests.support.ui import focused, make_case
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui

TODAY = dt.date.today()


def days(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


@pytest.fixture
def window(qtbot, session, answers):
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    return win


def quick_contact(qtbot, window, code: str, date_text: str) -> None:
    quick = window.quick
    quick.code.setFocus()
    quick.code.setText(code)
    quick.completer.popup().hide()
    for widget, text in ((quick.form, "1"), (quick.duration, "2")):
        widget.setFocus()
        qtbot.keyClicks(widget, text)
    quick.date.setFocus()
    quick.date.edit.selectAll()
    qtbot.keyClicks(quick.date.edit, date_text)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)


def test_contact_before_the_begin_moves_it_with_a_note(qtbot, session, window, answers):
    case = make_case(session, f"{TODAY.year}-0001", opened=days(5))
    window.set_session(session)
    window.select_case(case.id)
    quick_contact(qtbot, window, case.code, "-10")
    assert session.case(case.id).opened == days(10)
    assert [k.date for k in session.contacts()] == [days(10)]
    note = window.quick.status.text()
    assert "vorverlegt" in note and days(10).strftime("%d.%m.%Y") in note
    assert window.editor.opened.date() == days(10)  # the open case shows the new begin
    window.undo_last()  # one undo takes back both
    assert session.contacts() == [] and session.case(case.id).opened == days(5)


@pytest.mark.parametrize(("answer", "saved"), [(False, 0), (True, 1)])
def test_contact_after_the_end_asks(qtbot, session, window, answers, answer, saved):
    case = make_case(session, f"{TODAY.year}-0001", opened=days(30), closed=days(10),
                     ending="REG")  # fmt: skip
    window.set_session(session)
    answers["answers"].append(answer)
    quick_contact(qtbot, window, case.code, "-3")
    assert len(answers["asked"]) == 1 and "abgeschlossen" in answers["asked"][0]
    assert len(session.contacts()) == saved
    assert session.case(case.id).closed == (days(3) if answer else days(10))
    if not answer:
        assert window.quick.status.text() == "Nicht gespeichert."


def test_case_editor_refuses_a_begin_after_the_first_contact(qtbot, session, window, answers):
    from tests.support.records import contact

    case = make_case(session, f"{TODAY.year}-0001", opened=days(20))
    session.save_contact(contact(case.id, date=days(15), counsellor=session.user))
    window.set_session(session)
    window.select_case(case.id)
    editor = window.editor
    editor.opened.setFocus()
    editor.opened.edit.selectAll()
    qtbot.keyClicks(editor.opened.edit, "-12")
    assert editor.save() is None
    assert session.case(case.id).opened == days(20)
    assert any(days(15).strftime("%d.%m.%Y") in e for e in answers["errors"])
