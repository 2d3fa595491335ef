"""The measures a format 2 scheme adds to a tally (docs/tally-format.md, "Format 2").

Called by app/stats/tally.py only when the scheme declares items, so a format 1 tally is
unchanged row for row. Everything here is a count or a sum, except ``waiting_days_median``,
which is NON_ADDITIVE: it is never summed across offices or quarters (app/district/report.py).

- Waiting time: cases whose counselling started in the period, by waiting band (days from
  request to start), also by field and by municipality; shares within 14 and 28 days are
  read from the bands; the median in whole days beside them.
- Items: every single-choice case item (and the main reason of a ranked item) partitions the
  cases: its codes, "_X" (not recorded) and "_Z" (not asked: the item does not apply to the
  case's fields) add up to the total. Multiple-choice items and all reasons count a case once
  per code (they add up to no total).
- Persons counselled (the sum by sex, also by the persons' sex) and children affected
  (sums); cases by who is counselled x field (relatives counted apart; the KDS diagnosis
  breakdown has "_Z" for them, as it is asked of the person concerned only); problem counts
  beside domain counts,
  integrated cases (cases linked by a household key count once, with the union of their
  life domains), cases open at the reference date (the period's last day).
- Contacts by kind and place, no-shows and minutes, by duration band x form where the bands
  follow from the minutes; activities and their participants.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter

from app.records.applies import condition_attribute
from app.records.model import ITEM_ATTRIBUTE, Activity, Case, Contact, persons_total
from app.records.periods import Period
from app.records.rules import domain_class
from app.scheme.model import Scheme
from app.stats.codes import NOT_ASKED, NOT_RECORDED

MISSING = NOT_RECORDED
# NOT_ASKED: the item does not apply to the case's counselling fields
WAITING_BAND = "waiting_band"
PROBLEM_CLASS = "problem_class"
# (band code, last day included); the last band is open
WAITING_BANDS = (("D0_14", 14), ("D15_28", 28), ("D29_56", 56), ("D57_91", 91), ("D92+", None))
NON_ADDITIVE_MEASURES = ("waiting_days_median",)
# Row dimension id -> item id, for the item breakdowns of cases and contacts.
CASE_ITEM_DIMS = {
    "client_relation": "client_relation",
    "reason_main": "reasons",
    "debt_trigger": "debt_trigger",
    "eb_setting": "eb_setting",
    "risk_assessment": "risk_assessment",
    "family_situation": "family_situation",
    "diagnosis": "diagnosis",  # "_Z" also for relatives: KDS diagnoses the client only
}
# Counts per code (persons counselled by sex): row dimension -> item id; measure
# persons_counselled, "_X" for persons counted without their sex (an earlier plain count).
CASE_ITEM_COUNTS = {"person_sex": "persons_by_sex"}
PERSON_SEX = "person_sex"
# Two-way tables of the active cases (format 2): relatives and professionals counted apart
# per counselling field, as the addiction statistic counts clients and relatives apart.
CROSS_BY_RELATION = ("field",)
CASE_ITEM_MULTI = {"reason": "reasons", "pregnancy_topic": "pregnancy_topics"}
CONTACT_ITEM_DIMS = {"contact_kind": "contact_kind", "contact_place": "contact_place"}
ACTIVITY_ITEM_DIMS = {
    "activity_target_group": "activity_target_group",
    "activity_setting": "activity_setting",
    "activity_place": "activity_place",
}
ITEM_DIMS = {
    **CASE_ITEM_DIMS,
    **CASE_ITEM_MULTI,
    **CASE_ITEM_COUNTS,
    **CONTACT_ITEM_DIMS,
    **ACTIVITY_ITEM_DIMS,
}
# Dimensions whose codes (with "_X" and "_Z") add up to the total: for disclosure control.
PARTITIONS = (
    *CASE_ITEM_DIMS,
    *CONTACT_ITEM_DIMS,
    *ACTIVITY_ITEM_DIMS,
    *CASE_ITEM_COUNTS,
    "activity_kind",
    WAITING_BAND,
    PROBLEM_CLASS,
)
MEASURE_LABELS: dict[str, tuple[str, str]] = {
    "cases_started": ("Beratungsbeginne im Zeitraum", "Counselling started"),
    "waiting_days_median": ("Wartezeit in Tagen (Median)", "Waiting days (median)"),
    "cases_open_at_end": ("Laufende Fälle zum Stichtag", "Cases open at the reference date"),
    "persons_counselled": ("Beratene Personen", "Persons counselled"),
    "children_affected": ("Mitbetroffene Kinder", "Children affected"),
    "integrated_active": ("Integrierte Fälle (Haushalte)", "Integrated cases (households)"),
    "integrated_multi_problem": (
        "Integrierte Multiproblemfälle",
        "Integrated multi-problem cases",
    ),
    "contacts_no_show": ("Nicht wahrgenommene Termine", "No-shows"),
    "contact_minutes": ("Kontaktminuten", "Contact minutes"),
    "activities": ("Tätigkeiten ohne Fall", "Activities"),
    "participants": ("Teilnehmende", "Participants"),
    "activity_minutes": ("Minuten Tätigkeiten", "Activity minutes"),
}
DERIVED_LABELS: dict[str, tuple[str, str]] = {
    WAITING_BAND: ("Wartezeit", "Waiting time"),
    PROBLEM_CLASS: ("Anzahl Problemlagen", "Number of problems"),
    "reason_main": ("Hauptgrund", "Main reason"),
    "reason": ("Grund (alle)", "Reason (any)"),
    PERSON_SEX: ("Geschlecht der beratenen Personen", "Sex of the persons counselled"),
    "activity_kind": ("Art der Tätigkeit", "Kind of activity"),
}
BAND_LABELS = {
    "D0_14": ("bis 14 Tage", "up to 14 days"),
    "D15_28": ("15 bis 28 Tage", "15 to 28 days"),
    "D29_56": ("29 bis 56 Tage", "29 to 56 days"),
    "D57_91": ("57 bis 91 Tage", "57 to 91 days"),
    "D92+": ("92 Tage und mehr", "92 days and more"),
}

Counts = dict[tuple[str, tuple[tuple[str, str], ...]], int]


def band(days: int) -> str:
    for code, last in WAITING_BANDS:
        if last is None or days <= last:
            return code
    raise AssertionError("unreachable")


def item_codes(scheme: Scheme, item_id: str) -> list[str]:
    item = scheme.item(item_id)
    if item is None or item.dimension is None:
        return []
    try:
        return [c.code for c in scheme.codes(item.dimension)]
    except KeyError:
        return []


def _put(counts: Counts, measure: str, dim: str, got: Counter, codes: list[str], extra: list[str]):
    for code in [*codes, *sorted(k for k in got if k not in codes and k not in extra), *extra]:
        counts[(measure, ((dim, code),))] = got.get(code, 0)


def count_cases(
    counts: Counts,
    scheme: Scheme,
    active: Sequence[Case],
    bits: Sequence[int],
    measure_bits: dict[str, int],
    cases: Sequence[Case],
    period: Period,
) -> None:
    """Item breakdowns, waiting time, sums, problem classes, integrated and open cases."""
    start, end = period.start, period.end
    top = scheme.multi_problem.top_class
    threshold = scheme.multi_problem.threshold
    pd = scheme.problem_domain
    # the cases' fields, as one key per distinct combination (most cases have one field)
    fields_of = [(c.field, *c.other_fields) if c.other_fields else c.field for c in active]

    def split(pairs: Iterable[tuple[str, int]]) -> dict[str, Counter]:
        out = {m: Counter() for m in measure_bits}
        for (code, m), n in Counter(pairs).items():
            for measure, bit in measure_bits.items():
                if bit == 0 or m & bit:
                    out[measure][code] += n
        return out

    # single-choice items (and the main reason): a partition with "_X" and "_Z"
    for dim, item_id in CASE_ITEM_DIMS.items():
        item = scheme.item(item_id)
        if item is None:
            continue
        raw = list(map(attrgetter(ITEM_ATTRIBUTE[item_id]), active))
        if item.kind == "ranked":
            raw = [v[0] if v else None for v in raw]
        if item.fields or item.only_if:
            asked = _asked(item, fields_of)
            cond = condition_attribute(item)
            if cond is not None:  # e.g. no diagnosis for a relative
                allowed = item.allowed_by
                asked = [
                    a and allowed(getattr(c, cond)) for a, c in zip(asked, active, strict=True)
                ]
            values = [
                (MISSING if v is None else v) if a else NOT_ASKED
                for v, a in zip(raw, asked, strict=True)
            ]
        else:
            values = [MISSING if v is None else v for v in raw]
        got = split(zip(values, bits, strict=True))
        for measure in measure_bits:
            _put(
                counts,
                measure,
                dim,
                got[measure],
                item_codes(scheme, item_id),
                [MISSING, NOT_ASKED],
            )
    for dim, item_id in CASE_ITEM_MULTI.items():
        if scheme.item(item_id) is None:
            continue
        get = attrgetter(ITEM_ATTRIBUTE[item_id])
        got = split((code, m) for c, m in zip(active, bits, strict=True) for code in set(get(c)))
        for measure in measure_bits:
            _put(counts, measure, dim, got[measure], item_codes(scheme, item_id), [])

    # problem counts beside domain counts: counted problem codes per case, classed 0..top+
    classes = [str(i) for i in range(top)] + [f"{top}+"]
    n_problems = [domain_class(sum(1 for p in set(c.problems) if p in pd), top) for c in active]
    got = split(zip(n_problems, bits, strict=True))
    for measure in measure_bits:
        _put(counts, measure, PROBLEM_CLASS, got[measure], classes, [])

    # sums over the active cases, in total and by primary field
    for measure, get in (
        ("persons_counselled", persons_total),
        ("children_affected", attrgetter("children_affected")),
    ):
        by_field: Counter = Counter()
        for field, n in zip(map(attrgetter("field"), active), map(get, active), strict=True):
            if n:
                by_field[field] += n
        counts[(measure, ())] = sum(by_field.values())
        _put(counts, measure, "field", by_field, _codes(scheme, "field"), [])
    _persons_by_sex(counts, scheme, active)
    _by_relation(counts, scheme, active)

    _waiting(counts, scheme, cases, start, end)
    _integrated(counts, scheme, active, pd, top, threshold, classes)

    # cases open at the reference date (the period's last day)
    open_at_end = [c for c in active if c.closed is None or c.closed > end]
    counts[("cases_open_at_end", ())] = len(open_at_end)
    _put(
        counts,
        "cases_open_at_end",
        "field",
        Counter(c.field for c in open_at_end),
        _codes(scheme, "field"),
        [],
    )


def _persons_by_sex(counts: Counts, scheme: Scheme, active: Sequence[Case]) -> None:
    """persons_counselled by the sex of the persons: adds up to persons_counselled."""
    if scheme.item(CASE_ITEM_COUNTS[PERSON_SEX]) is None:
        return
    got: dict[str, int] = {}
    get = got.get
    for by_sex, plain in zip(
        map(attrgetter("persons_by_sex"), active),
        map(attrgetter("persons_count"), active),
        strict=True,
    ):
        if by_sex:
            for code, n in by_sex.items():
                got[code] = get(code, 0) + n
        elif plain:
            got[MISSING] = get(MISSING, 0) + plain
    codes = item_codes(scheme, CASE_ITEM_COUNTS[PERSON_SEX])
    _put(counts, "persons_counselled", PERSON_SEX, got, codes, [MISSING])


def _by_relation(counts: Counts, scheme: Scheme, active: Sequence[Case]) -> None:
    """cases_active by who is counselled x field: relatives' cases counted apart per field."""
    if scheme.item("client_relation") is None:
        return
    relations = [*item_codes(scheme, "client_relation"), MISSING]
    for dim in CROSS_BY_RELATION:
        codes = [*_codes(scheme, dim), MISSING]
        pairs = Counter(
            zip(
                map(attrgetter("client_relation"), active),
                map(attrgetter(dim), active),
                strict=True,
            )
        )
        got: Counter = Counter()
        for (rel, v), n in pairs.items():
            got[(rel or MISSING, v or MISSING)] += n
        extra = sorted({v for _, v in got if v not in codes})
        for rel in relations + sorted({r for r, _ in got if r not in relations}):
            for v in codes + extra:
                key = tuple(sorted((("client_relation", rel), (dim, v))))
                counts[("cases_active", key)] = got.get((rel, v), 0)


def _asked(item, fields_of: list) -> list[bool]:
    """Per case: does the item apply to its fields? One test per distinct combination."""
    seen: dict = {}
    out = []
    for f in fields_of:
        a = seen.get(f)
        if a is None:
            a = seen[f] = item.applies_to((f,) if isinstance(f, str) else f)
        out.append(a)
    return out


def _codes(scheme: Scheme, dim: str) -> list[str]:
    try:
        return [c.code for c in scheme.codes(dim)]
    except KeyError:
        return []


def _waiting(counts: Counts, scheme: Scheme, cases: Sequence[Case], start, end) -> None:
    """Cases whose counselling started in the period: waiting band, by field and town."""
    started = [c for c in cases if c.started is not None and start <= c.started <= end]
    bands = [
        band((c.started - c.requested).days) if c.requested is not None else MISSING  # type: ignore[operator]
        for c in started
    ]
    codes = [code for code, _ in WAITING_BANDS]
    counts[("cases_started", ())] = len(started)
    _put(counts, "cases_started", WAITING_BAND, Counter(bands), codes, [MISSING])
    for dim, attr in (("field", "field"), ("municipality", "municipality")):
        keys = [getattr(c, attr) or MISSING for c in started]
        dim_codes = [*_codes(scheme, dim), MISSING]
        _put(counts, "cases_started", dim, Counter(keys), _codes(scheme, dim), [MISSING])
        pairs = Counter(zip(bands, keys, strict=True))
        for b in [*codes, MISSING]:
            for v in dim_codes + sorted({k for _, k in pairs if k not in dim_codes}):
                key = tuple(sorted(((WAITING_BAND, b), (dim, v))))
                counts[("cases_started", key)] = pairs.get((b, v), 0)
        days: dict[str, list[int]] = {}
        for c, k in zip(started, keys, strict=True):
            if c.requested is not None:
                days.setdefault(k, []).append((c.started - c.requested).days)  # type: ignore[operator]
        # every code has its row (0 where no waiting time was recorded; read it beside
        # cases_started), so a tally of no records has every row a tally may hold
        for k in dim_codes + sorted(set(days) - set(dim_codes)):
            counts[("waiting_days_median", ((dim, k),))] = _median(days.get(k, []))
    every = [(c.started - c.requested).days for c in started if c.requested is not None]  # type: ignore[operator]
    counts[("waiting_days_median", ())] = _median(every)


def _median(values: list[int]) -> int:
    """The median in whole days (halves rounded up: waiting is never shorter than counted);
    0 for no values."""
    if not values:
        return 0
    m = statistics.median(values)
    return int(m) + (1 if m != int(m) else 0)


def _integrated(
    counts: Counts,
    scheme: Scheme,
    active: Sequence[Case],
    pd: dict[str, str],
    top: int,
    threshold: int,
    classes: list[str],
) -> None:
    """One integrated case per household key (or per unlinked case), its domains the union."""
    groups: dict[str, set[str]] = {}
    for c in active:
        key = c.household_key or f"case:{c.id}"
        doms = groups.setdefault(key, set())
        doms.update(pd[p] for p in c.problems if p in pd)
    got = Counter(domain_class(len(d), top) for d in groups.values())
    counts[("integrated_active", ())] = len(groups)
    counts[("integrated_multi_problem", ())] = sum(
        1 for d in groups.values() if len(d) >= threshold
    )
    for code in classes:
        counts[("integrated_active", (("domain_class", code),))] = got.get(code, 0)


def count_contacts(
    counts: Counts, scheme: Scheme, contacts: Iterable[Contact], case_field: dict, period: Period
) -> None:
    """Contacts in the period by kind and place, minutes, and no-shows (not in ``contacts``)."""
    start, end = period.start, period.end
    inside = [k for k in contacts if start <= k.date <= end]
    missed = [k for k in inside if k.no_show]
    shown = [k for k in inside if not k.no_show] if missed else inside
    no_show: Counter = Counter()
    for k in missed:
        field = case_field.get(k.case_id) if k.case_id is not None else None
        no_show[field or k.field or MISSING] += 1
    _duration_by_form(counts, scheme, shown)
    kinds = _with_missing(Counter(map(attrgetter("kind"), shown)))
    places = _with_missing(Counter(map(attrgetter("place"), shown)))
    minutes = sum(filter(None, map(attrgetter("minutes"), shown)))
    counts[("contacts_no_show", ())] = sum(no_show.values())
    _put(counts, "contacts_no_show", "field", no_show, _codes(scheme, "field"), [MISSING])
    counts[("contact_minutes", ())] = minutes
    for dim, got in (("contact_kind", kinds), ("contact_place", places)):
        if scheme.item(CONTACT_ITEM_DIMS[dim]) is not None:
            _put(
                counts, "contacts", dim, got, item_codes(scheme, CONTACT_ITEM_DIMS[dim]), [MISSING]
            )


def _duration_by_form(counts: Counts, scheme: Scheme, shown: Sequence[Contact]) -> None:
    """contacts by duration band x contact form, where the bands follow from minutes: the
    parenting counselling statistic does not count phone calls under 30 minutes."""
    if not scheme.bands_from_minutes:
        return
    pairs = Counter(
        zip(map(attrgetter("duration"), shown), map(attrgetter("form"), shown), strict=True)
    )
    got: Counter = Counter()
    for (band, form), n in pairs.items():
        got[(band or MISSING, form)] += n
    bands = [*_codes(scheme, "duration_band"), MISSING]
    forms = _codes(scheme, "contact_form")
    for b in bands + sorted({b for b, _ in got if b not in bands}):
        for f in forms + sorted({f for _, f in got if f not in forms}):
            key = tuple(sorted((("contact_form", f), ("duration_band", b))))
            counts[("contacts", key)] = got.get((b, f), 0)


def _with_missing(got: Counter) -> Counter:
    if None in got:
        got[MISSING] += got.pop(None)
    return got


def count_activities(
    counts: Counts, scheme: Scheme, activities: Iterable[Activity], period: Period
) -> None:
    """Activities in the period and their participants, by kind, field and the items."""
    start, end = period.start, period.end
    inside = [a for a in activities if start <= a.date <= end]
    kinds = _codes(scheme, "activity_kind")
    counts[("activities", ())] = len(inside)
    counts[("participants", ())] = sum(a.participants for a in inside)
    counts[("activity_minutes", ())] = sum(a.minutes or 0 for a in inside)
    by: list[tuple[str, Callable[[Activity], str | None], list[str]]] = [
        ("activity_kind", attrgetter("kind"), kinds),
        ("field", attrgetter("field"), _codes(scheme, "field")),
    ]
    for dim, item_id in ACTIVITY_ITEM_DIMS.items():
        if scheme.item(item_id) is not None:
            by.append((dim, attrgetter(ITEM_ATTRIBUTE[item_id]), item_codes(scheme, item_id)))
    for dim, get, codes in by:
        n: Counter = Counter()
        people: Counter = Counter()
        for a in inside:
            code = get(a) or MISSING
            n[code] += 1
            people[code] += a.participants
        extra = [] if dim in ("activity_kind", "field") else [MISSING]
        _put(counts, "activities", dim, n, codes, extra)
        _put(counts, "participants", dim, people, codes, extra)
