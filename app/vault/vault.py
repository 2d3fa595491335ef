"""The vault: a folder with one sealed store, its creation, and unlocking it.

Unlocking opens a key slot (app/vault/keyslots.py) and gives a Session (app/vault/session.py);
repeated failures make the next try wait.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import time
import uuid
from pathlib import Path

from app.crypto import kdf as keys
from app.crypto.kdf import KdfParams
from app.errors import (
    VaultExists,
    VaultMissing,
    WrongPassphrase,
)
from app.vault import keyslots, store
from app.vault.session import Session

FREE_FAILURES = 3
MAX_DELAY = 60.0


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
        keyslots.check_user_name(user)
        keyslots.check_passphrase_form(passphrase)
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
            keyslots.write_slot(
                db, vault_id, user, "passphrase", "lead", passphrase, params, data_key + lead_key
            )
            keyslots.write_slot(
                db,
                vault_id,
                keyslots.RECOVERY,
                "recovery",
                "lead",
                recovery,
                params,
                data_key + lead_key,
            )
        db.close()
        vault = cls(folder)
        return vault, recovery

    def users(self) -> list[keyslots.UserInfo]:
        return keyslots.users(self.store)

    def slot_params(self, name: str) -> KdfParams:
        return keyslots.slot_params(self.store, name)

    # unlocking
    def unlock(self, user: str, passphrase: str, *, lock: bool = True):
        self._check_delay(user)
        row = self.store.db.execute(
            "SELECT kind, role, kdf, salt, sealed FROM slots WHERE name=? AND kind='passphrase'",
            [user],
        ).fetchone()
        if row is None:
            raise keyslots.unknown_user(user)
        kind, role, kdf, salt, sealed = row
        payload = self._open_slot(user, kind, role, kdf, salt, sealed, passphrase)
        if payload is None:
            raise self._failed(user)
        self._clear_failures(user)
        return Session(self, user, role, payload[:32], payload[32:] or None, lock=lock)

    def unlock_with_recovery(self, recovery_key: str, *, lock: bool = True):
        canonical = keys.normalize_recovery_key(recovery_key)
        self._check_delay(keyslots.RECOVERY)
        kind, role, kdf, salt, sealed = self.store.db.execute(
            "SELECT kind, role, kdf, salt, sealed FROM slots WHERE name=?", [keyslots.RECOVERY]
        ).fetchone()
        payload = self._open_slot(keyslots.RECOVERY, kind, role, kdf, salt, sealed, canonical)
        if payload is None:
            self._record_failure(keyslots.RECOVERY)
            raise keys.BadRecoveryKey(
                "Dieser Wiederherstellungsschlüssel gehört nicht zu diesem Datenbestand.",
                "This recovery key does not belong to this vault.",
            )
        self._clear_failures(keyslots.RECOVERY)
        return Session(self, keyslots.RECOVERY, "lead", payload[:32], payload[32:], lock=lock)

    def _open_slot(self, name, kind, role, kdf, salt, sealed, secret) -> bytes | None:
        return keyslots.open_slot(self.vault_id, name, kind, role, kdf, salt, sealed, secret)

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
