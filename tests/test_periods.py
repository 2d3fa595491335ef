import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import FallzahlError, PeriodInvalid, UsageError
from app.records.periods import (
    adx_period,
    deadline,
    parse_period,
    previous_quarters,
    quarter_of,
)

D = dt.date


@pytest.mark.parametrize(
    ("text", "start", "end", "kind", "adx"),
    [
        ("2026-Q1", D(2026, 1, 1), D(2026, 3, 31), "quarter", "2026-01-01/P3M"),
        ("2026-Q2", D(2026, 4, 1), D(2026, 6, 30), "quarter", "2026-04-01/P3M"),
        ("2026-Q4", D(2026, 10, 1), D(2026, 12, 31), "quarter", "2026-10-01/P3M"),
        ("2026", D(2026, 1, 1), D(2026, 12, 31), "year", "2026-01-01/P1Y"),
        ("2026-03", D(2026, 3, 1), D(2026, 3, 31), "month", "2026-03-01/P1M"),
        ("2028-02", D(2028, 2, 1), D(2028, 2, 29), "month", "2028-02-01/P1M"),
        ("2026-12", D(2026, 12, 1), D(2026, 12, 31), "month", "2026-12-01/P1M"),
        (
            "2026-01-15..2026-02-10",
            D(2026, 1, 15),
            D(2026, 2, 10),
            "custom",
            "2026-01-15/P27D",
        ),
        ("2026-05-05..2026-05-05", D(2026, 5, 5), D(2026, 5, 5), "custom", "2026-05-05/P1D"),
        (" 2026-Q3 ", D(2026, 7, 1), D(2026, 9, 30), "quarter", "2026-07-01/P3M"),
    ],
)
def test_parse(text, start, end, kind, adx):
    p = parse_period(text)
    assert (p.start, p.end, p.kind) == (start, end, kind)
    assert p.label == text.strip()
    assert adx_period(p) == adx


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2026-Q0",
        "2026-Q5",
        "2026-13",
        "2026-00",
        "26",
        "2026-1",
        "Q1-2026",
        "2026-02-30..2026-03-01",
        "2026-03-01..2026-02-01",
        "2026-01-01...2026-02-01",
        "0000",
        "2026 Q1",
    ],
)
def test_refused(text):
    with pytest.raises(PeriodInvalid) as info:
        parse_period(text)
    err = info.value
    assert isinstance(err, UsageError) and isinstance(err, FallzahlError)
    assert "2026-Q1" in err.de and "Berichtszeitraum" in err.de
    assert "reporting period" in err.en


def test_quarter_of_and_previous():
    assert quarter_of(D(2026, 2, 28)).label == "2026-Q1"
    assert quarter_of(D(2026, 12, 31)).label == "2026-Q4"
    prev = previous_quarters(parse_period("2026-Q2"), 4)
    assert [p.label for p in prev] == ["2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"]
    assert [p.label for p in previous_quarters(parse_period("2026"), 2)] == [
        "2025-Q3",
        "2025-Q4",
    ]
    assert previous_quarters(parse_period("2026-Q1"), 0) == []


def test_deadline():
    assert deadline(parse_period("2026-Q1"), 30) == D(2026, 4, 30)
    assert deadline(parse_period("2026"), 45) == D(2027, 2, 14)


def test_contains_and_days():
    p = parse_period("2026-Q1")
    assert D(2026, 3, 31) in p and D(2026, 4, 1) not in p
    assert p.days == 90


@given(st.dates(min_value=D(1000, 1, 1), max_value=D(9998, 12, 31)))
def test_labels_parse_back(day):
    for p in (quarter_of(day), parse_period(f"{day.year}"), parse_period(f"{day:%Y-%m}")):
        assert parse_period(p.label) == p
        assert p.start <= day <= p.end
    custom = parse_period(f"{day.isoformat()}..{(day + dt.timedelta(days=9)).isoformat()}")
    assert parse_period(custom.label) == custom and custom.days == 10
