"""Identifiers of the tally's measures, dimensions and codes in the exchange formats.

ADX (for DHIS2) and SDMX need identifiers that are XML names and SDMX ids
(``[A-Za-z0-9_@$-]+``): no ``?``, no ``+``, no spaces. This module is the one place that
turns the long table's names into them, and the one place that says which breakdowns a
tally has (``layout``: the rows of a tally of nothing, so it follows app/stats/tally.py):

- a measure or a dimension id in capitals: ``cases_active`` -> ``CASES_ACTIVE``,
  ``age_band`` -> ``AGE_BAND``;
- a code as it is (so ``_X`` not recorded, ``_U`` unknown, ``_Z`` not asked: app/stats/codes.py,
  the same as in tallies.json), except a class "n or more" (``4+``, ``D92+``) -> ``4PLUS``, ``D92PLUS``; any other
  character outside the id pattern (pooled municipalities such as "VG Vorharz") -> ``_``;
- ``_T`` (SDMX only): the row is not broken down by that dimension (a total over it).

docs/exchange.md lists every identifier.
"""

from __future__ import annotations

import datetime as dt
import re

from app.records.periods import quarter
from app.scheme.model import Scheme
from app.stats import codes
from app.stats.tally import (
    CASE_MULTI,
    ITEM,
    SCHEME_DIMENSION,
    Tally,
    code_label,
    tally,
)

# Why a published cell is hidden (SDMX CONF_STATUS codes; ADX carries them too).
CONF_FREE = "F"  # free: published
CONF_PRIMARY = "C"  # confidential: the count is below the disclosure threshold
CONF_SECONDARY = "D"  # secondary confidentiality: hidden so that a C cell cannot be worked out
NOT_RECORDED = codes.NOT_RECORDED  # the item was left empty
UNKNOWN = codes.UNKNOWN  # the answer is not known
NOT_ASKED = codes.NOT_ASKED  # the item does not apply to the case's fields
MARKERS = codes.MARKERS
TOTAL = codes.TOTAL  # SDMX: not broken down by this dimension
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")
_PLUS = re.compile(r"^(.*\d)\+$")  # "4+", "D92+" (a class "n or more")
_PLUS_BACK = re.compile(r"^(.*\d)PLUS$")
ID = re.compile(r"^[A-Za-z0-9_@$-]+$")  # SDMX IDType (also what ADX attribute values need)

# Measures that add up over time (a year = its quarters): new and closed cases, contacts,
# persons. A case active in two quarters is one case in the year, so the others do not.
FLOW_MEASURES = (
    "cases_new",
    "cases_closed",
    "contacts",
    "persons",
    # format 2 (app/stats/tally_v2.py)
    "cases_started",
    "contacts_no_show",
    "contact_minutes",
    "activities",
    "participants",
    "activity_minutes",
)
# Breakdowns whose parts do not add up to a total: a case counts under every code it has
# (multiple answers), or under every item it lacks.
NON_ADDITIVE_DIMENSIONS = frozenset({*CASE_MULTI, ITEM})


def upper(name: str) -> str:
    """A measure or dimension id as an exchange identifier: ``age_band`` -> ``AGE_BAND``."""
    return name.upper()


def lower(name: str) -> str:
    return name.lower()


def code_id(code: str) -> str:
    """A tally code as an exchange identifier (``4+`` -> ``4PLUS``, "VG Vorharz" -> ``VG_Vorharz``)."""
    m = _PLUS.match(code)
    if m:
        return f"{m.group(1)}PLUS"
    return _UNSAFE.sub("_", code)


def code_from_id(ident: str) -> str:
    """The tally code of an identifier ``code_id`` wrote for a package (no pooled codes)."""
    m = _PLUS_BACK.match(ident)
    if m:
        return f"{m.group(1)}+"
    return ident


def comparable(code: str) -> str:
    """A code as the ADX writer before package format 3 could tell it apart: ``4+`` and
    ``4PLUS`` alike, ``D92+`` (written ``D92_`` then) like ``D92_``. Only for checking a
    format 1 or 2 package's adx.xml against its tallies.json, which is the one that counts."""
    return _UNSAFE.sub("_", code_from_id(code))


def is_additive(dims: tuple[str, ...]) -> bool:
    """Whether the parts of a breakdown by ``dims`` add up to the total of the measure."""
    return not any(d in NON_ADDITIVE_DIMENSIONS for d in dims)


def _layout(scheme: Scheme) -> Tally:
    # A tally of nothing has every breakdown with every scheme code (and "not recorded"
    # where the item can be left empty): the layout of every tally of this scheme.
    return tally(scheme, [], [], quarter(dt.date.today().year, 1))


def layout(scheme: Scheme) -> list[tuple[str, tuple[str, ...]]]:
    """Every (measure, dimension ids) breakdown a tally of ``scheme`` has, in row order."""
    return _layout(scheme).breakdowns()


def dimension_codes(scheme: Scheme, *, pooled: bool = False) -> dict[str, list[str]]:
    """Row dimension -> its codes in a tally of ``scheme`` ("not recorded" included where
    an item can be left empty); ``pooled``: municipalities as the district publishes them."""
    out: dict[str, dict[str, None]] = {}
    for r in _layout(scheme).rows:
        for d, c in r.dims:
            if pooled and d == "municipality":
                c = scheme.pooled(d, c)
            out.setdefault(d, {})[c] = None
    return {d: list(codes) for d, codes in out.items()}


def code_name(scheme: Scheme, dim: str, code: str, language: str) -> str:
    """The label of a code; pooled municipalities are named by their pool."""
    if dim == "municipality" and any(c.pool == code for c in scheme.codes("municipality")):
        return code
    return code_label(dim, code, scheme, language)


def option_prefix(dim: str) -> str:
    """The prefix of DHIS2 category option codes of a row dimension (the scheme dimension
    whose codes it uses, so ``field`` and ``other_field`` share their options)."""
    return upper(SCHEME_DIMENSION.get(dim, dim))
