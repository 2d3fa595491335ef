"""The office report as an Excel workbook (tallies.xlsx): for people, not machines.

Sheets: a cover (office, period, scheme, created), an overview of the totals, one sheet per
breakdown dimension (its codes as rows, every measure broken down by it as columns), the
two-way multi-problem tables, completeness, and the scheme's definitions. Main figures carry
native Excel charts. German headings, English with ``language="en"``. Written atomically.

Every sheet prints (``print_setup``: A4, one page wide, row 1 repeated, office and period in
the header, "page x of y" in the footer; charts below the table on a page of their own) and
reads by machine: row 1 is the header, codes stand beside labels, the total row follows
after an empty row, numbers are numbers; a suppressed value (disclosure control) leaves its
number cell empty and puts "." into a text column beside it. The district workbook
(app/district/report.py) uses the same helpers.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from app.atomic import storage_error_for, write_bytes
from app.scheme.model import Scheme
from app.stats.codes import UNKNOWN
from app.stats.tally import (
    CASE_MULTI,
    DOMAIN_CLASS,
    ITEM,
    Tally,
    code_label,
    dimension_label,
    display_rows,
    measure_label,
    measure_order,
)
from app.stats.tally_io import DIMENSION_ORDER, SUPPRESSED

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
CHARTS = {  # dimension -> (chart kind, measure)
    "field": ("pie", "cases_active"),
    "domain": ("bar", "cases_active"),
    DOMAIN_CLASS: ("bar", "cases_active"),
    "municipality": ("bar", "cases_active"),
}
_TEXT = {
    "cover": ("Deckblatt", "Cover"),
    "overview": ("Übersicht", "Overview"),
    "definitions": ("Definitionen", "Definitions"),
    "title": ("Fallzahl – Bericht der Beratungsstelle", "Fallzahl – office report"),
    "office": ("Beratungsstelle", "Office"),
    "office_id": ("Kennung", "Office id"),
    "period": ("Zeitraum", "Period"),
    "from_to": ("vom {} bis {}", "from {} to {}"),
    "scheme": ("Kategorienschema", "Category scheme"),
    "version": ("Version", "Version"),
    "created": ("Erstellt", "Created"),
    "suppressed": (
        "„.“ = Wert aus Datenschutzgründen unterdrückt (kleine Fallzahl oder rückrechenbar); "
        "die Zahlenspalte ist dann leer, die Spalte daneben zeigt „.“.",
        "'.' = value suppressed for confidentiality (small count or recomputable); the number "
        "column is then empty and the column beside it shows '.'.",
    ),
    "machine": (
        "Tabellenblätter: Zeile 1 ist die Kopfzeile, Codes stehen neben den Bezeichnungen, "
        "die Summenzeile steht nach einer Leerzeile unter der Tabelle.",
        "Sheets: row 1 is the header, codes stand beside labels, the total row follows the "
        "table after an empty row.",
    ),
    "code": ("Code", "Code"),
    "label": ("Bezeichnung", "Label"),
    "definition": ("Definition", "Definition"),
    "dimension": ("Merkmal", "Dimension"),
    "dimension_id": ("Merkmal-Code", "Dimension id"),
    "measure": ("Kennzahl", "Measure"),
    "value": ("Wert", "Value"),
    "total": ("Gesamt", "Total"),
    "multi_note": (
        "Mehrfachnennungen: ein Fall zählt je Code einmal, die Summe übersteigt das Gesamt.",
        "Several codes per case: a case counts once per code; the sum exceeds the total.",
    ),
    "by": ("nach", "by"),
    "completeness": ("Vollständigkeit", "Completeness"),
    "multi_short": ("Lebensbereiche", "Life domains"),
    "page": ("Seite &P von &N", "Page &P of &N"),
    "status": ("{} (Geheimhaltung)", "{} (confidentiality)"),
}
A4 = "9"  # openpyxl paper size code
# Printable width of an A4 page with the margins below, in Excel column-width units
# (about 0.19 cm each): what a chart may take without widening the printed area.
PAGE_CM = {"portrait": (17.0, 24.0), "landscape": (25.5, 15.5)}


def _t(key: str, language: str) -> str:
    de, en = _TEXT[key]
    return en if language == "en" else de


def _sheet_name(text: str, used: set[str]) -> str:
    for ch in "[]:*?/\\":
        text = text.replace(ch, "-")
    name = text[:31]
    n = 2
    while name in used:
        suffix = f" {n}"
        name = text[: 31 - len(suffix)] + suffix
        n += 1
    used.add(name)
    return name


def _hf(text: str) -> str:
    """Text for a header or footer: "&" starts a code there, so it is doubled."""
    return text.replace("&", "&&")


def print_setup(
    ws: Worksheet, *, left: str, centre: str, language: str, header_row: bool = True
) -> None:
    """Page setup for printing: A4, as wide as one page (as many pages down as needed),
    portrait or landscape by the width of the used columns, row 1 repeated on every page,
    a header with ``left`` (office or district) and ``centre`` (sheet, period) and a
    footer "page x of y"."""
    width = sum(_width(ws, j) for j in range(1, ws.max_column + 1))
    landscape = width > 100
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.6
    ws.page_margins.top = ws.page_margins.bottom = 0.8
    ws.page_margins.header = ws.page_margins.footer = 0.3
    if header_row and ws.max_row > 1:
        ws.print_title_rows = "1:1"
    ws.oddHeader.left.text = _hf(left)
    ws.oddHeader.center.text = _hf(centre)
    ws.oddFooter.center.text = _t("page", language)
    ws.oddFooter.right.text = "Fallzahl"


def _width(ws: Worksheet, col: int) -> float:
    letter = get_column_letter(col)
    dim = ws.column_dimensions.get(letter)
    return dim.width if dim is not None and dim.width else 8.43


def orientation(ws: Worksheet) -> str:
    return ws.page_setup.orientation or "portrait"


def fit_columns(ws: Worksheet, *, widest: int = 60, wrap_from: int = 60) -> None:
    """Column widths from the longest text (header included), so nothing is cut; the
    header row is as high as its longest wrapped heading."""
    lines = 1
    for col in ws.iter_cols(min_row=1, max_row=ws.max_row):
        longest = max((len(str(c.value)) for c in col if c.value is not None), default=4)
        head = col[0]
        body = max(
            (len(str(c.value)) for c in col[1:] if c.value is not None),
            default=len(str(head.value or "")),
        )
        width = min(max(body, 6) + 2, widest)
        text = str(head.value) if head.value is not None else ""
        if len(text) + 2 > width:
            head.alignment = Alignment(wrap_text=True, vertical="top")
            word = max((len(w) for w in text.split()), default=0)
            width = max(width, word + 2, min(len(text) + 2, 18))
            lines = max(lines, -(-len(text) // (int(width) - 2)) + 1)
        if longest > wrap_from:
            for c in col[1:]:
                c.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[head.column_letter].width = width
    for head in ws[1]:  # one line of headings, wrapped or not, aligned at the top
        head.alignment = Alignment(wrap_text=head.alignment.wrap_text, vertical="top")
    ws.row_dimensions[1].height = 15 * lines + 2


def set_properties(wb: Workbook, *, title: str, subject: str, language: str, created) -> None:
    naive = created.astimezone(dt.UTC).replace(tzinfo=None)
    wb.properties.created = naive
    wb.properties.modified = naive
    wb.properties.creator = "Fallzahl"
    wb.properties.lastModifiedBy = "Fallzahl"
    wb.properties.title = title
    wb.properties.subject = subject
    wb.properties.language = "en-GB" if language == "en" else "de-DE"
    wb.properties.keywords = "Fallzahl"


def place_chart(ws: Worksheet, chart, n_categories: int) -> None:
    """Put ``chart`` below the table, on a page of its own, sized to fit that page."""
    row = ws.max_row + 2
    ws.row_breaks.append(Break(id=row))
    page_w, page_h = PAGE_CM[orientation(ws)]
    table_cm = sum(_width(ws, j) for j in range(1, ws.max_column + 1)) * 0.19
    chart.width = min(max(table_cm, 12.0), page_w)
    chart.height = min(max(7.5, 0.55 * n_categories + 3), page_h)
    ws.add_chart(chart, f"A{row + 1}")


def value_cells(values: list[int | None]) -> bool:
    """Whether a column of values needs a confidentiality column beside it."""
    return any(v is None for v in values)


def write_office_report(
    path: str | os.PathLike[str],
    tally: Tally,
    scheme: Scheme,
    office_name: str,
    office_id: str,
    language: str = "de",
    *,
    created: dt.datetime | None = None,
) -> None:
    """Write the workbook to ``path`` atomically (FallzahlError on I/O failure)."""
    created = created or dt.datetime.now(dt.UTC).replace(microsecond=0)
    wb = Workbook()
    used: set[str] = set()
    _cover(wb.active, tally, scheme, office_name, office_id, language, created, used)
    _overview(wb.create_sheet(), tally, language, used)
    one_way = [b for b in tally.breakdowns() if len(b[1]) == 1]
    dims = [d for d in DIMENSION_ORDER if any(b[1][0] == d for b in one_way)]
    dims += sorted({b[1][0] for b in one_way} - set(dims))
    charts = []
    for dim in dims:
        measures = [m for m in measure_order(tally) if (m, (dim,)) in one_way]
        ws = wb.create_sheet()
        chart = _one_way(ws, tally, scheme, dim, measures, language, used)
        if chart is not None:
            charts.append((ws, *chart))
    for measure, names in tally.breakdowns():
        if len(names) == 2:
            _two_way(wb.create_sheet(), tally, scheme, measure, names, language, used)
    _definitions(wb.create_sheet(), scheme, language, used)
    left = f"{office_name} ({office_id})"
    for ws in wb.worksheets:
        print_setup(
            ws,
            left=left,
            centre=f"{ws.title} – {tally.period.label}",
            language=language,
            header_row=ws is not wb.worksheets[0],
        )
    for ws, chart, n in charts:  # after the page setup, which decides the page they fit
        place_chart(ws, chart, n)
    set_properties(
        wb,
        title=f"{_t('title', language)} – {office_name} – {tally.period.label}",
        subject=f"{tally.scheme_id} v{tally.scheme_version}, {tally.period.label}",
        language=language,
        created=created,
    )
    buf = io.BytesIO()
    wb.save(buf)
    try:
        write_bytes(path, buf.getvalue())
    except OSError as exc:  # atomic_writer lets a failing mkstemp through (missing folder)
        raise storage_error_for(exc, Path(path)) from exc


def _cover(ws, tally, scheme, office_name, office_id, language, created, used) -> None:
    ws.title = _sheet_name(_t("cover", language), used)
    p = tally.period
    ws["A1"] = _t("title", language)
    ws["A1"].font = TITLE
    rows = [
        (_t("office", language), office_name),
        (_t("office_id", language), office_id),
        (_t("period", language), p.label),
        ("", _t("from_to", language).format(p.start.isoformat(), p.end.isoformat())),
        (_t("scheme", language), tally.scheme_id),
        (_t("version", language), tally.scheme_version),
        (_t("created", language), created.isoformat()),
    ]
    for i, (k, v) in enumerate(rows, start=3):
        ws.cell(i, 1, k).font = BOLD
        ws.cell(i, 2, v)
    i = len(rows) + 4
    if any(r.value is None for r in tally.rows):
        ws.cell(i, 1, _t("suppressed", language)).alignment = Alignment(wrap_text=True)
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=2)
        ws.row_dimensions[i].height = 45
        i += 1
    ws.cell(i, 1, _t("machine", language)).alignment = Alignment(wrap_text=True)
    ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=2)
    ws.row_dimensions[i].height = 45
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 58


def _header(ws: Worksheet, headings: list[str], freeze: str = "C2") -> None:
    for j, h in enumerate(headings, start=1):
        ws.cell(1, j, h).font = BOLD
    ws.freeze_panes = freeze


def _values(
    ws: Worksheet, row: int, col: int, value: int | None, status: bool, bold: bool = False
) -> int:
    """Write a value (a number, or empty when suppressed) and, where the column has
    suppressed values, "." in the text column beside it; returns the next column."""
    cell = ws.cell(row, col, value)
    if bold:
        cell.font = BOLD
    if status:
        ws.cell(row, col + 1, SUPPRESSED if value is None else None)
        return col + 2
    return col + 1


def _measure_headings(measures: list[str], status: dict[str, bool], language: str) -> list[str]:
    out = []
    for m in measures:
        out.append(measure_label(m, language))
        if status[m]:
            out.append(_t("status", language).format(measure_label(m, language)))
    return out


def _overview(ws, tally, language, used) -> None:
    ws.title = _sheet_name(_t("overview", language), used)
    totals = [(m, tally.value(m)) for m in measure_order(tally) if any(
        r.measure == m and not r.dims for r in tally.rows)]  # fmt: skip
    status = value_cells([v for _, v in totals])
    headings = [_t("code", language), _t("measure", language), _t("value", language)]
    if status:
        headings.append(_t("status", language).format(_t("value", language)))
    _header(ws, headings, "A2")
    for i, (m, v) in enumerate(totals, start=2):
        ws.cell(i, 1, m)
        ws.cell(i, 2, measure_label(m, language))
        _values(ws, i, 3, v, status)
    fit_columns(ws)


def _one_way(ws, tally, scheme, dim, measures, language, used) -> tuple | None:
    """The sheet of one dimension; its chart and number of categories, if it has one."""
    label = dimension_label(dim, scheme, language)
    ws.title = _sheet_name(_t("completeness", language) if dim == ITEM else label, used)
    columns = {
        m: {r.dims[0][1]: r.value for r in display_rows(tally, scheme, m, (dim,))} for m in measures
    }
    status = {m: value_cells(list(columns[m].values())) for m in measures}
    headings = [_t("code", language), label, *_measure_headings(measures, status, language)]
    _header(ws, headings)
    codes = [r.dims[0][1] for r in display_rows(tally, scheme, measures[0], (dim,))]
    for m in measures[1:]:
        codes += [c for c in columns[m] if c not in codes]
    i = 2
    for code in codes:
        ws.cell(i, 1, code)
        ws.cell(i, 2, code_label(dim, code, scheme, language))
        j = 3
        for m in measures:
            j = (
                _values(ws, i, j, columns[m].get(code), status[m])
                if code in columns[m]
                else (j + (2 if status[m] else 1))
            )
        i += 1
    last = i - 1
    if dim != ITEM:
        i += 1  # the total apart from the table, after an empty row
        ws.cell(i, 2, _t("total", language)).font = BOLD
        j = 3
        for m in measures:
            has_total = any(r.measure == m and not r.dims for r in tally.rows)
            if has_total:
                j = _values(ws, i, j, tally.value(m), status[m], bold=True)
            else:
                j += 2 if status[m] else 1
        if dim in CASE_MULTI:
            ws.cell(i + 1, 2, _t("multi_note", language))
    fit_columns(ws)
    chart = CHARTS.get(dim)
    if chart and chart[1] in measures and last >= 2:
        kind, measure = chart
        col = headings.index(measure_label(measure, language)) + 1
        ch = PieChart() if kind == "pie" else BarChart()
        if kind == "bar":
            ch.type = "bar" if last - 1 > 8 else "col"
            ch.legend = None
            ch.y_axis.title = measure_label(measure, language)
        ch.title = f"{measure_label(measure, language)} {_t('by', language)} {label}"
        ch.add_data(Reference(ws, min_col=col, min_row=1, max_row=last), titles_from_data=True)
        ch.set_categories(Reference(ws, min_col=2, min_row=2, max_row=last))
        return ch, last - 1
    return None


def _two_way(ws, tally, scheme, measure, names, language, used) -> None:
    row_dim, col_dim = names if names[0] == DOMAIN_CLASS else names[::-1]
    short = _t("multi_short", language) if row_dim == DOMAIN_CLASS else row_dim
    ws.title = _sheet_name(f"{short} × {dimension_label(col_dim, scheme, language)}", used)
    rows = display_rows(tally, scheme, measure, names)
    col_codes: list[str] = []
    row_codes: list[str] = []
    cells = {}
    for r in rows:
        d = dict(r.dims)
        if d[col_dim] not in col_codes:
            col_codes.append(d[col_dim])
        if d[row_dim] not in row_codes:
            row_codes.append(d[row_dim])
        cells[(d[row_dim], d[col_dim])] = r.value
    margin_rows = tally.breakdown(measure, row_dim)
    margin_cols = tally.breakdown(measure, col_dim)
    if any(v is None for v in [*cells.values(), *margin_rows.values(), *margin_cols.values()]):
        # a cross table with hidden cells: the long form keeps numbers and "." apart
        _long_two_way(ws, tally, scheme, measure, names, language)
        return
    headings = [_t("code", language), dimension_label(row_dim, scheme, language)]
    headings += [f"{code_label(col_dim, c, scheme, language)} ({c})" for c in col_codes]
    headings.append(_t("total", language))
    _header(ws, headings)
    for i, rc in enumerate(row_codes, start=2):
        ws.cell(i, 1, rc)
        ws.cell(i, 2, code_label(row_dim, rc, scheme, language))
        for j, cc in enumerate(col_codes, start=3):
            ws.cell(i, j, cells.get((rc, cc), 0))
        if rc in margin_rows:
            ws.cell(i, len(col_codes) + 3, margin_rows[rc]).font = BOLD
    i = len(row_codes) + 3
    ws.cell(i, 2, _t("total", language)).font = BOLD
    for j, cc in enumerate(col_codes, start=3):
        if cc in margin_cols:
            ws.cell(i, j, margin_cols[cc]).font = BOLD
    if any(r.measure == measure and not r.dims for r in tally.rows):
        ws.cell(i, len(col_codes) + 3, tally.value(measure)).font = BOLD
    fit_columns(ws, widest=40)


def _long_two_way(ws, tally, scheme, measure, names, language) -> None:
    a, b = names
    headings = [
        _t("code", language), dimension_label(a, scheme, language),
        _t("code", language), dimension_label(b, scheme, language),
        _t("value", language), _t("status", language).format(_t("value", language)),
    ]  # fmt: skip
    _header(ws, headings, "A2")
    for i, r in enumerate(display_rows(tally, scheme, measure, names), start=2):
        d = dict(r.dims)
        ws.cell(i, 1, d[a])
        ws.cell(i, 2, code_label(a, d[a], scheme, language))
        ws.cell(i, 3, d[b])
        ws.cell(i, 4, code_label(b, d[b], scheme, language))
        _values(ws, i, 5, r.value, True)
    fit_columns(ws)


def _definitions(ws, scheme, language, used) -> None:
    ws.title = _sheet_name(_t("definitions", language), used)
    headings = [
        _t("dimension_id", language),
        _t("dimension", language),
        _t("code", language),
        _t("label", language),
        _t("definition", language),
    ]
    _header(ws, headings, "A2")
    i = 2
    unknown = scheme.unknown_codes
    for dim in scheme.dimensions:
        for code in dim.codes:
            ws.cell(i, 1, dim.id)
            ws.cell(i, 2, dim.label(language))
            # the code as the data sheets write it (the scheme's "unknown" answer as _U)
            ws.cell(i, 3, UNKNOWN if unknown.get(dim.id) == code.code else code.code)
            ws.cell(i, 4, code.label(language))
            definition = code.definition(language)
            ws.cell(i, 5, definition).alignment = Alignment(wrap_text=True, vertical="top")
            ws.row_dimensions[i].height = 15 * max(1, -(-len(definition) // 75))
            i += 1
    for col, width in zip("ABCDE", (16, 26, 14, 40, 80), strict=True):
        ws.column_dimensions[col].width = width
