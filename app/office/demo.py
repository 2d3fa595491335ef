"""A realistic synthetic year for one integrated counselling office (demo and benchmarks).

Only codes of the given scheme are used, looked up by dimension; known code strings and
labels (EB, EFL, Halberstadt, ...) only steer the weights when a scheme has them. The same
seed gives the same records.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from itertools import accumulate
from typing import TYPE_CHECKING

import msgspec

from app.errors import VaultExists
from app.records.applies import item_applies
from app.records.duration import with_band
from app.records.model import ITEM_ATTRIBUTE, Activity, Case, Contact
from app.scheme.model import Scheme

if TYPE_CHECKING:
    from app.vault.session import Session

# Share of cases per counselling field in an integrated office (by code, when present).
FIELD_WEIGHTS = {
    "EB": 34,
    "EFL": 24,
    "SCHULD": 15,
    "SUCHT": 14,
    "SCHWANGER": 6,
    "SCHKONF": 3,
}
# Life domains typical for a field, matched as prefixes of domain codes.
FIELD_DOMAINS = {
    "EB": ("KIND", "ERZ", "FAM", "PART"),
    "EFL": ("PART", "FAM"),
    "SCHULD": ("FIN", "EXIST", "ARB", "WOHN"),
    "SUCHT": ("GES", "SUCHT"),
    "SCHWANGER": ("SCHW", "FAM", "FIN"),
    "SCHKONF": ("SCHW", "PART"),
}
# Municipalities by (approximate) population in thousands, matched in the German label.
MUNICIPALITY_WEIGHTS = {
    "Halberstadt": 40,
    "Wernigerode": 32,
    "Quedlinburg": 23,
    "Blankenburg": 19,
    "Thale": 17,
    "Osterwieck": 11,
    "Oberharz": 10,
    "Ballenstedt": 9,
    "Ilsenburg": 9,
    "Nordharz": 8,
    "Harzgerode": 8,
    "Huy": 7,
    "Falkenstein": 5,
}
PROBLEM_COUNT_WEIGHTS = (22, 25, 23, 16, 9, 5)  # 1..6 problem codes per case
CONTACT_FORM_WEIGHTS = (62, 9, 19, 7, 3)  # in the office, outreach, phone, online, group
MISSING_SHARE = 0.03  # share of cases with an item not (yet) recorded
CLOSED_SHARE = 0.65


def _codes(scheme: Scheme, dim: str) -> list[str]:
    try:
        return [c.code for c in scheme.codes(dim)]
    except KeyError:
        return []


def _unknownish(scheme: Scheme, dim: str, code: str) -> bool:
    c = scheme.code(dim, code)
    text = f"{c.code} {c.label_de} {c.label_en}".lower()
    return any(w in text for w in ("unk", "unbekannt", "keine angabe", "unknown"))


class _Pick:
    """Fast weighted choice from a fixed population."""

    def __init__(self, rng: random.Random, items: Sequence, weights: Sequence[float]):
        self.rng = rng
        self.items = list(items)
        self.cum = list(accumulate(weights))

    def __call__(self):
        return self.rng.choices(self.items, cum_weights=self.cum)[0]

    def many(self, k: int) -> list:
        return self.rng.choices(self.items, cum_weights=self.cum, k=k)


def generate(
    scheme: Scheme, n_cases: int, year: int, seed: int = 2026, *, until: dt.date | None = None
) -> tuple[list[Case], list[Contact]]:
    """``n_cases`` cases and about five contacts per case for ``year`` (plus a few
        anonymous contacts). About a tenth of the cases were opened in the last quarter of the
        year before and carried over. Case codes are ``YYYY-NNNN`` (five digits from 10,000).
    With ``until`` nothing is dated after that day (a demo of the running year stops today).
    """
    rng = random.Random(f"{seed}-{year}")  # another year: other ids, never the same records
    fields = _codes(scheme, "field")
    field_pick = _Pick(rng, fields, [FIELD_WEIGHTS.get(f, 4) for f in fields])

    problems = _codes(scheme, "problem")
    pdom = scheme.problem_domain
    domains = _codes(scheme, "domain") or sorted(set(pdom.values()))
    typical: dict[str, list[str]] = {}
    for i, f in enumerate(fields):
        prefixes = FIELD_DOMAINS.get(f, ())
        doms = [d for d in domains if d.startswith(prefixes)] if prefixes else []
        if not doms and domains:  # unknown field or scheme: one or two domains of its own
            doms = [domains[i % len(domains)], domains[(i + 2) % len(domains)]]
        typical[f] = [p for p in problems if pdom.get(p) in doms] or problems
    n_problems = _Pick(rng, range(1, 7), PROBLEM_COUNT_WEIGHTS)

    ages = _codes(scheme, "age_band")
    known_ages = [a for a in ages if not _unknownish(scheme, "age_band", a)] or ages
    unknown_ages = [a for a in ages if a not in known_ages]
    n = len(known_ages)
    young = _Pick(rng, known_ages, [max(1.0, n - i) ** 2 for i in range(n)])
    adult = _Pick(rng, known_ages, [1 + min(i, n - 1 - i + 2) * 3 for i in range(n)])
    youth_fields = {f for f in fields if f == "EB"}

    munis = _codes(scheme, "municipality")

    def muni_weight(code: str) -> float:
        c = scheme.code("municipality", code)
        for name, w in MUNICIPALITY_WEIGHTS.items():
            if name in c.label_de:
                return w
        if _unknownish(scheme, "municipality", code):
            return 1
        return 3 if c.pool else 4

    muni_pick = _Pick(rng, munis, [muni_weight(m) for m in munis])

    def simple(dim: str, first_heavy: bool = False) -> _Pick | None:
        codes = _codes(scheme, dim)
        if not codes:
            return None
        weights = [(len(codes) - i) ** 2 if first_heavy else 1 for i in range(len(codes))]
        weights = [
            w / 4 if _unknownish(scheme, dim, c) else w for w, c in zip(weights, codes, strict=True)
        ]
        return _Pick(rng, codes, weights)

    sex_pick, hh_pick, kids_pick = simple("sex"), simple("household"), simple("children")
    yn_pick, ref_pick = simple("yes_no_unknown", True), simple("referral", True)
    end_pick = simple("ending", True)
    forms = _codes(scheme, "contact_form")
    form_pick = _Pick(
        rng, forms, [CONTACT_FORM_WEIGHTS[i] if i < 5 else 2 for i in range(len(forms))]
    )
    durs = _codes(scheme, "duration_band")
    dur_pick = _Pick(rng, durs, [1 + min(i, 2) * 2 for i in range(len(durs))])

    def maybe(pick: _Pick | None) -> str | None:
        if pick is None or rng.random() < MISSING_SHARE:
            return None
        return pick()

    first = dt.date(year, 1, 1)
    last = min(dt.date(year, 12, 31), until) if until else dt.date(year, 12, 31)
    carry_start = dt.date(year - 1, 10, 1)
    year_days = (last - first).days
    serial: dict[int, int] = {}
    cases: list[Case] = []
    contacts: list[Contact] = []
    rand, randint, expo = rng.random, rng.randint, rng.expovariate
    counsellors = [f"B{i:02d}" for i in range(1, 13)]
    for _ in range(n_cases):
        if rand() < 0.1:
            opened = carry_start + dt.timedelta(days=randint(0, 91))
        else:
            opened = first + dt.timedelta(days=randint(0, year_days))
        field = field_pick()
        k = n_problems()
        pool = typical[field]
        probs: dict[str, None] = {}
        for _ in range(k):
            probs[rng.choice(pool) if rand() < 0.6 else rng.choice(problems)] = None
        closed = ending = None
        if rand() < CLOSED_SHARE / 0.85:
            candidate = opened + dt.timedelta(days=int(expo(1 / 70)))
            if candidate <= last:
                closed = candidate
                ending = end_pick() if end_pick else None
        # Contacts: many single-contact cases, the rest skewed around six.
        n_k = 1 if rand() < 0.22 else 1 + int(expo(1 / 5.6))
        span_end = closed or last
        span = max(0, (span_end - opened).days)
        case_id = f"{rng.getrandbits(64):016x}"
        counsellor = counsellors[randint(0, 11)]
        many = field in ("EB", "EFL")
        for j in range(n_k):
            day = opened if j == 0 else opened + dt.timedelta(days=randint(0, span))
            contacts.append(
                Contact(
                    id=f"{rng.getrandbits(64):016x}",
                    date=day,
                    form=form_pick(),
                    duration=dur_pick(),
                    counsellor=counsellor,
                    persons=(2 if rand() < 0.35 else 1) if many else 1,
                    case_id=case_id,
                    scheme_version=scheme.version,
                )
            )
        y = opened.year
        serial[y] = serial.get(y, 0) + 1
        other = []
        if rand() < 0.12 and len(fields) > 1:
            o = field_pick()
            if o != field:
                other = [o]
        cases.append(
            Case(
                id=case_id,
                code=f"{y}-{serial[y]:04d}",
                opened=opened,
                field=field,
                counsellor=counsellor,
                scheme_version=scheme.version,
                closed=closed,
                other_fields=other,
                sex=maybe(sex_pick),
                age_band=(
                    rng.choice(unknown_ages)
                    if unknown_ages and rand() < 0.02
                    else maybe(young if field in youth_fields else adult)
                ),
                household=maybe(hh_pick),
                children=maybe(kids_pick),
                municipality=maybe(muni_pick),
                transfer_benefits=maybe(yn_pick),
                migration_parent=maybe(yn_pick),
                german_at_home=maybe(yn_pick),
                referral=maybe(ref_pick),
                problems=[] if rand() < MISSING_SHARE else list(probs),
                ending=ending,
            )
        )
    # Short anonymous contacts without a case (about 3 % of all contacts).
    for _ in range(len(contacts) * 3 // 100):
        contacts.append(
            Contact(
                id=f"{rng.getrandbits(64):016x}",
                date=first + dt.timedelta(days=randint(0, year_days)),
                form=form_pick(),
                duration=durs[0] if durs else "",
                counsellor=counsellors[randint(0, 11)],
                field=field_pick(),
                scheme_version=scheme.version,
            )
        )
    contacts.sort(key=lambda c: c.date)
    if scheme.items:  # format 2: its own random stream, so version 1 demos stay the same
        v2 = random.Random(seed + 2)
        cases = _link_households([_case_items(scheme, c, v2, last) for c in cases], v2)
        contacts = [_contact_items(scheme, k, v2) for k in contacts]
    return cases, contacts


CARRIED_FROM = 80_000  # case numbers of cases carried over into the next year's demo


def history_year(
    scheme: Scheme, n_cases: int, year: int, *, last: bool, seed: int = 2026
) -> tuple[list[Case], list[Contact]]:
    """One year of ``history``: ``generate`` made to fit the years around it. A case carried
    over from the year before is numbered from 80,000 of its opening year (so codes stay
    unique), every closed case has an ending, and unless ``last`` a case still open at the
    end of the year is closed on 31 December."""
    endings = _codes(scheme, "ending")
    cases, contacts = generate(scheme, n_cases, year, seed=seed + year)
    carried = 0
    fixed = []
    for c in cases:
        changes: dict = {}
        if c.opened.year < year:
            carried += 1
            changes["code"] = f"{c.opened.year}-{CARRIED_FROM + carried}"
        if c.closed is None and not last:
            changes["closed"] = dt.date(year, 12, 31)
        if (changes.get("closed") or c.closed) and not c.ending and endings:
            changes["ending"] = endings[0]
        fixed.append(msgspec.structs.replace(c, **changes) if changes else c)
    return fixed, contacts


def history(
    scheme: Scheme, n_cases: int, years: Sequence[int], seed: int = 2026
) -> list[tuple[int, list[Case], list[Contact]]]:
    """Several demo years of one office that fit together (see ``history_year``)."""
    return [
        (y, *history_year(scheme, n_cases, y, last=i == len(years) - 1, seed=seed))
        for i, y in enumerate(years)
    ]


def refuse_overwrite(session: Session, cases: list[Case], contacts: list[Contact]) -> list[Case]:
    """The cases to add: a demo fill never replaces a record already in the vault.

    The same fill again (same ids) is refused; a case code already taken (a case carried
    over from the year a previous fill covered) gets the next free number of its year.
    """
    have_ids = {c.id for c in session.cases()} | {k.id for k in session.contacts()}
    clash = [c.code for c in cases if c.id in have_ids] + [
        k.id for k in contacts if k.id in have_ids
    ]
    if clash:
        raise VaultExists(
            f"Der Datenbestand enthält diese Demo-Datensätze schon ({', '.join(clash[:3])} …); "
            "die Demo würde sie überschreiben und legt nichts an. Wählen Sie ein anderes Jahr "
            "oder einen leeren Datenbestand.",
            f"The vault already holds these demo records ({', '.join(clash[:3])} …); the demo "
            "would overwrite them and adds nothing. Choose another year or an empty vault.",
        )
    taken = {c.code for c in session.cases()}
    out = []
    for c in cases:
        if c.code in taken:
            year = c.code[:4]
            serial = 1 + max(int(code[5:]) for code in taken if code.startswith(f"{year}-"))
            c = msgspec.structs.replace(c, code=f"{year}-{serial:04d}")
        taken.add(c.code)
        out.append(c)
    return out


# Format 2 items. Median waiting days by field (long waits in debt counselling, none in
# pregnancy conflict counselling, where the law asks for an appointment at once).
WAIT_DAYS = {"EB": 21, "EFL": 28, "SCHULD": 45, "SUCHT": 7, "SCHWANGER": 5, "SCHKONF": 1}
THIRD_PARTY_SHARE = {"SCHULD": 0.25, "EB": 0.12}
NO_SHOW_SHARE = 0.06
HOUSEHOLD_SHARE = 0.05  # cases linked to a case of the same household in another field
OUTREACH_TOWN = "Oberharz"  # Elbingerode pilot


def _item_codes(scheme: Scheme, item_id: str) -> list[str]:
    item = scheme.item(item_id)
    return _codes(scheme, item.dimension) if item and item.dimension else []


def _case_items(scheme: Scheme, case: Case, rng: random.Random, last: dt.date) -> Case:
    fields = [case.field, *case.other_fields]
    values: dict[str, object] = {}

    def asks(item_id: str) -> bool:
        item = scheme.item(item_id)
        return item is not None and item.applies_to(fields)

    def one(item_id: str, weights: list[float] | None = None) -> None:
        codes = _item_codes(scheme, item_id)
        if codes and asks(item_id):
            values[ITEM_ATTRIBUTE[item_id]] = rng.choices(codes, weights=weights)[0]

    if asks("requested") and asks("started"):
        wait = int(rng.expovariate(1 / max(1, WAIT_DAYS.get(case.field, 14) / 0.69)))
        values["started"] = case.opened
        values["requested"] = case.opened - dt.timedelta(days=wait)
    relations = _item_codes(scheme, "client_relation")
    if relations and asks("client_relation"):
        relative = 0.25 if case.field == "SUCHT" else 0.06
        w = [1 - relative - 0.03, relative, 0.03][: len(relations)]
        values["client_relation"] = rng.choices(
            relations, weights=w + [0.01] * (len(relations) - len(w))
        )[0]
    if asks("persons_count"):
        values["persons_count"] = rng.choice((1, 1, 2, 2, 3)) if case.field in ("EB", "EFL") else 1
    if asks("persons_by_sex"):
        values["persons_by_sex"] = _persons_by_sex(scheme, case, rng)
    if asks("children_affected"):
        values["children_affected"] = rng.choice((0, 0, 1, 1, 2, 3))
    reasons = _item_codes(scheme, "reasons")
    item = scheme.item("reasons")
    if reasons and item and asks("reasons"):
        k = rng.randint(1, item.max or 1)
        values["reasons"] = tuple(rng.sample(reasons, min(k, len(reasons))))
    one("debt_trigger")
    one("eb_setting", [2, 5, 3][: len(_item_codes(scheme, "eb_setting"))] or None)
    one("risk_assessment", [5, 90, 5][: len(_item_codes(scheme, "risk_assessment"))] or None)
    one("family_situation")
    diagnosis = scheme.item("diagnosis")
    codes = _item_codes(scheme, "diagnosis")
    probe = msgspec.structs.replace(case, **values)
    if diagnosis is not None and codes and item_applies(diagnosis, probe, fields):
        # alcohol first, then cannabis, stimulants, gambling (DSHS shares, roughly)
        weights = [50, 6, 14, 2, 2, 8, 1, 2, 1, 4, 8, 2][: len(codes)]
        values["diagnosis"] = rng.choices(
            codes, weights=weights + [1] * (len(codes) - len(weights))
        )[0]
    topics = _item_codes(scheme, "pregnancy_topics")
    if topics and asks("pregnancy_topics"):
        values["pregnancy_topics"] = tuple(rng.sample(topics, rng.randint(1, 3)))
    return msgspec.structs.replace(case, **values)


PERSON_SEX_WEIGHTS = {"w": 60, "m": 37, "d": 1, "x": 2}  # women come more often


def _persons_by_sex(scheme: Scheme, case: Case, rng: random.Random) -> dict[str, int]:
    """Persons counselled by sex: one, and a second (a partner or the other parent) now and
    then in family and parenting counselling. In parenting counselling the case is the
    young person, the persons counselled are mostly the parents, so the case's own sex
    does not decide theirs."""
    sexes = _item_codes(scheme, "persons_by_sex")
    weights = [PERSON_SEX_WEIGHTS.get(code, 1) for code in sexes]
    n = 2 if case.field in ("EB", "EFL") and rng.random() < 0.45 else 1
    out: dict[str, int] = {}
    for code in rng.choices(sexes, weights=weights, k=n):
        out[code] = out.get(code, 0) + 1
    return out


def _link_households(cases: list[Case], rng: random.Random) -> list[Case]:
    """Give a few pairs of cases in different fields one household key (H-1, H-2, ...)."""
    out = list(cases)
    n = 0
    for i in rng.sample(range(len(out)), int(len(out) * HOUSEHOLD_SHARE / 2)):
        j = rng.randrange(len(out))
        if i == j or out[i].field == out[j].field or out[i].household_key or out[j].household_key:
            continue
        n += 1
        out[i] = msgspec.structs.replace(out[i], household_key=f"H-{n}")
        out[j] = msgspec.structs.replace(out[j], household_key=f"H-{n}")
    return out


def _contact_items(scheme: Scheme, contact: Contact, rng: random.Random) -> Contact:
    values: dict[str, object] = {}
    if scheme.item("contact_minutes"):
        values["minutes"] = rng.randint(*_minutes_of_band(scheme, contact.duration))
    kinds = _item_codes(scheme, "contact_kind")
    if kinds:
        share = THIRD_PARTY_SHARE.get(contact.field or "", 0.08)
        if rng.random() < share and len(kinds) > 1:
            values["kind"] = rng.choice(kinds[1:])
        else:
            values["kind"] = kinds[0]
    places = _item_codes(scheme, "contact_place")
    if places:
        by_form = {"1": "STELLE", "2": "HAUS", "3": "AUSSEN", "4": "FERN", "5": "FERN"}
        by_form |= {"6": "FERN", "7": "STELLE"}
        place = by_form.get(contact.form, places[0])
        if place == "AUSSEN" and rng.random() < 0.3:
            place = "AUSSEN_ELB"
        values["place"] = place if place in places else places[0]
    if contact.case_id is not None and rng.random() < NO_SHOW_SHARE:
        values["no_show"] = True
        if scheme.bands_from_minutes:  # nobody came: no length, no band
            values.update(minutes=None, duration=None)
    # the band follows from the minutes (app/records/duration.py), as on every save
    return with_band(msgspec.structs.replace(contact, **values), scheme)


def _minutes_of_band(scheme: Scheme, band: str | None) -> tuple[int, int]:
    """Minutes within the band the version 1 generator picked (its stream stays the same)."""
    if band is not None and scheme.has_code("duration_band", band):
        code = scheme.code("duration_band", band)
        if code.minutes_min is not None:
            return code.minutes_min, code.minutes_max or code.minutes_min + 60
    return 5, 60


def generate_activities(
    scheme: Scheme, n: int, year: int, seed: int = 2026, *, until: dt.date | None = None
) -> list[Activity]:
    """``n`` activities (groups, prevention events, multiplier work, § 8b advice, network
    meetings) spread over ``year``; empty for a scheme without activities (format 1)."""
    kinds = _codes(scheme, "activity_kind")
    if not kinds:
        return []
    rng = random.Random(f"{seed + 3}-{year}")  # another year: other ids
    fields = _codes(scheme, "field")
    groups = _item_codes(scheme, "activity_target_group")
    settings = _item_codes(scheme, "activity_setting")
    places = _item_codes(scheme, "activity_place")
    first = dt.date(year, 1, 1)
    last = min(dt.date(year, 12, 31), until) if until else dt.date(year, 12, 31)
    participants = {"GRUPPE": (4, 12), "PRAEV": (12, 30), "MULTI": (6, 25), "NETZ": (5, 20)}
    out = []
    for _ in range(n):
        kind = rng.choices(kinds, weights=[4, 3, 2, 1, 3][: len(kinds)] or None)[0]
        low, high = participants.get(kind, (1, 3))
        out.append(
            Activity(
                id=f"{rng.getrandbits(64):016x}",
                date=first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days))),
                kind=kind,
                field=rng.choice(fields),
                counsellor=f"B{rng.randint(1, 12):02d}",
                scheme_version=scheme.version,
                participants=rng.randint(low, high),
                target_group=rng.choice(groups) if groups else None,
                setting=rng.choice(settings) if settings else None,
                minutes=rng.choice((60, 90, 120, 180)),
                place=rng.choice(places) if places else None,
            )
        )
    return sorted(out, key=lambda a: a.date)
