"""The office report as an Excel workbook (tallies.xlsx): for people, not machines.

Sheets: a cover (office, period, scheme, created), an overview of the totals, one sheet per
breakdown dimension (its codes as rows, every measure broken down by it as columns), the
two-way multi-problem tables, completeness, and the scheme's definitions. Main figures carry
native Excel charts. German headings, English with ``language="en"``. Suppressed values
(disclosure control) are shown as ".". Written atomically.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from app.atomic import storage_error_for, write_bytes
from app.scheme.model import Scheme
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
        "„.“ = Wert aus Datenschutzgründen unterdrückt (kleine Fallzahl oder rückrechenbar).",
        "'.' = value suppressed for confidentiality (small count or recomputable).",
    ),
    "code": ("Code", "Code"),
    "label": ("Bezeichnung", "Label"),
    "definition": ("Definition", "Definition"),
    "dimension": ("Merkmal", "Dimension"),
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
}


def _t(key: str, language: str) -> str:
    de, en = _TEXT[key]
    return en if language == "en" else de


def _v(value: int | None) -> int | str:
    return SUPPRESSED if value is None else value


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
    for dim in dims:
        measures = [m for m in measure_order(tally) if (m, (dim,)) in one_way]
        _one_way(wb.create_sheet(), tally, scheme, dim, measures, language, used)
    for measure, names in tally.breakdowns():
        if len(names) == 2:
            _two_way(wb.create_sheet(), tally, scheme, measure, names, language, used)
    _definitions(wb.create_sheet(), scheme, language, used)
    naive = created.astimezone(dt.UTC).replace(tzinfo=None)
    wb.properties.created = naive
    wb.properties.modified = naive
    wb.properties.creator = "Fallzahl"
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
    if any(r.value is None for r in tally.rows):
        ws.cell(len(rows) + 4, 1, _t("suppressed", language))
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 48


def _header(ws: Worksheet, title: str, headings: list[str]) -> None:
    ws["A1"] = title
    ws["A1"].font = TITLE
    for j, h in enumerate(headings, start=1):
        c = ws.cell(2, j, h)
        c.font = BOLD
        c.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "C3"
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 40
    for j in range(3, len(headings) + 1):
        ws.column_dimensions[ws.cell(2, j).column_letter].width = 16


def _overview(ws, tally, language, used) -> None:
    ws.title = _sheet_name(_t("overview", language), used)
    _header(ws, _t("overview", language), [_t("measure", language), "", _t("value", language)])
    ws.freeze_panes = "A3"
    i = 3
    for m in measure_order(tally):
        if any(r.measure == m and not r.dims for r in tally.rows):
            ws.cell(i, 1, m)
            ws.cell(i, 2, measure_label(m, language))
            ws.cell(i, 3, _v(tally.value(m)))
            i += 1


def _one_way(ws, tally, scheme, dim, measures, language, used) -> None:
    label = dimension_label(dim, scheme, language)
    ws.title = _sheet_name(_t("completeness", language) if dim == ITEM else label, used)
    headings = [_t("code", language), label] + [measure_label(m, language) for m in measures]
    _header(ws, label, headings)
    columns = {
        m: {r.dims[0][1]: r.value for r in display_rows(tally, scheme, m, (dim,))} for m in measures
    }
    codes = [r.dims[0][1] for r in display_rows(tally, scheme, measures[0], (dim,))]
    for m in measures[1:]:
        codes += [c for c in columns[m] if c not in codes]
    i = 3
    for code in codes:
        ws.cell(i, 1, code)
        ws.cell(i, 2, code_label(dim, code, scheme, language))
        for j, m in enumerate(measures, start=3):
            if code in columns[m]:
                ws.cell(i, j, _v(columns[m][code]))
        i += 1
    last = i - 1
    if dim != ITEM:
        ws.cell(i, 2, _t("total", language)).font = BOLD
        for j, m in enumerate(measures, start=3):
            if any(r.measure == m and not r.dims for r in tally.rows):
                ws.cell(i, j, _v(tally.value(m))).font = BOLD
        if dim in CASE_MULTI:
            ws.cell(i + 1, 2, _t("multi_note", language))
    chart = CHARTS.get(dim)
    if chart and chart[1] in measures and last >= 3:
        kind, measure = chart
        col = 3 + measures.index(measure)
        ch = PieChart() if kind == "pie" else BarChart()
        if kind == "bar":
            ch.type = "bar" if last - 2 > 8 else "col"
            ch.legend = None
            ch.y_axis.title = measure_label(measure, language)
        ch.title = f"{measure_label(measure, language)} {_t('by', language)} {label}"
        data = Reference(ws, min_col=col, min_row=2, max_row=last)
        cats = Reference(ws, min_col=2, min_row=3, max_row=last)
        ch.add_data(data, titles_from_data=True)
        ch.set_categories(cats)
        ch.height = max(7.5, 0.5 * (last - 2))
        ch.width = 18
        anchor = ws.cell(2, len(headings) + 2).coordinate
        ws.add_chart(ch, anchor)


def _two_way(ws, tally, scheme, measure, names, language, used) -> None:
    row_dim, col_dim = names if names[0] == DOMAIN_CLASS else names[::-1]
    title = (
        f"{measure_label(measure, language)}: {dimension_label(row_dim, scheme, language)}"
        f" × {dimension_label(col_dim, scheme, language)}"
    )
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
    headings = [_t("code", language), dimension_label(row_dim, scheme, language)]
    headings += [code_label(col_dim, c, scheme, language) for c in col_codes]
    headings.append(_t("total", language))
    _header(ws, title, headings)
    for i, rc in enumerate(row_codes, start=3):
        ws.cell(i, 1, rc)
        ws.cell(i, 2, code_label(row_dim, rc, scheme, language))
        for j, cc in enumerate(col_codes, start=3):
            ws.cell(i, j, _v(cells.get((rc, cc), 0)))
        if rc in margin_rows:
            ws.cell(i, len(col_codes) + 3, _v(margin_rows[rc])).font = BOLD
    i = len(row_codes) + 3
    ws.cell(i, 2, _t("total", language)).font = BOLD
    for j, cc in enumerate(col_codes, start=3):
        if cc in margin_cols:
            ws.cell(i, j, _v(margin_cols[cc])).font = BOLD
    if any(r.measure == measure and not r.dims for r in tally.rows):
        ws.cell(i, len(col_codes) + 3, _v(tally.value(measure))).font = BOLD


def _definitions(ws, scheme, language, used) -> None:
    ws.title = _sheet_name(_t("definitions", language), used)
    headings = [
        _t("dimension", language),
        _t("code", language),
        _t("label", language),
        _t("definition", language),
    ]
    ws["A1"] = f"{scheme.id} v{scheme.version}"
    ws["A1"].font = TITLE
    for j, h in enumerate(headings, start=1):
        ws.cell(2, j, h).font = BOLD
    ws.freeze_panes = "A3"
    i = 3
    for dim in scheme.dimensions:
        for code in dim.codes:
            ws.cell(i, 1, dim.label(language))
            ws.cell(i, 2, code.code)
            ws.cell(i, 3, code.label(language))
            ws.cell(i, 4, code.definition(language))
            i += 1
    for col, width in zip("ABCD", (26, 14, 44, 80), strict=True):
        ws.column_dimensions[col].width = width
