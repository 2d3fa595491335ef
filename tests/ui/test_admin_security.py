"""Administration and the vault's protections, driven by clicks: removing a user rotates the
data key with progress in the window; a backup older than the removal needs the lead's yes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.vault.backup import make_backup
from tests.support.passphrases import PASS
from tests.ui.test_shell import (  # noqa: F401  (fixtures)
    controller,
    unlock_via_dialog,
    vault_with_key,
)
from ui import dialogs

pytestmark = pytest.mark.gui

STRONG = "Wolke Kaktus Treppe Geige"


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_removing_a_user_rotates_the_key_with_progress(qtbot, session):
    from ui.admin_dialog import AdminDialog

    session.add_user("CD", "counsellor", STRONG)
    epoch = session.lead_head.epoch
    admin = AdminDialog(session)
    qtbot.addWidget(admin)
    admin.show()
    assert admin.table.rowCount() == 2
    admin.table.selectRow(0)
    assert admin.selected_user() == "CD"
    dialogs.answers.append(True)  # "really remove?"
    click(qtbot, admin.remove_button)
    assert admin.task is not None and admin.task.progress is not None  # the progress dialog
    qtbot.waitUntil(lambda: admin.task is None, timeout=20_000)
    assert admin.table.rowCount() == 1
    assert session.lead_head.epoch == epoch + 1
    assert "CD" in dialogs.shown[-1][1] and dialogs.shown[-1][0] == "info"
    assert session.check() == []


def test_a_backup_older_than_a_removal_needs_the_leads_yes(qtbot, controller, tmp_path):  # noqa: F811
    controller.start()
    unlock_via_dialog(qtbot, controller)
    controller.idle.stop()
    controller.session.add_user("CD", "counsellor", STRONG)
    saved = make_backup(controller.session, tmp_path / "vorher.fzbak")
    controller.session.remove_user("CD")

    def restore(answer: bool) -> None:
        controller.window.admin_requested.emit()
        admin = controller.admin
        dialogs.answers.append(str(saved))
        click(qtbot, admin.restore_button)
        confirm = admin.child
        qtbot.keyClicks(confirm.secret, PASS)
        dialogs.answers.append(answer)  # "restore anyway?"
        with qtbot.waitSignal(controller.locked, raising=False, timeout=100):
            click(qtbot, confirm.buttons.button(QDialogButtonBox.StandardButton.Ok))
        qtbot.waitUntil(
            lambda: controller.task is None and controller.unlock_dialog is not None,
            timeout=20_000,
        )

    restore(False)
    kind, text = dialogs.shown[-1]
    assert kind == "error" and "älter als die letzte Entfernung" in text
    users = [
        controller.unlock_dialog.users.itemData(i)
        for i in range(controller.unlock_dialog.users.count())
    ]
    assert users == ["leitung"]  # refused: CD stays removed

    unlock_via_dialog(qtbot, controller)
    controller.idle.stop()
    restore(True)
    assert "wiederhergestellt" in dialogs.shown[-1][1]
    users = [
        controller.unlock_dialog.users.itemData(i)
        for i in range(controller.unlock_dialog.users.count())
    ]
    assert users == ["CD", "leitung"]  # the lead chose to bring the old state back


def test_unlock_names_lead_state_changed_without_a_lead(qtbot, vault_with_key):  # noqa: F811
    """A counsellor's forged policy (sealed with the data key she holds): the window names
    it and opens nothing."""
    import sqlite3

    from app.vault import store
    from app.vault.vault import Vault
    from ui.unlock_dialog import UnlockDialog

    folder, _recovery = vault_with_key
    vault = Vault(folder)
    lead = vault.unlock("leitung", PASS)
    lead.add_user("anna", "counsellor", STRONG)
    lead.close()
    anna = vault.unlock("anna", STRONG)
    with anna.store.transaction():
        anna._put_setting("policy", b'{"auto_lock_minutes": 240}')  # program checks bypassed
    anna.close()
    vault.close()
    conn = sqlite3.connect(folder / store.DB_NAME)
    assert conn.execute("SELECT count(*) FROM settings WHERE id='policy'").fetchone()[0] == 1
    conn.close()

    vault = Vault(folder)
    dialog = UnlockDialog(vault)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.users.setCurrentIndex(dialog.users.findData("leitung"))
    qtbot.keyClicks(dialog.passphrase, PASS)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.task is None and dialog.message.isVisible(), timeout=10_000)
    assert "ohne Leitung verändert" in dialog.message.text()
    assert dialog.session is None
    vault.close()
