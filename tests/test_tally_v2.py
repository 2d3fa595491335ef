"""Tallies under a format 2 scheme, package format 2, and the district merging v1 and v2."""

from __future__ import annotations

import datetime as dt

import msgspec
import pytest

from app.district.report import build as build_report
from app.district.report import merge
from app.office import demo
from app.records.model import Activity, Case, Contact
from app.records.periods import parse_period, quarter
from app.resources import resource_path
from app.scheme.mapping import mapper
from app.scheme.trust import shipped_scheme, validate_document
from app.stats.disclosure import suppress_long
from app.stats.tally import V2_DIMENSIONS, tally
from app.stats.tally_map import to_scheme
from app.stats.tally_v2 import NOT_ASKED, band

V1 = validate_document(shipped_scheme()[0])
V2 = validate_document(resource_path("schemes", "lk-harz-v2.json").read_bytes())
Q1 = quarter(2026, 1)
D = dt.date


def c(n: int, field: str, **kw) -> Case:
    base = dict(id=f"c{n}", code=f"2026-{n:04d}", opened=D(2026, 1, 10), field=field)
    base.update(counsellor="B01", scheme_version=2, municipality="15085235")
    base.update(kw)
    return Case(**base)


def k(n: int, case_id: str | None, **kw) -> Contact:
    base = dict(id=f"k{n}", date=D(2026, 2, 1), form="1", duration="3", counsellor="B01")
    base.update(case_id=case_id, scheme_version=2)
    base.update(kw)
    return Contact(**base)


CASES = [
    c(
        1,
        "EB",
        requested=D(2026, 1, 1),
        started=D(2026, 1, 10),
        reasons=("ENTW", "SCHULE"),
        problems=["KIND_ENTW", "PART_KONF"],
        household_key="H-1",
        client_relation="SELF",
    ),
    c(
        2,
        "SCHULD",
        requested=D(2025, 12, 1),
        started=D(2026, 1, 10),
        debt_trigger="ALO",
        problems=["FIN_SCHULD", "FIN_STIFT", "WOHN_DROH"],
        household_key="H-1",
        persons_count=2,
    ),
    c(
        3,
        "SUCHT",
        requested=D(2026, 1, 5),
        started=D(2026, 1, 26),
        client_relation="REL",
        problems=["GES_SUCHT"],  # version 2: the substance is the diagnosis, not a problem
        closed=D(2026, 3, 1),
        ending="REG",
        children_affected=2,
    ),
    c(4, "EFL", opened=D(2025, 11, 1), problems=["PART_KONF"]),
]
CONTACTS = [
    k(1, "c1"), k(2, "c1", kind="SCHULE", place="EINR"), k(3, "c2", kind="GLAEUB", minutes=40),
    k(4, "c2", no_show=True), k(5, "c3", place="AUSSEN_ELB", minutes=50), k(6, None, field="EB"),
]  # fmt: skip
ACTIVITIES = [
    Activity(id="a1", date=D(2026, 2, 3), kind="PRAEV", field="SUCHT", counsellor="B01",
             scheme_version=2, participants=24, target_group="JUG", setting="SCHULE"),
    Activity(id="a2", date=D(2026, 3, 9), kind="GRUPPE", field="EB", counsellor="B01",
             scheme_version=2, participants=8, target_group="ELT"),
    Activity(id="a3", date=D(2026, 4, 9), kind="NETZ", field="EB", counsellor="B01",
             scheme_version=2, participants=12),
]  # fmt: skip


@pytest.fixture(scope="module")
def t2():
    return tally(V2, CASES, CONTACTS, Q1, map_code=mapper(V2), activities=ACTIVITIES)


def test_waiting_time(t2) -> None:
    assert band(14) == "D0_14" and band(15) == "D15_28" and band(92) == "D92+"
    assert t2.value("cases_started") == 3  # case 4 has no start date
    assert t2.breakdown("cases_started", "waiting_band") == {
        "D0_14": 1, "D15_28": 1, "D29_56": 1, "D57_91": 0, "D92+": 0, "_X": 0,
    }  # fmt: skip
    assert t2.value("waiting_days_median") == 21  # 9, 21, 40 days
    assert t2.value("waiting_days_median", field="SCHULD") == 40
    assert t2.value("cases_started", field="EB", waiting_band="D0_14") == 1
    assert t2.value("waiting_days_median", municipality="15085235") == 21


def test_item_breakdowns_add_up_with_not_asked(t2) -> None:
    assert t2.breakdown("cases_active", "debt_trigger")["ALO"] == 1
    assert t2.breakdown("cases_active", "debt_trigger")[NOT_ASKED] == 3
    assert t2.breakdown("cases_active", "reason_main")["ENTW"] == 1
    for dim in ("client_relation", "reason_main", "debt_trigger", "eb_setting", "family_situation"):
        assert sum(t2.breakdown("cases_active", dim).values()) == t2.value("cases_active"), dim
    assert t2.breakdown("cases_active", "client_relation") == {
        "SELF": 1, "REL": 1, "PROF": 0, "_X": 2, "_Z": 0,
    }  # fmt: skip
    assert t2.value("cases_active", reason="SCHULE") == 1


def test_persons_children_and_open_at_the_reference_date(t2) -> None:
    assert t2.value("persons_counselled") == 2 and t2.value("children_affected") == 2
    assert t2.value("cases_open_at_end") == 3  # case 3 closed in March


def test_services_are_no_problem_domain_and_problem_counts_beside(t2) -> None:
    # case 2: FIN_SCHULD and WOHN_DROH count, FIN_STIFT (a service) does not
    assert t2.breakdown("cases_active", "problem_class") == {
        "0": 0,
        "1": 2,
        "2": 2,
        "3": 0,
        "4+": 0,
    }
    assert t2.value("cases_active", domain_class="2") == 2


def test_the_household_link_counts_one_integrated_case_once(t2) -> None:
    # cases 1 (EB: KIND, PART) and 2 (SCHULD: FIN, WOHN) are one household: 4 domains
    assert t2.value("cases_active") == 4
    assert t2.value("integrated_active") == 3
    assert t2.value("integrated_active", domain_class="4+") == 1
    assert t2.value("integrated_multi_problem") == 1
    assert t2.value("cases_multi_problem") == 0  # per case, no case reaches 3 domains
    text = str(t2.rows)
    assert "H-1" not in text  # the key never leaves the office


def test_contacts_by_kind_place_no_show_and_minutes(t2) -> None:
    assert t2.value("contacts") == 5  # the no-show is no contact
    assert t2.value("contacts_no_show") == 1
    assert t2.value("contacts", contact_kind="GLAEUB") == 1
    assert t2.value("contacts", contact_place="AUSSEN_ELB") == 1
    assert t2.value("contact_minutes") == 90
    assert sum(t2.breakdown("contacts", "contact_kind").values()) == 5


def test_activities_and_participants(t2) -> None:
    assert t2.value("activities") == 2  # a3 is in April
    assert t2.value("participants") == 32
    assert t2.value("participants", activity_kind="PRAEV") == 24
    assert t2.value("activities", activity_target_group="ELT") == 1
    assert t2.value("activities", field="EB") == 1


def test_persons_by_sex_add_up_to_the_persons_counselled() -> None:
    cases = [
        c(1, "EB", persons_by_sex={"w": 2, "m": 1}),
        c(2, "EFL", persons_by_sex={"d": 1}),
        c(3, "EB", persons_count=2),  # recorded before the sex split: sex "not recorded"
        c(4, "EB"),
    ]
    t = tally(V2, cases, [], Q1, map_code=mapper(V2))
    assert t.value("persons_counselled") == 6
    assert t.breakdown("persons_counselled", "person_sex") == {
        "m": 1, "w": 2, "d": 1, "x": 0, "_X": 2,
    }  # fmt: skip
    assert t.value("persons_counselled", field="EB") == 5


def test_diagnoses_for_the_person_concerned_and_relatives_apart() -> None:
    cases = [
        c(1, "SUCHT", client_relation="SELF", diagnosis="F10", problems=["GES_SUCHT"]),
        c(2, "SUCHT", client_relation="SELF", diagnosis="F630", problems=["GES_SUCHT"]),
        c(3, "SUCHT", client_relation="REL", problems=["GES_SUCHT"]),
        c(4, "SUCHT", client_relation="SELF"),
        c(5, "EB", client_relation="REL"),
    ]
    t = tally(V2, cases, [], Q1, map_code=mapper(V2))
    got = t.breakdown("cases_active", "diagnosis")
    assert (got["F10"], got["F630"], got["_X"], got[NOT_ASKED]) == (1, 1, 1, 2)
    assert sum(got.values()) == t.value("cases_active")  # a partition: relatives are "_Z"
    # relatives counted apart, per counselling field
    assert t.value("cases_active", client_relation="REL", field="SUCHT") == 1
    assert t.value("cases_active", client_relation="REL", field="EB") == 1
    assert t.value("cases_active", client_relation="SELF", field="SUCHT") == 3


def test_contacts_by_the_band_of_their_minutes() -> None:
    from app.records.duration import with_band

    contacts = [
        with_band(k(1, None, field="EB", form="4", duration=None, minutes=20), V2),  # phone 20'
        with_band(k(2, None, field="EB", form="4", duration=None, minutes=30), V2),  # phone 30'
        with_band(k(3, None, field="EB", form="1", duration=None, minutes=95), V2),
        k(4, None, field="EB", form="1", duration="4", minutes=None),  # old: keeps its band
        k(5, None, field="EB", form="1", duration=None, no_show=True),
    ]
    t = tally(V2, [], contacts, Q1, map_code=mapper(V2))
    assert t.breakdown("contacts", "duration_band") == {
        "1": 0, "2": 1, "3": 1, "4": 1, "5": 1, "_X": 0,
    }  # fmt: skip
    # phone calls under 30 minutes apart (the parenting counselling statistic skips them)
    assert t.value("contacts", contact_form="4", duration_band="2") == 1
    assert t.value("contacts", contact_form="4", duration_band="3") == 1
    assert t.value("contact_minutes") == 145
    # a contact without minutes or band counts as "not recorded"
    t = tally(V2, [], [k(6, None, field="EB", duration=None)], Q1, map_code=mapper(V2))
    assert t.value("contacts", duration_band="_X") == 1


def test_a_v1_scheme_tally_is_unchanged_by_the_v2_fields() -> None:
    cases, contacts = demo.generate(V1, 200, 2026, seed=9)
    before = tally(V1, cases, contacts, Q1, map_code=mapper(V1))
    assert not any(d in V2_DIMENSIONS for r in before.rows for d, _ in r.dims)
    assert "cases_started" not in before.measures


def test_disclosure_covers_the_new_tables() -> None:
    cases, contacts = demo.generate(V2, 400, 2026, seed=4)
    acts = demo.generate_activities(V2, 40, 2026)
    t = tally(V2, cases, contacts, Q1, map_code=mapper(V2), activities=acts)
    from app.district.report import PUBLISHED_DIMENSIONS

    pub = suppress_long(t, 3, PUBLISHED_DIMENSIONS)
    shown = {(r.measure, r.dims): r.value for r in pub.rows}
    # no visible count between 1 and 2 anywhere, the new tables included
    small = [key for key, v in shown.items() if v is not None and 0 < v < 3]
    assert not [key for key in small if key[0] != "waiting_days_median"]  # days, not persons
    # a suppressed cell of a partition cannot be recomputed from its total
    for dim in (
        "client_relation",
        "waiting_band",
        "contact_kind",
        "activity_kind",
        "diagnosis",
        "person_sex",
        "duration_band",
    ):
        cells = [
            v
            for (m, d), v in shown.items()
            if len(d) == 1
            and d[0][0] == dim
            and m
            in ("cases_active", "cases_started", "contacts", "activities", "persons_counselled")
        ]
        assert cells, dim
        assert cells.count(None) != 1, dim
    # the two-way tables of relatives per field and of bands per contact form too: a line
    # whose total is shown never has exactly one hidden cell
    for a, b, m in (
        ("client_relation", "field", "cases_active"),
        ("contact_form", "duration_band", "contacts"),
    ):
        lines: dict = {}
        for (measure, d), v in shown.items():
            if measure == m and tuple(x for x, _ in d) == (a, b):
                lines.setdefault(d[0], []).append(v)
        assert lines, (a, b)
        for fixed, values in lines.items():
            if shown.get((m, (fixed,))) is not None:
                assert values.count(None) != 1, (m, fixed)
    # medians only where at least three waiting times stand behind them
    for (m, d), v in shown.items():
        if m == "waiting_days_median" and v is not None:
            assert shown[("cases_started", d)] >= 3


def test_v1_and_v2_tallies_merge_at_the_district() -> None:
    cases1, contacts1 = demo.generate(V1, 300, 2026, seed=11)
    t1 = tally(V1, cases1, contacts1, Q1, map_code=mapper(V1))
    cases2, contacts2 = demo.generate(V2, 300, 2026, seed=12)
    t2 = tally(V2, cases2, contacts2, Q1, map_code=mapper(V2))
    m1 = to_scheme(t1, V2)
    assert m1.scheme_version == 2
    # v1's contact form 3 (phone) is v2's 4; the v1 debt triggers are FIN_SCHULD now
    assert m1.value("contacts", contact_form="4") == t1.value("contacts", contact_form="3")
    triggers = sum(t1.value("cases_active", problem=f"FIN_{x}") for x in ("ALO", "KRANK", "SONST"))
    assert m1.value("cases_active", problem="FIN_SCHULD") >= triggers > 0
    # the new partitions: every v1 case is "not recorded"
    assert m1.value("cases_active", client_relation="_X") == t1.value("cases_active")
    assert m1.value("cases_active", diagnosis="_X") == t1.value("cases_active")
    # v1's substance problems count under the one addiction problem of v2
    substances = sum(
        t1.value("cases_active", problem=p) for p in ("GES_F10", "GES_F11", "GES_F12", "GES_F630")
    )
    assert m1.value("cases_active", problem="GES_SUCHT") >= substances > 0
    merged = merge([m1, t2], Q1)
    assert merged.value("cases_active") == t1.value("cases_active") + t2.value("cases_active")
    for dim in ("client_relation", "debt_trigger", "problem_class", "diagnosis"):
        assert sum(merged.breakdown("cases_active", dim).values()) == merged.value("cases_active")
    # persons by sex (v2 offices only) and contacts by band (v1 bands mapped) add up too
    persons = merged.breakdown("persons_counselled", "person_sex")
    assert (
        sum(persons.values())
        == merged.value("persons_counselled")
        == t2.value("persons_counselled")
    )
    bands = merged.breakdown("contacts", "duration_band")
    assert sum(bands.values()) == merged.value("contacts")
    assert bands["3"] == t2.value("contacts", duration_band="3") + t1.value(
        "contacts", duration_band="2"
    )  # v1's 15-45 band counts under 30-45 (split: the first target)
    assert "waiting_days_median" not in merged.measures  # never summed
    report = build_report(
        "Landkreis Harz", V2, Q1, {"A": {"2026-Q1": t1}, "B": {"2026-Q1": t2}}, ["A", "B"]
    )
    assert report.merged.value("cases_active") == merged.value("cases_active")
    assert report.published.scheme_version == 2


def test_a_year_adds_up_the_new_flows() -> None:
    cases, contacts = demo.generate(V2, 200, 2026, seed=13)
    acts = demo.generate_activities(V2, 20, 2026)
    quarters = {
        q.label: tally(V2, cases, contacts, q, map_code=mapper(V2), activities=acts)
        for q in (quarter(2026, n) for n in range(1, 5))
    }
    year = build_report("Landkreis Harz", V2, parse_period("2026"), {"A": quarters}, ["A"])
    assert year.merged.value("activities") == len(acts)
    assert year.merged.value("cases_started") == sum(
        t.value("cases_started") for t in quarters.values()
    )


def test_not_asked_only_for_items_with_fields(t2) -> None:
    assert t2.value("cases_active", client_relation=NOT_ASKED) == 0
    no_items = msgspec.structs.replace(V2, items=())
    assert "cases_started" not in tally(no_items, CASES, CONTACTS, Q1).measures


def test_v1_and_v2_scheme_packages_merge_at_the_district(tmp_path) -> None:
    """Two offices, one still on v1, one on v2: both packages are accepted and merged.
    (Packages of formats 1 and 2, from before tally format 2: test_package_formats.py.)"""
    from app.district import desk as district
    from app.district.report import report
    from app.exchange.package import FORMAT_3
    from app.office.export import build_package
    from app.office.period_close import close_period
    from app.scheme.store import import_scheme
    from app.vault.activities import save_activity
    from tests.support.district_world import Office, make_district, on_time
    from tests.support.passphrases import FAST_KDF

    v2_doc = resource_path("schemes", "lk-harz-v2.json")
    old = Office(tmp_path, "HZ-OLD", seed=1, kdf=FAST_KDF, cases=80)
    new = Office(tmp_path, "HZ-NEW", seed=2, kdf=FAST_KDF, cases=0)
    import_scheme(
        new.session,
        v2_doc.read_bytes(),
        v2_doc.with_name(v2_doc.name + ".minisig").read_bytes(),
        today=D(2027, 1, 4),
    )
    cases, contacts = demo.generate(new.session.scheme, 80, 2025, seed=3)
    new.session.add_bulk(cases, contacts, "demo.filled")
    for a in demo.generate_activities(new.session.scheme, 6, 2025):
        save_activity(new.session, a)
    try:
        files = {}
        for office in (old, new):
            period = quarter(2025, 1)
            close_period(office.session, period, accepted_reason="test")
            path, sha, manifest = build_package(office.session, period, tmp_path / office.office_id)
            files[office.office_id] = (path, manifest)
        assert files["HZ-OLD"][1].format == files["HZ-NEW"][1].format == FORMAT_3
        assert files["HZ-OLD"][1].non_additive == []
        assert files["HZ-NEW"][1].non_additive == ["waiting_days_median"]
        vault, desk = make_district(tmp_path / "district", FAST_KDF)
        try:
            for office in (old, new):
                district.enrol(desk, office.office_id, office.office_id, office.public_key)
                got = district.import_paths(desk, [files[office.office_id][0]], now=on_time(1))
                assert got[0].accepted, got[0].error
            desk.scheme = validate_document(v2_doc.read_bytes())
            rep = report(desk, "2025-Q1")
            assert rep.offices == ("HZ-NEW", "HZ-OLD")
            own = [
                tally(
                    s,
                    *o.session.records_for(quarter(2025, 1)),
                    quarter(2025, 1),
                    map_code=mapper(s),
                )
                for o, s in ((old, V1), (new, V2))
            ]
            assert rep.merged.value("cases_active") == sum(t.value("cases_active") for t in own)
            assert rep.merged.value("activities") > 0
            assert sum(
                rep.merged.breakdown("cases_active", "client_relation").values()
            ) == rep.merged.value("cases_active")
        finally:
            desk.close()
            vault.close()
    finally:
        old.close()
        new.close()
