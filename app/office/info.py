"""The office's identity and policy, kept as sealed settings in its vault."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import msgspec

from app.errors import UsageError

if TYPE_CHECKING:
    from app.vault.session import Session

OFFICE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{1,39}$")


class OfficeInfo(msgspec.Struct, frozen=True, kw_only=True):
    office_id: str
    name: str
    district: str = ""


class Policy(msgspec.Struct, frozen=True, kw_only=True):
    auto_lock_minutes: int = 10
    backup_folder: str = ""


def check_office_id(office_id: str) -> None:
    if not OFFICE_ID.match(office_id):
        raise UsageError(
            "Die Kennung der Beratungsstelle: 2 bis 40 Zeichen aus Buchstaben, Ziffern, "
            "Punkt, Bindestrich und Unterstrich, z. B. HZ-QLB-01.",
            "The office id: 2 to 40 letters, digits, dots, hyphens and underscores, e.g. "
            "HZ-QLB-01.",
        )


def office_info(session: Session) -> OfficeInfo | None:
    raw = session.get_setting("office")
    return msgspec.json.decode(raw, type=OfficeInfo) if raw else None


def set_office_info(session: Session, info: OfficeInfo) -> None:
    check_office_id(info.office_id)
    session.put_setting("office", msgspec.json.encode(info), audit_action="office.set")


def policy(session: Session) -> Policy:
    raw = session.get_setting("policy")
    return msgspec.json.decode(raw, type=Policy) if raw else Policy()


def set_policy(session: Session, value: Policy) -> None:
    session.require_lead("Das Ändern der Richtlinien", "Changing the policy")
    if not 1 <= value.auto_lock_minutes <= 240:
        raise UsageError(
            "Automatische Sperre: zwischen 1 und 240 Minuten.",
            "Auto-lock: between 1 and 240 minutes.",
        )
    session.put_setting("policy", msgspec.json.encode(value), audit_action="policy.changed")
