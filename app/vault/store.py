"""The vault file: one SQLite database (via sqlite-utils) of sealed rows.

Every row that holds anything is ``(id, rev, sealed)`` where ``sealed`` is
nonce || AES-256-GCM(ciphertext) and the associated data binds vault id, table, id and
revision, so a row moved to another id, another table or another vault does not open.
Only ids, kinds and revisions are plaintext. Environment errors of SQLite (disk full,
read-only, corrupt, busy) become FallzahlErrors with a message for the user; anything
else is a bug.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import sqlite_utils

from app.crypto.aead import NONCE
from app.errors import DiskFull, ReadOnly, RecordDamaged, StorageError, VaultCorrupt, VaultNewer

SCHEMA_VERSION = 1
SEALED_TABLES = ("cases", "contacts", "settings", "lead_secrets")
DB_NAME = "vault.db"

# Upgrade steps by the version they start from: fn(db) brings it to version + 1.
MIGRATIONS: dict[int, Callable[[sqlite_utils.Database], None]] = {}


def associated_data(vault_id: str, table: str, record_id: str, rev: int) -> bytes:
    return f"fallzahl|{vault_id}|{table}|{record_id}|{rev}".encode()


@contextlib.contextmanager
def storage_errors(path: Path) -> Iterator[None]:
    """Translate SQLite's environment errors into messages; let bugs through."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        text = str(exc).lower()
        if "disk is full" in text or "database or disk is full" in text:
            raise DiskFull(
                "Der Datenträger ist voll; die letzte Änderung wurde nicht gespeichert. "
                "Schaffen Sie Platz und speichern Sie erneut. Bereits Gespeichertes ist "
                "unverändert.",
                "The disk is full; the last change was not saved. Free some space and "
                "save again. Everything saved before is unchanged.",
            ) from exc
        if "readonly" in text or "read-only" in text:
            raise ReadOnly(
                f"Der Datenbestand {path} ist schreibgeschützt. Prüfen Sie die "
                "Berechtigungen des Ordners oder wenden Sie sich an die IT.",
                f"The vault {path} is read-only. Check the folder's permissions or ask IT.",
            ) from exc
        if "unable to open" in text:
            raise StorageError(
                f"Der Datenbestand {path} lässt sich nicht öffnen. Prüfen Sie, ob der "
                "Ordner existiert und erreichbar ist.",
                f"The vault {path} cannot be opened. Check that the folder exists and is "
                "reachable.",
            ) from exc
        if "locked" in text or "busy" in text:
            raise StorageError(
                "Der Datenbestand ist gerade von einem anderen Vorgang belegt. Versuchen "
                "Sie es in einem Moment erneut.",
                "The vault is busy with another operation. Try again in a moment.",
            ) from exc
        if "malformed" in text or "not a database" in text:
            raise corrupt(path) from exc
        raise
    except sqlite3.DatabaseError as exc:
        text = str(exc).lower()
        if "malformed" in text or "not a database" in text or "corrupt" in text:
            raise corrupt(path) from exc
        raise


def corrupt(path: Path) -> VaultCorrupt:
    return VaultCorrupt(
        f"Der Datenbestand {path} ist beschädigt (Datei unvollständig oder verändert). "
        "Stellen Sie die letzte Sicherung wieder her (Verwaltung > Wiederherstellen).",
        f"The vault {path} is damaged (the file is incomplete or was changed). Restore "
        "the latest backup (Administration > Restore).",
    )


def damaged(table: str, record_id: str) -> RecordDamaged:
    return RecordDamaged(
        f"Der Datensatz {table}/{record_id} ist beschädigt oder wurde verändert und wird "
        "nicht mitgezählt. Führen Sie die Prüfung aus und stellen Sie gegebenenfalls die "
        "letzte Sicherung wieder her.",
        f"Record {table}/{record_id} is damaged or was changed and is not counted. Run "
        "the integrity check and, if needed, restore the latest backup.",
        table,
        record_id,
    )


class Store:
    """The database file of one vault. Knows rows and sealing, not keys or users."""

    def __init__(self, path: Path, *, create: bool = False) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise StorageError(f"Kein Datenbestand unter {self.path}.", f"No vault at {self.path}.")
        with storage_errors(self.path):
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.db = sqlite_utils.Database(conn)
            try:
                self._configure(create)
            except BaseException:
                conn.close()
                raise

    def _configure(self, create: bool) -> None:
        conn = self.db.conn
        if not create and conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise corrupt(self.path)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA secure_delete=ON")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if create and version == 0 and not self.db.table_names():
            self._create_schema()
            return
        if version > SCHEMA_VERSION:
            raise VaultNewer(
                f"Dieser Datenbestand wurde mit einer neueren Fallzahl-Version angelegt "
                f"(Schema {version}, dieses Programm kennt {SCHEMA_VERSION}). Installieren "
                "Sie die aktuelle Version des Programms; der Datenbestand bleibt unverändert.",
                f"This vault was written by a newer version of Fallzahl (schema {version}, "
                f"this program knows {SCHEMA_VERSION}). Install the current version; the "
                "vault stays unchanged.",
            )
        if version < SCHEMA_VERSION:
            self._migrate(version)

    def _create_schema(self) -> None:
        with self.db.atomic():
            self.db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            self.db.execute(
                "CREATE TABLE slots (name TEXT PRIMARY KEY, kind TEXT NOT NULL, "
                "role TEXT NOT NULL, kdf TEXT NOT NULL, salt BLOB NOT NULL, "
                "sealed BLOB NOT NULL)"
            )
            for table in SEALED_TABLES:
                self.db.execute(
                    f"CREATE TABLE {table} (id TEXT PRIMARY KEY, rev INTEGER NOT NULL, "
                    "sealed BLOB NOT NULL)"
                )
            self.db.execute("CREATE TABLE audit (seq INTEGER PRIMARY KEY, sealed BLOB NOT NULL)")
            self.db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def _migrate(self, version: int) -> None:
        """Back up the file, then run each step in one transaction."""
        backup = self.path.with_name(f"{self.path.name}.pre-migration-v{version}")
        self.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy2(self.path, backup)
        with self.db.atomic():
            while version < SCHEMA_VERSION:
                MIGRATIONS[version](self.db)
                version += 1
            self.db.execute(f"PRAGMA user_version={version}")

    # plaintext metadata (vault id, mode): nothing about people
    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", [key, value])

    # sealed rows
    def rows(self, table: str) -> list[tuple[str, int, bytes]]:
        with storage_errors(self.path):
            return self.db.execute(f"SELECT id, rev, sealed FROM {table}").fetchall()

    def row(self, table: str, record_id: str) -> tuple[str, int, bytes] | None:
        with storage_errors(self.path):
            return self.db.execute(
                f"SELECT id, rev, sealed FROM {table} WHERE id=?", [record_id]
            ).fetchone()

    def sealed_for_opening(
        self, table: str, ad_prefix: bytes
    ) -> list[tuple[str, bytes, bytes, bytes]]:
        """(id, nonce, ciphertext, associated data) of every row, split and built in SQL.

        The associated data equals associated_data(vault, table, id, rev): the prefix
        "fallzahl|vault|table|" followed by "id|rev".
        """
        with storage_errors(self.path):
            return self.db.execute(
                f"SELECT id, substr(sealed, 1, {NONCE}), substr(sealed, {NONCE + 1}), "
                f"CAST(? || id || '|' || rev AS BLOB) FROM {table}",
                [ad_prefix],
            ).fetchall()

    def revisions(self, table: str) -> dict[str, int]:
        return dict(self.db.execute(f"SELECT id, rev FROM {table}").fetchall())

    def revision(self, table: str, record_id: str) -> int | None:
        row = self.db.execute(f"SELECT rev FROM {table} WHERE id=?", [record_id]).fetchone()
        return row[0] if row else None

    def put(self, table: str, record_id: str, rev: int, sealed: bytes) -> None:
        self.db.execute(
            f"INSERT OR REPLACE INTO {table}(id, rev, sealed) VALUES (?, ?, ?)",
            [record_id, rev, sealed],
        )

    def put_many(self, table: str, rows: Iterable[tuple[str, int, bytes]]) -> None:
        self.db.conn.executemany(
            f"INSERT OR REPLACE INTO {table}(id, rev, sealed) VALUES (?, ?, ?)", rows
        )

    def delete(self, table: str, record_id: str) -> None:
        self.db.execute(f"DELETE FROM {table} WHERE id=?", [record_id])

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        with storage_errors(self.path), self.db.atomic():
            yield

    def quick_check(self) -> bool:
        with storage_errors(self.path):
            return self.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"

    def backup_to(self, target: Path) -> None:
        """Consistent snapshot with SQLite's backup API."""
        with storage_errors(self.path):
            dest = sqlite3.connect(target)
            try:
                self.db.conn.backup(dest)
                dest.execute("PRAGMA journal_mode=DELETE")
            finally:
                dest.close()

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.db.close()
