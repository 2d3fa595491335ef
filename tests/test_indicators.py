"""Planning indicators on a small world whose every figure is worked out by hand below."""

from __future__ import annotations

import datetime as dt

import pytest

from app.district import indicators as ind
from app.district.population import parse_population
from app.district.report import build
from app.records.periods import quarter
from app.scheme.model import parse
from app.scheme.trust import shipped_scheme
from app.stats.tally import tally
from tests.support.records import case

SCHEME = parse(shipped_scheme()[0])
Q1 = quarter(2026, 1)
AGS = [c.code for c in SCHEME.codes("municipality") if c.code.isdigit()]
HALBERSTADT, WERNIGERODE, DITFURT, HARSLEBEN = "15085135", "15085370", "15085090", "15085140"
MULTI = ["FIN_ALO", "ARB_LOS", "WOHN_DROH"]  # three life domains


def world_tallies():
    """Office A: 12 new EB cases in Halberstadt (age 27-44), 4 of them with problems in three
    life domains. Office B: 6 ongoing SCHULD cases in Wernigerode (45-64) opened last year,
    and one new EB case each in Ditfurt and Harsleben (both VG Vorharz)."""
    a = [
        case(
            f"A-{i}",
            municipality=HALBERSTADT,
            age_band="A27",
            sex="w",
            problems=MULTI if i < 4 else ["PART_KONF"],
        )  # fmt: skip
        for i in range(12)
    ]
    b = [
        case(
            f"B-{i}",
            municipality=WERNIGERODE,
            age_band="A45",
            field="SCHULD",
            sex="m",
            opened=dt.date(2025, 11, 3),
            problems=["FIN_ALO"],
        )  # fmt: skip
        for i in range(6)
    ] + [
        case("B-V1", municipality=DITFURT, age_band="A27", sex="w", problems=["PART_KONF"]),
        case("B-V2", municipality=HARSLEBEN, age_band="A27", sex="w", problems=["PART_KONF"]),
    ]
    return {
        "HZ-A": {Q1.label: tally(SCHEME, a, [], Q1)},
        "HZ-B": {Q1.label: tally(SCHEME, b, [], Q1)},
    }


def world_population():
    """1,000 persons per municipality, Halberstadt 40,000, Wernigerode 30,000: 88,000 in
    all; everywhere 300 aged 27-44 and 400 aged 45-64 (6,000 and 8,000 in the district)."""
    rows = []
    for a in AGS:
        total = {HALBERSTADT: 40_000, WERNIGERODE: 30_000}.get(a, 1000)
        rows.append(f"{a};G;{total};300;400")
    text = "Stand: 31.12.2025\nAGS;Gemeinde;Insgesamt;A27;A45\n" + "\n".join(rows)
    return parse_population(text.encode(), SCHEME)


@pytest.fixture(scope="module")
def world():
    rep = build("Landkreis Harz", SCHEME, Q1, world_tallies(), ["HZ-A", "HZ-B"])
    return rep, ind.compute(rep, SCHEME, world_population())


def by_code(rates):
    return {r.code: r for r in rates}


def test_district_rates_per_1000(world):
    _rep, got = world
    assert got.population_total == 88_000
    assert got.totals["cases_active"].count == 20
    assert got.totals["cases_active"].rate == pytest.approx(20 * 1000 / 88_000)
    assert got.totals["cases_new"].count == 14
    assert got.totals["cases_new"].rate == pytest.approx(14 * 1000 / 88_000)


def test_area_rates_pool_vg_vorharz_and_hide_what_disclosure_hides(world):
    rep, got = world
    active = by_code(got.by_area["cases_active"])
    assert list(active) == ind.area_codes(SCHEME)
    assert "VG Vorharz" in active and DITFURT not in active
    assert active[HALBERSTADT].count == 12
    assert active[HALBERSTADT].rate == pytest.approx(12 * 1000 / 40_000)
    assert active["VG Vorharz"].population == 7000
    # two cases in VG Vorharz: below the threshold of 3, so count and rate are hidden ...
    assert active["VG Vorharz"].count is None and active["VG Vorharz"].rate is None
    # ... and so is the next smallest area (6 in Wernigerode), or 2 = 20 - 12 - 6 would show
    assert active[WERNIGERODE].count is None and active[WERNIGERODE].rate is None
    assert rep.published.value("cases_active", municipality=WERNIGERODE) is None
    # an area without cases: 0 per 1,000 (zeros are published)
    assert active["15085228"].count == 0 and active["15085228"].rate == 0.0
    new = by_code(got.by_area["cases_new"])
    # new cases: only Halberstadt (12) and VG Vorharz (2) have any; with VG Vorharz hidden,
    # Halberstadt would give it away (14 - 12), so it is hidden too
    assert new["VG Vorharz"].rate is None and new[HALBERSTADT].rate is None
    assert new[WERNIGERODE].count == 0 and new[WERNIGERODE].rate == 0.0


def test_suppression_comes_before_every_rate(world):
    """No rate is ever computed from a count that the published table hides."""
    rep, got = world
    for measure, rates in got.by_area.items():
        published = rep.published.breakdown(measure, "municipality")
        for r in rates:
            assert r.count == published.get(r.code, 0)
            if published.get(r.code, 0) is None:
                assert r.rate is None
    for measure, rates in got.by_age.items():
        published = rep.published.breakdown(measure, "age_band")
        for r in rates:
            assert (r.rate is None) == (published.get(r.code, 0) is None or not r.population)


def test_age_band_rates(world):
    _rep, got = world
    active = by_code(got.by_age["cases_active"])
    assert active["A27"].count == 14 and active["A27"].population == 6000
    assert active["A27"].rate == pytest.approx(14 * 1000 / 6000)
    assert active["A45"].rate == pytest.approx(6 * 1000 / 8000)
    # the table has no column for the under-3s: no population, no rate
    assert active["A00"].population is None and active["A00"].rate is None
    assert "AUNK" not in active


def test_no_age_rates_without_population_by_age(world):
    rep, _got = world
    pop = parse_population(
        ("Stand: 31.12.2025\nAGS;Insgesamt\n" + "\n".join(f"{a};1000" for a in AGS)).encode(),
        SCHEME,
    )
    got = ind.compute(rep, SCHEME, pop)
    assert got.by_age == {"cases_active": (), "cases_new": ()}
    assert got.totals["cases_active"].rate == pytest.approx(1.0)  # 20 per 20,000


def test_multi_problem_share(world):
    _rep, got = world
    assert got.multi_problem.part == 4 and got.multi_problem.whole == 20
    assert got.multi_problem.share == pytest.approx(0.2)
    fields = by_code(got.multi_problem_by_field)
    assert fields["EB"].part == 4 and fields["EB"].whole == 14
    assert fields["SCHULD"].share == 0.0
    areas = by_code(got.multi_problem_by_area)
    assert areas[HALBERSTADT].share == pytest.approx(4 / 12)
    assert areas["VG Vorharz"].share is None  # its cells are hidden


def test_share_of_services_against_share_of_population(world):
    _rep, got = world
    bal = {b.code: b for b in got.balance}
    h = bal[HALBERSTADT]
    assert h.cases == 12
    assert h.services_share == pytest.approx(12 / 20)
    assert h.population_share == pytest.approx(40_000 / 88_000)
    assert h.ratio == pytest.approx((12 / 20) / (40_000 / 88_000))
    assert bal["VG Vorharz"].services_share is None
    assert bal["15085228"].ratio == 0.0  # Oberharz: population, no services
    assert sum(b.population_share for b in got.balance) == pytest.approx(1.0)


def test_staffing_against_schkg_standard_and_targets():
    lines = ind.staffing_lines(
        {"SCHWANGER": 2.5, "SCHKONF": 1.0, "SCHULD": 3.0}, 208_804, SCHEME, {"SCHULD": 1.6}
    )
    got = {s.field: s for s in lines}
    schkg = got[ind.SCHKG_GROUP]
    assert schkg.fte == 3.5 and schkg.standard == 1.0
    assert schkg.per_base == pytest.approx(3.5 * 40_000 / 208_804)  # 0.67 per 40,000
    assert schkg.needed_fte == pytest.approx(208_804 / 40_000)  # 5.22 posts
    assert got["SCHULD"].target == 1.6 and got["SCHULD"].standard is None
    assert got["SCHULD"].needed_fte == pytest.approx(1.6 * 208_804 / 40_000)
    assert got["EB"].fte == 0.0 and got["EB"].needed_fte is None
    assert ind.staffing_lines({"EB": 1.0}, None, SCHEME)[0].per_base is None


def test_trends_over_eight_quarters_and_three_years():
    scheme_q = {}
    for y in (2024, 2025, 2026):
        for n in range(1, 5):
            q = quarter(y, n)
            if q.start > Q1.start:
                continue
            # one office: 4 new cases every quarter, one of 2024 closed in its quarter
            cases = [case(f"{q.label}-{i}", opened=q.start) for i in range(4)]
            scheme_q[q.label] = tally(SCHEME, cases, [], q)
    quarters, years = ind.trends(Q1, {"HZ-A": scheme_q}, 10_000, 3)
    assert [p.label for p in quarters] == [
        "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1",
    ]  # fmt: skip
    # cases never close: active grows by 4 a quarter (the 2024-Q2 tally sees Q1's too)
    assert quarters[0].counts["cases_active"] == 4
    assert quarters[-1].counts["cases_new"] == 4
    assert quarters[-1].rates["cases_new"] == pytest.approx(0.4)
    assert [p.label for p in years] == ["2024", "2025", "2026"]
    assert years[1].counts["cases_new"] == 16 and years[1].rates["cases_new"] == 1.6
    assert years[2].counts["cases_new"] == 4 and years[2].offices == 1


def test_small_trend_totals_are_hidden():
    tiny = {"HZ-A": {Q1.label: tally(SCHEME, [case("x")], [], Q1)}}
    quarters, _years = ind.trends(Q1, tiny, 10_000, 3)
    assert quarters[-1].counts["cases_new"] is None
    assert quarters[-1].rates["cases_new"] is None
    assert quarters[0].counts["cases_new"] is None and quarters[0].offices == 0
