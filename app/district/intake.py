"""What the district has received, and the sequence rules for a new package (pure).

Every office numbers its packages 1, 2, 3, ... (one counter across all periods, gaps
allowed). The one sequence rule: a package is taken only when its number is greater than
the greatest number accepted from that office so far. The desk refuses

- a package it has already (same SHA-256), or another one with a number already used
  (ImportReplay),
- any other number not above the last accepted one (ImportRollback: an old package sent
  again, or sent after a newer one),
- a ``supersedes`` that names no package received from the same office for the same period,
  or one already corrected, and a second package for a period it already has that does not
  name the accepted one in ``supersedes`` (ImportCorrectionMismatch). Corrections keep the
  history: the earlier package stays, marked as superseded.

docs/submission-format.md states the same rules for the offices.
"""

from __future__ import annotations

import datetime as dt

import msgspec

from app.errors import ImportCorrectionMismatch, ImportReplay, ImportRollback


class Received(msgspec.Struct, frozen=True, kw_only=True):
    sha256: str  # of the package file as received
    office_id: str
    period: str
    period_start: dt.date
    period_end: dt.date
    sequence: int
    supersedes: str | None
    received_at: dt.datetime
    key_id: str
    scheme_id: str
    scheme_version: int
    file_name: str = ""
    superseded_by: str | None = None
    receipt_at: dt.datetime | None = None  # when the receipt was written


class Intake(msgspec.Struct, frozen=True, kw_only=True):
    packages: tuple[Received, ...] = ()
    last_sequence: dict[str, int] = {}

    def find(self, sha256: str) -> Received | None:
        return next((p for p in self.packages if p.sha256 == sha256), None)

    def current(self) -> dict[tuple[str, str], Received]:
        """(office id, period) -> the package that counts (the latest correction)."""
        return {(p.office_id, p.period): p for p in self.packages if p.superseded_by is None}

    def history(self, office_id: str, period: str) -> list[Received]:
        """Every package of one office and period, oldest first."""
        got = [p for p in self.packages if p.office_id == office_id and p.period == period]
        return sorted(got, key=lambda p: p.sequence)


def already_here(same: Received) -> ImportReplay:
    return ImportReplay(
        f"Dieses Paket ({same.office_id}, {same.period}, Nr. {same.sequence}) wurde bereits "
        f"am {same.received_at:%d.%m.%Y} eingelesen. Es wird nicht noch einmal gezählt; "
        "nichts zu tun.",
        f"This package ({same.office_id}, {same.period}, no. {same.sequence}) was already "
        f"imported on {same.received_at.date().isoformat()}. It is not counted twice; "
        "nothing to do.",
    )


def _short(sha: str) -> str:
    return sha[:12]


def check(
    intake: Intake,
    office_id: str,
    period: str,
    sequence: int,
    supersedes: str | None,
    sha256: str,
) -> Received | None:
    """Refuse by the sequence rules; return the package this one corrects (or None)."""
    same = intake.find(sha256)
    if same is not None:
        raise already_here(same)
    last = intake.last_sequence.get(office_id, 0)
    if sequence <= last:
        used = next(
            (p for p in intake.packages if p.office_id == office_id and p.sequence == sequence),
            None,
        )
        if used is not None:
            raise ImportReplay(
                f"Die Beratungsstelle {office_id} hat die Paketnummer {sequence} bereits für "
                f"ein anderes Paket ({used.period}) verwendet. Ein Paket mit derselben Nummer "
                "wird nicht angenommen; bitte die Stelle, das Paket neu zu exportieren.",
                f"Office {office_id} already used package number {sequence} for another "
                f"package ({used.period}). A package with the same number is refused; ask "
                "the office to export it again.",
            )
        raise ImportRollback(
            f"Das Paket von {office_id} trägt die Nummer {sequence}, angenommen ist bereits "
            f"Nr. {last}. Ein älteres Paket wird nicht wieder eingelesen (es könnte neuere "
            "Daten überschreiben). Gilt es wirklich, bitte die Stelle um eine Korrektur.",
            f"The package from {office_id} has number {sequence}, but no. {last} is already "
            "accepted. An older package is never taken back (it could overwrite newer data). "
            "If it really applies, ask the office for a correction.",
        )
    if supersedes is not None:
        earlier = intake.find(supersedes)
        if earlier is None or (earlier.office_id, earlier.period) != (office_id, period):
            if earlier is None:
                why_de = f"das Paket {_short(supersedes)}… ist hier nicht eingegangen"
                why_en = f"package {_short(supersedes)}... was not received here"
            else:
                why_de = (
                    f"das Paket {_short(supersedes)}… ist von {earlier.office_id} für "
                    f"{earlier.period}"
                )
                why_en = (
                    f"package {_short(supersedes)}... is from {earlier.office_id} for "
                    f"{earlier.period}"
                )
            raise ImportCorrectionMismatch(
                f"Das Paket von {office_id} für {period} gibt an, ein früheres zu "
                f"korrigieren, aber {why_de}. Eine Korrektur ersetzt nur ein eingegangenes "
                "Paket derselben Stelle und desselben Zeitraums; bitte zuerst das "
                "ursprüngliche Paket einlesen oder die Stelle fragen.",
                f"The package from {office_id} for {period} says it corrects an earlier one, "
                f"but {why_en}. A correction replaces only a received package of the same "
                "office and period; import the original package first or ask the office.",
            )
    head = intake.current().get((office_id, period))
    if head is None:
        return None
    if supersedes != head.sha256:
        earlier = intake.find(supersedes) if supersedes else None
        if earlier is not None:
            why_de = (
                f"es korrigiert Paket Nr. {earlier.sequence}, das bereits durch "
                f"Nr. {head.sequence} ersetzt ist"
            )
            why_en = (
                f"it corrects package no. {earlier.sequence}, already replaced by "
                f"no. {head.sequence}"
            )
        else:
            why_de = "es nennt nicht das angenommene Paket, das es ersetzen soll"
            why_en = "it does not name the accepted package it replaces"
        raise ImportCorrectionMismatch(
            f"Für {office_id} und {period} liegt schon Paket Nr. {head.sequence} "
            f"({_short(head.sha256)}…) vor; das neue Paket ist keine passende Korrektur: "
            f"{why_de}. Bitte die Stelle, den Zeitraum als Korrektur neu zu exportieren.",
            f"Package no. {head.sequence} ({_short(head.sha256)}...) for {office_id} and "
            f"{period} is already here; the new package is no matching correction: {why_en}. "
            "Ask the office to export the period again as a correction.",
        )
    return head


def accept(intake: Intake, package: Received) -> Intake:
    """The intake with ``package`` added (and the package it corrects marked superseded)."""
    head = intake.current().get((package.office_id, package.period))
    packages = [
        msgspec.structs.replace(p, superseded_by=package.sha256)
        if head is not None and p.sha256 == head.sha256
        else p
        for p in intake.packages
    ]
    packages.append(package)
    last = dict(intake.last_sequence)
    last[package.office_id] = max(last.get(package.office_id, 0), package.sequence)
    return Intake(packages=tuple(packages), last_sequence=last)


def with_receipt(intake: Intake, sha256: str, when: dt.datetime) -> Intake:
    packages = tuple(
        msgspec.structs.replace(p, receipt_at=when) if p.sha256 == sha256 else p
        for p in intake.packages
    )
    return msgspec.structs.replace(intake, packages=packages)
