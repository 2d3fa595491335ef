"""Figures for the office's own overview (the dashboard and the office report).

``trend`` counts cases and contacts per quarter for several quarters in one pass over the
cases and one over the contacts, so the last eight quarters of a large office (20,000
cases, 100,000 contacts) cost about as much as one tally, not eight. The definitions are
those of app/tally.py: a case is active in a quarter when it was opened on or before the
quarter's last day and not closed before its first day; new when opened in it.

``top_with_rest`` folds a long breakdown (municipalities) into its largest entries plus one
"rest" entry. Nothing here suppresses small numbers: this is the office's internal view.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import msgspec

from app.records.model import Case, Contact
from app.records.periods import Period, previous_quarters, quarter_of
from app.scheme.model import Scheme
from app.stats.tally import Tally, tally

REST = "*rest*"  # code of the folded remainder in ``top_with_rest``


class QuarterFigures(msgspec.Struct, frozen=True, kw_only=True):
    label: str  # 2025-Q3
    cases_active: int
    cases_new: int
    contacts: int
    persons: int


def _quarter_key(day) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3


def trend(
    cases: Iterable[Case], contacts: Iterable[Contact], quarters: Sequence[Period]
) -> list[QuarterFigures]:
    """Per quarter (in the given order): active and new cases, contacts, persons present.

    ``quarters`` are quarter periods (app.periods.quarter); they need not be contiguous.
    """
    keys = []
    for q in quarters:
        if q.kind != "quarter":
            raise ValueError(f"trend needs quarters, not {q.label!r}")
        keys.append(_quarter_key(q.start))
    index = {k: i for i, k in enumerate(keys)}
    n = len(keys)
    n_contacts = [0] * n
    n_persons = [0] * n
    get = index.get
    for k in contacts:
        i = get(_quarter_key(k.date))
        if i is not None:
            n_contacts[i] += 1
            n_persons[i] += k.persons

    n_new = [0] * n
    n_active = [0] * n
    if n:
        # Quarters as consecutive numbers: a case spans [opened, closed] quarter numbers.
        number = [y * 4 + q for y, q in keys]
        by_number: dict[int, list[int]] = {}
        for i, num in enumerate(number):
            by_number.setdefault(num, []).append(i)
        lo, hi = min(number), max(number)
        # Difference array over quarter numbers lo..hi (+1 guard).
        diff = [0] * (hi - lo + 2)
        for c in cases:
            day = c.opened
            first = day.year * 4 + (day.month - 1) // 3
            day = c.closed
            last = hi if day is None else day.year * 4 + (day.month - 1) // 3
            for i in by_number.get(first, ()):
                n_new[i] += 1
            a, b = max(first, lo), min(last, hi)
            if a <= b:
                diff[a - lo] += 1
                diff[b - lo + 1] -= 1
        running = 0
        active_by_number = []
        for d in diff[:-1]:
            running += d
            active_by_number.append(running)
        for i, num in enumerate(number):
            n_active[i] = active_by_number[num - lo]
    return [
        QuarterFigures(
            label=q.label,
            cases_active=n_active[i],
            cases_new=n_new[i],
            contacts=n_contacts[i],
            persons=n_persons[i],
        )
        for i, q in enumerate(quarters)
    ]


def top_with_rest(values: dict[str, int | None], n: int = 10) -> list[tuple[str, int]]:
    """The ``n`` largest (code, value) pairs, largest first, then (REST, sum of the others).

    Zero entries are left out; the rest entry only appears when something is folded into it.
    Ties keep the given order (the scheme's code order).
    """
    items = [(code, v) for code, v in values.items() if v]
    ranked = sorted(items, key=lambda cv: -cv[1])
    top, others = ranked[:n], ranked[n:]
    if others:
        top.append((REST, sum(v for _, v in others)))
    return top


def share(part: int | None, whole: int | None) -> float | None:
    """``part`` as a fraction of ``whole`` (None when there is no whole)."""
    if not whole or part is None:
        return None
    return part / whole


class Overview(msgspec.Struct, frozen=True, kw_only=True):
    """One period's tally (unsuppressed) plus the quarter trend up to that period."""

    tally: Tally
    trend: list[QuarterFigures]


def trend_quarters(period: Period, today: dt.date | None = None, n: int = 8) -> list[Period]:
    """The ``n`` quarters ending with the one holding the period's end (never a future one)."""
    last_day = min(period.end, today or dt.date.today())
    last = quarter_of(max(last_day, period.start))
    return [*previous_quarters(last, n - 1), last]


def overview_of(
    scheme: Scheme,
    cases: Sequence[Case],
    contacts: Sequence[Contact],
    period: Period,
    *,
    today: dt.date | None = None,
    n: int = 8,
) -> Overview:
    """The overview from records already read (pure: safe in a worker thread)."""
    from app.scheme.mapping import mapper

    result = tally(scheme, cases, contacts, period, map_code=mapper(scheme))
    return Overview(tally=result, trend=trend(cases, contacts, trend_quarters(period, today, n)))


def from_tally(t: Tally) -> QuarterFigures:
    """A quarter's trend figures read from its (frozen) tally: the same definitions."""
    return QuarterFigures(
        label=t.period.label,
        cases_active=t.value("cases_active") or 0,
        cases_new=t.value("cases_new") or 0,
        contacts=t.value("contacts") or 0,
        persons=t.value("persons") or 0,
    )


def overview(session, period: Period, *, today: dt.date | None = None, n: int = 8) -> Overview:
    """The dashboard's figures from the vault: closed periods and quarters from their frozen
    tallies (app/stats/history.py), the rest counted from the records they need (the open
    records for anything after the frozen history)."""
    from app.stats.history import frozen, period_tally

    quarters = trend_quarters(period, today, n)
    kept = {q.label: t for q in quarters if (t := frozen(session, q.label)) is not None}
    rest = [q for q in quarters if q.label not in kept]
    counted: dict[str, QuarterFigures] = {}
    if rest:
        span = Period(start=rest[0].start, end=rest[-1].end, label="trend", kind="custom")
        cases, contacts = session.records_for(span)
        counted = {f.label: f for f in trend(cases, contacts, rest)}
    figures = [from_tally(kept[q.label]) if q.label in kept else counted[q.label] for q in quarters]
    return Overview(tally=period_tally(session, period), trend=figures)
