"""The district window: board model (qtmodeltester), import flow with refusals, screenshots."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from app.district import desk as district
from app.errors import FallzahlError
from tests.support.district_world import Office, make_district, on_time
from tests.support.passphrases import FAST_KDF

pytestmark = pytest.mark.gui
NAMES = {"HZ-QLB-01": "Quedlinburg", "HZ-WR-02": "Wernigerode", "HZ-HBS-03": "Halberstadt"}
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def desk_world(tmp_path, monkeypatch):
    monkeypatch.setattr(district, "_now", lambda: on_time(2, 3))
    monkeypatch.setattr(district, "_today", lambda: on_time(2, 10).date())
    vault, desk = make_district(tmp_path / "desk", FAST_KDF)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    offices = []
    for i, oid in enumerate(("HZ-QLB-01", "HZ-WR-02", "HZ-HBS-03", "HZ-UNBEKANNT")):
        o = Office(tmp_path, oid, i, FAST_KDF, cases=60)
        o.export(1, inbox)
        if oid != "HZ-HBS-03":
            o.export(2, inbox)
        if oid != "HZ-UNBEKANNT":
            district.enrol(desk, oid, NAMES[oid], o.public_key)
        offices.append(o)
    yield desk, inbox
    for o in offices:
        o.close()
    desk.close()
    vault.close()


def test_board_model(qtmodeltester, qtbot, desk_world):
    from ui.district_window import DistrictWindow

    desk, inbox = desk_world
    win = DistrictWindow(desk)
    qtbot.addWidget(win)
    qtmodeltester.check(win.model)
    assert win.model.rowCount() == 3


def test_import_flow_and_screenshots(qtbot, desk_world):
    from ui.district_window import DistrictWindow

    desk, inbox = desk_world
    win = DistrictWindow(desk)
    qtbot.addWidget(win)
    win.resize(1100, 560)
    win.show()
    first = sorted(inbox.glob("*.fallzahl-package"))[:1]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in first])
    win.dropEvent(QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime,
                             Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))  # fmt: skip
    outcomes = win.import_paths([str(inbox)])
    accepted = [o for o in outcomes if o.accepted]
    refused = [o for o in outcomes if not o.accepted]
    assert len(accepted) == 4  # the dropped one is a replay now
    assert len(refused) == 3  # unknown office x2, replay x1
    texts = [win.results.item(i).text() for i in range(win.results.count())]
    assert any("nicht eingetragen" in t for t in texts)
    assert any("bereits" in t for t in texts)
    assert next(t for t in texts if "bereits" in t).startswith("ℹ")  # finding 12: no error
    assert all(t.count(".fallzahl-package") <= 1 for t in texts), texts  # the file named once
    model = win.model
    statuses = {
        model.index(r, 0).data().split()[0]: [
            model.index(r, c).data(Qt.ItemDataRole.UserRole) for c in range(1, model.columnCount())
        ]
        for r in range(model.rowCount())
    }
    # imported on 5 July: Q1 after its deadline (30 April), Q2 on time
    assert statuses["HZ-QLB-01"] == ["late", "received"]
    assert statuses["HZ-HBS-03"] == ["late", "missing"]
    target = win.export_report("2025-Q1", "xlsx", str(inbox / "b.xlsx"))
    assert target.stat().st_size > 1000
    if os.environ.get("FALLZAHL_SCREENSHOTS"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        win.year.setCurrentIndex(win.year.findData(2025))
        qtbot.wait(50)
        win.grab().save(str(SHOTS / "district_import.png"))
        win.results.clear()
        win.grab().save(str(SHOTS / "district_board.png"))
    win.clear()
    assert win.model.rowCount() == 0


def test_provisioning_file_from_the_district_desk(qtbot, desk_world, tmp_path, monkeypatch):
    import datetime as dt

    from PySide6.QtWidgets import QDialog

    from app.office import provision_setup
    from ui import dialogs
    from ui.district_window import DistrictWindow, ProvisionDialog

    desk, _inbox = desk_world
    win = DistrictWindow(desk)
    qtbot.addWidget(win)
    target = tmp_path / "out" / "neu.fallzahl-provisioning"
    target.parent.mkdir()

    def fill(dlg) -> int:
        qtbot.keyClicks(dlg.office_id, "HZ-THA-04")
        assert dlg.target.text().endswith("HZ-THA-04.fallzahl-provisioning")
        qtbot.keyClicks(dlg.office_name, "Beratungsstelle Thale")
        dlg.minutes.setValue(12)
        dialogs.answers.append(str(target))
        qtbot.mouseClick(_button(dlg, "Wählen"), Qt.MouseButton.LeftButton)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ProvisionDialog, "exec", fill)
    button = _button(win, "Bereitstellungsdatei erstellen")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert "gespeichert" in win.results.item(0).text()
    prov = provision_setup.read_provisioning(target, today=district._today())
    assert (prov.office_id, prov.office_name, prov.policy.auto_lock_minutes) == (
        "HZ-THA-04",
        "Beratungsstelle Thale",
        12,
    )
    # the demo district signs with the (shipped, trusted) demo key; its own recipient
    assert prov.recipients == (district.district_info(desk).age_recipient,)
    assert prov.expires == district._today() + dt.timedelta(days=90)
    # a bad office id is refused with app's message, nothing written
    bad = tmp_path / "bad.fallzahl-provisioning"
    with pytest.raises(FallzahlError):
        win.make_provisioning("x", "Name", 10, bad)
    assert not bad.exists()


def _button(parent, text: str):
    from PySide6.QtWidgets import QPushButton

    return next(
        b for b in parent.findChildren(QPushButton) if b.text().replace("&", "").startswith(text)
    )


def test_an_unenrolled_office_is_enrolled_from_its_refusal_line(qtbot, desk_world):
    """Issue 13, finding 12: enrol from the refusal, id and name filled in from the package;
    cancelling (the key id not yet compared by phone) enrols nothing."""
    from PySide6.QtWidgets import QDialog

    from ui.district_window import DistrictWindow

    desk, inbox = desk_world
    win = DistrictWindow(desk)
    qtbot.addWidget(win)
    win.show()
    unknown = sorted(inbox.glob("HZ-UNBEKANNT_*.fallzahl-package"))[:1]
    (outcome,) = win.import_paths([str(p) for p in unknown])
    assert not outcome.accepted
    line = win.results.item(0)
    assert "Stelle eintragen" in line.text()
    seen = []

    def fill_in(dialog):
        seen.append((dialog.office_id.text(), dialog.office_name.text()))
        return QDialog.DialogCode.Rejected

    win._exec = fill_in
    win.results.setCurrentItem(line)
    qtbot.keyClick(win.results, Qt.Key.Key_Return)
    assert seen and seen[0][0] == "HZ-UNBEKANNT" and seen[0][1]
    assert district.registry(desk).office("HZ-UNBEKANNT") is None
