"""Undo and redo of the last saves within one unlocked session.

Every save through an UndoLog remembers the version it replaced (or that it created the
record) and the version it wrote. Undo re-saves the previous version, or deletes the record
the save created; redo writes the saved version again. Both are ordinary, audited saves or
deletes. Saves made together (a contact and the case whose begin it moved) are undone and
redone together. A new save forgets what could be redone. Deleting a case or a contact is
not undone (it asks for confirmation first, and a case takes its contacts along); deleting
an activity is, since nothing hangs on it: undo saves it again, redo deletes it again. The
log lives in memory only and is forgotten on lock.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import msgspec

from app.errors import FallzahlError
from app.records.model import Activity, Case, Contact
from app.vault import activities

if TYPE_CHECKING:
    from app.vault.session import Session

CASES = "cases"
CONTACTS = "contacts"
ACTIVITIES = activities.TABLE


class Step(msgspec.Struct, frozen=True):
    table: str
    record_id: str
    previous: Case | Contact | Activity | None  # None: the save created the record
    saved: Case | Contact | Activity | None = None  # the version written; None: deleted


class NothingToUndo(FallzahlError):
    pass


class NothingToRedo(FallzahlError):
    pass


Change = tuple[Step, ...]  # saves made together, in the order they were made


class UndoLog:
    def __init__(self, limit: int = 100) -> None:
        self.limit = limit
        self._done: list[Change] = []
        self._undone: list[Change] = []

    def __len__(self) -> int:
        return len(self._done)

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()

    def peek(self) -> Step | None:
        """The newest save that undo would revert (the last of its change)."""
        return self._done[-1][-1] if self._done else None

    def can_redo(self) -> bool:
        return bool(self._undone)

    def _push(self, change: Change) -> None:
        self._done.append(change)
        del self._done[: -self.limit]
        self._undone.clear()

    def save_case(self, session: Session, case: Case) -> Case:
        previous = _existing_case(session, case.id)
        saved = session.save_case(case)
        self._push((Step(CASES, case.id, previous, saved),))
        return saved

    def save_contact(self, session: Session, contact: Contact, case: Case | None = None) -> Contact:
        """Saves the contact; with ``case``, first that version of its case (both undone
        together; if the contact is refused, the case is put back as it was)."""
        steps: list[Step] = []
        if case is not None:
            previous_case = _existing_case(session, case.id)
            steps.append(Step(CASES, case.id, previous_case, session.save_case(case)))
        previous = _existing_contact(session, contact.id)
        try:
            saved = session.save_contact(contact)
        except FallzahlError:
            if steps:
                _revert(session, steps[0])
            raise
        steps.append(Step(CONTACTS, contact.id, previous, saved))
        self._push(tuple(steps))
        return saved

    def save_activity(
        self, session: Session, activity: Activity, today: dt.date | None = None
    ) -> Activity:
        previous = activities.stored(session, activity.id)
        saved = activities.save_activity(session, activity, today)
        self._push((Step(ACTIVITIES, activity.id, previous, saved),))
        return saved

    def delete_activity(self, session: Session, activity_id: str) -> None:
        previous = activities.stored(session, activity_id)
        activities.delete_activity(session, activity_id)
        self._push((Step(ACTIVITIES, activity_id, previous, None),))

    def forget(self, table: str, record_ids: set[str]) -> None:
        """The records were deleted: their saves can no longer be undone or redone."""

        def keep(change: Change) -> bool:
            return not any(s.table == table and s.record_id in record_ids for s in change)

        self._done = [c for c in self._done if keep(c)]
        self._undone = [c for c in self._undone if keep(c)]

    def undo(self, session: Session) -> Step:
        """Reverts the newest change and returns its last step."""
        if not self._done:
            raise NothingToUndo("Es gibt nichts rückgängig zu machen.", "There is nothing to undo.")
        change = self._done[-1]
        for step in reversed(change):
            gone = set()
            if step.table == CASES and step.previous is None:  # its contacts go with it
                gone = {c.id for c in session.contacts() if c.case_id == step.record_id}
            _revert(session, step)
            if gone:
                self.forget(CONTACTS, gone)
        self._done = [c for c in self._done if c is not change]
        self._undone.append(change)
        return change[-1]

    def redo(self, session: Session) -> Step:
        """Writes the newest undone change again and returns its last step."""
        if not self._undone:
            raise NothingToRedo("Es gibt nichts wiederherzustellen.", "There is nothing to redo.")
        change = self._undone[-1]
        for step in change:
            if isinstance(step.saved, Case):
                session.save_case(step.saved)
            elif isinstance(step.saved, Contact):
                session.save_contact(step.saved)
            elif isinstance(step.saved, Activity):
                activities.save_activity(session, step.saved)
            elif step.table == ACTIVITIES:
                activities.delete_activity(session, step.record_id)
        self._undone.pop()
        self._done.append(change)
        return change[-1]


def _revert(session: Session, step: Step) -> None:
    if step.previous is None:
        if step.table == CASES:
            session.delete_case(step.record_id)
        elif step.table == ACTIVITIES:
            activities.delete_activity(session, step.record_id)
        else:
            session.delete_contact(step.record_id)
    elif isinstance(step.previous, Case):
        session.save_case(step.previous)
    elif isinstance(step.previous, Activity):
        activities.save_activity(session, step.previous)
    else:
        session.save_contact(step.previous)


def _existing_case(session: Session, case_id: str) -> Case | None:
    try:
        return session.case(case_id)
    except FallzahlError:
        return None


def _existing_contact(session: Session, contact_id: str) -> Contact | None:
    return next((c for c in session.contacts() if c.id == contact_id), None)
