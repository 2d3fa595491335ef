"""The case list's rows, contact figures, filters, completeness and undo (app/ side)."""

from __future__ import annotations

import datetime as dt
import time

import msgspec
import pytest

from app.errors import FallzahlError
from app.records import completeness
from app.records import overview as ov
from app.vault.undo import NothingToUndo, UndoLog
from tests.support.records import case, contact

D = dt.date


def test_contact_stats_count_and_last_date_in_one_pass():
    a, b = case("2026-0001"), case("2026-0002")
    contacts = [
        contact(a.id, date=D(2026, 1, 6)),
        contact(a.id, date=D(2026, 2, 9)),
        contact(a.id, date=D(2026, 1, 20)),
        contact(None, field="EB"),
    ]
    stats = ov.contact_stats(contacts)
    assert stats == {a.id: (3, D(2026, 2, 9))}
    assert b.id not in stats


def test_overview_rows_use_the_multi_problem_rule(min_scheme):
    c = case(problems=["FIN_DEBT", "FIN_BEN", "ARB_LOSS", "WOHN_LOSS"])
    (row,) = ov.overview([c], [contact(c.id)], min_scheme)
    assert (row.contacts, row.domains, row.is_multi) == (1, 3, True)
    assert row.status == ov.OPEN
    assert row.level == completeness.INCOMPLETE


@pytest.mark.parametrize(
    ("f", "expected"),
    [
        (ov.CaseFilter(), ["2026-0001", "2026-0002", "2026-0003"]),
        (ov.CaseFilter(text="0002"), ["2026-0002"]),
        (ov.CaseFilter(text="-000", status=ov.OPEN), ["2026-0001", "2026-0003"]),
        (ov.CaseFilter(field="SUCHT"), ["2026-0003"]),
        (ov.CaseFilter(status=ov.CLOSED), ["2026-0002"]),
        (ov.CaseFilter(status=ov.OPEN), ["2026-0001", "2026-0003"]),
        (ov.CaseFilter(counsellor="anna"), ["2026-0003"]),
        # opened in Q1 and still open, closed in Q1, opened in Q2
        (ov.CaseFilter(start=D(2026, 1, 1), end=D(2026, 3, 31)), ["2026-0001", "2026-0002"]),
        (ov.CaseFilter(start=D(2026, 4, 1), end=D(2026, 6, 30)), ["2026-0001", "2026-0003"]),
    ],
)
def test_filters(min_scheme, f, expected):
    cases = [
        case("2026-0001", opened=D(2026, 1, 5)),
        case("2026-0002", opened=D(2026, 1, 7), closed=D(2026, 3, 2), ending="REG"),
        case("2026-0003", opened=D(2026, 4, 2), field="SUCHT", counsellor="anna"),
    ]
    rows = ov.overview(cases, [], min_scheme)
    kept = [r.code for r, keep in zip(rows, ov.select(rows, f), strict=True) if keep]
    assert kept == expected
    assert [rows[i].code for i in ov.matching(rows, f)] == expected  # the list's one pass


def test_quarters_and_years():
    assert ov.quarter(2026, 1) == (D(2026, 1, 1), D(2026, 3, 31))
    assert ov.quarter(2026, 4) == (D(2026, 10, 1), D(2026, 12, 31))
    assert ov.year(2026) == (D(2026, 1, 1), D(2026, 12, 31))
    with pytest.raises(ValueError):
        ov.quarter(2026, 5)


@pytest.mark.parametrize(
    ("typed", "code"),
    [("2026-0042", "2026-0042"), (" 42 ", "2026-0042"), ("7", "2026-0007"), ("neu", "neu")],
)
def test_expand_code(typed, code):
    assert ov.expand_code(typed, 2026) == code


def test_overview_of_a_large_office(min_scheme, capsys):
    """Correct at office scale; its speed is bench/ui_start.py's to measure (no timed tests:
    the budget is a ratio printed by the bench, this machine is shared and noisy)."""
    problems = [["FIN_DEBT"], ["FIN_DEBT", "ARB_LOSS", "GES_ALC"], []]
    cases = [case(f"2026-{i:04d}", problems=problems[i % 3]) for i in range(20_000)]
    contacts = [contact(cases[i % 20_000].id) for i in range(100_000)]
    start = time.perf_counter()
    rows = ov.overview(cases, contacts, min_scheme)
    ov.select(rows, ov.CaseFilter(text="12"))
    elapsed = time.perf_counter() - start
    assert len(rows) == 20_000 and rows[0].contacts == 5
    with capsys.disabled():
        print(f"\n20k cases/100k contacts: overview and search {elapsed:.3f}s")


# completeness
def test_completeness_lists_missing_items_and_ending_when_closed(min_scheme):
    c = case()
    assert completeness.missing(c)[0] == "sex" and "ending" not in completeness.missing(c)
    assert completeness.level(c) == completeness.INCOMPLETE
    full = case(
        sex="w",
        age_band="A27",
        household="SINGLE",
        municipality="UNK",
        transfer_benefits="N",
        migration_parent="N",
        german_at_home="J",
        referral="SELF",
        problems=["FIN_DEBT"],
    )
    assert completeness.missing(full) == []
    assert completeness.level(full) == completeness.COMPLETE
    closed = case(**{**_fields(full), "closed": D(2026, 2, 1)})
    assert completeness.missing(closed) == ["ending"]
    assert completeness.level(closed) == completeness.PARTIAL
    assert completeness.missing_labels(closed, min_scheme) == ["Beendigung"]
    no_problems = case(**{**_fields(full), "problems": []})
    assert completeness.level(no_problems) == completeness.INCOMPLETE
    assert completeness.missing_labels(case(), min_scheme, "en")[4] == "Receives transfer benefits"


def _fields(c):
    return {f: getattr(c, f) for f in c.__struct_fields__ if f not in ("id", "code")}


# undo
def test_undo_reverts_changes_and_creations(session):
    log = UndoLog()
    c = log.save_case(session, case("2026-0001"))
    changed = log.save_case(session, case("2026-0001", id=c.id, sex="w"))
    k = log.save_contact(session, contact(c.id))
    assert len(log) == 3
    log.undo(session)  # the contact is gone again
    assert session.contacts() == []
    log.undo(session)  # back to the first version
    assert session.case(c.id).sex is None and changed.sex == "w"
    log.undo(session)  # the created case is deleted
    assert session.cases() == []
    with pytest.raises(NothingToUndo):
        log.undo(session)
    assert k.case_id == c.id


def test_undo_forgets_deleted_records(session):
    log = UndoLog()
    c = log.save_case(session, case("2026-0001"))
    k = log.save_contact(session, contact(c.id))
    session.delete_contact(k.id)
    log.forget("contacts", {k.id})
    assert log.peek().record_id == c.id
    log.undo(session)
    assert session.cases() == []


def test_failed_save_is_not_recorded(session):
    log = UndoLog()
    with pytest.raises(FallzahlError):
        log.save_case(session, case("Müller"))
    assert len(log) == 0


def test_open_cases_without_contact_for_six_months_are_proposed_for_closing(min_scheme):
    today = dt.date(2026, 12, 1)
    quiet = case("2026-0001", opened=dt.date(2026, 1, 5))  # last contact in March
    busy = case("2026-0002", opened=dt.date(2026, 1, 5))  # a contact in November
    never = case("2026-0003", opened=dt.date(2026, 3, 1))  # no contact at all, opened long ago
    done = case("2026-0004", opened=dt.date(2026, 1, 5), closed=dt.date(2026, 2, 1), ending="REG")
    fresh = case("2026-0005", opened=dt.date(2026, 11, 20))
    contacts = [
        contact(quiet.id, date=dt.date(2026, 3, 2)),
        contact(busy.id, date=dt.date(2026, 11, 2)),
        contact(done.id, date=dt.date(2026, 1, 6)),
    ]
    rows = ov.overview([quiet, busy, never, done, fresh], contacts, min_scheme)
    stale = ov.CaseFilter(status=ov.STALE, as_of=today)
    assert [r.code for r, on in zip(rows, ov.select(rows, stale), strict=True) if on] == [
        "2026-0001",
        "2026-0003",
    ]
    # exactly six months (183 days) after the last contact it is proposed, a day before not
    edge = ov.CaseFilter(status=ov.STALE, as_of=dt.date(2026, 3, 2) + dt.timedelta(ov.STALE_DAYS))
    assert ov.matches(rows[0], edge)
    assert not ov.matches(
        rows[0], ov.CaseFilter(status=ov.STALE, as_of=edge.as_of - dt.timedelta(1))
    )


def test_rows_share_their_repeated_values(min_scheme):
    """Decoded rows of the history share one object per code, counsellor, level and day."""
    cases = [case(f"2026-{i:04d}", opened=D(2026, 1, 5)) for i in range(3)]
    encoded = msgspec.msgpack.encode(ov.overview(cases, [], min_scheme))
    rows = msgspec.msgpack.decode(encoded, type=list[ov.CaseRow])
    again = msgspec.msgpack.decode(encoded, type=list[ov.CaseRow])
    assert rows[0].opened is not rows[1].opened  # as decoded: copies
    shared: dict = {}
    ov.share_values(rows, shared)
    ov.share_values(again, shared)
    assert rows[0].opened is rows[1].opened is again[2].opened
    assert rows[0].field is again[1].field and rows[0].counsellor is again[1].counsellor
    assert rows[0].level is again[2].level
    assert again == msgspec.msgpack.decode(encoded, type=list[ov.CaseRow])  # values unchanged
