"""The packages this office has sent, with the district's answer; import a receipt.

A package is "gesendet" until the district's signed receipt is imported, then "angenommen
vom Landkreis am <Datum>". A refused receipt (wrong office, tampered, unknown package,
untrusted signer) is shown with its message. Rules: app/exchange/package.py, app/office/receipt_import.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import lang
from app.errors import FallzahlError
from app.exchange import receipt
from app.office import export, receipt_import
from ui import dialogs


def _date(day: dt.date) -> str:
    return lang.date_text(day)


def _day(stamp: str | None) -> str:
    """An ISO timestamp as a local date (German or ISO form)."""
    if not stamp:
        return ""
    try:
        moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return _date(moment.date())


class SentPackagesModel(QAbstractTableModel):
    FILE, PERIOD, SEQUENCE, CREATED, STATUS = range(5)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[export.SentPackage] = []

    def set_packages(self, rows: list[export.SentPackage]) -> None:
        self.beginResetModel()
        self._rows = sorted(rows, key=lambda p: p.sequence, reverse=True)
        self.endResetModel()

    def package_at(self, row: int) -> export.SentPackage:
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def status_text(self, p: export.SentPackage) -> str:
        if p.status == "accepted":
            day = receipt_import.accepted_on(p)  # the receipt's time, read strictly
            if day is None:
                return self.tr("angenommen vom Landkreis (Datum unlesbar)")
            return self.tr("angenommen vom Landkreis am %1").replace("%1", _date(day))
        return self.tr("gesendet")

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        p = self._rows[index.row()]
        col = index.column()
        if role == Qt.DisplayRole:
            if col == self.FILE:
                return p.file_name
            if col == self.PERIOD:
                return p.period + (self.tr(" (Korrektur)") if p.supersedes else "")
            if col == self.SEQUENCE:
                return str(p.sequence)
            if col == self.CREATED:
                return _day(p.created_at)
            if col == self.STATUS:
                return self.status_text(p)
        if role == Qt.ToolTipRole:
            return f"SHA-256: {p.sha256}"
        if role == Qt.ForegroundRole and col == self.STATUS and p.status == "accepted":
            return QBrush(QColor("#1b6e20"))
        if role == Qt.TextAlignmentRole and col == self.SEQUENCE:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):  # noqa: N802
        if role != Qt.DisplayRole or orientation != Qt.Horizontal or not 0 <= section < 5:
            return None
        return (
            self.tr("Datei"),
            self.tr("Zeitraum"),
            self.tr("Nr."),
            self.tr("Erstellt"),
            self.tr("Status"),
        )[section]


class SentPackagesDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Gesendete Meldungen"))
        self.resize(860, 400)
        self.model = SentPackagesModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Gesendete Meldungen"))
        self.table.setTabKeyNavigation(False)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.import_button = QPushButton(self.tr("&Empfangsbestätigung einlesen…"))
        self.close_button = QPushButton(self.tr("Schließen"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)
        self.import_button.clicked.connect(self.import_receipt)
        self.close_button.clicked.connect(self.accept)
        self.reload()

    def reload(self) -> None:
        sent = export.sent_packages(self.session)
        self.model.set_packages(sent)
        accepted = sum(1 for p in sent if p.status == "accepted")
        if not sent:
            text = self.tr("Aus diesem Datenbestand wurde noch keine Meldung gesendet.")
        else:
            text = (
                self.tr("%1 Meldungen gesendet, %2 vom Landkreis bestätigt.")
                .replace("%1", str(len(sent)))
                .replace("%2", str(accepted))
            )
        self.summary.setText(text)

    def _show(self, text: str, ok: bool) -> None:
        self.message_label.setStyleSheet("color: #1b6e20;" if ok else "color: #b00020;")
        self.message_label.setText(text)

    def import_receipt(self) -> None:
        name = dialogs.open_file(
            self,
            self.tr("Empfangsbestätigung des Landkreises"),
            str(Path.home()),
            self.tr("Empfangsbestätigungen (%1);;Alle Dateien (*)").replace(
                "%1", " ".join(f"*{s}" for s in receipt.SUFFIXES)
            ),
        )
        if not name:
            return
        try:
            sent = receipt_import.import_receipt_file(self.session, name)
        except FallzahlError as exc:
            self._show(
                self.tr("Nicht eingelesen: %1").replace("%1", exc.message(lang.current())), False
            )
            return
        except OSError as exc:
            self._show(
                self.tr("Die Datei %1 lässt sich nicht lesen (%2).")
                .replace("%1", name)
                .replace("%2", exc.strerror or str(exc)),
                False,
            )
            return
        self.reload()
        self._show(
            self.tr("Eingelesen: %1 – %2")
            .replace("%1", sent.file_name)
            .replace("%2", self.model.status_text(sent)),
            True,
        )
