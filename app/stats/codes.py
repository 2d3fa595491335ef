"""The codes a tally writes where a cell is not one of the scheme's own answers.

One code each, the same in tallies.json, tallies.csv, the workbooks, ADX (and the DHIS2
metadata) and SDMX, taken from SDMX's cross-domain conventions (valid SDMX ids, valid DHIS2
codes, never a scheme code: scheme codes do not start with ``_``):

- ``_X`` **not recorded**: the item was left empty;
- ``_U`` **unknown**: the counsellor recorded that the answer is not known. Schemes write
  this answer as a code of their own per dimension (lk-harz: ``AUNK``, ``UNK``, ``KUNK``,
  ``U``; ``Scheme.unknown_codes``: the code labelled "unknown" in English), and a tally
  counts it under ``_U``;
- ``_Z`` **not asked** (not applicable): the item does not apply to the case's counselling
  fields (format 2 items);
- ``_T`` (SDMX only): the row is not broken down by that dimension (a total over it).

Tally format 1 (``fallzahl-tally/1``, in packages of format 1 and 2) wrote ``?`` for not
recorded, ``-`` for not asked and the scheme's own code for unknown; ``FORMAT1`` and
``Scheme.unknown_codes`` are what app/stats/tally_io.py maps them with when it reads such a file.
docs/exchange.md ("The markers") lists them for people.
"""

from __future__ import annotations

NOT_RECORDED = "_X"
UNKNOWN = "_U"
NOT_ASKED = "_Z"
TOTAL = "_T"
# in the order they follow a dimension's scheme codes in tables and code lists
MARKERS = (UNKNOWN, NOT_ASKED, NOT_RECORDED)
LABELS: dict[str, tuple[str, str]] = {
    UNKNOWN: ("unbekannt", "unknown"),
    NOT_ASKED: ("nicht gefragt (anderes Feld)", "not asked (other field)"),
    NOT_RECORDED: ("nicht erfasst", "not recorded"),
}
# tally format 1: its marker -> the code of today
FORMAT1: dict[str, str] = {"?": NOT_RECORDED, "-": NOT_ASKED}
