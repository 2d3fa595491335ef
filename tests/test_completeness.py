"""The completeness light under scheme format 2: which items count as missing, per item kind
and counselling field, and that it agrees with what validation asks at close."""

from __future__ import annotations

import datetime as dt

import msgspec
import pytest

from app.errors import InvalidRecord
from app.records import completeness
from app.records.model import Case
from app.records.validation import validate_case
from app.resources import resource_path
from app.scheme.trust import shipped_scheme, validate_document
from tests.support.records import V1_FILLED, case

V1 = validate_document(shipped_scheme()[0])
V2 = validate_document(resource_path("schemes", "lk-harz-v2.json").read_bytes())
TODAY = dt.date(2026, 11, 30)
D = dt.date

# every required-at-close item of every field, recorded
V2_FILLED = dict(
    client_relation="SELF",
    persons_by_sex={"w": 1},
    reasons=("ERZKOMP",),
    debt_trigger="ALO",
    eb_setting="ELT",
    family_situation="ALLEIN",
    diagnosis="F10",
)
# which of them apply in each field
FIELD_ITEMS = {
    "EFL": ("client_relation", "persons_by_sex"),
    "EB": ("client_relation", "persons_by_sex", "reasons", "eb_setting", "family_situation"),
    "SUCHT": ("client_relation", "persons_by_sex", "diagnosis"),
    "SCHULD": ("client_relation", "persons_by_sex", "debt_trigger"),
    "SCHWANGER": ("client_relation", "persons_by_sex"),
}


def v2_case(field: str, *, empty: tuple[str, ...] = (), **kw) -> Case:
    """A version 2 case of ``field`` with everything recorded that applies, except ``empty``."""
    items = {a: V2_FILLED[a] for a in FIELD_ITEMS[field] if a not in empty}
    values = dict(field=field, scheme_version=2, opened=D(2026, 3, 2), **V1_FILLED, **items)
    values.update(kw)
    return case(**values)


# (what, case, has_contacts, missing attributes)
ROWS = [
    # one row per item kind and field: that one item left empty
    ("single, all fields", v2_case("EFL", empty=("client_relation",)), True, ["client_relation"]),
    ("counts, with contacts", v2_case("EFL", empty=("persons_by_sex",)), True, ["persons_by_sex"]),
    ("counts, no contact yet", v2_case("EFL", empty=("persons_by_sex",)), False, []),
    ("ranked, EB", v2_case("EB", empty=("reasons",)), True, ["reasons"]),
    ("single, EB setting", v2_case("EB", empty=("eb_setting",)), True, ["eb_setting"]),
    ("single, EB family", v2_case("EB", empty=("family_situation",)), True, ["family_situation"]),
    ("single, debt trigger", v2_case("SCHULD", empty=("debt_trigger",)), True, ["debt_trigger"]),
    ("only_if met, SUCHT", v2_case("SUCHT", empty=("diagnosis",)), True, ["diagnosis"]),
    (
        "only_if not met: a relative has no diagnosis",
        v2_case("SUCHT", empty=("diagnosis",), client_relation="REL"),
        True,
        [],
    ),
    (
        "only_if unknown yet: both asked",
        v2_case("SUCHT", empty=("diagnosis", "client_relation")),
        True,
        ["client_relation", "diagnosis"],
    ),
    # items of other fields, and items not required at close, never count
    ("EB items not asked in EFL", v2_case("EFL"), True, []),
    ("dates, count, multiple: not required", v2_case("SCHWANGER"), True, []),
    (
        "another field involved brings its items",
        v2_case("EFL", other_fields=["EB"]),
        True,
        ["reasons", "eb_setting", "family_situation"],
    ),
    # format 1 items first, the ending last once closed
    (
        "format 1 gaps first",
        v2_case("SCHULD", empty=("debt_trigger",), sex=None),
        True,
        ["sex", "debt_trigger"],
    ),
    (
        "closed: the ending too",
        v2_case("EB", empty=("reasons",), closed=D(2026, 6, 1)),
        True,
        ["reasons", "ending"],
    ),
    (
        "a case coded in version 1 keeps version 1's rules",
        v2_case("EB", empty=tuple(FIELD_ITEMS["EB"]), scheme_version=1),
        True,
        [],
    ),
]


@pytest.mark.parametrize(("what", "record", "has_contacts", "gaps"), ROWS, ids=[r[0] for r in ROWS])
def test_missing_follows_the_scheme(what, record, has_contacts, gaps) -> None:
    assert completeness.missing(record, V2, has_contacts=has_contacts) == gaps


V2_ROWS = [r for r in ROWS if r[1].scheme_version == V2.version]


@pytest.mark.parametrize(
    ("what", "record", "has_contacts", "gaps"), V2_ROWS, ids=[r[0] for r in V2_ROWS]
)
def test_validation_at_close_refuses_exactly_the_missing_items(
    what, record, has_contacts, gaps
) -> None:
    """The light and the close check read one list: closing a case refuses the first
    format 2 item the light names, and passes when it names none."""
    closed = msgspec.structs.replace(record, closed=D(2026, 6, 1), ending="REG")
    items = [a for a in gaps if a not in V1_FILLED and a != "ending"]
    if not items:
        validate_case(closed, V2, TODAY, has_contacts=has_contacts)
        return
    with pytest.raises(InvalidRecord) as got:
        validate_case(closed, V2, TODAY, has_contacts=has_contacts)
    assert got.value.field == items[0]


LEVELS = [
    (v2_case("EB"), completeness.COMPLETE),
    (v2_case("EB", empty=("reasons",)), completeness.PARTIAL),
    (v2_case("EB", empty=("reasons", "eb_setting")), completeness.PARTIAL),
    (v2_case("EB", empty=("reasons", "eb_setting", "family_situation")), completeness.INCOMPLETE),
    (v2_case("EB", problems=[]), completeness.INCOMPLETE),
]


@pytest.mark.parametrize(("record", "light"), LEVELS)
def test_the_light(record, light) -> None:
    assert completeness.level(record, V2, has_contacts=True) == light


def test_labels_are_the_schemes_in_the_ui_language() -> None:
    record = v2_case("SUCHT", empty=("diagnosis", "persons_by_sex"), sex=None)
    assert completeness.missing_labels(record, V2, "de", has_contacts=True) == [
        "Geschlecht",
        "Beratene Personen nach Geschlecht",
        "Hauptdiagnose (KDS)",
    ]
    assert completeness.missing_labels(record, V2, "en", has_contacts=True) == [
        "Sex",
        "Persons counselled by sex",
        "Main diagnosis (KDS)",
    ]


def test_version_1_is_unchanged() -> None:
    """Under version 1 no format 2 item counts, whatever the case leaves empty."""
    record = case(**V1_FILLED)
    assert completeness.missing(record, V1, has_contacts=True) == []
    assert completeness.missing(record) == []
    assert completeness.level(record, V1) == completeness.COMPLETE
