"""The office lead records staff capacity: full-time equivalents per counselling field and quarter.

The rule (fields of the scheme, 0 to 50, hundredths) is app.office.staffing.record; the package
of the quarter carries the figures (staffing.json).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app import lang
from app.errors import FallzahlError
from app.exchange.staffing import MAX_FTE
from app.office import staffing
from app.records.periods import parse_period, previous_quarters, quarter_of
from ui import dialogs


class StaffingDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None, *, today=None) -> None:
        super().__init__(parent)
        self.session = session
        self.saved: dict[str, float] | None = None
        self.setWindowTitle(self.tr("Personalkapazität"))
        self.period_box = QComboBox()
        self.period_box.setAccessibleName(self.tr("Quartal"))
        import datetime as dt

        current = quarter_of(today or dt.date.today())
        for q in [current, *reversed(previous_quarters(current, 7))]:
            self.period_box.addItem(q.label, q.label)
        self.spins: dict[str, QDoubleSpinBox] = {}
        form = QFormLayout()
        label = QLabel(self.tr("&Quartal:"))
        label.setBuddy(self.period_box)
        form.addRow(label, self.period_box)
        for code in session.scheme.codes("field"):
            spin = QDoubleSpinBox()
            spin.setRange(0.0, MAX_FTE)
            spin.setDecimals(2)
            spin.setSingleStep(0.25)
            spin.setSuffix(self.tr(" VZÄ"))
            spin.setAccessibleName(code.label(lang.current()))
            spin.setObjectName(f"fte_{code.code}")
            self.spins[code.code] = spin
            form.addRow(code.label(lang.current()) + ":", spin)
        note = QLabel(
            self.tr(
                "Vollzeitäquivalente (VZÄ) je Beratungsfeld: 1,0 ist eine volle Stelle, eine "
                "halbe Stelle 0,5. Die Zahlen gehen mit der Meldung des Quartals an den "
                "Landkreis (Personal je 40.000 Einwohner, SchKG-Standard)."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.period_box.currentIndexChanged.connect(self._load)
        self._load()
        self.resize(480, self.sizeHint().height())

    def period(self):
        return parse_period(self.period_box.currentData())

    def _load(self, *_args) -> None:
        values = staffing.for_period(self.session, self.period())
        for code, spin in self.spins.items():
            spin.setValue(values.get(code, 0.0))

    def save(self) -> None:
        fte = {code: spin.value() for code, spin in self.spins.items()}
        try:
            self.saved = staffing.record(self.session, self.period(), fte)
        except FallzahlError as exc:
            dialogs.error(self, exc)
            return
        self.accept()
