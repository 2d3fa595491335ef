"""A small dialog to correct one saved contact: date, form, duration, persons."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import msgspec
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from app.records.model import PERSONS_MAX, PERSONS_MIN

if TYPE_CHECKING:
    from app.records.model import Contact
    from app.scheme.model import Scheme


class ContactDialog(QDialog):
    def __init__(self, contact: Contact, scheme: Scheme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kontakt bearbeiten"))
        self._contact = contact
        form = QFormLayout(self)
        self.date = QDateEdit(QDate(contact.date.year, contact.date.month, contact.date.day))
        self.date.setCalendarPopup(True)
        self.date.setMaximumDate(QDate.currentDate())
        self.form = QComboBox()
        self.duration = QComboBox()
        for combo, dim, value in (
            (self.form, "contact_form", contact.form),
            (self.duration, "duration_band", contact.duration),
        ):
            for code in scheme.codes(dim):
                combo.addItem(f"{code.code} – {code.label()}", code.code)
                combo.setItemData(combo.count() - 1, code.definition(), Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self.persons = QSpinBox()
        self.persons.setRange(PERSONS_MIN, PERSONS_MAX)
        self.persons.setValue(contact.persons)
        for label, widget in (
            (self.tr("Datum"), self.date),
            (scheme.dimension("contact_form").label(), self.form),
            (scheme.dimension("duration_band").label(), self.duration),
            (self.tr("Personen"), self.persons),
        ):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def edited(self) -> Contact:
        day = self.date.date()
        return msgspec.structs.replace(
            self._contact,
            date=dt.date(day.year(), day.month(), day.day()),
            form=self.form.currentData(),
            duration=self.duration.currentData(),
            persons=self.persons.value(),
        )
