"""The vault: key slots over one random data key, and unlocking.

A random 256-bit data key seals every record. Each user's passphrase goes through
Argon2id to a key that wraps the data key (slot); leads' slots and the recovery slot also
wrap the lead key, which seals the office's signing key, so only a lead can sign. Changing
a passphrase rewraps one slot and never touches the records. The slot's name, kind and
role are bound as associated data: editing a role in the file makes the slot unusable.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import time
import uuid
from pathlib import Path

import msgspec
from cryptography.exceptions import InvalidTag

from app.crypto import kdf as keys
from app.crypto.kdf import KdfParams
from app.errors import (
    NotAllowed,
    UnknownUser,
    VaultExists,
    VaultMissing,
    WrongPassphrase,
)
from app.vault import store

ROLES = ("counsellor", "lead")
RECOVERY = "#recovery"
MIN_PASSPHRASE = 8
FREE_FAILURES = 3
MAX_DELAY = 60.0


class UserInfo(msgspec.Struct, frozen=True):
    name: str
    role: str


def _slot_ad(vault_id: str, name: str, kind: str, role: str) -> bytes:
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


class Vault:
    """A vault folder before unlocking: knows its users, not its contents."""

    def __init__(self, folder: str | os.PathLike[str], *, clock=time.time) -> None:
        self.folder = Path(folder)
        self.path = self.folder / store.DB_NAME
        if not self.path.exists():
            raise VaultMissing(
                f"Unter {self.folder} gibt es noch keinen Datenbestand. Richten Sie Fallzahl "
                "zuerst ein (Einrichtungsassistent oder 'python -m app init').",
                f"There is no vault in {self.folder} yet. Set Fallzahl up first (first-run "
                "wizard or 'python -m app init').",
            )
        self.store = store.Store(self.path)
        self.vault_id = self.store.meta("vault_id") or ""
        self.mode = self.store.meta("mode") or "office"
        self._clock = clock

    # creation
    @classmethod
    def create(
        cls,
        folder: str | os.PathLike[str],
        *,
        user: str,
        passphrase: str,
        mode: str = "office",
        kdf: KdfParams | None = None,
    ) -> tuple[Vault, str]:
        """New vault with its first lead; returns the vault and the recovery key (shown once)."""
        folder = Path(folder)
        check_user_name(user)
        check_passphrase_form(passphrase)
        if (folder / store.DB_NAME).exists():
            raise VaultExists(
                f"Unter {folder} gibt es bereits einen Datenbestand; er wird nicht "
                "überschrieben. Wählen Sie einen anderen Ordner.",
                f"There already is a vault in {folder}; it will not be overwritten. Choose "
                "another folder.",
            )
        folder.mkdir(parents=True, exist_ok=True)
        params = kdf or keys.calibrate()
        data_key, lead_key = os.urandom(32), os.urandom(32)
        recovery = keys.new_recovery_key()
        db = store.Store(folder / store.DB_NAME, create=True)
        vault_id = uuid.uuid4().hex
        with db.transaction():
            db.set_meta("vault_id", vault_id)
            db.set_meta("mode", mode)
            db.set_meta("created", dt.date.today().isoformat())
            _write_slot(
                db, vault_id, user, "passphrase", "lead", passphrase, params, data_key + lead_key
            )
            _write_slot(
                db, vault_id, RECOVERY, "recovery", "lead", recovery, params, data_key + lead_key
            )
        db.close()
        vault = cls(folder)
        return vault, recovery

    def users(self) -> list[UserInfo]:
        rows = self.store.db.execute(
            "SELECT name, role FROM slots WHERE kind='passphrase' ORDER BY name"
        ).fetchall()
        return [UserInfo(name, role) for name, role in rows]

    def slot_params(self, name: str) -> KdfParams:
        row = self.store.db.execute("SELECT kdf FROM slots WHERE name=?", [name]).fetchone()
        if row is None:
            raise self._unknown(name)
        return msgspec.json.decode(row[0], type=KdfParams)

    # unlocking
    def unlock(self, user: str, passphrase: str, *, lock: bool = True):
        from app.vault.session import Session

        self._check_delay(user)
        row = self.store.db.execute(
            "SELECT kind, role, kdf, salt, sealed FROM slots WHERE name=? AND kind='passphrase'",
            [user],
        ).fetchone()
        if row is None:
            raise self._unknown(user)
        kind, role, kdf, salt, sealed = row
        payload = self._open_slot(user, kind, role, kdf, salt, sealed, passphrase)
        if payload is None:
            raise self._failed(user)
        self._clear_failures(user)
        return Session(self, user, role, payload[:32], payload[32:] or None, lock=lock)

    def unlock_with_recovery(self, recovery_key: str, *, lock: bool = True):
        from app.vault.session import Session

        canonical = keys.normalize_recovery_key(recovery_key)
        self._check_delay(RECOVERY)
        kind, role, kdf, salt, sealed = self.store.db.execute(
            "SELECT kind, role, kdf, salt, sealed FROM slots WHERE name=?", [RECOVERY]
        ).fetchone()
        payload = self._open_slot(RECOVERY, kind, role, kdf, salt, sealed, canonical)
        if payload is None:
            self._record_failure(RECOVERY)
            raise keys.BadRecoveryKey(
                "Dieser Wiederherstellungsschlüssel gehört nicht zu diesem Datenbestand.",
                "This recovery key does not belong to this vault.",
            )
        self._clear_failures(RECOVERY)
        return Session(self, RECOVERY, "lead", payload[:32], payload[32:], lock=lock)

    def _open_slot(self, name, kind, role, kdf, salt, sealed, secret) -> bytes | None:
        params = msgspec.json.decode(kdf, type=KdfParams)
        kek = keys.derive(secret, salt, params)
        try:
            return store.open_sealed(kek, _slot_ad(self.vault_id, name, kind, role), sealed)
        except InvalidTag:
            return None

    def close(self) -> None:
        self.store.close()

    # repeated failures: a growing wait, kept beside the vault (no secrets in it)
    @property
    def _failures_file(self) -> Path:
        return self.folder / "unlock-failures.json"

    def _failures(self) -> dict[str, list[float]]:
        try:
            return json.loads(self._failures_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def wait_seconds(self, user: str) -> float:
        count, last = self._failures().get(user, [0, 0.0])
        if count < FREE_FAILURES:
            return 0.0
        delay = min(MAX_DELAY, 2.0 ** (count - FREE_FAILURES + 1))
        return max(0.0, last + delay - self._clock())

    def _check_delay(self, user: str) -> None:
        wait = self.wait_seconds(user)
        if wait > 0:
            seconds = int(wait) + 1
            raise WrongPassphrase(
                f"Zu viele Fehlversuche. Bitte warten Sie {seconds} Sekunden und versuchen "
                "Sie es dann erneut.",
                f"Too many failed attempts. Please wait {seconds} seconds, then try again.",
            )

    def _record_failure(self, user: str) -> int:
        data = self._failures()
        count = data.get(user, [0, 0.0])[0] + 1
        data[user] = [count, self._clock()]
        with contextlib.suppress(OSError):
            self._failures_file.write_text(json.dumps(data), encoding="utf-8")
        return count

    def _clear_failures(self, user: str) -> None:
        data = self._failures()
        if data.pop(user, None) is not None:
            with contextlib.suppress(OSError):
                self._failures_file.write_text(json.dumps(data), encoding="utf-8")

    def _failed(self, user: str) -> WrongPassphrase:
        count = self._record_failure(user)
        extra_de = extra_en = ""
        if count >= FREE_FAILURES:
            extra_de = " Nach mehreren Fehlversuchen wartet Fallzahl vor dem nächsten Versuch."
            extra_en = " After several failed attempts Fallzahl waits before the next try."
        return WrongPassphrase(
            f"Die Passphrase für {user} ist falsch. Achten Sie auf Groß-/Kleinschreibung und "
            "die Feststelltaste. Vergessen? Die Leitung kann sie zurücksetzen, oder nutzen Sie "
            f"den Wiederherstellungsschlüssel.{extra_de}",
            f"The passphrase for {user} is wrong. Mind upper/lower case and Caps Lock. "
            "Forgotten? A lead can reset it, or use the recovery key." + extra_en,
        )

    def _unknown(self, user: str) -> UnknownUser:
        return UnknownUser(
            f"Benutzer {user} ist in diesem Datenbestand nicht eingerichtet.",
            f"User {user} is not set up in this vault.",
        )


def _write_slot(
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
    sealed = store.seal(kek, _slot_ad(vault_id, name, kind, role), payload)
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
    _write_slot(db, vault_id, name, "passphrase", role, passphrase, params, payload)
