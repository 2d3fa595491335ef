"""The typed-date rule (app/records/dates.py): every accepted form and every refusal."""

from __future__ import annotations

import datetime as dt

import pytest

from app.records import dates

D = dt.date
TODAY = D(2026, 12, 10)

ACCEPTED = [
    ("15.11.2026", D(2026, 11, 15)),
    ("15.11.26", D(2026, 11, 15)),
    ("1.5.26", D(2026, 5, 1)),
    ("01.05.2026", D(2026, 5, 1)),
    ("15.11.", D(2026, 11, 15)),
    ("15.11", D(2026, 11, 15)),
    ("1511", D(2026, 11, 15)),
    ("151126", D(2026, 11, 15)),
    ("15112026", D(2026, 11, 15)),
    ("2026-11-15", D(2026, 11, 15)),
    # day and month only: the most recent such day, never one in the future
    ("15.12.", D(2025, 12, 15)),
    ("1512", D(2025, 12, 15)),
    ("10.12.", D(2026, 12, 10)),
    ("29.02.", D(2024, 2, 29)),
    ("heute", TODAY),
    ("h", TODAY),
    ("Heute", TODAY),
    ("today", TODAY),
    ("gestern", D(2026, 12, 9)),
    ("g", D(2026, 12, 9)),
    ("yesterday", D(2026, 12, 9)),
    ("-3", D(2026, 12, 7)),
    ("- 10", D(2026, 11, 30)),
    ("+0", TODAY),
    ("  15.11.26  ", D(2026, 11, 15)),
]


@pytest.mark.parametrize(("text", "expected"), ACCEPTED)
def test_accepted_forms(text, expected):
    assert dates.parse(text, TODAY) == expected
    assert dates.read(text, TODAY) == dates.Reading(expected)


REFUSED = [
    ("15.12.2026", dates.DateInFuture, "in der Zukunft"),
    ("151226", dates.DateInFuture, "15.12.2026"),
    ("+1", dates.DateInFuture, "in der Zukunft"),
    ("31.02.2026", dates.DateImpossible, "31.02."),
    ("29.02.2025", dates.DateImpossible, "im Jahr 2025"),
    ("32.1.", dates.DateImpossible, "32.01."),
    ("15.13.26", dates.DateImpossible, "15.13."),
    ("0000", dates.DateImpossible, "00.00."),
    ("1.1.1999", dates.DateTooEarly, "vor dem 01.01.2000"),
    ("morgen", dates.DateNotUnderstood, "1512"),
    ("15/12/2026", dates.DateNotUnderstood, "heute (h)"),
    ("1.2.3.4", dates.DateNotUnderstood, "kein Datum"),
]


@pytest.mark.parametrize(("text", "error", "says"), REFUSED)
def test_refusals_say_why(text, error, says):
    with pytest.raises(error) as caught:
        dates.parse(text, TODAY)
    assert says in caught.value.de
    assert caught.value.en and caught.value.en != caught.value.de
    reading = dates.read(text, TODAY)
    assert reading.date is None and isinstance(reading.problem, error)
    assert not reading.incomplete


@pytest.mark.parametrize(
    "text",
    ["", "1", "15", "151", "15.", "15.12.2", "15.12.202", "+", "-", "15122", "he", "ges", "yest"],
)
def test_partial_input_is_incomplete_not_wrong(text):
    reading = dates.read(text, TODAY)
    if text in ("he", "ges", "yest"):  # a word's prefix already names its day
        assert reading.date is not None
        return
    assert reading.date is None
    assert reading.incomplete


def test_english_message():
    with pytest.raises(dates.DateInFuture) as caught:
        dates.parse("+2", TODAY)
    assert caught.value.message("en").startswith("12.12.2026 is in the future")
