"""Receipts: the district's signed confirmation that it accepted a package (the format).

A receipt is the file ``<office>_<period>_<seq>.receipt`` (canonical JSON) with its detached
minisign signature ``<...>.receipt.minisig`` by the district's signing key; the signed
trusted comment names the office, period and sequence. ``read_receipt`` verifies one from
bytes and keys alone. The district writes them (app/district/receipts.py), the office
imports them (app/office/receipt_import.py). Format: docs/receipt-format.md.
"""

from __future__ import annotations

import msgspec

from app.crypto import signing
from app.errors import ReceiptTampered, ReceiptWrongSigner

FORMAT = "fallzahl-receipt/1"
SUFFIX = ".receipt"


class Receipt(msgspec.Struct, frozen=True, kw_only=True):
    format: str
    district: str
    office_id: str
    period: str
    sequence: int
    package_sha256: str
    received_at: str  # ISO date-time the district imported the package
    accepted_at: str  # ISO date-time of this receipt
    signer_key_id: str


def trusted_comment(r: Receipt) -> str:
    return f"fallzahl-receipt\toffice:{r.office_id}\tperiod:{r.period}\tsequence:{r.sequence}"


def file_name(r: Receipt) -> str:
    return f"{r.office_id}_{r.period}_{r.sequence}{SUFFIX}"


def encode(r: Receipt) -> bytes:
    return msgspec.json.format(msgspec.json.encode(r), indent=2) + b"\n"


def read_receipt(data: bytes, signature: bytes | None, trusted: list[bytes]) -> Receipt:
    """Verify and decode a receipt; refuses a wrong signer, tampering and damage."""
    errors = signing.VerifyErrors(
        missing=ReceiptTampered,
        malformed=ReceiptTampered,
        untrusted=ReceiptWrongSigner,
        invalid=ReceiptTampered,
    )
    _kid, comment = signing.verify(
        data,
        signature,
        trusted,
        errors=errors,
        what=("die Empfangsbestätigung", "the receipt"),
    )
    try:
        receipt = msgspec.json.decode(data, type=Receipt)
    except msgspec.DecodeError as exc:
        raise ReceiptTampered(
            "Die Empfangsbestätigung ist unlesbar. Bitte beim Landkreis erneut anfordern.",
            "The receipt cannot be read. Ask the district for it again.",
        ) from exc
    if receipt.format != FORMAT or comment != trusted_comment(receipt):
        raise ReceiptTampered(
            "Die Empfangsbestätigung passt nicht zu ihrer Signatur (Stelle, Zeitraum, Nummer). "
            "Bitte beim Landkreis erneut anfordern.",
            "The receipt does not match its signature (office, period, sequence). Ask the "
            "district for it again.",
        )
    return receipt
