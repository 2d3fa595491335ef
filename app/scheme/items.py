"""The format 2 items this program can record, and what a scheme may declare for each.

A scheme declares an item by id (docs/scheme-format.md, "Items"); the program has a record
field for each id here (app/records/model.py ITEMS). A scheme item with an id not listed
here, or with another record kind or item kind, is refused: the program could not store it.
"""

from __future__ import annotations

CODED = ("single", "multiple", "ranked", "counts")

# item id -> (record kind, allowed item kinds)
KNOWN_ITEMS: dict[str, tuple[str, tuple[str, ...]]] = {
    "requested": ("case", ("date",)),
    "started": ("case", ("date",)),
    "client_relation": ("case", ("single",)),
    "persons_count": ("case", ("count",)),
    # persons counselled per code of the dimension (the sex codes); the total is derived
    "persons_by_sex": ("case", ("counts",)),
    "children_affected": ("case", ("count",)),
    "reasons": ("case", ("ranked", "multiple")),
    "debt_trigger": ("case", ("single",)),
    "eb_setting": ("case", ("single",)),
    "risk_assessment": ("case", ("single",)),
    "family_situation": ("case", ("single",)),
    "pregnancy_topics": ("case", ("multiple",)),
    # KDS main diagnosis: of the person concerned only (only_if client_relation)
    "diagnosis": ("case", ("single",)),
    "contact_minutes": ("contact", ("count",)),
    "contact_kind": ("contact", ("single",)),
    "contact_place": ("contact", ("single",)),
    "activity_target_group": ("activity", ("single",)),
    "activity_setting": ("activity", ("single",)),
    "activity_participants": ("activity", ("count",)),
    "activity_minutes": ("activity", ("count",)),
    "activity_place": ("activity", ("single",)),
}
# Dimensions a format 2 scheme must have besides format 1's (activities are typed by them).
REQUIRED_DIMENSIONS_V2 = ("activity_kind",)
# Items that say the same thing: a scheme declares at most one of each pair (the total of
# persons_by_sex is the number of persons; typing it again could disagree).
EXCLUSIVE_ITEMS = (("persons_count", "persons_by_sex"),)
