"""A small dialog to correct one saved contact: date, form, duration, persons.

Where the scheme's duration bands declare minutes, the band is not chosen: it shows the
band of the minutes entered below (or the band an older contact without minutes has).

OK with a date that is not understood (or in the future) keeps the dialog open; the
reason is shown beside the date field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from app import lang
from app.records import agreement
from app.records.model import PERSONS_MAX, PERSONS_MIN
from app.records.upgrade import contact_upgrader
from ui import dialogs
from ui.date_field import DateField
from ui.item_form import ItemForm

if TYPE_CHECKING:
    from app.records.model import Case, Contact
    from app.scheme.model import Scheme
    from app.vault.session import Session


class ContactDialog(QDialog):
    def __init__(self, contact: Contact, scheme: Scheme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kontakt bearbeiten"))
        if contact.scheme_version < scheme.version:  # an old contact in today's codes
            contact = contact_upgrader(scheme)(contact)
        self._contact = contact
        form = QFormLayout(self)
        self.date = DateField()
        self.date.setDate(contact.date)
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
        if contact.duration is None:
            self.duration.insertItem(0, self.tr("– nicht erfasst –"), None)
            self.duration.setCurrentIndex(0)
        self._scheme = scheme
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
        # scheme format 2: with whom, place, minutes, no-show
        self.items = ItemForm("contact")
        self.items.set_scheme(scheme)
        self.items.load(contact)
        form.addRow(self.items)
        self._minutes = self.items.widgets.get("contact_minutes")
        if scheme.bands_from_minutes and isinstance(self._minutes, QSpinBox):
            self.duration.setEnabled(False)  # follows from the minutes
            self.duration.setToolTip(self.tr("Das Dauerband ergibt sich aus der Dauer in Minuten."))
            self._minutes.valueChanged.connect(self._band_from_minutes)
        else:
            self._minutes = None
        self.no_show = QCheckBox(self.tr("nicht e&rschienen"))
        self.no_show.setAccessibleName(self.tr("Termin nicht wahrgenommen"))
        self.no_show.setChecked(contact.no_show)
        self.no_show.setVisible(bool(scheme.items))
        form.addRow(self.no_show)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _band_from_minutes(self, *_args) -> None:
        band = self._scheme.band_for_minutes(self._typed_minutes())
        if band is not None:
            self.duration.setCurrentIndex(max(self.duration.findData(band), 0))

    def _typed_minutes(self) -> int | None:
        value = self.items.values().get("minutes")
        return value if isinstance(value, int) else None

    def _ok(self) -> None:
        if self.date.date() is None:
            self.date.show_problem()
            self.date.setFocus()
            return
        self.accept()

    def edited(self) -> Contact:
        return msgspec.structs.replace(
            self._contact,
            date=self.date.date() or self._contact.date,
            form=self.form.currentData(),
            duration=self._scheme.band_for_minutes(self._typed_minutes())
            or self.duration.currentData(),
            persons=self.persons.value(),
            no_show=self.no_show.isChecked() and not self.no_show.isHidden(),
            **self.items.values(),
        )


class Agreed(msgspec.Struct, frozen=True):
    """Whether to save a contact, the case version to save with it, and the note to show."""

    go: bool
    case: Case | None = None
    note: str = ""


def agree_with_case(parent: QWidget, session: Session, contact: Contact) -> Agreed:
    """Asks when the contact lies after its case's end; a contact before the begin moves
    the begin (the note says so). Nothing changes silently."""
    if contact.case_id is None:
        return Agreed(True)
    fit = agreement.for_contact(session.case(contact.case_id), contact)
    if fit is None:
        return Agreed(True)
    note = fit.message(lang.current())
    if fit.ask and not dialogs.question(parent, note):
        return Agreed(False, None, note)
    return Agreed(True, fit.case, "" if fit.ask else note)
