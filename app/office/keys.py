"""The office's own keys: the minisign key that signs its packages, and its age archive key.

Made at setup (``make_office_keys``), or on first use by a lead for vaults set up before
this existed (``ensure_office_keys``). Secrets are lead secrets (sealed with the lead key,
so only a lead can sign); the public halves are ordinary sealed settings:

- "office.signing_key" (lead secret): minisign secret key file, unencrypted inside the vault
- "office.public_key" (setting): its minisign public key file, for enrolment at the district
- "office.archive_identity" (lead secret): an age X25519 identity
- "office.archive_recipient" (setting): its recipient; every package is also encrypted to
  it, so the office can open what it sent
- "office.key_rotations" (setting): rotation statements, each signed by the old key

Rotation: ``rotate(session)`` makes a new pair; the old key signs a statement naming the
new public key, which the office sends to the district with its next package.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from app.atomic import write_bytes
from app.crypto import age, signing
from app.errors import FallzahlError, UsageError
from app.office.info import office_info

if TYPE_CHECKING:
    from app.vault.session import Session

SIGNING_KEY = "office.signing_key"
PUBLIC_KEY = "office.public_key"
ARCHIVE_IDENTITY = "office.archive_identity"
ARCHIVE_RECIPIENT = "office.archive_recipient"
ROTATIONS = "office.key_rotations"
ROTATION_FORMAT = "fallzahl-key-rotation/1"


class Rotation(msgspec.Struct, frozen=True, kw_only=True):
    statement: bytes  # the text below, signed by the old key
    signature: bytes  # minisign signature by the old key


class NoOfficeKey(FallzahlError):
    pass


def _office_id(session: Session) -> str:
    info = office_info(session)
    return info.office_id if info else "office"


def make_office_keys(session: Session) -> str:
    """New signing key pair and archive identity (leads only). Returns the key id."""
    secret, public = signing.generate_keypair(f"Fallzahl office {_office_id(session)}")
    identity, recipient = age.new_identity()
    session.put_lead_secret(SIGNING_KEY, secret)
    session.put_lead_secret(ARCHIVE_IDENTITY, identity.encode())
    session.put_setting(PUBLIC_KEY, public)
    session.put_setting(ARCHIVE_RECIPIENT, recipient.encode())
    kid = signing.key_id(public)
    session.audit("office.key_created", kid)
    return kid


def ensure_office_keys(session: Session) -> None:
    """Make the keys if this vault has none yet (leads only)."""
    if session.get_setting(PUBLIC_KEY) is None:
        make_office_keys(session)


def office_public_key(session: Session) -> tuple[bytes, str]:
    """(minisign public key file, key id) of the office signing key."""
    public = session.get_setting(PUBLIC_KEY)
    if public is None:
        raise NoOfficeKey(
            "Diese Beratungsstelle hat noch keinen Signaturschlüssel. Eine Leitung meldet "
            "sich an und exportiert ein Paket oder ruft „office-key“ auf; dabei wird er erzeugt.",
            "This office has no signing key yet. A lead logs in and exports a package or "
            "runs 'office-key', which makes it.",
        )
    return public, signing.key_id(public)


def public_key_file_name(session: Session) -> str:
    """The name the district expects for the office's public key file."""
    return f"{_office_id(session)}.pub"


def save_public_key(session: Session, target: str | os.PathLike[str]) -> Path:
    """Write the office's minisign public key file (for ``district enrol``), atomically."""
    public, _kid = office_public_key(session)
    path = Path(target)
    write_bytes(path, public)
    return path


def signing_secret(session: Session) -> bytes:
    """The minisign secret key file (leads only)."""
    secret = session.get_lead_secret(SIGNING_KEY)
    if secret is None:
        raise NoOfficeKey(
            "Der Signaturschlüssel der Beratungsstelle fehlt.", "The office signing key is missing."
        )
    return secret


def archive_recipient(session: Session) -> str | None:
    raw = session.get_setting(ARCHIVE_RECIPIENT)
    return raw.decode() if raw else None


def archive_identity(session: Session) -> str | None:
    """The office's own age identity (leads only), to open packages it sent."""
    raw = session.get_lead_secret(ARCHIVE_IDENTITY)
    return raw.decode() if raw else None


def enrolment_text(session: Session) -> str:
    """A printable page for enrolment at the district: office, key id, public key."""
    public, kid = office_public_key(session)
    info = office_info(session)
    lines = public.decode().strip().splitlines()
    fingerprint = hashlib.sha256(public).hexdigest()
    return "\n".join(
        [
            "Fallzahl – Signaturschlüssel der Beratungsstelle / office signing key",
            "",
            f"Beratungsstelle / office: {info.name if info else ''}",
            f"Kennung / office id:      {info.office_id if info else ''}",
            f"Schlüssel-ID / key id:    {kid}",
            f"SHA-256 der .pub-Datei:   {fingerprint}",
            f"Datum / date:             {dt.date.today().isoformat()}",
            "",
            "Öffentlicher Schlüssel (minisign) / public key (minisign):",
            *lines,
            "",
            "Bitte dem Landkreis auf einem zweiten Weg (Brief, Telefon) bestätigen.",
            "Please confirm to the district on a second channel (letter, phone).",
            "",
        ]
    )


def rotations(session: Session) -> list[Rotation]:
    raw = session.get_setting(ROTATIONS)
    return msgspec.msgpack.decode(raw, type=list[Rotation]) if raw else []


def rotate(session: Session) -> Rotation:
    """New signing key pair; the old key signs a statement naming the new public key."""
    session.require_lead("Das Erneuern des Signaturschlüssels", "Renewing the signing key")
    old_secret = signing_secret(session)
    _old_public, old_kid = office_public_key(session)
    secret, public = signing.generate_keypair(f"Fallzahl office {_office_id(session)}")
    new_kid = signing.key_id(public)
    new_line = public.decode().strip().splitlines()[-1]
    statement = (
        f"format:{ROTATION_FORMAT}\n"
        f"office:{_office_id(session)}\n"
        f"old_key_id:{old_kid}\n"
        f"new_key_id:{new_kid}\n"
        f"new_public_key:{new_line}\n"
        f"created_at:{dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()}\n"
    ).encode()
    signature = signing.sign(
        statement, old_secret, f"rotation\toffice:{_office_id(session)}\tnew:{new_kid}"
    )
    rotation = Rotation(statement=statement, signature=signature)
    with session.store.transaction():
        session.put_lead_secret(SIGNING_KEY, secret)
        session.put_setting(PUBLIC_KEY, public)
        session.put_setting(ROTATIONS, msgspec.msgpack.encode([*rotations(session), rotation]))
        session.audit("office.key_rotated", f"{old_kid} -> {new_kid}")
    return rotation


def rotation_fields(rotation: Rotation) -> dict[str, str]:
    """The ``name:value`` lines of a rotation statement."""
    text = rotation.statement.decode("ascii")
    return dict(line.split(":", 1) for line in text.splitlines() if ":" in line)


def rotation_file_name(rotation: Rotation) -> str:
    """``<office id>_key-rotation_<new key id>.txt``; its signature is that + ".minisig"."""
    fields = rotation_fields(rotation)
    return f"{fields['office']}_key-rotation_{fields['new_key_id']}.txt"


def check_folder(folder: str | os.PathLike[str]) -> Path:
    """The folder the rotation files go to; refused before the key is changed if missing."""
    path = Path(folder)
    if not path.is_dir():
        raise UsageError(
            f"Der Ordner {path} existiert nicht. Bitte einen vorhandenen Ordner wählen.",
            f"The folder {path} does not exist. Choose an existing folder.",
        )
    return path


def write_rotation(rotation: Rotation, folder: str | os.PathLike[str]) -> tuple[Path, Path]:
    """Write the statement and its signature (``.minisig``) into ``folder`` for the district:
    (statement file, signature file). The format is in docs/keys.md."""
    target = check_folder(folder) / rotation_file_name(rotation)
    sig = target.with_name(target.name + ".minisig")
    write_bytes(target, rotation.statement)
    write_bytes(sig, rotation.signature)
    return target, sig


def rotate_to(session: Session, folder: str | os.PathLike[str]) -> tuple[str, Path, Path]:
    """Rotate the signing key and write the two files for the district into ``folder``:
    (new key id, statement file, signature file). Packages exported afterwards are signed
    with the new key. The folder is checked first; should writing fail after the change,
    ``write_rotation(rotations(session)[-1], folder)`` writes the files again."""
    check_folder(folder)
    rotation = rotate(session)
    statement, sig = write_rotation(rotation, folder)
    return rotation_fields(rotation)["new_key_id"], statement, sig
