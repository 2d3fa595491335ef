"""staffing.json: an office's staff capacity per counselling field for one period.

Full-time equivalents (FTE, 1.0 = one full-time post) per counselling field of the scheme, as
the office lead records them. The file travels in the submission package (optional, listed
in the signed manifest like every other file; docs/submission-format.md) and the district
checks it with ``decode`` before keeping it. Staff figures are about posts, not people
counselled: no disclosure control applies.
"""

from __future__ import annotations

import msgspec

from app.errors import StaffingRefused

FORMAT = "fallzahl-staffing/1"
FILE_NAME = "staffing.json"
MAX_FTE = 50.0  # per field and office; more is a typing error


class Staffing(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    format: str = FORMAT
    office_id: str
    period: str
    fte: dict[str, float]  # counselling field code -> full-time equivalents


def check_fte(fte: dict[str, float], fields: set[str]) -> dict[str, float]:
    """The FTE per field, rounded to hundredths; refused outside 0..50 or for unknown fields."""
    out = {}
    for field, value in fte.items():
        if field not in fields:
            raise StaffingRefused(
                f"„{field}“ ist kein Beratungsfeld des Kategorienschemas.",
                f"'{field}' is not a counselling field of the category scheme.",
            )
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise StaffingRefused(
                f"Vollzeitäquivalente für {field}: keine Zahl.",
                f"Full-time equivalents for {field}: not a number.",
            )
        if not 0 <= value <= MAX_FTE or value != value:
            raise StaffingRefused(
                f"Vollzeitäquivalente für {field}: zwischen 0 und {MAX_FTE:g} (1,0 = eine "
                "volle Stelle).",
                f"Full-time equivalents for {field}: between 0 and {MAX_FTE:g} (1.0 = one "
                "full-time post).",
            )
        if value:
            out[field] = round(float(value), 2)
    return dict(sorted(out.items()))


def encode(staffing: Staffing) -> bytes:
    return msgspec.json.encode(staffing)


def decode(data: bytes, fields: set[str], *, office_id: str, period: str) -> Staffing:
    """A package's staffing.json, checked: format, office, period, fields and bounds."""
    try:
        got = msgspec.json.decode(data, type=Staffing)
    except (msgspec.ValidationError, msgspec.DecodeError) as exc:
        raise StaffingRefused(
            f"staffing.json ist beschädigt ({exc}).", f"staffing.json is damaged ({exc})."
        ) from exc
    if got.format != FORMAT or got.office_id != office_id or got.period != period:
        raise StaffingRefused(
            "staffing.json gehört nicht zu diesem Paket (Format, Stelle oder Zeitraum).",
            "staffing.json does not belong to this package (format, office or period).",
        )
    return msgspec.structs.replace(got, fte=check_fte(got.fte, fields))
