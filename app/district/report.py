"""The district report: merged tallies of the accepted packages, made safe to publish.

For a quarter, every office's package that counts (the latest correction) is added up
cell by cell; the district table is the sum of the office tables, exactly. For a year,
the four quarters are added up too, but only the measures that add up over time (new and
closed cases, contacts, persons): a case active in two quarters is one case in the year,
so active, single-contact and multi-problem cases are shown per quarter (trend) instead.

Before publishing, municipalities are pooled as the scheme says (VG Vorharz) and
disclosure control (app/disclosure.py) hides small counts and their complements in the
district table; the office table hides small office totals so that none can be worked out
from the district total. Outputs: XLSX with native charts, SDMX-CSV 2.0 and IHE ADX XML.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import io
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import msgspec

from app import lang
from app.district.intake import Intake
from app.errors import TallyRefused
from app.records.periods import Period, parse_period, previous_quarters, quarter
from app.scheme.model import Scheme
from app.stats import adx, sdmx
from app.stats.disclosure import protect, suppress_long
from app.stats.exchange_ids import CONF_PRIMARY, CONF_SECONDARY, FLOW_MEASURES, code_name
from app.stats.tally import (
    DOMAIN_CLASS,
    NON_ADDITIVE_MEASURES,
    SCHEME_DIMENSION,
    V2_DIMENSIONS,
    Row,
    Tally,
    dimension_label,
    measure_label,
)
from app.stats.tally_map import to_scheme

HEADLINE = ("cases_active", "cases_new", "cases_closed", "cases_multi_problem", "contacts")
PUBLISHED_DIMENSIONS = (*SCHEME_DIMENSION, DOMAIN_CLASS, *V2_DIMENSIONS)  # not "item"
SUPPRESSED = "."


class ReportPeriodRefused(TallyRefused):
    """A period that holds no whole quarter: the district report would be empty."""


class DistrictReport(msgspec.Struct, frozen=True, kw_only=True):
    district: str
    period: Period
    scheme_id: str
    scheme_version: int
    threshold: int
    offices: tuple[str, ...]  # offices counted
    missing: tuple[str, ...]  # enrolled offices without a package for (part of) the period
    merged: Tally  # NOT for publication: the exact sums (pooled)
    published: Tally  # after disclosure control
    measures: tuple[str, ...]  # headline measures of this report
    by_office: tuple[tuple[str, tuple[int | None, ...]], ...]  # office -> headline values
    district_totals: tuple[int | None, ...]  # headline values, published
    trend: tuple[tuple[str, tuple[int | None, ...]], ...]  # quarter -> headline values
    created: dt.datetime


def merge(tallies: Sequence[Tally], period: Period, measures: Iterable[str] | None = None) -> Tally:
    """Cell-by-cell sum of tallies (offices, or quarters when ``measures`` are flows)."""
    keep = set(measures) if measures is not None else None
    sums: dict[tuple[str, tuple[tuple[str, str], ...]], int] = {}
    for t in tallies:
        for r in t.rows:
            if (keep is not None and r.measure not in keep) or r.measure in NON_ADDITIVE_MEASURES:
                continue  # a median of medians is no median: per office only
            if r.value is None:
                raise ValueError("cannot merge suppressed tallies")
            key = (r.measure, r.dims)
            sums[key] = sums.get(key, 0) + r.value
    first = tallies[0] if tallies else None
    return Tally(
        period=period,
        scheme_id=first.scheme_id if first else "",
        scheme_version=max((t.scheme_version for t in tallies), default=0),
        rows=tuple(Row(dims, m, v) for (m, dims), v in sorted(sums.items())),
    )


def pool(tally: Tally, scheme: Scheme) -> Tally:
    """Municipality codes replaced by their pool (scheme.pooled), counts added up."""
    sums: dict[tuple[str, tuple[tuple[str, str], ...]], int | None] = {}
    for r in tally.rows:
        dims = tuple(
            sorted(
                (d, scheme.pooled("municipality", c) if d == "municipality" else c)
                for d, c in r.dims
            )
        )
        key = (r.measure, dims)
        sums[key] = sums.get(key, 0) + (r.value or 0)
    rows = tuple(Row(dims, m, v) for (m, dims), v in sorted(sums.items()))
    return msgspec.structs.replace(tally, rows=rows)


def total_of(t: Tally, measure: str) -> int | None:
    """The total of ``measure`` (0 if absent, None if suppressed), without indexing the
    tally: rows are sorted by (measure, dims) and a total's dims () sort first."""
    i = bisect.bisect_left(t.rows, (measure, ()), key=lambda r: (r.measure, r.dims))
    if i < len(t.rows) and t.rows[i].measure == measure and not t.rows[i].dims:
        return t.rows[i].value
    return 0


def _totals(t: Tally, measures: Sequence[str]) -> tuple[int | None, ...]:
    return tuple(total_of(t, m) for m in measures)


def build(
    district: str,
    scheme: Scheme,
    period: Period,
    office_tallies: dict[str, dict[str, Tally]],
    enrolled: Sequence[str],
    now: dt.datetime | None = None,
) -> DistrictReport:
    """The report from the tallies that count: office id -> quarter label -> tally.

    Pure: the vault-side wrapper is ``report(session, period)``.
    """
    quarters = _quarters(period)
    if not quarters:
        raise ReportPeriodRefused(
            f"Der Bericht des Landkreises fasst die Quartalspakete zusammen; {period.label} "
            "enthält kein ganzes Quartal, der Bericht wäre leer. Wählen Sie ein Quartal "
            "(z. B. 2026-Q1) oder ein Jahr (2026).",
            f"The district report adds up the quarterly packages; {period.label} holds no "
            "whole quarter, so the report would be empty. Choose a quarter (e.g. 2026-Q1) or "
            "a year (2026).",
        )
    labels = [q.label for q in quarters]
    is_quarter = period.kind == "quarter"
    measures = HEADLINE if is_quarter else tuple(m for m in HEADLINE if m in FLOW_MEASURES)
    per_office: dict[str, Tally] = {}
    for office in sorted(office_tallies):
        got = [
            to_scheme(office_tallies[office][q], scheme)  # v1 packages in today's codes
            for q in labels
            if q in office_tallies[office]
        ]
        if not got:
            continue
        per_office[office] = merge(got, period, None if is_quarter else FLOW_MEASURES)
    missing = tuple(
        o for o in sorted(enrolled) if any(q not in office_tallies.get(o, {}) for q in labels)
    )
    merged = pool(merge(list(per_office.values()), period), scheme)
    threshold = scheme.disclosure_threshold
    published = suppress_long(
        merged,
        threshold,
        PUBLISHED_DIMENSIONS,
        multi_threshold=scheme.multi_problem.threshold,
    )
    district_totals = _totals(published, measures)
    # Office totals: district total = sum of the offices, per measure.
    values: dict[tuple[str, str], int] = {}
    eqs = []
    for m in measures:
        for office, t in per_office.items():
            values[(office, m)] = _totals(t, [m])[0] or 0
        values[("", m)] = sum(values[(o, m)] for o in per_office)
        eqs.append([((o, m), 1) for o in per_office] + [(("", m), -1)])
    already = {("", m) for m, v in zip(measures, district_totals, strict=True) if v is None}
    hidden = protect(values, eqs, threshold, {("", m) for m in measures}, already)
    by_office = tuple(
        (o, tuple(None if (o, m) in hidden else values[(o, m)] for m in measures))
        for o in per_office
    )
    # Trend: the district's quarters (the year's, or the four before and this one).
    trend_quarters = quarters if not is_quarter else [*previous_quarters(period, 4), period]
    trend = []
    for q in trend_quarters:
        got = [t[q.label] for t in office_tallies.values() if q.label in t]
        if not got:
            trend.append((q.label, tuple(None for _ in HEADLINE)))
            continue
        totals = tuple(sum(total_of(t, m) or 0 for t in got) for m in HEADLINE)
        trend.append((q.label, tuple(None if v and v < threshold else v for v in totals)))
    return DistrictReport(
        district=district,
        period=period,
        scheme_id=scheme.id,
        scheme_version=scheme.version,
        threshold=threshold,
        offices=tuple(per_office),
        missing=missing,
        merged=merged,
        published=published,
        measures=measures,
        by_office=by_office,
        district_totals=district_totals,
        trend=tuple(trend),
        created=now or dt.datetime.now().astimezone().replace(microsecond=0),
    )


def _quarters(period: Period) -> list[Period]:
    if period.kind == "quarter":
        return [period]
    return [
        q
        for y in range(period.start.year, period.end.year + 1)
        for q in (quarter(y, n) for n in range(1, 5))
        if q.start >= period.start and q.end <= period.end
    ]


def office_tallies_for(session, period: Period, intake: Intake) -> dict[str, dict[str, Tally]]:
    """office -> quarter -> tally of the package that counts, read from the district vault."""
    from app.district.desk import package_tally

    labels = {q.label for q in _quarters(period)}
    trend = {q.label for q in previous_quarters(period, 4)} if period.kind == "quarter" else set()
    out: dict[str, dict[str, Tally]] = {}
    for (office, label), got in intake.current().items():
        if label in labels or label in trend:
            out.setdefault(office, {})[label] = package_tally(session, got.sha256)
    return out


def report(session, period_text: str, now: dt.datetime | None = None) -> DistrictReport:
    """The district report for a quarter (2026-Q1) or a year (2026)."""
    from app.district import desk as district

    period = parse_period(period_text)
    info = district.district_info(session)
    intake = district.intake(session)
    tallies = office_tallies_for(session, period, intake)
    enrolled = [o.office_id for o in district.registry(session).offices]
    session.audit("district.report", period.label)
    return build(info.name, session.scheme, period, tallies, enrolled, now)


# Outputs


def _breakdown(t: Tally, measure: str, dim: str) -> list[tuple[str, int | None]]:
    return [
        (r.dims[0][1], r.value)
        for r in t.rows
        if r.measure == measure and len(r.dims) == 1 and r.dims[0][0] == dim
    ]


def to_xlsx(
    rep: DistrictReport,
    scheme: Scheme,
    language: str | None = None,
    *,
    extra: Callable[[Any], None] | None = None,
) -> bytes:
    """Workbook: cover, headline figures, offices, multi-problem, municipalities, trend and
    the full published table. Printable and machine-readable as the office workbook
    (app/stats/workbook.py): header in row 1, codes beside labels, totals after an empty
    row, a hidden value an empty number cell with "." in the text column beside it."""
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, LineChart, Reference
    from openpyxl.styles import Alignment, Font

    from app.stats import workbook as wbk

    t = functools.partial(lang.t, language=language or lang.current())

    bold = Font(bold=True)
    status_head = t("{} (Geheimhaltung)", "{} (confidentiality)")
    hidden = t(
        f"„.“ = Wert unter {rep.threshold} oder zur Rückrechnung nötig (Geheimhaltung); die "
        "Zahlenspalte ist dann leer, die Spalte daneben zeigt „.“.",
        f"'.' = value below {rep.threshold} or one that would reveal it (confidentiality); the "
        "number column is then empty and the column beside it shows '.'.",
    )

    def header(ws, headings: list[str]) -> None:
        for j, h in enumerate(headings, start=1):
            ws.cell(1, j, h).font = bold
        ws.freeze_panes = "A2"

    def value(ws, row: int, col: int, v: int | None, status: bool, strong: bool = False) -> int:
        cell = ws.cell(row, col, v)
        if strong:
            cell.font = bold
        if status:
            ws.cell(row, col + 1, SUPPRESSED if v is None else None)
            return col + 2
        return col + 1

    def headings_for(measures: Sequence[str], status: dict[str, bool]) -> list[str]:
        out = []
        for m in measures:
            out.append(measure_label(m, language))
            if status[m]:
                out.append(status_head.format(measure_label(m, language)))
        return out

    wb = Workbook()
    charts = []
    ws = wb.active
    ws.title = t("Deckblatt", "Cover")
    ws["A1"] = t("Bericht des Landkreises", "District report")
    ws["A1"].font = Font(bold=True, size=14)
    facts = [
        (t("Landkreis", "District"), rep.district),
        (t("Zeitraum", "Period"), rep.period.label),
        (t("Schema", "Scheme"), f"{rep.scheme_id} v{rep.scheme_version}"),
        (t("Beratungsstellen gezählt", "Offices counted"), len(rep.offices)),
        (t("Fehlende Pakete", "Missing packages"), ", ".join(rep.missing) or "-"),
        (t("Erstellt", "Created"), exported(rep)),
    ]
    for i, (k, v) in enumerate(facts, start=3):
        ws.cell(i, 1, k).font = bold
        ws.cell(i, 2, v)
    i = len(facts) + 4
    ws.cell(i, 1, hidden).alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=2)
    ws.row_dimensions[i].height = 48
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 60

    ws = wb.create_sheet(t("Kennzahlen", "Headline"))
    status = wbk.value_cells(list(rep.district_totals))
    header(ws, [t("Code", "Code"), t("Kennzahl", "Measure"), t("Landkreis", "District")]
           + ([status_head.format(t("Landkreis", "District"))] if status else []))  # fmt: skip
    for i, (m, v) in enumerate(zip(rep.measures, rep.district_totals, strict=True), start=2):
        ws.cell(i, 1, m)
        ws.cell(i, 2, measure_label(m, language))
        value(ws, i, 3, v, status)
    wbk.fit_columns(ws)

    ws = wb.create_sheet(t("Beratungsstellen", "Offices"))
    status_by = {
        m: wbk.value_cells([vals[k] for _o, vals in rep.by_office] + [rep.district_totals[k]])
        for k, m in enumerate(rep.measures)
    }
    header(ws, [t("Beratungsstelle", "Office"), *headings_for(rep.measures, status_by)])
    for i, (office, vals) in enumerate(rep.by_office, start=2):
        ws.cell(i, 1, office)
        j = 2
        for m, v in zip(rep.measures, vals, strict=True):
            j = value(ws, i, j, v, status_by[m])
    i = len(rep.by_office) + 3
    ws.cell(i, 1, t("Landkreis", "District")).font = bold
    j = 2
    for m, v in zip(rep.measures, rep.district_totals, strict=True):
        j = value(ws, i, j, v, status_by[m], strong=True)
    wbk.fit_columns(ws)

    case_measure = "cases_active" if rep.period.kind == "quarter" else "cases_new"
    for title, dim, chart_title in (
        (t("Mehrfachproblemlagen", "Multi-problem"), DOMAIN_CLASS,
         t("Fälle nach Anzahl Lebensbereiche", "Cases by number of life domains")),
        (t("Gemeinden", "Municipalities"), "municipality",
         t("Fälle nach Gemeinde", "Cases by municipality")),
    ):  # fmt: skip
        ws = wb.create_sheet(title)
        rows = _breakdown(rep.published, case_measure, dim)
        st = wbk.value_cells([v for _c, v in rows])
        header(ws, [t("Code", "Code"), dimension_label(dim, scheme, language),
                    *headings_for([case_measure], {case_measure: st})])  # fmt: skip
        for i, (code, v) in enumerate(rows, start=2):
            ws.cell(i, 1, code)
            ws.cell(i, 2, code_name(scheme, dim, code, language))
            value(ws, i, 3, v, st)
        wbk.fit_columns(ws)
        if rows:
            chart = BarChart()
            chart.type = "bar" if len(rows) > 8 else "col"
            chart.title = chart_title
            chart.legend = None
            chart.add_data(
                Reference(ws, min_col=3, min_row=1, max_row=1 + len(rows)), titles_from_data=True
            )
            chart.set_categories(Reference(ws, min_col=2, min_row=2, max_row=1 + len(rows)))
            charts.append((ws, chart, len(rows)))

    ws = wb.create_sheet(t("Verlauf", "Trend"))
    status_tr = {
        m: wbk.value_cells([vals[k] for _q, vals in rep.trend]) for k, m in enumerate(HEADLINE)
    }
    header(ws, [t("Quartal", "Quarter"), *headings_for(HEADLINE, status_tr)])
    for i, (label, vals) in enumerate(rep.trend, start=2):
        ws.cell(i, 1, label)
        j = 2
        for m, v in zip(HEADLINE, vals, strict=True):
            j = value(ws, i, j, v, status_tr[m])
    wbk.fit_columns(ws)
    chart = LineChart()
    chart.title = t("Verlauf", "Trend")
    j = 2
    for m in HEADLINE:
        chart.add_data(
            Reference(ws, min_col=j, min_row=1, max_row=1 + len(rep.trend)), titles_from_data=True
        )
        j += 2 if status_tr[m] else 1
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=1 + len(rep.trend)))
    charts.append((ws, chart, 8))

    ws = wb.create_sheet(t("Tabelle", "Table"))
    header(ws, [
        t("Kennzahl-Code", "Measure code"), t("Kennzahl", "Measure"),
        t("Merkmal 1", "Dimension 1"), t("Merkmal 1 (Bezeichnung)", "Dimension 1 (label)"),
        t("Code 1", "Code 1"), t("Code 1 (Bezeichnung)", "Code 1 (label)"),
        t("Merkmal 2", "Dimension 2"), t("Merkmal 2 (Bezeichnung)", "Dimension 2 (label)"),
        t("Code 2", "Code 2"), t("Code 2 (Bezeichnung)", "Code 2 (label)"),
        t("Wert", "Value"), status_head.format(t("Wert", "Value")),
    ])  # fmt: skip
    for i, r in enumerate(rep.published.rows, start=2):
        ws.cell(i, 1, r.measure)
        ws.cell(i, 2, measure_label(r.measure, language))
        for k, (d, c) in enumerate(r.dims[:2]):
            ws.cell(i, 3 + 4 * k, d)
            ws.cell(i, 4 + 4 * k, dimension_label(d, scheme, language))
            ws.cell(i, 5 + 4 * k, c)
            ws.cell(i, 6 + 4 * k, code_name(scheme, d, c, language))
        value(ws, i, 11, r.value, True)
    wbk.fit_columns(ws, widest=40)

    for ws in wb.worksheets:
        wbk.print_setup(
            ws,
            left=rep.district,
            centre=f"{ws.title} – {rep.period.label}",
            language=language,
            header_row=ws is not wb.worksheets[0],
        )
    for ws, chart, n in charts:
        wbk.place_chart(ws, chart, n)
    wbk.set_properties(
        wb,
        title=f"{t('Bericht des Landkreises', 'District report')} {rep.district} {rep.period.label}",
        subject=f"{rep.scheme_id} v{rep.scheme_version}, {rep.period.label}",
        language=language,
        created=rep.created if rep.created.tzinfo else rep.created.astimezone(),
    )
    if extra is not None:  # more sheets before saving (planning: plan_workbook.py)
        extra(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def to_sdmx_csv(rep: DistrictReport, scheme: Scheme) -> bytes:
    """SDMX-CSV 2.0 against the structure generated from the scheme (app/stats/sdmx.py):
    hidden cells with an empty OBS_VALUE and CONF_STATUS C (primary) or D (secondary)."""
    return sdmx.to_csv(rep.published, scheme, scheme.district.ags, conf_status(rep))


def conf_status(rep: DistrictReport) -> Callable[[Row], str]:
    """Why a published cell is hidden: primary (its count is below the threshold) or
    secondary (hidden so that a primary cell cannot be worked out from the others)."""
    exact = {(r.measure, r.dims): r.value for r in rep.merged.rows}

    def status(row: Row) -> str:
        value = exact.get((row.measure, row.dims)) or 0
        return CONF_PRIMARY if 0 < value < rep.threshold else CONF_SECONDARY

    return status


def exported(rep: DistrictReport) -> str:
    """The report's time as ISO 8601 with its zone (local time when none was given)."""
    created = rep.created
    return (created.astimezone() if created.tzinfo is None else created).isoformat()


def to_adx(rep: DistrictReport, scheme: Scheme) -> bytes:
    """IHE ADX for DHIS2: one group for the district (its AGS) and the period, every
    published cell a data value; hidden cells carry CONF_STATUS (app/stats/adx.py)."""
    return adx.to_adx(rep.published, scheme.district.ags, exported(rep), conf_status(rep))


FORMATS = {"xlsx": ".xlsx", "sdmx": ".csv", "adx": ".xml"}


def render(rep: DistrictReport, scheme: Scheme, fmt: str, language: str | None = None) -> bytes:
    if fmt == "xlsx":
        return to_xlsx(rep, scheme, language)
    if fmt == "sdmx":
        return to_sdmx_csv(rep, scheme)
    if fmt == "adx":
        return to_adx(rep, scheme)
    raise ValueError(fmt)
