"""District side of receipts: a signed receipt for every accepted package."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from app.atomic import write_bytes
from app.crypto import signing
from app.district import desk as district
from app.district import intake as intake_rules
from app.errors import NotFound
from app.exchange.receipt import FORMAT, Receipt, encode, file_name, stamp, trusted_comment

if TYPE_CHECKING:
    from app.vault.session import Session


def make_receipt(
    session: Session, package_sha256: str, now: dt.datetime | None = None
) -> tuple[str, bytes, bytes]:
    """(file name, receipt bytes, signature bytes) for an accepted package."""
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
        received_at=stamp(got.received_at),
        accepted_at=stamp(now),
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
    return [
        write_receipt(session, p.sha256, out_dir)
        for p in district.intake(session).packages
        if not (only_new and p.receipt_at is not None)
    ]
