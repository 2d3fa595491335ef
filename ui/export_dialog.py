"""Export the submission package: choose a closed period, see what is sent, write the file.

Three pages: (1) period and a preview of exactly the table that will be sent, (2) the
destination folder and the export with a progress bar, (3) the file's path and SHA-256.
All rules live in app/package.py; this is only the skin.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import FallzahlError
from app.lang import t
from app.office import export, period_close
from app.records.periods import parse_period
from app.stats.tally import Tally, code_label, dimension_label, measure_label
from ui import dialogs, settings, worker


class TallyTableModel(QAbstractTableModel):
    """The tally's long table: measure, breakdown, value (one row per tally row)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, str]] = []

    def set_tally(self, tally: Tally | None, scheme) -> None:
        self.beginResetModel()
        self._rows = []
        if tally is not None:
            for row in tally.rows:
                parts = [
                    f"{dimension_label(d, scheme)}: {code_label(d, c, scheme)}" for d, c in row.dims
                ]
                value = "." if row.value is None else str(row.value)
                self._rows.append(
                    (measure_label(row.measure), " / ".join(parts) or t("gesamt", "total"), value)
                )
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's default argument)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == Qt.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):
        if role != Qt.DisplayRole or orientation != Qt.Horizontal or not 0 <= section < 3:
            return None
        return (t("Kennzahl", "Measure"), t("Aufgliederung", "Breakdown"), t("Wert", "Value"))[
            section
        ]


class ExportDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.result_path: Path | None = None
        self.result_sha256: str | None = None
        self.task: worker.Task | None = None
        self.setWindowTitle(t("Paket exportieren", "Export package"))
        self.resize(760, 520)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._preview_page())
        self.pages.addWidget(self._destination_page())
        self.pages.addWidget(self._done_page())

        self.back_button = QPushButton(t("Zurück", "Back"))
        self.next_button = QPushButton(t("Weiter", "Next"))
        self.export_button = QPushButton(t("Exportieren", "Export"))
        self.close_button = QPushButton(t("Schließen", "Close"))
        self.back_button.clicked.connect(lambda: self._go(self.pages.currentIndex() - 1))
        self.next_button.clicked.connect(lambda: self._go(1))
        self.export_button.clicked.connect(self.export)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.export_button, self.close_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self._load_periods()
        self._go(0)

    # pages
    def _preview_page(self) -> QWidget:
        page = QWidget()
        self.period_box = QComboBox()
        self.period_box.currentIndexChanged.connect(self._preview)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = TallyTableModel(self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab goes on to the next control
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        form = QFormLayout()
        form.addRow(t("Abgeschlossener Zeitraum:", "Closed period:"), self.period_box)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(
                t(
                    "Genau diese Tabelle wird gesendet – nur Summen, keine Fälle, keine Namen.",
                    "Exactly this table is sent: only totals, no cases, no names.",
                )
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        return page

    def _destination_page(self) -> QWidget:
        page = QWidget()
        self.folder_edit = QLineEdit(settings.start_folder())
        choose = QPushButton(t("Wählen …", "Choose …"))
        choose.clicked.connect(self._choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(choose)
        self.recipients_label = QLabel()
        self.recipients_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(t("Zielordner:", "Destination folder:")))
        layout.addLayout(row)
        layout.addWidget(self.recipients_label)
        layout.addStretch(1)
        layout.addWidget(self.progress)
        layout.addWidget(self.error_label)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.sha_edit = QLineEdit()
        self.sha_edit.setReadOnly(True)
        self.sha_edit.setMinimumWidth(560)
        form = QFormLayout()
        form.addRow(t("Datei:", "File:"), self.path_edit)
        form.addRow("SHA-256:", self.sha_edit)
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_label)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(
                t(
                    "Senden Sie die Datei an den Landkreis. Die SHA-256 steht auch in der "
                    "Empfangsbestätigung des Landkreises.",
                    "Send the file to the district. The SHA-256 also appears in the "
                    "district's receipt.",
                )
            )
        )
        layout.addStretch(1)
        return page

    # behaviour
    def _go(self, index: int) -> None:
        self.pages.setCurrentIndex(max(0, min(index, 2)))
        i = self.pages.currentIndex()
        self.back_button.setVisible(i == 1)
        self.next_button.setVisible(i == 0)
        self.next_button.setEnabled(self.period_box.count() > 0)
        self.export_button.setVisible(i == 1)
        self.close_button.setText(t("Fertig", "Done") if i == 2 else t("Schließen", "Close"))
        # Enter does the page's next step: Weiter, Exportieren, Fertig (never Schließen first)
        default = (self.next_button, self.export_button, self.close_button)[i]
        for button in (self.back_button, self.next_button, self.export_button, self.close_button):
            button.setAutoDefault(False)
            button.setDefault(button is default)
        if i == 1:
            self._show_recipients()

    def _load_periods(self) -> None:
        closed = period_close.closed_periods(self.session)
        self.period_box.blockSignals(True)
        self.period_box.clear()
        for entry in sorted(closed, key=lambda c: (c.start, c.end), reverse=True):
            self.period_box.addItem(entry.label, entry.label)
        self.period_box.blockSignals(False)
        if not closed:
            self.summary.setText(
                t(
                    "Es ist noch kein Zeitraum abgeschlossen. Schließen Sie zuerst einen "
                    "Zeitraum ab (Zeitraum abschließen).",
                    "No period is closed yet. Close a period first (Close period).",
                )
            )
        self._preview()

    def selected_period(self):
        label = self.period_box.currentData()
        return parse_period(label) if label else None

    def _preview(self) -> None:
        period = self.selected_period()
        if period is None:
            self.model.set_tally(None, None)
            return
        try:
            tally = export.preview_tally(self.session, period)
        except FallzahlError as exc:
            self.summary.setText(exc.message())
            self.model.set_tally(None, None)
            return
        self.model.set_tally(tally, self.session.scheme)
        sent = [p for p in export.sent_packages(self.session) if p.period == period.label]
        text = t(
            f"{len(tally.rows)} Zeilen, Schema {tally.scheme_id} v{tally.scheme_version}.",
            f"{len(tally.rows)} rows, scheme {tally.scheme_id} v{tally.scheme_version}.",
        )
        if sent:
            text += " " + t(
                f"Für {period.label} wurde bereits ein Paket gesendet; dieses ersetzt es "
                "(Korrektur).",
                f"A package for {period.label} was already sent; this one replaces it "
                "(correction).",
            )
        self.summary.setText(text)

    def _show_recipients(self) -> None:
        n = len(export.district_recipients(self.session))
        text = t(
            f"Verschlüsselt für den Landkreis ({n} Empfänger) und das Archiv der "
            "Beratungsstelle; signiert mit dem Schlüssel der Beratungsstelle.",
            f"Encrypted for the district ({n} recipients) and the office's archive; "
            "signed with the office key.",
        )
        if export.sends_to_demo_district(self.session):
            text += " " + t(
                "Achtung: Diese Beratungsstelle wurde ohne Bereitstellungsdatei eingerichtet; "
                "das Paket geht an den Demo-Landkreis, nicht an Ihren Landkreis. Die IT "
                "richtet den echten Empfänger mit der Bereitstellungsdatei ein.",
                "Note: this office was set up without a provisioning file; the package goes to "
                "the demo district, not to your district. IT sets the real recipient with the "
                "provisioning file.",
            )
        self.recipients_label.setText(text)

    def _choose_folder(self) -> None:
        folder = dialogs.choose_folder(
            self, t("Zielordner", "Destination"), self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)

    def export(self) -> None:
        period = self.selected_period()
        folder = Path(self.folder_edit.text().strip())
        self.error_label.clear()
        if period is None:
            return
        if not folder.is_dir():
            self.error_label.setText(
                t(f"Den Ordner {folder} gibt es nicht.", f"The folder {folder} does not exist.")
            )
            return
        self.progress.setRange(0, 0)  # busy
        self.export_button.setEnabled(False)
        session = self.session

        def failed(exc: FallzahlError) -> None:
            self.task = None
            self.progress.setRange(0, 100)
            self.export_button.setEnabled(True)
            self.error_label.setText(exc.message())

        self.task = worker.run(
            self,
            lambda: export.build_package(session, period, folder),
            lambda result: self._exported(period, result),
            failed,
            t(
                f"Das Paket für {period.label} wird erstellt …",
                f"Writing the package for {period.label} …",
            ),
        )

    def _exported(self, period, result) -> None:
        self.task = None
        path, sha, _manifest = result
        self.progress.setRange(0, 100)
        self.export_button.setEnabled(True)
        self.progress.setValue(100)
        self.result_path, self.result_sha256 = path, sha
        self.done_label.setText(
            t(
                f"Das Paket für {period.label} ist erstellt.",
                f"The package for {period.label} has been written.",
            )
        )
        self.path_edit.setText(str(path))
        self.sha_edit.setText(sha)
        self._go(2)
