"""Key slots: each user's passphrase (and the recovery key) wraps the one data key.

A random 256-bit data key seals every record. Each user's passphrase goes through
Argon2id to a key that wraps the data key (slot); leads' slots and the recovery slot also
wrap the lead key, which seals the office's signing key, so only a lead can sign. Changing
a passphrase rewraps one slot and never touches the records. The slot's name, kind and
role are bound as associated data: editing a role in the file makes the slot unusable.
"""

from __future__ import annotations

import os

import msgspec

from app.crypto import aead
from app.crypto import kdf as keys
from app.crypto.kdf import KdfParams
from app.errors import NotAllowed, UnknownUser, WrongPassphrase
from app.vault import store

ROLES = ("counsellor", "lead")
RECOVERY = "#recovery"
MIN_PASSPHRASE = 8


class UserInfo(msgspec.Struct, frozen=True):
    name: str
    role: str


def slot_ad(vault_id: str, name: str, kind: str, role: str) -> bytes:
    return f"fallzahl-slot|{vault_id}|{name}|{kind}|{role}".encode()


def check_passphrase_form(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise WrongPassphrase(
            f"Die Passphrase ist zu kurz: mindestens {MIN_PASSPHRASE} Zeichen, besser ein "
            "Satz aus mehreren Wörtern.",
            f"The passphrase is too short: at least {MIN_PASSPHRASE} characters, better a "
            "sentence of several words.",
        )


def check_user_name(name: str) -> None:
    if not name or len(name) > 40 or name.startswith("#") or not name.isprintable():
        raise UnknownUser(
            "Benutzername: 1 bis 40 druckbare Zeichen, nicht mit # beginnend "
            "(Kürzel statt Klarnamen empfohlen).",
            "User name: 1 to 40 printable characters, not starting with # (initials rather "
            "than full names recommended).",
        )


def unknown_user(user: str) -> UnknownUser:
    return UnknownUser(
        f"Benutzer {user} ist in diesem Datenbestand nicht eingerichtet.",
        f"User {user} is not set up in this vault.",
    )


def users(db: store.Store) -> list[UserInfo]:
    rows = db.db.execute(
        "SELECT name, role FROM slots WHERE kind='passphrase' ORDER BY name"
    ).fetchall()
    return [UserInfo(name, role) for name, role in rows]


def slot_params(db: store.Store, name: str) -> KdfParams:
    row = db.db.execute("SELECT kdf FROM slots WHERE name=?", [name]).fetchone()
    if row is None:
        raise unknown_user(name)
    return msgspec.json.decode(row[0], type=KdfParams)


def open_slot(vault_id, name, kind, role, kdf, salt, sealed, secret) -> bytes | None:
    """The slot's payload (data key, and the lead key for leads), or None if ``secret`` is wrong."""
    params = msgspec.json.decode(kdf, type=KdfParams)
    kek = keys.derive(secret, salt, params)
    try:
        return aead.open_sealed(kek, slot_ad(vault_id, name, kind, role), sealed)
    except aead.Tampered:
        return None


def write_slot(
    db: store.Store,
    vault_id: str,
    name: str,
    kind: str,
    role: str,
    secret: str,
    params: KdfParams,
    payload: bytes,
) -> None:
    salt = os.urandom(16)
    kek = keys.derive(secret, salt, params)
    sealed = aead.seal(kek, slot_ad(vault_id, name, kind, role), payload)
    db.db.execute(
        "INSERT OR REPLACE INTO slots(name, kind, role, kdf, salt, sealed) VALUES (?,?,?,?,?,?)",
        [name, kind, role, msgspec.json.encode(params).decode(), salt, sealed],
    )


def write_user_slot(
    db: store.Store,
    vault_id: str,
    name: str,
    role: str,
    passphrase: str,
    data_key: bytes,
    lead_key: bytes | None,
    params: KdfParams,
) -> None:
    """Create or rewrap a user's slot. Lead slots carry the lead key as well."""
    if role not in ROLES:
        raise NotAllowed(
            f"Unbekannte Rolle {role}: counsellor (Berater*in) oder lead (Leitung).",
            f"Unknown role {role}: counsellor or lead.",
        )
    payload = data_key + (lead_key if role == "lead" and lead_key else b"")
    if role == "lead" and lead_key is None:
        raise NotAllowed(
            "Nur eine Leitung kann eine weitere Leitung einrichten.",
            "Only a lead can set up another lead.",
        )
    write_slot(db, vault_id, name, "passphrase", role, passphrase, params, payload)
