"""The office's "Ihre Daten im Sozialplan": what of its data the district used, and how the
office compares, from the district's published (signed) feedback only.

Reading and checking the feedback file is app.office.feedback_import's; this dialog lists the
editions held, reads in a new one and shows one.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
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
from app.exchange import feedback as feedback_format
from app.office import feedback_import
from app.stats.planning import format_number
from app.stats.tally import measure_label
from ui import dialogs


class _Rows(QAbstractTableModel):
    def __init__(self, headings: list[str], parent=None) -> None:
        super().__init__(parent)
        self.headings = headings
        self.rows: list[list[str]] = []

    def set_rows(self, rows: list[list[str]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headings)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self.headings[section]


def _table(model: QAbstractTableModel, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.verticalHeader().hide()
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return view


class PlanFeedbackView(QDialog):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Ihre Daten im Sozialplan"))
        self.resize(820, 640)
        self.period_box = QComboBox()
        self.period_box.setAccessibleName(self.tr("Zeitraum der Rückmeldung"))
        self.import_button = QPushButton(self.tr("Rückmeldung &einlesen …"))
        self.import_button.clicked.connect(self.import_dialog)
        top = QHBoxLayout()
        label = QLabel(self.tr("&Zeitraum:"))
        label.setBuddy(self.period_box)
        top.addWidget(label)
        top.addWidget(self.period_box, 1)
        top.addWidget(self.import_button)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.compare = _Rows([self.tr("Kennzahl"), self.tr("Ihre Stelle"), self.tr("Landkreis"),
                              self.tr("Ihr Anteil")], self)  # fmt: skip
        self.plan = _Rows([self.tr("Kennzahl des Landkreises"), self.tr("Wert")], self)
        self.compare_view = _table(self.compare, self.tr("Ihre Stelle und der Landkreis"))
        self.plan_view = _table(self.plan, self.tr("Kennzahlen der Planung"))
        self.note = QLabel(
            self.tr(
                "Nur veröffentlichte Zahlen: „.“ hat der Landkreis geheim gehalten (kleine Zahlen "
                "und was sie verraten würde). Die Rückmeldung ist vom Landkreis signiert."
            )
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Ihre Stelle neben dem Landkreis")))
        layout.addWidget(self.compare_view, 1)
        layout.addWidget(QLabel(self.tr("Kennzahlen der Planung")))
        layout.addWidget(self.plan_view, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.period_box.currentIndexChanged.connect(self._show)
        self._fill()

    def _fill(self, select: str | None = None) -> None:
        held = feedback_import.held(self.session)
        self.period_box.blockSignals(True)
        self.period_box.clear()
        for label in sorted(held, reverse=True):
            self.period_box.addItem(label, label)
        if select is not None:
            self.period_box.setCurrentIndex(max(0, self.period_box.findData(select)))
        self.period_box.blockSignals(False)
        self._show()

    def _show(self, *_args) -> None:
        label = self.period_box.currentData()
        feedback = feedback_import.held(self.session).get(label) if label else None
        if feedback is None:
            self.summary.setText(
                self.tr(
                    "Noch keine Rückmeldung des Landkreises eingelesen. Der Landkreis "
                    "veröffentlicht je Zeitraum eine signierte Datei (%1); lesen Sie "
                    "sie mit „Rückmeldung einlesen …“ ein."
                ).replace("%1", feedback_format.SUFFIX)
            )
            self.compare.set_rows([])
            self.plan.set_rows([])
            return
        s = feedback_import.standing(self.session, feedback)
        language = lang.current()
        parts = [
            self.tr("%1, Ausgabe %2 vom %3. Gezählt wurden %4 Beratungsstellen.")
            .replace("%1", f"{feedback.district} {feedback.period}")
            .replace("%2", str(feedback.version))
            .replace("%3", feedback.created_at[:10])
            .replace("%4", str(s.offices_counted))
        ]
        if s.counted:
            used = ", ".join(
                self.tr("%1 Meldung Nr. %2").replace("%1", q).replace("%2", str(n))
                for q, n, _mine in s.counted
            )
            parts.append(self.tr("Von Ihnen hat der Landkreis verwendet: %1.").replace("%1", used))
            if not all(mine for _q, _n, mine in s.counted):
                parts.append(self.tr("Eine gezählte Meldung stammt nicht aus diesem Datenbestand."))
        else:
            parts.append(self.tr("Von Ihnen ist in diesen Zahlen keine Meldung enthalten."))
        if s.sent_not_counted:
            missing = ", ".join(
                self.tr("%1 Nr. %2").replace("%1", q).replace("%2", str(n))
                for q, n in s.sent_not_counted
            )
            parts.append(
                self.tr(
                    "Gesendet, aber nicht gezählt: %1 (nicht angekommen, ersetzt oder "
                    "nach der Rückmeldung gesendet)."
                ).replace("%1", missing)  # fmt: skip
            )
        parts.append(
            self.tr("%1 von %2 Werten der Landkreistabelle sind geheim gehalten.")
            .replace("%1", str(s.hidden_cells))
            .replace("%2", str(s.cells))
        )
        self.summary.setText(" ".join(parts))
        self.compare.set_rows(
            [
                [measure_label(m, language), format_number(o, 0), format_number(d, 0),
                 format_number(share, 1, percent=True)]
                for m, o, d, share in zip(s.measures, s.office, s.district, s.shares, strict=True)
            ]
        )  # fmt: skip
        got = feedback.indicators
        rows = []
        for m in got.measures:
            total = got.totals[m]
            rows.append([self.tr("%1 je 1.000 Einwohner").replace("%1", measure_label(m, language)),
                         format_number(total.rate)])  # fmt: skip
        if got.multi_problem is not None:
            rows.append([self.tr("Anteil Multiproblemfälle"),
                         format_number(got.multi_problem.share, 0, percent=True)])  # fmt: skip
        schkg = next((x for x in got.staffing if x.field == "SCHKG"), None)
        if schkg is not None:
            rows.append([self.tr("Schwangerschaftsberatung: Vollzeitstellen je 40.000 Einwohner "
                                 "(Standard 1,0)"), format_number(schkg.per_base)])  # fmt: skip
        if got.population_date is not None:
            rows.append([self.tr("Einwohner (Stand %1)").replace(
                "%1", lang.date_text(got.population_date)),
                format_number(got.population_total, 0)])  # fmt: skip
        self.plan.set_rows(rows)

    def import_file(self, path: str) -> bool:
        try:
            got = feedback_import.import_feedback_file(self.session, path)
        except OSError as exc:
            dialogs.error(self, FallzahlError(
                f"{path} kann nicht gelesen werden ({exc.strerror}).",
                f"{path} cannot be read ({exc.strerror}).",
            ))  # fmt: skip
            return False
        except FallzahlError as exc:
            dialogs.error(self, exc)
            return False
        self._fill(select=got.period)
        return True

    def import_dialog(self) -> None:
        name = dialogs.open_file(
            self, self.tr("Rückmeldung des Landkreises einlesen"), "",
            # the feedback's own extension first; the name of earlier versions still opens
            self.tr("Rückmeldungen (%1)").replace(
                "%1", " ".join(f"*{s}" for s in feedback_format.SUFFIXES)
            ),
        )  # fmt: skip
        if name:
            self.import_file(name)
