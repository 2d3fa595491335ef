"""Frozen history: closed periods are not decoded at unlock, open on demand, stay checked."""

from __future__ import annotations

import sqlite3

import msgspec
import pytest

from app.office.period_close import close_period, reopen_period
from app.records.periods import parse_period
from app.stats import history, tally_io
from app.stats.tally import tally
from app.vault import store
from tests.support import history_vault
from tests.support.history_vault import unlock as _unlock


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("history") / "vault"
    return folder, history_vault.build(folder)


@pytest.fixture
def office(built, tmp_path):
    """A fresh copy of the built vault for each test (tests change it)."""
    folder, years = built
    history_vault.copy(folder, tmp_path / "vault")
    vault, session = _unlock(tmp_path / "vault")
    yield session, years
    if session.is_open:
        session.close()
    vault.close()


def test_a_three_year_vault_decodes_only_the_open_records(office):
    session, years = office
    # open: contacts outside the closed years; cases not closed in them or with an open
    # contact; and every contact of an open case comes along (a case's history is whole)
    closed_years = history_vault.CLOSED_YEARS
    every = [k for y in years for k in y[2]]
    live = {k.id for k in every if k.date.year not in closed_years}
    used = {k.case_id for k in every if k.id in live}
    open_ids = {
        c.id
        for y in years
        for c in y[1]
        if not (c.closed and c.closed.year in closed_years) or c.id in used
    }
    own = {k.id for k in every if k.case_id in open_ids} | live
    assert session.decoded_counts() == (len(open_ids), len(own))
    assert len(open_ids) < len(years[-1][1]) + 5
    n_cases, n_contacts = session.decoded_counts()
    total_cases, total_contacts = session.record_counts()
    assert total_cases == sum(len(y[1]) for y in years) > 2 * n_cases
    assert total_contacts == sum(len(y[2]) for y in years) > 2 * n_contacts
    # the open records alone give the exact tally of the open year
    period = parse_period("2025")
    assert session.covers(period)
    scheme = session.scheme
    exact = tally(scheme, session.all_cases(), session.all_contacts(), period)
    assert tally(scheme, session.cases(), session.contacts(), period).rows == exact.rows


def test_an_old_case_opens_on_demand_with_its_contacts(office):
    session, years = office
    _, old_cases, old_contacts = years[0]
    old = next(c for c in old_cases if c.code.startswith("2023-"))
    before = session.decoded_counts()[0]
    assert session.case_by_code(old.code) == old
    assert session.case(old.id) == old
    assert session.decoded_counts()[0] == before + 1
    own = sorted(k.id for k in old_contacts if k.case_id == old.id)
    assert sorted(k.id for k in session.contacts_of_case(old.id)) == own
    # the case list pages hold it without decoding any record
    rows = [r for ref in session.history_pages() for r in session.history_page(ref.id)]
    assert old.id in {r.case_id for r in rows}
    assert len(rows) == session.record_counts()[0] - len(session.cases())


def test_frozen_tallies_are_read_for_closed_periods(office):
    session, _ = office
    for label in ("2023", "2023-Q3", "2024", "2024-Q1"):
        kept = history.frozen(session, label)
        assert kept is not None
        again = history.count(
            session.scheme, session.all_cases(), session.all_contacts(), parse_period(label)
        )
        assert kept.rows == again.rows
    assert history.period_tally(session, parse_period("2024")) == history.frozen(session, "2024")


def test_a_correction_in_a_closed_year_updates_its_frozen_tally(office):
    session, years = office
    p2023 = parse_period("2023")
    before = history.frozen(session, "2023")
    decoded = session.decoded_counts()
    reopen_period(session, p2023, "Korrektur eines Kontakts")
    assert history.frozen(session, "2023") is None
    dated = [k for k in session.contacts() if k.date.year == 2023 and k.case_id is None]
    session.delete_contact(dated[0].id)
    close_period(session, p2023, accepted_reason="Demo")
    after = history.frozen(session, "2023")
    assert after.value("contacts") == before.value("contacts") - 1
    assert (
        after.rows
        == history.count(session.scheme, session.all_cases(), session.all_contacts(), p2023).rows
    )
    assert history.check(session) == [] and session.check() == []
    # frozen again: the session holds only the open records again
    assert session.decoded_counts() == (decoded[0], decoded[1])


def test_check_finds_a_frozen_tally_that_disagrees_with_its_records(office):
    session, _ = office
    assert history.check(session) == []
    kept = history.frozen(session, "2024-Q2")
    rows = list(kept.rows)
    i = next(i for i, r in enumerate(rows) if r.measure == "contacts" and not r.dims)
    rows[i] = msgspec.structs.replace(rows[i], value=rows[i].value + 1)
    forged = msgspec.structs.replace(kept, rows=tuple(rows))
    session.put_frozen_tally("2024-Q2", tally_io.to_json(forged))
    found = [p.message("en") for p in history.check(session)]
    assert len(found) == 1 and "frozen tally of 2024-Q2" in found[0]


def test_a_frozen_row_moved_back_by_hand_is_found(office):
    session, _ = office
    folder = session.vault.folder
    row = session.store.db.execute("SELECT id, rev, sealed FROM cases_frozen LIMIT 1").fetchone()
    session.close()
    session.vault.close()
    db = sqlite3.connect(folder / store.DB_NAME)
    db.execute("DELETE FROM cases_frozen WHERE id=?", [row[0]])
    db.execute("INSERT INTO cases VALUES (?, ?, ?)", row)
    db.commit()
    db.close()
    vault, again = _unlock(folder)
    try:
        with pytest.raises(Exception) as err:
            again.cases()
        assert row[0] in str(err.value.message("en"))
        assert any(row[0] in p.message("en") for p in again.check())
    finally:
        again.close()
        vault.close()


def test_a_vault_from_before_frozen_history_migrates_with_a_backup(session, vault_dir):
    from tests.support.records import case

    c = session.save_case(case())
    session.close()
    session.vault.close()
    db = sqlite3.connect(vault_dir / store.DB_NAME)
    for table in ("cases_frozen", "contacts_frozen", "frozen"):
        db.execute(f"DROP TABLE {table}")
    db.execute(f"PRAGMA user_version={store.SCHEMA_VERSION - 1}")
    db.commit()
    db.close()
    vault, again = _unlock(vault_dir)
    try:
        assert (vault_dir / f"{store.DB_NAME}.pre-migration-v{store.SCHEMA_VERSION - 1}").exists()
        assert vault.store.db.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
        assert again.case(c.id).code == c.code and again.check() == []
    finally:
        again.close()
        vault.close()


def test_the_dashboard_trend_reads_closed_quarters_from_their_frozen_tallies(office):
    from app.stats import dashboard_data

    session, _ = office
    period = parse_period("2025")
    got = dashboard_data.overview(session, period, today=parse_period("2025").end)
    quarters = dashboard_data.trend_quarters(period, period.end)
    exact = dashboard_data.trend(session.all_cases(), session.all_contacts(), quarters)
    assert [q.label for q in quarters][:4] == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]
    assert got.trend == exact
    # the closed quarters came from the frozen tallies: a forged one shows through
    kept = history.frozen(session, "2024-Q3")
    rows = tuple(
        msgspec.structs.replace(r, value=999) if r.measure == "contacts" and not r.dims else r
        for r in kept.rows
    )
    session.put_frozen_tally("2024-Q3", tally_io.to_json(msgspec.structs.replace(kept, rows=rows)))
    again = dashboard_data.overview(session, period, today=period.end)
    assert [f.contacts for f in again.trend if f.label == "2024-Q3"] == [999]


def test_removing_a_user_rotates_the_frozen_history_too(office):
    from tests.support.passphrases import PASS

    session, years = office
    old = years[0][1][3]
    session.add_user("berater", "counsellor", PASS)
    session.remove_user("berater")
    folder = session.vault.folder
    session.close()
    session.vault.close()
    vault, again = _unlock(folder)
    try:
        assert again.case_by_code(old.code) == old
        assert history.frozen(again, "2023") is not None
        assert again.check() == [] and history.check(again) == []
    finally:
        again.close()
        vault.close()


def test_a_frozen_case_with_a_new_contact_stays_one_record(office):
    import datetime as dt

    from app.records.overview import overview
    from tests.support.records import contact

    session, years = office
    old = years[0][1][7]
    later = contact(old.id, date=dt.date(2025, 3, 3), counsellor=old.counsellor)
    session.save_contact(later)  # after the case's end: the close will name it
    folder = session.vault.folder
    session.close()
    session.vault.close()
    vault, again = _unlock(folder)
    try:
        assert old.id in {c.id for c in again.cases()}  # held open for its open contact
        own = again.contacts_of_case(old.id)
        assert later.id in {k.id for k in own} and len(own) > 1  # with its frozen contacts
        renamed = msgspec.structs.replace(again.case(old.id), counsellor="B99")
        again.save_case(renamed)
        assert again.store.revision("cases", old.id) is None  # still frozen, not doubled
        assert again.case(old.id).counsellor == "B99"
        pages = [r for ref in again.history_pages() for r in again.history_page(ref.id)]
        assert [r.counsellor for r in pages if r.case_id == old.id] == ["B99"]
        rows = overview(again.cases(), again.contacts(), again.scheme)
        assert sum(r.case_id == old.id for r in rows) == 1
        assert again.check() == []
    finally:
        again.close()
        vault.close()
