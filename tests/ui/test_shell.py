"""The application shell: first run, unlock, recovery reset, locking, administration."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWizard

from app.crypto import kdf as keys
from app.errors import VaultLocked
from app.office import info as office
from app.vault.vault import Vault
from tests.support.passphrases import FAST_KDF, PASS
from tests.support.ui import StandInWindow
from ui import dialogs

pytestmark = pytest.mark.gui

STRONG = "Wolke Kaktus Treppe Geige"


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def inline_messages() -> list[str]:
    return [text for kind, text in dialogs.shown if kind == "inline"]


@pytest.fixture
def vault_with_key(vault_dir):
    vault, recovery = Vault.create(vault_dir, user="leitung", passphrase=PASS, kdf=FAST_KDF)
    vault.close()
    return vault_dir, recovery


# first run
def test_wizard_creates_office_vault_end_to_end(qtbot, vault_dir, tmp_path):
    from ui.passphrase import score_words
    from ui.wizard import SetupWizard

    wizard = SetupWizard(vault_dir)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.currentPage() is wizard.kind_page and wizard.kind_page.office.isChecked()
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    page = wizard.office_page
    assert wizard.currentPage() is page
    qtbot.keyClicks(page.office_id, "x")  # too short
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentPage() is page
    assert "Kennung" in page.message.text()
    page.office_id.clear()
    qtbot.keyClicks(page.office_id, "HZ-QLB-01")
    qtbot.keyClicks(page.office_name, "Beratungsstelle Quedlinburg")
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))

    lead = wizard.lead_page
    assert wizard.currentPage() is lead
    qtbot.keyClicks(lead.user, "AB")
    qtbot.keyClicks(lead.fields.first, "passwort1")
    qtbot.keyClicks(lead.fields.second, "passwort1")
    assert lead.fields.bar.value() < 2
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
    assert "zu leicht zu erraten" in lead.message.text()
    assert lead.task is None and not (vault_dir / "vault.db").exists()

    lead.fields.clear()
    qtbot.keyClicks(lead.fields.first, STRONG)
    qtbot.keyClicks(lead.fields.second, STRONG + "x")
    assert lead.fields.bar.value() >= 3
    assert lead.fields.words.text() in score_words()  # beside "Stärke:", not "Stärke:" twice
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
    assert "stimmen nicht überein" in lead.message.text()

    lead.fields.second.clear()
    qtbot.keyClicks(lead.fields.second, STRONG)
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=10_000)
    recovery = wizard.recovery
    assert keys.normalize_recovery_key(recovery) == recovery
    shown = [label.text() for label in wizard.recovery_page.group_labels]
    assert "-".join(shown) == recovery
    assert (
        not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
        or not wizard.button(QWizard.WizardButton.BackButton).isVisible()
    )

    pdf = tmp_path / "schluessel.pdf"
    dialogs.answers.append(str(pdf))
    click(qtbot, wizard.recovery_page.pdf_button)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob(".schluessel.pdf.*"))  # temp file renamed away

    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    confirm = wizard.confirm_page
    assert wizard.currentPage() is confirm
    a, b = wizard.confirm_groups
    groups = recovery.split("-")
    qtbot.keyClicks(confirm.first, groups[a - 1])
    qtbot.keyClicks(confirm.second, groups[(b % 8)])  # the wrong group
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    assert wizard.isVisible()
    assert f"Gruppe {b} stimmt nicht" in confirm.message.text()  # only the wrong one (finding 9)
    assert f"Gruppe {a} " not in confirm.message.text()
    confirm.second.clear()
    qtbot.keyClicks(confirm.second, groups[b - 1].lower())
    with qtbot.waitSignal(wizard.accepted):
        click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    assert wizard.user == "AB"
    assert wizard.recovery == ""  # forgotten with the wizard

    vault = Vault(vault_dir)
    session = vault.unlock("AB", STRONG)
    try:
        assert session.is_lead
        assert office.office_info(session).office_id == "HZ-QLB-01"
    finally:
        session.close()
        vault.close()


# unlock
def test_unlock_wrong_then_right_passphrase(qtbot, vault_with_key):
    from ui.unlock_dialog import UnlockDialog

    folder, _recovery = vault_with_key
    vault = Vault(folder)
    dialog = UnlockDialog(vault)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.users.currentText() == "leitung"
    qtbot.keyClicks(dialog.passphrase, "falsch-falsch")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.task is None and dialog.message.isVisible())
    assert "falsch" in dialog.message.text()
    assert dialog.passphrase.text() == ""
    assert dialog.session is None

    qtbot.keyClicks(dialog.passphrase, PASS)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.session.user == "leitung"
    dialog.session.close()
    vault.close()


def test_an_older_vault_file_is_named_in_the_unlock_dialog(qtbot, vault_with_key, tmp_path):
    """vault.db replaced by an older copy: the rollback witness names it (issue 12)."""
    import shutil

    from app.vault import store
    from ui.unlock_dialog import UnlockDialog

    def work(note: str) -> None:
        vault = Vault(folder)
        session = vault.unlock("leitung", PASS)
        session.audit("note", note)
        session.close()
        vault.close()

    folder, _recovery = vault_with_key
    work("the first day")
    old = tmp_path / "old.db"
    shutil.copyfile(folder / store.DB_NAME, old)
    work("the second day")
    shutil.copyfile(old, folder / store.DB_NAME)
    vault = Vault(folder)
    dialog = UnlockDialog(vault)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, PASS)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.task is None and dialog.message.isVisible())
    assert "ältere Kopie" in dialog.message.text() and "restore" in dialog.message.text()
    assert dialog.session is None
    vault.close()


def test_second_writer_sees_who_holds_the_vault(qtbot, session, vault_dir, monkeypatch):
    from ui import main as ui_main

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main() installs the crash hook
    assert ui_main.main(["--vault", str(vault_dir), "--lang", "de"]) == 1
    kind, text = dialogs.shown[-1]
    assert kind == "error" and "bereits geöffnet: von leitung" in text

    # The writer holds the file itself: a second opener is refused before any unlock
    # dialog, and never reads (or checkpoints) the writer's WAL.
    with pytest.raises(VaultLocked) as err:
        Vault(vault_dir)
    assert "bereits geöffnet" in err.value.message()


def test_reset_with_recovery_key_refuses_typo_before_kdf(qtbot, vault_with_key, monkeypatch):
    from ui.unlock_dialog import UnlockDialog

    folder, recovery = vault_with_key
    vault = Vault(folder)
    dialog = UnlockDialog(vault)
    qtbot.addWidget(dialog)
    dialog.show()
    click(qtbot, dialog.forgot_button)
    reset = dialog.recovery
    assert reset is not None and reset.isVisible()

    derived = []
    real_derive = keys.derive
    monkeypatch.setattr(keys, "derive", lambda *a: derived.append(1) or real_derive(*a))
    typo = ("3" if recovery[0] != "3" else "4") + recovery[1:]
    qtbot.keyClicks(reset.key, typo)
    qtbot.keyClicks(reset.fields.first, STRONG)
    qtbot.keyClicks(reset.fields.second, STRONG)
    click(qtbot, reset.ok_button)
    assert "Tippfehler" in reset.message.text()
    assert reset.task is None and derived == []

    reset.key.clear()
    qtbot.keyClicks(reset.key, recovery.replace("-", " ").lower())
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        click(qtbot, reset.ok_button)
    assert dialog.session.user == "leitung"
    dialog.session.close()
    session = vault.unlock("leitung", STRONG)
    session.close()
    vault.close()


# locking
@pytest.fixture
def controller(vault_with_key, min_scheme):
    from ui.controller import Controller

    def window(session):
        session.scheme = min_scheme
        return StandInWindow(session)

    folder, _recovery = vault_with_key
    ctl = Controller(folder, idle_msec=300, window_factory=window)
    yield ctl
    ctl.shutdown()


def unlock_via_dialog(qtbot, ctl) -> None:
    qtbot.waitUntil(lambda: ctl.unlock_dialog is not None and ctl.unlock_dialog.isVisible())
    qtbot.keyClicks(ctl.unlock_dialog.passphrase, PASS)
    with qtbot.waitSignal(ctl.unlocked, timeout=10_000):
        qtbot.keyClick(ctl.unlock_dialog.passphrase, Qt.Key.Key_Return)


def test_auto_lock_after_idle_clears_and_returns_to_unlock(qtbot, controller):
    controller.start()
    unlock_via_dialog(qtbot, controller)
    window, session = controller.window, controller.session
    assert window.isVisible() and session.is_open
    with qtbot.waitSignal(controller.locked, timeout=5_000):
        pass
    assert window.cleared
    assert not session.is_open
    assert controller.window is None and controller.session is None
    assert controller.unlock_dialog is not None and controller.unlock_dialog.isVisible()
    # the lock is released: unlocking again works
    unlock_via_dialog(qtbot, controller)


def test_activity_postpones_auto_lock_and_lock_request_locks(qtbot, controller):
    controller.start()
    unlock_via_dialog(qtbot, controller)
    window = controller.window
    for _ in range(4):
        qtbot.wait(150)
        qtbot.keyClick(window, Qt.Key.Key_Shift)
    assert controller.window is window  # input kept it open beyond the 300 ms
    window.lock_requested.emit()
    assert controller.window is None and window.cleared
    assert controller.unlock_dialog.isVisible()


def test_counsellor_is_told_administration_is_for_leads(qtbot, controller, min_scheme):
    controller.start()
    unlock_via_dialog(qtbot, controller)
    controller.session.add_user("berater", "counsellor", STRONG)
    controller.lock()
    controller.unlock_dialog.users.setCurrentIndex(
        controller.unlock_dialog.users.findData("berater")
    )
    qtbot.keyClicks(controller.unlock_dialog.passphrase, STRONG)
    with qtbot.waitSignal(controller.unlocked, timeout=10_000):
        qtbot.keyClick(controller.unlock_dialog.passphrase, Qt.Key.Key_Return)
    controller.window.admin_requested.emit()
    assert controller.admin is None
    assert "der Leitung vorbehalten" in dialogs.shown[-1][1]


# administration
def test_admin_adds_user_and_changes_auto_lock(qtbot, session, tmp_path):
    from ui.admin_dialog import AdminDialog

    admin = AdminDialog(session)
    qtbot.addWidget(admin)
    admin.show()
    assert admin.table.rowCount() == 1
    click(qtbot, admin.add_button)
    add = admin.child
    qtbot.keyClicks(add.name, "CD")
    add.role.setCurrentIndex(add.role.findData("counsellor"))
    qtbot.keyClicks(add.fields.first, STRONG)
    qtbot.keyClicks(add.fields.second, STRONG)
    click(qtbot, add.buttons.button(QDialogButtonBox.StandardButton.Ok))
    qtbot.waitUntil(lambda: admin.table.rowCount() == 2, timeout=10_000)
    assert admin.table.item(0, 0).text() == "CD"
    assert admin.table.item(0, 1).text() == "Berater*in"

    admin.tabs.setCurrentIndex(1)
    with qtbot.waitSignal(admin.policy_changed) as changed:
        admin.auto_lock.selectAll()
        qtbot.keyClicks(admin.auto_lock, "25")
        click(qtbot, admin.policy_save)
    assert changed.args == [25]
    assert office.policy(session).auto_lock_minutes == 25

    admin.tabs.setCurrentIndex(2)
    target = tmp_path / "sicherung.fzbak"
    dialogs.answers.append(str(target))
    click(qtbot, admin.backup_button)
    qtbot.waitUntil(lambda: admin.task is None and target.exists(), timeout=10_000)
    assert str(target) in admin.backup_result.text()


def test_restore_from_admin_locks_restores_and_unlocks(qtbot, controller, tmp_path):
    controller.start()
    unlock_via_dialog(qtbot, controller)
    controller.idle.stop()
    from app.vault.backup import make_backup

    saved = make_backup(controller.session, tmp_path / "vorher.fzbak")
    controller.session.add_user("spaeter", "counsellor", STRONG)
    controller.window.admin_requested.emit()
    admin = controller.admin
    dialogs.answers.append(str(saved))
    click(qtbot, admin.restore_button)
    confirm = admin.child
    qtbot.keyClicks(confirm.secret, PASS)
    with qtbot.waitSignal(controller.locked, raising=False, timeout=100):
        click(qtbot, confirm.buttons.button(QDialogButtonBox.StandardButton.Ok))
    qtbot.waitUntil(
        lambda: controller.task is None and controller.unlock_dialog is not None, timeout=10_000
    )
    assert "wiederhergestellt" in dialogs.shown[-1][1]
    users = [
        controller.unlock_dialog.users.itemData(i)
        for i in range(controller.unlock_dialog.users.count())
    ]
    assert users == ["leitung"]


# language and crashes
def test_english_translation_loads(qtbot, vault_with_key):
    from ui import i18n
    from ui.unlock_dialog import UnlockDialog

    folder, _ = vault_with_key
    vault = Vault(folder)
    dialog = UnlockDialog(vault)
    qtbot.addWidget(dialog)
    assert dialog.unlock_button.text() == "&Entsperren"
    dialog.language.setCurrentIndex(dialog.language.findData("en"))  # switches live
    assert i18n.current() == "en"
    assert dialog.unlock_button.text() == "&Unlock"
    assert dialog.windowTitle() == "Unlock"  # Qt adds " — Fallzahl" (finding 14)
    from ui import settings

    assert settings.get(settings.LANGUAGE) == "en"
    assert i18n.preferred() == "en"
    vault.close()


def test_crash_handler_logs_without_contents_and_shows_one_dialog(monkeypatch):
    from ui import crash

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(crash, "_shown", False)
    for _ in range(2):
        try:
            raise ValueError("Fall 2026-0042 Inhalt geheim")
        except ValueError as exc:
            crash.handle(type(exc), exc, exc.__traceback__)
    log = crash.log_file().read_text(encoding="utf-8")
    assert "ValueError" in log and "geheim" not in log
    assert "test_crash_handler" in log
    assert [kind for kind, _ in dialogs.shown].count("error") == 1
    assert sys.excepthook is crash.handle
