"""The keys this office trusts for the files its district signs (receipts, feedback).

One list from three places: the shipped trust anchors (resources/trust/*.pub, which IT may
replace with the district's key at installation), the district keys that the office's signed
provisioning file installed (``district.trust_anchors``), and extra district keys a lead added
(``receipt.trusted_keys``). All three are lead state, so a counsellor cannot add a key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.office.info import TRUST_ANCHORS
from app.scheme.trust import trusted_keys
from app.vault.settings import Setting

if TYPE_CHECKING:
    from app.vault.session import Session

EXTRA_KEYS: Setting[list[str]] = Setting("receipt.trusted_keys", list[str], list)


def district_keys(session: Session) -> list[bytes]:
    """Public key files (minisign) trusted as the district's, each once, shipped first."""
    provisioned = [k.encode() for k in TRUST_ANCHORS.read(session)]
    extra = [k.encode() for k in EXTRA_KEYS.read(session)]
    return list(dict.fromkeys([*trusted_keys(), *provisioned, *extra]))
