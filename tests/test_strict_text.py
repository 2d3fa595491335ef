"""Counts and receipt times from outside are read strictly: whatever parses writes back
byte for byte, and the lenient spellings Python's own parsers take are refused."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.exchange import receipt
from app.stats.tally_io import parse_count


@given(st.text(max_size=24))
def test_a_count_that_parses_writes_back_the_same(text):
    try:
        value = parse_count(text)
    except ValueError:
        return
    assert str(value) == text and value >= 0


@given(st.integers(min_value=0, max_value=10**18 - 1))
def test_every_count_written_reads_back(n):
    assert parse_count(str(n)) == n


@pytest.mark.parametrize(
    "text", ["+13", "1_3", "013", "-1", " 13", "13 ", "13\n", "\u0661\u0663", "1e3", "", "0x1"]
)
def test_lenient_counts_are_refused(text):
    with pytest.raises(ValueError):
        parse_count(text)


def test_why_not_int():
    """The issue's three spellings, all 13 to Python."""
    assert int("+13") == int("1_3") == int("\u0661\u0663") == 13


@given(st.text(max_size=30))
def test_a_receipt_time_that_parses_writes_back_the_same(text):
    # issue 14: receipts now carry their zone, so the time (not the text) is what comes back
    moment = receipt.parse_stamp(text)
    if moment is not None:
        assert receipt.parse_stamp(receipt.stamp(moment)) == moment >= receipt.EARLIEST


@given(st.datetimes(min_value=dt.datetime(2024, 1, 1), max_value=dt.datetime(9999, 1, 1)))
def test_every_receipt_time_written_reads_back(moment):
    moment = moment.replace(microsecond=0)
    assert receipt.parse_stamp(receipt.stamp(moment)) == moment


@pytest.mark.parametrize(
    "text",
    [
        "1999-01-01T10:00:00",  # before any Fallzahl package
        "2026-04-12",
        "2026-04-12T09:31",
        "2026-04-12T09:31:00Z",  # the zone is written as an offset
        "2026-04-12T09:31:00+2:00",
        "2026-04-12T09:31:00+0200",
        "2026-04-12T09:31:00.5",
        "2026-04-12 09:31:00",
        "2026-02-30T09:31:00",
        "\u0662\u0660\u0662\u0666-04-12T09:31:00",
        "gestern",
    ],
)
def test_lenient_receipt_times_are_refused(text):
    assert receipt.parse_stamp(text) is None
