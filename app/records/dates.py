"""Dates as counsellors type them: the one rule for reading a typed date.

Accepted (German first; the English words too, whatever the UI language):
  15.12.2026  15.12.26  15.12.  15.12  1512  151226  15122026  2026-12-15
  heute / h / today / t, gestern / g / yesterday / y, +n / -n (days from today)
A day and month without a year mean the most recent such day that is not in the future
(on 2 January, "28.12." is last December). A two-digit year is 20yy. A date in the
future, before EARLIEST, or that does not exist (31.02.) is refused with a message that
says what to type instead. ``read`` never raises: it returns what it understood, so a
field can show it key by key; ``parse`` raises the refusal.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from app.errors import FallzahlError

EARLIEST = dt.date(2000, 1, 1)
WORDS = {
    0: ("heute", "today"),
    -1: ("gestern", "yesterday"),
}
FORMS_DE = "15.12.2026, 15.12.26, 15.12., 1512, 151226, heute (h), gestern (g), -3"
FORMS_EN = "15.12.2026, 15.12.26, 15.12., 1512, 151226, today (t), yesterday (y), -3"

_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})(?:\.(\d{2}|\d{4})?)?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_RELATIVE = re.compile(r"^([+-])\s*(\d{1,4})$")
# what may still become a date by typing on
_PARTIAL = re.compile(
    r"^(\d{1,2}\.?|\d{1,2}\.\d{1,2}\.\d{1,3}|\d{1,3}|\d{5}|\d{7}|[+-]|\d{4}-[\d-]*)$"
)


def forms(language: str = "de") -> str:
    """The accepted forms, as examples for a hint or a message."""
    return FORMS_EN if language == "en" else FORMS_DE


class DateNotUnderstood(FallzahlError):
    """The text is not a date in any accepted form."""


class DateImpossible(FallzahlError):
    """The text names a day that does not exist, such as 31.02."""


class DateInFuture(FallzahlError):
    pass


class DateTooEarly(FallzahlError):
    pass


@dataclass(frozen=True)
class Reading:
    """What a typed text means: a date, or why not (``incomplete``: typing may still
    make it a date, so a field need not complain yet)."""

    date: dt.date | None
    problem: FallzahlError | None = None
    incomplete: bool = False


def read(text: str, today: dt.date | None = None, earliest: dt.date = EARLIEST) -> Reading:
    today = today or dt.date.today()
    try:
        return Reading(parse(text, today, earliest))
    except FallzahlError as exc:
        cleaned = text.strip()
        incomplete = not cleaned or (
            isinstance(exc, DateNotUnderstood)
            and (_PARTIAL.match(cleaned) is not None or _word_prefix(cleaned.lower()))
        )
        return Reading(None, exc, incomplete)


def parse(text: str, today: dt.date | None = None, earliest: dt.date = EARLIEST) -> dt.date:
    """The date ``text`` names, or a FallzahlError saying why it is not one."""
    today = today or dt.date.today()
    day = _understand(text.strip().lower(), today)
    if day > today:
        raise DateInFuture(
            f"{_de(day)} liegt in der Zukunft. Erfasst wird, was schon stattgefunden hat: "
            f"ein Datum bis heute ({_de(today)}).",
            f"{_de(day)} is in the future. Only what has happened can be recorded: a date up "
            f"to today ({_de(today)}).",
        )
    if day < earliest:
        raise DateTooEarly(
            f"{_de(day)} liegt vor dem {_de(earliest)}. Bitte das Datum prüfen.",
            f"{_de(day)} is before {_de(earliest)}. Please check the date.",
        )
    return day


def _understand(text: str, today: dt.date) -> dt.date:
    if not text:
        raise _not_understood()
    for offset, words in WORDS.items():
        if any(text == w or (len(text) <= len(w) and w.startswith(text)) for w in words):
            return today + dt.timedelta(days=offset)
    relative = _RELATIVE.match(text)
    if relative:
        days = int(relative.group(2))
        return today + dt.timedelta(days=days if relative.group(1) == "+" else -days)
    iso = _ISO.match(text)
    if iso:
        return _make(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)), text)
    dotted = _DOTTED.match(text)
    if dotted:
        d, m, y = dotted.group(1), dotted.group(2), dotted.group(3)
        return _day_month_year(int(d), int(m), y, today, text)
    if text.isdigit() and len(text) in (4, 6, 8):
        return _day_month_year(int(text[:2]), int(text[2:4]), text[4:] or None, today, text)
    raise _not_understood()


def _day_month_year(d: int, m: int, y: str | None, today: dt.date, text: str) -> dt.date:
    if y is None:
        this_year = _make(today.year, m, d, text, lenient_leap=True)
        if this_year is not None and this_year <= today:
            return this_year
        # the most recent such day: last year (29.02. goes back to the last leap year)
        for year in range(today.year - 1, today.year - 9, -1):
            day = _make(year, m, d, text, lenient_leap=True)
            if day is not None:
                return day
        return _make(today.year - 1, m, d, text)
    year = int(y) + (2000 if len(y) == 2 else 0)
    return _make(year, m, d, text)


def _make(y: int, m: int, d: int, text: str, *, lenient_leap: bool = False) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        if lenient_leap and (m, d) == (2, 29):
            return None
        raise DateImpossible(
            f"„{text}“: einen Tag {d:02d}.{m:02d}. gibt es nicht"
            + (f" im Jahr {y}" if (m, d) == (2, 29) else "")
            + ". Bitte Tag und Monat prüfen.",
            f"'{text}': there is no day {d:02d}.{m:02d}."
            + (f" in {y}" if (m, d) == (2, 29) else "")
            + ". Please check day and month.",
        ) from None


def _word_prefix(text: str) -> bool:
    return any(w.startswith(text) for words in WORDS.values() for w in words)


def _not_understood() -> DateNotUnderstood:
    return DateNotUnderstood(
        f"Das ist kein Datum. Möglich sind zum Beispiel: {FORMS_DE}.",
        f"That is not a date. You can type, for example: {FORMS_EN}.",
    )


def _de(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")
