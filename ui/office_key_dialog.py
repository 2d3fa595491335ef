"""The office's signing key for enrolment at the district: key id big, the public key,
copy and print. The district compares the key id on a second channel (letter, phone).

A lead's first look makes the key if the vault has none yet (as ``office-key`` does).
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

from app import lang, office_keys
from app.errors import FallzahlError
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
        self.close_button = QPushButton(self.tr("Schließen"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.print_button)
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

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text)
        self.status_label.setText(self.tr("In die Zwischenablage kopiert."))

    def document(self) -> QTextDocument:
        doc = QTextDocument(self)
        doc.setDefaultFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        doc.setPlainText(self.text)
        return doc

    def print_page(self) -> None:
        if dialogs.print_document(self, self.document(), self.windowTitle()):
            self.status_label.setText(self.tr("Gedruckt."))
