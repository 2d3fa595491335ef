"""District side of feedback: the signed feedback file of a period for every office.

``make_feedback`` builds it from what the district publishes for the period (the report's
published table and office totals, the planning indicators) and signs it with the district's
key; each edition of a period gets the next version number (setting
``district.feedback_versions``), so offices can tell a newer edition from an older one.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from app.atomic import write_bytes
from app.crypto import signing
from app.district import desk as district
from app.district import indicators as ind
from app.exchange.feedback import (
    FORMAT,
    Counted,
    Feedback,
    OfficeFigures,
    encode,
    file_name,
    trusted_comment,
)
from app.records.periods import parse_period
from app.vault.settings import Setting

if TYPE_CHECKING:
    from app.vault.session import Session

VERSIONS: Setting[dict[str, int]] = Setting("district.feedback_versions", dict[str, int], dict)


def make_feedback(
    session: Session, period_text: str, now: dt.datetime | None = None
) -> tuple[str, bytes, bytes]:
    """(file name, feedback bytes, signature bytes) for the period; counts the edition."""
    from app.district.report import _quarters

    district.require_district(session)
    session.require_lead("Das Veröffentlichen der Rückmeldung", "Publishing the feedback")
    period = parse_period(period_text)
    info = district.district_info(session)
    scheme = session.scheme
    rep = ind.planning_report(session, period)
    got = ind.indicators(session, period.label)
    quarters = {q.label for q in _quarters(period)}
    current = district.intake(session).current()
    counted: dict[str, list[Counted]] = {}
    for (office, label), pkg in sorted(current.items()):
        if label in quarters:
            counted.setdefault(office, []).append(
                Counted(period=label, sequence=pkg.sequence, package_sha256=pkg.sha256)
            )
    totals = dict(rep.by_office)
    enrolled = sorted({o.office_id for o in district.registry(session).offices} | set(counted))
    offices = tuple(
        OfficeFigures(
            office_id=o,
            counted=tuple(counted.get(o, ())),
            values=tuple(totals.get(o, tuple(None for _ in rep.measures))),
        )
        for o in enrolled
    )
    secret = district.signing_key(session)
    versions = VERSIONS.read(session)
    version = versions.get(period.label, 0) + 1
    now = now or dt.datetime.now().replace(microsecond=0)
    feedback = Feedback(
        format=FORMAT,
        district=info.name,
        district_ags=scheme.district.ags,
        period=period.label,
        version=version,
        created_at=now.isoformat(),
        scheme_id=rep.scheme_id,
        scheme_version=rep.scheme_version,
        threshold=rep.threshold,
        measures=rep.measures,
        district_totals=rep.district_totals,
        missing=rep.missing,
        offices=offices,
        table=rep.published.rows,
        indicators=got,
        signer_key_id=signing.key_id(signing.public_key_from_secret(secret)),
    )
    data = encode(feedback)
    sig = signing.sign(data, secret, trusted_comment(feedback))
    with session.store.transaction():
        VERSIONS.write(session, {**versions, period.label: version})
        session.audit("district.feedback", f"{file_name(feedback)}")
    return file_name(feedback), data, sig


def write_feedback(
    session: Session, period_text: str, out_dir: str | Path, now: dt.datetime | None = None
) -> Path:
    """Write the feedback file and its .minisig into ``out_dir`` (atomically); its path."""
    name, data, sig = make_feedback(session, period_text, now)
    target = Path(out_dir) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    write_bytes(target, data)
    write_bytes(target.with_name(target.name + ".minisig"), sig)
    return target
