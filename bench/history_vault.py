"""Vaults with years of history for the benchmarks (``--years N``), built once per run.

``build(folder, years, n_cases)`` fills a fast-KDF vault with ``years`` demo years of a
``n_cases`` office (app/office/demo.py ``history``), entering year by year and closing
each year once the next one is in, the way an office works; the last year stays open.
The years end with last year (records may not lie in the future).
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from app.office import demo
from app.office.period_close import close_period
from app.records.periods import parse_period
from bench.common import new_vault


def last_years(n: int) -> list[int]:
    last = dt.date.today().year - 1
    return list(range(last - n + 1, last + 1))


def build(folder: Path, years: int, n_cases: int, *, quiet: bool = False) -> tuple[int, float]:
    """Fill ``folder``; returns (the open year, seconds it took)."""
    start = time.perf_counter()
    vault, session = new_vault(folder)
    span = last_years(years)
    previous = None
    for year in span:
        cases, contacts = demo.history_year(session.scheme, n_cases, year, last=year == span[-1])
        session.add_bulk(cases, contacts, "demo.filled")
        # the year before the first holds only the first year's carried-over cases
        previous = previous or year - 1
        close_period(session, parse_period(str(previous)), accepted_reason="Demo")
        previous = year
        if not quiet:
            print(f"  built {year} ({time.perf_counter() - start:.0f} s)", flush=True)
    session.close()
    vault.close()
    return span[-1], time.perf_counter() - start
