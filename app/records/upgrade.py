"""Records coded under an earlier scheme version, translated to the current version's codes.

One place for the translation both tallies (app/stats/tally.py) and saves of old records
(app/vault/session.py) use: codes pass through the scheme's mappings (app/scheme/mapping.py);
a code that a format 2 mapping moves into an item (version 1's debt triggers, which were
problem codes) leaves the list and fills the item, the first one found winning for a
single-choice item. The result carries the current scheme version.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import msgspec

from app.errors import PeriodClosed
from app.records.applies import item_applies
from app.records.model import CASE_DIMENSIONS, CONTACT_DIMENSIONS, ITEM_ATTRIBUTE, Case, Contact
from app.scheme.mapping import CodeMapper, mapper, moved_table
from app.scheme.model import Scheme


def case_upgrader(scheme: Scheme, translate: CodeMapper | None = None) -> Callable[[Case], Case]:
    """A function that brings a case of any earlier version to ``scheme``'s codes.

    ``translate`` (dimension, code, from_version) -> code defaults to the scheme's mappings.
    """
    translate = translate or mapper(scheme)
    moved = moved_table(scheme)
    version = scheme.version

    def apply(case: Case) -> Case:
        if case.scheme_version == version:
            return case
        old = case.scheme_version
        changes: dict[str, object] = {"scheme_version": version}
        fields = [translate("field", f, old) for f in (case.field, *case.other_fields)]
        for attr, dim in CASE_DIMENSIONS.items():
            value = getattr(case, attr)
            if isinstance(value, list):
                out: dict[str, None] = {}
                for code in value:
                    where = moved.get((dim, code, old))
                    if where is None:
                        out[translate(dim, code, old)] = None
                        continue
                    target = ITEM_ATTRIBUTE[where.item]
                    current = changes.get(target, getattr(case, target))
                    item = scheme.item(where.item)
                    # an item not asked of this case (a diagnosis in parenting help) stays empty
                    asked = item is not None and item_applies(item, case, fields)
                    if asked and isinstance(current, (list, tuple)):
                        changes[target] = (*current, where.code)
                    elif asked and current is None:
                        changes[target] = where.code
                    if where.replace_with is not None:
                        out[where.replace_with] = None
                changes[attr] = list(out)
            elif value is not None:
                changes[attr] = translate(dim, value, old)
        return msgspec.structs.replace(case, **changes)

    return apply


def contact_upgrader(
    scheme: Scheme, translate: CodeMapper | None = None
) -> Callable[[Contact], Contact]:
    translate = translate or mapper(scheme)
    version = scheme.version

    def apply(contact: Contact) -> Contact:
        if contact.scheme_version == version:
            return contact
        old = contact.scheme_version
        changes: dict[str, object] = {"scheme_version": version}
        for attr, dim in CONTACT_DIMENSIONS.items():
            value = getattr(contact, attr)
            if value is not None:
                changes[attr] = translate(dim, value, old)
        return msgspec.structs.replace(contact, **changes)

    return apply


def in_current_codes(session: Any, case: Case) -> Case:
    """The case in today's codes (the session's scheme), unless a closed period freezes its
    codes: then it stays as coded under its own version. Saves and the case editor use it,
    so an old case is shown and saved the same way."""
    scheme = session.scheme
    if case.scheme_version >= scheme.version:
        return case
    upgraded = case_upgrader(scheme)(case)
    try:
        session.before_record_change("cases", upgraded)
    except PeriodClosed:
        return case
    return upgraded
