"""The district's view of the offices' signing keys: each enrolled office with its current
key id, since when it is enrolled and the history of its keys (replaced, revoked, with
dates). Reads in a key rotation statement and revokes a key. Every decision is
app/district.py's (and app/district_registry.py's); this only shows and asks."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
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
from app.district import desk as district
from app.district.registry import ACTIVE, REVOKED, OfficeEntry, Registry
from app.errors import FallzahlError
from ui import dialogs

OFFICE, CURRENT, ENROLLED, HISTORY = range(4)


def _date(day: dt.date | None) -> str:
    if day is None:
        return ""
    return day.isoformat() if lang.current() == "en" else f"{day:%d.%m.%Y}"


class OfficeKeysModel(QAbstractTableModel):
    """Enrolled offices (rows): office, current key id, enrolled since, key history."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._offices: tuple[OfficeEntry, ...] = ()

    def set_registry(self, registry: Registry) -> None:
        self.beginResetModel()
        self._offices = registry.offices
        self.endResetModel()

    def office(self, row: int) -> OfficeEntry | None:
        return self._offices[row] if 0 <= row < len(self._offices) else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._offices)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 4

    def history(self, entry: OfficeEntry) -> str:
        """One line per key, oldest first: how it came and how it ended."""
        lines = []
        for k in entry.keys:
            came = (
                self.tr("gewechselt am {date}")
                if k.how == "rotated"
                else self.tr("eingetragen am {date}")
            ).format(date=_date(k.added))
            if k.status == ACTIVE:
                ended = self.tr("aktuell")
            elif k.status == REVOKED:
                ended = self.tr("widerrufen am {date}").format(date=_date(k.ended))
            else:
                ended = self.tr("ersetzt am {date}").format(date=_date(k.ended))
            lines.append(f"{k.key_id}: {came}, {ended}")
        return "\n".join(lines)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self._offices[index.row()]
        col = index.column()
        active = entry.active_key
        if role == Qt.ItemDataRole.DisplayRole:
            if col == OFFICE:
                return f"{entry.office_id}  {entry.name}"
            if col == CURRENT:
                return active.key_id if active else self.tr("– keiner –")
            if col == ENROLLED:
                return _date(entry.enrolled)
            return self.history(entry)
        if role == Qt.ItemDataRole.ToolTipRole and col == CURRENT and active is None:
            return self.tr(
                "Kein gültiger Schlüssel: Meldungen werden abgelehnt, bis die Stelle neu eingetragen ist."
            )
        if role == Qt.ItemDataRole.ForegroundRole and col == CURRENT and active is None:
            return QBrush(QColor("#b71c1c"))
        if role == Qt.ItemDataRole.UserRole:
            return entry.office_id
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return (
            self.tr("Beratungsstelle"),
            self.tr("Aktueller Schlüssel"),
            self.tr("Eingetragen seit"),
            self.tr("Schlüsselverlauf"),
        )[section]


class OfficeKeysDialog(QDialog):
    """Schlüssel der Stellen: the registry, rotation statements in, keys revoked."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Schlüssel der Stellen"))
        self.resize(940, 420)
        intro = QLabel(
            self.tr(
                "Jede Beratungsstelle signiert ihre Meldungen mit ihrem aktuellen Schlüssel. "
                "Einen Schlüsselwechsel bestätigt der bisherige Schlüssel der Stelle; ein "
                "verlorener oder gestohlener Schlüssel wird widerrufen."
            )
        )
        intro.setWordWrap(True)
        self.model = OfficeKeysModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setStyleSheet("QTableView::item { padding: 3px 6px; }")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Eingetragene Beratungsstellen und ihre Schlüssel"))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.rotate_button = QPushButton(self.tr("Schlüsselwechsel &einlesen…"))
        self.revoke_button = QPushButton(self.tr("Schlüssel &widerrufen…"))
        self.close_button = QPushButton(self.tr("Schließen"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.rotate_button)
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        self.rotate_button.clicked.connect(self.read_rotation)
        self.revoke_button.clicked.connect(self.revoke)
        self.close_button.clicked.connect(self.accept)
        self.table.selectionModel().selectionChanged.connect(self._enable)
        self.refresh()

    def refresh(self) -> None:
        chosen = self.selected()
        try:
            self.model.set_registry(district.registry(self.session))
        except FallzahlError as exc:
            self.status_label.setText(dialogs.text_of(exc))
        self.table.resizeRowsToContents()
        if chosen is not None:
            self.select(chosen.office_id)
        self._enable()

    def select(self, office_id: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.office(row).office_id == office_id:
                self.table.selectRow(row)
                return

    def selected(self) -> OfficeEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.office(rows[0].row()) if rows else None

    def _enable(self, *_args) -> None:
        entry = self.selected()
        self.rotate_button.setEnabled(entry is not None)
        self.revoke_button.setEnabled(entry is not None and entry.active_key is not None)

    def read_rotation(self) -> bool:
        """Choose the office's statement file (its .minisig beside it) and read it in."""
        entry = self.selected()
        if entry is None:
            return False
        name = dialogs.open_file(
            self,
            self.tr("Erklärung zum Schlüsselwechsel von {office} öffnen").format(
                office=entry.office_id
            ),
            "",
            self.tr("Erklärungen zum Schlüsselwechsel (*_key-rotation_*.txt);;Alle Dateien (*)"),
        )
        if not name:
            return False
        try:
            kid = district.rotate_key_files(self.session, entry.office_id, name)
        except FallzahlError as exc:
            self.status_label.setText(dialogs.text_of(exc))
            dialogs.error(self, exc)
            return False
        self.refresh()
        message = self.tr(
            "Schlüsselwechsel von {office} angenommen. Neuer Schlüssel: {kid}. Meldungen mit "
            "dem alten Schlüssel werden ab jetzt abgelehnt."
        ).format(office=entry.office_id, kid=kid)
        self.status_label.setText(message)
        dialogs.info(self, message, self.tr("Schlüsselwechsel einlesen"))
        return True

    def revoke(self) -> bool:
        """Revoke the selected office's current key after asking."""
        entry = self.selected()
        if entry is None or entry.active_key is None:
            return False
        kid = entry.active_key.key_id
        if not dialogs.question(
            self,
            self.tr(
                "Den Schlüssel {kid} der Beratungsstelle {office} widerrufen?\n\n"
                "Meldungen mit diesem Schlüssel werden ab sofort abgelehnt, auch ein "
                "Schlüsselwechsel, den er bestätigt. Die Stelle muss einen neuen Schlüssel "
                "erzeugen und neu eingetragen werden (Schlüssel-ID telefonisch abgleichen). "
                "Das lässt sich nicht rückgängig machen."
            ).format(kid=kid, office=entry.office_id),
            self.tr("Schlüssel widerrufen"),
        ):
            return False
        try:
            district.revoke_key(self.session, entry.office_id, kid)
        except FallzahlError as exc:
            self.status_label.setText(dialogs.text_of(exc))
            dialogs.error(self, exc)
            return False
        self.refresh()
        self.status_label.setText(
            self.tr("Schlüssel {kid} der Beratungsstelle {office} widerrufen.").format(
                kid=kid, office=entry.office_id
            )
        )
        return True
