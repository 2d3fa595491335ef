"""Receipts: the district's signed confirmation that it accepted a package.

District side: ``make_receipt`` / ``write_receipt`` give, for an accepted package, the
file ``<office>_<period>_<seq>.receipt`` (canonical JSON) and its detached minisign
signature ``<...>.receipt.minisig`` by the district's signing key; the signed trusted
comment names the office, period and sequence. Office side: ``import_receipt`` checks the
signature against the district keys the office trusts (resources/trust/*.pub, the same
anchors as for the scheme), that the receipt is for this office and for a package it sent,
and marks that package accepted. Format: docs/receipt-format.md.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from app.atomic import write_bytes
from app.crypto import signing
from app.errors import (
    NotFound,
    ReceiptTampered,
    ReceiptUnknownPackage,
    ReceiptWrongSigner,
)

if TYPE_CHECKING:
    from app.vault.session import Session

FORMAT = "fallzahl-receipt/1"
SUFFIX = ".receipt"
TRUST_SETTING = "receipt.trusted_keys"  # optional extra district keys (JSON list of .pub text)


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


# district side


def make_receipt(
    session: Session, package_sha256: str, now: dt.datetime | None = None
) -> tuple[str, bytes, bytes]:
    """(file name, receipt bytes, signature bytes) for an accepted package."""
    from app.district import desk as district
    from app.district import intake as intake_rules

    info = district.district_info(session)
    intake = district.intake(session)
    got = intake.find(package_sha256)
    if got is None:
        raise NotFound(
            f"Ein Paket {package_sha256[:12]}… wurde nicht angenommen; dafür gibt es keine "
            "Empfangsbestätigung.",
            f"No package {package_sha256[:12]}... was accepted; there is no receipt for it.",
        )
    secret = district.signing_key(session)
    now = now or dt.datetime.now().astimezone().replace(microsecond=0)
    receipt = Receipt(
        format=FORMAT,
        district=info.name,
        office_id=got.office_id,
        period=got.period,
        sequence=got.sequence,
        package_sha256=got.sha256,
        received_at=_zoned(got.received_at),
        accepted_at=_zoned(now),
        signer_key_id=signing.key_id(signing.public_key_from_secret(secret)),
    )
    data = encode(receipt)
    sig = signing.sign(data, secret, trusted_comment(receipt))
    with session.store.transaction():
        session.put_setting(
            district.INTAKE, msgspec.json.encode(intake_rules.with_receipt(intake, got.sha256, now))
        )
        session.audit("district.receipt", f"{file_name(receipt)} {got.sha256}")
    return file_name(receipt), data, sig


def resolve_package(session: Session, sha_or_file: str) -> str:
    """A package's SHA-256 from a hex prefix (at least 8) or the package file itself."""
    import hashlib

    from app.district import desk as district

    path = Path(sha_or_file)
    if path.is_file():
        return hashlib.sha256(path.read_bytes()).hexdigest()
    text = sha_or_file.strip().lower()
    hits = [p.sha256 for p in district.intake(session).packages if p.sha256.startswith(text)]
    if len(text) < 8 or len(hits) != 1:
        raise NotFound(
            f"„{sha_or_file}“ bezeichnet kein eingelesenes Paket eindeutig (SHA-256 oder Datei).",
            f"'{sha_or_file}' names no imported package uniquely (SHA-256 or file).",
        )
    return hits[0]


def write_receipt(
    session: Session, package_sha256: str, out_dir: str | Path, now: dt.datetime | None = None
) -> Path:
    """Write the receipt and its .minisig into ``out_dir`` (atomically); the receipt's path."""
    name, data, sig = make_receipt(session, package_sha256, now)
    target = Path(out_dir) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    write_bytes(target, data)
    write_bytes(target.with_name(name + ".minisig"), sig)
    return target


def write_all_receipts(session: Session, out_dir: str | Path, only_new: bool = True) -> list[Path]:
    """Receipts for every accepted package (only those without one yet, by default)."""
    from app.district import desk as district

    return [
        write_receipt(session, p.sha256, out_dir)
        for p in district.intake(session).packages
        if not (only_new and p.receipt_at is not None)
    ]


# office side


def trusted_district_keys(session: Session) -> list[bytes]:
    from app.scheme.trust import trusted_keys

    extra = session.get_setting(TRUST_SETTING)
    more = [k.encode() for k in msgspec.json.decode(extra, type=list[str])] if extra else []
    return [*trusted_keys(), *more]


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


def import_receipt(session: Session, data: bytes, signature: bytes | None):
    """Office side: check the receipt and mark the sent package accepted (SentPackage)."""
    from app.exchange import package
    from app.office.info import office_info

    receipt = read_receipt(data, signature, trusted_district_keys(session))
    info = office_info(session)
    if info is None or info.office_id != receipt.office_id:
        raise ReceiptUnknownPackage(
            f"Die Empfangsbestätigung ist für die Beratungsstelle {receipt.office_id}, nicht "
            "für diese. Bitte die richtige Datei wählen.",
            f"The receipt is for office {receipt.office_id}, not this one. Choose the right file.",
        )
    sent = {p.sha256: p for p in package.sent_packages(session)}
    mine = sent.get(receipt.package_sha256)
    if mine is None or (mine.period, mine.sequence) != (receipt.period, receipt.sequence):
        raise ReceiptUnknownPackage(
            f"Zu dieser Empfangsbestätigung ({receipt.period}, Nr. {receipt.sequence}) gibt es "
            "kein aus diesem Datenbestand gesendetes Paket. Bitte die richtige Datei wählen.",
            f"No package sent from this vault matches this receipt ({receipt.period}, no. "
            f"{receipt.sequence}). Choose the right file.",
        )
    return package.mark_accepted(session, receipt.package_sha256, receipt.accepted_at)


def import_receipt_file(session: Session, path: str | Path):
    """The receipt file and its ``.minisig`` beside it."""
    path = Path(path)
    sig_path = path.with_name(path.name + ".minisig")
    signature = sig_path.read_bytes() if sig_path.exists() else None
    return import_receipt(session, path.read_bytes(), signature)


def _zoned(moment: dt.datetime) -> str:
    """ISO 8601 with the time zone (a naive time is local time)."""
    return (moment.astimezone() if moment.tzinfo is None else moment).isoformat()
