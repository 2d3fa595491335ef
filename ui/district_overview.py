"""The district's planning overview: key figures, charts with their tables, the map.

Everything shown comes from app.district.indicators (published, suppressed figures only) and
app.district.geo; filters by period, counselling field and area. The population table, a map
file and the district's staffing targets are read in from here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import lang
from app.district import desk as district
from app.district import geo
from app.district import indicators as ind
from app.district import population as pop
from app.district import targets as district_targets
from app.errors import FallzahlError
from ui import dialogs, plan_charts
from ui.dashboard import FigureTableModel
from ui.district_map import MapPanel

FIGURES = ("offices", "cases", "new", "rate", "multi", "schkg")


class _PlanTableModel(FigureTableModel):
    """FigureTableModel over a PlanFigure (its rows are already formatted)."""

    def set_plan(self, fig: plan_charts.PlanFigure | None) -> None:
        self.beginResetModel()
        self._headings = fig.headings if fig else []
        self._rows = fig.rows() if fig else []
        self.endResetModel()


class PlanPanel(QGroupBox):
    """One chart with its table beside it."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"plan_{key}")
        from PySide6.QtCharts import QChart, QChartView
        from PySide6.QtGui import QPainter

        self._empty = QChart
        self.view = QChartView()
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumSize(420, 300)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.model = _PlanTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        right = QVBoxLayout()
        right.addWidget(self.table, 1)
        right.addWidget(self.note)
        layout = QHBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(right)
        self.figure: plan_charts.PlanFigure | None = None

    def show_figure(self, fig: plan_charts.PlanFigure | None) -> None:
        self.figure = fig
        self.setTitle(fig.title if fig else "")
        self.model.set_plan(fig)
        self.table.resizeColumnsToContents()
        cols = sum(self.table.columnWidth(c) for c in range(self.model.columnCount()))
        self.table.setFixedWidth(min(420, max(220, cols + 24)))
        self.note.setText(fig.note if fig else "")
        self.note.setVisible(bool(fig and fig.note))
        self.table.setAccessibleName(
            self.tr("Tabelle: %1").replace("%1", fig.title) if fig else self.tr("Tabelle")
        )
        rows = len(fig.categories) * (len(fig.series) if fig else 1) if fig else 0
        # a bar per area needs its line, or the axis elides the names
        self.view.setMinimumHeight(max(300, 22 * rows + 90) if fig and fig.kind == "hbar" else 300)
        old = self.view.chart()
        self.view.setChart(plan_charts.chart(fig) if fig else self._empty())
        if old is not None:
            old.deleteLater()


class TargetsDialog(QDialog):
    """The district's staffing targets: full-time posts per 40,000 inhabitants per field."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Zielwerte Personal"))
        current = district_targets.targets(session)
        form = QFormLayout()
        self.spins: dict[str, QDoubleSpinBox] = {}
        codes = [(ind.SCHKG_GROUP, self.tr("Schwangerschafts(konflikt)beratung (SchKG)"))]
        codes += [(c.code, c.label(lang.current())) for c in session.scheme.codes("field")]
        for code, label in codes:
            spin = QDoubleSpinBox()
            spin.setRange(0.0, district_targets.MAX_TARGET)
            spin.setDecimals(2)
            spin.setSingleStep(0.1)
            spin.setValue(current.get(code, 0.0))
            spin.setAccessibleName(label)
            self.spins[code] = spin
            form.addRow(label + ":", spin)
        note = QLabel(
            self.tr(
                "Vollzeitstellen je 40.000 Einwohner, die der Landkreis anstrebt (0: kein "
                "Ziel). Für die Schwangerschaftsberatung gilt mindestens der Standard 1,0."
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

    def save(self) -> None:
        try:
            district_targets.set_targets(
                self.session, {k: s.value() for k, s in self.spins.items()}
            )
        except FallzahlError as exc:
            dialogs.error(self, exc)
            return
        self.accept()


class DistrictOverview(QWidget):
    """The planning overview for one district session."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Planung – Landkreis"))
        self.indicators: ind.Indicators | None = None
        self.period_box = QComboBox()
        self.period_box.setAccessibleName(self.tr("Zeitraum"))
        self.field_box = QComboBox()
        self.field_box.setAccessibleName(self.tr("Beratungsfeld"))
        self.area_box = QComboBox()
        self.area_box.setAccessibleName(self.tr("Gebiet"))
        scheme = session.scheme
        self.field_box.addItem(self.tr("alle Beratungsfelder"), "")
        for c in scheme.codes("field"):
            self.field_box.addItem(c.label(lang.current()), c.code)
        self.area_box.addItem(self.tr("ganzer Landkreis"), "")
        for a in ind.area_codes(scheme):
            self.area_box.addItem(ind.area_label(a, scheme, lang.current()), a)
        top = QHBoxLayout()
        for text, box in (
            (self.tr("&Zeitraum:"), self.period_box),
            (self.tr("Beratungs&feld:"), self.field_box),
            (self.tr("&Gebiet:"), self.area_box),
        ):
            label = QLabel(text)
            label.setBuddy(box)
            top.addWidget(label)
            top.addWidget(box)
        top.addStretch(1)
        actions = QHBoxLayout()  # a row of its own: the filters keep the width
        self.population_button = QPushButton(self.tr("&Bevölkerung einlesen …"))
        self.population_button.clicked.connect(self.population_dialog)
        self.map_button = QPushButton(self.tr("&Karte laden …"))
        self.map_button.clicked.connect(self.map_dialog)
        self.targets_button = QPushButton(self.tr("&Zielwerte …"))
        self.targets_button.clicked.connect(self.targets_dialog)
        self.feedback_button = QPushButton(self.tr("&Rückmeldung veröffentlichen …"))
        self.feedback_button.clicked.connect(self.feedback_dialog)
        for b in (self.population_button, self.map_button, self.targets_button,
                  self.feedback_button):  # fmt: skip
            actions.addWidget(b)
        actions.addStretch(1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("plan_status")
        self.figure_labels: dict[str, tuple[QLabel, QLabel]] = {}
        grid = QGridLayout()
        for i, key in enumerate(FIGURES):
            box = QFrame()
            box.setFrameShape(QFrame.Shape.StyledPanel)
            number = QLabel("–")
            number.setObjectName(f"plan_value_{key}")
            font = number.font()
            font.setPointSize(font.pointSize() * 2)
            font.setBold(True)
            number.setFont(font)
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption = QLabel()
            caption.setWordWrap(True)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            inner = QVBoxLayout(box)
            inner.setContentsMargins(6, 4, 6, 4)
            inner.addWidget(number)
            inner.addWidget(caption)
            grid.addWidget(box, 0, i)
            self.figure_labels[key] = (number, caption)
        self.panels = [PlanPanel(k) for k in ("trend", "rates", "balance", "multi", "staff",
                                              "years")]  # fmt: skip
        charts_grid = QGridLayout()
        for i, panel in enumerate(self.panels):  # one a row: area names need the width
            charts_grid.addWidget(panel, i, 0)
        body = QWidget()
        blay = QVBoxLayout(body)
        blay.addLayout(grid)
        blay.addLayout(charts_grid, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.map_panel = MapPanel()
        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, self.tr("Ü&bersicht"))
        self.tabs.addTab(self.map_panel, self.tr("K&arte"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        self._fill_periods()
        self._load_map()
        self.period_box.currentIndexChanged.connect(self.refresh)
        self.field_box.currentIndexChanged.connect(self._show)
        self.area_box.currentIndexChanged.connect(self._show)
        self.refresh()

    # periods
    def _fill_periods(self) -> None:
        labels = sorted({p.period for p in district.intake(self.session).packages}, reverse=True)
        years = sorted({lb[:4] for lb in labels}, reverse=True)
        self.period_box.blockSignals(True)
        self.period_box.clear()
        for lb in labels:
            self.period_box.addItem(lb, lb)
        for y in years:
            self.period_box.addItem(self.tr("Jahr %1").replace("%1", y), y)
        self.period_box.blockSignals(False)

    def select(self, *, period: str | None = None, field: str | None = None,
               area: str | None = None) -> None:  # fmt: skip
        for box, value in ((self.period_box, period), (self.field_box, field),
                           (self.area_box, area)):  # fmt: skip
            if value is not None:
                box.setCurrentIndex(max(0, box.findData(value)))

    # data
    def refresh(self, *_args) -> None:
        label = self.period_box.currentData()
        if not label:
            self.indicators = None
            self.status.setText(
                self.tr("Noch keine Pakete eingelesen: es gibt keine Zahlen für die Planung.")
            )
            self._show()
            return
        try:
            self.indicators = ind.indicators(self.session, label)
        except FallzahlError as exc:
            self.indicators = None
            self.status.setText(exc.message(lang.current()))
            self._show()
            return
        self._show()

    def _load_map(self) -> None:
        scheme = self.session.scheme
        dmap = geo.district_map(self.session)
        labels = {s.ags: scheme.label("municipality", s.ags, lang.current()) for s in dmap.shapes}
        pooled = {a: scheme.pooled("municipality", a) for a in labels}
        names = {a: ind.area_label(a, scheme, lang.current()) for a in ind.area_codes(scheme)}
        self.map_panel.set_map(dmap, labels, pooled, names)

    def _status_text(self, got: ind.Indicators) -> str:
        parts = []
        if got.population_date is None:
            parts.append(
                self.tr("Keine Bevölkerungstabelle eingelesen: Raten je Einwohner fehlen.")
            )
        else:
            parts.append(
                self.tr("Bevölkerung: %1 Einwohner, Stand %2.")
                .replace("%1", ind.format_number(got.population_total, 0))
                .replace("%2", lang.date_text(got.population_date))
            )
            self.status.setToolTip(got.population_source)
            if got.population_estimated:
                parts.append(
                    self.tr("Die Tabelle enthält geschätzte Werte (keine amtlichen Zahlen).")
                )
        parts.append(
            self.tr(
                "Nur veröffentlichte Zahlen: „.“ ist verdeckt (Geheimhaltung), und was daraus "
                "berechnet würde, auch. Wartezeiten kommen mit dem Schema Version 2."
            )
        )
        return " ".join(parts)

    def _show(self, *_args) -> None:
        got = self.indicators
        field_code = self.field_box.currentData() or ""
        area = self.area_box.currentData() or ""
        captions = self._captions(field_code, area)
        for key, (number, caption) in self.figure_labels.items():
            caption.setText(captions[key])
            number.setText("–")
        if got is None:
            for panel in self.panels:
                panel.show_figure(None)
            self.map_panel.set_indicators([])
            return
        self.status.setText(self._status_text(got))
        values = self._figure_values(got, field_code, area)
        for key, text in values.items():
            self.figure_labels[key][0].setText(text)
        figs = plan_charts.figures(got, self.session.scheme, lang.current(),
                                   field_code=field_code, area=area)  # fmt: skip
        for panel, fig in zip(self.panels, figs, strict=True):
            panel.show_figure(fig)
        self.map_panel.set_indicators(ind.area_indicators(got))

    def _captions(self, field_code: str, area: str) -> dict[str, str]:
        where = self.area_box.currentText() if area else ""
        what = self.field_box.currentText() if field_code else ""
        suffix = f" ({where or what})" if (where or what) else ""
        return {
            "offices": self.tr("Beratungsstellen gezählt"),
            "cases": self.tr("Fälle") + suffix,
            "new": self.tr("Neue Fälle") + suffix,
            "rate": self.tr("Fälle je 1.000 Einwohner") + (f" ({where})" if where else ""),
            "multi": self.tr("Anteil Multiproblemfälle") + suffix,
            "schkg": self.tr("SchKG-Stellen je 40.000 Einwohner (Standard 1,0)"),
        }

    def _figure_values(self, got: ind.Indicators, field_code: str, area: str) -> dict[str, str]:
        fmt = ind.format_number
        main = got.measures[0] if got.measures else "cases_new"
        out = {"offices": str(self._offices_counted(got))}
        if area:
            rates = {m: {r.code: r for r in got.by_area[m]} for m in got.measures}
            out["cases"] = fmt(rates.get("cases_active", {}).get(area).count
                               if "cases_active" in rates else None, 0)  # fmt: skip
            out["new"] = fmt(rates["cases_new"][area].count if "cases_new" in rates else None, 0)
            out["rate"] = fmt(rates[main][area].rate)
            multi = {s.code: s for s in got.multi_problem_by_area}.get(area)
            out["multi"] = fmt(multi.share if multi else None, 0, percent=True)
        elif field_code:
            out["cases"] = fmt(got.by_field.get("cases_active", {}).get(field_code), 0)
            out["new"] = fmt(got.by_field.get("cases_new", {}).get(field_code), 0)
            out["rate"] = fmt(got.totals[main].rate)
            multi = {s.code: s for s in got.multi_problem_by_field}.get(field_code)
            out["multi"] = fmt(multi.share if multi else None, 0, percent=True)
        else:
            active = got.totals.get("cases_active")
            out["cases"] = fmt(active.count if active else None, 0)
            out["new"] = fmt(got.totals["cases_new"].count if "cases_new" in got.totals
                             else None, 0)  # fmt: skip
            out["rate"] = fmt(got.totals[main].rate)
            out["multi"] = fmt(got.multi_problem.share if got.multi_problem else None, 0,
                               percent=True)  # fmt: skip
        schkg = next(s for s in got.staffing if s.field == ind.SCHKG_GROUP)
        out["schkg"] = fmt(schkg.per_base)
        return out

    def _offices_counted(self, got: ind.Indicators) -> int:
        label = got.period.label
        current = district.intake(self.session).current()
        quarters = (
            {lb for (_o, lb) in current if lb.startswith(label)} if len(label) == 4 else {label}
        )
        return len({o for (o, lb) in current if lb in quarters})

    # reading in
    def import_population(self, path: str | Path) -> pop.Population | None:
        try:
            table = pop.import_population(self.session, Path(path).read_bytes())
        except OSError as exc:
            dialogs.error(self, FallzahlError(
                f"{path} kann nicht gelesen werden ({exc.strerror}).",
                f"{path} cannot be read ({exc.strerror}).",
            ))  # fmt: skip
            return None
        except FallzahlError as exc:
            dialogs.error(self, exc)
            return None
        self.refresh()
        return table

    def population_dialog(self) -> None:
        name = dialogs.open_file(
            self, self.tr("Bevölkerungstabelle einlesen"), "",
            self.tr("Tabellen des Statistischen Landesamts (*.csv);;Alle Dateien (*)"),
        )  # fmt: skip
        if name:
            self.import_population(name)

    def load_map(self, path: str | Path) -> geo.DistrictMap | None:
        try:
            dmap = geo.load_map(self.session, Path(path).read_bytes(), Path(path).name)
        except OSError as exc:
            dialogs.error(self, FallzahlError(
                f"{path} kann nicht gelesen werden ({exc.strerror}).",
                f"{path} cannot be read ({exc.strerror}).",
            ))  # fmt: skip
            return None
        except FallzahlError as exc:
            dialogs.error(self, exc)
            return None
        self._load_map()
        self._show()
        return dmap

    def map_dialog(self) -> None:
        name = dialogs.open_file(
            self, self.tr("Karte der Gemeinden laden"), "",
            self.tr("GeoJSON (*.geojson *.json);;Alle Dateien (*)"),
        )  # fmt: skip
        if name:
            self.load_map(name)

    def targets_dialog(self) -> None:
        dlg = TargetsDialog(self.session, self)
        if self._exec(dlg):
            self.refresh()

    def publish_feedback(self, folder: str | Path) -> Path | None:
        """The signed feedback file of the period shown, for the offices (and its .minisig)."""
        from app.district.feedback import write_feedback

        label = self.period_box.currentData()
        if not label:
            return None
        try:
            path = write_feedback(self.session, label, folder)
        except FallzahlError as exc:
            dialogs.error(self, exc)
            return None
        dialogs.info(
            self,
            self.tr("Rückmeldung gespeichert: %1 (mit .minisig). Geben Sie beide Dateien den "
                    "Beratungsstellen.").replace("%1", str(path)),
        )  # fmt: skip
        return path

    def feedback_dialog(self) -> None:
        folder = dialogs.choose_folder(self, self.tr("Rückmeldung speichern in"))
        if folder:
            self.publish_feedback(folder)

    def _exec(self, dialog) -> bool:
        """Run a dialog modally (tests replace this)."""
        return bool(dialog.exec())

    def clear(self) -> None:
        self.indicators = None
        self.session = None
        for panel in self.panels:
            panel.show_figure(None)
        self.map_panel.set_indicators([])
