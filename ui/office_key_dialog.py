"""The office's signing key for enrolment at the district: key id big, the public key,
copy and print. The district compares the key id on a second channel (letter, phone).

A lead's first look makes the key if the vault has none yet (as ``office-key`` does).
"Schlüssel wechseln…" (leads) makes a new key that the old one vouches for and saves the
statement for the district (as ``office-key --rotate --out DIR``; docs/keys.md).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import lang
from app.errors import FallzahlError
from app.office import keys as office_keys
from ui import dialogs


class OfficeKeyDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Schlüssel der Beratungsstelle"))
        self.resize(700, 460)
        self.key_id = ""
        self.text = ""
        intro = QLabel(
            self.tr(
                "Mit diesem Schlüssel signiert die Beratungsstelle ihre Meldungen. Der Landkreis "
                "trägt ihn einmal ein; bestätigen Sie ihm die Schlüssel-ID auf einem zweiten Weg "
                "(Brief, Telefon)."
            )
        )
        intro.setWordWrap(True)
        self.key_id_label = QLabel()
        self.key_id_label.setObjectName("keyId")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(max(18, font.pointSize() * 2))
        font.setWeight(QFont.Weight.Bold)
        self.key_id_label.setFont(font)
        self.key_id_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_id_label.setAccessibleName(self.tr("Schlüssel-ID"))
        self.text_view = QPlainTextEdit()
        self.text_view.setTabChangesFocus(True)
        self.text_view.setReadOnly(True)
        self.text_view.setAccessibleName(self.tr("Öffentlicher Schlüssel"))
        self.text_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.status_label = QLabel()
        self.copy_button = QPushButton(self.tr("&Kopieren"))
        self.copy_button.setAccessibleName(self.tr("Schlüssel in die Zwischenablage kopieren"))
        self.print_button = QPushButton(self.tr("&Drucken…"))
        self.save_button = QPushButton(self.tr("&Speichern…"))
        self.save_button.setAccessibleName(
            self.tr("Schlüssel als Datei für den Landkreis speichern")
        )
        self.rotate_button = QPushButton(self.tr("Schlüssel &wechseln…"))
        self.rotate_button.setToolTip(
            self.tr(
                "Neuen Schlüssel erzeugen; der bisherige bestätigt ihn in einer Erklärung für "
                "den Landkreis."
            )
        )
        self.rotate_button.setVisible(bool(session.is_lead))
        self.close_button = QPushButton(self.tr("Schließen"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.rotate_button)
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Schlüssel-ID:")))
        layout.addWidget(self.key_id_label)
        layout.addWidget(self.text_view, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.copy_button.clicked.connect(self.copy)
        self.print_button.clicked.connect(self.print_page)
        self.save_button.clicked.connect(self.save_key)
        self.rotate_button.clicked.connect(self.rotate)
        self.close_button.clicked.connect(self.accept)
        self.load()

    def load(self) -> None:
        try:
            if self.session.is_lead:
                office_keys.ensure_office_keys(self.session)
            _public, self.key_id = office_keys.office_public_key(self.session)
            self.text = office_keys.enrolment_text(self.session)
        except FallzahlError as exc:
            self.error_label.setText(exc.message(lang.current()))
        self.key_id_label.setText(self.key_id or "–")
        self.text_view.setPlainText(self.text)
        self.copy_button.setEnabled(bool(self.text))
        self.print_button.setEnabled(bool(self.text))
        self.save_button.setEnabled(bool(self.text))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text)
        self.status_label.setText(self.tr("In die Zwischenablage kopiert."))

    def document(self) -> QTextDocument:
        doc = QTextDocument(self)
        doc.setDefaultFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        doc.setPlainText(self.text)
        return doc

    def save_key(self) -> bool:
        """Save the public key file the district enrols (``district enrol FILE``)."""
        name = dialogs.save_file(
            self,
            self.tr("Öffentlichen Schlüssel speichern"),
            office_keys.public_key_file_name(self.session),
            self.tr("Öffentlicher Schlüssel (*.pub)"),
        )
        if not name:
            return False
        try:
            path = office_keys.save_public_key(self.session, name)
        except FallzahlError as exc:
            dialogs.error(self, exc)
            return False
        self.status_label.setText(self.tr("Gespeichert: %1").replace("%1", path.name))
        return True

    def print_page(self) -> None:
        if dialogs.print_document(self, self.document(), self.windowTitle()):
            self.status_label.setText(self.tr("Gedruckt."))

    def rotate(self) -> bool:
        """Ask, choose a folder, rotate and save the two files; True when done."""
        confirmed = dialogs.question(
            self,
            self.tr(
                "Einen neuen Signaturschlüssel erzeugen?\n\n"
                "Der bisherige Schlüssel {old} bestätigt den neuen in einer Erklärung, die "
                "als zwei Dateien (.txt und .minisig) in einem Ordner gespeichert wird. "
                "Schicken Sie beide dem Landkreis; er muss die Erklärung einlesen, bevor er "
                "Ihre nächste Meldung annimmt.\n\n"
                "Meldungen werden ab jetzt mit dem neuen Schlüssel signiert. Bereits "
                "exportierte, noch nicht eingelesene Meldungen sollte der Landkreis vorher "
                "einlesen; danach lehnt er den alten Schlüssel ab."
            ).format(old=self.key_id or "–"),
            self.tr("Schlüssel wechseln"),
        )
        if not confirmed:
            return False
        folder = dialogs.choose_folder(
            self, self.tr("Ordner für die Erklärung an den Landkreis wählen")
        )
        if not folder:
            return False
        try:
            kid, statement, sig = office_keys.rotate_to(self.session, folder)
        except FallzahlError as exc:
            dialogs.error(self, exc)
            return False
        self.load()
        self.status_label.setText(self.tr("Neuer Schlüssel: {kid}").format(kid=kid))
        dialogs.info(
            self,
            self.tr(
                "Neuer Schlüssel: {kid}\n\nGespeichert:\n{statement}\n{sig}\n\n"
                "Bitte beide Dateien dem Landkreis schicken."
            ).format(kid=kid, statement=statement, sig=sig),
            self.tr("Schlüssel wechseln"),
        )
        return True
