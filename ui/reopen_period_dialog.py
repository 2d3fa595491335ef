"""Reopen a closed period for a correction (leads): pick the period, give a reason.

The rule (leads only, reason required and audited) is app.period_close.reopen_period.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import lang
from app.errors import FallzahlError
from app.office import period_close
from app.records.periods import parse_period


class ReopenPeriodDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.reopened: period_close.Reopened | None = None
        self.setWindowTitle(self.tr("Zeitraum wieder öffnen"))
        self.resize(560, 220)
        self.period_box = QComboBox()
        self.period_box.setAccessibleName(self.tr("Abgeschlossener Zeitraum"))
        closed = sorted(
            period_close.closed_periods(session), key=lambda c: (c.start, c.end), reverse=True
        )
        for entry in closed:
            self.period_box.addItem(entry.label, entry.label)
        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName(self.tr("Grund"))
        self.reason_edit.setPlaceholderText(
            self.tr("z. B. Nachträge zu Fällen aus dem Quartal (wird protokolliert)")
        )
        form = QFormLayout()
        form.addRow(self.tr("&Zeitraum:"), self.period_box)
        form.addRow(self.tr("&Grund:"), self.reason_edit)
        self.info_label = QLabel(
            self.tr(
                "Danach lassen sich Fälle und Kontakte des Zeitraums wieder ändern. Schließen Sie "
                "ihn anschließend erneut ab und senden Sie die Meldung als Korrektur."
            )
            if closed
            else self.tr("Es ist kein Zeitraum abgeschlossen.")
        )
        self.info_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.reopen_button = QPushButton(self.tr("Wieder ö&ffnen"))
        self.cancel_button = QPushButton(self.tr("Abbrechen"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reopen_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.info_label)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.reopen_button.clicked.connect(self.reopen)
        self.cancel_button.clicked.connect(self.reject)
        self.reason_edit.textChanged.connect(self._update)
        self.reopen_button.setEnabled(False)
        self.period_box.setEnabled(bool(closed))
        self.reason_edit.setEnabled(bool(closed))

    def _update(self, *_args) -> None:
        self.reopen_button.setEnabled(
            self.period_box.count() > 0 and bool(self.reason_edit.text().strip())
        )

    def reopen(self) -> None:
        label = self.period_box.currentData()
        if not label:
            return
        try:
            self.reopened = period_close.reopen_period(
                self.session, parse_period(label), self.reason_edit.text()
            )
        except FallzahlError as exc:
            self.error_label.setText(exc.message(lang.current()))
            return
        self.accept()
