"""Key slots: each user's passphrase (and the recovery key) opens that user's grant of the keys.

A slot has two parts (docs/security.md):
- the slot secret, sealed with AES-256-GCM under a key that Argon2id derives from the
  passphrase: the user's own age identity and the lead-state public key this user trusts.
  Its associated data binds vault, name, kind, role, the Argon2id parameters and the slot's
  age recipient, so editing any of them makes the slot unusable;
- the grant, age-encrypted to the slot's recipient: the data key and its epoch, the
  lead-state public key that goes with them, and for leads and the recovery slot the lead key.

Rotating the data key writes new grants for the remaining slots only; it never needs a
passphrase. A removed user's old slot (even from a backup) opens only the old grant, so
nothing sealed after the removal. Changing one's own passphrase re-seals the slot secret and
keeps identity, recipient and grant; a lead's reset gives the slot a new identity and grant.
"""

from __future__ import annotations

import os

import msgspec

from app.crypto import aead, age
from app.crypto import kdf as keys
from app.crypto.kdf import KdfParams
from app.errors import LeadStateForged, NotAllowed, UnknownUser, WrongPassphrase
from app.vault import store

ROLES = ("counsellor", "lead")
RECOVERY = "#recovery"
MIN_PASSPHRASE = 8
COLUMNS = "name, kind, role, kdf, salt, sealed, recipient, grant_"


class UserInfo(msgspec.Struct, frozen=True):
    name: str
    role: str


class SlotSecret(msgspec.Struct, array_like=True, frozen=True):
    """What only the slot's passphrase opens."""

    identity: str  # age X25519 identity that opens this slot's grant
    state_key: bytes  # the lead-state public key (minisign key file) this user trusts
    seen: int = 0  # the highest lead-state version this user has seen (rollback mark)


class Grant(msgspec.Struct, array_like=True, frozen=True):
    """The keys a slot is given; rewritten (by a lead) whenever the data key rotates."""

    epoch: int
    data_key: bytes
    lead_key: bytes = b""  # leads and the recovery slot only
    # the lead-state public key that goes with this data key: a grant is made by whoever
    # knows the data key, so a removed lead cannot name a key of theirs in a current grant
    state_key: bytes = b""


class SlotRow(msgspec.Struct, frozen=True):
    name: str
    kind: str
    role: str
    kdf: str
    salt: bytes
    sealed: bytes
    recipient: str
    grant: bytes


class Opened(msgspec.Struct, frozen=True):
    secret: SlotSecret
    grant: Grant
    kek: bytes  # the passphrase's key: lets the session move its own rollback mark


def slot_ad(vault_id: str, row_name: str, kind: str, role: str, kdf: str, recipient: str) -> bytes:
    return f"fallzahl-slot|{vault_id}|{row_name}|{kind}|{role}|{kdf}|{recipient}".encode()


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


def check_role(role: str) -> None:
    if role not in ROLES:
        raise NotAllowed(
            f"Unbekannte Rolle {role}: counsellor (Berater*in) oder lead (Leitung).",
            f"Unknown role {role}: counsellor or lead.",
        )


def unknown_user(user: str) -> UnknownUser:
    return UnknownUser(
        f"Benutzer {user} ist in diesem Datenbestand nicht eingerichtet.",
        f"User {user} is not set up in this vault.",
    )


def recovery_missing() -> LeadStateForged:
    return LeadStateForged(
        "Der Zugang für den Wiederherstellungsschlüssel fehlt in diesem Datenbestand (Datei "
        "verändert). Stellen Sie die letzte Sicherung wieder her.",
        "The recovery key's slot is missing from this vault (the file was changed). Restore "
        "the latest backup.",
    )


def grant_damaged(name: str) -> LeadStateForged:
    return LeadStateForged(
        f"Die Schlüsselfreigabe für {name} ist beschädigt oder wurde ohne Leitung verändert. "
        "Eine Leitung setzt die Passphrase zurück, oder stellen Sie die letzte Sicherung "
        "wieder her.",
        f"The key grant for {name} is damaged or was changed without a lead. A lead resets "
        "the passphrase, or restore the latest backup.",
    )


def users(db: store.Store) -> list[UserInfo]:
    with store.storage_errors(db.path):
        rows = db.db.execute(
            "SELECT name, role FROM slots WHERE kind='passphrase' ORDER BY name"
        ).fetchall()
    return [UserInfo(name, role) for name, role in rows]


def slot_row(db: store.Store, name: str) -> SlotRow | None:
    with store.storage_errors(db.path):
        row = db.db.execute(f"SELECT {COLUMNS} FROM slots WHERE name=?", [name]).fetchone()
    return SlotRow(*row) if row else None


def all_slots(db: store.Store) -> list[SlotRow]:
    with store.storage_errors(db.path):
        rows = db.db.execute(f"SELECT {COLUMNS} FROM slots ORDER BY name").fetchall()
    return [SlotRow(*row) for row in rows]


def slot_params(db: store.Store, name: str) -> KdfParams:
    row = slot_row(db, name)
    if row is None:
        raise unknown_user(name)
    return keys.decode_params(row.kdf)


def open_slot(vault_id: str, row: SlotRow, secret: str) -> Opened | None:
    """The slot's secret and grant, or None if ``secret`` is wrong.

    The parameters are bounds-checked before Argon2id runs (KdfParamsRefused); a slot that
    opens but whose grant does not is LeadStateForged.
    """
    params = keys.decode_params(row.kdf)
    kek = keys.derive(secret, row.salt, params)
    try:
        plain = aead.open_sealed(
            kek, slot_ad(vault_id, row.name, row.kind, row.role, row.kdf, row.recipient), row.sealed
        )
    except aead.Tampered:
        return None
    try:
        slot_secret = msgspec.msgpack.decode(plain, type=SlotSecret)
        grant = msgspec.msgpack.decode(age.decrypt(row.grant, [slot_secret.identity]), type=Grant)
    except (msgspec.DecodeError, age.NoMatchingKey, age.Damaged, ValueError):
        raise grant_damaged(row.name) from None
    if len(grant.data_key) != aead.KEY_BYTES:
        raise grant_damaged(row.name)
    return Opened(slot_secret, grant, kek)


def reseal_own_secret(
    db: store.Store, vault_id: str, row: SlotRow, kek: bytes, slot_secret: SlotSecret
) -> None:
    """The owner's slot secret again under the same key (a new rollback mark)."""
    ad = slot_ad(vault_id, row.name, row.kind, row.role, row.kdf, row.recipient)
    sealed = aead.seal(kek, ad, msgspec.msgpack.encode(slot_secret))
    db.db.execute("UPDATE slots SET sealed=? WHERE name=?", [sealed, row.name])


def seal_grant(recipient: str, grant: Grant) -> bytes:
    return age.encrypt(msgspec.msgpack.encode(grant), [recipient])


def write_new_slot(
    db: store.Store,
    vault_id: str,
    name: str,
    kind: str,
    role: str,
    secret: str,
    state_key: bytes,
    grant: Grant,
    params: KdfParams,
) -> SlotSecret:
    """A slot with a fresh identity: a new user, a lead's reset, the recovery key."""
    identity, recipient = age.new_identity()
    slot_secret = SlotSecret(identity, state_key)
    _write(db, vault_id, name, kind, role, secret, slot_secret, recipient, params)
    db.db.execute("UPDATE slots SET grant_=? WHERE name=?", [seal_grant(recipient, grant), name])
    return slot_secret


def rewrap_own_slot(
    db: store.Store,
    vault_id: str,
    row: SlotRow,
    secret: str,
    slot_secret: SlotSecret,
    params: KdfParams,
) -> bytes:
    """The owner's new passphrase: same identity, recipient and grant (not lead state).

    Returns the new passphrase's key (the session keeps moving its rollback mark with it)."""
    return _write(
        db, vault_id, row.name, row.kind, row.role, secret, slot_secret, row.recipient, params
    )


def _write(
    db: store.Store,
    vault_id: str,
    name: str,
    kind: str,
    role: str,
    secret: str,
    slot_secret: SlotSecret,
    recipient: str,
    params: KdfParams,
) -> bytes:
    kdf_text = keys.encode_params(keys.check_params(params))
    salt = os.urandom(16)
    kek = keys.derive(secret, salt, params)
    sealed = aead.seal(
        kek,
        slot_ad(vault_id, name, kind, role, kdf_text, recipient),
        msgspec.msgpack.encode(slot_secret),
    )
    db.db.execute(
        "INSERT INTO slots(name, kind, role, kdf, salt, sealed, recipient, grant_) "
        "VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(name) DO UPDATE SET kind=excluded.kind, "
        "role=excluded.role, kdf=excluded.kdf, salt=excluded.salt, sealed=excluded.sealed, "
        "recipient=excluded.recipient",
        [name, kind, role, kdf_text, salt, sealed, recipient, b""],
    )
    return kek


def write_grants(db: store.Store, grant_for: dict[str, Grant]) -> None:
    """New grants for the named slots (data key rotation, in the caller's transaction)."""
    for row in all_slots(db):
        grant = grant_for.get(row.name)
        if grant is not None:
            db.db.execute(
                "UPDATE slots SET grant_=? WHERE name=?",
                [seal_grant(row.recipient, grant), row.name],
            )
