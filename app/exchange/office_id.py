"""The office id: the one name an office has in every file that leaves it."""

from __future__ import annotations

import re

from app.errors import UsageError

OFFICE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{1,39}")


def is_office_id(text: str) -> bool:
    """Whole-string match: a trailing newline or space is not part of a valid id."""
    return isinstance(text, str) and OFFICE_ID.fullmatch(text) is not None


def check_office_id(office_id: str) -> None:
    if not is_office_id(office_id):
        raise UsageError(
            "Die Kennung der Beratungsstelle: 2 bis 40 Zeichen aus Buchstaben, Ziffern, "
            "Punkt, Bindestrich und Unterstrich, z. B. HZ-QLB-01.",
            "The office id: 2 to 40 letters, digits, dots, hyphens and underscores, e.g. "
            "HZ-QLB-01.",
        )
