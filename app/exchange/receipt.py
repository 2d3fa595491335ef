"""Receipts: the district's signed confirmation that it accepted a package (the format).

A receipt is the file ``<office>_<period>_<seq>.fallzahl-receipt`` (canonical JSON) with its
detached minisign signature ``<...>.fallzahl-receipt.minisig`` by the district's signing key
(earlier versions named it ``.receipt``, still read); the signed
trusted comment names the office, period and sequence. ``read_receipt`` verifies one from
bytes and keys alone. The district writes them (app/district/receipts.py), the office
imports them (app/office/receipt_import.py). Format: docs/receipt-format.md.
"""

from __future__ import annotations

import datetime as dt
import re

import msgspec

from app.crypto import signing
from app.errors import ReceiptInvalid, ReceiptTampered, ReceiptWrongSigner

FORMAT = "fallzahl-receipt/1"
# An extension of its own (".receipt" alone is used machine-wide by other programs); a
# receipt named by an earlier version is still read.
SUFFIX = ".fallzahl-receipt"
OLD_SUFFIXES = (".receipt",)
SUFFIXES = (SUFFIX, *OLD_SUFFIXES)
# received_at and accepted_at: the district's time to the second with its UTC offset
# (2026-04-12T10:15:00+02:00, never "Z"; receipts written before the zone was added have
# none and are read as local time), ASCII digits only (datetime.fromisoformat alone would also take
# "2026-04-12" or a comma); nothing before EARLIEST (no Fallzahl package is older) and, on
# import, nothing more than a day after the office's clock.
STAMP = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:[+-][0-9]{2}:[0-9]{2})?"
)
EARLIEST = dt.datetime(2024, 1, 1)
CLOCK_SLACK = dt.timedelta(days=1)


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


def stamp(moment: dt.datetime) -> str:
    """A receipt timestamp, as STAMP: to the second, with the zone (a naive time is local)."""
    aware = moment.astimezone() if moment.tzinfo is None else moment
    return aware.replace(microsecond=0).isoformat()


def parse_stamp(text: str | None) -> dt.datetime | None:
    """A receipt timestamp read strictly, as naive local time; None when it is not one (or
    before EARLIEST)."""
    if not isinstance(text, str) or STAMP.fullmatch(text) is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment if moment >= EARLIEST else None


def _invalid(field: str, value: str, why_de: str, why_en: str) -> ReceiptInvalid:
    return ReceiptInvalid(
        f"Die Empfangsbestätigung ist ungültig: {field} „{value[:40]}“ {why_de}. Bitte beim "
        "Landkreis eine neue anfordern.",
        f"The receipt is invalid: {field} '{value[:40]}' {why_en}. Ask the district for a new one.",
    )


def receipt_times(
    receipt: Receipt, now: dt.datetime | None = None
) -> tuple[dt.datetime, dt.datetime]:
    """(received_at, accepted_at), read strictly: each a timestamp as STAMP, not before
    EARLIEST, accepted not before received, and (given ``now``) not more than a day ahead."""
    out = []
    for field in ("received_at", "accepted_at"):
        text = getattr(receipt, field)
        moment = parse_stamp(text)
        if moment is None:
            raise _invalid(
                field, str(text),
                f"ist kein Zeitpunkt wie 2026-04-12T09:31:00 ab dem {EARLIEST:%d.%m.%Y}",
                f"is no time like 2026-04-12T09:31:00 from {EARLIEST.date().isoformat()} on",
            )  # fmt: skip
        if now is not None and moment > now + CLOCK_SLACK:
            raise _invalid(
                field, text, "liegt in der Zukunft (geht eine der Uhren falsch?)",
                "lies in the future (is one of the clocks wrong?)",
            )  # fmt: skip
        out.append(moment)
    received, accepted = out
    if accepted < received:
        raise _invalid(
            "accepted_at", receipt.accepted_at, "liegt vor dem Eingang (received_at)",
            "lies before the package was received (received_at)",
        )  # fmt: skip
    return received, accepted


def read_receipt(
    data: bytes, signature: bytes | None, trusted: list[bytes], now: dt.datetime | None = None
) -> Receipt:
    """Verify and decode a receipt; refuses a wrong signer, tampering, damage and
    timestamps that are not strictly written or not plausible (``receipt_times``)."""
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
    receipt_times(receipt, now)
    return receipt
