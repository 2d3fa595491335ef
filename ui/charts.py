"""The office's charts (QtCharts), shared by the dashboard and the PDF report.

``figures(overview, scheme, language)`` turns an app.dashboard_data.Overview into four
labelled ``Figure``s (trend, life domains, multi-problem distribution, municipalities):
plain data that a table model shows and ``chart(figure)`` draws. Labels come from
app.tally's label helpers in the given language; nothing is suppressed (internal view).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter

from app.lang import t
from app.scheme.model import Scheme
from app.stats.dashboard_data import REST, Overview, top_with_rest
from app.stats.tally import (
    DOMAIN_CLASS,
    Tally,
    code_label,
    dimension_label,
    display_rows,
    measure_label,
)

COLORS = ("#2b6cb0", "#dd6b20", "#38a169", "#805ad5")
TREND, DOMAINS, CLASSES, MUNICIPALITIES = "trend", "domains", "classes", "municipalities"
FIGURE_KEYS = (TREND, DOMAINS, CLASSES, MUNICIPALITIES)


@dataclass
class Figure:
    """One chart's data: categories along one axis, one or more named value series."""

    key: str
    title: str
    category_heading: str
    categories: list[str]
    series: list[tuple[str, list[int]]]
    kind: str = "bar"  # bar | hbar | line
    note: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def headings(self) -> list[str]:
        return [self.category_heading, *(name for name, _ in self.series)]

    def rows(self) -> list[list[str | int]]:
        return [
            [cat, *(values[i] for _, values in self.series)]
            for i, cat in enumerate(self.categories)
        ]


def _values(tally: Tally, scheme: Scheme, dim: str, language: str) -> tuple[list[str], list[int]]:
    rows = display_rows(tally, scheme, "cases_active", (dim,))
    labels = [code_label(dim, r.dims[0][1], scheme, language) for r in rows]
    return labels, [r.value or 0 for r in rows]


def figures(overview: Overview, scheme: Scheme, language: str) -> list[Figure]:
    tally = overview.tally
    active = measure_label("cases_active", language)
    trend = Figure(
        TREND,
        t("Fälle und Kontakte je Quartal", "Cases and contacts per quarter", language),
        t("Quartal", "Quarter", language),
        [q.label for q in overview.trend],
        [
            (active, [q.cases_active for q in overview.trend]),
            (measure_label("cases_new", language), [q.cases_new for q in overview.trend]),
            (measure_label("contacts", language), [q.contacts for q in overview.trend]),
        ],
        kind="line",
        extra={"short": [f"{q.label[5:]}/{q.label[2:4]}" for q in overview.trend]},
    )
    labels, values = _values(tally, scheme, "domain", language)
    domains = Figure(
        DOMAINS,
        t("Problemlagen nach Lebensbereich", "Problems by life domain", language),
        dimension_label("domain", scheme, language),
        labels,
        [(active, values)],
        kind="hbar",
        note=t(
            "Ein Fall zählt in jedem Lebensbereich, in dem eine Problemlage erfasst ist.",
            "A case counts in every life domain with a problem code.",
            language,
        ),
    )
    labels, values = _values(tally, scheme, DOMAIN_CLASS, language)
    threshold = scheme.multi_problem.threshold
    classes = Figure(
        CLASSES,
        t(
            "Fälle nach Anzahl betroffener Lebensbereiche",
            "Cases by number of life domains affected",
            language,
        ),
        dimension_label(DOMAIN_CLASS, scheme, language),
        labels,
        [(active, values)],
        note=t(
            f"Multiproblemfall: Problemlagen in mindestens {threshold} Lebensbereichen.",
            f"Multi-problem case: problems in at least {threshold} life domains.",
            language,
        ),
    )
    munis = top_with_rest(tally.breakdown("cases_active", "municipality"), 10)
    municipalities = Figure(
        MUNICIPALITIES,
        t("Fälle nach Wohnort (die zehn häufigsten)", "Cases by municipality (top ten)", language),
        dimension_label("municipality", scheme, language),
        [
            t("übrige", "others", language)
            if code == REST
            else code_label("municipality", code, scheme, language)
            for code, _ in munis
        ],
        [(active, [v for _, v in munis])],
        kind="hbar",
    )
    return [trend, domains, classes, municipalities]


def _axis_font(size: int = 8) -> QFont:
    font = QFont()
    font.setPointSize(size)
    return font


def _measures(figure: Figure) -> tuple[QFontMetrics, list[str], int]:
    metrics = QFontMetrics(_axis_font())
    labels = [str(label) for label in figure.extra.get("short", figure.categories)] or [""]
    return metrics, labels, max(metrics.horizontalAdvance(label) for label in labels)


def minimum_size(figure: Figure | None) -> QSize:
    """The least a chart of ``figure`` needs for its bars, lines and value axis, measured in
    its axis font: a line per category of horizontal bars (else a few for the plot), one
    each for the value axis, the legend and the margins. Its category labels may need more
    (``labels_fit``); the table beside the chart names every category anyway."""
    metrics = QFontMetrics(_axis_font())
    char, line = metrics.averageCharWidth(), metrics.lineSpacing()
    if figure is None:
        return QSize(char * 30, line * 9)
    legend = 1 if len(figure.series) > 1 else 0
    _metrics, labels, _widest = _measures(figure)
    # the legend's entries side by side: a marker and a name each (in the chart's own font)
    names = QFontMetrics(QFont())
    keys = sum(names.horizontalAdvance(name) + names.height() * 3 for name, _ in figure.series)
    if figure.kind == "hbar":
        return QSize(max(char * 30, keys * legend), line * (len(labels) + 3 + legend))
    return QSize(max(char * (3 * len(labels) + 12), keys * legend), line * (9 + legend))


def labels_fit(figure: Figure, size: QSize) -> bool:
    """Whether a chart of ``size`` shows every category label whole. Qt Charts shortens a
    label that lacks room to "...": horizontal bars need about two lines of the axis font per
    category, columns and lines about twice the widest label per category (measured)."""
    metrics, labels, widest = _measures(figure)
    char, line = metrics.averageCharWidth(), metrics.lineSpacing()
    legend = 1 if len(figure.series) > 1 else 0
    if figure.kind == "hbar":
        return size.height() >= line * (2 * len(labels) + 4 + legend)
    return size.width() >= len(labels) * (2 * widest + char) + char * 12


def category_axis(c: QChart) -> QBarCategoryAxis | None:
    return next((a for a in c.axes() if isinstance(a, QBarCategoryAxis)), None)


def whole_number_axis(top: float) -> tuple[int, int]:
    """(maximum, tick count) of a count axis from 0 whose every tick is a whole number:
    steps of 1, 2 or 5 times a power of ten, at most six ticks ("0 0 1 1" never again)."""
    target = max(1.0, top * 1.12)
    step = 1
    while step * 5 < target:
        for factor in (2, 2.5, 2):  # 1 -> 2 -> 5 -> 10 -> 20 -> 50 ...
            step = int(step * factor)
            if step * 5 >= target:
                break
    ticks = max(1, -(-int(target) // step) if target == int(target) else int(target // step) + 1)
    return ticks * step, ticks + 1


def chart(figure: Figure, *, title: bool = True) -> QChart:
    """A QChart of ``figure`` (bars, horizontal bars or lines) with a value axis from 0."""
    c = QChart()
    c.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    if title:
        c.setTitle(figure.title)
    c.setMargins(QMargins(4, 4, 4, 4))
    c.legend().setVisible(len(figure.series) > 1)
    c.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    categories = list(figure.categories)
    top = max([1, *(v for _, values in figure.series for v in values)])
    axis_values = QValueAxis()
    maximum, ticks = whole_number_axis(top)
    axis_values.setRange(0, maximum)
    axis_values.setLabelFormat("%d")
    axis_values.setTickCount(ticks)
    axis_values.setLabelsFont(_axis_font())
    axis_categories = QBarCategoryAxis()
    axis_categories.setLabelsFont(_axis_font())
    if figure.kind == "line":
        axis_categories.append(figure.extra.get("short", categories))
        c.addAxis(axis_categories, Qt.AlignmentFlag.AlignBottom)
        c.addAxis(axis_values, Qt.AlignmentFlag.AlignLeft)
        for i, (name, values) in enumerate(figure.series):
            line = QLineSeries()
            line.setName(name)
            line.setColor(QColor(COLORS[i % len(COLORS)]))
            line.setPointsVisible(True)
            for x, v in enumerate(values):
                line.append(QPointF(x, v))
            c.addSeries(line)
            line.attachAxis(axis_values)
            # a category axis maps category i to x = i for line series
            line.attachAxis(axis_categories)
        return c
    horizontal = figure.kind == "hbar"
    series = QHorizontalBarSeries() if horizontal else QBarSeries()
    if horizontal:  # top entry first, as in the table
        categories.reverse()
    for i, (name, values) in enumerate(figure.series):
        bars = QBarSet(name)
        bars.setColor(QColor(COLORS[i % len(COLORS)]))
        bars.setLabelColor(QColor("#222"))
        bars.append([float(v) for v in (reversed(values) if horizontal else values)])
        series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setLabelsFormat("@value")
    attach_bars(c, series, axis_categories, categories, axis_values, horizontal=horizontal)
    return c


def attach_bars(
    c: QChart,
    series,
    axis_categories: QBarCategoryAxis,
    categories: list[str],
    axis_values: QValueAxis,
    *,
    horizontal: bool,
) -> None:
    """Add a bar series with its category axis (left for horizontal bars) and value axis."""
    c.addSeries(series)
    axis_categories.append(categories)
    along, across = Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft
    if horizontal:
        along, across = across, along
    c.addAxis(axis_categories, along)
    c.addAxis(axis_values, across)
    series.attachAxis(axis_categories)
    series.attachAxis(axis_values)


def view(figure: Figure | None = None, *, title: bool = True) -> QChartView:
    v = QChartView()
    v.setRenderHint(QPainter.RenderHint.Antialiasing)
    if figure is not None:
        v.setChart(chart(figure, title=title))
    return v
