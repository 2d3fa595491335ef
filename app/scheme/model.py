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
    # format 2, problem codes: False = recorded but no problem domain for the multi-problem
    # count (services such as foundation applications, purely informational topics)
    counts_as_problem: bool = True
    # format 2, duration_band codes: the band's minutes (inclusive; no maximum: open band).
    # The band of a contact follows from its minutes (Scheme.band_for_minutes), never by hand.
    minutes_min: int | None = None
    minutes_max: int | None = None

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
    kind: str  # renamed | merged | split | moved (format 2)
    source: tuple[str, ...]  # old codes
    target: tuple[str, ...]  # new codes (split: the first is where counts go)
    # moved (format 2): the old codes leave ``dimension`` and become the value of ``item``
    # (targets are codes of that item's dimension, one per source or one for all);
    # ``replace_with`` (a code of ``dimension``) takes their place, if given.
    item: str | None = None
    replace_with: str | None = None


ITEM_KINDS = ("single", "multiple", "ranked", "date", "count", "counts")


class Condition(msgspec.Struct, frozen=True, kw_only=True):
    """Format 2: an item asked only while another item of the record has one of ``codes``
    (or is still empty), e.g. the KDS diagnosis only for the person concerned."""

    item: str
    codes: tuple[str, ...]


RECORD_KINDS = ("case", "contact", "activity")


class Item(msgspec.Struct, frozen=True, kw_only=True):
    """Format 2: one item a record carries beyond format 1's fixed ones.

    The program knows which record attribute each item id fills (app/records/model.py,
    ITEMS); the scheme says its kind, codes, bounds, for which counselling fields it
    applies, whether a case needs it at closing, and its label and definition.
    """

    id: str
    record: str  # case | contact | activity
    kind: str  # single | multiple | ranked | date | count | counts
    label_de: str
    label_en: str
    definition_de: str
    definition_en: str
    dimension: str | None = None  # single, multiple, ranked, counts: the codes
    # count: bounds (inclusive); counts (one count per code, the total their sum): bounds
    # of the total, each count from 0 to max; ranked: max = most codes (main + further)
    min: int | None = None
    max: int | None = None
    fields: tuple[str, ...] = ()  # applies only to cases of these fields; () = all
    required_at_close: bool = False
    additive: bool = True  # False: its breakdown does not add up to the total
    source: str | None = None
    check: bool = False
    only_if: Condition | None = None  # asked only while that item has one of the codes

    def label(self, language: str | None = None) -> str:
        return self.label_en if (language or lang.current()) == "en" else self.label_de

    def definition(self, language: str | None = None) -> str:
        return self.definition_en if (language or lang.current()) == "en" else self.definition_de

    def applies_to(self, fields: list[str] | tuple[str, ...]) -> bool:
        """Whether the item is asked for a record of these counselling fields."""
        return not self.fields or any(f in self.fields for f in fields)

    def allowed_by(self, condition_value: str | None) -> bool:
        """Whether ``only_if`` lets the item be asked, given the value of the item it names
        (None: not recorded yet, so still asked)."""
        return (
            self.only_if is None or condition_value is None or condition_value in self.only_if.codes
        )


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
    items: tuple[Item, ...] = ()  # format 2

    @cached_property
    def format_version(self) -> int:
        return int(self.format.rsplit("/", 1)[1])

    def item(self, item_id: str) -> Item | None:
        """The declared item, or None when this scheme does not ask it (format 1: none)."""
        return self._items.get(item_id)

    @cached_property
    def _items(self) -> dict[str, Item]:
        return {i.id: i for i in self.items}

    def items_for(self, record: str) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.record == record)

    def case_items_required_at_close(self, fields: tuple[str, ...]) -> tuple[Item, ...]:
        """The case items with required_at_close that apply to these counselling fields, in
        the scheme's order; kept per field combination, as the case list asks it for every
        case (whether one is needed by a given case: app/records/applies.py needed_at_close)."""
        got = self._close_items.get(fields)
        if got is None:
            got = self._close_items[fields] = tuple(
                i
                for i in self.items
                if i.record == "case" and i.required_at_close and i.applies_to(fields)
            )
        return got

    @cached_property
    def _close_items(self) -> dict[tuple[str, ...], tuple[Item, ...]]:
        return {}

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
        """problem code -> life domain code (codes that count as a problem only)."""
        return {c.code: c.domain for c in self.codes("problem") if c.domain and c.counts_as_problem}

    @cached_property
    def unknown_codes(self) -> dict[str, str]:
        """Dimension id -> the code of its "unknown" answer: the one code labelled "unknown"
        in English (lk-harz: AUNK, UNK, KUNK, U). Tallies count it under one code of their
        own (app/stats/codes.py); a dimension with two such codes has none."""
        out = {}
        for d in self.dimensions:
            found = [c.code for c in d.codes if c.label_en.strip().lower() == "unknown"]
            if len(found) == 1:
                out[d.id] = found[0]
        return out

    @cached_property
    def _minute_bands(self) -> tuple[tuple[int, int | None, str], ...]:
        try:
            codes = self.codes("duration_band")
        except KeyError:
            return ()
        if not codes or any(c.minutes_min is None for c in codes):
            return ()
        return tuple((c.minutes_min, c.minutes_max, c.code) for c in codes)  # type: ignore[misc]

    @property
    def bands_from_minutes(self) -> bool:
        """Whether the duration band follows from a contact's minutes (format 2 bands with
        minutes); then the band is never entered by hand."""
        return bool(self._minute_bands)

    def band_for_minutes(self, minutes: int | None) -> str | None:
        """The duration band of ``minutes``, the one place it is worked out; None without
        minutes or when the scheme's bands declare no minutes."""
        if minutes is None:
            return None
        for low, high, code in self._minute_bands:
            if minutes >= low and (high is None or minutes <= high):
                return code
        return None

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
