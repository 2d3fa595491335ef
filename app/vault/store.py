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
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import sqlite_utils

from app.crypto.aead import NONCE
from app.errors import (
    DiskFull,
    ReadOnly,
    RecordDamaged,
    StorageError,
    VaultBusy,
    VaultCorrupt,
    VaultNewer,
)


class PreReleaseVault(VaultCorrupt):
    """A vault layout from before signed lead state (schema 2 or older without grants)."""


# 2: activities; 3: slots carry an age recipient and a grant, lead state is signed;
# 4: closed periods are frozen. Records of closed periods move to the *_frozen tables when
# a closing freezes them (app/vault/archive.py); ``frozen`` holds the closings' manifests,
# case-list pages and frozen tallies. The table is part of the associated data, so a row
# does not open in another table.
SCHEMA_VERSION = 4
FROZEN_TABLES = {"cases": "cases_frozen", "contacts": "contacts_frozen"}
SEALED_TABLES = (
    "cases",
    "contacts",
    "settings",
    "lead_secrets",
    "activities",
    *FROZEN_TABLES.values(),
    "frozen",
)
TABLES = ("meta", "slots", "audit", *SEALED_TABLES)
DB_NAME = "vault.db"


def _add_activities(db: sqlite_utils.Database) -> None:
    """1 -> 2: a table for activities (non-case work, scheme format 2). Cases and contacts
    need no rewrite: their new fields are at the end with defaults, so old rows decode."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS activities (id TEXT PRIMARY KEY, rev INTEGER NOT NULL, "
        "sealed BLOB NOT NULL)"
    )


def holds_vault(folder: str | os.PathLike[str]) -> bool:
    """Does ``folder`` hold a vault? The one test for it (set-up, unlock, restore, CLI)."""
    return (Path(folder) / DB_NAME).is_file()


def _require_signed_lead_state(db: sqlite_utils.Database) -> None:
    """2 -> 3: slots with recipients and grants and a signed lead state cannot be made from
    an older layout without every user's passphrase; a vault that already has them (made by
    this version, then marked older) needs nothing. Anything else is refused, unchanged."""
    columns = {row[1] for row in db.execute("PRAGMA table_info(slots)").fetchall()}
    if not {"recipient", "grant_"} <= columns:
        raise PreReleaseVault(
            "Dieser Datenbestand stammt aus einer Vorabversion ohne signierte "
            "Leitungsdaten und lässt sich nicht an Ort und Stelle umstellen; er bleibt "
            "unverändert. Die Leitung übernimmt ihn mit `fallzahl-cli upgrade --from ORDNER` "
            "(ORDNER: dieser Ordner) in einen neuen Datenbestand: Fälle, Kontakte, "
            "Einstellungen und der Büroschlüssel kommen mit, die übrigen Benutzer richtet sie "
            "danach neu ein.",
            "This vault comes from a pre-release version without signed lead state and "
            "cannot be converted in place; it stays unchanged. A lead carries it over into "
            "a new vault with `fallzahl-cli upgrade --from FOLDER` (FOLDER: this folder): "
            "cases, contacts, settings and the office key come along, the other users are "
            "added again afterwards.",
        )


# Upgrade steps by the version they start from: fn(db) brings it to version + 1.
def _create_sealed(db: sqlite_utils.Database, table: str) -> None:
    db.execute(
        f"CREATE TABLE IF NOT EXISTS {table} (id TEXT PRIMARY KEY, rev INTEGER NOT NULL, "
        "sealed BLOB NOT NULL)"
    )


def _frozen_history(db: sqlite_utils.Database) -> None:
    """3 -> 4: closed periods are frozen (their records, summaries and tallies)."""
    for table in (*FROZEN_TABLES.values(), "frozen"):
        _create_sealed(db, table)


MIGRATIONS: dict[int, Callable[[sqlite_utils.Database], None]] = {
    1: _add_activities,
    2: _require_signed_lead_state,
    3: _frozen_history,
}


def associated_data(vault_id: str, table: str, record_id: str, rev: int) -> bytes:
    return f"fallzahl|{vault_id}|{table}|{record_id}|{rev}".encode()


def ad_template(vault_id: str, table: str) -> bytes:
    """``associated_data`` of ``table`` as a template: ``ad_template(v, t) % (id, rev)`` with
    the id as bytes gives ``associated_data(v, t, id, rev)`` (for opening many rows)."""
    return f"fallzahl|{vault_id}|{table}|".encode().replace(b"%", b"%%") + b"%b|%d"


# SQLite's primary result codes (https://sqlite.org/rescode.html) that are the environment's
# fault, not ours; qutebrowser's misc/sql.py splits them the same way. Anything else is a bug.
SQLITE_ERROR, SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_NOMEM = 1, 3, 5, 6, 7
SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN = 8, 10, 11, 13, 14
SQLITE_NOTADB = 26


def error_for(exc: sqlite3.Error, path: Path) -> StorageError | None:
    """The user's message for an SQLite environment error, or None for a bug."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == SQLITE_FULL:
        return DiskFull(
            "Der Datenträger ist voll; die letzte Änderung wurde nicht gespeichert. "
            "Schaffen Sie Platz und speichern Sie erneut. Bereits Gespeichertes ist "
            "unverändert.",
            "The disk is full; the last change was not saved. Free some space and "
            "save again. Everything saved before is unchanged.",
        )
    if primary in (SQLITE_READONLY, SQLITE_PERM):
        return ReadOnly(
            f"Der Datenbestand {path} ist schreibgeschützt. Prüfen Sie die "
            "Berechtigungen des Ordners oder wenden Sie sich an die IT.",
            f"The vault {path} is read-only. Check the folder's permissions or ask IT.",
        )
    if primary == SQLITE_CANTOPEN:
        return StorageError(
            f"Der Datenbestand {path} lässt sich nicht öffnen. Prüfen Sie, ob der "
            "Ordner existiert und erreichbar ist.",
            f"The vault {path} cannot be opened. Check that the folder exists and is reachable.",
        )
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return VaultBusy(
            "Der Datenbestand ist gerade von einem anderen Programm geöffnet. Schließen Sie "
            "Fallzahl dort (oder sperren Sie es) und versuchen Sie es erneut.",
            "The vault is open in another program. Close Fallzahl there (or lock it) and "
            "try again.",
        )
    if primary == SQLITE_IOERR:
        return StorageError(
            f"Lesen oder Schreiben von {path} ist fehlgeschlagen (Ein-/Ausgabefehler, oft ein "
            "voller oder getrennter Datenträger). Die letzte Änderung wurde nicht gespeichert; "
            "Gespeichertes ist unverändert. Prüfen Sie Platz und Laufwerk.",
            f"Reading or writing {path} failed (I/O error, often a full or disconnected "
            "drive). The last change was not saved; everything saved before is unchanged. "
            "Check the space and the drive.",
        )
    if primary == SQLITE_NOMEM:
        return StorageError(
            "Nicht genug Arbeitsspeicher für den Datenbestand. Schließen Sie andere Programme "
            "und versuchen Sie es erneut.",
            "Not enough memory for the vault. Close other programs and try again.",
        )
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return corrupt(path)
    if primary == SQLITE_ERROR and "no such table" in str(exc):
        return corrupt(path)  # a table was dropped: the file was changed
    return None


@contextlib.contextmanager
def storage_errors(path: Path) -> Iterator[None]:
    """Translate SQLite's environment errors into messages; let bugs through."""
    try:
        yield
    except sqlite3.Error as exc:
        error = error_for(exc, path)
        if error is None:
            raise
        raise error from exc


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
        if not create and self.path.stat().st_size == 0:
            raise corrupt(self.path)
        self.exclusive = False
        self.depth = 0
        self.before_commit: list[Callable[[], None]] = []
        self.after_rollback: list[Callable[[], None]] = []
        with storage_errors(self.path):
            conn = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False, timeout=2.0
            )
            self.db = sqlite_utils.Database(conn)
            try:
                self._configure(create)
            except BaseException:
                conn.close()
                raise
        if create:
            owner_only(self.path)

    def _configure(self, create: bool) -> None:
        conn = self.db.conn
        if not create and not self._quick_check_open_tables():
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
        if version == 0 or (version < SCHEMA_VERSION and version not in MIGRATIONS):
            # 0: not a Fallzahl vault (or emptied); 1: a pre-release layout without signed
            # lead state, which cannot be upgraded without every user's passphrase.
            raise corrupt(self.path)
        if version < SCHEMA_VERSION:
            self._migrate(version)
        missing = set(TABLES) - set(self.db.table_names())
        if missing:
            raise corrupt(self.path)

    def _create_schema(self) -> None:
        with self.db.atomic():
            self.db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            self.db.execute(
                "CREATE TABLE slots (name TEXT PRIMARY KEY, kind TEXT NOT NULL, "
                "role TEXT NOT NULL, kdf TEXT NOT NULL, salt BLOB NOT NULL, "
                "sealed BLOB NOT NULL, recipient TEXT NOT NULL, grant_ BLOB NOT NULL)"
            )
            for table in SEALED_TABLES:
                _create_sealed(self.db, table)
            self.db.execute("CREATE TABLE audit (seq INTEGER PRIMARY KEY, sealed BLOB NOT NULL)")
            self.db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def _migrate(self, version: int) -> None:
        """Back up the file, then run each step in one transaction."""
        backup = self.path.with_name(f"{self.path.name}.pre-migration-v{version}")
        self.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy2(self.path, backup)
        owner_only(backup)
        with self.db.atomic():
            while version < SCHEMA_VERSION:
                MIGRATIONS[version](self.db)
                version += 1
            self.db.execute(f"PRAGMA user_version={version}")

    # the writer's hold on the file itself
    def hold_exclusive(self) -> None:
        """Keep SQLite's exclusive lock until ``release_exclusive``.

        The writer lock file names the holder; this makes SQLite itself refuse every other
        connection (even if the lock file was deleted), so a second opener never reads or
        checkpoints the writer's WAL.
        """
        with storage_errors(self.path):
            self.db.conn.execute("PRAGMA locking_mode=EXCLUSIVE")
            self.db.conn.execute("BEGIN IMMEDIATE")
            self.db.conn.execute("COMMIT")
        self.exclusive = True

    def release_exclusive(self) -> None:
        if not self.exclusive:
            return
        with contextlib.suppress(sqlite3.Error):
            self.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        with contextlib.suppress(sqlite3.Error):
            self.db.conn.execute("PRAGMA locking_mode=NORMAL")
            self.db.conn.execute("SELECT count(*) FROM meta").fetchone()
        self.exclusive = False

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
        self, table: str, ids: Iterable[str] | None = None
    ) -> list[tuple[str, int, bytes, bytes]]:
        """(id, rev, nonce, ciphertext) of every row (or of the rows ``ids``), the sealed
        value split in SQL; the associated data is ``ad_template(vault, table)``'s.

        The hot path of unlocking: four plain columns are the cheapest SQLite hands over
        (building the associated data in SQL as well cost more than in Python)."""
        sql = (
            f"SELECT id, rev, substr(sealed, 1, {NONCE}), substr(sealed, {NONCE + 1}) FROM {table}"
        )
        with storage_errors(self.path):
            if ids is None:
                return self.db.conn.execute(sql).fetchall()
            ids = list(ids)
            out = []
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                where = f" WHERE id IN ({','.join('?' * len(chunk))})"
                out += self.db.conn.execute(sql + where, chunk).fetchall()
            return out

    def rows_by_id(self, table: str, ids: Iterable[str]) -> list[tuple[str, int, bytes]]:
        """(id, rev, sealed) of those of the given rows that exist (any order)."""
        ids = list(ids)
        out: list[tuple[str, int, bytes]] = []
        with storage_errors(self.path):
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                marks = ",".join("?" * len(chunk))
                out += self.db.execute(
                    f"SELECT id, rev, sealed FROM {table} WHERE id IN ({marks})", chunk
                ).fetchall()
        return out

    def delete_many(self, table: str, ids: Iterable[str]) -> None:
        self.db.conn.executemany(f"DELETE FROM {table} WHERE id=?", ((i,) for i in ids))

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

    def sealed_by_rowid(
        self, table: str, ad_prefix: bytes
    ) -> list[tuple[int, bytes, bytes, bytes]]:
        """As ``sealed_for_opening`` but keyed by SQLite's rowid (for ``reseal_many``)."""
        with storage_errors(self.path):
            return self.db.execute(
                f"SELECT rowid, substr(sealed, 1, {NONCE}), substr(sealed, {NONCE + 1}), "
                f"CAST(? || id || '|' || rev AS BLOB) FROM {table} ORDER BY rowid",
                [ad_prefix],
            ).fetchall()

    def reseal_many(self, table: str, rows: Iterable[tuple[bytes, int]]) -> None:
        """(sealed, rowid) pairs: the same revisions sealed again (data key rotation).

        By rowid, in rowid order: the cheapest update SQLite has, and the sealed bytes keep
        their length, so every row is rewritten in place."""
        self.db.conn.executemany(f"UPDATE {table} SET sealed=? WHERE rowid=?", rows)

    def count(self, table: str) -> int:
        with storage_errors(self.path):
            return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def delete(self, table: str, record_id: str) -> None:
        self.db.execute(f"DELETE FROM {table} WHERE id=?", [record_id])

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction; nested ones are savepoints of the outermost.

        ``before_commit`` callbacks run at the end of the outermost one, still inside it
        (the session signs lead state once per transaction); ``after_rollback`` callbacks
        run when it fails, so memory can forget what was not saved.
        """
        outermost = self.depth == 0
        try:
            with storage_errors(self.path), self.db.atomic():
                self.depth += 1
                try:
                    yield
                    if outermost:
                        while self.before_commit:
                            self.before_commit.pop(0)()
                finally:
                    self.depth -= 1
        except BaseException:
            if outermost:
                self.before_commit.clear()
                callbacks, self.after_rollback = self.after_rollback, []
                for callback in callbacks:
                    callback()
            raise
        if outermost:
            self.after_rollback = []

    def _quick_check_open_tables(self) -> bool:
        """On opening: quick_check of every table but the history, which grows with the years:
        the frozen tables and the audit log (their pages are read on demand, where SQLite
        names damage, and all of them by ``quick_check`` in the integrity check), so that
        opening does not grow with the years."""
        names = [
            r[0] for r in self.db.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        skip = {*FROZEN_TABLES.values(), "frozen", "audit"}
        for name in names:
            if name in skip:
                continue
            if self.db.conn.execute(f"PRAGMA quick_check({name})").fetchone()[0] != "ok":
                return False
        return True

    def quick_check(self) -> bool:
        with storage_errors(self.path):
            return self.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"

    def backup_to(self, target: Path) -> None:
        """Consistent snapshot with SQLite's backup API."""
        with storage_errors(self.path):
            dest = sqlite3.connect(target)
            owner_only(target)
            try:
                self.db.conn.backup(dest)
                dest.execute("PRAGMA journal_mode=DELETE")
            finally:
                dest.close()

    def close(self) -> None:
        """Close the connection; only the writer (holding the file) checkpoints the WAL."""
        self.release_exclusive()
        self.db.close()


def owner_only(path: Path) -> None:
    """Owner-only permissions where the OS has them (POSIX); on Windows the profile's ACLs."""
    if os.name == "posix":
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)
