"""Disclosure control for published tables: primary and secondary cell suppression.

Primary suppression hides every count from 1 to ``threshold - 1`` (default 3, the
Bundesagentur für Arbeit standard). A count of 0 stays visible, as statistics offices
publish it: it reveals no person, and hiding all zeros would blank most small tables.
Totals are counts too and follow the same rule.

Secondary suppression hides further cells so that no hidden value can be worked out from
the published ones. Published tables are sets of linear equations (a total equals the sum
of its parts; in a two-way table every row and every column); a hidden value is exposed
exactly when it is determined by those equations, i.e. when its unit vector lies in the
row space of the equations restricted to the hidden cells. We test that exactly (Gaussian
elimination modulo a large prime) and, while some hidden value is exposed, hide one more
cell of an equation holding it: the smallest non-zero count that is not a total (zeros and
totals only when nothing else is left). This repeats until no hidden value is determined.
It is a greedy method: it protects every cell, not always with the fewest extra cells.

Suppressed values are None and shown as "." (tally_io.SUPPRESSED).
"""

from __future__ import annotations

import heapq
from collections.abc import Hashable, Iterable, Sequence

import msgspec

from app.scheme.model import Scheme
from app.stats.tally import (
    CASE_SINGLE,
    CONTACT_DIMS,
    CROSS_BY_DOMAIN_CLASS,
    DOMAIN_CLASS,
    MISSING,
    SCHEME_DIMENSION,
    Row,
    Tally,
)
from app.stats.tally_v2 import NON_ADDITIVE_MEASURES
from app.stats.tally_v2 import PARTITIONS as V2_PARTITIONS

_P = (1 << 61) - 1  # a Mersenne prime; the coefficients here are 0 and ±1


class Table(msgspec.Struct, frozen=True, kw_only=True):
    """A two-way table with row totals, column totals and a grand total."""

    rows: tuple[str, ...]
    cols: tuple[str, ...]
    cells: tuple[tuple[int | None, ...], ...]
    row_totals: tuple[int | None, ...]
    col_totals: tuple[int | None, ...]
    total: int | None

    @classmethod
    def from_cells(
        cls, rows: Sequence[str], cols: Sequence[str], cells: Sequence[Sequence[int]]
    ) -> Table:
        cells = tuple(tuple(r) for r in cells)
        if len(cells) != len(rows) or any(len(r) != len(cols) for r in cells):
            raise ValueError("cells do not match the row and column labels")
        return cls(
            rows=tuple(rows),
            cols=tuple(cols),
            cells=cells,
            row_totals=tuple(sum(r) for r in cells),
            col_totals=tuple(sum(c) for c in zip(*cells, strict=True))
            if cells
            else (0,) * len(cols),
            total=sum(sum(r) for r in cells),
        )

    def grid(self) -> list[list[int | None]]:
        """The table with its totals as one (rows+1) x (cols+1) grid (totals last)."""
        out = [[*r, t] for r, t in zip(self.cells, self.row_totals, strict=True)]
        out.append([*self.col_totals, self.total])
        return out

    @classmethod
    def from_grid(cls, rows: Sequence[str], cols: Sequence[str], grid: Sequence[Sequence]) -> Table:
        return cls(
            rows=tuple(rows),
            cols=tuple(cols),
            cells=tuple(tuple(r[:-1]) for r in grid[:-1]),
            row_totals=tuple(r[-1] for r in grid[:-1]),
            col_totals=tuple(grid[-1][:-1]),
            total=grid[-1][-1],
        )


def table_equations(n_rows: int, n_cols: int) -> list[list[tuple[tuple[int, int], int]]]:
    """Equations of a grid with totals last: each is [(position, coefficient)], sum = 0."""
    eqs = []
    for i in range(n_rows + 1):
        eqs.append([((i, j), 1) for j in range(n_cols)] + [((i, n_cols), -1)])
    for j in range(n_cols + 1):
        eqs.append([((i, j), 1) for i in range(n_rows)] + [((n_rows, j), -1)])
    return eqs


def suppress(table: Table, threshold: int = 3) -> Table:
    """Primary and secondary suppression of a two-way table (see the module text)."""
    grid = table.grid()
    n_rows, n_cols = len(table.rows), len(table.cols)
    values = {(i, j): v for i, row in enumerate(grid) for j, v in enumerate(row)}
    if any(v is None for v in values.values()):
        raise ValueError("table already has suppressed cells")
    totals = {k for k in values if k[0] == n_rows or k[1] == n_cols}
    hidden = protect(values, table_equations(n_rows, n_cols), threshold, totals)
    out = [
        [None if (i, j) in hidden else v for j, v in enumerate(row)] for i, row in enumerate(grid)
    ]
    return Table.from_grid(table.rows, table.cols, out)


Equation = Sequence[tuple[Hashable, int]]


def protect(
    values: dict,
    equations: Iterable[Equation],
    threshold: int,
    totals: Iterable[Hashable] = (),
    already: Iterable[Hashable] = (),
) -> set:
    """The set of keys to hide: primary cells, ``already`` hidden ones and complements."""
    eqs = [list(e) for e in equations]
    # Totals (and margins): whatever some equation gives as the sum of others.
    totals = set(totals) | {k for eq in eqs for k, c in eq if c < 0}
    hidden = {k for k, v in values.items() if 0 < v < threshold} | set(already)
    by_key: dict[Hashable, list[int]] = {}
    for n, eq in enumerate(eqs):
        for k, _ in eq:
            by_key.setdefault(k, []).append(n)

    def cost(k: Hashable) -> tuple:
        v = values[k]
        return (k in totals, v == 0, v, repr(k))

    def local(hset: set, seeds: Iterable[Hashable]) -> tuple[set, list]:
        """The hidden keys linked to ``seeds`` through shared equations, and those equations."""
        seen, todo, eq_seen = set(seeds), list(seeds), set()
        while todo:
            key = todo.pop()
            for n in by_key.get(key, ()):
                if n in eq_seen:
                    continue
                eq_seen.add(n)
                for other, _ in eqs[n]:
                    if other in hset and other not in seen:
                        seen.add(other)
                        todo.append(other)
        return seen, [eqs[n] for n in sorted(eq_seen)]

    def weight(c: Hashable) -> float:
        if c in hidden:
            return 0.0
        v = values[c]
        return v + 1.0 + (1e6 if v == 0 else 0.0) + (1e9 if c in totals else 0.0)

    def cheapest_cycle(k: Hashable) -> list:
        """Published keys that, hidden, close the cheapest cycle through ``k``.

        Equations are nodes and every key an edge between the equations holding it (a key
        in one equation only ends at a free node "outside"); an exposed value lies on no
        cycle of hidden keys, so we add the cheapest path between two of its equations.
        """
        outside = -1
        ends = by_key.get(k, [])
        ends = [*ends, outside] if len(ends) == 1 else list(ends)
        if len(ends) < 2:
            return []
        adj: dict[int, list[tuple[int, Hashable]]] = {}
        for c, ns in by_key.items():
            if c == k:
                continue
            nodes = [*ns, outside] if len(ns) == 1 else ns
            for a in nodes:
                for b in nodes:
                    if a != b:
                        adj.setdefault(a, []).append((b, c))
        source, targets = ends[0], set(ends[1:])
        dist = {source: 0.0}
        back: dict[int, tuple[int, Hashable]] = {}
        heap = [(0.0, 0, source)]
        tick = 1
        while heap:
            d, _, node = heapq.heappop(heap)
            if d > dist.get(node, float("inf")):
                continue
            if node in targets:
                path = []
                while node != source:
                    node, c = back[node]
                    path.append(c)
                return [c for c in path if c not in hidden]
            for nxt, c in adj.get(node, ()):
                nd = d + weight(c)
                if nd < dist.get(nxt, float("inf")):
                    dist[nxt] = nd
                    back[nxt] = (node, c)
                    heapq.heappush(heap, (nd, tick, nxt))
                    tick += 1
        return []

    exposed = determined(hidden, eqs)
    while exposed:
        k = min(exposed, key=repr)
        path = cheapest_cycle(k)
        if path:
            hidden.update(path)
            exposed = determined(hidden, eqs)
            continue
        # No new cycle helps (linked equations): hide the cell that exposes least.
        comp, _ = local(hidden, [k])
        # Candidates: the published cells of every equation holding an exposed value of
        # this linked group (so that a cycle can be closed anywhere along it).
        pool = {c for h in comp & exposed for n in by_key.get(h, ()) for c, _ in eqs[n]} - hidden
        if not pool:  # every neighbour hidden already: widen to the equations around
            pool = {c for h in comp for n in by_key.get(h, ()) for c, _ in eqs[n]} - hidden
        if not pool:
            raise AssertionError("cannot protect: nothing left to hide")

        def score(c: Hashable, comp: set = comp, exposed: set = exposed) -> tuple:
            trial = hidden | {c}
            keys, local_eqs = local(trial, comp | {c})
            # hidden values still exposed anywhere once c is hidden too
            still = len(exposed - keys) + len(determined(keys, local_eqs))
            near = {o for n in by_key.get(c, ()) for o, _ in eqs[n] if o in exposed}
            is_total, is_zero, value, name = cost(c)
            return (is_total, is_zero, still, -len(near), value, name)

        hidden.add(min(pool, key=score))
        exposed = determined(hidden, eqs)
    # Prune: give back every complement that is not needed, largest first.
    primary = {k for k, v in values.items() if 0 < v < threshold} | set(already)
    for c in sorted(hidden - primary, key=lambda c: (weight(c), repr(c)), reverse=True):
        hidden.discard(c)
        if determined(hidden, eqs):
            hidden.add(c)
    return hidden


def determined(hidden: set, equations: Iterable[Equation]) -> set:
    """Hidden keys whose value follows from the equations and the published values."""
    hidden = set(hidden)
    rows: list[dict] = []
    for eq in equations:
        row = {}
        for k, c in eq:
            if k in hidden:
                row[k] = (row.get(k, 0) + c) % _P
        row = {k: c for k, c in row.items() if c}
        if row:
            rows.append(row)
    # Reduced row echelon form over GF(p), pivoting column by column.
    order = {k: n for n, k in enumerate(sorted(hidden, key=repr))}
    pivots: list[dict] = []
    remaining = rows
    for col in sorted(hidden, key=order.__getitem__):
        pivot = None
        rest = []
        for r in remaining:
            if pivot is None and col in r:
                pivot = r
            else:
                rest.append(r)
        if pivot is None:
            continue
        inv = pow(pivot[col], _P - 2, _P)
        pivot = {k: c * inv % _P for k, c in pivot.items()}
        for group in (rest, pivots):
            for r in group:
                f = r.get(col)
                if f:
                    for k, c in pivot.items():
                        v = (r.get(k, 0) - f * c) % _P
                        if v:
                            r[k] = v
                        else:
                            r.pop(k, None)
        pivots.append(pivot)
        remaining = [r for r in rest if r]
    return {next(iter(r)) for r in pivots if len(r) == 1}


# The long table.

PARTITIONS = {  # dimensions whose codes (with "not recorded") add up to the total
    **{d: None for d in CASE_SINGLE},
    **{d: None for d in CONTACT_DIMS},
    DOMAIN_CLASS: None,
    **{d: None for d in V2_PARTITIONS},
}


def suppress_long(
    tally: Tally,
    threshold: int,
    published_dimensions: Iterable[str],
    *,
    multi_threshold: int = 3,
) -> Tally:
    """The published form of a tally: only totals and breakdowns by published dimensions,
    with small counts and their complements hidden (value None).

    Protected together, as linked tables: every one-way breakdown by a dimension that
    partitions the cases or contacts (total = sum of parts, "not recorded" included), the
    two-way multi-problem tables (each margin is a one-way breakdown) and the multi-problem
    identities (multi-problem cases = cases with at least ``multi_threshold`` domains, the
    scheme's rule). Breakdowns by several codes per case (problem codes, life domains,
    other fields) add up to no total; their cells get primary suppression only.
    """
    published = set(published_dimensions)
    kept = [r for r in tally.rows if all(d in published for d, _ in r.dims)]
    values = {(r.measure, r.dims): r.value for r in kept if r.measure not in NON_ADDITIVE_MEASURES}
    if any(v is None for v in values.values()):
        raise ValueError("tally already suppressed")
    eqs: list[list[tuple[tuple, int]]] = []
    groups: dict[tuple, list[tuple]] = {}
    for measure, dims in values:
        names = tuple(d for d, _ in dims)
        groups.setdefault((measure, names), []).append((measure, dims))
    for (measure, names), keys in groups.items():
        if len(names) == 1 and names[0] in PARTITIONS and (measure, ()) in values:
            eqs.append([(k, 1) for k in keys] + [((measure, ()), -1)])
        if len(names) == 2:  # two-way: each line adds up to its one-way margin
            for axis in (0, 1):
                lines: dict[tuple[str, str], list] = {}
                for k in keys:
                    lines.setdefault(k[1][axis], []).append(k)
                for fixed, members in lines.items():
                    margin = (measure, (fixed,))
                    if margin in values:
                        eqs.append([(k, 1) for k in members] + [(margin, -1)])
    identities = _multi_identities(values, multi_threshold)
    eqs = _split_by_identities(eqs, identities) + identities
    totals = {k for k in values if not k[1]}
    hidden = protect(values, eqs, threshold, totals)
    hidden |= _hidden_medians(tally, kept, hidden, threshold)
    rows = tuple(
        Row(r.dims, r.measure, None if (r.measure, r.dims) in hidden else r.value) for r in kept
    )
    return msgspec.structs.replace(tally, rows=rows)


def _hidden_medians(tally: Tally, kept: list[Row], hidden: set, threshold: int) -> set:
    """A median waiting time is shown only where at least ``threshold`` cases with a waiting
    time stand behind it and their count is shown; otherwise it could name one person's."""
    started = {r.dims: r.value for r in tally.rows if r.measure == "cases_started"}
    out = set()
    for r in kept:
        if r.measure not in NON_ADDITIVE_MEASURES:
            continue
        unknown = tuple(sorted((*r.dims, ("waiting_band", MISSING))))
        n = (started.get(r.dims) or 0) - (started.get(unknown) or 0)
        if n < threshold or ("cases_started", r.dims) in hidden:
            out.add((r.measure, r.dims))
    return out


def _class_at_least(code: str, n: int) -> bool:
    return int(code.rstrip("+")) >= n


def _multi_identities(values: dict, n: int) -> list:
    """cases_multi_problem[...] = sum of cases_active[domain_class >= n, ...]."""
    eqs = []
    multi, active = "cases_multi_problem", "cases_active"
    high = [
        dims[0][1]
        for (m, dims) in values
        if m == active
        and len(dims) == 1
        and dims[0][0] == DOMAIN_CLASS
        and _class_at_least(dims[0][1], n)
    ]
    if (multi, ()) in values:
        parts = [(active, ((DOMAIN_CLASS, c),)) for c in high]
        if parts and all(p in values for p in parts):
            eqs.append([(p, 1) for p in parts] + [((multi, ()), -1)])
    for c in high:  # the multi-problem cases of a high class are all cases of that class
        a, b = (active, ((DOMAIN_CLASS, c),)), (multi, ((DOMAIN_CLASS, c),))
        if a in values and b in values:
            eqs.append([(a, 1), (b, -1)])
    for dim in CROSS_BY_DOMAIN_CLASS:
        codes = {
            dims[0][1]
            for (m, dims) in values
            if m == multi and len(dims) == 1 and dims[0][0] == dim
        }
        for v in codes:
            parts = [(active, tuple(sorted(((DOMAIN_CLASS, c), (dim, v))))) for c in high]
            if parts and all(p in values for p in parts):
                eqs.append([(p, 1) for p in parts] + [((multi, ((dim, v),)), -1)])
    return eqs


def _split_by_identities(eqs: list, identities: list) -> list:
    """Rewrite sums that hold the parts of a multi-problem identity (same row space).

    ``sum over all classes = margin`` becomes ``sum over the low classes = margin - multi``,
    next to the identity ``sum over the high classes = multi``. Then every two-way cell lies
    in exactly two equations (its line and its half-column), as in a plain two-way table,
    and the cycle search of ``protect`` finds small complements.
    """
    usable = []
    for eq in identities:
        total = next(k for k, c in eq if c < 0)
        if any(d == DOMAIN_CLASS for d, _ in total[1]):
            continue  # active[class] = multi[class]: a plain equality
        usable.append((total, {k for k, c in eq if c > 0}))
    out = []
    for eq in eqs:
        plus = {k for k, c in eq if c > 0}
        for total, parts in usable:
            if parts <= plus:
                eq = [(k, c) for k, c in eq if k not in parts] + [(total, 1)]
                plus -= parts
        out.append(eq)
    return out


def pool_codes(tally: Tally, scheme: Scheme) -> Tally:
    """Merge codes that published tables pool (scheme ``pool``, e.g. the seven member
    municipalities of VG Vorharz): their rows are summed under the pool's name as code.
    Apply before ``suppress_long``.
    """
    merged: dict[tuple, int] = {}
    for r in tally.rows:
        if r.value is None:
            raise ValueError("pool before suppressing")
        dims = tuple(
            sorted(
                (d, scheme.pooled(SCHEME_DIMENSION[d], c) if d in SCHEME_DIMENSION else c)
                for d, c in r.dims
            )
        )
        key = (r.measure, dims)
        merged[key] = merged.get(key, 0) + r.value
    rows = tuple(Row(dims, measure, v) for (measure, dims), v in sorted(merged.items()))
    return msgspec.structs.replace(tally, rows=rows)
