"""Key rotation in the window: the office's "Schlüssel wechseln…" and the district's
"Schlüssel der Stellen" dialog (model checked by qtmodeltester, rotation read in from a
file, a key revoked), answers through the ui.dialogs queue."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.crypto import signing
from app.district import desk as district
from app.errors import EnrolmentRefused
from app.office import keys as office_keys
from tests.support.district_world import PASS, Office, make_district
from tests.support.passphrases import FAST_KDF
from ui import dialogs

pytestmark = pytest.mark.gui
NAMES = {"HZ-QLB-01": "Quedlinburg", "HZ-WR-02": "Wernigerode", "HZ-HBS-03": "Halberstadt"}
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _button(parent, text: str) -> QPushButton:
    return next(
        b for b in parent.findChildren(QPushButton) if b.text().replace("&", "").startswith(text)
    )


def _click(qtbot, button: QPushButton) -> None:
    assert button.isEnabled() and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


ENROLLED_ON, ROTATED_ON, REVOKED_ON = (
    dt.date(2025, 4, 10),
    dt.date(2025, 6, 2),
    dt.date(2025, 6, 20),
)
TODAY = [ENROLLED_ON]


@pytest.fixture
def world(tmp_path, monkeypatch):
    TODAY[0] = ENROLLED_ON
    monkeypatch.setattr(district, "_today", lambda: TODAY[0])
    vault, desk = make_district(tmp_path / "desk", FAST_KDF)
    offices = {}
    for i, oid in enumerate(NAMES):
        offices[oid] = Office(tmp_path, oid, i, FAST_KDF, cases=10)
        district.enrol(desk, oid, NAMES[oid], offices[oid].public_key)
    yield desk, offices, tmp_path
    for o in offices.values():
        o.close()
    desk.close()
    vault.close()


def _row(model, office_id: str) -> int:
    return next(r for r in range(model.rowCount()) if model.office(r).office_id == office_id)


def test_office_keys_dialog_rotate_and_revoke(qtbot, qtmodeltester, world, monkeypatch):
    from ui.office_keys_dialog import CURRENT, ENROLLED, HISTORY, OFFICE, OfficeKeysDialog

    desk, offices, tmp_path = world
    qlb = offices["HZ-QLB-01"]
    old_kid = signing.key_id(qlb.public_key)
    kid, statement, _sig = office_keys.rotate_to(qlb.session, tmp_path)

    dlg = OfficeKeysDialog(desk)
    qtbot.addWidget(dlg)
    dlg.show()
    model = dlg.model
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    row = _row(model, "HZ-QLB-01")
    assert model.index(row, OFFICE).data() == "HZ-QLB-01  Quedlinburg"
    assert model.index(row, CURRENT).data() == old_kid
    assert model.index(row, ENROLLED).data() == "10.04.2025"
    assert model.headerData(HISTORY, Qt.Orientation.Horizontal) == "Schlüsselverlauf"
    # nothing chosen: nothing to do
    assert not dlg.rotate_button.isEnabled() and not dlg.revoke_button.isEnabled()

    # the file chooser cancelled: nothing changes
    dlg.table.selectRow(row)
    _click(qtbot, dlg.rotate_button)
    assert model.index(row, CURRENT).data() == old_kid

    # the statement read in
    TODAY[0] = ROTATED_ON
    dialogs.answers.append(str(statement))
    _click(qtbot, dlg.rotate_button)
    row = _row(model, "HZ-QLB-01")
    assert model.index(row, CURRENT).data() == kid
    history = model.index(row, HISTORY).data()
    assert f"{old_kid}: eingetragen am 10.04.2025, ersetzt am 02.06.2025" in history
    assert f"{kid}: gewechselt am 02.06.2025, aktuell" in history
    assert kid in dlg.status_label.text() and dialogs.shown[-1][0] == "info"
    assert dlg.selected().office_id == "HZ-QLB-01"  # the choice survives the refresh

    # the same statement again: refused, shown, nothing changes
    dialogs.answers.append(str(statement))
    _click(qtbot, dlg.rotate_button)
    kind, text = dialogs.shown[-1]
    assert kind == "error" and "bereits" in text and "bereits" in dlg.status_label.text()
    assert model.index(row, CURRENT).data() == kid
    # a statement for this office read in for another one: refused
    dlg.table.selectRow(_row(model, "HZ-HBS-03"))
    second = office_keys.rotate_to(qlb.session, tmp_path)[1]
    dialogs.answers.append(str(second))
    _click(qtbot, dlg.rotate_button)
    kind, text = dialogs.shown[-1]
    assert kind == "error" and "aktuelle Schlüssel der Beratungsstelle HZ-HBS-03" in text

    # revoking: asked first; "no" changes nothing
    wr = _row(model, "HZ-WR-02")
    wr_kid = model.index(wr, CURRENT).data()
    dlg.table.selectRow(wr)
    dialogs.answers.append(False)
    _click(qtbot, dlg.revoke_button)
    assert wr_kid in dialogs.shown[-1][1] and dialogs.shown[-1][0] == "question"
    assert model.index(wr, CURRENT).data() == wr_kid
    TODAY[0] = REVOKED_ON
    dialogs.answers.append(True)
    _click(qtbot, dlg.revoke_button)
    assert model.index(wr, CURRENT).data() == "– keiner –"
    assert model.index(wr, CURRENT).data(Qt.ItemDataRole.ToolTipRole)
    assert f"{wr_kid}: eingetragen am" in model.index(wr, HISTORY).data()
    assert "widerrufen am 20.06.2025" in model.index(wr, HISTORY).data()
    assert not dlg.revoke_button.isEnabled() and "widerrufen" in dlg.status_label.text()
    assert district.registry(desk).office("HZ-WR-02").active_key is None
    qtmodeltester.check(model)

    if os.environ.get("FALLZAHL_SCREENSHOTS"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        dlg.table.selectRow(_row(model, "HZ-QLB-01"))
        dlg.status_label.setText(
            f"Schlüsselwechsel von HZ-QLB-01 angenommen. Neuer Schlüssel: {kid}. Meldungen "
            "mit dem alten Schlüssel werden ab jetzt abgelehnt."
        )
        qtbot.wait(50)
        dlg.grab().save(str(SHOTS / "district_office_keys.png"))
    dlg.close()


def test_office_keys_dialog_in_english(qtbot, world):
    from app import lang
    from ui import i18n
    from ui.office_keys_dialog import CURRENT, ENROLLED, OfficeKeysDialog

    desk, _offices, _tmp = world
    i18n.install("en")
    lang.set_language("en")
    dlg = OfficeKeysDialog(desk)
    qtbot.addWidget(dlg)
    assert dlg.windowTitle() == "Office keys"
    assert dlg.model.headerData(CURRENT, Qt.Orientation.Horizontal) == "Current key"
    assert dlg.model.index(0, ENROLLED).data() == "2025-04-10"
    assert "enrolled on" in dlg.model.history(dlg.model.office(0))
    assert _button(dlg, "Revoke key")


def test_district_window_opens_the_office_keys(qtbot, world):
    from ui.district_window import DistrictWindow

    desk, _offices, _tmp = world
    win = DistrictWindow(desk)
    qtbot.addWidget(win)
    win.show()
    _click(qtbot, _button(win, "Schlüssel der Stellen"))
    dlg = win.keys_dialog
    assert dlg.isVisible() and dlg.model.rowCount() == 3
    _click(qtbot, dlg.close_button)
    assert not dlg.isVisible()


def test_office_rotates_its_key_in_the_key_dialog(qtbot, world):
    from ui.office_key_dialog import OfficeKeyDialog

    _desk, offices, tmp_path = world
    office = offices["HZ-QLB-01"]
    old_kid = signing.key_id(office.public_key)
    dlg = OfficeKeyDialog(office.session)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.key_id_label.text() == old_kid
    # asked first; "no", a cancelled folder choice and a missing folder change nothing
    dialogs.answers.append(False)
    _click(qtbot, dlg.rotate_button)
    kind, text = dialogs.shown[-1]
    assert kind == "question" and old_kid in text and "Landkreis" in text
    dialogs.answers.extend([True, ""])
    _click(qtbot, dlg.rotate_button)
    dialogs.answers.extend([True, str(tmp_path / "nowhere")])
    _click(qtbot, dlg.rotate_button)
    assert dialogs.shown[-1][0] == "error" and "existiert nicht" in dialogs.shown[-1][1]
    assert dlg.key_id_label.text() == old_kid and office_keys.rotations(office.session) == []

    folder = tmp_path / "for-district"
    folder.mkdir()
    dialogs.answers.extend([True, str(folder)])
    _click(qtbot, dlg.rotate_button)
    kid = signing.key_id(office.public_key)
    assert kid != old_kid and dlg.key_id_label.text() == kid
    assert kid in dlg.status_label.text() and kid in dlg.text_view.toPlainText()
    files = sorted(p.name for p in folder.iterdir())
    assert files == [
        f"HZ-QLB-01_key-rotation_{kid}.txt",
        f"HZ-QLB-01_key-rotation_{kid}.txt.minisig",
    ]
    assert dialogs.shown[-1][0] == "info" and str(folder) in dialogs.shown[-1][1]


def test_counsellor_sees_no_rotate_button(qtbot, world):
    from ui.office_key_dialog import OfficeKeyDialog

    _desk, offices, _tmp = world
    office = offices["HZ-WR-02"]
    office.session.add_user("berater", "counsellor", PASS)
    office.session.close()
    office.session = office.vault.unlock("berater", PASS)
    dlg = OfficeKeyDialog(office.session)
    qtbot.addWidget(dlg)
    dlg.show()
    assert not dlg.rotate_button.isVisible()
    assert dlg.key_id_label.text() == signing.key_id(office.public_key)


def test_the_key_dialog_saves_the_file_the_district_enrols(qtbot, world):
    """Issue 13, finding 12: the office's key dialog saves the key to a file; the district
    enrols exactly that file."""
    from ui.office_key_dialog import OfficeKeyDialog

    desk, offices, tmp_path = world
    office = offices["HZ-QLB-01"]
    dlg = OfficeKeyDialog(office.session)
    qtbot.addWidget(dlg)
    dlg.show()
    dialogs.answers.append("")  # cancelled: nothing written
    _click(qtbot, dlg.save_button)
    dialogs.answers.append(str(tmp_path / "nowhere" / "HZ-QLB-01.pub"))
    _click(qtbot, dlg.save_button)
    assert dialogs.shown[-1][0] == "error"
    target = tmp_path / "HZ-QLB-01.pub"
    dialogs.answers.append(str(target))
    _click(qtbot, dlg.save_button)
    assert target.read_bytes() == office.public_key
    assert "HZ-QLB-01.pub" in dlg.status_label.text()
    # the district reads it as this office's enrolled key (and refuses it for another office)
    with pytest.raises(EnrolmentRefused, match="HZ-QLB-01"):
        district.enrol(desk, "HZ-QLB-99", "Neue Stelle", target.read_bytes())
