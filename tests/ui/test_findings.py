"""Findings 11-14 of issue 13, each checked on the window a person sees."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QKeySequence

from tests.support.records import contact
from tests.support.ui import make_case
from ui import i18n

pytestmark = pytest.mark.gui


def test_one_case_is_one_fall(qtbot, session, answers):
    from ui.main_window import MainWindow

    make_case(session, "2026-0001")
    window = MainWindow(session)
    qtbot.addWidget(window)
    assert window.count_label.text() == "1 Fall"


def test_report_defaults_to_the_latest_quarter_with_contacts(qtbot, session, answers):
    from ui.report_dialog import ReportDialog

    case = make_case(session, "2026-0001", opened=dt.date(2026, 10, 2))
    session.save_contact(contact(case.id, date=dt.date(2026, 11, 5), counsellor=session.user))
    dialog = ReportDialog(session, today=dt.date(2026, 12, 1))
    qtbot.addWidget(dialog)
    assert dialog.period_box.currentText() == "2026-Q4"


def test_categories_say_why_planning_needs_it_in_english(qtbot, session):
    from ui.help_dialog import CategoriesDialog

    i18n.install("en")
    dialog = CategoriesDialog(session.scheme)
    qtbot.addWidget(dialog)
    dialog.select("contact_form")
    assert "Why planning needs this:" in dialog.text.toMarkdown()
    assert "Wofür" not in dialog.text.toMarkdown()


def test_window_titles_do_not_repeat_the_program_name(qtbot, tmp_path, answers):
    from app.vault.vault import Vault
    from tests.support.district_world import make_district
    from tests.support.passphrases import FAST_KDF
    from tests.support.ui import make_office
    from ui.district_window import DistrictWindow
    from ui.unlock_dialog import UnlockDialog

    vault, desk = make_district(tmp_path / "desk", FAST_KDF)
    window = DistrictWindow(desk)
    qtbot.addWidget(window)
    office_vault, office = make_office(tmp_path / "office", n_cases=0)
    office.close()
    office_vault.close()
    other = Vault(tmp_path / "office")
    unlock = UnlockDialog(other)
    qtbot.addWidget(unlock)
    titles = [window.windowTitle(), unlock.windowTitle()]
    assert not [t for t in titles if "Fallzahl" in t]  # Qt appends " — Fallzahl" itself
    other.close()
    desk.close()
    vault.close()


def test_district_desk_has_the_office_windows_keys(qtbot, tmp_path, answers):
    from tests.support.district_world import make_district
    from tests.support.passphrases import FAST_KDF
    from ui.district_window import DistrictWindow

    vault, desk = make_district(tmp_path / "desk", FAST_KDF)
    window = DistrictWindow(desk)
    qtbot.addWidget(window)
    keys = {a.shortcut().toString() for m in window.menuBar().actions() for a in m.menu().actions()}
    assert {
        "Ctrl+Q",
        "Ctrl+L",
        QKeySequence(QKeySequence.StandardKey.HelpContents).toString(),
    } <= keys
    with qtbot.waitSignal(window.lock_requested):
        next(a for m in window.menuBar().actions() for a in m.menu().actions()
             if a.shortcut().toString() == "Ctrl+L").trigger()  # fmt: skip
    desk.close()
    vault.close()


def test_unlock_dialog_grows_for_a_wrong_passphrase_message(qtbot, tmp_path):
    from app.vault.vault import Vault
    from tests.support.ui import make_office
    from ui.unlock_dialog import UnlockDialog

    office_vault, office = make_office(tmp_path / "office", n_cases=0)
    office.close()
    office_vault.close()
    vault = Vault(tmp_path / "office")
    dialog = UnlockDialog(vault)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    field_height = dialog.passphrase.height()
    dialog.show_error("Die Passphrase für leitung ist falsch. " * 4)
    qtbot.wait(10)
    assert dialog.passphrase.height() >= field_height  # finding 8: once squashed
    assert dialog.height() >= dialog.heightForWidth(dialog.width())
    vault.close()
