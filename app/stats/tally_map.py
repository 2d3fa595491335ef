"""A tally counted under an earlier scheme version, in the codes of the current one.

The district merges packages of offices on different versions (format 1 and 2 packages):
each row's codes pass through the scheme's mappings (app/scheme/mapping.py), rows that
meet are added up. From aggregates alone some things cannot be recomputed, and are kept as
counted: a code that a ``moved`` mapping takes into an item keeps its count under the
replacing code (v1 debt triggers under FIN_SCHULD; the trigger breakdown counts only
version 2 packages), life domains keep the earlier rule, and a breakdown by several codes
per case may count a case twice where a mapping merges two of its codes. Every breakdown
that partitions the cases in the current version but is missing in the older tally gets
all its cases as "not recorded", so totals still equal the sum of their parts.
"""

from __future__ import annotations

from app.scheme.mapping import mapper, moved_table
from app.scheme.model import Scheme
from app.stats import tally_v2
from app.stats.codes import MARKERS
from app.stats.tally import MISSING, SCHEME_DIMENSION, Row, Tally

CASE_MEASURES = (
    "cases_active",
    "cases_new",
    "cases_closed",
    "cases_single_contact",
    "cases_multi_problem",
)


def to_scheme(tally: Tally, scheme: Scheme) -> Tally:
    """``tally`` in ``scheme``'s codes; unchanged when it already is of that version."""
    old = tally.scheme_version
    if old >= scheme.version:
        return tally
    translate, moved = mapper(scheme), moved_table(scheme)
    sums: dict[tuple[str, tuple[tuple[str, str], ...]], int] = {}
    for r in tally.rows:
        if r.value is None:
            raise ValueError("cannot map a suppressed tally")
        dims = []
        for d, code in r.dims:
            sdim = SCHEME_DIMENSION.get(d)
            if sdim is not None and code not in MARKERS:
                where = moved.get((sdim, code, old))
                if where is not None:
                    code = where.replace_with or code
                else:
                    code = translate(sdim, code, old)
            dims.append((d, code))
        key = (r.measure, tuple(sorted(dims)))
        sums[key] = sums.get(key, 0) + r.value
    if scheme.items:
        present = {(m, dims[0][0]) for m, dims in sums if len(dims) == 1}
        partitions = [
            d for d, item in tally_v2.CASE_ITEM_DIMS.items() if scheme.item(item) is not None
        ] + [tally_v2.PROBLEM_CLASS]
        for measure in CASE_MEASURES:
            total = sums.get((measure, ()))
            for dim in partitions:
                if total is not None and (measure, dim) not in present:
                    sums[(measure, ((dim, MISSING),))] = total
        total = sums.get(("contacts", ()))
        for dim, item in tally_v2.CONTACT_ITEM_DIMS.items():
            if total is not None and scheme.item(item) and ("contacts", dim) not in present:
                sums[("contacts", ((dim, MISSING),))] = total
    rows = tuple(Row(dims, m, v) for (m, dims), v in sorted(sums.items()))
    return Tally(
        period=tally.period, scheme_id=tally.scheme_id, scheme_version=scheme.version, rows=rows
    )
