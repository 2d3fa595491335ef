"""The board: enrolled offices x reporting periods, with the state of each submission.

A pure function of the registry, the intake and today's date; the window and the CLI only
render the table it returns. States of a cell:

- ``missing``   nothing received, and the deadline has not passed yet (or the period has
                not ended);
- ``late``      nothing received and the deadline has passed, or the first package came
                after the deadline;
- ``received``  a package arrived by the deadline;
- ``corrected`` a package arrived by the deadline and was corrected since.

The deadline is the scheme's: ``deadline_days`` after the period's last day.
"""

from __future__ import annotations

import datetime as dt

import msgspec

from app.district.intake import Intake
from app.district.registry import Registry
from app.records.periods import Period, deadline, parse_period, quarter, quarter_of

MISSING, LATE, RECEIVED, CORRECTED = "missing", "late", "received", "corrected"
STATUSES = (MISSING, LATE, RECEIVED, CORRECTED)
STATUS_LABELS = {
    MISSING: ("fehlt", "missing"),
    LATE: ("verspätet", "late"),
    RECEIVED: ("eingegangen", "received"),
    CORRECTED: ("korrigiert", "corrected"),
}


class Cell(msgspec.Struct, frozen=True, kw_only=True):
    status: str
    deadline: dt.date
    received_on: dt.date | None = None  # first package for the period
    corrected_on: dt.date | None = None  # latest correction
    sequence: int | None = None  # of the package that counts
    sha256: str | None = None
    versions: int = 0


class BoardRow(msgspec.Struct, frozen=True, kw_only=True):
    office_id: str
    office_name: str
    cells: tuple[Cell, ...]


class Board(msgspec.Struct, frozen=True, kw_only=True):
    periods: tuple[str, ...]
    rows: tuple[BoardRow, ...]

    def cell(self, office_id: str, period: str) -> Cell:
        row = next(r for r in self.rows if r.office_id == office_id)
        return row.cells[self.periods.index(period)]

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(STATUSES, 0)
        for row in self.rows:
            for cell in row.cells:
                out[cell.status] += 1
        return out


def cell_for(
    intake: Intake, office_id: str, period: Period, deadline_days: int, today: dt.date
) -> Cell:
    due = deadline(period, deadline_days)
    history = intake.history(office_id, period.label)
    if not history:
        return Cell(status=LATE if today > due else MISSING, deadline=due)
    first = min(history, key=lambda p: p.received_at)
    head = next((p for p in history if p.superseded_by is None), history[-1])
    first_on = first.received_at.date()
    if first_on > due:
        status = LATE
    elif len(history) > 1:
        status = CORRECTED
    else:
        status = RECEIVED
    return Cell(
        status=status,
        deadline=due,
        received_on=first_on,
        corrected_on=head.received_at.date() if len(history) > 1 else None,
        sequence=head.sequence,
        sha256=head.sha256,
        versions=len(history),
    )


def build_board(
    registry: Registry,
    intake: Intake,
    periods: list[Period],
    deadline_days: int,
    today: dt.date,
) -> Board:
    """One row per enrolled office (by id), one cell per period."""
    rows = tuple(
        BoardRow(
            office_id=o.office_id,
            office_name=o.name,
            cells=tuple(cell_for(intake, o.office_id, p, deadline_days, today) for p in periods),
        )
        for o in registry.offices
    )
    return Board(periods=tuple(p.label for p in periods), rows=rows)


def board_periods(
    intake: Intake,
    registry: Registry,
    today: dt.date,
    *,
    year: int | None = None,
    period: str | None = None,
) -> list[Period]:
    """The quarters to show: of ``period`` (a quarter or year), of ``year``, or from the
    first package or enrolment up to the last quarter that has ended."""
    if period:
        p = parse_period(period)
        if p.kind == "quarter":
            return [p]
        year_from, year_to = p.start.year, p.end.year
        return [
            q
            for y in range(year_from, year_to + 1)
            for q in (quarter(y, n) for n in range(1, 5))
            if q.start <= p.end and q.end >= p.start
        ]
    if year:
        return [quarter(year, n) for n in range(1, 5)]
    last = quarter_of(quarter_of(today).start - dt.timedelta(days=1))
    received = [p.period_start for p in intake.packages]
    starts = received + [o.enrolled for o in registry.offices]
    first = min(quarter_of(min(starts)).start, last.start) if starts else last.start
    end = max([last.start, *received])
    out: list[Period] = []
    q = quarter_of(first)
    while q.start <= end:
        out.append(q)
        q = quarter_of(q.end + dt.timedelta(days=1))
    return out
