"""The office's identity and policy, kept as sealed settings in its vault."""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from app.exchange.office_id import check_office_id
from app.vault.settings import POLICY, Policy

if TYPE_CHECKING:
    from app.vault.session import Session


class OfficeInfo(msgspec.Struct, frozen=True, kw_only=True):
    office_id: str
    name: str
    district: str = ""


__all__ = ["OfficeInfo", "Policy", "check_office_id", "office_info", "policy", "set_policy"]


def office_info(session: Session) -> OfficeInfo | None:
    raw = session.get_setting("office")
    return msgspec.json.decode(raw, type=OfficeInfo) if raw else None


def set_office_info(session: Session, info: OfficeInfo) -> None:
    check_office_id(info.office_id)
    session.put_setting("office", msgspec.json.encode(info), audit_action="office.set")


def policy(session: Session) -> Policy:
    return POLICY.read(session)


def set_policy(session: Session, value: Policy) -> None:
    session.require_lead("Das Ändern der Richtlinien", "Changing the policy")
    POLICY.write(session, value.checked())
