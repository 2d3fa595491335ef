"""Closing a reporting period: findings before the close, the close itself, reopening.

A lead closes a period once its records are complete enough; the office then exports the
submission package for it (app/package.py). After the close the records that make up that
period's tallies are frozen, so the package and the vault keep telling the same story:

- a contact dated in a closed period cannot be added, changed or deleted;
- a case that is active in a closed period (opened on or before its end, not closed before
  its start) keeps its coded items: opening date, fields, sex, age band, household,
  children, municipality, the yes/no items, referral, problems and scheme version cannot
  change, and the case cannot be deleted. It may still get contacts in open periods, and
  it may be closed (closing date and ending set or changed) as long as the closing date
  falls after the end of every closed period it is active in. A new case cannot be
  opened inside a closed period.

To correct a closed period a lead reopens it with a reason (audited); the next package
for it is a correction that supersedes the previous one.

The closed periods are kept as one sealed setting ("periods.closed"), the reopen history
as another ("periods.reopened").
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import msgspec

from app.errors import FallzahlError, PeriodClosed, PeriodNotReady, UsageError
from app.records.freeze import (  # the readers belong to the close workflow too
    CLOSED,
    REOPENED,
    ClosedPeriod,
    Reopened,
    active_in,
    closed_entry,
    closed_periods,
    is_closed,
    reopen_history,
)
from app.records.model import CASE_REQUIRED_FOR_COMPLETENESS
from app.records.periods import Period

if TYPE_CHECKING:
    from app.vault.session import Session

BLOCKING, WARNING = "blocking", "warning"


class Finding(msgspec.Struct, frozen=True, kw_only=True):
    """One thing to look at before closing: ``severity`` is "blocking" or "warning"."""

    severity: str
    kind: str  # incomplete | no_ending | contact_outside_case | contact_without_case | ...
    record: str  # case code or "contact <date>"; never a person
    de: str
    en: str

    def message(self, language: str | None = None) -> str:
        from app import lang

        return self.en if (language or lang.current()) == "en" else self.de

    @property
    def blocking(self) -> bool:
        return self.severity == BLOCKING


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


# findings
def findings(session: Session, period: Period, today: dt.date | None = None) -> list[Finding]:
    """What stands in the way of closing ``period`` (blocking first, then warnings)."""
    start, end = period.start, period.end
    cases, contacts = session.records_for(period)
    by_id = {c.id: c for c in cases}
    out: list[Finding] = []
    today = today or dt.date.today()
    if end >= today:
        out.append(
            Finding(
                severity=WARNING,
                kind="not_over",
                record=period.label,
                de=f"Der Zeitraum {period.label} endet erst am {end:%d.%m.%Y}; Kontakte "
                "bis dahin können nach dem Abschluss nicht mehr erfasst werden.",
                en=f"The period {period.label} only ends on {end.isoformat()}; contacts up "
                "to then cannot be recorded after closing.",
            )
        )
    in_period = [k for k in contacts if start <= k.date <= end]
    with_contact: set[str] = set()
    for k in in_period:
        if k.case_id is None:
            continue
        case = by_id.get(k.case_id)
        if case is None:
            out.append(
                Finding(
                    severity=BLOCKING,
                    kind="contact_without_case",
                    record=f"contact {k.date.isoformat()}",
                    de=f"Ein Kontakt vom {k.date:%d.%m.%Y} gehört zu einem Fall, den es nicht "
                    "mehr gibt. Löschen Sie den Kontakt oder ordnen Sie ihn neu zu.",
                    en=f"A contact on {k.date.isoformat()} belongs to a case that no longer "
                    "exists. Delete the contact or assign it again.",
                )
            )
            continue
        with_contact.add(case.id)
        if k.date < case.opened or (case.closed is not None and k.date > case.closed):
            out.append(
                Finding(
                    severity=BLOCKING,
                    kind="contact_outside_case",
                    record=case.code,
                    de=f"Fall {case.code}: ein Kontakt am {k.date:%d.%m.%Y} liegt außerhalb "
                    "der Laufzeit des Falls. Korrigieren Sie das Datum des Kontakts oder "
                    "des Falls.",
                    en=f"Case {case.code}: a contact on {k.date.isoformat()} lies outside the "
                    "case's dates. Correct the contact's or the case's date.",
                )
            )
    for case in sorted(cases, key=lambda c: c.code):
        if not active_in(case, start, end):
            continue
        missing = [item for item in CASE_REQUIRED_FOR_COMPLETENESS if not getattr(case, item)]
        if missing:
            missing_de = ", ".join(_item_label(session, i, "de") for i in missing)
            missing_en = ", ".join(_item_label(session, i, "en") for i in missing)
            out.append(
                Finding(
                    severity=BLOCKING,
                    kind="incomplete",
                    record=case.code,
                    de=f"Fall {case.code}: es fehlt {missing_de}. Bitte ergänzen "
                    "(oder „unbekannt“ wählen).",
                    en=f"Case {case.code}: {missing_en} missing. Please fill in "
                    "(or choose 'unknown').",
                )
            )
        if case.closed is not None and case.closed <= end and not case.ending:
            out.append(
                Finding(
                    severity=BLOCKING,
                    kind="no_ending",
                    record=case.code,
                    de=f"Fall {case.code} ist abgeschlossen, aber ohne Beendigungsgrund.",
                    en=f"Case {case.code} is closed but has no ending reason.",
                )
            )
        if case.closed is None and case.id not in with_contact and case.opened < start:
            out.append(
                Finding(
                    severity=WARNING,
                    kind="no_contact",
                    record=case.code,
                    de=f"Fall {case.code} ist offen, hatte aber im Zeitraum keinen Kontakt. "
                    "Ist er beendet? Dann bitte abschließen.",
                    en=f"Case {case.code} is open but had no contact in the period. Has it "
                    "ended? Then please close it.",
                )
            )
    out.sort(key=lambda f: f.severity != BLOCKING)
    return out


def _item_label(session: Session, item: str, language: str) -> str:
    from app.stats.tally import ITEM, code_label

    try:
        return code_label(ITEM, item, session.scheme, language)
    except (KeyError, FallzahlError):
        return item


# close and reopen
def close_period(
    session: Session, period: Period, accepted_reason: str | None = None
) -> ClosedPeriod:
    """Close ``period`` (leads only). Blocking findings need ``accepted_reason`` (audited)."""
    session.require_lead("Das Abschließen eines Zeitraums", "Closing a period")
    if is_closed(session, period):
        raise PeriodClosed(
            f"Der Zeitraum {period.label} ist bereits abgeschlossen.",
            f"The period {period.label} is already closed.",
        )
    found = findings(session, period)
    blocking = [f for f in found if f.blocking]
    reason = (accepted_reason or "").strip() or None
    if blocking and reason is None:
        first = "; ".join(f.de for f in blocking[:3])
        first_en = "; ".join(f.en for f in blocking[:3])
        more = f" (+{len(blocking) - 3})" if len(blocking) > 3 else ""
        raise PeriodNotReady(
            f"{len(blocking)} offene Punkte verhindern den Abschluss von {period.label}: "
            f"{first}{more}. Beheben Sie sie oder nehmen Sie sie mit einer Begründung an.",
            f"{len(blocking)} open points prevent closing {period.label}: {first_en}{more}. "
            "Fix them or accept them with a reason.",
        )
    entry = ClosedPeriod(
        label=period.label,
        start=period.start,
        end=period.end,
        closed_at=_now(),
        closed_by=session.user,
        accepted_reason=reason if blocking else None,
        accepted_findings=len(blocking),
    )
    closed = [*closed_periods(session), entry]
    detail = period.label
    if blocking:
        detail += f"; {len(blocking)} findings accepted: {reason}"
    session.put_setting(CLOSED, msgspec.json.encode(closed))
    session.audit("period.closed", detail)
    freeze_closed(session)
    return entry


def freeze_closed(session: Session) -> None:
    """Freeze every closed period no batch holds yet, oldest first, with its frozen tallies
    (app/vault/archive.py, app/stats/history.py). A period reopened and closed again is
    counted anew here, and so are the later closed periods its reopening thawed."""
    from app.stats.history import frozen_tallies
    from app.vault.activities import activities

    held = {b.label for b in session.frozen_batches()}
    done = activities(session) if session.scheme.items else ()
    for closed in sorted(closed_periods(session), key=lambda c: (c.start, c.end)):
        if closed.label not in held:
            session.freeze_period(closed.period, frozen_tallies(session, closed.period, done))


def reopen_period(session: Session, period: Period, reason: str) -> Reopened:
    """Reopen a closed period for a correction (leads only; the reason is audited)."""
    session.require_lead("Das Wiedereröffnen eines Zeitraums", "Reopening a period")
    reason = (reason or "").strip()
    if not reason:
        raise UsageError(
            "Bitte geben Sie einen Grund für die Wiedereröffnung an (er wird protokolliert).",
            "Please give a reason for reopening (it is written to the audit log).",
        )
    closed_entry(session, period)
    session.thaw_period(period)  # first: a period never stays frozen while open
    closed = [c for c in closed_periods(session) if c.label != period.label]
    entry = Reopened(
        label=period.label, reopened_at=_now(), reopened_by=session.user, reason=reason
    )
    session.put_setting(CLOSED, msgspec.json.encode(closed))
    session.put_setting(REOPENED, msgspec.json.encode([*reopen_history(session), entry]))
    session.audit("period.reopened", f"{period.label}: {reason}")
    return entry
