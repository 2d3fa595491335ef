import time

import pytest

from app.office import demo
from app.records.model import CASE_CODE, CASE_DIMENSIONS, CONTACT_DIMENSIONS
from app.records.periods import parse_period
from app.stats.tally import tally
from tests.support.tally_vault import load_scheme

SCHEME = load_scheme()


@pytest.fixture(scope="module")
def year():
    return demo.generate(SCHEME, 2000, 2026, seed=7)


def test_shape(year):
    cases, contacts = year
    assert len(cases) == 2000
    assert 4.0 <= len(contacts) / len(cases) <= 6.0
    assert len({c.id for c in cases}) == len(cases)
    assert len({k.id for k in contacts}) == len(contacts)
    assert len({c.code for c in cases}) == len(cases)
    assert all(CASE_CODE.match(c.code) for c in cases)
    ids = {c.id for c in cases}
    anonymous = [k for k in contacts if k.case_id is None]
    assert 0 < len(anonymous) < 0.06 * len(contacts)
    assert all(k.case_id in ids for k in contacts if k.case_id is not None)
    assert all(k.field is not None for k in anonymous)
    by_id = {c.id: c for c in cases}
    for k in contacts:
        if k.case_id:
            c = by_id[k.case_id]
            assert c.opened <= k.date and (c.closed is None or k.date <= c.closed)


def test_only_scheme_codes(year):
    cases, contacts = year
    for c in cases:
        for attr, dim in CASE_DIMENSIONS.items():
            value = getattr(c, attr)
            for code in value if isinstance(value, list) else [value]:
                assert code is None or SCHEME.has_code(dim, code), (attr, code)
        assert (c.closed is None) == (c.ending is None) or c.ending is None
        assert c.closed is None or c.closed >= c.opened
    for k in contacts:
        for attr, dim in CONTACT_DIMENSIONS.items():
            code = getattr(k, attr)
            assert code is None or SCHEME.has_code(dim, code), (attr, code)


def test_realistic_shares(year):
    cases, contacts = year
    t = tally(SCHEME, cases, contacts, parse_period("2026"))
    active = t.value("cases_active")
    assert 0.12 <= t.value("cases_multi_problem") / active <= 0.28
    assert 0.55 <= t.value("cases_closed") / active <= 0.75
    assert 0.15 <= t.value("cases_single_contact") / active <= 0.5
    fields = t.breakdown("cases_active", "field")
    assert fields["EB"] > fields["SCHULD"] and fields["EFL"] > fields["SUCHT"]
    missing = t.breakdown("cases_missing", "item")
    assert 0 < missing["sex"] < 0.1 * active


def test_same_seed_same_year():
    a = demo.generate(SCHEME, 200, 2026, seed=3)
    b = demo.generate(SCHEME, 200, 2026, seed=3)
    c = demo.generate(SCHEME, 200, 2026, seed=4)
    assert a == b and a != c


def test_large_year_is_fast():
    start = time.perf_counter()
    cases, contacts = demo.generate(SCHEME, 20000, 2026)
    assert time.perf_counter() - start < 6  # about 1 s here; budget 3 s, slack for CI
    assert 90_000 <= len(contacts) <= 115_000
    # more than 9,999 cases opened in one year need five digits (see app/records.CASE_CODE)
    assert any(len(c.code) == 10 for c in cases)
