"""The office report as a PDF, made with Qt (QTextDocument printed to a QPdfWriter).

Pages: a cover (office, period, scheme version, created), the key figures, the main tables
(by counselling field, sex, age band, municipality, life domain, multi-problem distribution),
the charts, and a signature line for the office lead. The office's own internal view: no
suppression. Written to memory first, then atomically (app.atomic).

Charts are QtCharts widgets painted straight into the PDF (vectors, sharp in print), so
``write_office_pdf`` runs in the GUI thread.
"""

from __future__ import annotations

import datetime as dt
import html
import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QGraphicsScene

from app import lang
from app.atomic import storage_error_for, write_bytes
from app.scheme.model import Scheme
from app.stats.dashboard_data import Overview, QuarterFigures, share
from app.stats.tally import (
    DOMAIN_CLASS,
    Tally,
    code_label,
    dimension_label,
    display_rows,
    measure_label,
)
from ui import charts, pdf_finish
from ui.pdf_finish import searchable

CHART_W, CHART_H = 640, 380  # the charts' own layout size; painted as vectors to fit
RESOLUTION = 300  # dpi of the PDF's coordinate system
TABLE_DIMS = ("field", "sex", "age_band", "municipality", "domain", DOMAIN_CLASS)
KEY_MEASURES = (
    "cases_active",
    "cases_new",
    "cases_closed",
    "cases_single_contact",
    "cases_multi_problem",
    "contacts",
    "persons",
)
_TEXT = {
    "title": ("Bericht der Beratungsstelle", "Office report"),
    "office": ("Beratungsstelle", "Office"),
    "office_id": ("Kennung", "Office id"),
    "period": ("Zeitraum", "Period"),
    "from_to": ("{} ({} bis {})", "{} ({} to {})"),
    "scheme": ("Kategorienschema", "Category scheme"),
    "version": ("Version", "version"),
    "created": ("Erstellt", "Created"),
    "internal": (
        "Interne Auswertung der Beratungsstelle: ungeschwärzte Zahlen, nicht zur Veröffentlichung.",
        "Internal view of the office: unsuppressed figures, not for publication.",
    ),
    "key": ("Kennzahlen", "Key figures"),
    "measure": ("Kennzahl", "Measure"),
    "value": ("Wert", "Value"),
    "tables": ("Tabellen", "Tables"),
    "by": ("nach", "by"),
    "multi_share": ("Anteil Multiproblemfälle", "Share of multi-problem cases"),
    "multi_note": (
        "Mehrfachnennungen: ein Fall zählt je Lebensbereich einmal.",
        "Several per case: a case counts once per life domain.",
    ),
    "charts": ("Diagramme", "Charts"),
    "sign_title": ("Bestätigung", "Confirmation"),
    "sign_text": (
        "Die Angaben wurden aus dem Datenbestand der Beratungsstelle erstellt.",
        "The figures were produced from the office's records.",
    ),
    "sign": ("Ort, Datum, Unterschrift Leitung", "Place, date, signature of the office lead"),
    "page_of": ("Seite {} von {}", "Page {} of {}"),
    "report": ("Bericht", "Report"),
    "subject": (
        "Fallzahlen der Beratungsstelle {2}, Zeitraum {0}, Kategorienschema {1}",
        "Figures of the office {2}, period {0}, category scheme {1}",
    ),
}
CSS = """
body { font-family: sans-serif; font-size: 10pt; }
h1 { font-size: 20pt; }
h2 { font-size: 14pt; margin-top: 12pt; }
h3 { font-size: 11pt; margin-top: 10pt; }
table { border-collapse: collapse; font-size: 8pt; }
th { background-color: #e8eef6; text-align: left; }
td.n, th.n { text-align: right; }
.note { color: #555555; font-size: 8pt; }
"""


def _t(key: str, language: str) -> str:
    de, en = _TEXT[key]
    return en if language == "en" else de


def _e(text: object) -> str:
    return html.escape(str(text))


def _date(day: dt.date, language: str) -> str:
    return lang.date_text(day, language)


def _table(headings: list[str], rows: list[list], numeric_from: int = 1) -> str:
    first = 100 - 12 * (len(headings) - 1) if len(headings) > 2 else 60
    head = "".join(
        f'<th class="{"n" if i >= numeric_from else ""}"'
        f"{f' width={first}%' if i == 0 else ''}>{_e(h)}</th>"
        for i, h in enumerate(headings)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="{"n" if i >= numeric_from else ""}">{_e(v)}</td>'
            for i, v in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return (
        '<table border="1" cellspacing="0" cellpadding="3" width="100%">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _breakdown_table(tally: Tally, scheme: Scheme, dim: str, language: str) -> str:
    measures = [m for m in (*KEY_MEASURES[:5], "contacts") if tally.breakdown(m, dim)]
    order = display_rows(tally, scheme, measures[0], (dim,)) if measures else []
    rows = []
    for r in order:
        code = r.dims[0][1]
        rows.append(
            [code_label(dim, code, scheme, language)]
            + [tally.value(m, **{dim: code}) for m in measures]
        )
    headings = [dimension_label(dim, scheme, language)] + [
        measure_label(m, language) for m in measures
    ]
    return _table(headings, rows)


def office_html(
    tally: Tally,
    scheme: Scheme,
    office_name: str,
    office_id: str,
    trend: list[QuarterFigures],
    language: str,
    created: dt.datetime,
) -> tuple[str, list[charts.Figure], str]:
    """The report as HTML for QTextDocument (cover, key figures, tables), its charts (drawn
    as vectors on pages of their own after the tables) and the signature page's HTML."""
    p = tally.period
    figs = charts.figures(Overview(tally=tally, trend=list(trend)), scheme, language)
    parts = [f"<html><head><style>{CSS}</style></head><body>"]
    # cover
    parts.append("<br/><br/><br/>")
    parts.append(f"<h1>{_e(_t('title', language))}</h1>")
    parts.append(f"<h2>{_e(office_name)}</h2><br/>")
    cover = [
        [_t("office", language), office_name],
        [_t("office_id", language), office_id],
        [
            _t("period", language),
            _t("from_to", language).format(
                p.label, _date(p.start, language), _date(p.end, language)
            ),
        ],
        [_t("scheme", language), f"{scheme.id}, {_t('version', language)} {tally.scheme_version}"],
        [
            _t("created", language),
            created.astimezone().strftime(
                "%Y-%m-%d %H:%M" if language == "en" else "%d.%m.%Y %H:%M"
            ),
        ],
    ]
    parts.append(
        '<table cellpadding="4" style="font-size: 11pt">'
        + "".join(f"<tr><td><b>{_e(a)}</b></td><td>{_e(b)}</td></tr>" for a, b in cover)
        + "</table>"
    )
    parts.append(f'<p class="note"><br/>{_e(_t("internal", language))}</p>')
    # key figures
    parts.append(f'<h2 style="page-break-before: always">{_e(_t("key", language))}</h2>')
    rows = [
        [measure_label(m, language), tally.value(m)] for m in KEY_MEASURES if m in tally.measures
    ]
    part = share(tally.value("cases_multi_problem"), tally.value("cases_active"))
    if part is not None:
        percent = f"{part * 100:.1f} %"
        rows.append(
            [
                _t("multi_share", language),
                percent if language == "en" else percent.replace(".", ","),
            ]
        )
    parts.append(_table([_t("measure", language), _t("value", language)], rows))
    parts.append(f"<h3>{_e(figs[0].title)}</h3>")
    parts.append(_table(figs[0].headings, figs[0].rows()))
    # tables
    parts.append(f'<h2 style="page-break-before: always">{_e(_t("tables", language))}</h2>')
    for dim in TABLE_DIMS:
        if not any(b[1] == (dim,) for b in tally.breakdowns()):
            continue
        parts.append(f"<h3>{_e(dimension_label(dim, scheme, language))}</h3>")
        parts.append(_breakdown_table(tally, scheme, dim, language))
        if dim == "domain":
            parts.append(f'<p class="note">{_e(_t("multi_note", language))}</p>')
    parts.append("</body></html>")
    sign = [f"<html><head><style>{CSS}</style></head><body>"]
    sign.append(f"<h2>{_e(_t('sign_title', language))}</h2>")
    sign.append(f"<p>{_e(_t('sign_text', language))}</p><br/><br/><br/><br/><br/>")
    sign.append(
        '<table width="100%" cellpadding="2"><tr><td style="border-top: 1px solid black">'
        f"{_e(_t('sign', language))}</td></tr></table>"
    )
    sign.append("</body></html>")
    return "".join(parts), figs, "".join(sign)


def _document(html_text: str, writer: QPdfWriter, font: QFont, page: QSizeF) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setHtml(html_text)
    doc.setPageSize(page)
    return doc


def _searchable_chart(chart) -> None:
    """Chart text without ligatures, like the document's."""
    chart.setTitleFont(searchable(chart.titleFont()))
    chart.legend().setFont(searchable(chart.legend().font()))
    for axis in chart.axes():
        axis.setLabelsFont(searchable(axis.labelsFont()))
    for series in chart.series():
        for bars in getattr(series, "barSets", list)():
            bars.setLabelFont(searchable(bars.labelFont()))


def _paint_chart(painter: QPainter, fig: charts.Figure, target: QRectF) -> None:
    """The chart laid out at its own size and painted into ``target`` (vectors)."""
    chart = charts.chart(fig, title=False)
    _searchable_chart(chart)
    scene = QGraphicsScene()
    scene.addItem(chart)
    chart.setGeometry(QRectF(0, 0, CHART_W, CHART_H))
    scene.setSceneRect(QRectF(0, 0, CHART_W, CHART_H))
    layout = chart.layout()
    if layout is not None:  # lay out axes and legend now, not on a later event
        layout.activate()
    scene.render(painter, target, QRectF(0, 0, CHART_W, CHART_H))
    scene.removeItem(chart)
    chart.deleteLater()


def pdf_bytes(
    tally: Tally,
    scheme: Scheme,
    office_name: str,
    office_id: str,
    trend: list[QuarterFigures],
    language: str = "de",
    *,
    created: dt.datetime | None = None,
) -> bytes:
    """The report: text pages from QTextDocument, then the charts painted as vectors two
    to a page, then the signature page; "page x of y" under each. Searchable text (no
    ligatures), document language, title, author and subject set (ui/pdf_finish.py)."""
    created = created or dt.datetime.now(dt.UTC).replace(microsecond=0)
    main, figs, sign = office_html(tally, scheme, office_name, office_id, trend, language, created)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    title = f"{office_name}: {_t('report', language)} {tally.period.label}"
    pdf_finish.prepare(writer, title=title, author=office_name)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 16, 18, 16),
            QPageLayout.Unit.Millimeter,
        )
    )
    rect = writer.pageLayout().paintRectPixels(RESOLUTION)
    footer_h = round(8 / 25.4 * RESOLUTION)
    page = QSizeF(rect.width(), rect.height() - footer_h)
    font = QFont("DejaVu Sans")
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(10)
    font = searchable(font)
    doc = _document(main, writer, font, page)
    end = _document(sign, writer, font, page)
    per_page = 2
    chart_pages = -(-len(figs) // per_page)
    total = doc.pageCount() + chart_pages + end.pageCount()
    painter = QPainter(writer)
    number = 0

    def footer() -> None:
        nonlocal number
        number += 1
        small = QFont(font)
        small.setPointSizeF(8)
        painter.setFont(small)
        painter.setPen(QColor("#555555"))
        foot = QRectF(0, rect.height() - footer_h * 0.6, page.width(), footer_h * 0.6)
        text = _t("page_of", language).format(number, total)
        painter.drawText(foot, Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignRight, text)
        left = f"{office_name} · {tally.period.label}"
        painter.drawText(foot, Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft, left)
        painter.setPen(QColor("black"))

    def text_pages(d: QTextDocument) -> None:
        for i in range(d.pageCount()):
            if number:
                writer.newPage()
            painter.save()
            painter.translate(0, -i * page.height())
            top = i * page.height()
            d.drawContents(painter, QRectF(0, top + 1, page.width(), page.height() - 2))
            painter.restore()
            footer()

    try:
        text_pages(doc)
        heading = QFont(font)
        heading.setPointSizeF(14)
        heading.setBold(True)
        sub = QFont(font)
        sub.setPointSizeF(11)
        sub.setBold(True)
        note = QFont(font)
        note.setPointSizeF(8)
        for k in range(chart_pages):
            writer.newPage()
            y = 0.0
            if k == 0:
                painter.setFont(heading)
                h = painter.fontMetrics().height() * 1.6
                painter.drawText(QRectF(0, 0, page.width(), h), _t("charts", language))
                y = h
            top = y
            slot = (page.height() - top) / per_page
            for j, fig in enumerate(figs[k * per_page : (k + 1) * per_page]):
                y = top + j * slot
                painter.setFont(sub)
                h = painter.fontMetrics().height() * 1.4
                painter.drawText(QRectF(0, y, page.width(), h), fig.title)
                y += h
                note_h = 0.0
                if fig.note:
                    painter.setFont(note)
                    note_h = painter.fontMetrics().height() * 2.4
                height = min(slot * 0.92 - h - note_h, page.width() * CHART_H / CHART_W)
                target = QRectF(0, y, page.width(), height)
                _paint_chart(painter, fig, target)
                y += height
                if fig.note:
                    painter.setFont(note)
                    flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
                    painter.drawText(QRectF(0, y, page.width(), note_h), flags, fig.note)
            footer()
        text_pages(end)
    finally:
        painter.end()
    buffer.close()  # the painter's end finished the PDF
    subject = _t("subject", language).format(
        tally.period.label, f"{scheme.id} v{tally.scheme_version}", office_id
    )
    return pdf_finish.finish(
        bytes(data.data()), language=language, title=title, author=office_name, subject=subject
    )


def write_office_pdf(
    path: str | os.PathLike[str],
    tally: Tally,
    scheme: Scheme,
    office_name: str,
    office_id: str,
    trend: list[QuarterFigures],
    language: str = "de",
    *,
    created: dt.datetime | None = None,
) -> None:
    """Write the PDF report to ``path`` atomically (FallzahlError on I/O failure)."""
    data = pdf_bytes(tally, scheme, office_name, office_id, trend, language, created=created)
    try:
        write_bytes(path, data)
    except OSError as exc:  # a missing folder fails before the atomic writer's own handling
        raise storage_error_for(exc, Path(path)) from exc
