"""Records with the scheme format 2 items: validation, activities, and old vaults migrating."""

from __future__ import annotations

import datetime as dt
import sqlite3

import msgspec
import pytest

from app.errors import InvalidRecord
from app.office import demo
from app.records import model as records
from app.records.model import Activity
from app.records.periods import parse_period
from app.records.upgrade import case_upgrader
from app.records.validation import validate_activity, validate_case, validate_contact
from app.resources import resource_path
from app.scheme.mapping import mapper
from app.scheme.trust import shipped_scheme, validate_document
from app.stats.tally import tally
from app.vault import store
from app.vault.activities import activities, delete_activity, save_activity
from app.vault.vault import Vault
from tests.support.passphrases import PASS
from tests.support.records import case, contact

V1 = validate_document(shipped_scheme()[0])
V2 = validate_document(resource_path("schemes", "lk-harz-v2.json").read_bytes())
TODAY = dt.date(2026, 11, 30)
D = dt.date
V1_CASE_FIELDS, V1_CONTACT_FIELDS = 19, 8  # array lengths sealed before format 2


def eb(**kw) -> records.Case:
    base = dict(field="EB", scheme_version=2, opened=D(2026, 3, 2))
    base.update(kw)
    return case(**base)


def refused(record, check=validate_case) -> InvalidRecord:
    with pytest.raises(InvalidRecord) as got:
        check(record, V2, TODAY)
    return got.value


def test_a_complete_v2_case_passes() -> None:
    validate_case(
        eb(
            requested=D(2026, 2, 1),
            started=D(2026, 3, 2),
            closed=D(2026, 6, 1),
            ending="REG",
            client_relation="SELF",
            persons_by_sex={"w": 1, "m": 1},
            children_affected=1,
            reasons=("ERZKOMP", "FAMKONF"),
            eb_setting="ELT",
            family_situation="ALLEIN",
            risk_assessment="N",
        ),
        V2,
        TODAY,
    )


CASES = [
    (
        "request after start",
        dict(requested=D(2026, 3, 5), started=D(2026, 3, 2)),
        "requested",
        "nach dem Beginn",
    ),
    # persons by sex (version 2 asks them instead of one total, which is their sum)
    ("no persons at all", dict(persons_by_sex={"w": 0}), "persons_by_sex", "zwischen 1 und 30"),
    ("persons out of range", dict(persons_by_sex={"w": 31}), "persons_by_sex", "zwischen 0 und 30"),
    (
        "persons over the total",
        dict(persons_by_sex={"w": 20, "m": 11}),
        "persons_by_sex",
        "zusammen 31",
    ),
    ("persons of no sex code", dict(persons_by_sex={"q": 1}), "persons_by_sex", "„q“"),
    ("a total besides", dict(persons_count=2), "persons_count", "kennt das Kategorienschema nicht"),
    ("children out of range", dict(children_affected=21), "children_affected", "zwischen 0 und 20"),
    ("second main reason", dict(reasons=("ENTW", "ENTW")), "reasons", "Hauptgrund steht schon"),
    (
        "too many reasons",
        dict(reasons=["ENTW", "SCHULE", "FOERD", "UNVERS"]),
        "reasons",
        "höchstens 3",
    ),
    (
        "reason not in scheme",
        dict(reasons=["NOPE"]),
        "reasons",
        "gibt es im Kategorienschema nicht",
    ),
    (
        "main reason missing at close",
        dict(
            closed=D(2026, 5, 1),
            ending="REG",
            client_relation="SELF",
            eb_setting="ELT",
            family_situation="ZUS",
        ),
        "reasons",
        "Hauptgrund",
    ),
    ("debt trigger in EB", dict(debt_trigger="ALO"), "debt_trigger", "gilt nur für Schuldner"),
    ("household key with a name", dict(household_key="Meier"), "household_key", "H-123"),
    (
        "start after close",
        dict(
            started=D(2026, 5, 2),
            closed=D(2026, 5, 1),
            ending="REG",
            client_relation="SELF",
            reasons=["ENTW"],
            eb_setting="ELT",
            family_situation="ZUS",
        ),
        "started",
        "nach dem Ende",
    ),
]


@pytest.mark.parametrize(("name", "changes", "attr", "text"), CASES, ids=[c[0] for c in CASES])
def test_each_new_item_is_validated_with_its_message(name, changes, attr, text) -> None:
    got = refused(eb(**changes))
    assert got.field == attr
    assert text in got.de and got.en


def test_the_debt_trigger_is_needed_at_close_in_debt_counselling() -> None:
    got = refused(
        case(
            field="SCHULD",
            scheme_version=2,
            closed=D(2026, 4, 1),
            ending="REG",
            client_relation="SELF",
        )
    )
    assert got.field == "debt_trigger" and "Hauptauslöser" in got.de


def test_a_closed_case_with_contacts_needs_its_persons_by_sex() -> None:
    closed = eb(
        closed=D(2026, 6, 1),
        ending="REG",
        client_relation="SELF",
        reasons=("ENTW",),
        eb_setting="ELT",
        family_situation="ZUS",
    )
    validate_case(closed, V2, TODAY)  # no contacts: nobody was counselled
    with pytest.raises(InvalidRecord) as got:
        validate_case(closed, V2, TODAY, has_contacts=True)
    assert got.value.field == "persons_by_sex" and "beim Abschluss" in got.value.de
    validate_case(
        msgspec.structs.replace(closed, persons_by_sex={"w": 2}), V2, TODAY, has_contacts=True
    )
    assert (
        records.persons_total(msgspec.structs.replace(closed, persons_by_sex={"w": 2, "d": 1})) == 3
    )


def test_closing_a_case_with_contacts_in_the_vault_asks_for_the_persons(session) -> None:
    session.scheme = V2
    open_case = session.save_case(
        eb(client_relation="SELF", reasons=("ENTW",), eb_setting="ELT", family_situation="ZUS")
    )
    session.save_contact(
        contact(open_case.id, form="1", duration=None, minutes=50, scheme_version=2)
    )
    with pytest.raises(InvalidRecord) as got:
        session.save_case(msgspec.structs.replace(open_case, closed=D(2026, 6, 1), ending="REG"))
    assert got.value.field == "persons_by_sex"


def sucht(**kw) -> records.Case:
    return case(field="SUCHT", scheme_version=2, opened=D(2026, 3, 2), **kw)


AT_CLOSE = dict(closed=D(2026, 6, 1), ending="REG", persons_by_sex={"m": 1})


def test_the_kds_diagnosis_is_for_the_person_concerned_only() -> None:
    validate_case(sucht(client_relation="SELF", diagnosis="F10", **AT_CLOSE), V2, TODAY)
    validate_case(sucht(diagnosis="F12"), V2, TODAY)  # relation not recorded yet: asked
    # a relative: no diagnosis; the relative's case closes without one
    got = refused(sucht(client_relation="REL", diagnosis="F10"))
    assert got.field == "diagnosis"
    assert "„Wer wird beraten“" in got.de and "„betroffene Person“" in got.de
    assert "'Who is counselled' is 'person concerned'" in got.en
    validate_case(sucht(client_relation="REL", **AT_CLOSE), V2, TODAY)
    # the person concerned: the diagnosis is needed at close
    got = refused(sucht(client_relation="SELF", **AT_CLOSE))
    assert got.field == "diagnosis" and "beim Abschluss" in got.de
    # other fields: not asked
    assert "gilt nur für Sucht" in refused(eb(diagnosis="F10")).de
    assert refused(sucht(diagnosis="F99")).field == "diagnosis"


def test_version_1_substance_problems_become_the_diagnosis_where_it_is_asked() -> None:
    up = case_upgrader(V2)
    old = case(field="SUCHT", problems=["GES_F10", "GES_F12", "PART_KONF"])
    new = up(old)
    assert new.problems == ["GES_SUCHT", "PART_KONF"] and new.diagnosis == "F10"
    # parenting help with a parent's alcohol problem: the domain stays, no diagnosis
    eb_old = up(case(field="EB", problems=["GES_F10"]))
    assert eb_old.problems == ["GES_SUCHT"] and eb_old.diagnosis is None
    validate_case(eb_old, V2, TODAY)


def test_items_the_scheme_does_not_have_stay_empty() -> None:
    with pytest.raises(InvalidRecord) as got:
        validate_case(case(persons_count=2), V1, TODAY)
    assert got.value.field == "persons_count"


def test_the_duration_band_follows_from_the_minutes(session) -> None:
    from app.records.duration import with_band

    k = contact(None, field="EB", form="4", duration=None, minutes=29, scheme_version=2)
    # the boundary at 30 minutes (bke FAQ 112) and the others the scheme declares
    bands = {m: V2.band_for_minutes(m) for m in (1, 15, 16, 29, 30, 45, 46, 90, 91, 600)}
    assert bands == {1: "1", 15: "1", 16: "2", 29: "2", 30: "3", 45: "3", 46: "4", 90: "4"} | {
        91: "5",
        600: "5",
    }
    assert with_band(k, V2).duration == "2"
    assert V1.band_for_minutes(29) is None and not V1.bands_from_minutes  # v1: typed bands
    # typed by hand against the minutes: refused; the save derives it
    got = refused(msgspec.structs.replace(k, duration="4"), validate_contact)
    assert got.field == "duration" and "29 Min. = 15–30 Min." in got.de
    session.scheme = V2
    saved = session.save_contact(msgspec.structs.replace(k, duration="4", minutes=31))
    assert saved.duration == "3" and session.contacts()[0].duration == "3"
    # no minutes and no band: refused, unless the appointment was not kept
    got = refused(msgspec.structs.replace(k, minutes=None), validate_contact)
    assert got.field == "minutes" and "in Minuten" in got.de
    validate_contact(msgspec.structs.replace(k, minutes=None, no_show=True), V2, TODAY)
    # an old contact without minutes keeps its band
    validate_contact(msgspec.structs.replace(k, minutes=None, duration="4"), V2, TODAY)


def test_contact_items() -> None:
    good = contact(
        None,
        field="EB",
        form="3",
        duration="3",
        minutes=35,
        kind="SCHULE",
        place="AUSSEN_ELB",
        scheme_version=2,
    )
    validate_contact(good, V2, TODAY)
    for bad, attr in [
        (msgspec.structs.replace(good, minutes=0), "minutes"),
        (msgspec.structs.replace(good, place="MOON"), "place"),
        (msgspec.structs.replace(good, kind="X"), "kind"),
    ]:
        assert refused(bad, validate_contact).field == attr


def _activity(**kw) -> Activity:
    base = dict(
        id="a1", date=D(2026, 5, 4), kind="PRAEV", field="SUCHT", counsellor="B01", scheme_version=2
    )
    base.update(participants=25, target_group="JUG", setting="SCHULE", minutes=90, place="EINR")
    base.update(kw)
    return Activity(**base)


def test_activities_are_validated() -> None:
    validate_activity(_activity(), V2, TODAY)
    assert refused(_activity(participants=1001), validate_activity).field == "participants"
    assert refused(_activity(kind="PARTY"), validate_activity).field == "kind"
    with pytest.raises(InvalidRecord, match="Format 2"):
        validate_activity(_activity(), V1, TODAY)


def test_activities_are_sealed_saved_and_deleted(session) -> None:
    session.scheme = V2
    save_activity(session, _activity(), TODAY)
    save_activity(session, _activity(id="a2", kind="NETZ", participants=8), TODAY)
    assert [a.id for a in activities(session)] == ["a1", "a2"]
    raw = session.store.rows("activities")[0][2]
    assert b"PRAEV" not in raw and b"SCHULE" not in raw
    delete_activity(session, "a1")
    assert [a.id for a in activities(session)] == ["a2"]
    assert session.check() == []


def test_an_old_case_saved_under_v2_is_upgraded(session) -> None:
    session.scheme = V1
    old = case(field="SCHULD", problems=["FIN_ALO", "ARB_LOS"], referral="SELF")
    session.save_case(old)
    session.scheme = V2
    saved = session.save_case(session.case(old.id))
    assert saved.scheme_version == 2
    assert saved.problems == ["FIN_SCHULD", "ARB_LOS"] and saved.debt_trigger == "ALO"
    assert case_upgrader(V2)(old) == saved


def _truncate(session, table: str, length: int) -> None:
    """Re-seal every row as the program before format 2 wrote it: a shorter array."""
    for record_id, rev, sealed in session.store.rows(table):
        plain = session.open_row(table, record_id, rev, sealed)
        short = msgspec.msgpack.encode(msgspec.msgpack.decode(plain)[:length])
        session.store.put(table, record_id, rev, session._seal(table, record_id, rev, short))


def test_a_version_1_vault_migrates_and_tallies_the_same(session, vault_dir) -> None:
    session.scheme = V1
    cases, contacts = demo.generate(V1, 300, 2026, seed=5, until=TODAY)
    session.add_bulk(cases, contacts, "demo.filled")
    year = parse_period("2026")
    before = tally(V1, session.cases(), session.contacts(), year, map_code=mapper(V1))
    # make it a schema 1 vault with records sealed the old way
    with session.store.transaction():
        _truncate(session, "cases", V1_CASE_FIELDS)
        _truncate(session, "contacts", V1_CONTACT_FIELDS)
    session.store.db.execute("DROP TABLE activities")
    session.close()
    session.vault.close()
    conn = sqlite3.connect(vault_dir / store.DB_NAME)
    conn.execute("PRAGMA user_version=1")
    conn.close()

    vault = Vault(vault_dir)
    try:
        assert (vault_dir / f"{store.DB_NAME}.pre-migration-v1").exists()
        s = vault.unlock("leitung", PASS)
        s.scheme = V1
        assert s.check() == []
        after = tally(V1, s.cases(), s.contacts(), year, map_code=mapper(V1))
        assert after.rows == before.rows
        assert all(k.scheme_version == 1 and not k.no_show for k in s.contacts())
        # the migrated vault takes activities
        s.scheme = V2
        save_activity(s, _activity(), TODAY)
        assert len(activities(s)) == 1
        s.close()
    finally:
        vault.close()


V2_FIRST_CASE_FIELDS = 31  # a case sealed by the first version 2 build (no persons by sex)


def test_a_case_sealed_before_persons_by_sex_and_diagnosis_decodes_unchanged() -> None:
    """The two new case fields are appended with defaults, so no vault migration is needed:
    a record sealed before them decodes with no persons by sex and no diagnosis, and its
    plain persons count still counts (under sex "not recorded")."""
    old = eb(persons_count=2, client_relation="SELF")
    short = msgspec.msgpack.encode(
        msgspec.msgpack.decode(records.encode(old))[:V2_FIRST_CASE_FIELDS]
    )
    got = records.decode_case(short)
    assert got.persons_by_sex == {} and got.diagnosis is None
    assert (got.persons_count, records.persons_total(got)) == (2, 2)
    assert len(msgspec.msgpack.decode(records.encode(got))) == V2_FIRST_CASE_FIELDS + 2
    k = contact(None, field="EB", duration="3")  # a contact's band may now be None: same field
    assert records.decode_contact(records.encode(k)).duration == "3"


def test_demo_fills_version_2_realistically() -> None:
    cases, contacts = demo.generate(V2, 800, 2026, seed=3, until=TODAY)
    for c in cases:
        validate_case(c, V2, TODAY)
    for k in contacts:
        validate_contact(k, V2, TODAY)
    waits = {}
    for c in cases:
        if c.requested and c.started:
            waits.setdefault(c.field, []).append((c.started - c.requested).days)
    median = {f: sorted(w)[len(w) // 2] for f, w in waits.items()}
    assert median["SCHULD"] > median["SUCHT"]
    assert any(c.household_key for c in cases)
    assert any(k.kind not in (None, "CLIENT") for k in contacts)
    assert any(k.no_show for k in contacts)
    # persons by sex, diagnoses of clients only, bands from minutes
    assert any(sum(c.persons_by_sex.values()) == 2 for c in cases)
    assert all(c.persons_count is None for c in cases)
    assert {c.client_relation for c in cases if c.diagnosis} == {"SELF"}
    assert all(k.duration == V2.band_for_minutes(k.minutes) for k in contacts if k.minutes)
    assert all(k.minutes is None and k.duration is None for k in contacts if k.no_show)
    acts = demo.generate_activities(V2, 30, 2026, until=TODAY)
    assert {a.kind for a in acts} >= {"GRUPPE", "PRAEV"}
    for a in acts:
        validate_activity(a, V2, TODAY)
    assert demo.generate_activities(V1, 30, 2026) == []


def test_a_case_frozen_by_a_closed_period_keeps_its_version_1_codes(session) -> None:
    from app.office.period_close import close_period
    from app.records.periods import quarter

    session.scheme = V1
    old = session.save_case(
        case(field="SCHULD", opened=D(2026, 1, 5), problems=["FIN_ALO"], referral="SELF")
    )
    close_period(session, quarter(2026, 1), accepted_reason="test")
    session.scheme = V2  # the office moves on to version 2
    closed = session.save_case(msgspec.structs.replace(old, closed=D(2026, 5, 4), ending="REG"))
    # its codes count in the closed quarter's package: they stay as coded, checked against v1
    assert closed.scheme_version == 1 and closed.problems == ["FIN_ALO"]
    assert session.case(old.id).closed == D(2026, 5, 4)
    fresh = session.save_case(
        case(
            "2026-0002",
            field="SCHULD",
            opened=D(2026, 5, 4),
            scheme_version=1,
            problems=["FIN_KRANK"],
        )
    )
    assert fresh.scheme_version == 2 and fresh.debt_trigger == "KRANK"  # not frozen: upgraded


def _add(log, session):
    log.save_activity(session, _activity(), TODAY)


def _edit(log, session):
    log.save_activity(session, _activity(participants=40), TODAY)


def _delete(log, session):
    log.delete_activity(session, "a1")


@pytest.mark.parametrize(
    ("name", "change", "before", "after"),
    [
        ("add", _add, [], [25]),
        ("edit", _edit, [25], [40]),
        ("delete", _delete, [25], []),
    ],
)
def test_activity_changes_are_undone_and_redone(session, name, change, before, after) -> None:
    from app.vault.undo import ACTIVITIES, UndoLog

    session.scheme = V2
    log = UndoLog()
    if name != "add":
        save_activity(session, _activity(), TODAY)

    def participants() -> list[int]:
        return [a.participants for a in activities(session)]

    change(log, session)
    assert participants() == after
    for _ in range(2):
        assert log.undo(session).table == ACTIVITIES
        assert participants() == before
        assert log.redo(session).table == ACTIVITIES
        assert participants() == after
    assert session.check() == []
    actions = [e.action for e in session.audit_entries()]
    assert actions.count("activity.deleted") == (
        2 if name == "add" else 3 if name == "delete" else 0
    )
