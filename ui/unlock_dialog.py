"""Unlock: choose the user, type the passphrase; or reset it with the recovery key.

The dialog owns a Vault (the folder's key slots) while it is shown; on success
``session`` holds the unlocked app.session.Session and the dialog is accepted.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.crypto import kdf as keys
from app.errors import FallzahlError
from app.vault.vault import Vault
from ui import dialogs, i18n, settings, worker
from ui.passphrase import PassphraseFields

ERROR_STYLE = "color: #b00020;"


class UnlockDialog(QDialog):
    def __init__(self, vault: Vault, parent: QWidget | None = None, *, user: str = "") -> None:
        super().__init__(parent)
        self.vault = vault
        self.session = None
        self.task: worker.Task | None = None
        self.recovery: RecoveryDialog | None = None
        self.setMinimumWidth(460)

        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.folder = QLabel(str(vault.folder), self)
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.users = QComboBox(self)
        for info in vault.users():
            self.users.addItem(info.name, info.name)
        wanted = user or settings.get(settings.LAST_USER)
        if wanted and self.users.findData(wanted) >= 0:
            self.users.setCurrentIndex(self.users.findData(wanted))
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.language = QComboBox(self)
        for code in i18n.SUPPORTED:
            self.language.addItem(i18n.NAMES[code], code)
        self.language.setCurrentIndex(self.language.findData(i18n.current()))
        self.language.currentIndexChanged.connect(self._language_chosen)

        self.unlock_button = QPushButton(self)
        self.unlock_button.setDefault(True)
        self.unlock_button.setAutoDefault(True)
        self.forgot_button = QPushButton(self)
        self.forgot_button.setAutoDefault(False)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setAutoDefault(False)
        self.buttons = QDialogButtonBox(self)
        self.buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.forgot_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.unlock_button.clicked.connect(self.submit)
        self.forgot_button.clicked.connect(self.forgot)
        self.cancel_button.clicked.connect(self.reject)

        self.form = QFormLayout()
        self.user_label = QLabel(self)
        self.user_label.setBuddy(self.users)
        self.pass_label = QLabel(self)
        self.pass_label.setBuddy(self.passphrase)
        self.lang_label = QLabel(self)
        self.lang_label.setBuddy(self.language)
        self.form.addRow(self.user_label, self.users)
        self.form.addRow(self.pass_label, self.passphrase)
        self.form.addRow(self.lang_label, self.language)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.folder)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.users, self.passphrase)
        self.setTabOrder(self.passphrase, self.language)
        # the button box orders its own buttons as they are shown (fixing them here made
        # Tab loop between two of them)
        self.retranslate()
        self.passphrase.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Entsperren"))
        self.title.setText(self.tr("Fallzahl entsperren"))
        self.user_label.setText(self.tr("&Benutzer:"))
        self.pass_label.setText(self.tr("&Passphrase:"))
        self.lang_label.setText(self.tr("&Sprache:"))
        self.unlock_button.setText(self.tr("&Entsperren"))
        self.forgot_button.setText(self.tr("Passphrase &vergessen?"))
        self.cancel_button.setText(self.tr("Beenden"))
        self.users.setAccessibleName(self.tr("Benutzer"))
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.language.setAccessibleName(self.tr("Sprache"))
        self.folder.setAccessibleName(self.tr("Ordner des Datenbestands"))
        self.message.setAccessibleName(self.tr("Meldung"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _language_chosen(self) -> None:
        code = self.language.currentData()
        if code and code != i18n.current():
            i18n.switch(code)  # other open widgets follow with Qt's LanguageChange event
            self.retranslate()
            if self.message.isVisible():
                self.message.hide()  # shown in the previous language

    def show_error(self, message: str | FallzahlError) -> None:
        self.message.setText(dialogs.text_of(message))
        self.message.show()
        # grow for the wrapped message instead of squashing the fields (finding 8)
        needed = self.heightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)
        dialogs.shown.append(("inline", dialogs.text_of(message)))

    def _busy(self, busy: bool) -> None:
        for widget in (self.users, self.passphrase, self.unlock_button, self.forgot_button):
            widget.setEnabled(not busy)

    def submit(self) -> None:
        if self.task is not None:
            return
        user = self.users.currentData()
        secret = self.passphrase.text()
        if not user:
            self.show_error(self.tr("In diesem Datenbestand ist kein Benutzer eingerichtet."))
            return
        if not secret:
            self.show_error(self.tr("Bitte geben Sie Ihre Passphrase ein."))
            self.passphrase.setFocus()
            return
        self.message.hide()
        self._busy(True)
        self.task = worker.run(
            self, lambda: self.vault.unlock(user, secret), self._unlocked, self._failed
        )

    def _unlocked(self, session) -> None:
        self.task = None
        self._busy(False)
        self.passphrase.clear()
        settings.put(settings.LAST_USER, session.user)
        self.session = session
        self.accept()

    def _failed(self, exc: FallzahlError) -> None:
        self.task = None
        self._busy(False)
        self.show_error(exc)
        self.passphrase.clear()
        self.passphrase.setFocus()

    def forgot(self) -> None:
        self.recovery = RecoveryDialog(self.vault, self, user=self.users.currentData() or "")
        self.recovery.accepted.connect(self._recovered)
        self.recovery.open()

    def _recovered(self) -> None:
        dialog, self.recovery = self.recovery, None
        if dialog is not None and dialog.session is not None:
            self.session = dialog.session
            settings.put(settings.LAST_USER, dialog.session.user)
            dialog.deleteLater()
            self.accept()


class RecoveryDialog(QDialog):
    """Reset a user's passphrase with the recovery key, then unlock as that user."""

    def __init__(self, vault: Vault, parent: QWidget | None = None, *, user: str = "") -> None:
        super().__init__(parent)
        self.vault = vault
        self.session = None
        self.task: worker.Task | None = None
        self.setWindowTitle(self.tr("Passphrase mit dem Wiederherstellungsschlüssel zurücksetzen"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "Geben Sie den Wiederherstellungsschlüssel vom ausgedruckten Blatt ein "
                "(8 Gruppen zu 5 Zeichen; Bindestriche und Leerzeichen sind egal), wählen Sie "
                "den Benutzer und vergeben Sie eine neue Passphrase."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.key = QLineEdit(self)
        self.key.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        self.key.setAccessibleName(self.tr("Wiederherstellungsschlüssel"))
        mono = self.key.font()
        mono.setFamily("DejaVu Sans Mono")
        mono.setStyleHint(mono.StyleHint.Monospace)
        self.key.setFont(mono)
        self.users = QComboBox(self)
        self.users.setAccessibleName(self.tr("Benutzer"))
        for info in vault.users():
            self.users.addItem(info.name, info.name)
        if user and self.users.findData(user) >= 0:
            self.users.setCurrentIndex(self.users.findData(user))
        self.fields = PassphraseFields(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setAccessibleName(self.tr("Meldung"))
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Zurücksetzen und entsperren"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Schlüssel:"), self.key)
        form.addRow(self.tr("&Benutzer:"), self.users)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.fields)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.key.setFocus()

    def show_error(self, message: str | FallzahlError) -> None:
        text = dialogs.text_of(message)
        self.message.setText(text)
        self.message.show()
        dialogs.shown.append(("inline", text))

    def submit(self) -> None:
        if self.task is not None:
            return
        try:
            canonical = keys.normalize_recovery_key(self.key.text())  # before any KDF
        except FallzahlError as exc:
            self.show_error(exc)
            self.key.setFocus()
            return
        problem = self.fields.problem()
        if problem:
            self.show_error(problem)
            self.fields.first.setFocus()
            return
        user = self.users.currentData()
        new = self.fields.passphrase()
        vault = self.vault
        self.message.hide()
        self.setEnabled(False)

        def reset():
            rescue = vault.unlock_with_recovery(canonical)
            try:
                rescue.change_passphrase(user, new)
            finally:
                rescue.close()
            return vault.unlock(user, new)

        self.task = worker.run(
            self,
            reset,
            self._done,
            self._failed,
            self.tr("Passphrase wird zurückgesetzt …"),
        )

    def _done(self, session) -> None:
        self.task = None
        self.setEnabled(True)
        self.session = session
        self.fields.clear()
        self.key.clear()
        self.accept()

    def _failed(self, exc: FallzahlError) -> None:
        self.task = None
        self.setEnabled(True)
        self.show_error(exc)
