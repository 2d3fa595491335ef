"""Office side of receipts: check a district's receipt and mark the sent package accepted.

``import_receipt`` checks the signature against the district keys the office trusts
(app/office/district_trust.py: shipped, provisioned and extra keys), that the receipt is for
this office and for a package it sent, and marks that package accepted.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import ReceiptInvalid, ReceiptRefused, ReceiptUnknownPackage
from app.exchange.receipt import CLOCK_SLACK, parse_stamp, read_receipt
from app.office import export
from app.office.district_trust import district_keys
from app.office.info import office_info

if TYPE_CHECKING:
    from app.vault.session import Session


def import_receipt(
    session: Session, data: bytes, signature: bytes | None, now: dt.datetime | None = None
):
    """Office side: check the receipt and mark the sent package accepted (SentPackage)."""
    now = now or dt.datetime.now()
    receipt = read_receipt(data, signature, district_keys(session), now)
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
    accepted = parse_stamp(receipt.accepted_at)
    made = _local(mine.created_at)
    if accepted is None or made is None or accepted < made - CLOCK_SLACK:
        raise ReceiptInvalid(
            f"Die Empfangsbestätigung nennt als Annahme den {receipt.accepted_at}, vor dem "
            f"Erstellen des Pakets ({mine.created_at}). Geht eine der Uhren falsch? Bitte beim "
            "Landkreis eine neue Empfangsbestätigung anfordern.",
            f"The receipt says the package was accepted at {receipt.accepted_at}, before it was "
            f"made ({mine.created_at}). Is one of the clocks wrong? Ask the district for a new "
            "receipt.",
        )
    return export.mark_accepted(session, receipt.package_sha256, receipt.accepted_at)


def _local(utc_stamp: str) -> dt.datetime | None:
    """The office's UTC ``created_at`` (YYYY-MM-DDTHH:MM:SSZ) as local time without zone."""
    try:
        moment = dt.datetime.strptime(utc_stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    except ValueError:
        return None
    return moment.astimezone().replace(tzinfo=None)


def accepted_on(sent: export.SentPackage) -> dt.date | None:
    """The day the district accepted the package, as its receipt says; None when it has
    none or the stored stamp is not one (an entry from before receipts were read strictly)."""
    moment = parse_stamp(sent.accepted_at)
    return moment.date() if sent.status == "accepted" and moment else None


def import_receipt_file(session: Session, path: str | Path):
    """The receipt file and its ``.minisig`` beside it."""
    path = Path(path)
    sig_path = path.with_name(path.name + ".minisig")
    try:
        data = path.read_bytes()
        signature = sig_path.read_bytes() if sig_path.exists() else None
    except OSError as exc:
        raise ReceiptRefused(
            f"Die Empfangsbestätigung {path} lässt sich nicht lesen ({exc.strerror}).",
            f"The receipt {path} cannot be read ({exc.strerror}).",
        ) from exc
    return import_receipt(session, data, signature)
