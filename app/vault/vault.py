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

import msgspec

from app.crypto import aead, signing
from app.crypto import kdf as keys
from app.crypto.kdf import KdfParams
from app.errors import (
    VaultBusy,
    VaultExists,
    VaultMissing,
    WrongPassphrase,
)
from app.vault import keyslots, lead_state, store
from app.vault.lock import WriterLock
from app.vault.session import Session

FREE_FAILURES = 3
MAX_DELAY = 60.0
MAX_COUNTED = 64  # failures counted at most (2**64 s is never reached: MAX_DELAY caps it)


def vault_exists(folder: Path) -> VaultExists:
    """The refusal to set up a vault where one is: an existing vault is never overwritten."""
    return VaultExists(
        f"Unter {folder} gibt es bereits einen Datenbestand; er wird nicht "
        "überschrieben. Wählen Sie einen anderen Ordner.",
        f"There already is a vault in {folder}; it will not be overwritten. Choose another folder.",
    )


class Vault:
    """A vault folder before unlocking: knows its users, not its contents."""

    def __init__(self, folder: str | os.PathLike[str], *, clock=time.time) -> None:
        self.folder = Path(folder)
        self.path = self.folder / store.DB_NAME
        if not store.holds_vault(self.folder):
            raise VaultMissing(
                f"Unter {self.folder} gibt es noch keinen Datenbestand. Richten Sie Fallzahl "
                "zuerst ein (Einrichtungsassistent oder 'python -m app init').",
                f"There is no vault in {self.folder} yet. Set Fallzahl up first (first-run "
                "wizard or 'python -m app init').",
            )
        try:
            self.store = store.Store(self.path)
        except VaultBusy:
            # the writer holds the file itself: name it, and touch nothing of its WAL
            raise WriterLock(self.folder).refusal() from None
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
        """New vault with its first lead; returns the vault and the recovery key (shown once).

        ``kdf`` is this machine's calibration when the caller measured it (the self-test);
        otherwise it is measured here. Later slots use the same calibration of the process.
        """
        folder = Path(folder)
        keyslots.check_user_name(user)
        keyslots.check_passphrase_form(passphrase)
        if store.holds_vault(folder):
            raise vault_exists(folder)
        folder.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            with contextlib.suppress(OSError):
                os.chmod(folder, 0o700)
        params = keys.check_params(kdf) if kdf is not None else keys.machine_params()
        data_key, lead_key = os.urandom(32), os.urandom(32)
        state_secret, state_key = signing.generate_keypair("Fallzahl lead state")
        grant = keyslots.Grant(1, data_key, lead_key, state_key)
        recovery = keys.new_recovery_key()
        db = store.Store(folder / store.DB_NAME, create=True)
        vault_id = uuid.uuid4().hex
        with db.transaction():
            db.set_meta("vault_id", vault_id)
            db.set_meta("mode", mode)
            db.set_meta("created", dt.date.today().isoformat())
            for name, kind, secret in (
                (user, "passphrase", passphrase),
                (keyslots.RECOVERY, "recovery", recovery),
            ):
                slot_secret = keyslots.write_new_slot(
                    db, vault_id, name, kind, "lead", secret, state_key, grant, params
                )
                if kind == "passphrase":
                    first = slot_secret
            ad = store.associated_data(vault_id, "lead_secrets", lead_state.STATE_SECRET, 1)
            db.put(
                "lead_secrets", lead_state.STATE_SECRET, 1, aead.seal(lead_key, ad, state_secret)
            )
        db.close()
        vault = cls(folder)
        session = Session(vault, user, "lead", grant, first, lock=False, verify=False)
        session._first_lead_state()
        session.close()
        return vault, recovery

    def users(self) -> list[keyslots.UserInfo]:
        return keyslots.users(self.store)

    def slot_params(self, name: str) -> KdfParams:
        return keyslots.slot_params(self.store, name)

    # unlocking
    def unlock(self, user: str, passphrase: str, *, lock: bool = True) -> Session:
        self._check_delay(user)
        row = keyslots.slot_row(self.store, user)
        if row is None or row.kind != "passphrase":
            raise keyslots.unknown_user(user)
        opened = keyslots.open_slot(self.vault_id, row, passphrase)
        if opened is None:
            raise self._failed(user)
        self._clear_failures(user)
        return Session(self, user, row.role, opened.grant, opened.secret, lock=lock, kek=opened.kek)

    def unlock_with_recovery(self, recovery_key: str, *, lock: bool = True) -> Session:
        canonical = keys.normalize_recovery_key(recovery_key)
        self._check_delay(keyslots.RECOVERY)
        row = keyslots.slot_row(self.store, keyslots.RECOVERY)
        if row is None or row.kind != "recovery":
            raise keyslots.recovery_missing()
        opened = keyslots.open_slot(self.vault_id, row, canonical)
        if opened is None:
            self._record_failure(keyslots.RECOVERY)
            raise keys.BadRecoveryKey(
                "Dieser Wiederherstellungsschlüssel gehört nicht zu diesem Datenbestand.",
                "This recovery key does not belong to this vault.",
            )
        self._clear_failures(keyslots.RECOVERY)
        return Session(
            self,
            keyslots.RECOVERY,
            "lead",
            opened.grant,
            opened.secret,
            lock=lock,
            kek=opened.kek,
        )

    def close(self) -> None:
        self.store.close()

    # repeated failures: a growing wait, kept beside the vault (no secrets in it)
    @property
    def _failures_file(self) -> Path:
        return self.folder / "unlock-failures.json"

    def _failures(self) -> dict[str, list[float]]:
        """The counts as stored; whatever is malformed counts as no failures, and a time in
        the future counts as now, so an edited file can never make anyone wait more than
        MAX_DELAY."""
        try:
            raw = self._failures_file.read_bytes()[:1_000_000]
            data = msgspec.json.decode(raw, type=dict[str, tuple[int, float]])
        except (OSError, msgspec.DecodeError):
            return {}
        now = self._clock()
        return {
            user: [min(max(count, 0), MAX_COUNTED), min(last, now)]
            for user, (count, last) in data.items()
        }

    def wait_seconds(self, user: str) -> float:
        count, last = self._failures().get(user, [0, 0.0])
        if count < FREE_FAILURES:
            return 0.0
        delay = min(MAX_DELAY, 2.0 ** (count - FREE_FAILURES + 1))
        return min(MAX_DELAY, max(0.0, last + delay - self._clock()))

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
