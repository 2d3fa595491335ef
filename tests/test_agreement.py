"""Case and contact dates agree (app/records/agreement.py), and undo/redo of saves made
together (app/vault/undo.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.errors import FallzahlError, InvalidRecord
from app.records import agreement
from app.vault.undo import NothingToRedo, UndoLog
from tests.support.records import case, contact

D = dt.date

FITS = [
    # opened, closed, contact day -> (moved begin, moved end, ask)
    (D(2026, 3, 1), None, D(2026, 3, 1), None),
    (D(2026, 3, 1), None, D(2026, 5, 1), None),
    (D(2026, 3, 1), D(2026, 4, 1), D(2026, 4, 1), None),
    (D(2026, 3, 1), None, D(2026, 2, 20), (D(2026, 2, 20), None, False)),
    (D(2026, 3, 1), D(2026, 4, 1), D(2026, 2, 20), (D(2026, 2, 20), D(2026, 4, 1), False)),
    (D(2026, 3, 1), D(2026, 4, 1), D(2026, 4, 2), (D(2026, 3, 1), D(2026, 4, 2), True)),
]


@pytest.mark.parametrize(("opened", "closed", "day", "expected"), FITS)
def test_contact_dates_against_the_case(opened, closed, day, expected):
    c = case(opened=opened, closed=closed, ending="REG" if closed else None)
    got = agreement.for_contact(c, contact(c.id, date=day))
    if expected is None:
        assert got is None
        return
    begin, end, ask = expected
    assert (got.case.opened, got.case.closed, got.ask) == (begin, end, ask)
    assert c.code in got.de and day.strftime("%d.%m.%Y") in got.de
    assert got.message("en") != got.de


def test_case_dates_must_enclose_their_contacts():
    c = case(opened=D(2026, 3, 1))
    contacts = [contact(c.id, date=D(2026, 3, 5)), contact(c.id, date=D(2026, 4, 9))]
    contacts.append(contact(None, date=D(2026, 1, 1), field="EB"))  # not the case's
    agreement.check_case(c, contacts)
    with pytest.raises(InvalidRecord, match="05.03.2026") as late_begin:
        agreement.check_case(case(id=c.id, opened=D(2026, 3, 6)), contacts)
    assert late_begin.value.field == "opened"
    early_end = case(id=c.id, opened=D(2026, 3, 1), closed=D(2026, 4, 8), ending="REG")
    with pytest.raises(InvalidRecord, match="09.04.2026") as caught:
        agreement.check_case(early_end, contacts)
    assert caught.value.field == "closed"


def test_a_contact_and_its_case_are_undone_and_redone_together(session):
    log = UndoLog()
    c = log.save_case(session, case(opened=D(2026, 3, 1)))
    k = contact(c.id, date=D(2026, 2, 20))
    fit = agreement.for_contact(c, k)
    log.save_contact(session, k, fit.case)
    assert session.case(c.id).opened == D(2026, 2, 20)
    log.undo(session)  # one step: the contact gone and the begin back
    assert session.contacts() == [] and session.case(c.id).opened == D(2026, 3, 1)
    assert log.can_redo()
    log.redo(session)
    assert [x.id for x in session.contacts()] == [k.id]
    assert session.case(c.id).opened == D(2026, 2, 20)
    with pytest.raises(NothingToRedo):
        log.redo(session)
    log.undo(session)
    log.save_case(session, case(id=c.id, code=c.code, opened=D(2026, 3, 2)))
    assert not log.can_redo()  # a new save forgets what could be redone


def test_refused_contact_puts_the_case_back(session):
    log = UndoLog()
    c = log.save_case(session, case(opened=D(2026, 3, 1)))
    bad = contact(c.id, date=D(2026, 2, 20), form="no-such-form")
    with pytest.raises(FallzahlError):
        log.save_contact(session, bad, agreement.for_contact(c, bad).case)
    assert session.case(c.id).opened == D(2026, 3, 1)
    assert len(log) == 1
