"""Staff capacity at the district: each office's FTE per field and period, and the targets.

The desk keeps the staffing.json of every accepted package (setting
``district.staffing.<package sha256>``), so the figures that count are those of the package
that counts (the latest correction). The district's own targets are app/district/targets.py's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from app.exchange import staffing as staffing_file
from app.records.periods import Period, quarter

if TYPE_CHECKING:
    from app.district.intake import Received
    from app.scheme.model import Scheme
    from app.vault.session import Session

FILE_NAME = staffing_file.FILE_NAME
PREFIX = "district.staffing."


def keep(session: Session, package_sha256: str, data: bytes) -> None:
    """Inside the import's transaction: store a package's checked staffing.json."""
    session.put_setting(PREFIX + package_sha256, data)


def check(data: bytes, scheme: Scheme, *, office_id: str, period: str) -> bytes:
    """A package's staffing.json, checked against the fields of the package's scheme and
    written canonically (pure: app/district/verify.py calls it)."""
    fields = {c.code for c in scheme.codes("field")}
    got = staffing_file.decode(data, fields, office_id=office_id, period=period)
    return staffing_file.encode(got)


def by_office(
    session: Session, period: Period, current: dict[tuple[str, str], Received]
) -> dict[str, dict[str, dict[str, float]]]:
    """office -> quarter -> field -> FTE, from the packages that count for ``period``
    (``current``: the intake's packages that count, by office and period)."""
    labels = _quarter_labels(period)
    out: dict[str, dict[str, dict[str, float]]] = {}
    for (office, label), got in current.items():
        if label not in labels:
            continue
        raw = session.get_setting(PREFIX + got.sha256)
        if raw is not None:
            fte = msgspec.json.decode(raw, type=staffing_file.Staffing).fte
            out.setdefault(office, {})[label] = fte
    return out


def _quarter_labels(period: Period) -> list[str]:
    return [
        quarter(y, n).label
        for y in range(period.start.year, period.end.year + 1)
        for n in range(1, 5)
        if quarter(y, n).start >= period.start and quarter(y, n).end <= period.end
    ]


def district_fte_of(
    offices: dict[str, dict[str, dict[str, float]]], quarters: list[str]
) -> dict[str, float]:
    """field -> FTE over the district: per quarter the offices' sum, then the mean over the
    quarters of the period (posts are a stock, not a flow)."""
    if not quarters:
        return {}
    sums: dict[str, float] = {}
    for per_quarter in offices.values():
        for label in quarters:
            for field, fte in per_quarter.get(label, {}).items():
                sums[field] = sums.get(field, 0.0) + fte
    return {f: round(v / len(quarters), 2) for f, v in sorted(sums.items())}


def district_fte(
    session: Session, period: Period, current: dict[tuple[str, str], Received]
) -> dict[str, float]:
    return district_fte_of(by_office(session, period, current), _quarter_labels(period))
