"""The vault's declared settings: every key with its type, default and bounds, once.

A setting lives in the vault's sealed ``settings`` table under its key. The modules that own a
setting declare it here with ``Setting(...)``; the rest of the program reads and writes it
through that declaration, so a key, its type, its default and its bounds stand in one place
(Picard's config.Option, qutebrowser's configdata). ``declared()`` lists them all, e.g. for the
threat model and for tests that no key is used undeclared.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import msgspec

from app.errors import UsageError

if TYPE_CHECKING:
    from app.vault.session import Session

T = TypeVar("T")

_REGISTRY: dict[str, Setting[Any]] = {}


@dataclass(frozen=True)
class Bound:
    """An integer with its range, its default and what it is called in messages."""

    minimum: int
    maximum: int
    default: int
    name_de: str
    name_en: str
    unit_de: str = ""
    unit_en: str = ""

    def check(self, value: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.refusal()
        if not self.minimum <= value <= self.maximum:
            raise self.refusal()
        return value

    def refusal(self) -> UsageError:
        unit_de = f" {self.unit_de}" if self.unit_de else ""
        unit_en = f" {self.unit_en}" if self.unit_en else ""
        return UsageError(
            f"{self.name_de}: zwischen {self.minimum} und {self.maximum}{unit_de}.",
            f"{self.name_en}: between {self.minimum} and {self.maximum}{unit_en}.",
        )


AUTO_LOCK_MINUTES = Bound(
    1, 240, 10, "Automatische Sperre", "Auto-lock", unit_de="Minuten", unit_en="minutes"
)


class Policy(msgspec.Struct, frozen=True, kw_only=True):
    """What IT or a lead sets for the whole office (provisioning file, administration)."""

    auto_lock_minutes: int = AUTO_LOCK_MINUTES.default
    backup_folder: str = ""

    def checked(self) -> Policy:
        AUTO_LOCK_MINUTES.check(self.auto_lock_minutes)
        return self


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One sealed setting: its key, the type its bytes decode to, and its default."""

    key: str
    type: Any
    default: Callable[[], T] | None = None
    lead_only: bool = True  # changed only by a lead (see docs/security.md)
    audit_action: str | None = None
    encoder: Callable[[T], bytes] = field(default=msgspec.json.encode, repr=False)

    def __post_init__(self) -> None:
        if self.key in _REGISTRY:
            raise ValueError(f"setting {self.key!r} declared twice")
        _REGISTRY[self.key] = self

    def read(self, session: Session) -> T:
        raw = session.get_setting(self.key)
        if raw is None:
            if self.default is None:
                return None  # type: ignore[return-value]
            return self.default()
        return msgspec.json.decode(raw, type=self.type)

    def write(self, session: Session, value: T, *, audit_action: str | None = None) -> None:
        session.put_setting(
            self.key, self.encoder(value), audit_action=audit_action or self.audit_action
        )


def declared() -> dict[str, Setting[Any]]:
    return dict(_REGISTRY)


def is_lead_state(key: str) -> bool:
    """Whether only a lead may change ``key`` (signed lead state, app/vault/lead_state.py).

    A declared setting says so itself; an undeclared key is lead state, the safe default:
    a counsellor's session can then write nothing it was not meant to.
    """
    setting = _REGISTRY.get(key)
    return setting.lead_only if setting is not None else True


POLICY: Setting[Policy] = Setting("policy", Policy, Policy, audit_action="policy.changed")
# The audit log's sealed head (sequence, hash, lead-state version): every save moves it.
AUDIT_HEAD: Setting[tuple] = Setting("audit.head", tuple, lead_only=False)
