"""Activities (non-case work, scheme format 2) in the vault: list, save, delete.

Kept apart from the session's case and contact loading: activities are few (hundreds a
year, not 100,000), so they are opened on demand and never slow down unlocking. Sealed
like every record: the associated data binds vault, table "activities", id and revision.
"""

from __future__ import annotations

import datetime as dt

from app.errors import NotFound, PeriodClosed
from app.records import freeze
from app.records import model as records
from app.records.model import Activity
from app.records.validation import validate_activity
from app.vault import audit
from app.vault.session import Session

TABLE = "activities"


def activities(session: Session) -> list[Activity]:
    """Every activity, oldest first; a damaged one raises RecordDamaged naming it."""
    out = []
    for record_id, rev, sealed in session.store.rows(TABLE):
        out.append(records.decode_activity(session.open_row(TABLE, record_id, rev, sealed)))
    return sorted(out, key=lambda a: (a.date, a.id))


def _check_open(session: Session, day: dt.date) -> None:
    for c in freeze.closed_periods(session):
        if c.start <= day <= c.end:
            raise PeriodClosed(
                f"Der Zeitraum {c.label} ist abgeschlossen; eine Tätigkeit vom {day:%d.%m.%Y} "
                "kann nicht mehr erfasst, geändert oder gelöscht werden. Die Leitung kann den "
                "Zeitraum für eine Korrektur wieder öffnen.",
                f"The period {c.label} is closed; an activity of {day.isoformat()} can no "
                "longer be added, changed or deleted. The lead can reopen the period for a "
                "correction.",
            )


def stored(session: Session, activity_id: str) -> Activity | None:
    """The activity as saved, or None when there is none by that id."""
    row = session.store.row(TABLE, activity_id)
    if row is None:
        return None
    return records.decode_activity(session.open_row(TABLE, *row))


def save_activity(session: Session, activity: Activity, today: dt.date | None = None) -> Activity:
    validate_activity(activity, session.scheme, today)
    old = stored(session, activity.id)
    for day in {activity.date, *([old.date] if old else [])}:
        _check_open(session, day)
    created = old is None
    session._write(  # noqa: SLF001 (the session's one sealed write path)
        TABLE,
        activity.id,
        records.encode(activity),
        "activity.created" if created else "activity.changed",
    )
    return activity


def delete_activity(session: Session, activity_id: str) -> None:
    old = stored(session, activity_id)
    if old is None:
        raise NotFound(f"Tätigkeit {activity_id} gibt es nicht.", f"No activity {activity_id}.")
    _check_open(session, old.date)
    with session.store.transaction():
        session.store.delete(TABLE, activity_id)
        session._append_audit(  # noqa: SLF001
            "activity.deleted", f"activity {activity_id}", [(TABLE, activity_id, audit.DELETED)]
        )
