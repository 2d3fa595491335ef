"""The closed-period rules: what a closed reporting period freezes.

After a lead closes a period (app/office/period_close.py) the records that make up that
period's tallies are frozen, so the package and the vault keep telling the same story:

- a contact dated in a closed period cannot be added, changed or deleted;
- a case that is active in a closed period (opened on or before its end, not closed before
  its start) keeps its coded items (``FROZEN_CASE_ITEMS``), and cannot be deleted. It may
  still get contacts in open periods, and it may be closed (closing date and ending set or
  changed) as long as the closing date falls after the end of every closed period it is
  active in. A new case cannot be opened inside a closed period.

The closed periods are kept as one sealed setting ("periods.closed"), the reopen history as
another ("periods.reopened"). The vault's session asks ``check_change`` before every save.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

import msgspec

from app.errors import PeriodClosed, PeriodNotClosed
from app.records.model import Case, Contact
from app.records.periods import Period, parse_period

if TYPE_CHECKING:
    from app.vault.session import Session

CLOSED = "periods.closed"
REOPENED = "periods.reopened"

# Case items that stay fixed once the case is active in a closed period.
FROZEN_CASE_ITEMS = (
    "code",
    "opened",
    "field",
    "other_fields",
    "sex",
    "age_band",
    "household",
    "children",
    "municipality",
    "transfer_benefits",
    "migration_parent",
    "german_at_home",
    "referral",
    "problems",
    "scheme_version",
)


class ClosedPeriod(msgspec.Struct, frozen=True, kw_only=True):
    label: str
    start: dt.date
    end: dt.date
    closed_at: str
    closed_by: str
    accepted_reason: str | None = None  # why blocking findings were accepted
    accepted_findings: int = 0

    @property
    def period(self) -> Period:
        return parse_period(self.label)


class Reopened(msgspec.Struct, frozen=True, kw_only=True):
    label: str
    reopened_at: str
    reopened_by: str
    reason: str


def active_in(case: Case, start: dt.date, end: dt.date) -> bool:
    return case.opened <= end and (case.closed is None or case.closed >= start)


# reading the closed list
def closed_periods(session: Session) -> list[ClosedPeriod]:
    raw = session.get_setting(CLOSED)
    return msgspec.json.decode(raw, type=list[ClosedPeriod]) if raw else []


def reopen_history(session: Session) -> list[Reopened]:
    raw = session.get_setting(REOPENED)
    return msgspec.json.decode(raw, type=list[Reopened]) if raw else []


def is_closed(session: Session, period: Period) -> bool:
    return any(c.label == period.label for c in closed_periods(session))


def closed_entry(session: Session, period: Period) -> ClosedPeriod:
    for entry in closed_periods(session):
        if entry.label == period.label:
            return entry
    raise PeriodNotClosed(
        f"Der Zeitraum {period.label} ist nicht abgeschlossen. Die Leitung schließt ihn "
        "zuerst ab (Zeitraum abschließen).",
        f"The period {period.label} is not closed. A lead closes it first (Close period).",
    )


# refusing changes
def _refused_contact(day: dt.date, label: str) -> PeriodClosed:
    return PeriodClosed(
        f"Der Kontakt am {day:%d.%m.%Y} liegt im abgeschlossenen Zeitraum {label} und kann "
        "nicht mehr angelegt, geändert oder gelöscht werden. Für eine Korrektur öffnet die "
        "Leitung den Zeitraum wieder.",
        f"The contact on {day.isoformat()} lies in the closed period {label} and can no "
        "longer be added, changed or deleted. For a correction a lead reopens the period.",
    )


def _refused_case(case: Case, label: str, what_de: str, what_en: str) -> PeriodClosed:
    return PeriodClosed(
        f"Fall {case.code} zählt im abgeschlossenen Zeitraum {label}: {what_de}. Für eine "
        "Korrektur öffnet die Leitung den Zeitraum wieder.",
        f"Case {case.code} counts in the closed period {label}: {what_en}. For a "
        "correction a lead reopens the period.",
    )


def _check_contact(closed: list[ClosedPeriod], contact: Contact) -> None:
    for c in closed:
        if c.start <= contact.date <= c.end:
            raise _refused_contact(contact.date, c.label)


def _check_case(
    closed: list[ClosedPeriod], new: Case | None, old: Case | None, deleting: bool
) -> None:
    for c in closed:
        old_in = old is not None and active_in(old, c.start, c.end)
        new_in = new is not None and active_in(new, c.start, c.end)
        if not (old_in or new_in):
            continue
        case = new or old
        assert case is not None
        if deleting:
            raise _refused_case(
                case, c.label, "er kann nicht gelöscht werden", "it cannot be deleted"
            )
        if old is None:
            raise _refused_case(
                case,
                c.label,
                "ein neuer Fall kann dort nicht beginnen",
                "a new case cannot start there",
            )
        if not (old_in and new_in):
            raise _refused_case(
                case, c.label, "seine Daten dürfen sich nicht ändern", "its dates cannot change"
            )
        changed = [i for i in FROZEN_CASE_ITEMS if getattr(old, i) != getattr(new, i)]
        if changed:
            raise _refused_case(
                case,
                c.label,
                f"{', '.join(changed)} können nicht mehr geändert werden",
                f"{', '.join(changed)} can no longer be changed",
            )
        old_end = (old.closed, old.ending) if old.closed and old.closed <= c.end else None
        new_end = (new.closed, new.ending) if new.closed and new.closed <= c.end else None  # type: ignore[union-attr]
        if old_end != new_end:
            raise _refused_case(
                case,
                c.label,
                "Abschlussdatum und Beendigungsgrund im Zeitraum können nicht mehr geändert werden",
                "its closing date and ending within the period can no longer be changed",
            )


def check_change(
    session: Session, table: str, record: Case | Contact, *, deleting: bool = False
) -> None:
    """Refuse (PeriodClosed) a save or delete of ``record`` that would alter a closed period."""
    closed = closed_periods(session)
    if not closed:
        return
    old = session.stored_record(table, record.id)
    if table == "contacts":
        for item in (record, old):
            if item is not None:
                _check_contact(closed, item)  # type: ignore[arg-type]
    elif table == "cases":
        _check_case(closed, None if deleting else record, old, deleting)  # type: ignore[arg-type]


def check_new_records(session: Session, cases: Iterable[Case], contacts: Iterable[Contact]) -> None:
    """Bulk insert (demo fill, import): every record must be new and outside closed periods."""
    closed = closed_periods(session)
    if not closed:
        return
    for case in cases:
        _check_case(closed, case, session.stored_record("cases", case.id), False)
    for contact in contacts:
        _check_contact(closed, contact)
