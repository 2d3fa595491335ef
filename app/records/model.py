"""The kinds of record an office keeps: cases, contacts and (scheme format 2) activities.

Never: names, birth dates, addresses, phone numbers or free text. Every categorical field
holds a code of the active scheme (dimension id in the comment); ``None`` means "not yet
recorded" and counts against completeness. Records are msgspec structs so that decoding
100,000 of them stays cheap (see DESIGN.md, Budgets).

Records are encoded as arrays (array_like), so a field added later goes at the end with a
default: a record sealed before decodes unchanged, with the default for the new field.
The fields after ``ending`` and ``field`` are the scheme format 2 items (ITEMS); a scheme
that does not declare an item leaves its field empty.
"""

from __future__ import annotations

import datetime as dt
import re

import msgspec

from app.scheme.items import KNOWN_ITEMS

CASE_CODE = re.compile(r"^\d{4}-\d{4,5}$")
HOUSEHOLD_KEY = re.compile(r"^H-\d{1,6}$")  # local household link, never a name
PERSONS_MIN, PERSONS_MAX = 1, 50  # persons present at one contact


class Case(msgspec.Struct, kw_only=True, array_like=True):
    id: str  # random hex id, never shown
    code: str  # local case code like 2026-0042, never a name
    opened: dt.date
    field: str  # dimension "field": primary counselling field
    counsellor: str  # internal; never exported
    scheme_version: int
    closed: dt.date | None = None
    other_fields: list[str] = []  # dimension "field"
    sex: str | None = None  # "sex"
    age_band: str | None = None  # "age_band"
    household: str | None = None  # "household"
    children: str | None = None  # "children": children in household, banded
    municipality: str | None = None  # "municipality" (AGS or OUT/UNK)
    transfer_benefits: str | None = None  # "yes_no_unknown"
    migration_parent: str | None = None  # "yes_no_unknown"
    german_at_home: str | None = None  # "yes_no_unknown"
    referral: str | None = None  # "referral"
    problems: list[str] = []  # "problem"
    ending: str | None = None  # "ending", set when closed
    # scheme format 2 items (app/scheme/model.py Item); empty when the scheme lacks them
    requested: dt.date | None = None  # request or first contact (waiting time starts)
    started: dt.date | None = None  # counselling started (waiting time ends)
    client_relation: str | None = None  # the person concerned, a relative, a professional
    persons_count: int | None = None  # persons counselled in this case
    children_affected: int | None = None  # children affected by the problems
    # tuples: an empty one is shared, so 20,000 cases do not carry 40,000 empty lists
    reasons: tuple[str, ...] = ()  # ranked: the first is the main reason
    debt_trigger: str | None = None  # the one main trigger of the over-indebtedness
    eb_setting: str | None = None  # EB: mainly with the family / the parents / the young person
    risk_assessment: str | None = None  # EB: preceding risk assessment under § 8a SGB VIII
    family_situation: str | None = None  # EB: family situation as § 99 SGB VIII asks it
    pregnancy_topics: tuple[str, ...] = ()  # pregnancy counselling topics (several)
    # Household link: the same local key on cases of one household across fields makes one
    # integrated case for the domain count. Local to the office; never exported or shown
    # in a tally.
    household_key: str | None = None
    # Persons counselled in this case by sex (sex code -> count, zero counts left out); the
    # number of persons is their sum (persons_total), never typed a second time.
    persons_by_sex: dict[str, int] = {}
    # KDS main diagnosis (ICD-10 F10-F19, F63.0, media use): of the person concerned only;
    # a relative's case has none (the item's only_if, app/records/applies.py).
    diagnosis: str | None = None


def persons_total(case: Case) -> int | None:
    """Persons counselled in the case: the sum by sex, else an earlier plain count."""
    if case.persons_by_sex:
        return sum(case.persons_by_sex.values())
    return case.persons_count


class Contact(msgspec.Struct, kw_only=True, array_like=True):
    id: str
    date: dt.date
    form: str  # "contact_form"
    # "duration_band": follows from ``minutes`` where the scheme's bands declare minutes
    # (app/records/duration.py); None: not recorded (a no-show, or no minutes entered)
    duration: str | None
    counsellor: str
    persons: int = 1
    case_id: str | None = None  # None: a short anonymous contact
    field: str | None = None  # "field": for anonymous contacts (else the case's)
    # scheme format 2 items
    minutes: int | None = None  # exact length; the duration band follows from it
    kind: str | None = None  # "contact_kind": with the client, or with a third party
    place: str | None = None  # "place": where the contact took place (outreach locations)
    no_show: bool = False  # the appointment was not kept (not a counselling contact)
    # Contacts sealed before format 2 were all coded under version 1 (the only one then).
    scheme_version: int = 1


class Activity(msgspec.Struct, kw_only=True, array_like=True):
    """Work that is not a case: groups, prevention events, multiplier work, § 8b advice,
    network meetings (fields compatible with Dot.sys). No person is identified."""

    id: str
    date: dt.date
    kind: str  # "activity_kind"
    field: str  # "field"
    counsellor: str  # internal; never exported
    scheme_version: int
    participants: int = 0
    target_group: str | None = None  # "target_group"
    setting: str | None = None  # "activity_setting"
    minutes: int | None = None
    place: str | None = None  # "place"


# Which case attribute holds codes of which scheme dimension. Used for validation,
# completeness and tallies, so that no category is hard-coded anywhere else.
CASE_DIMENSIONS: dict[str, str] = {
    "field": "field",
    "other_fields": "field",
    "sex": "sex",
    "age_band": "age_band",
    "household": "household",
    "children": "children",
    "municipality": "municipality",
    "transfer_benefits": "yes_no_unknown",
    "migration_parent": "yes_no_unknown",
    "german_at_home": "yes_no_unknown",
    "referral": "referral",
    "problems": "problem",
    "ending": "ending",
}
CONTACT_DIMENSIONS: dict[str, str] = {
    "form": "contact_form",
    "duration": "duration_band",
    "field": "field",
}
ACTIVITY_DIMENSIONS: dict[str, str] = {"kind": "activity_kind", "field": "field"}
PARTICIPANTS_MAX = 1000  # participants of one activity
MINUTES_MAX = 24 * 60  # one contact or activity

# Scheme format 2 items: item id -> (record kind, attribute). The scheme declares each one
# (kind, codes, bounds, fields, rules); a record attribute is only filled if it does.
ITEMS: dict[str, tuple[str, str]] = {
    "requested": ("case", "requested"),
    "started": ("case", "started"),
    "client_relation": ("case", "client_relation"),
    "persons_count": ("case", "persons_count"),
    "children_affected": ("case", "children_affected"),
    "reasons": ("case", "reasons"),
    "debt_trigger": ("case", "debt_trigger"),
    "eb_setting": ("case", "eb_setting"),
    "risk_assessment": ("case", "risk_assessment"),
    "family_situation": ("case", "family_situation"),
    "pregnancy_topics": ("case", "pregnancy_topics"),
    "persons_by_sex": ("case", "persons_by_sex"),
    "diagnosis": ("case", "diagnosis"),
    "contact_minutes": ("contact", "minutes"),
    "contact_kind": ("contact", "kind"),
    "contact_place": ("contact", "place"),
    "activity_target_group": ("activity", "target_group"),
    "activity_setting": ("activity", "setting"),
    "activity_participants": ("activity", "participants"),
    "activity_minutes": ("activity", "minutes"),
    "activity_place": ("activity", "place"),
}
ITEM_ATTRIBUTE = {item: attr for item, (_, attr) in ITEMS.items()}
assert set(ITEMS) == set(KNOWN_ITEMS), "app/scheme/items.py and ITEMS disagree"

# Items a complete case has (ending only once closed).
CASE_REQUIRED_FOR_COMPLETENESS = (
    "sex",
    "age_band",
    "household",
    "municipality",
    "transfer_benefits",
    "migration_parent",
    "german_at_home",
    "referral",
    "problems",
)

_case_encoder = msgspec.msgpack.Encoder()
_case_decoder = msgspec.msgpack.Decoder(Case)
_contact_decoder = msgspec.msgpack.Decoder(Contact)
_activity_decoder = msgspec.msgpack.Decoder(Activity)


def encode(record: Case | Contact | Activity) -> bytes:
    return _case_encoder.encode(record)


def decode_case(data: bytes) -> Case:
    return _case_decoder.decode(data)


def decode_contact(data: bytes) -> Contact:
    return _contact_decoder.decode(data)


def decode_activity(data: bytes) -> Activity:
    return _activity_decoder.decode(data)
