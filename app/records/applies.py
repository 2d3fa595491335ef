"""Whether a format 2 item is asked of one record: its counselling fields and its condition.

One place for the rule that validation, tallies, the demo generator and the entry forms
use: an item with ``fields`` is asked only for records of those fields; an item with
``only_if`` (app/scheme/model.py Condition) only while the item it names is still empty or
has one of its codes, e.g. the KDS main diagnosis only when the person concerned is
counselled, never for a relative.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.records.model import ITEM_ATTRIBUTE
from app.scheme.model import Item


def condition_attribute(item: Item) -> str | None:
    """The record attribute whose value ``item.only_if`` reads, or None."""
    return ITEM_ATTRIBUTE.get(item.only_if.item) if item.only_if else None


def item_applies(item: Item, record: object, fields: Sequence[str]) -> bool:
    if not item.applies_to(fields):
        return False
    attr = condition_attribute(item)
    return attr is None or item.allowed_by(getattr(record, attr, None))
