"""The office's staff capacity: full-time equivalents per counselling field and period.

The lead records them (ui/staffing_dialog.py); a closed period's package then carries them as
staffing.json (app/exchange/staffing.py). Lead state, sealed as a setting
``office.staffing``: period label -> field -> FTE.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.exchange import staffing as staffing_file
from app.records.periods import Period
from app.vault.settings import Setting

if TYPE_CHECKING:
    from app.vault.session import Session

STAFFING: Setting[dict[str, dict[str, float]]] = Setting(
    "office.staffing", dict[str, dict[str, float]], dict, audit_action="office.staffing_set"
)


def recorded(session: Session) -> dict[str, dict[str, float]]:
    return STAFFING.read(session)


def for_period(session: Session, period: Period) -> dict[str, float]:
    return recorded(session).get(period.label, {})


def record(session: Session, period: Period, fte: dict[str, float]) -> dict[str, float]:
    """Store the FTE per field for ``period`` (lead only); all zero removes the entry.

    A period already closed keeps the figures its package was sent with until it is
    reopened and exported again as a correction.
    """
    session.require_lead("Das Erfassen der Personalkapazität", "Recording staff capacity")
    checked = staffing_file.check_fte(fte, {c.code for c in session.scheme.codes("field")})
    values = recorded(session)
    if checked:
        values[period.label] = checked
    else:
        values.pop(period.label, None)
    STAFFING.write(session, dict(sorted(values.items())))
    return checked


def package_file(session: Session, office_id: str, period: Period) -> bytes | None:
    """staffing.json for the package of ``period``, or None when nothing is recorded."""
    fte = for_period(session, period)
    if not fte:
        return None
    return staffing_file.encode(
        staffing_file.Staffing(office_id=office_id, period=period.label, fte=fte)
    )
