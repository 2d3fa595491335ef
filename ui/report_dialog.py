"""Write the office report for a period: a PDF (ui/report_pdf.py) or an Excel workbook
(app/report_xlsx.py). The counting runs in a worker thread behind a cancellable progress
dialog; the charts of the PDF are drawn afterwards in the GUI thread (QtCharts are widgets).
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

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
from app.errors import FallzahlError, UsageError
from app.office.info import office_info
from app.records.periods import parse_period, previous_quarters, quarter_of
from app.stats import dashboard_data
from app.stats.workbook import write_office_report
from ui import dialogs, worker
from ui.report_pdf import write_office_pdf

PDF, XLSX = "pdf", "xlsx"


class ReportDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None, *, today: dt.date | None = None):
        super().__init__(parent)
        self.session = session
        self.today = today or dt.date.today()
        self.result_path: Path | None = None
        self.task: worker.Task | None = None
        self._cancel: threading.Event | None = None
        self.setWindowTitle(self.tr("Bericht erstellen"))
        self.resize(640, 220)

        self.period_box = QComboBox()
        self.period_box.setEditable(True)
        self.period_box.setAccessibleName(self.tr("Zeitraum"))
        current = quarter_of(self.today)
        for q in reversed([*previous_quarters(current, 7), current]):
            self.period_box.addItem(q.label)
        for y in (self.today.year, self.today.year - 1):
            self.period_box.addItem(str(y))
        # the latest quarter that holds contacts (finding 11: not an empty one)
        days = [k.date for k in session.contacts() if k.date <= self.today]
        latest = quarter_of(max(days)).label if days else None
        found = self.period_box.findText(latest) if latest else -1
        self.period_box.setCurrentIndex(found if found >= 0 else 1)
        self.format_box = QComboBox()
        self.format_box.setAccessibleName(self.tr("Format"))
        self.format_box.addItem(self.tr("PDF-Bericht zum Drucken (.pdf)"), PDF)
        self.format_box.addItem(self.tr("Excel-Arbeitsmappe (.xlsx)"), XLSX)
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName(self.tr("Zieldatei"))
        self.choose_button = QPushButton(self.tr("&Wählen…"))
        self.choose_button.setAccessibleName(self.tr("Zieldatei wählen"))
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.choose_button)
        form = QFormLayout()
        form.addRow(self.tr("&Zeitraum:"), self.period_box)
        form.addRow(self.tr("&Format:"), self.format_box)
        path_label = QLabel(self.tr("&Datei:"))
        path_label.setBuddy(self.path_edit)
        form.addRow(path_label, path_row)

        self.note = QLabel(
            self.tr(
                "Interne Auswertung der Beratungsstelle mit allen Zahlen (nichts geschwärzt); "
                "die Meldung an den Landkreis ist davon getrennt."
            )
        )
        self.note.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.create_button = QPushButton(self.tr("Bericht &erstellen"))
        self.create_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Schließen"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.choose_button.clicked.connect(self._choose)
        self.create_button.clicked.connect(self.create)
        self.close_button.clicked.connect(self.reject)
        self.format_box.currentIndexChanged.connect(self._suggest_path)
        self.period_box.currentTextChanged.connect(self._suggest_path)
        info = office_info(session)
        self._office = (info.name, info.office_id) if info else ("", "")
        self._folder = Path.home()
        self._suggest_path()

    def fmt(self) -> str:
        return self.format_box.currentData()

    def _suggest_path(self, *_args) -> None:
        current = self.path_edit.text().strip()
        folder = Path(current).parent if current else self._folder
        office_id = self._office[1] or "Fallzahl"
        label = self.period_box.currentText().strip().replace("..", "_bis_") or "Zeitraum"
        name = self.tr("Bericht") + f"_{office_id}_{label}.{self.fmt()}"
        self.path_edit.setText(str(folder / name))

    def _choose(self) -> None:
        filters = self.tr("PDF-Dateien (*.pdf)") if self.fmt() == PDF else self.tr("Excel (*.xlsx)")
        name = dialogs.save_file(self, self.tr("Bericht speichern"), self.path_edit.text(), filters)
        if name:
            path = Path(name)
            if path.suffix.lower() != f".{self.fmt()}":
                path = path.with_name(path.name + f".{self.fmt()}")
            self.path_edit.setText(str(path))

    def create(self) -> None:
        self.error_label.clear()
        self.status_label.clear()
        try:
            period = parse_period(self.period_box.currentText())
            target = Path(self.path_edit.text().strip())
            if not self.path_edit.text().strip() or not target.parent.is_dir():
                raise UsageError(
                    f"Den Ordner {target.parent} gibt es nicht. Bitte einen anderen wählen.",
                    f"The folder {target.parent} does not exist. Please choose another.",
                )
        except FallzahlError as exc:
            self.error_label.setText(exc.message(lang.current()))
            return
        scheme, fmt, language = self.session.scheme, self.fmt(), lang.current()
        cases, contacts = self.session.records_for(period)
        name, office_id = self._office
        cancel = self._cancel = threading.Event()
        today = self.today

        def job():
            got = dashboard_data.overview_of(scheme, cases, contacts, period, today=today)
            if cancel.is_set():  # cancelled while counting: write nothing
                return None
            if fmt == XLSX:
                write_office_report(target, got.tally, scheme, name, office_id, language)
            return got

        def done(got) -> None:
            self.task = None
            self.create_button.setEnabled(True)
            if fmt == PDF:
                try:
                    write_office_pdf(
                        target, got.tally, scheme, name, office_id, got.trend, language
                    )
                except FallzahlError as exc:
                    failed(exc)
                    return
            self.result_path = target
            self.status_label.setText(self.tr("Bericht gespeichert: %1").replace("%1", str(target)))

        def failed(exc: FallzahlError) -> None:
            self.task = None
            self.create_button.setEnabled(True)
            self.error_label.setText(exc.message(lang.current()))

        def cancelled() -> None:
            self.task = None
            self.create_button.setEnabled(True)
            self.status_label.setText(self.tr("Abgebrochen."))

        self.create_button.setEnabled(False)
        self.task = worker.run(
            self,
            job,
            done,
            failed,
            self.tr("Der Bericht für %1 wird erstellt …").replace("%1", period.label),
            cancel=cancel,
            on_cancel=cancelled,
        )
