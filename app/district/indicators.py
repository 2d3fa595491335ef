"""Planning indicators: the district report's published counts set against population and staff.

Every indicator is defined in docs/indicators.md (numerator, denominator, source). The
numerators are always taken from the *published* district table (after pooling and
disclosure control, app/district/report.py): a count that disclosure control hides is None
here, and so is every rate or share computed from it. Nothing is worked out from the exact
sums (``DistrictReport.merged``).

Scheme version 1 has no waiting time; the waiting-time indicators come with version 2.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import msgspec

from app.district.report import total_of
from app.district.targets import SCHKG_GROUP
from app.records.periods import Period, previous_quarters, quarter, year
from app.stats.planning import (  # noqa: F401 - the planning figures' shapes, re-exported
    PER_PERSONS,
    AreaBalance,
    AreaIndicator,
    Indicators,
    Rate,
    Share,
    Staffing,
    TrendPoint,
    format_number,
    rate,
    share,
)
from app.stats.tally import DOMAIN_CLASS, Tally

if TYPE_CHECKING:
    from app.district.population import Population
    from app.district.report import DistrictReport
    from app.scheme.model import Scheme

RATE_MEASURES = ("cases_active", "cases_new")
STAFF_BASE = 40_000  # full-time equivalents per 40,000 inhabitants (SchKG-AG LSA)
# SchKG-AG LSA: at least one full-time pregnancy counsellor per 40,000 inhabitants; the
# standard covers general pregnancy counselling and conflict counselling together.
SCHKG_FIELDS = ("SCHWANGER", "SCHKONF")
SCHKG_STANDARD = 1.0
TREND_QUARTERS, TREND_YEARS = 8, 3


def area_codes(scheme: Scheme) -> list[str]:
    """The published areas in scheme order: municipalities, pools in place of their members."""
    out: list[str] = []
    for c in scheme.codes("municipality"):
        if not c.code.isdigit():
            continue
        area = scheme.pooled("municipality", c.code)
        if area not in out:
            out.append(area)
    return out


def area_label(code: str, scheme: Scheme, language: str | None = None) -> str:
    return scheme.label("municipality", code, language)


def _rates(
    values: Mapping[str, int | None], persons: Mapping[str, int] | None, codes: Iterable[str]
) -> tuple[Rate, ...]:
    out = []
    for code in codes:
        count = values.get(code, 0)
        pop = persons.get(code) if persons is not None else None
        out.append(Rate(code=code, count=count, population=pop, rate=rate(count, pop)))
    return tuple(out)


def _multi_by(
    published: Tally, dim: str, codes: Sequence[str], threshold: int
) -> tuple[Share, ...]:
    """Multi-problem share per code of ``dim`` from cases_active x domain_class x dim."""
    cells: dict[str, list[tuple[str, int | None]]] = {}
    for r in published.rows:
        if r.measure != "cases_active" or len(r.dims) != 2:
            continue
        d = dict(r.dims)
        if DOMAIN_CLASS not in d or dim not in d:
            continue
        cells.setdefault(d[dim], []).append((d[DOMAIN_CLASS], r.value))
    out = []
    for code in codes:
        got = cells.get(code, [])
        if not got:
            continue
        values = [v for _, v in got]
        multi = [v for k, v in got if int(k.rstrip("+")) >= threshold]
        whole = None if any(v is None for v in values) else sum(values)  # type: ignore[arg-type]
        part = None if any(v is None for v in multi) else sum(multi)  # type: ignore[arg-type]
        out.append(Share(code=code, part=part, whole=whole, share=share(part, whole)))
    return tuple(out)


def staffing_lines(
    fte: Mapping[str, float],
    persons: int | None,
    scheme: Scheme,
    targets: Mapping[str, float] | None = None,
) -> tuple[Staffing, ...]:
    """FTE per field against the SchKG standard (pregnancy counselling) and the targets."""
    targets = targets or {}
    fields = [c.code for c in scheme.codes("field")]
    rows: list[tuple[str, float, float | None]] = [(f, fte.get(f, 0.0), None) for f in fields]
    rows.append((SCHKG_GROUP, sum(fte.get(f, 0.0) for f in SCHKG_FIELDS), SCHKG_STANDARD))
    out = []
    for field, have, standard in rows:
        target = targets.get(field)
        per_base = have * STAFF_BASE / persons if persons else None
        asked = max((x for x in (standard, target) if x is not None), default=None)
        needed = asked * persons / STAFF_BASE if asked is not None and persons else None
        out.append(
            Staffing(
                field=field,
                fte=round(have, 2),
                per_base=per_base,
                standard=standard,
                target=target,
                needed_fte=needed,
            )
        )
    return tuple(out)


def compute(
    rep: DistrictReport,
    scheme: Scheme,
    population: Population | None,
    *,
    fte: Mapping[str, float] | None = None,
    targets: Mapping[str, float] | None = None,
    trend_quarters: Sequence[TrendPoint] = (),
    trend_years: Sequence[TrendPoint] = (),
) -> Indicators:
    """The indicators of one district report. Pure: ``indicators(session, period)`` reads
    population, staffing and trends from the vault."""
    published = rep.published
    measures = tuple(m for m in RATE_MEASURES if m in published.measures)
    persons_by_area = population.by_area(scheme) if population else None
    persons_by_age = population.by_age() if population else None
    total_persons = population.total if population else None
    areas = area_codes(scheme)
    ages = [
        c.code for c in scheme.codes("age_band") if c.code != scheme.unknown_codes.get("age_band")
    ]
    totals, by_area, by_age, by_field = {}, {}, {}, {}
    for m in measures:
        by_field[m] = {
            c.code: published.breakdown(m, "field").get(c.code, 0) for c in scheme.codes("field")
        }
        count = published.value(m)
        totals[m] = Rate(code="", count=count, population=total_persons,
                         rate=rate(count, total_persons))  # fmt: skip
        by_area[m] = _rates(published.breakdown(m, "municipality"), persons_by_area, areas)
        by_age[m] = (
            _rates(published.breakdown(m, "age_band"), persons_by_age, ages)
            if persons_by_age is not None
            else ()
        )
    threshold = scheme.multi_problem.threshold
    multi = None
    multi_area: tuple[Share, ...] = ()
    multi_field: tuple[Share, ...] = ()
    if "cases_multi_problem" in published.measures and "cases_active" in published.measures:
        part, whole = published.value("cases_multi_problem"), published.value("cases_active")
        multi = Share(code="", part=part, whole=whole, share=share(part, whole))
        multi_area = _multi_by(published, "municipality", areas, threshold)
        multi_field = _multi_by(
            published, "field", [c.code for c in scheme.codes("field")], threshold
        )
    balance: list[AreaBalance] = []
    case_measure = "cases_active" if "cases_active" in measures else "cases_new"
    if persons_by_area and case_measure in by_area:
        counts = {r.code: r.count for r in by_area[case_measure]}
        # The whole: the published district total less the published cases outside the
        # areas (outside the district, unknown, not recorded), so a hidden area does not
        # hide every other area's share.
        outside = [
            v
            for c, v in published.breakdown(case_measure, "municipality").items()
            if c not in persons_by_area
        ]
        total = published.value(case_measure)
        served = (
            None if total is None or any(v is None for v in outside) else total - sum(outside)  # type: ignore[arg-type]
        )
        all_persons = sum(persons_by_area.get(a, 0) for a in areas)
        for a in areas:
            pshare = persons_by_area.get(a, 0) / all_persons if all_persons else 0.0
            # An area's share needs the whole; with a hidden area the whole is unknown.
            sshare = share(counts.get(a), served)
            balance.append(
                AreaBalance(
                    code=a,
                    cases=counts.get(a),
                    services_share=sshare,
                    population_share=pshare,
                    ratio=sshare / pshare if sshare is not None and pshare else None,
                )
            )
    return Indicators(
        period=rep.period,
        population_date=population.reference_date if population else None,
        population_source=population.source if population else "",
        population_estimated=bool(population and population.estimated),
        population_total=total_persons,
        measures=measures,
        totals=totals,
        by_area=by_area,
        by_age=by_age,
        by_field=by_field,
        multi_problem=multi,
        multi_problem_by_area=multi_area,
        multi_problem_by_field=multi_field,
        balance=tuple(balance),
        staffing=staffing_lines(fte or {}, total_persons, scheme, targets),
        trend_quarters=tuple(trend_quarters),
        trend_years=tuple(trend_years),
    )


# trends


def trend_periods(period: Period) -> tuple[list[Period], list[Period]]:
    """The eight quarters up to the period's last quarter, and the three years up to its year."""
    last_year = period.end.year
    last = quarter(last_year, (period.end.month - 1) // 3 + 1)
    quarters = [*previous_quarters(last, TREND_QUARTERS - 1), last]
    years = [year(y) for y in range(last_year - TREND_YEARS + 1, last_year + 1)]
    return quarters, years


def trend_point(
    label: str,
    tallies: Sequence[Tally],
    measures: Sequence[str],
    persons: int | None,
    threshold: int,
) -> TrendPoint:
    """District totals of ``measures`` over ``tallies``, primary suppression applied
    (a total below the threshold is hidden, as in the report's trend), and their rates."""
    counts: dict[str, int | None] = {}
    for m in measures:
        if not tallies:
            counts[m] = None
            continue
        v = sum(total_of(t, m) or 0 for t in tallies)
        counts[m] = None if 0 < v < threshold else v
    return TrendPoint(
        label=label,
        counts=counts,
        rates={m: rate(counts[m], persons) for m in measures},
        offices=len(tallies),
    )


def trends(
    period: Period,
    office_tallies: Mapping[str, Mapping[str, Tally]],
    persons: int | None,
    threshold: int,
) -> tuple[tuple[TrendPoint, ...], tuple[TrendPoint, ...]]:
    """(eight quarters, three years) from office -> quarter label -> tally.

    A year adds up only new cases (a case active in two quarters is one case in the year);
    a year with a quarter missing from an office counts what was received (``offices``
    says how many offices sent anything).
    """
    quarters, years = trend_periods(period)
    q_points = []
    for q in quarters:
        got = [t[q.label] for t in office_tallies.values() if q.label in t]
        q_points.append(trend_point(q.label, got, RATE_MEASURES, persons, threshold))
    y_points = []
    for y in years:
        labels = [quarter(y.start.year, n).label for n in range(1, 5)]
        got = [t[label] for t in office_tallies.values() for label in labels if label in t]
        offices = sum(1 for t in office_tallies.values() if any(lb in t for lb in labels))
        point = trend_point(y.label, got, ("cases_new",), persons, threshold)
        y_points.append(msgspec.structs.replace(point, offices=offices))
    return tuple(q_points), tuple(y_points)


# vault side


def planning_report(session, period: Period) -> DistrictReport:
    """The district report as ``report.report`` builds it, for looking at on the desk (no
    audit entry: the overview recomputes it whenever a filter changes)."""
    from app.district import desk as district
    from app.district import report as district_report

    info = district.district_info(session)
    intake = district.intake(session)
    tallies = district_report.office_tallies_for(session, period, intake)
    enrolled = [o.office_id for o in district.registry(session).offices]
    return district_report.build(info.name, session.scheme, period, tallies, enrolled)


def indicators(session, period_text: str) -> Indicators:
    """The indicators for a quarter or a year, from the district vault."""
    from app.district import desk as district
    from app.district import staffing as staff
    from app.district import targets as district_targets
    from app.district.population import population
    from app.records.periods import parse_period

    period = parse_period(period_text)
    rep = planning_report(session, period)
    pop = population(session)
    quarters, years = trend_periods(period)
    wanted = {q.label for q in quarters} | {
        quarter(y.start.year, n).label for y in years for n in range(1, 5)
    }
    tallies: dict[str, dict[str, Tally]] = {}
    current = district.intake(session).current()
    for (office, label), got in current.items():
        if label in wanted:
            tallies.setdefault(office, {})[label] = district.package_tally(session, got.sha256)
    tq, ty = trends(
        period, tallies, pop.total if pop else None, session.scheme.disclosure_threshold
    )
    return compute(
        rep,
        session.scheme,
        pop,
        fte=staff.district_fte(session, period, current),
        targets=district_targets.targets(session),
        trend_quarters=tq,
        trend_years=ty,
    )


# what the map and the overview can show per area


def area_indicators(got: Indicators) -> list[AreaIndicator]:
    """The indicators that have one value per area, in the order the map offers them."""
    out = []
    names = {
        "cases_active": ("Fälle je 1.000 Einwohner", "Cases per 1,000 inhabitants"),
        "cases_new": ("Neue Fälle je 1.000 Einwohner", "New cases per 1,000 inhabitants"),
    }
    for m in got.measures:
        de, en = names[m]
        out.append(
            AreaIndicator(key=f"rate_{m}", label_de=de, label_en=en, digits=2,
                          values={r.code: r.rate for r in got.by_area[m]})
        )  # fmt: skip
    for m in got.measures:
        de, en = {
            "cases_active": ("Fälle (Anzahl)", "Cases (number)"),
            "cases_new": ("Neue Fälle (Anzahl)", "New cases (number)"),
        }[m]
        out.append(
            AreaIndicator(key=f"count_{m}", label_de=de, label_en=en, digits=0,
                          values={r.code: r.count for r in got.by_area[m]})
        )  # fmt: skip
    if got.multi_problem_by_area:
        out.append(
            AreaIndicator(
                key="multi_share",
                label_de="Anteil Multiproblemfälle",
                label_en="Multi-problem share",
                digits=0,
                percent=True,
                values={s.code: s.share for s in got.multi_problem_by_area},
            )
        )
    if got.balance:
        out.append(
            AreaIndicator(
                key="balance",
                label_de="Anteil an den Fällen ÷ Anteil an der Bevölkerung",
                label_en="Share of cases ÷ share of population",
                digits=2,
                values={b.code: b.ratio for b in got.balance},
            )
        )
    return out
