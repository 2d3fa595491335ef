"""One writer per vault: an OS file lock plus a note naming the holder.

The OS releases the lock when its process dies, so a lock left by a crash is recovered by
the next process simply acquiring it; the stale note is then overwritten. The lock file only
names the holder: the writing session also holds SQLite's exclusive lock on vault.db
(app/vault/store.py hold_exclusive), so a deleted lock file admits no second writer.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
from pathlib import Path

from filelock import FileLock, Timeout

from app.errors import VaultLocked


class WriterLock:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        # Not thread-local: the desktop unlocks in a worker thread (Argon2id) and closes
        # the session in the GUI thread; the lock belongs to the session, not a thread.
        self._lock = FileLock(
            self.folder / "vault.lock", timeout=0, is_singleton=False, thread_local=False
        )
        self._note = self.folder / "vault.lock.json"

    def acquire(self, user: str) -> None:
        try:
            self._lock.acquire()
        except Timeout:
            raise self.refusal() from None
        note = {
            "user": user,
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "since": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        }
        with contextlib.suppress(OSError):
            self._note.write_text(json.dumps(note), encoding="utf-8")

    def release(self) -> None:
        if self._lock.is_locked:
            with contextlib.suppress(OSError):
                self._note.unlink()
            self._lock.release(force=True)

    @property
    def is_locked(self) -> bool:
        return self._lock.is_locked

    def holder(self) -> dict[str, str] | None:
        try:
            return json.loads(self._note.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def refusal(self) -> VaultLocked:
        note = self.holder() or {}
        user = note.get("user", "?")
        host = note.get("host", "?")
        since = note.get("since", "?")
        return VaultLocked(
            f"Der Datenbestand ist bereits geöffnet: von {user} auf {host} seit {since}. "
            "Schließen Sie Fallzahl dort (oder sperren Sie es) und versuchen Sie es erneut.",
            f"The vault is already open: by {user} on {host} since {since}. Close Fallzahl "
            "there (or lock it) and try again.",
        )


def in_use(folder: Path) -> VaultLocked | None:
    """The refusal naming the holder if another process has the vault open, else None.

    Probes the lock file, then the database read-only: neither can touch the holder's WAL
    (a read-only connection never checkpoints), so a refused second instance does no harm.
    """
    import sqlite3

    folder = Path(folder)
    db = folder / "vault.db"
    if not db.exists():
        return None
    probe = WriterLock(folder)
    try:  # the database first, so the holder's note is read before anything is written
        conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True, timeout=0)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorcode", 0) & 0xFF in (5, 6):  # SQLITE_BUSY, SQLITE_LOCKED
            return probe.refusal()
    try:
        probe.acquire("probe")
    except VaultLocked as exc:
        return exc
    probe.release()
    return None
