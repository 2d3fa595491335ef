"""Is a case completely recorded? Which items are still missing?

The items are CASE_REQUIRED_FOR_COMPLETENESS, then, under a format 2 scheme, the scheme's
items that closing this case needs (app/records/applies.py case_items_needed_at_close, the
list validation checks at close: items of the case's fields, their only_if conditions,
persons by sex once the case has contacts), plus the ending once the case is closed. So an
open case shows what a counsellor should fill now, a closed one everything closing needs.
Format 2 items count only when the case is coded in the scheme given (a frozen case of an
older version keeps that version's rules). An empty problem list counts as missing:
without problem codes the multi-problem rule has nothing to count. The traffic light the
desktop shows:

- ``complete`` (green): nothing missing;
- ``partial`` (yellow): at most ``PARTIAL_AT_MOST`` items missing and problem codes recorded;
- ``incomplete`` (red): anything more.
"""

from __future__ import annotations

from app import lang
from app.records.applies import case_items_needed_at_close, is_empty
from app.records.model import CASE_DIMENSIONS, CASE_REQUIRED_FOR_COMPLETENESS, ITEMS, Case
from app.scheme.model import Scheme

COMPLETE = "complete"
PARTIAL = "partial"
INCOMPLETE = "incomplete"
PARTIAL_AT_MOST = 2


def missing(case: Case, scheme: Scheme | None = None, *, has_contacts: bool = False) -> list[str]:
    """Attribute names still missing: CASE_REQUIRED_FOR_COMPLETENESS in its order, then the
    scheme's format 2 items closing needs (in the scheme's order), then the ending.
    ``has_contacts``: the case has contacts (then persons by sex are asked)."""
    gaps = [attr for attr in CASE_REQUIRED_FOR_COMPLETENESS if not getattr(case, attr)]
    if scheme is not None and scheme.version == case.scheme_version:
        needed = case_items_needed_at_close(scheme, case, has_contacts=has_contacts)
        gaps += [attr for _, attr in needed if is_empty(getattr(case, attr))]
    if case.closed is not None and not case.ending:
        gaps.append("ending")
    return gaps


def level(case: Case, scheme: Scheme | None = None, *, has_contacts: bool = False) -> str:
    gaps = missing(case, scheme, has_contacts=has_contacts)
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


# case attribute -> format 2 item id
_CASE_ITEMS = {attr: item_id for item_id, (kind, attr) in ITEMS.items() if kind == "case"}


def item_label(attr: str, scheme: Scheme, language: str | None = None) -> str:
    """What a case item is called: a format 2 item's label in the scheme, its question,
    else its scheme dimension's label."""
    item = scheme.item(_CASE_ITEMS[attr]) if attr in _CASE_ITEMS else None
    if item is not None:
        return item.label(language)
    if attr in ITEM_QUESTIONS:
        de, en = ITEM_QUESTIONS[attr]
        return en if (language or lang.current()) == "en" else de
    return scheme.dimension(CASE_DIMENSIONS[attr]).label(language)


def missing_labels(
    case: Case, scheme: Scheme, language: str | None = None, *, has_contacts: bool = False
) -> list[str]:
    """The missing items as the desktop names them, in the scheme's words."""
    gaps = missing(case, scheme, has_contacts=has_contacts)
    return [item_label(attr, scheme, language) for attr in gaps]
