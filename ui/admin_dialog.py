"""Administration for leads: users, policy, backup and restore, scheme import.

Every action is one app/ call; refusals are shown with their message. Restoring a
backup replaces the open vault, so the dialog only asks and then emits
``restore_requested``; the controller locks the session and runs the restore.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import msgspec
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import FallzahlError
from app.office import info as office
from app.vault import backup
from app.vault.settings import AUTO_LOCK_MINUTES
from ui import dialogs, settings, worker
from ui.passphrase import PassphraseFields

ERROR_STYLE = "color: #b00020;"


def role_names() -> dict[str, str]:
    return {
        "counsellor": QCoreApplication.translate("AdminDialog", "Berater*in"),
        "lead": QCoreApplication.translate("AdminDialog", "Leitung"),
    }


class UserDialog(QDialog):
    """A new user (name, role, passphrase twice) or a new passphrase for one user."""

    def __init__(self, parent: QWidget | None = None, *, reset_for: str = "") -> None:
        super().__init__(parent)
        self.reset_for = reset_for
        self.setMinimumWidth(480)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Benutzername"))
        self.name.setPlaceholderText(self.tr("Kürzel, z. B. AB"))
        self.role = QComboBox(self)
        self.role.setAccessibleName(self.tr("Rolle"))
        self.role.addItem(self.tr("Berater*in"), "counsellor")
        self.role.addItem(self.tr("Leitung"), "lead")
        self.fields = PassphraseFields(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setAccessibleName(self.tr("Meldung"))
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        if reset_for:
            self.setWindowTitle(self.tr("Passphrase zurücksetzen: {user}").format(user=reset_for))
            self.name.setText(reset_for)
            self.name.hide()
            self.role.hide()
        else:
            self.setWindowTitle(self.tr("Benutzer hinzufügen"))
            form.addRow(self.tr("&Benutzername:"), self.name)
            form.addRow(self.tr("&Rolle:"), self.role)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.fields)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _check(self) -> None:
        if not self.reset_for and not self.name.text().strip():
            self._refuse(self.tr("Bitte geben Sie einen Benutzernamen ein."))
            return
        self.fields.user_inputs = [self.name.text()]
        problem = self.fields.problem()
        if problem:
            self._refuse(problem)
            return
        self.accept()

    def _refuse(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        dialogs.shown.append(("inline", text))


class RestoreDialog(QDialog):
    """Whose key proves the backup: the current user's passphrase or the recovery key."""

    def __init__(self, user: str, backup_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sicherung wiederherstellen"))
        self.setMinimumWidth(520)
        text = QLabel(
            self.tr(
                "Der aktuelle Datenbestand wird durch die Sicherung {file} ersetzt. Der "
                "bisherige Stand wird im selben Ordner aufbewahrt. Fallzahl wird dazu "
                "gesperrt; danach melden Sie sich neu an.\n\nZur Bestätigung: Die Passphrase "
                "von {user}, wie sie zur Zeit der Sicherung galt, oder der "
                "Wiederherstellungsschlüssel."
            ).format(file=backup_file.name, user=user),
            self,
        )
        text.setWordWrap(True)
        self.by_passphrase = QRadioButton(self.tr("&Passphrase von {user}").format(user=user), self)
        self.by_recovery = QRadioButton(self.tr("&Wiederherstellungsschlüssel"), self)
        self.by_passphrase.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_passphrase)
        group.addButton(self.by_recovery)
        self.secret = QLineEdit(self)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName(self.tr("Passphrase oder Wiederherstellungsschlüssel"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Wiederherstellen"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.by_passphrase)
        layout.addWidget(self.by_recovery)
        layout.addWidget(self.secret)
        layout.addWidget(self.buttons)


class AdminDialog(QDialog):
    policy_changed = Signal(int)  # auto-lock minutes
    restore_requested = Signal(str, str, str, bool)  # file, user, secret, is_recovery_key

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.task: worker.Task | None = None
        self.child: QDialog | None = None
        self.setWindowTitle(self.tr("Verwaltung"))
        self.setMinimumSize(620, 420)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Bereiche der Verwaltung"))
        self.tabs.addTab(self._users_tab(), self.tr("&Benutzer"))
        self.tabs.addTab(self._policy_tab(), self.tr("&Richtlinien"))
        self.tabs.addTab(self._backup_tab(), self.tr("&Sicherung"))
        self.tabs.addTab(self._scheme_tab(), self.tr("S&chema"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Schließen"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(close)
        self.refresh_users()

    # users
    def _users_tab(self) -> QWidget:
        page = QWidget(self)
        self.table = QTableWidget(0, 2, page)
        self.table.setAccessibleName(self.tr("Benutzer und Rollen"))
        self.table.setHorizontalHeaderLabels([self.tr("Benutzer"), self.tr("Rolle")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.add_button = QPushButton(self.tr("&Hinzufügen …"), page)
        self.remove_button = QPushButton(self.tr("&Entfernen …"), page)
        self.reset_button = QPushButton(self.tr("Passphrase &zurücksetzen …"), page)
        self.add_button.clicked.connect(self.add_user)
        self.remove_button.clicked.connect(self.remove_user)
        self.reset_button.clicked.connect(self.reset_passphrase)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        return page

    def refresh_users(self) -> None:
        names = role_names()
        users = self.session.vault.users()
        self.table.setRowCount(len(users))
        for row, info in enumerate(users):
            self.table.setItem(row, 0, QTableWidgetItem(info.name))
            self.table.setItem(row, 1, QTableWidgetItem(names.get(info.role, info.role)))
        if users and not self.table.selectedItems():
            self.table.selectRow(0)

    def selected_user(self) -> str:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return item.text() if item else ""

    def _run(self, fn, on_done, label: str) -> None:
        self.task = worker.run(self, fn, self._wrap_done(on_done), self._failed, label)

    def _wrap_done(self, on_done):
        def done(result):
            self.task = None
            on_done(result)

        return done

    def _failed(self, exc: FallzahlError) -> None:
        self.task = None
        dialogs.error(self, exc)

    def add_user(self) -> None:
        self.child = UserDialog(self)
        self.child.accepted.connect(self._add_user_accepted)
        self.child.open()

    def _add_user_accepted(self) -> None:
        dialog: UserDialog = self.child  # type: ignore[assignment]
        name, role, secret = (
            dialog.name.text().strip(),
            dialog.role.currentData(),
            dialog.fields.passphrase(),
        )
        dialog.fields.clear()
        self.child = None
        self._run(
            lambda: self.session.add_user(name, role, secret),
            lambda _r: (
                self.refresh_users(),
                dialogs.info(self, self.tr("Benutzer {user} eingerichtet.").format(user=name)),
            ),
            self.tr("Benutzer wird eingerichtet …"),
        )

    def remove_user(self) -> None:
        name = self.selected_user()
        if not name:
            return
        if not dialogs.question(
            self,
            self.tr(
                "Benutzer {user} wirklich entfernen? Die erfassten Fälle bleiben erhalten. "
                "Alle Datensätze werden dabei mit einem neuen Schlüssel versiegelt, damit der "
                "alte Zugang (auch aus einer Sicherung) nichts Neues mehr öffnet."
            ).format(user=name),
        ):
            return
        self.task = worker.run_with_progress(
            self,
            lambda report: self.session.remove_user(name, progress=report),
            self._wrap_done(
                lambda _r: (
                    self.refresh_users(),
                    dialogs.info(self, self.tr("Benutzer {user} entfernt.").format(user=name)),
                )
            ),
            self._failed,
            self.tr("Benutzer wird entfernt, Datensätze werden neu versiegelt …"),
        )

    def reset_passphrase(self) -> None:
        name = self.selected_user()
        if not name:
            return
        self.child = UserDialog(self, reset_for=name)
        self.child.accepted.connect(self._reset_accepted)
        self.child.open()

    def _reset_accepted(self) -> None:
        dialog: UserDialog = self.child  # type: ignore[assignment]
        name, secret = dialog.reset_for, dialog.fields.passphrase()
        dialog.fields.clear()
        self.child = None
        self.task = worker.run_with_progress(
            self,
            lambda report: self.session.change_passphrase(name, secret, progress=report),
            self._wrap_done(
                lambda _r: dialogs.info(
                    self, self.tr("Die Passphrase von {user} ist neu gesetzt.").format(user=name)
                )
            ),
            self._failed,
            self.tr("Passphrase wird gesetzt …"),
        )

    # policy
    def _policy_tab(self) -> QWidget:
        page = QWidget(self)
        self.auto_lock = QSpinBox(page)
        self.auto_lock.setRange(AUTO_LOCK_MINUTES.minimum, AUTO_LOCK_MINUTES.maximum)
        self.auto_lock.setSuffix(self.tr(" min"))
        self.auto_lock.setAccessibleName(self.tr("Automatische Sperre nach Minuten"))
        self.auto_lock.setValue(office.policy(self.session).auto_lock_minutes)
        self.policy_save = QPushButton(self.tr("Ü&bernehmen"), page)
        self.policy_save.clicked.connect(self.save_policy)
        explain = QLabel(
            self.tr(
                "Fallzahl sperrt sich, wenn so lange weder Tastatur noch Maus "
                "benutzt wurden. Gilt für alle Benutzer dieses Datenbestands."
            ),
            page,
        )
        explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Automatische Sperre nach:"), self.auto_lock)
        layout = QVBoxLayout(page)
        layout.addWidget(explain)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.policy_save)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def save_policy(self) -> None:
        value = msgspec.structs.replace(
            office.policy(self.session), auto_lock_minutes=self.auto_lock.value()
        )
        try:
            office.set_policy(self.session, value)
        except FallzahlError as exc:
            dialogs.error(self, exc)
            return
        self.policy_changed.emit(value.auto_lock_minutes)
        dialogs.info(
            self, self.tr("Automatische Sperre nach {n} Minuten.").format(n=value.auto_lock_minutes)
        )

    # backup
    def _backup_tab(self) -> QWidget:
        page = QWidget(self)
        explain = QLabel(
            self.tr(
                "Eine Sicherung ist eine verschlüsselte Kopie des ganzen Datenbestands in einer "
                "Datei. Sie öffnet sich mit den Passphrasen und dem Wiederherstellungsschlüssel, "
                "die zur Zeit der Sicherung galten. Bewahren Sie sie auf einem anderen Datenträger "
                "auf."
            ),
            page,
        )
        explain.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("Sicherung &erstellen …"), page)
        self.restore_button = QPushButton(self.tr("Sicherung &wiederherstellen …"), page)
        self.backup_button.clicked.connect(self.choose_backup)
        self.restore_button.clicked.connect(self.choose_restore)
        self.backup_result = QLabel(page)
        self.backup_result.setWordWrap(True)
        self.backup_result.setAccessibleName(self.tr("Ergebnis der Sicherung"))
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(explain)
        layout.addLayout(row)
        layout.addWidget(self.backup_result)
        layout.addStretch(1)
        return page

    def _start_folder(self) -> Path:
        return Path(settings.get(settings.LAST_FOLDER) or Path.home())

    def choose_backup(self) -> None:
        start = self._start_folder() / f"fallzahl-backup_{dt.date.today():%Y-%m-%d}.fzbak"
        name = dialogs.save_file(
            self,
            self.tr("Sicherung speichern"),
            str(start),
            self.tr("Fallzahl-Sicherungen (*.fzbak)"),
        )
        if not name:
            return
        target = Path(name)
        settings.put(settings.LAST_FOLDER, str(target.parent))
        self._run(
            lambda: backup.make_backup(self.session, target),
            self._backup_made,
            self.tr("Sicherung wird erstellt …"),
        )

    def _backup_made(self, path: Path) -> None:
        text = self.tr("Sicherung gespeichert: {path}").format(path=path)
        self.backup_result.setText(text)
        dialogs.info(self, text)

    def choose_restore(self) -> None:
        name = dialogs.open_file(
            self,
            self.tr("Sicherung wiederherstellen"),
            str(self._start_folder()),
            self.tr("Fallzahl-Sicherungen (*.fzbak);;Alle Dateien (*)"),
        )
        if not name:
            return
        self.child = RestoreDialog(self.session.user, Path(name), self)
        self.child.accepted.connect(lambda: self._restore_confirmed(Path(name)))
        self.child.open()

    def _restore_confirmed(self, path: Path) -> None:
        dialog: RestoreDialog = self.child  # type: ignore[assignment]
        self.child = None
        secret = dialog.secret.text()
        dialog.secret.clear()
        self.restore_requested.emit(
            str(path), self.session.user, secret, dialog.by_recovery.isChecked()
        )

    # scheme
    def _scheme_tab(self) -> QWidget:
        page = QWidget(self)
        self.scheme_label = QLabel(page)
        self.scheme_label.setWordWrap(True)
        self.scheme_label.setAccessibleName(self.tr("Aktives Schema"))
        self.scheme_button = QPushButton(self.tr("Schema &importieren …"), page)
        self.scheme_button.clicked.connect(self.choose_scheme)
        explain = QLabel(
            self.tr(
                "Ein neues Kategorienschema kommt vom Landkreis als JSON-Datei mit Signatur "
                "(.minisig daneben). Fallzahl übernimmt es nur, wenn es gültig signiert und neuer "
                "als das aktuelle ist."
            ),
            page,
        )
        explain.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.scheme_button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.scheme_label)
        layout.addWidget(explain)
        layout.addLayout(row)
        layout.addStretch(1)
        self._show_scheme()
        return page

    def _show_scheme(self) -> None:
        try:
            scheme = self.session.scheme
        except (FallzahlError, ImportError):
            self.scheme_label.setText(self.tr("Aktives Schema: nicht verfügbar"))
            return
        self.scheme_label.setText(
            self.tr("Aktives Schema: {id}, Version {version}").format(
                id=scheme.id, version=scheme.version
            )
        )

    def choose_scheme(self) -> None:
        name = dialogs.open_file(
            self,
            self.tr("Schema importieren"),
            str(self._start_folder()),
            self.tr("Schemata (*.json)"),
        )
        if name:
            self.import_scheme(Path(name))

    def import_scheme(self, path: Path) -> None:
        try:
            from app.scheme.store import import_scheme
        except ImportError:
            dialogs.error(
                self, self.tr("Der Schema-Import ist in dieser Version noch nicht verfügbar.")
            )
            return
        sig_path = path.with_name(path.name + ".minisig")
        try:
            doc = path.read_bytes()
            sig = sig_path.read_bytes() if sig_path.exists() else None
        except OSError as exc:
            dialogs.error(
                self,
                self.tr("Die Datei {path} lässt sich nicht lesen ({reason}).").format(
                    path=path, reason=exc.strerror
                ),
            )
            return
        try:
            scheme = import_scheme(self.session, doc, sig)
        except FallzahlError as exc:
            dialogs.error(self, exc)
            return
        self.session.scheme = scheme
        self._show_scheme()
        dialogs.info(
            self,
            self.tr("Schema {id}, Version {version} übernommen.").format(
                id=scheme.id, version=scheme.version
            ),
        )
