"""The close-period and export dialogs, driven with keys and clicks (pytest-qt)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.exchange import package
from app.office import export, period_close
from app.records.periods import parse_period
from tests.support.packages import IDENTITY, make_office

pytestmark = pytest.mark.gui
DOC_SHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


@pytest.fixture
def shots(tmp_path):
    """docs/screenshots with FALLZAHL_SCREENSHOTS=1 (to refresh them), else a temporary folder."""
    folder = DOC_SHOTS if os.environ.get("FALLZAHL_SCREENSHOTS") == "1" else tmp_path / "shots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def office(tmp_path):
    vault, session = make_office(tmp_path / "vault", n_cases=60)
    yield session
    if session.is_open:
        session.close()
    vault.close()


def test_close_period_dialog(qtbot, office, shots, monkeypatch):
    from ui.close_period_dialog import ClosePeriodDialog

    dialog = ClosePeriodDialog(office, today=dt.date(2025, 5, 10))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.period_box.currentText() == "2025-Q1"
    assert dialog.blocking  # the demo year has incomplete cases
    assert dialog.tree.topLevelItemCount() == 2
    assert not dialog.close_period_button.isEnabled()
    qtbot.keyClicks(dialog.reason_edit, "Nacherfassung in Q2")
    assert dialog.close_period_button.isEnabled()
    dialog.grab().save(str(shots / "close_period.png"))
    asked = []
    monkeypatch.setattr(
        "ui.dialogs.question", lambda parent, text, *a, **k: asked.append(text) or len(asked) > 1
    )
    qtbot.mouseClick(dialog.close_period_button, Qt.LeftButton)  # asked first (finding 10)
    assert not period_close.is_closed(office, parse_period("2025-Q1"))
    assert "2025-Q1" in asked[0] and "Nacherfassung in Q2" in asked[0]
    assert f"{len(dialog.blocking)} blockierende Punkte" in asked[0]
    qtbot.mouseClick(dialog.close_period_button, Qt.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert period_close.is_closed(office, parse_period("2025-Q1"))
    entry = period_close.closed_entry(office, parse_period("2025-Q1"))
    assert entry.accepted_reason == "Nacherfassung in Q2"


def test_close_period_dialog_already_closed_and_bad_period(qtbot, office):
    from ui.close_period_dialog import ClosePeriodDialog

    period_close.close_period(office, parse_period("2025-Q1"), accepted_reason="x")
    dialog = ClosePeriodDialog(office, today=dt.date(2025, 5, 10))
    qtbot.addWidget(dialog)
    assert "bereits abgeschlossen" in dialog.state_label.text()
    assert not dialog.close_period_button.isEnabled()
    dialog.period_box.setEditText("")
    qtbot.keyClicks(dialog.period_box.lineEdit(), "2025-Q9")
    assert "kein Berichtszeitraum" in dialog.error_label.text()
    assert not dialog.close_period_button.isEnabled()


def test_export_dialog(qtbot, qtmodeltester, office, tmp_path, shots):
    from ui.export_dialog import ExportDialog

    period_close.close_period(office, parse_period("2025-Q1"), accepted_reason="x")
    dialog = ExportDialog(office)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.period_box.currentText() == "2025-Q1"
    qtmodeltester.check(dialog.model)
    preview = export.preview_tally(office, parse_period("2025-Q1"))
    assert dialog.model.rowCount() == len(preview.rows)
    total = next(i for i, r in enumerate(preview.rows) if r.measure == "contacts" and not r.dims)
    assert dialog.model.index(total, 2).data() == str(preview.rows[total].value)
    dialog.grab().save(str(shots / "export.png"))
    assert dialog.next_button.isDefault() and not dialog.close_button.isDefault()  # finding 11
    qtbot.mouseClick(dialog.next_button, Qt.LeftButton)
    assert dialog.export_button.isDefault()
    assert dialog.pages.currentIndex() == 1
    dialog.folder_edit.clear()
    qtbot.keyClicks(dialog.folder_edit, str(tmp_path / "nowhere"))
    qtbot.mouseClick(dialog.export_button, Qt.LeftButton)
    assert "gibt es nicht" in dialog.error_label.text()
    dialog.folder_edit.clear()
    qtbot.keyClicks(dialog.folder_edit, str(tmp_path))
    qtbot.mouseClick(dialog.export_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None)  # built in a worker (ui/worker.py)
    assert dialog.pages.currentIndex() == 2
    path = Path(dialog.path_edit.text())
    assert path.exists() and dialog.sha_edit.text() == dialog.result_sha256
    dialog.grab().save(str(shots / "export_done.png"))
    pub, kid = __import__("app.office.keys", fromlist=["x"]).office_public_key(office)
    verified = package.open_package(path.read_bytes(), [IDENTITY.read_text()], {kid: pub})
    assert verified.tally.rows == preview.rows


def test_export_dialog_without_closed_period(qtbot, office):
    from ui.export_dialog import ExportDialog

    dialog = ExportDialog(office)
    qtbot.addWidget(dialog)
    assert dialog.period_box.count() == 0
    assert not dialog.next_button.isEnabled()
    assert "noch kein Zeitraum" in dialog.summary.text()


def test_closing_a_running_period_says_so(qtbot, office, monkeypatch):
    from ui.close_period_dialog import ClosePeriodDialog

    dialog = ClosePeriodDialog(office, today=dt.date(2025, 3, 20))
    qtbot.addWidget(dialog)
    dialog.period_box.setCurrentText("2025-Q1")
    text = dialog.confirmation(parse_period("2025-Q1"))
    assert "läuft noch bis zum 31.03.2025" in text


def test_blocking_points_are_shown_whole(qtbot, office):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFontMetrics

    from ui.close_period_dialog import ClosePeriodDialog

    dialog = ClosePeriodDialog(office, today=dt.date(2025, 5, 10))
    qtbot.addWidget(dialog)
    dialog.resize(640, 480)
    dialog.show()
    qtbot.waitExposed(dialog)
    tree = dialog.tree
    tree.doItemsLayout()
    top = tree.topLevelItem(0)
    width = tree.columnWidth(0) - tree.indentation() * 2 - 40
    for i in range(min(top.childCount(), 10)):
        item = top.child(i)
        needed = QFontMetrics(tree.font()).boundingRect(
            QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, item.text(0)
        )
        assert tree.visualItemRect(item).height() >= needed.height(), item.text(0)
