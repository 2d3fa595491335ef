"""Writes resources/scheme.schema.json (kept as Python so the repetitive parts stay short)."""

from __future__ import annotations

import json
from pathlib import Path

REQUIRED_DIMENSIONS = [
    "field",
    "domain",
    "problem",
    "sex",
    "age_band",
    "household",
    "children",
    "municipality",
    "yes_no_unknown",
    "referral",
    "ending",
    "contact_form",
    "duration_band",
]
TEXT = {"type": "string", "minLength": 1, "maxLength": 2000}
LABEL = {"type": "string", "minLength": 1, "maxLength": 200}
DATE = {"type": "string", "pattern": r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"}
# no leading "_": _X, _U, _Z and _T are the tally's own codes (app/stats/codes.py)
CODE = {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9_]{0,31}$"}


def code_items(extra_required: list[str], code_pattern: str | None = None) -> dict:
    props: dict = {"code": {"pattern": code_pattern}} if code_pattern else {}
    return (
        {"items": {"required": extra_required, "properties": props}}
        if (extra_required or props)
        else {}
    )


def only_for(dim_id: str, codes_rule: dict) -> dict:
    return {
        "if": {"properties": {"id": {"const": dim_id}}, "required": ["id"]},
        "then": {"properties": {"codes": codes_rule}},
    }


schema = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://fallzahl.invalid/scheme.schema.json",
    "title": "Fallzahl category scheme (fallzahl-scheme/1 and /2)",
    "description": "See docs/scheme-format.md. Cross references are checked in app/scheme_trust.py.",
    "type": "object",
    "additionalProperties": False,
    "required": [
        "format",
        "id",
        "version",
        "valid_from",
        "valid_until",
        "district",
        "dimensions",
        "multi_problem",
        "disclosure_threshold",
        "periods",
        "mappings",
        "notes_de",
        "notes_en",
    ],
    "properties": {
        "format": {"enum": ["fallzahl-scheme/1", "fallzahl-scheme/2"]},
        "id": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]{0,62}$"},
        "version": {"type": "integer", "minimum": 1},
        "valid_from": DATE,
        "valid_until": DATE,
        "district": {
            "type": "object",
            "additionalProperties": False,
            "required": ["name", "ags"],
            "properties": {"name": LABEL, "ags": {"type": "string", "pattern": r"^[0-9]{5}$"}},
        },
        "dimensions": {
            "type": "array",
            "items": {"$ref": "#/$defs/dimension"},
            "allOf": [
                {"contains": {"properties": {"id": {"const": d}}, "required": ["id"]}}
                for d in REQUIRED_DIMENSIONS
            ],
        },
        "multi_problem": {
            "type": "object",
            "additionalProperties": False,
            "required": ["threshold", "top_class"],
            "properties": {
                "threshold": {"type": "integer", "minimum": 2, "maximum": 20},
                "top_class": {"type": "integer", "minimum": 2, "maximum": 20},
            },
        },
        "disclosure_threshold": {"type": "integer", "minimum": 1, "maximum": 100},
        "periods": {
            "type": "object",
            "additionalProperties": False,
            "required": ["kind", "deadline_days"],
            "properties": {
                "kind": {"enum": ["month", "quarter", "half_year", "year"]},
                "deadline_days": {"type": "integer", "minimum": 0, "maximum": 366},
            },
        },
        "mappings": {"type": "array", "items": {"$ref": "#/$defs/mapping"}},
        "notes_de": {"type": "string", "maxLength": 20000},
        "notes_en": {"type": "string", "maxLength": 20000},
        "items": {"type": "array", "items": {"$ref": "#/$defs/item"}},
    },
    # Format 2 adds items, counts_as_problem and moved mappings; format 1 has none of them.
    "allOf": [
        {
            "if": {"properties": {"format": {"const": "fallzahl-scheme/2"}}},
            "then": {"required": ["items"]},
            "else": {
                "not": {"required": ["items"]},
                "properties": {
                    "dimensions": {
                        "items": {
                            "properties": {
                                "codes": {
                                    "items": {
                                        "not": {
                                            "anyOf": [
                                                {"required": ["counts_as_problem"]},
                                                {"required": ["minutes_min"]},
                                                {"required": ["minutes_max"]},
                                            ]
                                        }
                                    }
                                }
                            }
                        }
                    },
                    "mappings": {"items": {"properties": {"kind": {"not": {"const": "moved"}}}}},
                },
            },
        }
    ],
    "$defs": {
        "code": {
            "type": "object",
            "additionalProperties": False,
            "required": ["code", "label_de", "label_en", "definition_de"],
            "properties": {
                "code": CODE,
                "label_de": LABEL,
                "label_en": LABEL,
                "definition_de": TEXT,
                "definition_en": TEXT,
                "source": LABEL,
                "domain": CODE,
                "pool": LABEL,
                "check": {"type": "boolean"},
                "counts_as_problem": {"type": "boolean"},
                "minutes_min": {"type": "integer", "minimum": 1, "maximum": 1440},
                "minutes_max": {"type": "integer", "minimum": 1, "maximum": 1440},
            },
        },
        "item": {
            "type": "object",
            "additionalProperties": False,
            "required": [
                "id",
                "record",
                "kind",
                "label_de",
                "label_en",
                "definition_de",
                "definition_en",
            ],
            "properties": {
                "id": {"type": "string", "pattern": r"^[a-z][a-z0-9_]{0,31}$"},
                "record": {"enum": ["case", "contact", "activity"]},
                "kind": {"enum": ["single", "multiple", "ranked", "date", "count", "counts"]},
                "label_de": LABEL,
                "label_en": LABEL,
                "definition_de": TEXT,
                "definition_en": TEXT,
                "dimension": {"type": "string", "pattern": r"^[a-z][a-z0-9_]{0,31}$"},
                "min": {"type": "integer", "minimum": 0},
                "max": {"type": "integer", "minimum": 1},
                "fields": {"type": "array", "items": CODE, "uniqueItems": True},
                "required_at_close": {"type": "boolean"},
                "additive": {"type": "boolean"},
                "source": LABEL,
                "check": {"type": "boolean"},
                "only_if": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["item", "codes"],
                    "properties": {
                        "item": {"type": "string", "pattern": r"^[a-z][a-z0-9_]{0,31}$"},
                        "codes": {
                            "type": "array",
                            "minItems": 1,
                            "items": CODE,
                            "uniqueItems": True,
                        },
                    },
                },
            },
            "allOf": [
                {
                    "if": {
                        "properties": {"kind": {"enum": ["single", "multiple", "ranked", "counts"]}}
                    },
                    "then": {"required": ["dimension"]},
                    "else": {"not": {"required": ["dimension"]}},
                },
                {
                    "if": {"properties": {"kind": {"enum": ["count", "counts"]}}},
                    "then": {"required": ["min", "max"]},
                },
                {
                    "if": {"properties": {"kind": {"const": "ranked"}}},
                    "then": {"required": ["max"]},
                },
            ],
        },
        "dimension": {
            "type": "object",
            "additionalProperties": False,
            "required": ["id", "label_de", "label_en", "purpose_de", "purpose_en", "codes"],
            "properties": {
                "id": {"type": "string", "pattern": r"^[a-z][a-z0-9_]{0,31}$"},
                "label_de": LABEL,
                "label_en": LABEL,
                "purpose_de": TEXT,
                "purpose_en": TEXT,
                "codes": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/code"}},
            },
            "allOf": [
                only_for("problem", code_items(["domain"])),
                only_for("contact_form", code_items([], r"^[1-9]$")),
                only_for("duration_band", code_items([], r"^[1-9]$")),
                only_for("municipality", code_items([], r"^([0-9]{8}|OUT|UNK)$")),
            ],
        },
        "mapping": {
            "type": "object",
            "additionalProperties": False,
            "required": ["from_version", "dimension", "kind", "source", "target"],
            "properties": {
                "from_version": {"type": "integer", "minimum": 1},
                "dimension": {"type": "string", "pattern": r"^[a-z][a-z0-9_]{0,31}$"},
                "kind": {"enum": ["renamed", "merged", "split", "moved"]},
                "source": {"type": "array", "minItems": 1, "items": CODE, "uniqueItems": True},
                "target": {"type": "array", "minItems": 1, "items": CODE},
                "item": {"type": "string", "pattern": r"^[a-z][a-z0-9_]{0,31}$"},
                "replace_with": CODE,
            },
            "allOf": [
                {
                    "if": {"properties": {"kind": {"const": "renamed"}}},
                    "then": {
                        "properties": {
                            "source": {"maxItems": 1},
                            "target": {"maxItems": 1},
                        }
                    },
                },
                {
                    "if": {"properties": {"kind": {"const": "merged"}}},
                    "then": {"properties": {"source": {"minItems": 2}, "target": {"maxItems": 1}}},
                },
                {
                    "if": {"properties": {"kind": {"const": "split"}}},
                    "then": {"properties": {"source": {"maxItems": 1}, "target": {"minItems": 2}}},
                },
                {
                    "if": {"properties": {"kind": {"const": "moved"}}},
                    "then": {"required": ["item"]},
                    "else": {
                        "not": {"anyOf": [{"required": ["item"]}, {"required": ["replace_with"]}]},
                        "properties": {"target": {"uniqueItems": True}},
                    },
                },
            ],
        },
    },
}

if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "resources" / "scheme.schema.json"
    out.write_text(json.dumps(schema, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(out)
