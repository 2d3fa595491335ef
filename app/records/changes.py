"""What a mutation changed, by id (after Anki's OpChanges).

Every save, delete and undo the window runs returns one ``Changes``; the main window
refreshes its views from it in one place instead of by hand in each handler.
"""

from __future__ import annotations

import msgspec

from app.records.model import Case, Contact

_EMPTY: frozenset[str] = frozenset()


class Changes(msgspec.Struct, frozen=True, kw_only=True):
    cases_created: frozenset[str] = _EMPTY
    cases_saved: frozenset[str] = _EMPTY  # created or changed
    cases_deleted: frozenset[str] = _EMPTY
    contacts_saved: frozenset[str] = _EMPTY
    contacts_deleted: frozenset[str] = _EMPTY
    # cases whose summary (contact count, last contact, class) changed, deleted ones excluded
    case_rows: frozenset[str] = _EMPTY

    def __or__(self, other: Changes) -> Changes:
        deleted = self.cases_deleted | other.cases_deleted
        return Changes(
            cases_created=(self.cases_created | other.cases_created) - deleted,
            cases_saved=(self.cases_saved | other.cases_saved) - deleted,
            cases_deleted=deleted,
            contacts_saved=self.contacts_saved | other.contacts_saved,
            contacts_deleted=self.contacts_deleted | other.contacts_deleted,
            case_rows=(self.case_rows | other.case_rows) - deleted,
        )

    def __bool__(self) -> bool:
        return bool(
            self.cases_saved or self.cases_deleted or self.contacts_saved or self.contacts_deleted
        )

    @property
    def case_list_changed(self) -> bool:
        """Cases came or went (the list of case codes changed)."""
        return bool(self.cases_created or self.cases_deleted)


def case_saved(case: Case, *, created: bool) -> Changes:
    ids = frozenset({case.id})
    return Changes(cases_created=ids if created else _EMPTY, cases_saved=ids, case_rows=ids)


def contact_saved(contact: Contact, previous: Contact | None = None) -> Changes:
    rows = {c.case_id for c in (contact, previous) if c is not None and c.case_id}
    return Changes(contacts_saved=frozenset({contact.id}), case_rows=frozenset(rows))


def contact_deleted(contact: Contact) -> Changes:
    rows = frozenset({contact.case_id}) if contact.case_id else _EMPTY
    return Changes(contacts_deleted=frozenset({contact.id}), case_rows=rows)


def case_deleted(case_id: str, contact_ids: set[str]) -> Changes:
    return Changes(cases_deleted=frozenset({case_id}), contacts_deleted=frozenset(contact_ids))


def bulk_added(cases: list[Case], contacts: list[Contact]) -> Changes:
    case_ids = frozenset(c.id for c in cases)
    rows = case_ids | {c.case_id for c in contacts if c.case_id}
    return Changes(
        cases_created=case_ids,
        cases_saved=case_ids,
        contacts_saved=frozenset(c.id for c in contacts),
        case_rows=frozenset(rows),
    )
