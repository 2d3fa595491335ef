"""Is a case completely recorded? Which items are still missing?

The items are CASE_REQUIRED_FOR_COMPLETENESS, plus the ending once the case is closed.
An empty problem list counts as missing: without problem codes the multi-problem rule
has nothing to count. The traffic light the desktop shows:

- ``complete`` (green): nothing missing;
- ``partial`` (yellow): at most ``PARTIAL_AT_MOST`` items missing and problem codes recorded;
- ``incomplete`` (red): anything more.
"""

from __future__ import annotations

from app import lang
from app.records.model import CASE_DIMENSIONS, CASE_REQUIRED_FOR_COMPLETENESS, Case
from app.scheme.model import Scheme

COMPLETE = "complete"
PARTIAL = "partial"
INCOMPLETE = "incomplete"
PARTIAL_AT_MOST = 2


def missing(case: Case) -> list[str]:
    """Attribute names still missing, in the order of CASE_REQUIRED_FOR_COMPLETENESS."""
    required = list(CASE_REQUIRED_FOR_COMPLETENESS)
    if case.closed is not None:
        required.append("ending")
    return [attr for attr in required if not getattr(case, attr)]


def level(case: Case) -> str:
    gaps = missing(case)
    if not gaps:
        return COMPLETE
    if len(gaps) <= PARTIAL_AT_MOST and "problems" not in gaps:
        return PARTIAL
    return INCOMPLETE


# The three yes/no/unknown items share one scheme dimension; each is its own question.
ITEM_QUESTIONS: dict[str, tuple[str, str]] = {
    "transfer_benefits": ("Bezug von Transferleistungen", "Receives transfer benefits"),
    "migration_parent": ("Elternteil ausländischer Herkunft", "A parent of foreign origin"),
    "german_at_home": ("Zuhause vorrangig Deutsch", "German mainly spoken at home"),
}


def item_label(attr: str, scheme: Scheme, language: str | None = None) -> str:
    """What a case item is called: its question, else its scheme dimension's label."""
    if attr in ITEM_QUESTIONS:
        de, en = ITEM_QUESTIONS[attr]
        return en if (language or lang.current()) == "en" else de
    return scheme.dimension(CASE_DIMENSIONS[attr]).label(language)


def missing_labels(case: Case, scheme: Scheme, language: str | None = None) -> list[str]:
    """The missing items as the desktop names them."""
    return [item_label(attr, scheme, language) for attr in missing(case)]
