"""Close a reporting period: check, see blocking points and warnings, close (leads).

Blocking points must be fixed, or accepted with a reason that goes to the audit log.
The rules are in app/period_close.py.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import FallzahlError
from app.lang import t
from app.office import period_close
from app.records.periods import parse_period, previous_quarters, quarter_of
from ui import dialogs
from ui.wrapping_delegate import WrappingDelegate


class ClosePeriodDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None, *, today: dt.date | None = None):
        super().__init__(parent)
        self.session = session
        self.closed_entry: period_close.ClosedPeriod | None = None
        self.setWindowTitle(t("Zeitraum abschließen", "Close period"))
        self.resize(720, 480)

        self.period_box = QComboBox()
        self.period_box.setEditable(True)
        current = quarter_of(today or dt.date.today())
        for q in reversed([*previous_quarters(current, 7), current]):
            self.period_box.addItem(q.label)
        self.period_box.setCurrentIndex(1)  # the quarter before the current one
        self.period_box.currentTextChanged.connect(self.check)

        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([t("Punkt", "Point"), t("Fall", "Case")])
        self.tree.setColumnWidth(0, 540)
        # blocking points are read whole: long texts wrap (finding 10)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setWordWrap(True)
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        self.today = today or dt.date.today()
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(
            t(
                "Begründung, wenn blockierende Punkte angenommen werden (wird protokolliert)",
                "Reason when blocking points are accepted (written to the audit log)",
            )
        )
        self.reason_edit.textChanged.connect(self._update_buttons)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")

        self.check_button = QPushButton(t("Prüfen", "Check"))
        self.close_period_button = QPushButton(t("Zeitraum abschließen", "Close period"))
        self.cancel_button = QPushButton(t("Schließen", "Close"))
        self.check_button.clicked.connect(self.check)
        self.close_period_button.clicked.connect(self.close_period)
        self.cancel_button.clicked.connect(self.reject)

        form = QFormLayout()
        form.addRow(t("Zeitraum:", "Period:"), self.period_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_period_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.state_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(QLabel(t("Begründung:", "Reason:")))
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self._findings: list[period_close.Finding] = []
        self.check()

    def selected_period(self):
        try:
            return parse_period(self.period_box.currentText())
        except FallzahlError as exc:
            self.error_label.setText(exc.message())
            return None

    @property
    def blocking(self) -> list[period_close.Finding]:
        return [f for f in self._findings if f.blocking]

    def check(self) -> None:
        self.error_label.clear()
        self.tree.clear()
        self._findings = []
        period = self.selected_period()
        if period is None:
            self._update_buttons()
            return
        if period_close.is_closed(self.session, period):
            self.state_label.setText(
                t(
                    f"{period.label} ist bereits abgeschlossen.",
                    f"{period.label} is already closed.",
                )
            )
            self._update_buttons(already=True)
            return
        try:
            self._findings = period_close.findings(self.session, period, self.today)
        except FallzahlError as exc:
            self.error_label.setText(exc.message())
            self._update_buttons()
            return
        blocking = self.blocking
        warnings = [f for f in self._findings if not f.blocking]
        for title, items, color in (
            (t("Blockierend", "Blocking"), blocking, "#b00020"),
            (t("Hinweise", "Warnings"), warnings, "#8a6d00"),
        ):
            top = QTreeWidgetItem([f"{title} ({len(items)})", ""])
            top.setForeground(0, QBrush(QColor(color)))
            self.tree.addTopLevelItem(top)
            for f in items:
                top.addChild(QTreeWidgetItem([f.message(), f.record]))
            top.setExpanded(True)
        if blocking:
            text = t(
                f"{len(blocking)} blockierende Punkte: beheben oder mit Begründung annehmen.",
                f"{len(blocking)} blocking points: fix them or accept them with a reason.",
            )
        else:
            text = t(f"{period.label} kann abgeschlossen werden.", f"{period.label} can be closed.")
        self.state_label.setText(text)
        self._update_buttons()

    def _update_buttons(self, *_args, already: bool = False) -> None:
        ok = self.selected_period() is not None and not already
        if self.blocking and not self.reason_edit.text().strip():
            ok = False
        self.close_period_button.setEnabled(ok and self.session.is_lead)
        self.reason_edit.setEnabled(bool(self.blocking))

    def confirmation(self, period) -> str:
        """The question asked before closing: the period, whether it is still running,
        and the blocking points accepted with their reason."""
        parts = [
            t(
                f"Den Zeitraum {period.label} ({period.start:%d.%m.%Y} – {period.end:%d.%m.%Y}) "
                "jetzt abschließen? Danach lassen sich seine Kontakte und Fälle nicht mehr "
                "ändern, bis er wieder geöffnet wird.",
                f"Close the period {period.label} ({period.start:%d.%m.%Y} – "
                f"{period.end:%d.%m.%Y}) now? Its contacts and cases cannot be changed "
                "afterwards until it is reopened.",
            )
        ]
        if any(f.kind == "not_over" for f in self._findings):
            parts.append(
                t(
                    f"Achtung: {period.label} läuft noch bis zum {period.end:%d.%m.%Y}. "
                    "Kontakte bis dahin können danach nicht mehr erfasst werden.",
                    f"Note: {period.label} is still running until {period.end:%d.%m.%Y}. "
                    "Contacts up to then cannot be recorded afterwards.",
                )
            )
        blocking = self.blocking
        if blocking:
            reason = self.reason_edit.text().strip()
            lines = [
                t(
                    f"Sie nehmen {len(blocking)} blockierende Punkte an (Begründung: „{reason}“):",
                    f"You accept {len(blocking)} blocking points (reason: '{reason}'):",
                )
            ]
            shown = blocking[:8]
            lines += [f"• {f.record}: {f.message()}" for f in shown]
            if len(blocking) > len(shown):
                lines.append(
                    t(
                        f"… und {len(blocking) - len(shown)} weitere (in der Liste).",
                        f"… and {len(blocking) - len(shown)} more (in the list).",
                    )
                )
            parts.append("\n".join(lines))
        return "\n\n".join(parts)

    def close_period(self) -> None:
        period = self.selected_period()
        if period is None:
            return
        if not dialogs.question(self, self.confirmation(period)):
            return
        reason = self.reason_edit.text().strip() or None
        try:
            self.closed_entry = period_close.close_period(
                self.session, period, accepted_reason=reason
            )
        except FallzahlError as exc:
            self.error_label.setText(exc.message())
            return
        self.accept()
