"""The office's identity, policy and district, kept as declared sealed settings in its vault."""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from app.exchange.office_id import check_office_id
from app.vault.settings import POLICY, Policy, Setting

if TYPE_CHECKING:
    from app.vault.session import Session


class OfficeInfo(msgspec.Struct, frozen=True, kw_only=True):
    office_id: str
    name: str
    district: str = ""


class Provisioned(msgspec.Struct, frozen=True, kw_only=True):
    """What the verified provisioning file said, for the record."""

    office_id: str
    district_ags: str
    signed_by: str
    created_at: str
    expires: str


__all__ = ["OfficeInfo", "Policy", "check_office_id", "office_info", "policy", "set_policy"]

OFFICE: Setting[OfficeInfo | None] = Setting("office", OfficeInfo, audit_action="office.set")
# The district's age recipients; unset when the office was set up by hand (then packages go to
# the shipped demo district: app/office/export.py district_recipients says so).
RECIPIENTS: Setting[list[str] | None] = Setting(
    "district.recipients", list[str], audit_action="district.recipients"
)
TRUST_ANCHORS: Setting[list[str]] = Setting("district.trust_anchors", list[str], list)
PROVISIONED: Setting[Provisioned | None] = Setting(
    "provisioning", Provisioned, audit_action="provisioning.applied"
)


def office_info(session: Session) -> OfficeInfo | None:
    return OFFICE.read(session)


def set_office_info(session: Session, info: OfficeInfo) -> None:
    check_office_id(info.office_id)
    OFFICE.write(session, info)


def policy(session: Session) -> Policy:
    return POLICY.read(session)


def set_policy(session: Session, value: Policy) -> None:
    session.require_lead("Das Ändern der Richtlinien", "Changing the policy")
    POLICY.write(session, value.checked())
