"""Suppression is tested by solving: no hidden value may follow from what is published."""

from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.office import demo
from app.records.periods import parse_period
from app.stats.disclosure import Table, suppress, suppress_long
from app.stats.tally import CASE_SINGLE, CONTACT_DIMS, DOMAIN_CLASS, tally
from tests.support.tally_vault import load_scheme

SCHEME = load_scheme()


def exposed_by_algebra(unknowns, equations):
    """Unknowns whose value the equations fix, by exact elimination over the rationals.

    ``equations``: lists of (key, coefficient); every key not in ``unknowns`` is published.
    x_k is fixed exactly when the unit vector e_k lies in the row space of the equations
    restricted to the unknowns.
    """
    cols = sorted(unknowns, key=repr)
    index = {k: i for i, k in enumerate(cols)}
    matrix = []
    for eq in equations:
        row = [Fraction(0)] * len(cols)
        for k, c in eq:
            if k in index:
                row[index[k]] += c
        if any(row):
            matrix.append(row)
    rank = _rank(matrix)
    out = set()
    for k, i in index.items():
        unit = [Fraction(0)] * len(cols)
        unit[i] = Fraction(1)
        if _rank([*matrix, unit]) == rank:
            out.add(k)
    return out


def _rank(rows):
    rows = [list(r) for r in rows]
    rank = 0
    n_cols = len(rows[0]) if rows else 0
    for c in range(n_cols):
        pivot = next((i for i in range(rank, len(rows)) if rows[i][c] != 0), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        for i in range(len(rows)):
            if i != rank and rows[i][c] != 0:
                f = rows[i][c] / rows[rank][c]
                rows[i] = [a - f * b for a, b in zip(rows[i], rows[rank], strict=True)]
        rank += 1
    return rank


def exposed_by_propagation(unknowns, equations):
    """What a reader gets by solving any equation with a single unknown, repeatedly."""
    unknown = set(unknowns)
    solved = set()
    changed = True
    while changed:
        changed = False
        for eq in equations:
            left = [k for k, _ in eq if k in unknown]
            if len(left) == 1:
                unknown.discard(left[0])
                solved.add(left[0])
                changed = True
    return solved


def grid_equations(n_rows, n_cols):
    eqs = [[((i, j), 1) for j in range(n_cols)] + [((i, n_cols), -1)] for i in range(n_rows + 1)]
    eqs += [[((i, j), 1) for i in range(n_rows)] + [((n_rows, j), -1)] for j in range(n_cols + 1)]
    return eqs


def check_table(original: Table, published: Table, threshold: int):
    before, after = original.grid(), published.grid()
    hidden = set()
    for i, row in enumerate(before):
        for j, v in enumerate(row):
            shown = after[i][j]
            if shown is None:
                hidden.add((i, j))
            else:
                assert shown == v  # published values are never changed
                assert not 0 < v < threshold  # every small count is hidden
    eqs = grid_equations(len(original.rows), len(original.cols))
    assert exposed_by_propagation(hidden, eqs) == set()
    assert exposed_by_algebra(hidden, eqs) == set()
    return hidden


@pytest.mark.parametrize(
    ("cells", "expected_hidden"),
    [
        # no small cell: nothing hidden
        ([[5, 6], [7, 8]], set()),
        # zeros stay visible
        ([[0, 6], [7, 0]], set()),
        # one small cell: a rectangle of four
        ([[1, 5, 7], [4, 6, 8], [9, 9, 12]], {(0, 0), (0, 1), (1, 0), (1, 1)}),
        # two small cells on a diagonal close one rectangle
        ([[1, 5, 7], [4, 6, 8], [9, 9, 2]], {(0, 0), (0, 2), (2, 0), (2, 2)}),
    ],
)
def test_examples(cells, expected_hidden):
    table = Table.from_cells(
        [f"r{i}" for i in range(len(cells))], [f"c{j}" for j in range(len(cells[0]))], cells
    )
    published = suppress(table, 3)
    assert check_table(table, published, 3) == expected_hidden


def test_small_total_is_hidden_with_its_parts():
    table = Table.from_cells(["a", "b"], ["x", "y"], [[1, 0], [20, 30]])
    published = suppress(table, 3)
    hidden = check_table(table, published, 3)
    assert (0, 2) in hidden  # row total 1
    assert published.grid()[1] == [20, 30, 50] or (1, 0) in hidden


def test_one_column_table():
    table = Table.from_cells(["a", "b", "c"], ["x"], [[2], [10], [11]])
    check_table(table, suppress(table, 3), 3)


def test_bridge_between_two_cycles_is_caught():
    """Every line holds two hidden cells, yet the cell joining two rectangles is exposed."""
    from app.stats.disclosure import determined, table_equations

    bridge = {(0, 0), (0, 1), (1, 0), (1, 1), (2, 2), (2, 3), (3, 2), (3, 3), (1, 2)}
    eqs = table_equations(4, 4)
    assert determined(bridge, eqs) == {(1, 2)}
    assert exposed_by_algebra(bridge, eqs) == {(1, 2)}
    assert exposed_by_propagation(bridge, eqs) == set()  # propagation alone would miss it


tables = st.integers(1, 6).flatmap(
    lambda r: st.integers(1, 6).flatmap(
        lambda c: st.lists(
            st.lists(st.one_of(st.integers(0, 4), st.integers(0, 40)), min_size=c, max_size=c),
            min_size=r,
            max_size=r,
        )
    )
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables, st.integers(2, 5))
def test_random_tables_cannot_be_solved(cells, threshold):
    table = Table.from_cells(
        [f"r{i}" for i in range(len(cells))], [f"c{j}" for j in range(len(cells[0]))], cells
    )
    check_table(table, suppress(table, threshold), threshold)


def long_equations(rows_by_key, threshold_multi=3):
    """The published equations of a tally, written out independently of app.disclosure."""
    eqs = []
    keys = set(rows_by_key)
    measures = {m for m, _ in keys}
    for m in measures:
        for dim in (*CASE_SINGLE, *CONTACT_DIMS, DOMAIN_CLASS):
            parts = [k for k in keys if k[0] == m and len(k[1]) == 1 and k[1][0][0] == dim]
            if parts and (m, ()) in keys:
                eqs.append([(k, 1) for k in parts] + [((m, ()), -1)])
        for dim in ("field", "municipality"):
            cells = [
                k for k in keys
                if k[0] == m and len(k[1]) == 2 and {d for d, _ in k[1]} == {DOMAIN_CLASS, dim}
            ]  # fmt: skip
            for axis_dim in (DOMAIN_CLASS, dim):
                codes = {dict(k[1])[axis_dim] for k in cells}
                for code in codes:
                    line = [k for k in cells if dict(k[1])[axis_dim] == code]
                    margin = (m, ((axis_dim, code),))
                    if margin in keys:
                        eqs.append([(k, 1) for k in line] + [(margin, -1)])
    high = ["3", "4+"]
    a, mp = "cases_active", "cases_multi_problem"
    if (mp, ()) in keys:
        eqs.append([((a, ((DOMAIN_CLASS, c),)), 1) for c in high] + [((mp, ()), -1)])
    for c in high:
        eqs.append([((a, ((DOMAIN_CLASS, c),)), 1), ((mp, ((DOMAIN_CLASS, c),)), -1)])
    for dim in ("field", "municipality"):
        for k in keys:
            if k[0] == mp and len(k[1]) == 1 and k[1][0][0] == dim:
                code = k[1][0][1]
                parts = [(a, tuple(sorted(((DOMAIN_CLASS, c), (dim, code))))) for c in high]
                if all(p in keys for p in parts):
                    eqs.append([(p, 1) for p in parts] + [(k, -1)])
    return [eq for eq in eqs if all(k in keys for k, _ in eq)]


@pytest.mark.parametrize(("n_cases", "label"), [(40, "2026-Q1"), (400, "2026-Q2"), (3000, "2026")])
def test_long_table_cannot_be_solved(n_cases, label):
    cases, contacts = demo.generate(SCHEME, n_cases, 2026, seed=n_cases)
    t = tally(SCHEME, cases, contacts, parse_period(label))
    published_dims = [
        "field",
        "sex",
        "municipality",
        "domain_class",
        "age_band",
        "problem",
        "contact_form",
    ]
    pub = suppress_long(t, 3, published_dims)
    original = {(r.measure, r.dims): r.value for r in t.rows}
    shown = {(r.measure, r.dims): r.value for r in pub.rows}
    assert all(all(d in published_dims for d, _ in k[1]) for k in shown)
    hidden = {k for k, v in shown.items() if v is None}
    for k, v in shown.items():
        if v is not None:
            assert v == original[k] and not 0 < v < 3
    eqs = long_equations(shown)
    assert exposed_by_propagation(hidden, eqs) == set()
    assert exposed_by_algebra(hidden, eqs) == set()
    assert len(hidden) < len(shown)  # something useful is left


def test_long_table_without_small_counts_is_untouched():
    cases, contacts = demo.generate(SCHEME, 20000, 2026, seed=1)
    t = tally(SCHEME, cases, contacts, parse_period("2026"))
    pub = suppress_long(t, 3, ["field", "sex"])
    assert all(r.value is not None for r in pub.rows)


def test_pool_codes_sums_pooled_municipalities():
    from app.stats.disclosure import pool_codes
    from tests.support.tally_vault import CASES, CONTACTS

    t = tally(SCHEME, CASES, CONTACTS, parse_period("2026-Q1"))
    pooled = pool_codes(t, SCHEME)
    by = pooled.breakdown("cases_active", "municipality")
    assert by == {"99999001": 1, "VG Land": 2, "OUT": 0, "_U": 0, "_X": 2}
    assert pooled.value("cases_active", domain_class="4+", municipality="VG Land") == 1
    assert pooled.value("cases_active") == t.value("cases_active")
    keys = [(r.measure, r.dims) for r in pooled.rows]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
