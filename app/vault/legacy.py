"""Reading a pre-release vault (schema 1, before signed lead state), read-only.

The previous release kept one SQLite file with the same sealed rows as today but older key
slots: ``slots(name, kind, role, kdf, salt, sealed)`` where ``sealed`` is the data key and,
for leads, the lead key, wrapped under Argon2id(passphrase) with the associated data
``fallzahl-slot|vault|name|kind|role``. Rows are AES-256-GCM under the data key (lead secrets
under the lead key) bound to ``fallzahl|vault|table|id|rev`` as now. Only a lead's slot opens
everything, so only a lead can carry a vault over (app/office/upgrade.py). The file is opened
immutable: nothing is written to it, not even a lock or WAL file.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from app.crypto import kdf
from app.crypto.aead import Cipher, Tampered
from app.errors import RecordDamaged, UpgradeRefused, WrongPassphrase
from app.records.model import Case, Contact, decode_case, decode_contact
from app.vault import keyslots, store

LEGACY_SCHEMA = 1
TABLES = ("meta", "slots", "audit", "cases", "contacts", "settings", "lead_secrets")
KEY = 32


def not_legacy(folder: Path, why_de: str, why_en: str) -> UpgradeRefused:
    return UpgradeRefused(
        f"{folder} enthält keinen Datenbestand der Vorabversion ({why_de}); es gibt nichts "
        "zu übernehmen. Ein aktueller Datenbestand wird direkt geöffnet.",
        f"{folder} holds no vault of the pre-release version ({why_en}); there is nothing to "
        "carry over. A current vault opens directly.",
    )


@dataclass(frozen=True)
class LegacyUser:
    name: str
    role: str


@dataclass(frozen=True)
class LegacyContents:
    """Everything a lead of the old vault could read, decoded or as plaintext bytes."""

    vault_id: str
    mode: str
    users: list[LegacyUser]
    cases: list[Case]
    contacts: list[Contact]
    settings: dict[str, bytes]
    lead_secrets: dict[str, bytes]
    audit_entries: int


class LegacyVault:
    """A schema-1 vault file, opened read-only."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.path = self.folder / store.DB_NAME
        if not self.path.is_file():
            raise not_legacy(self.folder, "keine Datei vault.db", "no vault.db file")
        wal = self.path.with_name(store.DB_NAME + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise UpgradeRefused(
                f"Der alte Datenbestand {self.folder} ist noch geöffnet oder wurde nicht sauber "
                "geschlossen (Datei vault.db-wal). Schließen Sie die alte Fallzahl-Version und "
                "versuchen Sie es erneut.",
                f"The old vault {self.folder} is still open or was not closed cleanly "
                "(vault.db-wal file). Close the old Fallzahl version and try again.",
            )
        uri = f"file:{quote(str(self.path.resolve()))}?mode=ro&immutable=1"
        with store.storage_errors(self.path):
            self.db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            try:
                self._check_layout()
            except BaseException:
                self.db.close()
                raise
        self.vault_id = self._meta("vault_id")
        self.mode = self._meta("mode") or "office"

    def _check_layout(self) -> None:
        if self.db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise store.corrupt(self.path)
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version != LEGACY_SCHEMA:
            raise not_legacy(self.folder, f"Schema {version}", f"schema {version}")
        names = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        columns = {r[1] for r in self.db.execute("PRAGMA table_info(slots)")}
        if set(TABLES) - names or {"recipient", "grant_"} & columns:
            raise store.corrupt(self.path)

    def _meta(self, key: str) -> str:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", [key]).fetchone()
        return row[0] if row else ""

    def users(self) -> list[LegacyUser]:
        rows = self.db.execute(
            "SELECT name, role FROM slots WHERE kind='passphrase' ORDER BY name"
        ).fetchall()
        return [LegacyUser(name, role) for name, role in rows]

    def _keys(self, user: str, passphrase: str) -> tuple[bytes, bytes]:
        """(data key, lead key) from the user's slot; only a lead's slot is accepted."""
        row = self.db.execute(
            "SELECT kind, role, kdf, salt, sealed FROM slots WHERE name=? AND kind='passphrase'",
            [user],
        ).fetchone()
        if row is None:
            raise keyslots.unknown_user(user)
        kind, role, params_text, salt, sealed = row
        if role != "lead":
            raise UpgradeRefused(
                f"{user} ist im alten Datenbestand Berater*in. Nur eine Leitung kann den "
                "Datenbestand übernehmen: melden Sie sich mit dem Namen einer Leitung an.",
                f"{user} is a counsellor in the old vault. Only a lead can carry the vault "
                "over: give the name of a lead.",
            )
        params = kdf.decode_params(params_text)  # bounds first: an edited slot runs no KDF
        kek = kdf.derive(passphrase, bytes(salt), params)
        ad = f"fallzahl-slot|{self.vault_id}|{user}|{kind}|{role}".encode()
        try:
            payload = Cipher(kek).open(ad, bytes(sealed))
        except Tampered:
            raise WrongPassphrase(
                f"Die Passphrase für {user} im alten Datenbestand ist falsch. Achten Sie auf "
                "Groß-/Kleinschreibung und die Feststelltaste.",
                f"The passphrase for {user} in the old vault is wrong. Mind upper/lower case "
                "and Caps Lock.",
            ) from None
        if len(payload) != 2 * KEY:
            raise store.corrupt(self.path)
        return payload[:KEY], payload[KEY:]

    def _open_table(self, table: str, cipher: Cipher) -> list[tuple[str, bytes]]:
        """(id, plaintext) of every row; the first damaged row is named."""
        out: list[tuple[str, bytes]] = []
        bad: list[str] = []
        with store.storage_errors(self.path):
            rows = self.db.execute(f"SELECT id, rev, sealed FROM {table} ORDER BY id").fetchall()
        for record_id, rev, sealed in rows:
            ad = store.associated_data(self.vault_id, table, record_id, rev)
            try:
                out.append((record_id, cipher.open(ad, bytes(sealed))))
            except Tampered:
                bad.append(record_id)
        if bad:
            raise damaged_rows(table, bad)
        return out

    def read(self, user: str, passphrase: str) -> LegacyContents:
        """Everything the lead ``user`` can read; RecordDamaged names damaged rows."""
        data_key, lead_key = self._keys(user, passphrase)
        data, lead = Cipher(data_key), Cipher(lead_key)
        cases = [
            self._decode(decode_case, "cases", i, p) for i, p in self._open_table("cases", data)
        ]
        contacts = [
            self._decode(decode_contact, "contacts", i, p)
            for i, p in self._open_table("contacts", data)
        ]
        settings = dict(self._open_table("settings", data))
        secrets = dict(self._open_table("lead_secrets", lead))
        audit_entries = self.db.execute("SELECT count(*) FROM audit").fetchone()[0]
        return LegacyContents(
            vault_id=self.vault_id,
            mode=self.mode,
            users=self.users(),
            cases=cases,
            contacts=contacts,
            settings=settings,
            lead_secrets=secrets,
            audit_entries=audit_entries,
        )

    @staticmethod
    def _decode(decode, table: str, record_id: str, plain: bytes):
        try:
            record = decode(plain)
        except ValueError:  # msgspec.DecodeError and ValidationError are ValueErrors
            raise damaged_rows(table, [record_id]) from None
        if record.id != record_id:
            raise damaged_rows(table, [record_id])
        return record

    def close(self) -> None:
        self.db.close()


def damaged_rows(table: str, ids: list[str]) -> RecordDamaged:
    shown = ", ".join(f"{table}/{i}" for i in ids[:5])
    more = f" (+{len(ids) - 5})" if len(ids) > 5 else ""
    return RecordDamaged(
        f"Im alten Datenbestand sind Datensätze beschädigt oder verändert: {shown}{more}. "
        "Nichts wurde übernommen; der alte Datenbestand ist unverändert. Nehmen Sie eine "
        "Sicherung des alten Datenbestands und versuchen Sie es damit.",
        f"Records in the old vault are damaged or were changed: {shown}{more}. Nothing was "
        "carried over; the old vault is unchanged. Take a backup of the old vault and try "
        "with that.",
        table,
        ids[0],
    )
