"""The planning figures' shapes: what app/district/indicators.py computes and what a feedback
file carries to the offices (app/exchange/feedback.py), with the small rules every reader of
them shares (rates, shares, how a figure is written). Definitions: docs/indicators.md.
"""

from __future__ import annotations

import datetime as dt

import msgspec

from app.records.periods import Period

PER_PERSONS = 1000  # rates per 1,000 inhabitants


class Rate(msgspec.Struct, frozen=True, kw_only=True):
    """One area's (or age band's) count and its rate per 1,000 inhabitants."""

    code: str
    count: int | None  # None: hidden by disclosure control
    population: int | None  # None: no population for this code
    rate: float | None  # None when count or population is missing


class Share(msgspec.Struct, frozen=True, kw_only=True):
    code: str  # area or field; "" for the district
    part: int | None
    whole: int | None
    share: float | None  # part / whole, 0..1


class AreaBalance(msgspec.Struct, frozen=True, kw_only=True):
    """An area's share of the district's services against its share of population."""

    code: str
    cases: int | None
    services_share: float | None
    population_share: float
    ratio: float | None  # services share / population share; 1 = in proportion


class Staffing(msgspec.Struct, frozen=True, kw_only=True):
    field: str  # a counselling field, or SCHKG_GROUP
    fte: float
    per_base: float | None  # FTE per 40,000 inhabitants
    standard: float | None  # the legal standard per 40,000 (SchKG), where one exists
    target: float | None  # the district's own target per 40,000
    needed_fte: float | None  # FTE the higher of standard and target asks for


class TrendPoint(msgspec.Struct, frozen=True, kw_only=True):
    label: str
    counts: dict[str, int | None]  # measure -> district total (None: hidden or no data)
    rates: dict[str, float | None]  # measure -> per 1,000 inhabitants
    offices: int


class Indicators(msgspec.Struct, frozen=True, kw_only=True):
    period: Period
    population_date: dt.date | None
    population_source: str
    population_estimated: bool
    population_total: int | None
    measures: tuple[str, ...]
    totals: dict[str, Rate]  # measure -> district rate
    by_area: dict[str, tuple[Rate, ...]]  # measure -> per published area
    by_age: dict[str, tuple[Rate, ...]]  # measure -> per age band (empty: no population)
    by_field: dict[str, dict[str, int | None]]  # measure -> field -> published count
    multi_problem: Share | None  # None for a year (active cases are per quarter)
    multi_problem_by_area: tuple[Share, ...]
    multi_problem_by_field: tuple[Share, ...]
    balance: tuple[AreaBalance, ...]
    staffing: tuple[Staffing, ...]
    trend_quarters: tuple[TrendPoint, ...]
    trend_years: tuple[TrendPoint, ...]
    waiting_time: None = None  # scheme version 2


def rate(count: int | None, persons: int | None, per: int = PER_PERSONS) -> float | None:
    """count per ``per`` persons; None when either is unknown or there are no persons."""
    if count is None or not persons:
        return None
    return count * per / persons


def share(part: int | None, whole: int | None) -> float | None:
    if part is None or not whole:
        return None
    return part / whole


class AreaIndicator(msgspec.Struct, frozen=True, kw_only=True):
    key: str
    label_de: str
    label_en: str
    values: dict[str, float | None]  # published area -> value (None: hidden or no data)
    digits: int  # decimals to show
    percent: bool = False  # a share, shown as per cent

    def label(self, language: str | None = None) -> str:
        from app.lang import t

        return t(self.label_de, self.label_en, language)


def format_number(value: float | int | None, digits: int = 2, *, percent: bool = False,
                  language: str | None = None) -> str:  # fmt: skip
    """A figure as people read it: '.' when hidden or unknown, German decimal comma."""
    from app.lang import current

    if value is None:
        return "."
    if percent:
        text = f"{value * 100:.{digits}f} %"
    elif digits == 0:
        text = f"{round(value):,}"
    else:
        text = f"{value:,.{digits}f}"
    if (language or current()) != "en":
        text = text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")
    return text
