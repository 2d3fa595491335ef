"""Office side of receipts: check a district's receipt and mark the sent package accepted.

``import_receipt`` checks the signature against the district keys the office trusts
(resources/trust/*.pub, the same anchors as for the scheme), that the receipt is for this
office and for a package it sent, and marks that package accepted.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from app.errors import ReceiptUnknownPackage
from app.exchange.receipt import read_receipt
from app.office import export
from app.office.info import office_info
from app.scheme.trust import trusted_keys

if TYPE_CHECKING:
    from app.vault.session import Session

TRUST_SETTING = "receipt.trusted_keys"  # optional extra district keys (JSON list of .pub text)


def trusted_district_keys(session: Session) -> list[bytes]:
    extra = session.get_setting(TRUST_SETTING)
    more = [k.encode() for k in msgspec.json.decode(extra, type=list[str])] if extra else []
    return [*trusted_keys(), *more]


def import_receipt(session: Session, data: bytes, signature: bytes | None):
    """Office side: check the receipt and mark the sent package accepted (SentPackage)."""
    receipt = read_receipt(data, signature, trusted_district_keys(session))
    info = office_info(session)
    if info is None or info.office_id != receipt.office_id:
        raise ReceiptUnknownPackage(
            f"Die Empfangsbestätigung ist für die Beratungsstelle {receipt.office_id}, nicht "
            "für diese. Bitte die richtige Datei wählen.",
            f"The receipt is for office {receipt.office_id}, not this one. Choose the right file.",
        )
    sent = {p.sha256: p for p in export.sent_packages(session)}
    mine = sent.get(receipt.package_sha256)
    if mine is None or (mine.period, mine.sequence) != (receipt.period, receipt.sequence):
        raise ReceiptUnknownPackage(
            f"Zu dieser Empfangsbestätigung ({receipt.period}, Nr. {receipt.sequence}) gibt es "
            "kein aus diesem Datenbestand gesendetes Paket. Bitte die richtige Datei wählen.",
            f"No package sent from this vault matches this receipt ({receipt.period}, no. "
            f"{receipt.sequence}). Choose the right file.",
        )
    return export.mark_accepted(session, receipt.package_sha256, receipt.accepted_at)


def import_receipt_file(session: Session, path: str | Path):
    """The receipt file and its ``.minisig`` beside it."""
    path = Path(path)
    sig_path = path.with_name(path.name + ".minisig")
    signature = sig_path.read_bytes() if sig_path.exists() else None
    return import_receipt(session, path.read_bytes(), signature)
