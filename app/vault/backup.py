"""Backup to one file and restore, keeping the previous vault until the new one is in place.

A backup is a consistent snapshot of the sealed database (SQLite backup API), so it opens
with the same passphrases or the recovery key that were valid when it was made.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from app.atomic import fsync_dir, remove_quietly, storage_error_for
from app.errors import BackupRefused, FallzahlError
from app.vault import store
from app.vault.lock import WriterLock

if TYPE_CHECKING:
    from app.vault.session import Session


def make_backup(session: Session, target: str | os.PathLike[str]) -> Path:
    target = Path(target)
    if target.is_dir():
        stamp = dt.datetime.now().strftime("%Y-%m-%d_%H%M")
        target = target / f"fallzahl-backup_{stamp}.fzbak"
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    try:
        os.remove(tmp)
        session.store.backup_to(Path(tmp))
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        remove_quietly(tmp)
        raise storage_error_for(exc, target) from exc
    except BaseException:
        remove_quietly(tmp)
        raise
    session.audit("backup.made", target.name)
    return target


def restore_backup(
    folder: str | os.PathLike[str],
    backup: str | os.PathLike[str],
    *,
    user: str | None = None,
    passphrase: str | None = None,
    recovery_key: str | None = None,
) -> Path | None:
    """Replace the vault in ``folder`` with ``backup`` after proving the backup unlocks.

    Returns where the previous vault was kept (None if there was none).
    """
    from app.vault.vault import Vault

    folder, backup = Path(folder), Path(backup)
    lock = WriterLock(folder) if folder.exists() else None
    if lock:
        lock.acquire(user or "restore")
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=folder if folder.exists() else None))
    try:
        staged_db = staging / store.DB_NAME
        try:
            shutil.copyfile(backup, staged_db)
        except OSError as exc:
            raise BackupRefused(
                f"Die Sicherung {backup} lässt sich nicht lesen ({exc.strerror}).",
                f"The backup {backup} cannot be read ({exc.strerror}).",
            ) from exc
        try:
            candidate = Vault(staging)
        except FallzahlError as exc:
            raise _refused(backup, exc) from exc
        try:
            if recovery_key:
                session = candidate.unlock_with_recovery(recovery_key, lock=False)
            else:
                session = candidate.unlock(user or "", passphrase or "", lock=False)
            problems = session.check()
            if problems:
                raise _refused(backup, problems[0])
            session.close()
        finally:
            candidate.close()
        _fsync(staged_db)
        kept = None
        current = folder / store.DB_NAME
        folder.mkdir(parents=True, exist_ok=True)
        if current.exists():
            _checkpoint(current)
            kept = folder / f"vault.before-restore-{dt.datetime.now():%Y%m%d-%H%M%S}.db"
            os.replace(current, kept)
            for suffix in ("-wal", "-shm"):
                remove_quietly(str(current) + suffix)
        os.replace(staged_db, current)
        fsync_dir(folder)
        restored = Vault(folder)
        try:
            if recovery_key:
                session = restored.unlock_with_recovery(recovery_key, lock=False)
            else:
                session = restored.unlock(user or "", passphrase or "", lock=False)
            session.audit("backup.restored", backup.name)
            session.close()
        finally:
            restored.close()
        return kept
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if lock:
            lock.release()


def _refused(backup: Path, exc: FallzahlError) -> BackupRefused:
    return BackupRefused(
        f"Die Sicherung {backup.name} wurde nicht wiederhergestellt: {exc.de} Der bisherige "
        "Datenbestand bleibt unverändert.",
        f"The backup {backup.name} was not restored: {exc.en} The current vault is unchanged.",
    )


def _checkpoint(db_path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(db_path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _fsync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())
