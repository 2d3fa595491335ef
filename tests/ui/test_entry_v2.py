"""Entering the scheme version 2 items by keyboard: case editor, quick entry, activities."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.resources import resource_path
from app.scheme.trust import validate_document
from app.vault.activities import activities
from tests.support.records import contact
from tests.support.ui import make_case
from ui.activities_dialog import ActivitiesDialog
from ui.main_window import MainWindow

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("no_dialogs")]
V2 = validate_document(resource_path("schemes", "lk-harz-v2.json").read_bytes())


@pytest.fixture
def window(qtbot, session, answers):
    session.scheme = V2
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    return win


def choose(qtbot, combo, code: str) -> None:
    """Pick a code in a list by keyboard: focus it, then Down until the code is current."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == code:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(code)


def test_case_editor_shows_the_items_of_the_case_fields(qtbot, session, window, answers):
    case = make_case(session, "2026-0001", field="EB")
    window.set_session(session)
    window.select_case(case.id)
    editor = window.editor
    items = editor.items
    assert items.applies("reasons") and items.applies("eb_setting")
    assert not items.applies("debt_trigger") and not items.widgets["debt_trigger"].isVisibleTo(
        window
    )
    # the definition is shown at the point of entry
    choose(qtbot, items.widgets["eb_setting"], "ELT")
    assert "Setting der Erziehungsberatung" in editor.help_text.text()
    assert "überwiegend mit einem oder beiden Elternteilen" in editor.help_text.text()
    choose(qtbot, items.widgets["reasons"], "ENTW")
    choose(qtbot, items.widgets["client_relation"], "SELF")
    # persons by sex: one number per sex, the number of persons is their sum
    persons = items.widgets["persons_by_sex"]
    male, female = persons.spins["m"], persons.spins["w"]
    male.setFocus(Qt.FocusReason.TabFocusReason)  # as by Tab: the text is selected
    assert "Beratene Personen nach Geschlecht" in editor.help_text.text()
    assert "männlich" in editor.help_text.text()  # the code's definition too
    qtbot.keyClicks(male, "1")
    qtbot.keyClick(male, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is female
    qtbot.keyClicks(female, "1")
    assert persons.total.text() == "= 2 Personen"
    requested = items.widgets["requested"]
    requested.edit.setFocus()
    qtbot.keyClicks(requested.edit, "01.02.2026")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = session.case(case.id)
    assert (saved.eb_setting, saved.reasons, saved.client_relation) == ("ELT", ("ENTW",), "SELF")
    assert saved.persons_by_sex == {"w": 1, "m": 1} and saved.requested == dt.date(2026, 2, 1)
    assert saved.persons_count is None  # the total is derived, never stored twice
    # switching the field to debt counselling hides the EB items and shows the trigger
    choose(qtbot, editor.field, "SCHULD")
    assert items.applies("debt_trigger") and not items.applies("reasons")
    choose(qtbot, items.widgets["debt_trigger"], "ALO")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = session.case(case.id)
    assert saved.field == "SCHULD" and saved.debt_trigger == "ALO"
    assert saved.reasons == () and saved.eb_setting is None  # not asked in this field


def test_closing_without_the_main_reason_is_refused_with_its_message(
    qtbot, session, window, answers
):
    case = make_case(
        session, "2026-0002", field="EB", opened=dt.date.today() - dt.timedelta(days=9)
    )
    window.set_session(session)
    window.select_case(case.id)
    editor = window.editor
    choose(qtbot, editor.items.widgets["client_relation"], "SELF")
    choose(qtbot, editor.items.widgets["eb_setting"], "FAM")
    choose(qtbot, editor.items.widgets["family_situation"], "ZUS")
    editor.closed_check.setChecked(True)
    choose(qtbot, editor.ending, "REG")
    editor.save()
    assert any(
        "Gründe für die Hilfegewährung" in e and "Hauptgrund" in e for e in answers["errors"]
    )
    assert session.case(case.id).closed is None


def test_household_link(qtbot, session, window):
    a = make_case(session, "2026-0003", field="EB")
    window.set_session(session)
    window.select_case(a.id)
    editor = window.editor
    editor.household.setFocus()
    assert "Lebensbereiche" in editor.help_text.text() and "nie gemeldet" in editor.help_text.text()
    qtbot.keyClicks(editor.household, "H-7")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert session.case(a.id).household_key == "H-7"


def test_repeat_contact_takes_five_keys_with_minutes_and_takes_the_new_items(
    qtbot, session, window
):
    case = make_case(session, "2026-0001")
    window.set_session(session)
    quick = window.quick
    assert quick.more_row.isVisibleTo(window)
    assert "contact_minutes" not in quick.more.widgets  # the duration field takes them
    quick.start()
    qtbot.keyClicks(quick.code, "2026-0001")
    keys = 0
    for k in (Qt.Key.Key_Tab, "1", "3", "5", Qt.Key.Key_Return):
        if k == Qt.Key.Key_Return:
            # the band follows from the minutes, shown while typing
            assert quick.duration_hint.text() == "Dauer: 35 Min. = 30–45 Min."
        qtbot.keyClick(QApplication.focusWidget(), k)
        keys += 1
    assert keys <= 5
    (saved,) = session.contacts()
    assert (saved.case_id, saved.form, saved.minutes, saved.kind) == (case.id, "1", 35, "CLIENT")
    assert saved.duration == "3"  # 30-45 minutes: never typed, derived
    assert saved.scheme_version == 2 and not saved.no_show
    assert "35 Min. (30–45 Min.)" in quick.status.text()
    # a phone call of 20 minutes falls below the boundary at 30 minutes
    qtbot.keyClicks(quick.code, "2026-0001")
    for k in (Qt.Key.Key_Tab, "4", "2", "0", Qt.Key.Key_Return):
        qtbot.keyClick(QApplication.focusWidget(), k)
    phone = next(k for k in session.contacts() if k.form == "4")
    assert (phone.minutes, phone.duration) == (20, "2")
    # a third-party contact at the Elbingerode outreach office, 40 minutes; then a no-show
    quick.start()
    qtbot.keyClicks(quick.code, "2026-0001")
    qtbot.keyClick(quick.code, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "3")
    qtbot.keyClicks(QApplication.focusWidget(), "40")
    choose(qtbot, quick.more.widgets["contact_kind"], "SCHULE")
    choose(qtbot, quick.more.widgets["contact_place"], "AUSSEN_ELB")
    qtbot.keyClick(quick.more.widgets["contact_place"], Qt.Key.Key_Return)
    third = next(k for k in session.contacts() if k.kind == "SCHULE")
    assert (third.place, third.minutes, third.duration) == ("AUSSEN_ELB", 40, "3")
    assert quick.more.widgets["contact_place"].currentData() == "AUSSEN_ELB"  # stays
    quick.start()
    qtbot.keyClicks(quick.code, "2026-0001")
    qtbot.keyClick(quick.code, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "1")
    quick.no_show.setFocus()  # a no-show took no minutes
    qtbot.keyClick(quick.no_show, Qt.Key.Key_Space)
    qtbot.keyClick(quick.no_show, Qt.Key.Key_Return)
    (missed,) = [k for k in session.contacts() if k.no_show]
    assert missed.minutes is None and missed.duration is None


def test_a_contact_without_minutes_is_refused_with_the_bands(qtbot, session, window, answers):
    make_case(session, "2026-0001")
    window.set_session(session)
    quick = window.quick
    quick.start()
    qtbot.keyClicks(quick.code, "2026-0001")
    for k in (Qt.Key.Key_Tab, "1", Qt.Key.Key_Return):
        qtbot.keyClick(QApplication.focusWidget(), k)
    assert session.contacts() == []
    assert "in Minuten" in answers["errors"][-1] and "30–45 = 30–45 Min." in answers["errors"][-1]
    assert QApplication.focusWidget() is quick.duration


def test_the_diagnosis_is_asked_only_for_the_person_concerned(qtbot, session, window):
    case = make_case(session, "2026-0005", field="SUCHT")
    window.set_session(session)
    window.select_case(case.id)
    items = window.editor.items
    diagnosis = items.widgets["diagnosis"]
    assert items.applies("diagnosis")  # who is counselled not recorded yet
    choose(qtbot, items.widgets["client_relation"], "REL")
    assert not items.applies("diagnosis") and not diagnosis.isVisibleTo(window)
    choose(qtbot, items.widgets["client_relation"], "SELF")
    assert items.applies("diagnosis") and diagnosis.isVisibleTo(window)
    choose(qtbot, diagnosis, "F12")
    text = window.editor.help_text.text()
    assert (
        "Hauptdiagnose (KDS)" in text and "Cannabinoiden" in text and "betroffenen Person" in text
    )
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert session.case(case.id).diagnosis == "F12"
    # a relative after all: the diagnosis goes (hidden items stay empty)
    choose(qtbot, items.widgets["client_relation"], "REL")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = session.case(case.id)
    assert (saved.client_relation, saved.diagnosis) == ("REL", None)


def test_quick_entry_hides_the_new_items_under_a_v1_scheme(qtbot, session, answers):
    win = MainWindow(session)  # the small format 1 test scheme
    qtbot.addWidget(win)
    assert not win.quick.more_row.isVisibleTo(win)
    assert not win.activities_action.isEnabled()


def test_activities_by_keyboard(qtbot, session, window, answers):
    dialog = ActivitiesDialog(session, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.focusWidget() is dialog.date.edit  # entry starts at the date
    choose(qtbot, dialog.kind, "PRAEV")
    assert "Präventionsveranstaltung" in dialog.help_text.text()
    choose(qtbot, dialog.field, "SUCHT")
    participants = dialog.items.widgets["activity_participants"]
    participants.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(participants, "24")
    assert "Teilnehmende" in dialog.help_text.text()
    choose(qtbot, dialog.items.widgets["activity_target_group"], "JUG")
    choose(qtbot, dialog.items.widgets["activity_setting"], "SCHULE")
    qtbot.keyClick(dialog.items.widgets["activity_setting"], Qt.Key.Key_Return)
    (saved,) = activities(session)
    assert (saved.kind, saved.field, saved.participants, saved.target_group) == (
        "PRAEV",
        "SUCHT",
        24,
        "JUG",
    )
    assert dialog.table.rowCount() == 1 and "24" in dialog.summary.text()
    dialog.table.setFocus()
    dialog.table.setCurrentCell(0, 0)
    answers["answers"].append(True)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert activities(session) == [] and dialog.table.rowCount() == 0


def test_an_old_case_opens_in_todays_codes(qtbot, session, window):
    from app.scheme.trust import shipped_scheme

    v1 = validate_document(shipped_scheme()[0])
    session.scheme = v1
    old = make_case(session, "2026-0009", field="SCHULD", problems=["FIN_ALO", "ARB_LOS"])
    session.scheme = V2
    window.set_session(session)
    window.select_case(old.id)
    editor = window.editor
    assert editor.items.widgets["debt_trigger"].currentData() == "ALO"
    assert not editor.is_dirty()
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = session.case(old.id)
    assert saved.scheme_version == 2 and saved.problems == ["FIN_SCHULD", "ARB_LOS"]
    assert saved.debt_trigger == "ALO"


def test_contact_dialog_edits_the_new_items_and_shows_old_codes_in_todays(qtbot, session):
    from app.scheme.trust import shipped_scheme
    from tests.support.records import contact
    from ui.contact_editor import ContactDialog

    v1 = validate_document(shipped_scheme()[0])
    session.scheme = v1
    case = make_case(session, "2026-0011")
    phone = session.save_contact(contact(case.id, form="3", duration="3"))  # v1: phone, 45-90
    session.scheme = V2
    dialog = ContactDialog(session.contacts()[0], V2)
    qtbot.addWidget(dialog)
    assert dialog.form.currentData() == "4" and dialog.duration.currentData() == "4"
    assert not dialog.duration.isEnabled()  # the band follows from the minutes
    assert dialog.edited().duration == "4"  # no minutes: the old band stays
    choose(qtbot, dialog.items.widgets["contact_kind"], "JA")
    dialog.no_show.setChecked(True)
    edited = dialog.edited()
    assert (edited.form, edited.kind, edited.no_show, edited.scheme_version) == ("4", "JA", True, 2)
    session.save_contact(edited)
    saved = next(k for k in session.contacts() if k.id == phone.id)
    assert (saved.form, saved.duration, saved.kind) == ("4", "4", "JA")
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    minutes = dialog.items.widgets["contact_minutes"]
    minutes.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(minutes, "25")
    assert dialog.duration.currentData() == "2"
    assert dialog.edited().duration == "2" and dialog.edited().minutes == 25


def _keys(qtbot, key, modifier=Qt.KeyboardModifier.ControlModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def test_activity_changes_undo_and_redo_by_keys(qtbot, session, window, answers):
    """Ctrl+T opens the activities; adding, changing and deleting one is undone with Ctrl+Z
    and redone with Ctrl+Y (or Ctrl+Shift+Z) in the dialog, and by the window after it."""

    def participants() -> list[int]:
        return [a.participants for a in activities(session)]

    seen = {}

    def run(dialog) -> bool:
        seen["dialog"] = dialog
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        # add
        choose(qtbot, dialog.kind, "PRAEV")
        choose(qtbot, dialog.field, "SUCHT")
        count = dialog.items.widgets["activity_participants"]
        count.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClicks(count, "24")
        qtbot.keyClick(count, Qt.Key.Key_Return)
        assert participants() == [24] and dialog.table.rowCount() == 1
        assert QApplication.focusWidget() is dialog.date.edit
        _keys(qtbot, Qt.Key.Key_Z)
        assert participants() == [] and dialog.table.rowCount() == 0
        assert dialog.status.text() == "Rückgängig gemacht: letzte Speicherung (Tätigkeit)."
        _keys(qtbot, Qt.Key.Key_Y)
        assert participants() == [24] and dialog.table.rowCount() == 1
        assert dialog.status.text() == "Wiederhergestellt: Tätigkeit."
        # change
        dialog.table.setFocus()
        qtbot.keyClick(dialog.table, Qt.Key.Key_Home)
        assert dialog.items.widgets["activity_participants"].value() == 24
        count.setFocus(Qt.FocusReason.TabFocusReason)
        count.selectAll()
        qtbot.keyClicks(count, "30")
        qtbot.keyClick(count, Qt.Key.Key_Return)
        assert participants() == [30]
        _keys(qtbot, Qt.Key.Key_Z)
        assert participants() == [24] and "24" in dialog.summary.text()
        _keys(
            qtbot,
            Qt.Key.Key_Z,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        assert participants() == [30]
        # delete
        dialog.table.setFocus()
        qtbot.keyClick(dialog.table, Qt.Key.Key_Home)
        answers["answers"].append(True)
        qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
        assert participants() == [] and dialog.table.rowCount() == 0
        _keys(qtbot, Qt.Key.Key_Z)
        assert participants() == [30] and dialog.table.rowCount() == 1
        assert dialog.status.text() == "Rückgängig gemacht: Löschen (Tätigkeit)."
        _keys(qtbot, Qt.Key.Key_Y)
        assert participants() == [] and dialog.status.text() == "Erneut gelöscht: Tätigkeit."
        _keys(qtbot, Qt.Key.Key_Y)  # nothing more to redo: said here, not behind the dialog
        assert dialog.status.text() == "Es gibt nichts wiederherzustellen."
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        return True

    window._exec = run
    window.quick.code.setFocus()
    qtbot.keyClick(window.quick.code, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert "dialog" in seen and not seen["dialog"].isVisible()
    # the window's own Ctrl+Z reaches the activities too, once the dialog is closed
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.quick.code, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert participants() == [30]
    assert window.statusBar().currentMessage() == "Rückgängig gemacht: Löschen (Tätigkeit)."


def light(editor) -> str:
    """The level the editor's traffic light shows, read from its colour."""
    from ui.case_editor import LIGHTS

    (level,) = [lv for lv, colour in LIGHTS.items() if colour in editor.light.styleSheet()]
    return level


def test_the_light_follows_the_items_of_the_case_field(qtbot, session, window):
    """Under version 2 the light counts the items closing an EB case needs; filled one by one
    by keys it goes red -> yellow -> green."""
    from app.records import completeness
    from tests.support.records import V1_FILLED

    case = make_case(session, "2026-0004", field="EB", **V1_FILLED)
    window.set_session(session)
    window.select_case(case.id)
    editor, items = window.editor, window.editor.items
    text = editor.completeness_label.text
    assert light(editor) == completeness.INCOMPLETE
    assert text() == (
        "Es fehlt noch: Wer wird beraten, Gründe für die Hilfegewährung, Setting der "
        "Erziehungsberatung, Situation in der Herkunftsfamilie"
    )
    # a first contact: now the persons counselled are asked too
    session.save_contact(contact(case.id, date=case.opened, minutes=50, duration=None))
    window.apply_changes()
    assert "Beratene Personen nach Geschlecht" in text()
    choose(qtbot, items.widgets["client_relation"], "SELF")
    choose(qtbot, items.widgets["reasons"], "ENTW")
    assert light(editor) == completeness.INCOMPLETE and "Wer wird beraten" not in text()
    choose(qtbot, items.widgets["eb_setting"], "ELT")
    assert light(editor) == completeness.PARTIAL
    assert text() == (
        "Es fehlt noch: Beratene Personen nach Geschlecht, Situation in der Herkunftsfamilie"
    )
    choose(qtbot, items.widgets["family_situation"], "ALLEIN")
    assert light(editor) == completeness.PARTIAL
    female = items.widgets["persons_by_sex"].spins["w"]
    female.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(female, "1")
    assert light(editor) == completeness.COMPLETE and text() == "Vollständig erfasst"
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert completeness.missing(session.case(case.id), V2, has_contacts=True) == []
    # the case list's light agrees
    cell = window.cases.index(window.cases.row_of(case.id), window.cases.CODE)
    assert window.cases.data(cell, Qt.ItemDataRole.ToolTipRole) == "vollständig erfasst"


def test_the_light_names_the_items_in_english(qtbot, session, answers):
    from ui import i18n

    assert i18n.install("en")
    session.scheme = V2
    case = make_case(session, "2026-0005", field="SUCHT", client_relation="SELF")
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.select_case(case.id)
    text = win.editor.completeness_label.text()
    assert text.startswith("Still missing: ") and text.endswith(", Main diagnosis (KDS)")
    assert "Who is counselled" not in text
