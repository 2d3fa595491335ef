"""Whether a format 2 item is asked of one record: its counselling fields and its condition.

One place for the rule that validation, tallies, the demo generator and the entry forms
use: an item with ``fields`` is asked only for records of those fields; an item with
``only_if`` (app/scheme/model.py Condition) only while the item it names is still empty or
has one of its codes, e.g. the KDS main diagnosis only when the person concerned is
counselled, never for a relative.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.records.model import ITEM_ATTRIBUTE, Case
from app.scheme.model import Item, Scheme


def condition_attribute(item: Item) -> str | None:
    """The record attribute whose value ``item.only_if`` reads, or None."""
    return ITEM_ATTRIBUTE.get(item.only_if.item) if item.only_if else None


def item_applies(item: Item, record: object, fields: Sequence[str]) -> bool:
    if not item.applies_to(fields):
        return False
    attr = condition_attribute(item)
    return attr is None or item.allowed_by(getattr(record, attr, None))


def is_empty(value: object) -> bool:
    """Not recorded: None, an empty list, tuple or dict, or a count of 0."""
    return value is None or value in ([], (), {}) or value == 0 and not isinstance(value, bool)


def needed_at_close(
    item: Item, record: object, fields: Sequence[str], *, has_contacts: bool
) -> bool:
    """Whether closing the record needs ``item`` filled: it applies and is required at close.
    A count per code (persons by sex) is needed only when someone was counselled, i.e. the
    case has contacts."""
    return (
        item.required_at_close
        and (item.kind != "counts" or has_contacts)
        and item_applies(item, record, fields)
    )


def case_items_needed_at_close(
    scheme: Scheme, case: Case, *, has_contacts: bool
) -> list[tuple[Item, str]]:
    """The case's format 2 items (with their attributes) that closing it needs, in the
    scheme's order; the one list validation and the completeness light read."""
    fields = [case.field, *case.other_fields]
    return [
        (item, ITEM_ATTRIBUTE[item.id])
        for item in scheme.items
        if item.record == "case" and needed_at_close(item, case, fields, has_contacts=has_contacts)
    ]
