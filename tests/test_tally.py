import datetime as dt
from collections import Counter

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import FallzahlError, TallyRefused
from app.records.model import CASE_REQUIRED_FOR_COMPLETENESS, Case, Contact
from app.records.periods import parse_period
from app.records.rules import classify
from app.stats import tally_io
from app.stats.tally import CASE_MEASURES, CASE_SINGLE, CONTACT_DIMS, MISSING, Tally, tally
from tests.support.tally_vault import CASES, CONTACTS, load_scheme

SCHEME = load_scheme()
Q1 = parse_period("2026-Q1")


@pytest.fixture(scope="module")
def q1() -> Tally:
    return tally(SCHEME, CASES, CONTACTS, Q1)


def test_totals(q1):
    assert q1.value("cases_active") == 5  # c1 c2 c3 c6 c7
    assert q1.value("cases_new") == 3  # c2 c3 c6
    assert q1.value("cases_closed") == 3  # c2 c6 c7
    assert q1.value("cases_single_contact") == 2  # c3 c6
    assert q1.value("cases_multi_problem") == 2  # c2 c3
    assert q1.value("contacts") == 7  # k2 k3 k4 k5 k7 k9 k10
    assert q1.value("persons") == 10


def test_case_breakdowns(q1):
    assert q1.breakdown("cases_active", "field") == {
        "EFL": 1, "EB": 2, "SUCHT": 1, "SCHULD": 1, MISSING: 0,
    }  # fmt: skip
    assert q1.breakdown("cases_active", "sex") == {"m": 1, "w": 2, "d": 0, "x": 1, MISSING: 1}
    assert q1.breakdown("cases_active", "domain_class") == {
        "0": 1, "1": 1, "2": 1, "3": 1, "4+": 1,
    }  # fmt: skip
    assert q1.breakdown("cases_new", "domain_class") == {
        "0": 1, "1": 0, "2": 0, "3": 1, "4+": 1,
    }  # fmt: skip
    assert q1.breakdown("cases_active", "problem") == {
        "FIN_DEBT": 2, "FIN_BEN": 2, "ARB_LOSS": 2, "WOHN_LOSS": 2, "GES_ALC": 1, "PART_CONF": 3,
    }  # fmt: skip
    assert q1.breakdown("cases_active", "domain") == {
        "FIN": 3, "ARB": 2, "WOHN": 2, "GES": 1, "PART": 3,
    }  # fmt: skip
    # c7 names SCHULD twice: it counts once
    assert q1.breakdown("cases_active", "other_field") == {
        "EFL": 0, "EB": 1, "SUCHT": 0, "SCHULD": 1,
    }  # fmt: skip
    assert q1.breakdown("cases_closed", "ending") == {"REG": 1, "EXT": 0, "DROP": 1, MISSING: 1}
    assert q1.breakdown("cases_multi_problem", "field")["SCHULD"] == 1
    assert q1.breakdown("cases_multi_problem", "field")["SUCHT"] == 1
    assert q1.breakdown("cases_single_contact", "field") == {
        "EFL": 1, "EB": 0, "SUCHT": 1, "SCHULD": 0, MISSING: 0,
    }  # fmt: skip
    assert q1.value("cases_active", domain_class="2", field="EB") == 1
    assert q1.value("cases_active", domain_class="1", field="EB") == 1
    assert q1.value("cases_active", domain_class="4+", municipality="99999003") == 1
    assert q1.value("cases_active", domain_class="0", municipality=MISSING) == 1


def test_contact_breakdowns(q1):
    assert q1.breakdown("contacts", "contact_form") == {
        "1": 3, "2": 1, "3": 2, "4": 1, "5": 0, MISSING: 0,
    }  # fmt: skip
    assert q1.breakdown("contacts", "duration_band") == {"1": 3, "2": 3, "3": 1, "4": 0, MISSING: 0}
    assert q1.breakdown("contacts", "field") == {
        "EFL": 1, "EB": 2, "SUCHT": 2, "SCHULD": 2, MISSING: 0,
    }  # fmt: skip


def test_completeness(q1):
    missing = q1.breakdown("cases_missing", "item")
    assert missing["sex"] == 1  # c3
    assert missing["age_band"] == 4  # all but c1
    assert missing["municipality"] == 2  # c6 c7
    assert missing["problems"] == 1  # c6
    assert missing["ending"] == 1  # c6 closed without an ending
    assert set(missing) == {*CASE_REQUIRED_FOR_COMPLETENESS, "ending"}


def test_rows_sorted_unique_and_value_helpers(q1):
    keys = [(r.measure, r.dims) for r in q1.rows]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert all(list(r.dims) == sorted(r.dims) for r in q1.rows)
    assert q1.value("cases_active", sex="d") == 0
    with pytest.raises(KeyError):
        q1.value("no_such_measure")


def test_other_period_and_empty():
    year = tally(SCHEME, CASES, CONTACTS, parse_period("2025"))
    assert year.value("cases_active") == 3  # c1 c4 c7 (c2, c3, c5, c6 open in 2026)
    assert year.value("contacts") == 3  # k1 k8 k11
    empty = tally(SCHEME, [], [], Q1)
    assert empty.value("cases_active") == 0 and empty.value("contacts") == 0
    assert tally(SCHEME, [], [], Q1).rows == empty.rows


def test_map_code_across_versions(q1):
    old_codes = {("problem", "OLD_DEBT"): "FIN_DEBT", ("sex", "f"): "w", ("field", "EBZ"): "EB"}
    calls = []

    def map_code(dimension, code, from_version):
        calls.append(from_version)
        return old_codes.get((dimension, code), code)

    old = []
    for c in CASES:
        if c.id == "c1":
            c = msgspec.structs.replace(c, scheme_version=0, sex="f", field="EBZ")
        if c.id == "c3":
            problems = ["OLD_DEBT" if p == "FIN_DEBT" else p for p in c.problems]
            c = msgspec.structs.replace(c, scheme_version=0, problems=problems)
        old.append(c)
    assert tally(SCHEME, old, CONTACTS, Q1, map_code=map_code).rows == q1.rows
    assert calls and set(calls) == {0}
    unmapped = tally(SCHEME, old, CONTACTS, Q1)  # codes outside the scheme still count
    assert unmapped.breakdown("cases_active", "sex")["f"] == 1
    assert unmapped.breakdown("cases_active", "field")["EBZ"] == 1


# Property tests: totals equal the sum of their parts.

SCHEME_CODES = {d.id: [c.code for c in d.codes] for d in SCHEME.dimensions}


def maybe(dim):
    return st.one_of(st.none(), st.sampled_from(SCHEME_CODES[dim]))


DAYS = st.dates(min_value=dt.date(2025, 10, 1), max_value=dt.date(2026, 6, 30))


@st.composite
def cases_and_contacts(draw):
    n = draw(st.integers(0, 25))
    cases = []
    for i in range(n):
        opened = draw(DAYS)
        closed = draw(
            st.one_of(st.none(), st.dates(min_value=opened, max_value=dt.date(2026, 9, 30)))
        )
        cases.append(
            Case(
                id=f"c{i}",
                code=f"2026-{i:04d}",
                opened=opened,
                closed=closed,
                field=draw(st.sampled_from(SCHEME_CODES["field"])),
                counsellor="B",
                scheme_version=1,
                other_fields=draw(st.lists(st.sampled_from(SCHEME_CODES["field"]), max_size=3)),
                **{a: draw(maybe(d)) for a, (_, d) in CASE_SINGLE.items() if a != "field"},
                problems=draw(st.lists(st.sampled_from(SCHEME_CODES["problem"]), max_size=6)),
            )
        )
    ids = [c.id for c in cases] + [None, "ghost"]
    contacts = [
        Contact(
            id=f"k{j}",
            date=draw(DAYS),
            form=draw(st.sampled_from(SCHEME_CODES["contact_form"])),
            duration=draw(st.sampled_from(SCHEME_CODES["duration_band"])),
            counsellor="B",
            persons=draw(st.integers(1, 4)),
            case_id=draw(st.sampled_from(ids)),
            field=draw(maybe("field")),
        )
        for j in range(draw(st.integers(0, 40)))
    ]
    return cases, contacts


PERIODS = st.sampled_from(["2026-Q1", "2025-Q4", "2026", "2026-02", "2026-01-20..2026-03-05"])


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(cases_and_contacts(), PERIODS)
def test_parts_add_up(data, label):
    cases, contacts = data
    period = parse_period(label)
    t = tally(SCHEME, cases, contacts, period)
    for measure in CASE_MEASURES:
        total = t.value(measure)
        for dim in (*CASE_SINGLE, "domain_class"):
            assert sum(t.breakdown(measure, dim).values()) == total, (measure, dim)
        assert t.value(measure) <= t.value("cases_active")
    for dim in CONTACT_DIMS:
        assert sum(t.breakdown("contacts", dim).values()) == t.value("contacts")
    classes = t.breakdown("cases_active", "domain_class")
    assert t.value("cases_multi_problem") == classes["3"] + classes["4+"]
    for dim in ("field", "municipality"):
        for code, n in t.breakdown("cases_active", dim).items():
            assert sum(t.value("cases_active", domain_class=k, **{dim: code}) for k in classes) == n
    # cases_active == sum over sex codes + missing, and missing agrees with completeness
    assert t.breakdown("cases_active", "sex")[MISSING] == t.value("cases_missing", item="sex")
    # Against a naive count, case by case and contact by contact.
    s, e = period.start, period.end
    active = [c for c in cases if c.opened <= e and (c.closed is None or c.closed >= s)]
    assert t.value("cases_active") == len(active)
    assert t.value("cases_new") == sum(s <= c.opened <= e for c in active)
    upto = Counter(k.case_id for k in contacts if k.date <= e)
    assert t.value("cases_single_contact") == sum(upto[c.id] == 1 for c in active)
    multi = sum(classify(c.problems, SCHEME).is_multi for c in active)
    assert t.value("cases_multi_problem") == multi
    inside = [k for k in contacts if s <= k.date <= e]
    assert t.value("contacts") == len(inside)
    assert t.value("persons") == sum(k.persons for k in inside)
    # And the tally survives its own file format byte for byte.
    data = tally_io.to_json(t)
    assert tally_io.to_json(tally_io.from_json(data)) == data


# tallies.json, tallies.csv and the terminal table


def test_json_round_trip_and_shape(q1):
    data = tally_io.to_json(q1)
    assert data.startswith(b'{"format":"fallzahl-tally/2","scheme_id":"test-min"')
    assert b'\n[[],"cases_active",5],\n' in data
    assert data.endswith(b"\n]}\n")
    back = tally_io.from_json(data)
    assert back == q1 and tally_io.to_json(back) == data


def _damage(data: bytes, old: bytes, new: bytes) -> bytes:
    assert old in data
    return data.replace(old, new, 1)


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d[: len(d) // 2],  # truncated
        lambda d: d + b" ",  # trailing space: not canonical
        lambda d: _damage(d, b'"cases_active",5]', b'"cases_active", 5]'),  # spacing
        lambda d: _damage(d, b'"cases_active",5]', b'"cases_active",-5]'),  # negative
        lambda d: _damage(d, b'"cases_active",5]', b'"cases_active","5"]'),  # wrong type
        lambda d: _damage(d, b"fallzahl-tally/2", b"fallzahl-tally/9"),  # unknown format
        lambda d: _damage(d, b'"start":"2026-01-01"', b'"start":"2026-01-02"'),  # dates
        lambda d: _damage(d, b'"period":"2026-Q1"', b'"period":"2026-Q9"'),  # period
        lambda d: _damage(d, b'"scheme_version":1', b'"scheme_version":1,"x":1'),  # field
        lambda d: _damage(d, b'[[],"cases_new",3],\n', b"").replace(
            b'[[],"cases_active",5],\n',
            b'[[],"cases_active",5],\n[[],"cases_new",3],\n[[],"cases_active",5],\n',
        ),  # repeated and unsorted
        lambda d: _damage(
            d,
            b'[[["age_band","_X"]],"cases_active",4]',
            b'[[["zz","_X"],["age_band","_X"]],"cases_active",4]',
        ),  # dimensions unsorted
        lambda d: b"\xff\xfe" + d,  # not UTF-8 JSON
    ],
)
def test_json_refused(q1, damage):
    data = tally_io.to_json(q1)
    bad = damage(data)
    with pytest.raises(TallyRefused) as info:
        tally_io.from_json(bad)
    assert isinstance(info.value, FallzahlError)
    assert "beschädigt" in info.value.de and "damaged" in info.value.en


def test_csv(q1):
    text = tally_io.to_csv(q1, SCHEME, "de")
    lines = text.splitlines()
    header = lines[0].split(",")
    assert header[:2] == ["period", "measure"] and header[-1] == "value"
    assert header[2] == "field"
    assert len(lines) == len(q1.rows) + 1
    assert lines[1] == "2026-Q1,cases_active" + "," * (len(header) - 3) + ",5"
    sex = header.index("sex")
    row = next(line.split(",") for line in lines if ",m," in line and "cases_active" in line)
    assert row[sex] == "m" and row[-1] == "1"
    labelled = tally_io.to_csv(q1, SCHEME, "de", labels=True)
    assert labelled.splitlines()[0].startswith("Zeitraum,Kennzahl,Beratungsfeld")
    assert "Fälle im Zeitraum" in labelled
    assert tally_io.to_csv(q1, SCHEME, "en", labels=True).startswith("period,measure,Counselling")


def test_text_table(q1):
    de = tally_io.to_text_table(q1, SCHEME, "de")
    assert "Auszählung 2026-Q1" in de
    assert "Fälle im Zeitraum nach Geschlecht" in de
    assert "nicht erfasst" in de
    en = tally_io.to_text_table(q1, SCHEME, "en")
    assert "Active cases by Sex" in en


def test_fast_writers_equal_the_reference_writers(q1):
    """The district compares files against csv_codes / adx.canonical byte for byte; they
    must write exactly what the office's writers (csv module, ElementTree) write."""
    from app.records.periods import adx_period
    from app.stats import adx

    empty = tally(SCHEME, [], [], Q1)
    suppressed = msgspec.structs.replace(
        q1, rows=tuple(msgspec.structs.replace(r, value=None) for r in q1.rows)
    )
    for t in (q1, empty, suppressed):
        assert tally_io.csv_codes(t) == tally_io.to_csv(t, SCHEME, "de").encode("utf-8")
        exported = "2026-04-02T10:00:00Z"
        canonical = adx.canonical(t, "HZ-QLB-01", adx_period(t.period), exported)
        assert canonical == adx.to_adx(t, "HZ-QLB-01", exported)
