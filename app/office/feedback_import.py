"""Office side of feedback: check the district's feedback file and keep it ("Ihre Daten im
Sozialplan").

``import_feedback`` checks the signature against the district keys the office trusts (the
same as for receipts: app/office/district_trust.py), that it is for the office's district,
and that it is newer than the edition already held for that period; it keeps the verified
file (setting ``office.feedback``: period -> feedback). ``standing`` tells the office what of its data the
district used and how it compares, from the published figures only.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from app.errors import FeedbackOtherOffice, FeedbackOutdated
from app.exchange.feedback import Feedback, read_feedback
from app.office import export
from app.office.district_trust import district_keys
from app.office.info import office_info
from app.vault.settings import Setting

if TYPE_CHECKING:
    from app.vault.session import Session

HELD: Setting[dict[str, Feedback]] = Setting(
    "office.feedback", dict[str, Feedback], dict, lead_only=False,
    audit_action="office.feedback_imported",
)  # fmt: skip


def import_feedback(session: Session, data: bytes, signature: bytes | None) -> Feedback:
    got = read_feedback(data, signature, district_keys(session))
    ags = session.scheme.district.ags
    if got.district_ags != ags:
        raise FeedbackOtherOffice(
            f"Die Rückmeldung ist vom Landkreis {got.district} ({got.district_ags}), nicht von "
            "dem dieser Beratungsstelle. Bitte die richtige Datei wählen.",
            f"The feedback is from district {got.district} ({got.district_ags}), not this "
            "office's. Choose the right file.",
        )
    held = HELD.read(session)
    before = held.get(got.period)
    if before is not None and got.version <= before.version:
        raise FeedbackOutdated(
            f"Für {got.period} liegt schon die Ausgabe {before.version} vom "
            f"{before.created_at[:10]} vor; diese Datei ist Ausgabe {got.version}. Eine ältere "
            "oder dieselbe Ausgabe wird nicht übernommen.",
            f"Edition {before.version} of {before.created_at[:10]} is already here for "
            f"{got.period}; this file is edition {got.version}. An older or the same edition "
            "is not taken.",
        )
    HELD.write(session, {**held, got.period: got})
    return got


def import_feedback_file(session: Session, path: str | Path) -> Feedback:
    """The feedback file and its ``.minisig`` beside it."""
    path = Path(path)
    sig_path = path.with_name(path.name + ".minisig")
    signature = sig_path.read_bytes() if sig_path.exists() else None
    return import_feedback(session, path.read_bytes(), signature)


def held(session: Session) -> dict[str, Feedback]:
    """period -> the newest feedback imported for it."""
    return HELD.read(session)


class Standing(msgspec.Struct, frozen=True, kw_only=True):
    """What of the office's data the district used in one feedback, and how it compares."""

    period: str
    version: int
    counted: tuple[tuple[str, int, bool], ...]  # (quarter, sequence, sent from this vault)
    sent_not_counted: tuple[tuple[str, int], ...]  # sent packages of the period not counted
    measures: tuple[str, ...]
    office: tuple[int | None, ...]  # the office's published totals (None: hidden)
    district: tuple[int | None, ...]
    shares: tuple[float | None, ...]  # office / district, per measure
    offices_counted: int
    hidden_cells: int  # district table cells withheld by disclosure control
    cells: int


def standing(session: Session, feedback: Feedback) -> Standing:
    info = office_info(session)
    office_id = info.office_id if info else ""
    mine = next((o for o in feedback.offices if o.office_id == office_id), None)
    counted = mine.counted if mine else ()
    sent = export.sent_packages(session)
    sent_shas = {p.sha256 for p in sent}
    counted_shas = {c.package_sha256 for c in counted}
    quarters = {c.period for c in counted}
    period_labels = quarters or {feedback.period}
    not_counted = tuple(
        (p.period, p.sequence)
        for p in sent
        if (p.period in period_labels or p.period.startswith(feedback.period))
        and p.sha256 not in counted_shas
    )
    values = mine.values if mine else tuple(None for _ in feedback.measures)
    shares = tuple(
        (v / d) if v is not None and d else None
        for v, d in zip(values, feedback.district_totals, strict=True)
    )
    return Standing(
        period=feedback.period,
        version=feedback.version,
        counted=tuple((c.period, c.sequence, c.package_sha256 in sent_shas) for c in counted),
        sent_not_counted=not_counted,
        measures=feedback.measures,
        office=tuple(values),
        district=feedback.district_totals,
        shares=shares,
        offices_counted=sum(1 for o in feedback.offices if o.counted),
        hidden_cells=sum(1 for r in feedback.table if r.value is None),
        cells=len(feedback.table),
    )
