"""The district overview's charts: plain figures (title, categories, series of numbers that may
be hidden) that a table shows and ``chart`` draws. Hidden values ('.') are gaps, never zeros.

Built from app.district.indicators.Indicators by ``figures``; used by ui/district_overview.py
and the planning pages of the district PDF (ui/district_plan_pdf.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from app.district.indicators import SCHKG_GROUP, Indicators, area_label, format_number
from app.lang import t
from app.scheme.model import Scheme
from ui.charts import attach_bars, whole_number_axis

COLORS = ("#2b6cb0", "#dd6b20", "#38a169", "#805ad5")


@dataclass
class PlanFigure:
    key: str
    title: str
    category_heading: str
    categories: list[str]
    series: list[tuple[str, list[float | None]]]
    kind: str = "hbar"  # bar | hbar | line
    digits: int = 2
    percent: bool = False
    note: str = ""
    short: list[str] = field(default_factory=list)  # short category labels for a line chart

    @property
    def headings(self) -> list[str]:
        return [self.category_heading, *(name for name, _ in self.series)]

    def rows(self) -> list[list[str]]:
        return [
            [cat, *(format_number(v[i], self.digits, percent=self.percent)
                    for _, v in self.series)]
            for i, cat in enumerate(self.categories)
        ]  # fmt: skip


def figures(ind: Indicators, scheme: Scheme, language: str, *, field_code: str = "",
            area: str = "") -> list[PlanFigure]:  # fmt: skip
    """Trend, cases per 1,000 by area, services vs population, multi-problem share by field,
    staff per field, new cases per year. ``field_code`` and ``area`` narrow the figures that
    are broken down by field or area to that one (the rest stays district-wide)."""
    out = []
    tq = ind.trend_quarters
    out.append(
        PlanFigure(
            "trend",
            t("Fälle je Quartal (Landkreis)", "Cases per quarter (district)", language),
            t("Quartal", "Quarter", language),
            [p.label for p in tq],
            [
                (t("Fälle im Zeitraum", "Active cases", language),
                 [p.counts.get("cases_active") for p in tq]),
                (t("Neue Fälle", "New cases", language), [p.counts.get("cases_new") for p in tq]),
            ],
            kind="line",
            digits=0,
            short=[f"{p.label[5:]}/{p.label[2:4]}" for p in tq],
        )
    )  # fmt: skip
    measure = "cases_active" if "cases_active" in ind.by_area else "cases_new"
    rates = [r for r in ind.by_area.get(measure, ()) if not area or r.code == area]
    out.append(
        PlanFigure(
            "rates",
            t("Fälle je 1.000 Einwohner nach Gebiet", "Cases per 1,000 inhabitants by area",
              language),
            t("Gebiet", "Area", language),
            [area_label(r.code, scheme, language) for r in rates],
            [(t("je 1.000", "per 1,000", language), [r.rate for r in rates])],
            note=t("„.“: verdeckt (Geheimhaltung) oder keine Einwohnerzahl.",
                   "'.': hidden (disclosure control) or no population.", language),
        )
    )  # fmt: skip
    bal = [b for b in ind.balance if not area or b.code == area]
    out.append(
        PlanFigure(
            "balance",
            t("Anteil an den Fällen und an der Bevölkerung", "Share of cases and of population",
              language),
            t("Gebiet", "Area", language),
            [area_label(b.code, scheme, language) for b in bal],
            [
                (t("Fälle", "Cases", language), [b.services_share for b in bal]),
                (t("Bevölkerung", "Population", language), [b.population_share for b in bal]),
            ],
            digits=1,
            percent=True,
        )
    )  # fmt: skip
    shares = [s for s in ind.multi_problem_by_field if not field_code or s.code == field_code]
    out.append(
        PlanFigure(
            "multi",
            t("Anteil Multiproblemfälle nach Beratungsfeld",
              "Multi-problem share by counselling field", language),
            t("Beratungsfeld", "Counselling field", language),
            [scheme.label("field", s.code, language) for s in shares],
            [(t("Anteil", "Share", language), [s.share for s in shares])],
            digits=0,
            percent=True,
            note=t(f"Multiproblemfall: Problemlagen in mindestens "
                   f"{scheme.multi_problem.threshold} Lebensbereichen.",
                   f"Multi-problem case: problems in at least "
                   f"{scheme.multi_problem.threshold} life domains.", language),
        )
    )  # fmt: skip
    staff = [s for s in ind.staffing
             if not field_code or s.field == field_code or s.field == SCHKG_GROUP]  # fmt: skip

    def staff_label(code: str) -> str:
        if code == SCHKG_GROUP:
            return t("Schwangerschafts(konflikt)beratung (SchKG)",
                     "Pregnancy (conflict) counselling (SchKG)", language)  # fmt: skip
        return scheme.label("field", code, language)

    out.append(
        PlanFigure(
            "staff",
            t("Vollzeitstellen: vorhanden und nach Standard/Ziel nötig",
              "Full-time posts: present and needed by standard/target", language),
            t("Beratungsfeld", "Counselling field", language),
            [staff_label(s.field) for s in staff],
            [
                (t("vorhanden", "present", language), [s.fte for s in staff]),
                (t("nötig", "needed", language), [s.needed_fte for s in staff]),
            ],
            kind="bar" if len(staff) <= 3 else "hbar",
            note=t("SchKG-AG LSA: mindestens eine Vollzeitstelle je 40.000 Einwohner.",
                   "SchKG-AG LSA: at least one full-time post per 40,000 inhabitants.",
                   language),
        )
    )  # fmt: skip
    ty = ind.trend_years
    out.append(
        PlanFigure(
            "years",
            t("Neue Fälle je 1.000 Einwohner und Jahr", "New cases per 1,000 inhabitants a year",
              language),
            t("Jahr", "Year", language),
            [p.label for p in ty],
            [(t("je 1.000", "per 1,000", language), [p.rates.get("cases_new") for p in ty])],
            kind="bar",
        )
    )  # fmt: skip
    return out


def _font(size: int = 8) -> QFont:
    f = QFont()
    f.setPointSize(size)
    return f


def chart(fig: PlanFigure) -> QChart:
    c = QChart()
    c.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    c.setMargins(QMargins(4, 4, 4, 4))
    c.legend().setVisible(len(fig.series) > 1)
    c.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    scale = 100.0 if fig.percent else 1.0
    known = [v * scale for _, vs in fig.series for v in vs if v is not None]
    top = max([1e-9, *known])
    axis_values = QValueAxis()
    if fig.digits == 0 and not fig.percent:  # counts: whole-number ticks only
        maximum, ticks = whole_number_axis(top)
        axis_values.setRange(0, maximum)
        axis_values.setTickCount(ticks)
    else:
        axis_values.setRange(0, top * 1.15 if top > 1e-9 else 1)
        axis_values.setTickCount(5)
    axis_values.setLabelFormat("%d %%" if fig.percent else ("%d" if fig.digits == 0 else "%.1f"))
    axis_values.setLabelsFont(_font())
    axis_categories = QBarCategoryAxis()
    axis_categories.setLabelsFont(_font())
    if fig.kind == "line":
        axis_categories.append(fig.short or fig.categories)
        c.addAxis(axis_categories, Qt.AlignmentFlag.AlignBottom)
        c.addAxis(axis_values, Qt.AlignmentFlag.AlignLeft)
        for i, (name, values) in enumerate(fig.series):
            line = QLineSeries()
            line.setName(name)
            line.setColor(QColor(COLORS[i % len(COLORS)]))
            line.setPointsVisible(True)
            for x, v in enumerate(values):
                if v is not None:  # a hidden value is a gap
                    line.append(QPointF(x, v * scale))
            c.addSeries(line)
            line.attachAxis(axis_values)
            line.attachAxis(axis_categories)
        return c
    horizontal = fig.kind == "hbar"
    series = QHorizontalBarSeries() if horizontal else QBarSeries()
    categories = list(fig.categories)
    if horizontal:
        categories.reverse()
    for i, (name, values) in enumerate(fig.series):
        bars = QBarSet(name)
        bars.setColor(QColor(COLORS[i % len(COLORS)]))
        bars.setLabelColor(QColor("#222"))
        ordered = list(reversed(values)) if horizontal else list(values)
        bars.append([0.0 if v is None else v * scale for v in ordered])
        series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setLabelsPrecision(3)
    attach_bars(c, series, axis_categories, categories, axis_values, horizontal=horizontal)
    return c


def image(fig: PlanFigure, width: int, height: int, scale: float = 1.0) -> QImage:
    """The chart laid out at ``width`` x ``height`` and drawn ``scale`` times as fine."""
    from PySide6.QtCore import QRectF
    from PySide6.QtWidgets import QGraphicsScene

    c = chart(fig)
    scene = QGraphicsScene()
    scene.addItem(c)
    c.setGeometry(QRectF(0, 0, width, height))
    img = QImage(int(width * scale), int(height * scale), QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.white)
    painter = QPainter(img)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(0, 0, width * scale, height * scale),
                 QRectF(0, 0, width, height))  # fmt: skip
    painter.end()
    scene.removeItem(c)
    c.deleteLater()
    return img
