"""The counsellor's list of cases: one row per case with its contact figures, and filters.

Built in one pass over the contacts so that the desktop's case table stays fast for a
large office (20,000 cases, 100,000 contacts). Pure Python: the desktop's models only
format these rows.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence

import msgspec

from app.records import completeness
from app.records.model import CASE_CODE, Case, Contact
from app.records.rules import classify
from app.scheme.model import Scheme

OPEN = "open"
CLOSED = "closed"
# Open cases without a contact for six months: proposed for closing. The KJH statistic
# treats a help without contact for six months as ended (bke FAQ 113).
STALE = "stale"
STALE_DAYS = 183


class CaseRow(msgspec.Struct, kw_only=True):
    case_id: str
    code: str
    field: str
    opened: dt.date
    closed: dt.date | None
    counsellor: str
    contacts: int
    last_contact: dt.date | None
    domains: int
    is_multi: bool
    level: str  # app.completeness level

    @property
    def status(self) -> str:
        return OPEN if self.closed is None else CLOSED


def share_values(rows: Iterable[CaseRow], shared: dict) -> None:
    """Let the rows share one object per field code, counsellor, completeness level and day
    (``shared`` keeps them across calls). Ten years of history are 200,000 rows that repeat
    a few dozen strings and a few thousand days: decoded, each row had its own copies, and
    sharing them halves the memory the case list takes once a search holds every row."""
    one = shared.setdefault
    for r in rows:
        r.field, r.counsellor, r.level = (
            one(r.field, r.field),
            one(r.counsellor, r.counsellor),
            one(r.level, r.level),
        )
        r.opened = one(r.opened, r.opened)
        if r.closed is not None:
            r.closed = one(r.closed, r.closed)
        if r.last_contact is not None:
            r.last_contact = one(r.last_contact, r.last_contact)


def contact_stats(contacts: Iterable[Contact]) -> dict[str, tuple[int, dt.date]]:
    """case id -> (number of contacts, date of the last one); anonymous contacts skipped."""
    last: dict[str, dt.date] = {}
    counts: Counter[str] = Counter()
    for contact in contacts:
        case_id = contact.case_id
        if case_id is None:
            continue
        counts[case_id] += 1
        seen = last.get(case_id)
        if seen is None or contact.date > seen:
            last[case_id] = contact.date
    return {case_id: (n, last[case_id]) for case_id, n in counts.items()}


def case_row(case: Case, scheme: Scheme, stats: tuple[int, dt.date] | None) -> CaseRow:
    multi = classify(case.problems, scheme)
    n, last = stats if stats else (0, None)
    return CaseRow(
        case_id=case.id,
        code=case.code,
        field=case.field,
        opened=case.opened,
        closed=case.closed,
        counsellor=case.counsellor,
        contacts=n,
        last_contact=last,
        domains=multi.domains,
        is_multi=multi.is_multi,
        level=completeness.level(case, scheme, has_contacts=n > 0),
    )


def overview(cases: Iterable[Case], contacts: Iterable[Contact], scheme: Scheme) -> list[CaseRow]:
    stats = contact_stats(contacts)
    get = stats.get
    return [case_row(case, scheme, get(case.id)) for case in cases]


def contacts_of(contacts: Iterable[Contact], case_id: str) -> list[Contact]:
    """The case's contacts, newest first."""
    found = [c for c in contacts if c.case_id == case_id]
    found.sort(key=lambda c: c.date, reverse=True)
    return found


# periods the case list can be narrowed to
def quarter(year: int, q: int) -> tuple[dt.date, dt.date]:
    if not 1 <= q <= 4:
        raise ValueError(f"quarter {q}")
    start = dt.date(year, 3 * q - 2, 1)
    end = dt.date(year + 1, 1, 1) if q == 4 else dt.date(year, 3 * q + 1, 1)
    return start, end - dt.timedelta(days=1)


def year(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


class CaseFilter(msgspec.Struct, frozen=True, kw_only=True):
    text: str = ""  # part of the case code
    start: dt.date | None = None  # the case was open at some time in [start, end]
    end: dt.date | None = None
    field: str | None = None  # primary counselling field
    status: str | None = None  # OPEN or CLOSED
    counsellor: str | None = None  # only this counsellor's cases
    as_of: dt.date | None = None  # "today" for STALE (default: the real today)


def matches(row: CaseRow, f: CaseFilter) -> bool:
    if f.text and f.text not in row.code:
        return False
    if f.end is not None and row.opened > f.end:
        return False
    if f.start is not None and row.closed is not None and row.closed < f.start:
        return False
    if f.field is not None and row.field != f.field:
        return False
    if f.status == STALE:
        last = row.last_contact or row.opened
        if row.closed is not None or last > (f.as_of or dt.date.today()) - dt.timedelta(STALE_DAYS):
            return False
    elif f.status is not None and row.status != f.status:
        return False
    return f.counsellor is None or row.counsellor == f.counsellor


def matching(rows: Sequence[CaseRow], f: CaseFilter) -> list[int]:
    """The positions of the rows the filter keeps, ascending, in one pass.

    A search by case code looks at the code alone first (the common case over years of
    history: 200,000 rows in a few milliseconds); only those rows are checked in full.
    """
    if f == CaseFilter():
        return list(range(len(rows)))
    text = f.text
    if text:
        found = [i for i, r in enumerate(rows) if text in r.code]
        if f == CaseFilter(text=text):
            return found
        return [i for i in found if matches(rows[i], f)]
    return [i for i, r in enumerate(rows) if matches(r, f)]


def select(rows: Iterable[CaseRow], f: CaseFilter) -> list[bool]:
    """For each row, whether the filter keeps it."""
    if f == CaseFilter():
        return [True for _ in rows]
    return [matches(row, f) for row in rows]


def expand_code(text: str, this_year: int) -> str:
    """What a counsellor typed as a case code: "42" means this year's 2026-0042."""
    text = text.strip()
    if CASE_CODE.match(text):
        return text
    if text.isdigit() and len(text) <= 4:
        return f"{this_year}-{int(text):04d}"
    return text
