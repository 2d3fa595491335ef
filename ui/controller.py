"""The flow of the program: first run, unlock, the main window, lock, and back.

No vault in the folder -> the first-run wizard; a vault -> the unlock dialog -> the main
window (an office vault) or the district desk (a district vault, Vault.mode "district"). Locking (the window's lock_requested, e.g. Ctrl+L, or no key or mouse input for
the vault policy's auto-lock minutes) clears the window, closes and deletes it, closes
the session (keys and plaintext forgotten, writer lock released) and shows the unlock
dialog again. ``finished`` is emitted when the user quits. A window's
``language_requested(code)`` stores and installs the language and builds the window again
for the same session (still unlocked; the old window is cleared and deleted).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, QSize, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from app import lang
from app.cli import opened
from app.errors import BackupOlderThanRemoval, FallzahlError, UsageError
from app.office import info as office
from app.vault import backup, store
from app.vault.vault import Vault
from ui import dialogs, i18n, settings, window_geometry, worker

PREFERRED = QSize(1360, 860)  # what the main window would like, screen permitting
ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """Application-wide event filter: any key or mouse input restarts the idle timer."""

    timeout = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.timeout)

    def start(self, msec: int) -> None:
        self.timer.setInterval(msec)
        QApplication.instance().installEventFilter(self)
        self.timer.start()

    def stop(self) -> None:
        QApplication.instance().removeEventFilter(self)
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and self.timer.isActive():
            self.timer.start()
        return False


class Controller(QObject):
    finished = Signal()
    unlocked = Signal()
    locked = Signal()

    def __init__(
        self,
        folder: str | Path,
        *,
        idle_msec: int | None = None,
        window_factory=None,
        open_file: str | Path | None = None,
    ) -> None:
        super().__init__()
        self.folder = Path(folder)
        settings.use_vault(self.folder)
        # a file from the file manager, acted on once a window (or the wizard) is there
        self.open_file = Path(open_file) if open_file is not None else None
        self.idle_msec = idle_msec  # None: the vault policy's minutes
        self._window_factory = window_factory
        self.vault: Vault | None = None
        self.session = None
        self.window: QWidget | None = None
        self.wizard = None
        self.unlock_dialog = None
        self.admin = None
        self.task: worker.Task | None = None
        self._locking = False
        self.idle = IdleWatcher(self)
        self.idle.timeout.connect(self.lock)
        app = QApplication.instance()
        app.setQuitOnLastWindowClosed(False)  # the controller decides when to quit
        app.aboutToQuit.connect(self.shutdown)

    # start
    def start(self) -> None:
        if store.holds_vault(self.folder):
            self.show_unlock()
        else:
            self.show_wizard()
            if self.open_file is not None and opened.kind(self.open_file) == opened.PROVISIONING:
                self.wizard.use_provisioning(self.open_file)
                self.open_file = None

    def show_wizard(self) -> None:
        from ui.wizard import SetupWizard

        self.wizard = SetupWizard(self.folder)
        self.wizard.finished.connect(self._wizard_finished)
        self.wizard.show()

    def _wizard_finished(self, _result: int) -> None:
        wizard, self.wizard = self.wizard, None
        user = wizard.user if wizard else ""
        if wizard is not None:
            wizard.deleteLater()
        if store.holds_vault(self.folder):
            self.show_unlock(user=user)
        else:
            self.finished.emit()

    def show_unlock(self, user: str = "") -> None:
        from ui.unlock_dialog import UnlockDialog

        try:
            self.vault = Vault(self.folder)
        except FallzahlError as exc:
            dialogs.error(None, exc)
            self.finished.emit()
            return
        self.unlock_dialog = UnlockDialog(self.vault, user=user)
        self.unlock_dialog.finished.connect(self._unlock_finished)
        self.unlock_dialog.show()
        self.unlock_dialog.raise_()
        self.unlock_dialog.activateWindow()

    def _unlock_finished(self, _result: int) -> None:
        dialog, self.unlock_dialog = self.unlock_dialog, None
        if dialog is None:
            return
        session = dialog.session
        dialog.deleteLater()
        if session is None:
            self._close_vault()
            self.finished.emit()
            return
        self.open_window(session)

    # the unlocked state
    def _make_window(self, session) -> QWidget:
        if session.mode == "district":
            from ui.district_window import DistrictWindow

            return DistrictWindow(session)
        if self._window_factory is not None:
            return self._window_factory(session)
        from ui.main_window import MainWindow  # built in parallel; imported when needed

        return MainWindow(session)

    def open_window(self, session) -> None:
        self.session = session
        self._show_window(session)
        self.idle.start(self.idle_timeout_msec())
        self.unlocked.emit()
        if self.open_file is not None:
            path, self.open_file = self.open_file, None
            self.act_on_file(path)

    def act_on_file(self, path: Path) -> None:
        """The action a file from the file manager asks for, in the open window."""
        what = opened.kind(path)
        district = self.session.mode == "district"
        en = lang.current() == "en"
        if what == opened.PACKAGE and district:
            self.window.import_paths([str(path)])
        elif what == opened.RECEIPT and not district:
            from app.office.receipt_import import import_receipt_file

            try:
                sent = import_receipt_file(self.session, path)
            except FallzahlError as exc:
                dialogs.error(self.window, exc)
                return
            except OSError as exc:
                dialogs.error(self.window, f"{path}: {exc.strerror or exc}")
                return
            dialogs.info(
                self.window,
                f"Receipt read in: {sent.file_name}"
                if en
                else f"Empfangsbestätigung eingelesen: {sent.file_name}",
            )
        elif what == opened.FEEDBACK and not district:
            self.window.open_feedback_file(path)
        else:
            dialogs.error(
                self.window,
                UsageError(
                    f"{path.name}: diese Datei wird {_where(what, 'de')} eingelesen, nicht hier.",
                    f"{path.name}: this file is read in {_where(what, 'en')}, not here.",
                ),
            )

    def _show_window(self, session, geometry: QByteArray | None = None) -> None:
        window = self._make_window(session)
        self.window = window
        window.lock_requested.connect(self.lock)
        window.admin_requested.connect(self.open_admin)
        language_requested = getattr(window, "language_requested", None)
        if language_requested is not None:
            language_requested.connect(self.switch_language)
        lock_keys = QKeySequence("Ctrl+L")
        if not any(a.shortcut() == lock_keys for a in window.findChildren(QAction)):
            action = QAction(QCoreApplication.translate("Controller", "Sperren"), window)
            action.setShortcut(lock_keys)
            action.triggered.connect(self.lock)
            window.addAction(action)
        window.installEventFilter(self)
        window_geometry.place(window, window.sizeHint().expandedTo(PREFERRED), geometry)
        window.show()
        window.raise_()
        window.activateWindow()

    def switch_language(self, language: str) -> None:
        """Store and install ``language``, then show the session in a window built anew
        (every text in the new language at once; the old window forgets its plaintext)."""
        if language not in i18n.SUPPORTED:
            return
        old, session = self.window, self.session
        if old is None or session is None:
            i18n.switch(language)
            return
        view_state = getattr(old, "view_state", None)
        state = view_state() if view_state is not None else None
        geometry = old.saveGeometry()
        self._close_admin()
        self._retire_window()  # before the switch: no LanguageChange work for it
        i18n.switch(language)
        self._show_window(session, geometry)
        restore = getattr(self.window, "restore_view", None)
        if state is not None and restore is not None:
            restore(state)

    def idle_timeout_msec(self) -> int:
        if self.idle_msec is not None:
            return self.idle_msec
        try:
            minutes = office.policy(self.session).auto_lock_minutes
        except FallzahlError:
            minutes = office.Policy().auto_lock_minutes
        return max(1, minutes) * 60_000

    def set_auto_lock_minutes(self, minutes: int) -> None:
        if self.idle_msec is None and self.session is not None:
            self.idle.start(minutes * 60_000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            QTimer.singleShot(0, self._window_maybe_closed)
        return False

    def _window_maybe_closed(self) -> None:
        if self.window is not None and not self.window.isVisible() and not self._locking:
            self._end_session()
            self._close_vault()
            self.finished.emit()

    def open_admin(self) -> None:
        from ui.admin_dialog import AdminDialog

        if self.session is None:
            return
        if not self.session.is_lead:
            dialogs.info(
                self.window,
                QCoreApplication.translate(
                    "Controller",
                    "Die Verwaltung ist der Leitung vorbehalten. Bitten "
                    "Sie eine Leitung, Benutzer, Richtlinien oder "
                    "Sicherungen zu ändern.",
                ),
            )
            return
        if self.admin is not None:
            self.admin.raise_()
            return
        self.admin = AdminDialog(self.session, self.window)
        self.admin.policy_changed.connect(self.set_auto_lock_minutes)
        self.admin.restore_requested.connect(self.restore)
        self.admin.finished.connect(self._admin_finished)
        self.admin.open()

    def _admin_finished(self, _result: int) -> None:
        if self.admin is not None:
            self.admin.deleteLater()
            self.admin = None

    # locking
    def _close_admin(self) -> None:
        if self.admin is not None:
            admin, self.admin = self.admin, None
            admin.finished.disconnect(self._admin_finished)
            admin.reject()
            admin.deleteLater()

    def _retire_window(self) -> None:
        """Clear (plaintext forgotten), close and delete the window."""
        window, self.window = self.window, None
        if window is not None:
            window_geometry.remember(window)
            window.removeEventFilter(self)
            clear = getattr(window, "clear", None)
            if clear is not None:
                clear()
            window.close()
            window.deleteLater()

    def _end_session(self) -> None:
        self.idle.stop()
        self._close_admin()
        self._retire_window()
        session, self.session = self.session, None
        if session is not None and session.is_open:
            session.close()

    def _close_vault(self) -> None:
        vault, self.vault = self.vault, None
        if vault is not None:
            vault.close()

    def lock(self) -> None:
        if self.session is None or self._locking:
            return
        self._locking = True
        try:
            user = self.session.user
            self._end_session()
            self._close_vault()
            self.locked.emit()
            self.show_unlock(user=user if not user.startswith("#") else "")
        finally:
            self._locking = False

    def restore(self, path: str, user: str, secret: str, is_recovery: bool) -> None:
        """Lock, replace the vault with the backup (in a worker), then unlock again."""
        if self.session is None:
            return
        self._locking = True
        try:
            self._end_session()
            self._close_vault()
        finally:
            self._locking = False
        self._run_restore(path, user, secret, is_recovery, accept_older=False)

    def _run_restore(
        self, path: str, user: str, secret: str, is_recovery: bool, *, accept_older: bool
    ) -> None:
        folder = self.folder

        def run():
            if is_recovery:
                return backup.restore_backup(
                    folder, path, user=user, recovery_key=secret, accept_older=accept_older
                )
            return backup.restore_backup(
                folder, path, user=user, passphrase=secret, accept_older=accept_older
            )

        def done(kept) -> None:
            self.task = None
            where = str(kept) if kept else "-"
            dialogs.info(
                None,
                QCoreApplication.translate(
                    "Controller",
                    "Die Sicherung {file} ist wiederhergestellt. Der vorherige "
                    "Stand liegt in {kept}.",
                ).format(file=Path(path).name, kept=where),
            )
            self.show_unlock(user=user)

        def failed(exc: FallzahlError) -> None:
            self.task = None
            if isinstance(exc, BackupOlderThanRemoval) and dialogs.question(
                None,
                exc.message()
                + "\n\n"
                + QCoreApplication.translate("Controller", "Trotzdem wiederherstellen?"),
            ):
                self._run_restore(path, user, secret, is_recovery, accept_older=True)
                return
            dialogs.error(None, exc)
            self.show_unlock(user=user)

        self.task = worker.run(
            None,
            run,
            done,
            failed,
            QCoreApplication.translate("Controller", "Sicherung wird wiederhergestellt …"),
        )

    def shutdown(self) -> None:
        """Quit: forget plaintext, release the lock, close the vault."""
        self._locking = True
        self._end_session()
        if self.unlock_dialog is not None:
            self.unlock_dialog.finished.disconnect(self._unlock_finished)
            self.unlock_dialog.close()
            self.unlock_dialog = None
        self._close_vault()
        self._locking = False


def _where(what: str | None, language: str) -> str:
    places = {
        opened.PACKAGE: ("am Schreibtisch des Landkreises", "at the district desk"),
        opened.RECEIPT: ("in der Beratungsstelle", "at the office"),
        opened.FEEDBACK: ("in der Beratungsstelle", "at the office"),
        opened.PROVISIONING: ("bei der Einrichtung", "when setting up"),
    }
    de, en = places.get(what, ("von Fallzahl nicht", "by no part of Fallzahl"))
    return en if language == "en" else de
