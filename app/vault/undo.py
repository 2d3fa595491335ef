"""Undo of the last saves within one unlocked session.

Every save through an UndoLog remembers the version it replaced (or that it created the
record). Undo re-saves the previous version, or deletes the record the save created; it
is itself an ordinary, audited save or delete. Deletions are not undone: they ask for
confirmation first. The log lives in memory only and is forgotten on lock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from app.errors import FallzahlError
from app.records.model import Case, Contact

if TYPE_CHECKING:
    from app.vault.session import Session

CASES = "cases"
CONTACTS = "contacts"


class Step(msgspec.Struct, frozen=True):
    table: str
    record_id: str
    previous: Case | Contact | None  # None: the save created the record


class NothingToUndo(FallzahlError):
    pass


class UndoLog:
    def __init__(self, limit: int = 100) -> None:
        self.limit = limit
        self._steps: list[Step] = []

    def __len__(self) -> int:
        return len(self._steps)

    def clear(self) -> None:
        self._steps.clear()

    def peek(self) -> Step | None:
        return self._steps[-1] if self._steps else None

    def _push(self, step: Step) -> None:
        self._steps.append(step)
        del self._steps[: -self.limit]

    def save_case(self, session: Session, case: Case) -> Case:
        previous = _existing_case(session, case.id)
        saved = session.save_case(case)
        self._push(Step(CASES, case.id, previous))
        return saved

    def save_contact(self, session: Session, contact: Contact) -> Contact:
        previous = next((c for c in session.contacts() if c.id == contact.id), None)
        saved = session.save_contact(contact)
        self._push(Step(CONTACTS, contact.id, previous))
        return saved

    def forget(self, table: str, record_ids: set[str]) -> None:
        """The records were deleted: their saves can no longer be undone."""
        self._steps = [
            s for s in self._steps if not (s.table == table and s.record_id in record_ids)
        ]

    def undo(self, session: Session) -> Step:
        """Reverts the newest save and returns its step."""
        if not self._steps:
            raise NothingToUndo("Es gibt nichts rückgängig zu machen.", "There is nothing to undo.")
        step = self._steps[-1]
        if step.previous is None:
            if step.table == CASES:
                gone = {c.id for c in session.contacts() if c.case_id == step.record_id}
                session.delete_case(step.record_id)
                self.forget(CONTACTS, gone)
            else:
                session.delete_contact(step.record_id)
        elif isinstance(step.previous, Case):
            session.save_case(step.previous)
        else:
            session.save_contact(step.previous)
        self._steps.pop()
        return step


def _existing_case(session: Session, case_id: str) -> Case | None:
    try:
        return session.case(case_id)
    except FallzahlError:
        return None
