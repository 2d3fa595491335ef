"""Scheme format 2 and the shipped Landkreis Harz scheme version 2."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from app.errors import SchemeInvalid, SchemeNotYetValid, SchemeRollback
from app.resources import resource_path
from app.scheme.mapping import Moved, mapper, moved_table
from app.scheme.store import active_scheme, import_scheme
from app.scheme.trust import load_verified, shipped_scheme, trusted_keys, validate_document

V2_PATH = resource_path("schemes", "lk-harz-v2.json")
V2_DOC = V2_PATH.read_bytes()
V2_SIG = V2_PATH.with_name("lk-harz-v2.json.minisig").read_bytes()
IN_2027 = dt.date(2027, 1, 4)


def v2() -> Any:
    return validate_document(V2_DOC)


def test_v2_is_signed_and_valid_from_2027() -> None:
    scheme = load_verified(V2_DOC, V2_SIG, trusted_keys(), IN_2027, None)
    assert (scheme.id, scheme.version, scheme.format_version) == ("lk-harz", 2, 2)
    with pytest.raises(SchemeNotYetValid):
        load_verified(V2_DOC, V2_SIG, trusted_keys(), dt.date(2026, 12, 1), None)


def test_format_1_still_loads_without_items() -> None:
    v1 = validate_document(shipped_scheme()[0])
    assert v1.format_version == 1 and v1.items == () and v1.item("requested") is None


def test_every_code_and_item_has_labels_definitions_and_a_source_or_check() -> None:
    scheme = v2()
    for dim in scheme.dimensions:
        for code in dim.codes:
            assert code.label_de and code.label_en and code.definition_de and code.definition_en
            if code.check:
                assert f"{dim.id}/{code.code}" in scheme.notes_de
            assert code.source, (dim.id, code.code)  # official, or "Vorschlag Landkreis Harz"
    for item in scheme.items:
        assert item.label_en and item.definition_en and item.source
        if item.check:
            assert f"items/{item.id}" in scheme.notes_en


def test_multi_problem_rule_fixed() -> None:
    scheme = v2()
    problems = {c.code for c in scheme.codes("problem")}
    assert not any(
        p.startswith("FIN_") and p not in ("FIN_SCHULD", "FIN_LEIST", "FIN_STIFT") for p in problems
    )
    assert "ARB_LOS" in problems and scheme.has_code("debt_trigger", "ALO")
    counted = scheme.problem_domain
    assert "FIN_STIFT" not in counted and "FIN_LEIST" not in counted  # services
    assert "SCHW_SEXAUFK" not in counted and "SCHW_KONFLIKT" in counted  # information only
    assert scheme.item("debt_trigger").kind == "single"
    assert scheme.item("debt_trigger").fields == ("SCHULD",)


def test_generator_grammar() -> None:
    text = V2_DOC.decode()
    assert "von Opioide " not in text and "von Opioide)" not in text
    assert "von Opioiden" in text and "von Cannabinoiden" in text


def test_v1_debt_triggers_move_into_the_item() -> None:
    table = moved_table(v2())
    assert table[("problem", "FIN_ALO", 1)] == Moved("debt_trigger", "ALO", "FIN_SCHULD")
    to_v2 = mapper(v2())
    assert to_v2("contact_form", "3", 1) == "4"  # phone
    assert to_v2("contact_form", "3", 2) == "3"  # already v2: outreach office


def test_generated_file_is_current() -> None:
    from tools import harz_scheme_v2

    assert (
        json.dumps(harz_scheme_v2.build(), indent=1, ensure_ascii=False) + "\n" == V2_DOC.decode()
    )


def test_v2_is_offered_for_import_and_only_goes_up(session) -> None:
    session.role = "lead"
    import_scheme(session, *shipped_scheme(), today=dt.date(2026, 6, 1))
    import_scheme(session, V2_DOC, V2_SIG, today=IN_2027)
    assert active_scheme(session).version == 2
    with pytest.raises(SchemeRollback):
        import_scheme(session, *shipped_scheme(), today=IN_2027)


def _edited(change) -> bytes:
    doc = json.loads(V2_DOC)
    change(doc)
    return (json.dumps(doc, indent=1, ensure_ascii=False) + "\n").encode()


def _item(doc: dict, item_id: str) -> dict:
    return next(i for i in doc["items"] if i["id"] == item_id)


INVALID: list[tuple[str, Any, str]] = [
    ("unknown item", lambda d: _item(d, "reasons").update(id="mood"), "items[5].id"),
    ("wrong kind", lambda d: _item(d, "persons_by_sex").update(kind="date", min=None), "items[3]"),
    ("count bounds", lambda d: _item(d, "persons_by_sex").update(min=9, max=2), "items[3].max"),
    ("unknown field", lambda d: _item(d, "reasons").update(fields=["ZOO"]), "items[5].fields[0]"),
    ("no dimension", lambda d: _item(d, "reasons").update(dimension="nope"), "items[5].dimension"),
    ("ranked without max", lambda d: _item(d, "reasons").pop("max"), "items[5]"),
    ("format 1 with items", lambda d: d.update(format="fallzahl-scheme/1"), "(Dokument)"),
    (
        "format 1 with minute bands",
        lambda d: _as_format_1(d),
        "dimensions[12].codes",
    ),
    (
        "moved to unknown item",
        lambda d: d["mappings"][0].update(item="nope"),
        "mappings[0].item",
    ),
    (
        "moved target not in the item's codes",
        lambda d: d["mappings"][0]["target"].__setitem__(0, "XX"),
        "mappings[0].target[0]",
    ),
    (
        "counts_as_problem outside problems",
        lambda d: d["dimensions"][3]["codes"][0].update(counts_as_problem=False),
        "dimensions[3].codes",
    ),
    (
        "required at close on a contact item",
        lambda d: _item(d, "contact_kind").update(required_at_close=True),
        "items[13].required_at_close",
    ),
    (
        "persons twice: the total and the counts by sex",
        lambda d: d["items"].append({**_item(d, "children_affected"), "id": "persons_count"}),
        "items",
    ),
    (
        "counts without a dimension",
        lambda d: _item(d, "persons_by_sex").pop("dimension"),
        "items[3]",
    ),
    (
        "condition on an unknown item",
        lambda d: _item(d, "diagnosis")["only_if"].update(item="mood"),
        "items[11].only_if.item",
    ),
    (
        "condition with a code the item lacks",
        lambda d: _item(d, "diagnosis")["only_if"].update(codes=["SELF", "ZZZ"]),
        "items[11].only_if.codes[1]",
    ),
    (
        "minutes on another dimension",
        lambda d: d["dimensions"][3]["codes"][0].update(minutes_min=1, minutes_max=5),
        "dimensions[3].codes",
    ),
    (
        "a gap between duration bands",
        lambda d: _band(d, 2).update(minutes_min=31),
        "dimensions[12].codes[2].minutes_min",
    ),
    (
        "overlapping duration bands",
        lambda d: _band(d, 1).update(minutes_max=35),
        "dimensions[12].codes[2].minutes_min",
    ),
    (
        "a closed last band",
        lambda d: _band(d, 4).update(minutes_max=600),
        "dimensions[12].codes[4].minutes_max",
    ),
    (
        "minutes on some bands only",
        lambda d: _band(d, 4).pop("minutes_min"),
        "dimensions[12].codes[4].minutes_min",
    ),
]


def _as_format_1(doc: dict) -> None:
    """The document as format 1 would have it, but keeping the minutes of the bands."""
    doc.update(format="fallzahl-scheme/1", mappings=[])
    doc.pop("items")
    for dim in doc["dimensions"]:
        for code in dim["codes"]:
            code.pop("counts_as_problem", None)


def _band(doc: dict, i: int) -> dict:
    dims = doc["dimensions"]
    assert dims[12]["id"] == "duration_band"
    return dims[12]["codes"][i]


@pytest.mark.parametrize(("name", "change", "field"), INVALID, ids=[x[0] for x in INVALID])
def test_format_2_refusals(name: str, change, field: str) -> None:
    def apply(doc: dict) -> None:
        change(doc)
        for item in doc.get("items", []):
            for key in [k for k, v in item.items() if v is None]:
                del item[key]

    with pytest.raises(SchemeInvalid) as got:
        validate_document(_edited(apply))
    assert got.value.field.startswith(field), (got.value.field, got.value.en)


def test_scheme_show_lists_the_items_and_the_services() -> None:
    from app.cli.scheme import format_scheme

    text = format_scheme(v2(), "de")
    assert "== Merkmale (Format 2)" in text
    assert "debt_trigger" in text and "nur SCHULD; beim Abschluss nötig" in text
    assert "Stiftungsantrag  [Existenz/Finanzen; kein Lebensbereich]" in text
    assert "30–45 Min.  [30..45 min]" in text and "über 90 Min.  [91.. min]" in text
    assert "nur SUCHT; nur wenn client_relation = SELF; beim Abschluss nötig" in text
    assert "Merkmale (Format 2)" not in format_scheme(validate_document(shipped_scheme()[0]), "de")
