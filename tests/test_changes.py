"""Mutations report what changed (app/records/changes.py): the session notes every save,
delete and bulk add; the window takes the changes once and refreshes from them."""

from __future__ import annotations

from app.records import changes
from app.vault.undo import UndoLog
from tests.support.records import case, contact


def test_a_contact_save_names_its_case_and_a_move_names_both(session):
    a, b = case("2026-0001"), case("2026-0002")
    session.save_case(a)
    session.save_case(b)
    assert session.take_changes().cases_created == {a.id, b.id}
    k = contact(a.id)
    session.save_contact(k)
    assert session.take_changes().case_rows == {a.id}
    session.save_contact(contact(b.id, id=k.id))
    done = session.take_changes()
    assert done.contacts_saved == {k.id} and done.case_rows == {a.id, b.id}
    assert not done.case_list_changed
    assert not session.take_changes()  # taken once


def test_deleting_a_case_reports_its_contacts(session):
    a = case("2026-0001")
    session.save_case(a)
    k1, k2 = contact(a.id), contact(a.id)
    session.save_contact(k1)
    session.save_contact(k2)
    session.take_changes()
    done = session.delete_case(a.id)
    assert done.cases_deleted == {a.id} and done.contacts_deleted == {k1.id, k2.id}
    assert done.case_list_changed and not done.case_rows
    assert session.take_changes() == done


def test_undo_of_a_creation_reports_a_deletion(session):
    a = case("2026-0001")
    log = UndoLog()
    log.save_case(session, a)
    assert session.take_changes().cases_created == {a.id}
    log.undo(session)
    assert session.take_changes().cases_deleted == {a.id}


def test_changes_combine_and_a_deleted_case_is_no_longer_saved():
    a, b = case("2026-0001"), case("2026-0002")
    both = changes.case_saved(a, created=True) | changes.case_saved(b, created=False)
    assert both.cases_saved == {a.id, b.id} and both.cases_created == {a.id}
    gone = both | changes.case_deleted(a.id, set())
    assert gone.cases_saved == {b.id} and gone.case_rows == {b.id} and gone.cases_deleted == {a.id}
    assert not changes.Changes() and gone


def test_bulk_add_reports_every_record(session):
    a = case("2026-0001")
    k = contact(a.id)
    done = session.add_bulk([a], [k], "import")
    assert done.cases_created == {a.id} and done.contacts_saved == {k.id}
    assert done.case_rows == {a.id}
