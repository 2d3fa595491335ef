"""The counsellor's main window driven by keyboard and mouse, as a counsellor would."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.support.records import contact
from tests.support.ui import make_case
from ui.case_model import CaseTableModel
from ui.main_window import MainWindow

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("no_dialogs")]


@pytest.fixture
def window(qtbot, session, answers):
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    return win


def typed(qtbot, window):
    """Send keys where a user's keys would go: the open completer popup or the focus widget."""
    count = 0

    def key(k, modifier=Qt.KeyboardModifier.NoModifier):
        nonlocal count
        count += 1
        popup = window.quick.completer.popup()
        target = popup if popup.isVisible() else QApplication.focusWidget()
        qtbot.keyClick(target, k, modifier)

    def n():
        return count

    return key, n


def codes_in_table(win):
    return [win.proxy.index(r, 0).data() for r in range(win.proxy.rowCount())]


def test_three_repeat_contacts_by_quick_entry_take_four_keys_each(qtbot, session, window):
    case = make_case(session, "2026-0001")
    window.set_session(session)
    quick = window.quick
    key, count = typed(qtbot, window)
    entries = [("2", "1"), ("1", "3"), ("3", "2")]
    for form, duration in entries:
        assert QApplication.focusWidget() is quick.code
        qtbot.keyClicks(quick.code, "2026-0001")  # the case code itself is not counted
        before = count()
        key(Qt.Key.Key_Tab)
        key(form)
        key(duration)
        key(Qt.Key.Key_Return)
        assert count() - before <= 6
    assert count() == 12
    saved = sorted(session.contacts(), key=lambda c: (c.form, c.duration))
    assert [(c.form, c.duration, c.persons, c.case_id, c.date) for c in saved] == [
        ("1", "3", 1, case.id, dt.date.today()),
        ("2", "1", 1, case.id, dt.date.today()),
        ("3", "2", 1, case.id, dt.date.today()),
    ]
    assert "2026-0001" in quick.status.text() and "Gespeichert" in quick.status.text()
    row = window.cases.row_of(case.id)
    assert window.cases.index(row, CaseTableModel.CONTACTS).data() == 3


def test_short_code_new_case_and_contact_without_case(qtbot, session, window, answers):
    quick = window.quick
    key, _count = typed(qtbot, window)
    # "neu" opens a new case with the next code and saves the contact on it
    qtbot.keyClicks(quick.code, "neu")
    key(Qt.Key.Key_Tab)
    key("1")
    key("2")
    key(Qt.Key.Key_Return)
    (new,) = session.cases()
    assert new.code == session.next_case_code()[:5] + "0001"
    assert session.contacts()[0].case_id == new.id
    assert window.editor.case.id == new.id  # the new case is open for completing
    # "1" means this year's case 0001
    qtbot.keyClicks(quick.code, "1")
    key(Qt.Key.Key_Tab)
    key("4")
    key("1")
    key(Qt.Key.Key_Return)
    assert len([c for c in session.contacts() if c.case_id == new.id]) == 2
    # an unknown case is refused with a message; nothing is saved
    qtbot.keyClicks(quick.code, "2020-0999")
    key(Qt.Key.Key_Tab)
    key("1")
    key("1")
    key(Qt.Key.Key_Return)
    assert answers["errors"] and "2020-0999" in answers["errors"][-1]
    assert len(session.contacts()) == 2
    # without a case: the field is needed and taken from the combo
    qtbot.mouseClick(quick.no_case, Qt.MouseButton.LeftButton)
    quick.field.setCurrentIndex(quick.field.findData("SUCHT"))
    quick.form.setFocus()
    key("5")
    key("1")
    key(Qt.Key.Key_Return)
    anonymous = [c for c in session.contacts() if c.case_id is None]
    assert [(c.field, c.form) for c in anonymous] == [("SUCHT", "5")]


@pytest.mark.parametrize("field", ["code", "form", "duration", "date"])
def test_a_refusal_goes_from_the_status_line_once_the_typing_changes(
    qtbot, session, window, answers, field
):
    make_case(session, "2026-0001")
    window.set_session(session)
    quick = window.quick
    key, _count = typed(qtbot, window)
    qtbot.keyClicks(quick.code, "2633")  # a case that does not exist
    key(Qt.Key.Key_Tab)
    key("1")
    key("2")
    key(Qt.Key.Key_Return)
    assert "2633" in quick.status.text() and answers["errors"]
    widget = {"code": quick.code, "form": quick.form, "duration": quick.duration}.get(field)
    widget = widget or quick.date.edit
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    assert quick.status.text() == ""
    assert session.contacts() == []  # nothing was saved on the way


def test_a_saved_contact_stays_in_the_status_line_while_the_next_is_typed(qtbot, session, window):
    make_case(session, "2026-0001")
    window.set_session(session)
    quick = window.quick
    key, _count = typed(qtbot, window)
    qtbot.keyClicks(quick.code, "2026-0001")
    for k in (Qt.Key.Key_Tab, "1", "2", Qt.Key.Key_Return):
        key(k)
    assert "Gespeichert" in quick.status.text()
    qtbot.keyClicks(quick.code, "2026")
    assert "Gespeichert" in quick.status.text()


def test_create_case_with_three_domains_becomes_multiproblemfall(qtbot, session, window):
    window.new_case()
    editor = window.editor
    assert editor.case is not None
    assert "0 Lebensbereiche" in editor.multi_label.text()
    tree = editor.problems
    tree.setFocus()
    for code in ("FIN_DEBT", "FIN_BEN", "ARB_LOSS", "GES_ALC"):
        item = next(
            i for i in editor._problem_items() if i.data(0, Qt.ItemDataRole.UserRole + 1) == code
        )
        tree.setCurrentItem(item)
        qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert editor.multi_label.text().startswith("3 Lebensbereiche – Multiproblemfall")
    assert "Definition Alkohol." in editor.help_text.text()
    assert "Zweck Problemlage." in editor.help_text.text()
    # choose sex by keyboard; the definition and purpose follow the focus
    sex = editor.choices["sex"]
    sex.setFocus()
    qtbot.keyClick(sex, Qt.Key.Key_Down)
    assert "Zweck Geschlecht." in editor.help_text.text()
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = session.case(editor.case.id)
    assert saved.problems == ["FIN_DEBT", "FIN_BEN", "ARB_LOSS", "GES_ALC"]
    assert saved.sex == "m"
    row = window.cases.row_of(saved.id)
    assert window.cases.index(row, CaseTableModel.DOMAINS).data() == "3 ★"
    assert "Es fehlt noch" in editor.completeness_label.text()


def test_edit_case_completeness_and_undo(qtbot, session, window):
    case = make_case(session, "2026-0001", problems=["FIN_DEBT"])
    window.set_session(session)
    window.select_case(case.id)
    editor = window.editor
    assert editor.case.id == case.id
    values = {
        "sex": "w", "age_band": "A27", "household": "SINGLE", "municipality": "UNK",
        "transfer_benefits": "N", "migration_parent": "N", "german_at_home": "J", "referral": "SELF",
    }  # fmt: skip
    for attr, code in values.items():
        combo = editor.choices[attr]
        combo.setCurrentIndex(combo.findData(code))
    assert editor.completeness_label.text() == "Vollständig erfasst"
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert session.case(case.id).household == "SINGLE"
    # closing without an ending is refused by app/ and shown
    editor.closed_check.setChecked(True)
    assert "Beendigung" in editor.completeness_label.text()
    editor.save()
    window.undo_last()  # undoes the successful save: the case is back to its first version
    assert session.case(case.id).household is None
    assert editor.case.household is None


def test_undo_removes_a_new_contact(qtbot, session, window):
    case = make_case(session, "2026-0001")
    window.set_session(session)
    quick = window.quick
    key, _ = typed(qtbot, window)
    qtbot.keyClicks(quick.code, "2026-0001")
    key(Qt.Key.Key_Tab)
    key("1")
    key("1")
    key(Qt.Key.Key_Return)
    assert len(session.contacts()) == 1
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.contacts() == []
    assert window.cases.index(window.cases.row_of(case.id), CaseTableModel.CONTACTS).data() == 0


def test_delete_case_and_contact_ask_first(qtbot, session, window, answers):
    a = make_case(session, "2026-0001")
    b = make_case(session, "2026-0002")
    k1 = session.save_contact(contact(a.id, date=dt.date.today()))
    session.save_contact(contact(a.id, date=dt.date.today() - dt.timedelta(days=3)))
    window.set_session(session)
    window.select_case(a.id)
    assert window.contacts.rowCount() == 2
    window.contact_table.selectRow(0)
    answers["answers"] = [False]
    window.delete_contact()
    assert len(session.contacts()) == 2 and len(answers["asked"]) == 1
    answers["answers"] = [True]
    window.delete_contact()
    assert [c.id for c in session.contacts()] != [k1.id] and len(session.contacts()) == 1
    assert window.contacts.rowCount() == 1
    answers["answers"] = [True]
    window.delete_case()
    assert "2026-0001" in answers["asked"][-1] and "1 Kontakten" in answers["asked"][-1]
    assert [c.id for c in session.cases()] == [b.id] and session.contacts() == []
    assert codes_in_table(window) == ["2026-0002"]


def test_filters_narrow_the_case_table(qtbot, session, window):
    make_case(session, "2026-0001", field="SUCHT")
    make_case(session, "2026-0002", closed=dt.date.today(), ending="REG")
    make_case(session, "2026-0003", counsellor="anna")
    old = dt.date(dt.date.today().year - 1, 2, 1)
    make_case(session, "2025-0007", opened=old, closed=old, ending="REG")
    window.set_session(session)
    assert window.count_label.text() == "4 Fälle"
    qtbot.keyClicks(window.search, "2026-000")
    assert codes_in_table(window) == ["2026-0003", "2026-0002", "2026-0001"]
    window.search.clear()
    window.field_filter.setCurrentIndex(window.field_filter.findData("SUCHT"))
    assert codes_in_table(window) == ["2026-0001"]
    window.field_filter.setCurrentIndex(0)
    window.status_filter.setCurrentIndex(2)  # closed only
    assert set(codes_in_table(window)) == {"2026-0002", "2025-0007"}
    window.status_filter.setCurrentIndex(3)  # open, six months without contact
    assert codes_in_table(window) == []
    window.status_filter.setCurrentIndex(0)
    window.period.setCurrentIndex(1)  # this year
    assert "2025-0007" not in codes_in_table(window) and len(codes_in_table(window)) == 3
    window.period.setCurrentIndex(0)
    qtbot.mouseClick(window.own_only, Qt.MouseButton.LeftButton)
    assert "2026-0003" not in codes_in_table(window)
    assert window.count_label.text() == "3 von 4 Fällen"


def test_clear_empties_every_model_and_editor(qtbot, session, window):
    case = make_case(session, "2026-0001", problems=["FIN_DEBT"])
    session.save_contact(contact(case.id))
    window.set_session(session)
    window.select_case(case.id)
    window.quick.code.setText("2026-0001")
    window.clear()
    assert window.cases.rowCount() == 0 and window.proxy.rowCount() == 0
    assert window.contacts.rowCount() == 0
    assert window.quick.codes_model.rowCount() == 0 and window.quick.code.text() == ""
    assert window.editor.case is None and window.editor.problems.topLevelItemCount() == 0
    assert len(window.undo) == 0 and window.user_label.text() == ""
    window.set_session(session)  # unlocked again
    assert window.cases.rowCount() == 1


def test_signals_menus_and_lead_only_admin(qtbot, session, window):
    with qtbot.waitSignal(window.lock_requested, timeout=1000):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(window.admin_requested, timeout=1000):
        window.admin_action.trigger()
    assert window.admin_menu.menuAction().isVisible()
    session.role = "counsellor"
    window.set_session(session)
    assert not window.admin_menu.menuAction().isVisible()
    assert window.own_only.isChecked()


def test_help_dialogs_open(qtbot, session, window, monkeypatch):
    opened = []
    monkeypatch.setattr(window, "_exec", lambda d: opened.append(d) or False)
    window.show_shortcuts()
    window.show_categories()
    window.show_guide()
    shortcuts, categories, guide = opened
    keys = [shortcuts.table.item(r, 0).text() for r in range(shortcuts.table.rowCount())]
    from PySide6.QtGui import QKeySequence

    native = QKeySequence.SequenceFormat.NativeText
    assert QKeySequence("Ctrl+L").toString(native) in keys and "F1" in keys
    categories.select("problem", "GES_ALC")
    assert "Definition Alkohol." in categories.text.toPlainText()
    assert "Zweck Problemlage." in categories.text.toPlainText()
    assert "Schnellerfassung" in guide.browser.toPlainText()


def test_every_focusable_control_has_an_accessible_name(qtbot, session, window):
    make_case(session, "2026-0001")
    window.set_session(session)
    nameless = [
        f"{type(w).__name__} {w.objectName()}"
        for w in window.findChildren(QWidget)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.isVisibleTo(window)
        and not w.accessibleName()
        and type(w).__name__ not in ("QScrollArea", "QTabBar", "QSplitterHandle", "QCalendarWidget")
        and not (
            w.parent()
            and type(w.parent()).__name__ in ("QDateEdit", "QSpinBox", "QComboBox", "QTableView")
        )
    ]
    assert nameless == []


def test_the_sort_arrow_matches_the_order_after_undo(qtbot, session, window):
    """Issue 13, finding 14: after an undo the list is still in the order its arrow shows."""
    from ui.case_model import CaseTableModel

    for code in ("2026-0002", "2026-0001", "2026-0003"):
        make_case(session, code)
    window.set_session(session)
    header = window.table.horizontalHeader()
    window.table.sortByColumn(CaseTableModel.CODE, Qt.SortOrder.AscendingOrder)
    window.select_case(session.case_by_code("2026-0002").id)
    editor = window.editor
    combo = editor.choices["sex"]
    combo.setCurrentIndex(combo.findData("w"))
    editor.save()
    window.undo_last()

    def codes():
        proxy = window.proxy
        return [proxy.index(r, CaseTableModel.CODE).data() for r in range(proxy.rowCount())]

    assert header.sortIndicatorSection() == CaseTableModel.CODE
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert codes() == sorted(codes())
