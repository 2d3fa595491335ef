"""The agreed category scheme as typed objects.

A scheme is one JSON document (docs/scheme-format.md) plus a detached minisign signature.
This module holds the typed model and the lookups every other module uses; signature and
document checks live in app/scheme_trust.py, the multi-problem rule in app/rules.py.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import cached_property

import msgspec

from app import lang


class Code(msgspec.Struct, frozen=True, kw_only=True):
    code: str
    label_de: str
    label_en: str
    definition_de: str
    definition_en: str | None = None
    source: str | None = None  # the official statistic or law it maps to
    domain: str | None = None  # problem codes: the life domain (a code of "domain")
    pool: str | None = None  # published tables pool this code under that label (VG Vorharz)
    check: bool = False  # the sources flag this item as to be checked

    def label(self, language: str | None = None) -> str:
        return self.label_en if (language or lang.current()) == "en" else self.label_de

    def definition(self, language: str | None = None) -> str:
        if (language or lang.current()) == "en" and self.definition_en:
            return self.definition_en
        return self.definition_de


class Dimension(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    label_de: str
    label_en: str
    purpose_de: str  # what the district plans with it: why a counsellor records it
    purpose_en: str
    codes: tuple[Code, ...]

    def label(self, language: str | None = None) -> str:
        return self.label_en if (language or lang.current()) == "en" else self.label_de

    def purpose(self, language: str | None = None) -> str:
        return self.purpose_en if (language or lang.current()) == "en" else self.purpose_de


class District(msgspec.Struct, frozen=True, kw_only=True):
    name: str
    ags: str


class MultiProblemRule(msgspec.Struct, frozen=True, kw_only=True):
    threshold: int = 3  # domains >= threshold: Multiproblemfall
    top_class: int = 4  # classes 1, 2, 3, "4+"


class Periods(msgspec.Struct, frozen=True, kw_only=True):
    kind: str = "quarter"
    deadline_days: int = 30  # submission due this many days after the period ends


class Mapping(msgspec.Struct, frozen=True, kw_only=True):
    """Codes of an earlier version, translated when tallying across versions."""

    from_version: int
    dimension: str
    kind: str  # renamed | merged | split
    source: tuple[str, ...]  # old codes
    target: tuple[str, ...]  # new codes (split: the first is where counts go)


class Scheme(msgspec.Struct, frozen=True, kw_only=True, dict=True):
    format: str
    id: str
    version: int
    valid_from: dt.date
    valid_until: dt.date
    district: District
    dimensions: tuple[Dimension, ...]
    multi_problem: MultiProblemRule = MultiProblemRule()
    disclosure_threshold: int = 3
    periods: Periods = Periods()
    mappings: tuple[Mapping, ...] = ()
    notes_de: str = ""
    notes_en: str = ""

    @cached_property
    def _index(self) -> dict[str, dict[str, Code]]:
        return {d.id: {c.code: c for c in d.codes} for d in self.dimensions}

    def dimension(self, dim_id: str) -> Dimension:
        for d in self.dimensions:
            if d.id == dim_id:
                return d
        raise KeyError(dim_id)

    def has_code(self, dim_id: str, code: str) -> bool:
        return code in self._index.get(dim_id, {})

    def code(self, dim_id: str, code: str) -> Code:
        return self._index[dim_id][code]

    def codes(self, dim_id: str) -> tuple[Code, ...]:
        return self.dimension(dim_id).codes

    def label(self, dim_id: str, code: str, language: str | None = None) -> str:
        found = self._index.get(dim_id, {}).get(code)
        return found.label(language) if found else code

    @cached_property
    def problem_domain(self) -> dict[str, str]:
        """problem code -> life domain code."""
        return {c.code: c.domain for c in self.codes("problem") if c.domain}

    def pooled(self, dim_id: str, code: str) -> str:
        """The code as published: pooled codes (VG Vorharz) give their pool."""
        found = self._index.get(dim_id, {}).get(code)
        return found.pool if found and found.pool else code


class SchemeDocumentError(ValueError):
    """The bytes are not a well-typed scheme document (the message names the field)."""


def parse(data: bytes) -> Scheme:
    """Typed parse of a scheme document. Structural validation is app/scheme_trust.py's job."""
    try:
        return msgspec.json.decode(data, type=Scheme, dec_hook=None)
    except msgspec.ValidationError as exc:
        raise SchemeDocumentError(str(exc)) from exc
    except msgspec.DecodeError as exc:
        raise SchemeDocumentError(f"not JSON: {exc}") from exc


def digest(data: bytes) -> str:
    """SHA-256 of the exact signed document bytes, as hex."""
    return hashlib.sha256(data).hexdigest()
