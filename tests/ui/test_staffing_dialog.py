"""The lead records staff capacity in the Meldung menu's dialog, by keys and clicks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.office import staffing
from app.records.periods import parse_period
from tests.support.ui import make_office
from ui import dialogs
from ui.main_window import MainWindow
from ui.staffing_dialog import StaffingDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def office(tmp_path):
    vault, session = make_office(tmp_path / "vault", n_cases=10)
    yield vault, session
    if session.is_open:
        session.close()
    vault.close()


def type_value(qtbot, spin, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)


def test_record_from_the_menu_and_read_back(qtbot, office):
    _vault, session = office
    win = MainWindow(session)
    qtbot.addWidget(win)
    opened = []

    def run(dialog):
        opened.append(dialog)
        dialog.show()
        dialog.period_box.setCurrentIndex(dialog.period_box.findData("2025-Q1"))
        type_value(qtbot, dialog.spins["EB"], "1,5")
        type_value(qtbot, dialog.spins["SCHWANGER"], "0,75")
        save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        return dialog.result() == dialog.DialogCode.Accepted

    win._exec = run
    win.staffing_action.trigger()
    assert len(opened) == 1
    assert staffing.for_period(session, parse_period("2025-Q1")) == {"EB": 1.5, "SCHWANGER": 0.75}
    # opened again, the dialog shows what is stored
    dialog = StaffingDialog(session)
    qtbot.addWidget(dialog)
    dialog.period_box.setCurrentIndex(dialog.period_box.findData("2025-Q1"))
    assert dialog.spins["EB"].value() == 1.5 and dialog.spins["SCHULD"].value() == 0.0
    win.clear()


def test_a_refusal_is_shown_and_nothing_saved(qtbot, office, monkeypatch):
    _vault, session = office
    dialog = StaffingDialog(session)
    qtbot.addWidget(dialog)
    shown = []
    monkeypatch.setattr(dialogs, "error", lambda parent, exc, *a: shown.append(exc))
    # a counsellor may not record: the rule is app's, the dialog only shows its message
    monkeypatch.setattr(session, "role", "counsellor")
    dialog.spins["EB"].setValue(2.0)
    dialog.save()
    assert shown and "Leitung" in shown[0].message("de")
    assert dialog.saved is None
