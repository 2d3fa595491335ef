"""Tallies: the aggregate long table an office reports for one period.

One call, ``tally(scheme, cases, contacts, period)``, counts every measure and breakdown in
one pass over the contacts and one over the cases (plus cheap C-level counting of
attribute columns), so that a year of a large office (20,000 cases, 100,000 contacts) takes
well under 0.15 s. The result is one long table of rows ``(dims, measure, value)``; the
exact definitions are in docs/tally-format.md and in the comments below.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from itertools import chain
from operator import attrgetter

import msgspec

from app import lang
from app.records.model import CASE_REQUIRED_FOR_COMPLETENESS, Activity, Case, Contact
from app.records.periods import Period
from app.records.rules import domain_class
from app.records.upgrade import case_upgrader, contact_upgrader
from app.scheme.model import Scheme
from app.stats import tally_v2
from app.stats.codes import LABELS as MARKER_LABELS
from app.stats.codes import MARKERS, NOT_RECORDED, UNKNOWN

MISSING = NOT_RECORDED  # "not recorded" in single-valued breakdowns (app/stats/codes.py)

# Row dimension id -> (case attribute or None, scheme dimension id or None).
# Single-valued case items: every case counts once, under its code or MISSING.
CASE_SINGLE: dict[str, tuple[str, str]] = {
    "field": ("field", "field"),
    "sex": ("sex", "sex"),
    "age_band": ("age_band", "age_band"),
    "household": ("household", "household"),
    "children": ("children", "children"),
    "municipality": ("municipality", "municipality"),
    "transfer_benefits": ("transfer_benefits", "yes_no_unknown"),
    "migration_parent": ("migration_parent", "yes_no_unknown"),
    "german_at_home": ("german_at_home", "yes_no_unknown"),
    "referral": ("referral", "referral"),
    "ending": ("ending", "ending"),
}
# Multi-valued case items: a case counts once per distinct code it has.
CASE_MULTI: dict[str, tuple[str, str]] = {
    "other_field": ("other_fields", "field"),
    "problem": ("problems", "problem"),
    "domain": ("problems", "domain"),  # derived: life domains of the problem codes
}
CONTACT_DIMS: dict[str, str] = {
    "contact_form": "contact_form",
    "duration_band": "duration_band",
    "field": "field",
}
ACTIVITY_DIMS: dict[str, str] = {"activity_kind": "activity_kind"}
# Every row dimension id -> the scheme dimension whose codes (and labels) it uses.
SCHEME_DIMENSION: dict[str, str] = {
    **{k: v[1] for k, v in CASE_SINGLE.items()},
    **{k: v[1] for k, v in CASE_MULTI.items()},
    **CONTACT_DIMS,
    **ACTIVITY_DIMS,
}
DOMAIN_CLASS = "domain_class"  # derived: "0", "1", ..., "4+"
# Format 2 row dimensions (app/stats/tally_v2.py): item breakdowns and derived classes.
V2_DIMENSIONS = (  # (activity_kind is a scheme dimension: in SCHEME_DIMENSION)
    *tally_v2.ITEM_DIMS,
    tally_v2.WAITING_BAND,
    tally_v2.PROBLEM_CLASS,
)
NON_ADDITIVE_MEASURES = tally_v2.NON_ADDITIVE_MEASURES
ITEM = "item"  # completeness: the case attribute that is missing

CASE_MEASURES = (
    "cases_active",
    "cases_new",
    "cases_closed",
    "cases_single_contact",
    "cases_multi_problem",
)
CONTACT_MEASURES = ("contacts", "persons")
COMPLETENESS_MEASURE = "cases_missing"
CROSS_BY_DOMAIN_CLASS = ("field", "municipality")  # cases_active: domain_class x these

MEASURE_LABELS: dict[str, tuple[str, str]] = {
    "cases_active": ("Fälle im Zeitraum", "Active cases"),
    "cases_new": ("Neue Fälle", "New cases"),
    "cases_closed": ("Abgeschlossene Fälle", "Closed cases"),
    "cases_single_contact": ("Einmalkontakt-Fälle", "Single-contact cases"),
    "cases_multi_problem": ("Multiproblemfälle", "Multi-problem cases"),
    "contacts": ("Kontakte", "Contacts"),
    "persons": ("Anwesende Personen", "Persons present"),
    "cases_missing": ("Fälle mit fehlender Angabe", "Cases with item missing"),
    **tally_v2.MEASURE_LABELS,
}
_DERIVED_LABELS: dict[str, tuple[str, str]] = {
    "other_field": ("Weiteres Beratungsfeld", "Other counselling field"),
    "transfer_benefits": ("Transferleistungen", "Transfer benefits"),
    "migration_parent": (
        "Mind. ein Elternteil ausländischer Herkunft",
        "At least one parent of foreign origin",
    ),
    "german_at_home": ("Zu Hause vorrangig Deutsch", "German mainly spoken at home"),
    DOMAIN_CLASS: ("Anzahl Lebensbereiche", "Number of life domains"),
    ITEM: ("Angabe", "Item"),
    **tally_v2.DERIVED_LABELS,
}


# gc=False: rows hold only strings and ints (no cycles); a tally has thousands of them and
# tracking each made decoding many packages spend most of its time in the cyclic GC.
class Row(msgspec.Struct, frozen=True, array_like=True, gc=False):
    dims: tuple[tuple[str, str], ...]  # sorted (dimension id, code) pairs; () = total
    measure: str
    value: int | None  # None: suppressed for publication (shown ".")


class Tally(msgspec.Struct, frozen=True, kw_only=True, dict=True):
    period: Period
    scheme_id: str
    scheme_version: int
    rows: tuple[Row, ...]

    @cached_property
    def _index(self) -> dict[tuple[str, tuple[tuple[str, str], ...]], int | None]:
        return {(r.measure, r.dims): r.value for r in self.rows}

    @cached_property
    def measures(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.measure for r in self.rows))

    def value(self, measure: str, **dims: str) -> int | None:
        """The value of one cell; 0 for a combination not in the table."""
        if measure not in self.measures:
            raise KeyError(measure)
        return self._index.get((measure, tuple(sorted(dims.items()))), 0)

    def breakdown(self, measure: str, dimension: str) -> dict[str, int | None]:
        """code -> value of the one-dimensional breakdown of ``measure`` by ``dimension``."""
        return {
            r.dims[0][1]: r.value
            for r in self.rows
            if r.measure == measure and len(r.dims) == 1 and r.dims[0][0] == dimension
        }

    def breakdowns(self) -> list[tuple[str, tuple[str, ...]]]:
        """Every (measure, dimension ids) combination present, in row order."""
        return list(dict.fromkeys((r.measure, tuple(d for d, _ in r.dims)) for r in self.rows))


MapCode = Callable[[str, str, int], str]


def _class_codes(scheme: Scheme) -> list[str]:
    top = scheme.multi_problem.top_class
    return [str(i) for i in range(top)] + [f"{top}+"]


def tally(
    scheme: Scheme,
    cases: Sequence[Case],
    contacts: Iterable[Contact],
    period: Period,
    *,
    map_code: MapCode | None = None,
    activities: Iterable[Activity] = (),
) -> Tally:
    """Count every measure and breakdown of docs/tally-format.md for ``period`` (see _tally).

    The cyclic GC is paused meanwhile: counting makes many short-lived tuples and no cycles,
    and with 100,000 records alive each collection would walk all of them (as on unlock).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _tally(scheme, cases, contacts, period, map_code=map_code, activities=activities)
    finally:
        if was_enabled:
            gc.enable()


def _tally(
    scheme: Scheme,
    cases: Sequence[Case],
    contacts: Iterable[Contact],
    period: Period,
    *,
    map_code: MapCode | None = None,
    activities: Iterable[Activity] = (),
) -> Tally:
    """Count every measure and breakdown of docs/tally-format.md for ``period``.

    Cases recorded under an earlier scheme version are translated code by code with
    ``map_code(dimension, code, from_version)`` (default: unchanged) before counting.
    A format 2 scheme adds the measures of app/stats/tally_v2.py (``activities`` counted
    there); a format 1 scheme's tally is exactly what it always was.
    """
    start, end = period.start, period.end
    version = scheme.version
    if map_code is not None:
        upgrade = case_upgrader(scheme, map_code)
        cases = [c if c.scheme_version == version else upgrade(c) for c in cases]
        upgrade_contact = contact_upgrader(scheme, map_code)
        contacts = (k if k.scheme_version == version else upgrade_contact(k) for k in contacts)
    v2 = bool(scheme.items)
    if v2:
        contacts = list(contacts)  # a second pass counts the format 2 contact items

    counts: dict[tuple[str, tuple[tuple[str, str], ...]], int] = {}

    # Contacts: one pass. Per case, the contacts up to the period's end (for single-contact
    # cases); in the period, counts by form, duration band and field.
    case_field = {c.id: c.field for c in cases}
    per_case: dict[str | None, int] = {}
    forms: dict[str, int] = {}
    durations: dict[str, int] = {}
    fields: dict[str | None, int] = {}
    n_contacts = n_persons = 0
    for k in contacts:
        day = k.date
        if day > end:
            continue
        if k.no_show:  # a missed appointment is no contact (format 2; counted in tally_v2)
            continue
        cid = k.case_id
        per_case[cid] = per_case.get(cid, 0) + 1
        if day < start:
            continue
        n_contacts += 1
        n_persons += k.persons
        code = k.form
        forms[code] = forms.get(code, 0) + 1
        code = k.duration
        durations[code] = durations.get(code, 0) + 1
        # Under its case's primary field; anonymous contacts (or any whose case is not
        # among ``cases``) under their own field.
        code = case_field.get(cid) if cid is not None else None
        if code is None:
            code = k.field
        fields[code] = fields.get(code, 0) + 1
    counts[("contacts", ())] = n_contacts
    counts[("persons", ())] = n_persons
    by = {"contact_form": forms, "duration_band": durations, "field": fields}
    for dim, sdim in CONTACT_DIMS.items():
        _fill(counts, "contacts", dim, by[dim], _scheme_codes(scheme, sdim), True)

    # Cases: active = opened on or before the period's end and not closed before its start.
    # Every other case measure is a subset of the active cases, marked by one bit per case,
    # so each attribute is counted once as (code, bits) pairs.
    active = [c for c in cases if c.opened <= end and (c.closed is None or c.closed >= start)]
    pd = scheme.problem_domain
    top = scheme.multi_problem.top_class
    threshold = scheme.multi_problem.threshold
    pd_get = pd.get
    doms_all = [set(map(pd_get, ps)) for ps in map(attrgetter("problems"), active)]
    for doms in doms_all:
        doms.discard(None)  # problem codes outside the scheme belong to no domain
    cls_all = [domain_class(len(d), top) for d in doms_all]
    bits: list[int] = []
    append = bits.append
    for c, doms in zip(active, doms_all, strict=True):
        m = 1 if c.opened >= start else 0
        closed = c.closed
        if closed is not None and closed <= end:
            m |= 2
        if per_case.get(c.id, 0) == 1:
            m |= 4
        if len(doms) >= threshold:
            m |= 8
        append(m)
    for measure, bit in _MEASURE_BITS.items():
        counts[(measure, ())] = len(bits) if bit == 0 else sum(1 for m in bits if m & bit)
    for dim, (attr, sdim) in CASE_SINGLE.items():
        got = Counter(zip(map(attrgetter(attr), active), bits, strict=True))
        split = _split(got)
        for measure in _MEASURE_BITS:
            _fill(counts, measure, dim, split[measure], _scheme_codes(scheme, sdim), True)
        if attr in CASE_REQUIRED_FOR_COMPLETENESS:
            counts[(COMPLETENESS_MEASURE, ((ITEM, attr),))] = split["cases_active"].get(None, 0)
        if attr == "ending":  # an ending is required once the case is closed
            counts[(COMPLETENESS_MEASURE, ((ITEM, attr),))] = split["cases_closed"].get(None, 0)
    for dim, (attr, sdim) in CASE_MULTI.items():
        lists = doms_all if dim == "domain" else map(set, map(attrgetter(attr), active))
        got = Counter((code, m) for codes, m in zip(lists, bits, strict=True) for code in codes)
        split = _split(got)
        for measure in _MEASURE_BITS:
            _fill(counts, measure, dim, split[measure], _scheme_codes(scheme, sdim), False)
    class_codes = _class_codes(scheme)
    split = _split(Counter(zip(cls_all, bits, strict=True)))
    for measure in _MEASURE_BITS:
        _fill(counts, measure, DOMAIN_CLASS, split[measure], class_codes, False)
    counts[(COMPLETENESS_MEASURE, ((ITEM, "problems"),))] = sum(1 for c in active if not c.problems)
    # Multi-problem distribution by field and by municipality (active cases).
    for dim in CROSS_BY_DOMAIN_CLASS:
        attr, sdim = CASE_SINGLE[dim]
        got = Counter(zip(cls_all, map(attrgetter(attr), active), strict=True))
        codes = _scheme_codes(scheme, sdim)
        extra = sorted({v for _, v in got if v is not None and v not in codes})
        for k in class_codes:
            for v in chain(codes, extra, [MISSING]):
                n = got.get((k, None if v == MISSING else v), 0)
                key = tuple(sorted(((DOMAIN_CLASS, k), (dim, v))))
                counts[("cases_active", key)] = n

    if v2:
        tally_v2.count_cases(counts, scheme, active, bits, _MEASURE_BITS, cases, period)
        tally_v2.count_contacts(counts, scheme, contacts, case_field, period)  # type: ignore[arg-type]
        tally_v2.count_activities(counts, scheme, activities, period)
    unknown = unknown_by_dimension(scheme)
    if unknown:
        counts = _count_unknown(counts, unknown)
    rows = tuple(Row(dims, measure, value) for (measure, dims), value in sorted(counts.items()))
    return Tally(period=period, scheme_id=scheme.id, scheme_version=version, rows=rows)


def unknown_by_dimension(scheme: Scheme) -> dict[str, str]:
    """Row dimension id -> the scheme code of its "unknown" answer (counted as UNKNOWN, "_U")."""
    of_scheme = scheme.unknown_codes
    out = {}
    for dim in (*SCHEME_DIMENSION, *tally_v2.ITEM_DIMS):
        sdim = _scheme_dim(dim, scheme)
        if sdim in of_scheme:
            out[dim] = of_scheme[sdim]
    return out


def _count_unknown(counts: dict, unknown: dict[str, str]) -> dict:
    """The counts with each dimension's unknown answer under UNKNOWN."""
    out = {}
    get = unknown.get
    for (measure, dims), n in counts.items():
        if any(get(d) == c for d, c in dims):
            dims = tuple(sorted((d, UNKNOWN if get(d) == c else c) for d, c in dims))
        out[(measure, dims)] = n
    return out


def _fill(
    counts: dict, measure: str, dim: str, got: Counter, codes: list[str], missing: bool
) -> None:
    for code in codes:
        counts[(measure, ((dim, code),))] = got.get(code, 0)
    for code in sorted(k for k in got if k is not None and k not in codes):
        counts[(measure, ((dim, code),))] = got[code]  # outside the scheme: still counted
    if missing:
        counts[(measure, ((dim, MISSING),))] = got.get(None, 0)


_MEASURE_BITS = {
    "cases_active": 0,
    "cases_new": 1,
    "cases_closed": 2,
    "cases_single_contact": 4,
    "cases_multi_problem": 8,
}


def _split(got: Counter) -> dict[str, Counter]:
    """(code, bits) counts -> code counts per case measure."""
    out = {measure: Counter() for measure in _MEASURE_BITS}
    for (code, m), n in got.items():
        for measure, bit in _MEASURE_BITS.items():
            if bit == 0 or m & bit:
                out[measure][code] += n
    return out


def _scheme_codes(scheme: Scheme, dim: str) -> list[str]:
    try:
        return [c.code for c in scheme.codes(dim)]
    except KeyError:
        return []


# Labels for people (reports, terminal tables).


def _pick(pair: tuple[str, str], language: str | None) -> str:
    return pair[1] if (language or lang.current()) == "en" else pair[0]


def measure_label(measure: str, language: str | None = None) -> str:
    pair = MEASURE_LABELS.get(measure)
    return _pick(pair, language) if pair else measure


def _scheme_dim(dim: str, scheme: Scheme) -> str | None:
    """The scheme dimension whose codes a row dimension uses (format 2: the item's)."""
    item_id = tally_v2.ITEM_DIMS.get(dim)
    if item_id is not None:
        item = scheme.item(item_id)
        return item.dimension if item else None
    return SCHEME_DIMENSION.get(dim)


def dimension_label(dim: str, scheme: Scheme, language: str | None = None) -> str:
    item = scheme.item(tally_v2.ITEM_DIMS.get(dim, ""))
    if item is not None and dim not in _DERIVED_LABELS:
        return item.label(language)
    if dim in _DERIVED_LABELS:
        return _pick(_DERIVED_LABELS[dim], language)
    sdim = SCHEME_DIMENSION.get(dim)
    if sdim is not None:
        try:
            return scheme.dimension(sdim).label(language)
        except KeyError:
            return dim
    return dim


def code_label(dim: str, code: str, scheme: Scheme, language: str | None = None) -> str:
    if code in MARKER_LABELS:
        return _pick(MARKER_LABELS[code], language)
    if dim in (DOMAIN_CLASS, tally_v2.PROBLEM_CLASS):
        return code
    if dim == tally_v2.WAITING_BAND:
        return _pick(tally_v2.BAND_LABELS.get(code, (code, code)), language)
    if dim == ITEM:
        from app.records.model import CASE_DIMENSIONS

        sdim = CASE_DIMENSIONS.get(code)
        if code in _DERIVED_LABELS:
            return _pick(_DERIVED_LABELS[code], language)
        if sdim:
            try:
                return scheme.dimension(sdim).label(language)
            except KeyError:
                return code
        return code
    sdim = _scheme_dim(dim, scheme)
    return scheme.label(sdim, code, language) if sdim else code


def _code_rank(dim: str, scheme: Scheme) -> dict[str, int]:
    if dim in (DOMAIN_CLASS, tally_v2.PROBLEM_CLASS):
        return {c: i for i, c in enumerate(_class_codes(scheme))}
    if dim == tally_v2.WAITING_BAND:
        return {c: i for i, (c, _) in enumerate(tally_v2.WAITING_BANDS)}
    if dim == ITEM:
        items = (*CASE_REQUIRED_FOR_COMPLETENESS, "ending")
        return {c: i for i, c in enumerate(items)}
    sdim = _scheme_dim(dim, scheme)
    return {c: i for i, c in enumerate(_scheme_codes(scheme, sdim))} if sdim else {}


_MARKER_RANK = {c: i for i, c in enumerate(MARKERS)}


def display_rows(tally: Tally, scheme: Scheme, measure: str, dims: tuple[str, ...]) -> list[Row]:
    """The rows of one breakdown in the scheme's code order (then codes outside the scheme,
    then unknown, not asked, not recorded)."""
    ranks = {d: _code_rank(d, scheme) for d in dims}
    big = 1 << 30

    def key(row: Row) -> tuple:
        cells = dict(row.dims)
        out = []
        for d in dims:
            code = cells[d]
            rank = ranks[d].get(code, big + 2 + _MARKER_RANK.get(code, -1))
            out.append((rank, code))
        return tuple(out)

    rows = [r for r in tally.rows if r.measure == measure and tuple(d for d, _ in r.dims) == dims]
    return sorted(rows, key=key)


def measure_order(tally: Tally) -> list[str]:
    """The tally's measures in the documented order (unknown ones after, alphabetically)."""
    known = [m for m in MEASURE_LABELS if m in tally.measures]
    return known + sorted(set(tally.measures) - set(known))
