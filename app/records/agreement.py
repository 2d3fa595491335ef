"""Case and contact dates agree: a case begins with its first contact and ends after its last.

Nothing is changed silently. A contact dated before its case's begin moves the begin to
the contact's day (the caller shows the note); a contact after the case's end needs the
user's answer (move the end to the contact's day, or do not save). Changing a case's own
dates so that they no longer enclose its contacts is refused, naming the contact.
"""

from __future__ import annotations

from dataclasses import dataclass

import msgspec

from app.errors import InvalidRecord
from app.records.model import Case, Contact


@dataclass(frozen=True)
class Adjustment:
    """What saving a contact does to its case: ``case`` is the case to save with it;
    ``ask`` means the user must agree first; ``de``/``en`` say what and why."""

    case: Case
    ask: bool
    de: str
    en: str

    def message(self, language: str = "de") -> str:
        return self.en if language == "en" else self.de


def for_contact(case: Case, contact: Contact) -> Adjustment | None:
    """None if the contact lies within the case's dates; else the change it brings."""
    day = contact.date
    if day < case.opened:
        return Adjustment(
            msgspec.structs.replace(case, opened=day),
            ask=False,
            de=f"Der Beginn von Fall {case.code} ist vom {_de(case.opened)} auf den {_de(day)} "
            "vorverlegt: den Tag dieses Kontakts, der vor dem bisherigen Beginn liegt.",
            en=f"The start of case {case.code} moved from {_de(case.opened)} to {_de(day)}: "
            "the day of this contact, which lies before the previous start.",
        )
    if case.closed is not None and day > case.closed:
        return Adjustment(
            msgspec.structs.replace(case, closed=day),
            ask=True,
            de=f"Fall {case.code} ist am {_de(case.closed)} abgeschlossen; dieser Kontakt vom "
            f"{_de(day)} liegt danach. Das Ende des Falls auf den {_de(day)} verschieben und "
            "den Kontakt speichern? (Nein: nichts wird gespeichert.)",
            en=f"Case {case.code} was closed on {_de(case.closed)}; this contact on {_de(day)} "
            f"comes after that. Move the case's end to {_de(day)} and save the contact? "
            "(No: nothing is saved.)",
        )
    return None


def check_case(case: Case, contacts: list[Contact]) -> None:
    """Refuses case dates that leave one of its own contacts outside."""
    own = [k.date for k in contacts if k.case_id == case.id]
    if not own:
        return
    first, last = min(own), max(own)
    if case.opened > first:
        raise InvalidRecord(
            f"Beginn: Fall {case.code} hatte schon am {_de(first)} einen Kontakt; der Beginn "
            f"kann nicht danach liegen. Setzen Sie den Beginn auf den {_de(first)} oder früher.",
            f"Start: case {case.code} already had a contact on {_de(first)}; the start cannot "
            f"be later. Set the start to {_de(first)} or earlier.",
            "opened",
        )
    if case.closed is not None and case.closed < last:
        raise InvalidRecord(
            f"Ende: Fall {case.code} hatte noch am {_de(last)} einen Kontakt; das Ende kann "
            f"nicht davor liegen. Setzen Sie das Ende auf den {_de(last)} oder später.",
            f"End: case {case.code} still had a contact on {_de(last)}; the end cannot be "
            f"earlier. Set the end to {_de(last)} or later.",
            "closed",
        )


def _de(day) -> str:
    return day.strftime("%d.%m.%Y")
