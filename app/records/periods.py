"""Reporting periods: quarters, years, months and custom date ranges (both ends inclusive).

Written forms: ``2026-Q1``, ``2026``, ``2026-03``, ``2026-01-15..2026-02-10``. The same
labels appear in tallies, packages and reports; ``adx_period`` gives the ISO 8601
start/duration form that IHE ADX and DHIS2 expect.
"""

from __future__ import annotations

import datetime as dt
import re

import msgspec

from app.errors import PeriodInvalid

_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_CUSTOM = re.compile(r"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$")


class Period(msgspec.Struct, frozen=True, kw_only=True):
    start: dt.date
    end: dt.date  # inclusive
    label: str
    kind: str  # quarter | year | month | custom

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def _month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def quarter(year: int, q: int) -> Period:
    first = 3 * (q - 1) + 1
    return Period(
        start=dt.date(year, first, 1),
        end=_month_end(year, first + 2),
        label=f"{year}-Q{q}",
        kind="quarter",
    )


def year(y: int) -> Period:
    return Period(start=dt.date(y, 1, 1), end=dt.date(y, 12, 31), label=f"{y:04d}", kind="year")


def month(y: int, m: int) -> Period:
    return Period(
        start=dt.date(y, m, 1), end=_month_end(y, m), label=f"{y:04d}-{m:02d}", kind="month"
    )


def custom(start: dt.date, end: dt.date) -> Period:
    if end < start:
        raise _invalid(f"{start.isoformat()}..{end.isoformat()}", "das Ende liegt vor dem Anfang")
    return Period(
        start=start, end=end, label=f"{start.isoformat()}..{end.isoformat()}", kind="custom"
    )


def _invalid(text: str, why_de: str = "", why_en: str = "") -> PeriodInvalid:
    de = f"„{text}“ ist kein Berichtszeitraum"
    en = f"'{text}' is not a reporting period"
    if why_de:
        de += f" ({why_de})"
        en += f" ({why_en or why_de})"
    return PeriodInvalid(
        de + ". Schreiben Sie z. B. 2026-Q1 (Quartal), 2026 (Jahr), 2026-03 (Monat) oder "
        "2026-01-15..2026-02-10 (eigener Zeitraum).",
        en + ". Write e.g. 2026-Q1 (quarter), 2026 (year), 2026-03 (month) or "
        "2026-01-15..2026-02-10 (custom range).",
    )


def parse_period(text: str) -> Period:
    """Parse a written period; raise PeriodInvalid with a German/English message."""
    t = text.strip()
    if m := _QUARTER.match(t):
        y = int(m.group(1))
        if y < 1:
            raise _invalid(text, "Jahr 0", "year 0")
        return quarter(y, int(m.group(2)))
    if m := _YEAR.match(t):
        y = int(m.group(1))
        if y < 1:
            raise _invalid(text, "Jahr 0", "year 0")
        return year(y)
    if m := _MONTH.match(t):
        y, mo = int(m.group(1)), int(m.group(2))
        if y < 1 or not 1 <= mo <= 12:
            raise _invalid(text, "kein gültiger Monat", "no valid month")
        return month(y, mo)
    if m := _CUSTOM.match(t):
        try:
            start = dt.date.fromisoformat(m.group(1))
            end = dt.date.fromisoformat(m.group(2))
        except ValueError:
            raise _invalid(text, "kein gültiges Datum", "no valid date") from None
        if end < start:
            raise _invalid(text, "das Ende liegt vor dem Anfang", "the end is before the start")
        return custom(start, end)
    raise _invalid(text)


def quarter_of(day: dt.date) -> Period:
    return quarter(day.year, (day.month - 1) // 3 + 1)


def previous_quarters(period: Period, n: int) -> list[Period]:
    """The ``n`` whole quarters just before the quarter holding ``period.start``, oldest first.

    For a quarter this is the n quarters before it; for a year, the n quarters before its
    first quarter. Useful for trend columns ("the last four quarters").
    """
    q = quarter_of(period.start)
    out: list[Period] = []
    for _ in range(n):
        q = quarter_of(q.start - dt.timedelta(days=1))
        out.append(q)
    out.reverse()
    return out


def adx_period(period: Period) -> str:
    """ISO 8601 start/duration as IHE ADX writes it: 2026-01-01/P3M, /P1Y, /P1M, /P<n>D."""
    start = period.start.isoformat()
    if period.kind == "quarter":
        return f"{start}/P3M"
    if period.kind == "year":
        return f"{start}/P1Y"
    if period.kind == "month":
        return f"{start}/P1M"
    return f"{start}/P{period.days}D"


def deadline(period: Period, deadline_days: int) -> dt.date:
    """The submission deadline: ``deadline_days`` days after the period's last day."""
    return period.end + dt.timedelta(days=deadline_days)
