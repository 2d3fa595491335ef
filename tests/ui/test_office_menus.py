"""The office side of the main window: Übersicht tab, Bericht…, and the lead's Meldung menu
(close, reopen, export, sent packages with receipts, office key), each driven by keys and
clicks through the window's own actions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import msgspec
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from app.district import desk as district
from app.district import receipts
from app.office import export, period_close
from app.office import keys as office_keys
from app.records.periods import parse_period
from tests.support.passphrases import FAST_KDF, PASS
from tests.support.ui import make_office
from ui import dialogs, worker
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui
Q1 = parse_period("2025-Q1")


@pytest.fixture
def office(tmp_path):
    vault, session = make_office(tmp_path / "vault", n_cases=80)
    yield vault, session
    if session.is_open:
        session.close()
    vault.close()


@pytest.fixture
def window(qtbot, office):
    _vault, session = office
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def drive(window, driver):
    """Replace the modal exec: ``driver(dialog)`` works the dialog like a user would."""
    opened = []

    def run(dialog):
        opened.append(dialog)
        driver(dialog)
        return dialog.result() == dialog.DialogCode.Accepted

    window._exec = run
    return opened


def click(qtbot, button):
    assert button.isEnabled() and button.isVisibleTo(button.window())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def menu_texts(menu):
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def test_lead_sees_the_meldung_menu(window):
    assert window.report_menu.menuAction().isVisible()
    assert menu_texts(window.report_menu) == [
        "Zeitraum abschließen…",
        "Zeitraum wieder öffnen…",
        "Meldung exportieren…",
        "Gesendete Meldungen…",
        "Personalkapazität…",
        "Schlüssel der Beratungsstelle…",
    ]
    assert all(a.isEnabled() for a in window.lead_actions)


def test_counsellor_does_not_see_it(qtbot, office):
    vault, lead = office
    lead.add_user("berater", "counsellor", PASS)
    lead.close()  # one writer at a time
    session = vault.unlock("berater", PASS)
    win = MainWindow(session)
    qtbot.addWidget(win)
    assert not win.report_menu.menuAction().isVisible()
    assert not any(a.isEnabled() for a in win.lead_actions)
    assert win.report_action.isEnabled()  # the internal report is for everyone
    opened = drive(win, lambda d: None)
    win.close_period()
    win.export_package()
    assert opened == []
    win.clear()
    session.close()


def test_overview_tab_is_first_and_refreshes_after_a_save(qtbot, window, office):
    _vault, session = office
    assert window.pages.tabText(0).replace("&", "") == "Übersicht"
    assert window.pages.currentIndex() == window.ENTRY_PAGE  # counsellors start entering
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentIndex() == window.OVERVIEW_PAGE
    board = window.dashboard
    board.select_period(2025, 0)
    before = int(board.figure_labels["contacts"][0].text())
    assert before == board.overview.tally.value("contacts") > 0
    # a contact saved by quick entry (on the entry page) shows up in the overview
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentIndex() == window.ENTRY_PAGE
    case = next(c for c in session.cases() if c.opened.year == 2025 and c.closed is None)
    window.quick.date.setDate(dt.date(2025, 12, 1))
    qtbot.keyClicks(window.quick.code, case.code)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    for key in ("1", "2", Qt.Key.Key_Return):
        qtbot.keyClick(QApplication.focusWidget(), key)
    assert any(k.date == dt.date(2025, 12, 1) for k in session.contacts() if k.case_id == case.id)
    window.show_overview()
    assert int(board.figure_labels["contacts"][0].text()) == before + 1
    window.clear()
    assert board.overview is None


def test_close_and_reopen_period(qtbot, window, office):
    _vault, session = office

    def close(dialog):
        dialog.period_box.setEditText("2025-Q1")
        if dialog.blocking:
            qtbot.keyClicks(dialog.reason_edit, "Nacherfassung folgt")
        dialogs.answers.append(True)  # yes to the confirmation that names the period
        click(qtbot, dialog.close_period_button)

    drive(window, close)
    window.close_period_action.trigger()
    assert period_close.is_closed(session, Q1)
    assert "2025-Q1 abgeschlossen" in window.statusBar().currentMessage()

    def reopen_without_reason(dialog):
        assert dialog.period_box.currentText() == "2025-Q1"
        assert not dialog.reopen_button.isEnabled()
        click(qtbot, dialog.cancel_button)

    drive(window, reopen_without_reason)
    window.reopen_period_action.trigger()
    assert period_close.is_closed(session, Q1)

    def reopen(dialog):
        qtbot.keyClicks(dialog.reason_edit, "Korrektur: zwei Faelle nachgetragen")
        click(qtbot, dialog.reopen_button)

    drive(window, reopen)
    window.reopen_period_action.trigger()
    assert not period_close.is_closed(session, Q1)
    assert period_close.reopen_history(session)[-1].reason == "Korrektur: zwei Faelle nachgetragen"
    assert "wieder geöffnet" in window.statusBar().currentMessage()

    def nothing_closed(dialog):
        assert dialog.period_box.count() == 0 and not dialog.reason_edit.isEnabled()
        assert "kein Zeitraum" in dialog.info_label.text()
        click(qtbot, dialog.cancel_button)

    drive(window, nothing_closed)
    window.reopen_period_action.trigger()


def _export(qtbot, window, folder: Path) -> Path:
    def export(dialog):
        click(qtbot, dialog.next_button)
        dialog.folder_edit.clear()
        qtbot.keyClicks(dialog.folder_edit, str(folder))
        click(qtbot, dialog.export_button)
        assert dialog.task is not None, dialog.error_label.text()
        # built in a worker: wait for this dialog's own task, as long as a loaded machine
        # needs (pytest-qt's default of 5 s was too short in a full run under heavy load)
        qtbot.waitUntil(lambda: dialog.task is None and not worker.busy(), timeout=120_000)
        assert dialog.pages.currentIndex() == 2, dialog.error_label.text()
        click(qtbot, dialog.close_button)

    opened = drive(window, export)
    window.export_action.trigger()
    return opened[0].result_path


def test_export_then_receipts_in_sent_packages(qtbot, window, office, tmp_path):
    from tests.support.district_world import make_district

    _vault, session = office
    period_close.close_period(session, Q1, accepted_reason="Test")
    out = tmp_path / "out"
    out.mkdir()
    path = _export(qtbot, window, out)
    assert path.exists() and "Meldung gespeichert" in window.statusBar().currentMessage()

    shown = []

    def look(dialog):
        shown.append([dialog.model.index(0, c).data() for c in range(5)])
        assert "1 Meldungen gesendet, 0 vom Landkreis bestätigt" in dialog.summary.text()
        click(qtbot, dialog.close_button)

    drive(window, look)
    window.sent_action.trigger()
    assert shown[0][1:3] == ["2025-Q1", "1"] and shown[0][4] == "gesendet"

    # the district imports the package and answers with a signed receipt
    dvault, desk = make_district(tmp_path / "district", FAST_KDF)
    try:
        district.enrol(desk, "HZ-QLB-01", "Quedlinburg", office_keys.office_public_key(session)[0])
        assert district.import_paths(desk, [path])[0].accepted
        written = receipts.write_all_receipts(desk, tmp_path / "receipts")
    finally:
        desk.close()
        dvault.close()
    receipt = written[0]
    tampered = tmp_path / "tampered.receipt"
    tampered.write_bytes(receipt.read_bytes().replace(b'"sequence": 1', b'"sequence": 7'))
    (tmp_path / "tampered.receipt.minisig").write_bytes(
        receipt.with_name(receipt.name + ".minisig").read_bytes()
    )

    def import_both(dialog):
        dialogs.answers.append(str(tampered))
        click(qtbot, dialog.import_button)
        assert dialog.message_label.text().startswith("Nicht eingelesen:")
        assert dialog.model.index(0, 4).data() == "gesendet"
        dialogs.answers.append(str(receipt))
        click(qtbot, dialog.import_button)
        status = dialog.model.index(0, 4).data()
        assert status.startswith("angenommen vom Landkreis am ")
        assert dialog.message_label.text().startswith("Eingelesen:")
        assert "0 vom Landkreis" not in dialog.summary.text()
        dialogs.answers.append("")  # cancelled file chooser: nothing happens
        click(qtbot, dialog.import_button)
        assert dialog.model.index(0, 4).data() == status
        click(qtbot, dialog.close_button)

    drive(window, import_both)
    window.sent_action.trigger()
    assert export.sent_packages(session)[0].status == "accepted"

    # a time stored before receipts were read strictly is not shown as if it were a date
    old = msgspec.structs.replace(export.sent_packages(session)[0], accepted_at="1999-01-01")
    session.put_setting(export.SENT, msgspec.json.encode([old]))

    def look_again(dialog):
        shown.append(dialog.model.index(0, 4).data())
        click(qtbot, dialog.close_button)

    drive(window, look_again)
    window.sent_action.trigger()
    assert shown[-1] == "angenommen vom Landkreis (Datum unlesbar)"


def test_office_key_copy_and_print(qtbot, window, office, tmp_path, qtmodeltester):
    _vault, session = office
    _pub, kid = office_keys.office_public_key(session)
    printed = tmp_path / "schluessel.pdf"

    def look(dialog):
        assert dialog.key_id_label.text() == kid
        assert dialog.key_id_label.font().pointSize() >= 18
        assert kid in dialog.text_view.toPlainText()
        click(qtbot, dialog.copy_button)
        assert QApplication.clipboard().text() == office_keys.enrolment_text(session)
        dialogs.answers.append(str(printed))
        click(qtbot, dialog.print_button)
        assert dialog.status_label.text() == "Gedruckt."
        click(qtbot, dialog.close_button)

    drive(window, look)
    window.office_key_action.trigger()
    assert printed.read_bytes().startswith(b"%PDF")


def _report(qtbot, window, period: str, fmt_index: int, target: Path, cancel: bool = False):
    def make(dialog):
        dialog.period_box.setFocus()
        dialog.period_box.lineEdit().selectAll()
        qtbot.keyClicks(dialog.period_box.lineEdit(), period)
        dialog.format_box.setCurrentIndex(fmt_index)
        dialogs.answers.append(str(target))
        click(qtbot, dialog.choose_button)
        assert dialog.path_edit.text() == str(target.with_suffix(f".{dialog.fmt()}"))
        click(qtbot, dialog.create_button)
        if cancel:  # the progress dialog's own button, before the counting is back
            button = dialog.task.progress.findChild(QPushButton)
            assert button.text() == "Abbrechen"
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not worker.busy(), timeout=120_000)  # a loaded machine
        dialog.outcome = (dialog.status_label.text(), dialog.error_label.text())
        click(qtbot, dialog.close_button)

    opened = drive(window, make)
    window.report_action.trigger()
    return opened[0]


def test_reports_pdf_and_xlsx(qtbot, window, tmp_path):
    pdf = _report(qtbot, window, "2025-Q3", 0, tmp_path / "bericht.pdf")
    assert pdf.outcome == (f"Bericht gespeichert: {tmp_path / 'bericht.pdf'}", "")
    assert (tmp_path / "bericht.pdf").read_bytes().startswith(b"%PDF")
    xlsx = _report(qtbot, window, "2025", 1, tmp_path / "bericht")  # suffix added
    assert xlsx.outcome[0].endswith("bericht.xlsx")
    assert (tmp_path / "bericht.xlsx").read_bytes().startswith(b"PK")


def test_report_refusals_and_cancel(qtbot, window, tmp_path):
    bad = _report(qtbot, window, "2025-Q7", 0, tmp_path / "x.pdf")
    assert "kein Berichtszeitraum" in bad.outcome[1]
    nowhere = _report(qtbot, window, "2025-Q3", 0, tmp_path / "nope" / "x.pdf")
    assert "gibt es nicht" in nowhere.outcome[1]
    cancelled = _report(qtbot, window, "2025-Q3", 0, tmp_path / "c.pdf", cancel=True)
    assert cancelled.outcome == ("Abgebrochen.", "")
    assert not (tmp_path / "c.pdf").exists()
