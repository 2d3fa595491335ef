"""One form of a date per language, everywhere (issue 13, finding 13)."""

from __future__ import annotations

import datetime as dt

import pytest

from app import lang


@pytest.mark.parametrize(
    ("language", "day", "text"),
    [("de", dt.date(2026, 4, 12), "12.04.2026"), ("en", dt.date(2026, 4, 12), "2026-04-12")],
)
def test_a_date_is_written_one_way_per_language(language, day, text):
    assert lang.date_text(day, language) == text
    lang.set_language(language)
    assert lang.date_text(day) == text
    moment = dt.datetime(2026, 4, 12, 9, 5)
    assert lang.moment_text(moment, language) == f"{text} 09:05"


def test_the_case_list_writes_dates_in_the_ui_language(qapp):
    from ui.case_model import short_date

    lang.set_language("en")
    assert short_date(dt.date(2026, 12, 1)) == "2026-12-01"
    lang.set_language("de")
    assert short_date(dt.date(2026, 12, 1)) == "01.12.2026"
