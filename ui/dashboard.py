"""The office's overview ("Übersicht"): key figures and four charts, each beside its table.

The figures come from one call, app.dashboard_data.overview (one tally of the chosen period
plus the eight-quarter trend in one pass). They are computed only while the overview is
visible: ``refresh()`` on a hidden dashboard just marks it stale and the next show
recomputes. No suppression: this is the office's own internal view.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import lang
from app.errors import FallzahlError
from app.records.periods import quarter, quarter_of, year
from app.stats import dashboard_data
from app.stats.tally import measure_label
from ui import charts

if TYPE_CHECKING:
    from app.vault.session import Session

KEY_MEASURES = (
    "cases_active",
    "cases_new",
    "cases_closed",
    "cases_single_contact",
    "cases_multi_problem",
    "contacts",
    "persons",
)


class FigureTableModel(QAbstractTableModel):
    """A chart's numbers as a table: category, then one column per series."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._headings: list[str] = []
        self._rows: list[list] = []

    def set_figure(self, figure: charts.Figure | None) -> None:
        self.beginResetModel()
        self._headings = figure.headings if figure else []
        self._rows = figure.rows() if figure else []
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headings)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self._headings):
            return None
        value = self._rows[index.row()][index.column()]
        if role == Qt.DisplayRole:
            return str(value)
        if role == Qt.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):  # noqa: N802
        if role != Qt.DisplayRole or orientation != Qt.Horizontal:
            return None
        return self._headings[section] if 0 <= section < len(self._headings) else None


class _Panel(QGroupBox):
    """One chart with its table beside it."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.view = charts.view()
        self.view.setMinimumSize(charts.minimum_size(None))
        # The chart and its table ask for no more height than they need (their preferred
        # height is ignored) and share what the overview has: in a scroll area a word-wrapped
        # label makes the layout take its preferred height, which scrolled at 1280x720.
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.model = FigureTableModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Tabelle zum Diagramm"))
        self.table.setTabKeyNavigation(False)  # Tab goes on to the next control
        self.view.setAccessibleName(self.tr("Diagramm"))
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        right = QVBoxLayout()
        right.addWidget(self.table, 1)
        right.addWidget(self.note)
        layout = QHBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(right)
        self.figure: charts.Figure | None = None
        self.view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.view and event.type() == QEvent.Type.Resize:
            self._fit_labels()
        return super().eventFilter(watched, event)

    def _fit_labels(self) -> None:
        """Category labels only where the chart has room for them whole (on a small screen
        the bars go without; the table beside names each category, in the same order)."""
        axis = charts.category_axis(self.view.chart())
        if axis is not None and self.figure is not None:
            axis.setLabelsVisible(charts.labels_fit(self.figure, self.view.size()))

    def _fit_table(self) -> None:
        """As wide as its columns (the chart takes the rest of the row)."""
        self.table.resizeColumnsToContents()
        cols = sum(self.table.columnWidth(c) for c in range(self.model.columnCount()))
        bar = self.table.verticalScrollBar().sizeHint().width()
        width = max(200, cols + 2 * self.table.frameWidth() + bar + 2)
        self.table.setFixedWidth(width)

    def show_figure(self, figure: charts.Figure | None) -> None:
        self.figure = figure
        self.setTitle(figure.title if figure else "")
        if figure is not None:  # before the first figure: the generic names from __init__
            self.table.setAccessibleName(self.tr("Tabelle: %1").replace("%1", figure.title))
            self.view.setAccessibleName(self.tr("Diagramm: %1").replace("%1", figure.title))
        self.model.set_figure(figure)
        self._fit_table()
        self.view.setMinimumSize(charts.minimum_size(figure))
        self.note.setText(figure.note if figure else "")
        self.note.setVisible(bool(figure and figure.note))
        old = self.view.chart()
        if figure is None:
            self.view.setChart(charts.QChart())
        else:
            self.view.setChart(charts.chart(figure, title=False))
        if old is not None:
            old.deleteLater()
        self._fit_labels()


class Dashboard(QWidget):
    """``set_session``, ``refresh()`` (after saves), ``clear()`` (on lock)."""

    def __init__(self, session: Session | None = None, parent: QWidget | None = None, *,
                 today: dt.date | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("dashboard")
        self._session: Session | None = None
        self._today = today
        self._stale = True
        self.overview: dashboard_data.Overview | None = None
        self._build()
        self.set_session(session)

    def _build(self) -> None:
        self.year_box = QComboBox()
        self.year_box.setAccessibleName(self.tr("Jahr"))
        self.quarter_box = QComboBox()
        self.quarter_box.setAccessibleName(self.tr("Quartal"))
        self.period_label = QLabel()
        top = QHBoxLayout()
        label = QLabel(self.tr("&Zeitraum:"))
        label.setBuddy(self.year_box)
        top.addWidget(label)
        top.addWidget(self.year_box)
        top.addWidget(self.quarter_box)
        top.addWidget(self.period_label, 1)

        self.figure_labels: dict[str, tuple[QLabel, QLabel]] = {}
        figures = QGridLayout()
        figures.setHorizontalSpacing(12)
        for i, measure in enumerate(KEY_MEASURES):
            box = QFrame()
            box.setObjectName(f"figure_{measure}")
            box.setFrameShape(QFrame.Shape.StyledPanel)
            number = QLabel("–")
            number.setObjectName(f"value_{measure}")
            font = number.font()
            font.setPointSize(font.pointSize() * 2 + 2)
            font.setBold(True)
            number.setFont(font)
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption = QLabel()
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption.setWordWrap(True)
            inner = QVBoxLayout(box)
            inner.setContentsMargins(6, 4, 6, 4)
            inner.addWidget(number)
            inner.addWidget(caption)
            figures.addWidget(box, 0, i)
            self.figure_labels[measure] = (number, caption)

        self.panels = [_Panel(key) for key in charts.FIGURE_KEYS]
        grid = QGridLayout()
        trend, domains, classes, municipalities = self.panels
        # two by two, so that all four fit a 1280x720 screen without scrolling; the charts
        # with a bar per domain or municipality share a row, as they need the most height
        grid.addWidget(trend, 0, 0)
        grid.addWidget(classes, 0, 1)
        grid.addWidget(domains, 1, 0)
        grid.addWidget(municipalities, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        body = QWidget()
        blay = QVBoxLayout(body)
        blay.addLayout(figures)
        blay.addLayout(grid, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.empty_label)
        layout.addWidget(scroll, 1)

        reading = (trend, classes, domains, municipalities)
        chain = [self.year_box, self.quarter_box, *(p.table for p in reading)]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)
        self.year_box.currentIndexChanged.connect(self._period_changed)
        self.quarter_box.currentIndexChanged.connect(self._period_changed)
        self._retranslate()

    def _retranslate(self) -> None:
        for measure, (_number, caption) in self.figure_labels.items():
            caption.setText(measure_label(measure, lang.current()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._fill_quarters()
            self.refresh()
        super().changeEvent(event)

    # periods
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def _fill_years(self) -> None:
        this = self.today().year
        years = list(range(this, this - 6, -1))
        if self._session is not None:
            opened = [c.opened.year for c in self._session.cases()]
            opened += [b.start.year for b in self._session.frozen_batches()]
            if opened:
                years = list(range(this, min(min(opened), this - 1) - 1, -1))
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for y in years:
            self.year_box.addItem(str(y), y)
        self.year_box.blockSignals(False)

    def _fill_quarters(self) -> None:
        keep = self.quarter_box.currentData()
        self.quarter_box.blockSignals(True)
        self.quarter_box.clear()
        self.quarter_box.addItem(self.tr("ganzes Jahr"), 0)
        for q in (1, 2, 3, 4):
            self.quarter_box.addItem(self.tr("%1. Quartal").replace("%1", str(q)), q)
        if keep is not None:
            self.quarter_box.setCurrentIndex(max(0, self.quarter_box.findData(keep)))
        self.quarter_box.blockSignals(False)

    def select_period(self, year_number: int, q: int = 0) -> None:
        """Show ``year_number`` (q = 0) or its quarter ``q``."""
        self.year_box.blockSignals(True)
        self.quarter_box.blockSignals(True)
        i = self.year_box.findData(year_number)
        if i < 0:
            self.year_box.addItem(str(year_number), year_number)
            i = self.year_box.count() - 1
        self.year_box.setCurrentIndex(i)
        self.quarter_box.setCurrentIndex(max(0, self.quarter_box.findData(q)))
        self.year_box.blockSignals(False)
        self.quarter_box.blockSignals(False)
        self._period_changed()

    def period(self):
        y = self.year_box.currentData()
        if y is None:
            return None
        q = self.quarter_box.currentData() or 0
        return quarter(y, q) if q else year(y)

    def _period_changed(self, *_args) -> None:
        self._stale = True
        self.refresh()

    # session
    def set_session(self, session: Session | None) -> None:
        self._session = session
        self.overview = None
        self._fill_years()
        self._fill_quarters()
        current = quarter_of(self.today())
        self.select_period(current.start.year, (current.start.month - 1) // 3 + 1)
        if session is None:
            self.clear()

    def clear(self) -> None:
        """Forget the session and every figure shown."""
        self._session = None
        self.overview = None
        self._stale = True
        for number, _caption in self.figure_labels.values():
            number.setText("–")
            number.setToolTip("")
        for panel in self.panels:
            panel.show_figure(None)
        self.period_label.setText("")
        self.empty_label.setText("")
        self.empty_label.hide()

    def refresh(self, *, force: bool = False) -> None:
        """Recompute now if shown (or ``force``); otherwise at the next show."""
        self._stale = True
        if self._session is None:
            return
        if not (force or self.isVisible()):
            return
        period = self.period()
        if period is None:
            return
        try:
            self.overview = dashboard_data.overview(self._session, period, today=self.today())
        except FallzahlError as exc:
            self.empty_label.setText(exc.message(lang.current()))
            self.empty_label.show()
            return
        self._stale = False
        self._show(self.overview)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _show(self, overview: dashboard_data.Overview) -> None:
        language = lang.current()
        tally = overview.tally
        p = tally.period
        self.period_label.setText(
            self.tr("%1: %2 bis %3")
            .replace("%1", p.label)
            .replace("%2", lang.date_text(p.start))
            .replace("%3", lang.date_text(p.end))
        )
        for measure, (number, _caption) in self.figure_labels.items():
            value = tally.value(measure) if measure in tally.measures else 0
            number.setText(str(value))
            number.setToolTip("")
        active = tally.value("cases_active")
        part = dashboard_data.share(tally.value("cases_multi_problem"), active)
        multi_number, multi_caption = self.figure_labels["cases_multi_problem"]
        if part is not None:
            percent = self._percent(part)
            multi_number.setText(f"{tally.value('cases_multi_problem')} ({percent})")
            multi_number.setToolTip(self.tr("%1 der Fälle im Zeitraum").replace("%1", percent))
        empty = active == 0 and tally.value("contacts") == 0
        self.empty_label.setText(
            self.tr("Für diesen Zeitraum sind keine Fälle und keine Kontakte erfasst.")
            if empty
            else ""
        )
        self.empty_label.setVisible(empty)
        scheme = self._session.scheme if self._session else None
        for panel, figure in zip(
            self.panels, charts.figures(overview, scheme, language), strict=True
        ):
            panel.show_figure(figure)

    @staticmethod
    def _percent(part: float) -> str:
        text = f"{part * 100:.0f} %"
        return text if lang.current() == "en" else text.replace(".", ",")
