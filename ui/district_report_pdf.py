"""The district report as a printable PDF (A4): cover page, key figures, offices,
multi-problem distribution, municipalities (VG Vorharz pooled) and the trend.

Shows only what app.district_report publishes: ``report.published``, ``by_office``,
``district_totals`` and ``trend``, never ``report.merged``. A suppressed cell is printed
"." exactly as in the XLSX; shares are worked out from published cells only and are "."
when one of them is hidden. The PDF is made in memory (QBuffer) and written atomically by
app.atomic, so a full disk gives the app's DiskFull message and leaves no half file.

The text follows the ``language`` argument (like app.district_report.to_xlsx), not the
installed translator, so a report can be made in either language.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from app import lang
from app.atomic import write_bytes
from app.district.report import HEADLINE, SUPPRESSED, DistrictReport
from app.scheme.model import Scheme
from app.stats.tally import DOMAIN_CLASS, MISSING, code_label, display_rows, measure_label
from ui import pdf_finish
from ui.pdf_finish import searchable

RESOLUTION = 300  # dpi of the PDF's coordinate system (text and tables stay vectors)
MARGINS_MM = QMarginsF(20, 18, 20, 14)
FOOTER_MM = 10.0  # below the text, inside the bottom margin's page area
BAR = "#3b6ea5"


def write_district_pdf(
    path: str | Path,
    report: DistrictReport,
    scheme: Scheme,
    language: str | None = None,
    *,
    planning: Callable[[QTextDocument, str], str] | None = None,
) -> Path:
    """Write the report as a PDF to ``path`` (atomically) and return the path."""
    write_bytes(path, district_pdf_bytes(report, scheme, language, planning=planning))
    return Path(path)


def district_pdf_bytes(
    rep: DistrictReport,
    scheme: Scheme,
    language: str | None = None,
    *,
    planning: Callable[[QTextDocument, str], str] | None = None,
) -> bytes:
    """``planning(doc, language)``: the planning pages' HTML (ui/district_plan_pdf.py), which
    adds its images to ``doc``; appended after the report's sections."""
    language = language or lang.current()
    t = _translator(language)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    title = (
        f"{rep.district}: "
        + t("Bericht des Landkreises", "District report")
        + (f" {rep.period.label}")
    )
    pdf_finish.prepare(writer, title=title, author=rep.district)
    body = writer.pageLayout().paintRectPixels(RESOLUTION)
    footer_h = round(FOOTER_MM / 25.4 * RESOLUTION)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    font = QFont("DejaVu Sans")
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(10)
    font = searchable(font)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setDefaultStyleSheet(_CSS)
    extra = planning(doc, language) if planning else ""
    doc.setHtml(_html(rep, scheme, language).replace("</body>", extra + "</body>"))
    page = QSizeF(body.width(), body.height() - footer_h)
    doc.setPageSize(page)
    pages = doc.pageCount()
    footer_left = f"{rep.district} · {t('Bericht', 'Report')} {rep.period.label}"
    painter = QPainter(writer)
    try:
        small = QFont(font)
        small.setPointSizeF(8)
        for i in range(pages):
            if i:
                writer.newPage()
            painter.save()
            painter.translate(0, -i * page.height())
            # One device pixel in from both page edges: a block that starts right at the
            # top of the next page would otherwise be drawn (clipped) here too, and its
            # text would be in this page's PDF text twice.
            top = i * page.height()
            doc.drawContents(painter, QRectF(0, top + 1, page.width(), page.height() - 2))
            painter.restore()
            painter.setFont(small)
            painter.setPen(QColor("#555555"))
            foot = QRectF(0, body.height() - footer_h * 0.6, page.width(), footer_h * 0.6)
            painter.drawLine(foot.topLeft(), foot.topRight())
            flags = Qt.AlignmentFlag.AlignBottom
            number = t(f"Seite {i + 1} von {pages}", f"Page {i + 1} of {pages}")
            metrics = painter.fontMetrics()
            room = int(foot.width() - metrics.horizontalAdvance(number + "    "))
            left = metrics.elidedText(footer_left, Qt.TextElideMode.ElideRight, room)
            painter.drawText(foot, flags | Qt.AlignmentFlag.AlignLeft, left)
            painter.drawText(foot, flags | Qt.AlignmentFlag.AlignRight, number)
    finally:
        painter.end()
    buffer.close()
    subject = t(
        f"Veröffentlichte Fallzahlen der Beratungsstellen, Zeitraum {rep.period.label}, "
        f"Kategorienschema {rep.scheme_id} v{rep.scheme_version}, Geheimhaltung ab {rep.threshold}",
        f"Published figures of the counselling offices, period {rep.period.label}, category "
        f"scheme {rep.scheme_id} v{rep.scheme_version}, disclosure threshold {rep.threshold}",
    )
    return pdf_finish.finish(
        bytes(buffer.data()), language=language, title=title, author=rep.district, subject=subject
    )


_CSS = """
h1 { font-size: 22pt; font-weight: bold; margin-bottom: 4pt; }
h2 { font-size: 13pt; font-weight: bold; margin-top: 14pt; margin-bottom: 6pt; }
p { margin-top: 0; margin-bottom: 6pt; }
.sub { font-size: 15pt; color: #333333; }
.note { font-size: 9pt; color: #333333; }
th { background-color: #e4e9f0; font-weight: bold; font-size: 8.5pt; }
.gap { font-size: 6pt; }
td.num, th.num { text-align: right; }
tr.sum td { font-weight: bold; background-color: #f3f3f3; }
"""


def _day(day: dt.date, language: str) -> str:
    return lang.date_text(day, language)


def _moment(when: dt.datetime, language: str) -> str:
    return lang.moment_text(when, language)


def _translator(language: str) -> Callable[[str, str], str]:
    return functools.partial(lang.t, language=language)


def _cell(value: int | None) -> str:
    return SUPPRESSED if value is None else str(value)


def _percent(part: int, whole: int, language: str) -> str:
    text = f"{100 * part / whole:.1f} %"
    return text if language == "en" else text.replace(".", ",")


def _period_words(rep: DistrictReport, t) -> str:
    p = rep.period
    if p.kind == "quarter":
        n = (p.start.month - 1) // 3 + 1
        return t(f"{n}. Quartal {p.start.year}", f"Quarter {n}, {p.start.year}")
    if p.kind == "year":
        return t(f"Jahr {p.start.year}", f"Year {p.start.year}")
    return p.label


def _table(
    header: list[str] | None,
    rows: list[list[str]],
    numeric_from: int = 1,
    sum_last: bool = False,
    first_width: int = 0,
) -> str:
    """A bordered table; the header row repeats on every page the table runs over."""

    def cells(tag: str, values: list[str]) -> str:
        out = []
        for i, v in enumerate(values):
            attrs = " class=num" if i >= numeric_from else ""
            if i == 0 and first_width:
                attrs += f' width="{first_width}%"'
            out.append(f"<{tag}{attrs}>{html.escape(v)}</{tag}>")
        return "".join(out)

    out = [
        '<table width="100%" border="1" cellspacing="0" cellpadding="4" '
        'style="border-collapse: collapse; border-color: #9aa5b1;">'
    ]
    if header is not None:
        out.append(f"<thead><tr>{cells('th', header)}</tr></thead>")
    for i, row in enumerate(rows):
        cls = ' class="sum"' if sum_last and i == len(rows) - 1 else ""
        out.append(f"<tr{cls}>{cells('td', row)}</tr>")
    out.append("</table>")
    return "\n".join(out)


def _bars(rows: list[tuple[str, int | None]], top: int) -> str:
    """A small table: label, value, a bar in proportion (none for hidden cells)."""
    out = ['<table width="100%" cellspacing="0" cellpadding="3">']
    for label, value in rows:
        width = round(100 * value / top) if value and top else 0
        bar = (
            '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
            f'<td width="{width}%" bgcolor="{BAR}">&nbsp;</td>'
            f'<td width="{100 - width}%">&nbsp;</td></tr></table>'
            if width
            else "&nbsp;"
        )
        out.append(
            f'<tr><td width="38%">{html.escape(label)}</td>'
            f'<td width="10%" class=num>{html.escape(_cell(value))}</td>'
            f'<td width="52%">{bar}</td></tr>'
        )
    out.append("</table>")
    return "\n".join(out)


def _html(rep: DistrictReport, scheme: Scheme, language: str) -> str:
    t = _translator(language)
    esc = html.escape
    year = rep.period.kind != "quarter"
    expected = sorted(set(rep.offices) | set(rep.missing))
    complete = [o for o in rep.offices if o not in rep.missing]
    case_measure = "cases_new" if year else "cases_active"
    parts: list[str] = []

    # Cover page
    parts.append(f"<h1>{esc(t('Bericht des Landkreises', 'District report'))}</h1>")
    parts.append(f'<p class="sub">{esc(rep.district)}</p>')
    parts.append(f'<p class="sub">{esc(_period_words(rep, t))} ({esc(rep.period.label)})</p>')
    parts.append("<p>&nbsp;</p>")
    facts = [
        [
            t("Zeitraum", "Period"),
            f"{_day(rep.period.start, language)} – {_day(rep.period.end, language)}",
        ],
        [t("Schema", "Scheme"), f"{rep.scheme_id} v{rep.scheme_version}"],
        [t("Erstellt", "Created"), _moment(rep.created, language)],
        [
            t("Beratungsstellen mit Daten", "Offices reporting"),
            t(
                f"{len(rep.offices)} von {len(expected)} erwarteten",
                f"{len(rep.offices)} of {len(expected)} expected",
            ),
        ],
        [
            t("davon für den ganzen Zeitraum", "for the whole period"),
            str(len(complete)),
        ],
        [
            t("Fehlende Pakete", "Missing packages"),
            ", ".join(rep.missing) or "–",
        ],
        [
            t("Geheimhaltungsschwelle", "Disclosure threshold"),
            str(rep.threshold),
        ],
    ]
    parts.append(_table(None, facts, numeric_from=99, first_width=45))
    parts.append("<p>&nbsp;</p>")
    parts.append(f"<h2>{esc(t('Geheimhaltung', 'Disclosure control'))}</h2>")
    parts.append(
        "<p>"
        + esc(
            t(
                f"Zellen mit Werten unter {rep.threshold} sind als „{SUPPRESSED}“ gezeigt, "
                "ebenso Zellen, aus denen sich ein solcher Wert aus Summen zurückrechnen "
                "ließe. So lässt sich aus dem Bericht keine "
                "einzelne ratsuchende Person und keine kleine Gruppe erkennen (statistische "
                "Geheimhaltung). Dieselben Zellen sind in allen Ausgaben (XLSX, SDMX-CSV, "
                "ADX, PDF) verborgen.",
                f"Cells with values below {rep.threshold} are shown as '{SUPPRESSED}', as are "
                "cells from which such a value could be worked back out of totals. No single "
                "client and no small group can be recognised in the report (statistical "
                "disclosure control). The same cells are hidden in every output (XLSX, "
                "SDMX-CSV, ADX, PDF).",
            )
        )
        + "</p>"
    )
    parts.append(
        '<p class="note">'
        + esc(
            t(
                "Gemeinden der Verbandsgemeinde Vorharz werden als „VG Vorharz“ "
                "zusammengefasst. Die vollständige Tabelle aller Merkmale steht in der "
                "XLSX- und der SDMX-CSV-Ausgabe.",
                "The member municipalities of Verbandsgemeinde Vorharz are pooled as "
                "'VG Vorharz'. The complete table of every breakdown is in the XLSX and "
                "SDMX-CSV outputs.",
            )
        )
        + "</p>"
    )
    if year:
        parts.append(
            '<p class="note">'
            + esc(
                t(
                    "Für ein Jahr werden nur Zahlen addiert, die sich über die Quartale "
                    "addieren lassen (neue und abgeschlossene Fälle, Kontakte). Ein Fall, "
                    "der in zwei Quartalen läuft, ist ein Fall im Jahr: laufende Fälle und "
                    "Multiproblemfälle stehen deshalb im Verlauf je Quartal.",
                    "A year adds up only what adds up over quarters (new and closed "
                    "cases, contacts). A case running in two quarters is one case in the "
                    "year, so active and multi-problem cases are given per quarter in "
                    "the trend.",
                )
            )
            + "</p>"
        )

    # Key figures
    parts.append(_h2(t("1. Kennzahlen des Landkreises", "1. District key figures"), True))
    parts.append(
        _table(
            [t("Kennzahl", "Measure"), t("Landkreis", "District")],
            [
                [measure_label(m, language), _cell(v)]
                for m, v in zip(rep.measures, rep.district_totals, strict=True)
            ],
            first_width=70,
        )
    )

    # Offices
    parts.append(_h2(t("2. Beratungsstellen", "2. Offices")))
    rows = [[office, *(_cell(v) for v in vals)] for office, vals in rep.by_office]
    rows.append([t("Landkreis", "District"), *(_cell(v) for v in rep.district_totals)])
    parts.append(
        _table(
            [t("Beratungsstelle", "Office"), *(measure_label(m, language) for m in rep.measures)],
            rows,
            sum_last=True,
            first_width=20,
        )
    )
    if rep.missing:
        parts.append(
            '<p class="note">'
            + esc(
                t(
                    "Ohne (vollständige) Daten für den Zeitraum: ",
                    "Without (complete) data for the period: ",
                )
                + ", ".join(rep.missing)
            )
            + "</p>"
        )

    # Multi-problem distribution
    parts.append(_h2(t("3. Mehrfachproblemlagen", "3. Multi-problem cases")))
    classes = display_rows(rep.published, scheme, case_measure, (DOMAIN_CLASS,))
    threshold = scheme.multi_problem.threshold
    class_rows = [(_class_label(r.dims[0][1], t), r.value) for r in classes]
    top = max((v for _, v in class_rows if v), default=0)
    parts.append(
        f"<p>{esc(measure_label(case_measure, language))} "
        f"{esc(t('nach Anzahl der Lebensbereiche', 'by number of life domains'))}</p>"
    )
    parts.append(_bars(class_rows, top))
    share = _multi_share(rep, classes, case_measure, threshold, language)
    parts.append(
        "<p><b>"
        + esc(
            t(
                f"Anteil Multiproblemfälle (ab {threshold} Lebensbereichen): {share}",
                f"Share of multi-problem cases ({threshold} or more life domains): {share}",
            )
        )
        + "</b></p>"
    )

    # Municipalities
    heading = t(
        "4. Gemeinden (VG Vorharz zusammengefasst)", "4. Municipalities (VG Vorharz pooled)"
    )
    parts.append(_h2(heading, True))
    munis = display_rows(rep.published, scheme, case_measure, ("municipality",))
    muni_rows = [
        (
            code_label("municipality", r.dims[0][1], scheme, language)
            if r.dims[0][1] != MISSING
            else t("nicht erfasst", "not recorded"),
            r.value,
        )
        for r in munis
    ]
    top = max((v for _, v in muni_rows if v), default=0)
    parts.append(f"<p>{esc(measure_label(case_measure, language))}</p>")
    parts.append(_bars(muni_rows, top))

    # Trend
    if rep.trend:
        parts.append(_h2(t("5. Verlauf", "5. Trend")))
        parts.append(
            _table(
                [t("Quartal", "Quarter"), *(measure_label(m, language) for m in HEADLINE)],
                [[label, *(_cell(v) for v in vals)] for label, vals in rep.trend],
            )
        )
        parts.append(
            '<p class="note">'
            + esc(
                t(
                    f"„{SUPPRESSED}“: Wert unter {rep.threshold} oder keine Daten für das Quartal.",
                    f"'{SUPPRESSED}': value below {rep.threshold} or no data for the quarter.",
                )
            )
            + "</p>"
        )
    return "<html><body>" + "\n".join(parts) + "</body></html>"


def _h2(text: str, new_page: bool = False) -> str:
    """A section heading: on a new page, or after a little space."""
    if new_page:
        return f'<h2 style="page-break-before: always;">{html.escape(text)}</h2>'
    return f'<p class="gap">&nbsp;</p><h2>{html.escape(text)}</h2>'


def _class_label(code: str, t) -> str:
    if code == "0":
        return t("kein Lebensbereich angegeben", "no life domain given")
    if code == "1":
        return t("1 Lebensbereich", "1 life domain")
    return t(f"{code} Lebensbereiche", f"{code} life domains")


def _multi_share(rep: DistrictReport, classes, case_measure: str, threshold: int, language) -> str:
    """Multi-problem cases / cases, from published cells only ("." if one is hidden)."""
    totals = dict(zip(rep.measures, rep.district_totals, strict=True))
    whole = totals.get(case_measure)
    if "cases_multi_problem" in totals:
        part = totals["cases_multi_problem"]
    else:
        multi = [r.value for r in classes if int(r.dims[0][1].rstrip("+")) >= threshold]
        part = None if not multi or any(v is None for v in multi) else sum(multi)
    if part is None or not whole:
        return SUPPRESSED
    return _percent(part, whole, language)
