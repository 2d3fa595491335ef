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
import csv
import datetime as dt
import functools
import io
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from xml.sax.saxutils import quoteattr

import msgspec

from app import lang
from app.district.intake import Intake
from app.records.periods import Period, adx_period, parse_period, previous_quarters, quarter
from app.scheme.model import Scheme
from app.stats.disclosure import protect, suppress_long
from app.stats.tally import (
    DOMAIN_CLASS,
    MISSING,
    SCHEME_DIMENSION,
    Row,
    Tally,
    code_label,
    dimension_label,
    measure_label,
)

FLOW_MEASURES = ("cases_new", "cases_closed", "contacts", "persons")
HEADLINE = ("cases_active", "cases_new", "cases_closed", "cases_multi_problem", "contacts")
PUBLISHED_DIMENSIONS = (*SCHEME_DIMENSION, DOMAIN_CLASS)  # not "item" (completeness)
SUPPRESSED = "."


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
            if keep is not None and r.measure not in keep:
                continue
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
    labels = [q.label for q in quarters]
    is_quarter = period.kind == "quarter"
    measures = HEADLINE if is_quarter else tuple(m for m in HEADLINE if m in FLOW_MEASURES)
    per_office: dict[str, Tally] = {}
    for office in sorted(office_tallies):
        got = [office_tallies[office][q] for q in labels if q in office_tallies[office]]
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
        created=now or dt.datetime.now().replace(microsecond=0),
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


def _fmt(value: int | None) -> int | str:
    return SUPPRESSED if value is None else value


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
    """Workbook: overview, offices, multi-problem, municipalities, trend, full table;
    ``extra(workbook)`` adds sheets before saving (the planning sheets, plan_workbook.py)."""
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, LineChart, Reference
    from openpyxl.styles import Font

    t = functools.partial(lang.t, language=language or lang.current())

    wb = Workbook()
    ws = wb.active
    ws.title = t("Übersicht", "Overview")
    bold = Font(bold=True)
    ws.append([t("Bericht des Landkreises", "District report"), rep.district])
    ws["A1"].font = bold
    ws.append([t("Zeitraum", "Period"), rep.period.label])
    ws.append([t("Schema", "Scheme"), f"{rep.scheme_id} v{rep.scheme_version}"])
    ws.append([t("Beratungsstellen gezählt", "Offices counted"), len(rep.offices)])
    ws.append([t("Fehlende Pakete", "Missing packages"), ", ".join(rep.missing) or "-"])
    ws.append(
        [
            t("Geheimhaltung", "Disclosure control"),
            t(
                f"Werte unter {rep.threshold} und zur Rückrechnung nötige Werte: „.“",
                f"Values below {rep.threshold} and values that would reveal them: '.'",
            ),
        ]
    )
    ws.append([])
    ws.append([t("Kennzahl", "Measure"), t("Landkreis", "District")])
    for m, v in zip(rep.measures, rep.district_totals, strict=True):
        ws.append([measure_label(m, language), _fmt(v)])
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 40

    ws = wb.create_sheet(t("Beratungsstellen", "Offices"))
    ws.append([t("Beratungsstelle", "Office"), *(measure_label(m, language) for m in rep.measures)])
    for office, vals in rep.by_office:
        ws.append([office, *(_fmt(v) for v in vals)])
    ws.append([t("Landkreis", "District"), *(_fmt(v) for v in rep.district_totals)])
    ws.column_dimensions["A"].width = 22

    case_measure = "cases_active" if rep.period.kind == "quarter" else "cases_new"
    ws = wb.create_sheet(t("Mehrfachproblemlagen", "Multi-problem"))
    ws.append([dimension_label(DOMAIN_CLASS, scheme, language), measure_label(case_measure)])
    rows = _breakdown(rep.published, case_measure, DOMAIN_CLASS)
    for code, v in rows:
        ws.append([code, _fmt(v)])
    _bar(
        ws,
        BarChart,
        Reference,
        len(rows),
        t("Fälle nach Anzahl Lebensbereiche", "Cases by domains"),
    )

    ws = wb.create_sheet(t("Gemeinden", "Municipalities"))
    ws.append([dimension_label("municipality", scheme, language), measure_label(case_measure)])
    rows = _breakdown(rep.published, case_measure, "municipality")
    for code, v in rows:
        label = code_label("municipality", code, scheme, language) if code != MISSING else code
        ws.append([label if code != MISSING else t("nicht erfasst", "not recorded"), _fmt(v)])
    ws.column_dimensions["A"].width = 36
    _bar(ws, BarChart, Reference, len(rows), t("Fälle nach Gemeinde", "Cases by municipality"))

    ws = wb.create_sheet(t("Verlauf", "Trend"))
    ws.append([t("Quartal", "Quarter"), *(measure_label(m, language) for m in HEADLINE)])
    for label, vals in rep.trend:
        ws.append([label, *(v if v is not None else None for v in vals)])
    chart = LineChart()
    chart.title = t("Verlauf", "Trend")
    data = Reference(
        ws, min_col=2, max_col=1 + len(HEADLINE), min_row=1, max_row=1 + len(rep.trend)
    )
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=1 + len(rep.trend)))
    chart.width, chart.height = 22, 10
    ws.add_chart(chart, "H2")

    ws = wb.create_sheet(t("Tabelle", "Table"))
    ws.append([t("Kennzahl", "Measure"), t("Merkmale", "Breakdown"), t("Wert", "Value")])
    for r in rep.published.rows:
        dims = "; ".join(
            f"{dimension_label(d, scheme, language)}: {code_label(d, c, scheme, language)}"
            for d, c in r.dims
        )
        ws.append([measure_label(r.measure, language), dims, _fmt(r.value)])
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 70
    if extra is not None:
        extra(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _bar(ws, bar_chart, reference, n: int, title: str) -> None:
    if not n:
        return
    chart = bar_chart()
    chart.type = "bar" if n > 8 else "col"
    chart.title = title
    chart.legend = None
    chart.add_data(reference(ws, min_col=2, min_row=1, max_row=1 + n), titles_from_data=True)
    chart.set_categories(reference(ws, min_col=1, min_row=2, max_row=1 + n))
    chart.width, chart.height = 18, max(8, n * 0.6)
    ws.add_chart(chart, "D2")


SDMX_DIMENSIONS = ("REF_AREA", "TIME_PERIOD", "MEASURE")
SDMX_TOTAL, SDMX_UNKNOWN = "_T", "_U"


def to_sdmx_csv(rep: DistrictReport, scheme: Scheme, agency: str = "FALLZAHL") -> bytes:
    """SDMX-CSV 2.0: one row per published cell; suppressed cells have an empty OBS_VALUE
    and OBS_STATUS ``C`` (confidential); ``_T`` marks a dimension not broken down."""
    dims = sorted({d for r in rep.published.rows for d, _ in r.dims})
    structure_id = f"{agency}:DF_{scheme.id.upper().replace('-', '_')}(1.0.0)"
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(
        [
            "STRUCTURE",
            "STRUCTURE_ID",
            "ACTION",
            *SDMX_DIMENSIONS,
            *(d.upper() for d in dims),
            "OBS_VALUE",
            "OBS_STATUS",
        ]  # fmt: skip
    )
    area = scheme.district.ags
    for r in rep.published.rows:
        cells = dict(r.dims)
        codes = [
            SDMX_UNKNOWN if cells.get(d) == MISSING else cells.get(d, SDMX_TOTAL) for d in dims
        ]
        value, status = ("", "C") if r.value is None else (str(r.value), "A")
        w.writerow(
            [
                "dataflow",
                structure_id,
                "I",
                area,
                rep.period.label,
                r.measure,
                *codes,
                value,
                status,
            ]
        )
    return out.getvalue().encode("utf-8")


def to_adx(rep: DistrictReport, scheme: Scheme) -> bytes:
    """IHE ADX: one group for the district and period; suppressed cells are left out (an
    XML comment counts them), as ADX has no marker for confidential values."""
    period = adx_period(rep.period)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<adx xmlns="urn:ihe:qrph:adx:2015" exported="{rep.created.isoformat()}">',
        f"  <group orgUnit={quoteattr(scheme.district.ags)} period={quoteattr(period)} "
        f"dataSet={quoteattr(f'{scheme.id}-v{scheme.version}')}>",
    ]
    hidden = 0
    for r in rep.published.rows:
        if r.value is None:
            hidden += 1
            continue
        attrs = "".join(f" {d}={quoteattr('_U' if c == MISSING else c)}" for d, c in r.dims)
        lines.append(
            f'    <dataValue dataElement={quoteattr(r.measure)}{attrs} value="{r.value}"/>'
        )
    lines.append(f"    <!-- {hidden} values withheld by disclosure control -->")
    lines += ["  </group>", "</adx>", ""]
    return "\n".join(lines).encode("utf-8")


FORMATS = {"xlsx": ".xlsx", "sdmx": ".csv", "adx": ".xml"}


def render(rep: DistrictReport, scheme: Scheme, fmt: str, language: str | None = None) -> bytes:
    if fmt == "xlsx":
        return to_xlsx(rep, scheme, language)
    if fmt == "sdmx":
        return to_sdmx_csv(rep, scheme)
    if fmt == "adx":
        return to_adx(rep, scheme)
    raise ValueError(fmt)
