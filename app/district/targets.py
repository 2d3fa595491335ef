"""The district's staffing targets: full-time equivalents per 40,000 inhabitants per field.

District state (sealed setting ``district.targets``), set by a lead; app/district/indicators.py
sets the staff the offices report against them and against the SchKG standard.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.district.desk import require_district
from app.errors import StaffingRefused
from app.vault.settings import Setting

if TYPE_CHECKING:
    from app.vault.session import Session

MAX_TARGET = 10.0  # FTE per 40,000 inhabitants
SCHKG_GROUP = "SCHKG"  # pregnancy and conflict counselling together (SchKG-AG LSA)

TARGETS: Setting[dict[str, float]] = Setting(
    "district.targets", dict[str, float], dict, audit_action="district.targets_set"
)


def targets(session: Session) -> dict[str, float]:
    require_district(session)
    return TARGETS.read(session)


def set_targets(session: Session, values: dict[str, float]) -> dict[str, float]:
    """The district's targets in FTE per 40,000 inhabitants (0 or missing: no target)."""
    require_district(session)
    session.require_lead("Das Festlegen von Zielwerten", "Setting targets")
    fields = {c.code for c in session.scheme.codes("field")} | {SCHKG_GROUP}
    out = {}
    for field, value in values.items():
        if field not in fields:
            raise StaffingRefused(
                f"„{field}“ ist kein Beratungsfeld.", f"'{field}' is not a counselling field."
            )
        if not 0 <= value <= MAX_TARGET:
            raise StaffingRefused(
                f"Zielwert für {field}: zwischen 0 und {MAX_TARGET:g} Vollzeitstellen je "
                "40.000 Einwohner.",
                f"Target for {field}: between 0 and {MAX_TARGET:g} full-time posts per "
                "40,000 inhabitants.",
            )
        if value:
            out[field] = round(float(value), 2)
    out = dict(sorted(out.items()))
    TARGETS.write(session, out)
    return out
