"""The dashboard's figures: one-pass quarter trend equals quarter-by-quarter tallies."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.office import demo
from app.records.model import Case, Contact
from app.records.periods import parse_period, previous_quarters, quarter
from app.stats.dashboard_data import (
    REST,
    QuarterFigures,
    overview,
    share,
    top_with_rest,
    trend,
    trend_quarters,
)
from app.stats.tally import tally
from tests.support.tally_vault import load_scheme

SCHEME = load_scheme()
LAST = quarter(2026, 4)
EIGHT = [*previous_quarters(LAST, 7), LAST]


@pytest.fixture(scope="module")
def demo_year():
    return demo.generate(SCHEME, 400, 2026, seed=11)


def test_trend_equals_one_tally_per_quarter(demo_year):
    cases, contacts = demo_year
    got = trend(cases, contacts, EIGHT)
    assert [g.label for g in got] == [q.label for q in EIGHT]
    for figures, q in zip(got, EIGHT, strict=True):
        t = tally(SCHEME, cases, contacts, q)
        assert figures == QuarterFigures(
            label=q.label,
            cases_active=t.value("cases_active"),
            cases_new=t.value("cases_new"),
            contacts=t.value("contacts"),
            persons=t.value("persons"),
        )
    assert sum(g.contacts for g in got[4:]) == len(
        [k for k in contacts if k.date.year == 2026]
    )  # the demo year itself


def test_trend_of_nothing_and_of_no_quarters():
    assert trend([], [], EIGHT)[0] == QuarterFigures(
        label="2025-Q1", cases_active=0, cases_new=0, contacts=0, persons=0
    )
    assert trend([], [], []) == []
    with pytest.raises(ValueError):
        trend([], [], [parse_period("2026")])


def _case(i: int, opened: dt.date, closed: dt.date | None) -> Case:
    return Case(
        id=f"c{i}", code=f"2026-{i:04d}", opened=opened, closed=closed, field="EB",
        counsellor="x", scheme_version=1,
    )  # fmt: skip


days = st.dates(min_value=dt.date(2023, 1, 1), max_value=dt.date(2027, 12, 31))


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    spans=st.lists(st.tuples(days, st.one_of(st.none(), st.integers(0, 500))), max_size=30),
    contact_days=st.lists(days, max_size=30),
    pick=st.lists(st.integers(0, 19), min_size=1, max_size=8, unique=True),
)
def test_trend_property_any_quarters(spans, contact_days, pick):
    cases = [
        _case(i, o, None if d is None else o + dt.timedelta(days=d))
        for i, (o, d) in enumerate(spans)
    ]
    contacts = [
        Contact(id=f"k{i}", date=d, form="1", duration="1", counsellor="x", persons=1 + i % 3)
        for i, d in enumerate(contact_days)
    ]
    all_q = [quarter(2023 + n // 4, n % 4 + 1) for n in range(20)]
    quarters = [all_q[i] for i in pick]  # any order, gaps allowed
    got = trend(cases, contacts, quarters)
    for figures, q in zip(got, quarters, strict=True):
        t = tally(SCHEME, cases, contacts, q)
        assert (figures.cases_active, figures.cases_new, figures.contacts, figures.persons) == (
            t.value("cases_active"),
            t.value("cases_new"),
            t.value("contacts"),
            t.value("persons"),
        )


def test_eight_quarters_of_a_large_office_cost_about_one_tally():
    cases, contacts = demo.generate(SCHEME, 20000, 2026, seed=5)
    assert len(contacts) > 90_000
    start = time.perf_counter()
    trend(cases, contacts, EIGHT)
    one_pass = time.perf_counter() - start
    start = time.perf_counter()
    tally(SCHEME, cases, contacts, LAST)
    one_tally = time.perf_counter() - start
    assert one_pass < max(2 * one_tally, 0.3)


@pytest.mark.parametrize(
    ("values", "n", "expected"),
    [
        ({"a": 5, "b": 7, "c": 0, "d": 1}, 10, [("b", 7), ("a", 5), ("d", 1)]),
        ({"a": 5, "b": 7, "c": 2, "d": 1}, 2, [("b", 7), ("a", 5), (REST, 3)]),
        ({"a": 3, "b": 3, "c": 3}, 2, [("a", 3), ("b", 3), (REST, 3)]),
        ({"a": None, "b": 0}, 10, []),
    ],
)
def test_top_with_rest(values, n, expected):
    got = top_with_rest(values, n)
    assert got == expected
    assert sum(v for _, v in got) == sum(v or 0 for v in values.values())


def test_share():
    assert share(3, 12) == 0.25
    assert share(3, 0) is None and share(None, 5) is None


@pytest.mark.parametrize(
    ("period", "today", "first", "last"),
    [
        ("2025-Q3", dt.date(2026, 1, 5), "2023-Q4", "2025-Q3"),
        ("2025", dt.date(2026, 1, 5), "2024-Q1", "2025-Q4"),
        ("2026", dt.date(2026, 5, 5), "2024-Q3", "2026-Q2"),  # no future quarters
        ("2027-Q1", dt.date(2026, 5, 5), "2025-Q2", "2027-Q1"),  # a future period itself
    ],
)
def test_trend_quarters(period, today, first, last):
    got = trend_quarters(parse_period(period), today)
    assert len(got) == 8 and (got[0].label, got[-1].label) == (first, last)


def test_overview_from_the_vault(session):
    from tests.support.packages import valid_demo

    cases, contacts = valid_demo(session.scheme, 50, 2025, seed=2)
    session.add_bulk(cases, contacts, "demo.filled")
    got = overview(session, parse_period("2025-Q4"), today=dt.date(2026, 2, 1))
    assert got.tally.value("contacts") == got.trend[-1].contacts > 0
    assert got.trend[-1].label == "2025-Q4"
