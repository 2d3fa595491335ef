"""The two kinds of record an office keeps: cases and contacts.

Never: names, birth dates, addresses, phone numbers or free text. Every categorical field
holds a code of the active scheme (dimension id in the comment); ``None`` means "not yet
recorded" and counts against completeness. Records are msgspec structs so that decoding
100,000 of them stays cheap (see DESIGN.md, Budgets).
"""

from __future__ import annotations

import datetime as dt
import re

import msgspec

CASE_CODE = re.compile(r"^\d{4}-\d{4,5}$")
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


class Contact(msgspec.Struct, kw_only=True, array_like=True):
    id: str
    date: dt.date
    form: str  # "contact_form"
    duration: str  # "duration_band"
    counsellor: str
    persons: int = 1
    case_id: str | None = None  # None: a short anonymous contact
    field: str | None = None  # "field": for anonymous contacts (else the case's)


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


def encode(record: Case | Contact) -> bytes:
    return _case_encoder.encode(record)


def decode_case(data: bytes) -> Case:
    return _case_decoder.decode(data)


def decode_contact(data: bytes) -> Contact:
    return _contact_decoder.decode(data)
