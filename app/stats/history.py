"""Tallies across the office's history: frozen for closed periods, counted for open ones.

A closing freezes the period's records (app/vault/archive.py) together with its *frozen
tallies*: the tally of the closed period and of each whole quarter inside it, computed
here from the records at that moment and kept sealed as canonical tallies.json. Reading a
closed period's figures (the package, the dashboard's trend, ``tally``) then decodes no
record; ``check`` recomputes every frozen tally from the records and names any that
disagrees. The session is used only through its methods (stats does not import vault).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from app.errors import FallzahlError, TallyRefused
from app.records.model import Case, Contact
from app.records.periods import Period, parse_period, quarter
from app.scheme.mapping import mapper
from app.scheme.model import Scheme
from app.stats import tally_io
from app.stats.tally import Tally, tally


def frozen_labels(period: Period) -> list[Period]:
    """The periods frozen with ``period``: itself and every whole quarter inside it."""
    out = [period]
    for y in range(period.start.year, period.end.year + 1):
        for q in range(1, 5):
            p = quarter(y, q)
            if p.label != period.label and period.start <= p.start and p.end <= period.end:
                out.append(p)
    return out


def count(
    scheme: Scheme,
    cases: Sequence[Case],
    contacts: Sequence[Contact],
    period: Period,
    activities: Iterable = (),
) -> Tally:
    """The office's unsuppressed tally of ``period`` (codes of earlier versions mapped)."""
    return tally(scheme, cases, contacts, period, map_code=mapper(scheme), activities=activities)


def frozen_tallies(session: Any, period: Period, activities: Sequence = ()) -> dict[str, bytes]:
    """label -> tallies.json of the periods frozen with the closed ``period``."""
    cases, contacts = session.records_for(period)
    scheme = session.scheme
    return {
        p.label: tally_io.to_json(count(scheme, cases, contacts, p, activities))
        for p in frozen_labels(period)
    }


def frozen(session: Any, label: str) -> Tally | None:
    """The frozen tally of ``label`` if one is kept (TallyRefused when it does not read)."""
    raw = session.frozen_tally(label)
    return tally_io.from_json(raw, session.scheme) if raw is not None else None


def period_tally(session: Any, period: Period, activities: Iterable = ()) -> Tally:
    """The office's tally of ``period``: the frozen one when kept under the active scheme,
    else counted from exactly the records it needs (and ``activities``)."""
    scheme = session.scheme
    kept = frozen(session, period.label)
    if kept is not None and (kept.scheme_id, kept.scheme_version) == (scheme.id, scheme.version):
        return kept
    cases, contacts = session.records_for(period)
    return count(scheme, cases, contacts, period, activities)


def _disagrees(label: str) -> FallzahlError:
    return FallzahlError(
        f"Die eingefrorene Auszählung von {label} stimmt nicht mit den Datensätzen überein. "
        "Stellen Sie die letzte Sicherung wieder her oder öffnen Sie den Zeitraum wieder und "
        "schließen Sie ihn erneut ab (das zählt neu aus).",
        f"The frozen tally of {label} does not agree with its records. Restore the latest "
        "backup, or reopen the period and close it again (which counts it anew).",
    )


def check(session: Any, activities: Sequence = ()) -> list[FallzahlError]:
    """Recompute every frozen tally from the records; one finding per disagreeing tally.

    A tally frozen under another scheme version is compared by its totals (those do not
    depend on codes); under the active scheme, row by row.
    """
    labels = session.frozen_tally_labels()
    if not labels:
        return []
    scheme = session.scheme
    cases, contacts = session.all_cases(), session.all_contacts()
    out: list[FallzahlError] = []
    for label in labels:
        try:
            kept = frozen(session, label)
        except TallyRefused:
            out.append(_disagrees(label))
            continue
        except FallzahlError as exc:
            out.append(exc)
            continue
        if kept is None:
            out.append(_disagrees(label))
            continue
        again = count(scheme, cases, contacts, parse_period(label), activities)
        if (kept.scheme_id, kept.scheme_version) == (scheme.id, scheme.version):
            same = kept.rows == again.rows
        else:
            same = {r for r in kept.rows if not r.dims} == {r for r in again.rows if not r.dims}
        if not same:
            out.append(_disagrees(label))
    return out
