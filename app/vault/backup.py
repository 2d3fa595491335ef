"""Backup to one file and restore, keeping the previous vault until the new one is in place.

A backup is a consistent snapshot of the sealed database (SQLite backup API), so it opens
with the same passphrases or the recovery key that were valid when it was made. Backups are
owner-only files where the OS allows (POSIX modes).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.atomic import fsync_dir, remove_quietly, storage_error_for
from app.errors import (
    BackupOlderThanRemoval,
    BackupRefused,
    BadRecoveryKey,
    FallzahlError,
    LeadStateRefused,
    NotAllowed,
    RecordDamaged,
    StorageError,
    UnknownUser,
    VaultBusy,
    VaultCorrupt,
    WrongPassphrase,
)
from app.vault import store, witness
from app.vault.lock import WriterLock

if TYPE_CHECKING:
    from app.vault.session import Session


def make_backup(session: Session, target: str | os.PathLike[str]) -> Path:
    target = Path(target)
    if target.is_dir():
        stamp = dt.datetime.now().strftime("%Y-%m-%d_%H%M")
        target = target / f"fallzahl-backup_{stamp}.fzbak"
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise storage_error_for(exc, target) from exc
    os.close(fd)
    try:
        os.remove(tmp)
        session.store.backup_to(Path(tmp))
        store.owner_only(Path(tmp))
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
    accept_older: bool = False,
) -> Path | None:
    """Replace the vault in ``folder`` with ``backup`` (a lead's, proven to unlock and check).

    Only a lead of the backup may restore, and a lead of the current vault when that still
    opens. A backup from before the last rotation of the data key (a user removed, a
    recovery-key reset) brings the removed user's access back: it needs ``accept_older``;
    so does one from before a lead's removal that this PC's rollback witness knows of, even
    when the current vault does not open. A backup whose lead-state key chain parts from the
    witness's (a fork made with an old lead key) is refused.
    Crash-safe: the previous vault is copied aside, the checked copy (with its audit entry
    already in it) replaces vault.db in one rename, so a kill at any moment leaves either
    the old or the new vault, each of which opens. Returns where the previous vault was kept.
    """
    folder, backup = Path(folder), Path(backup)
    if not backup.is_file():
        raise BackupRefused(
            f"Die Sicherung {backup} gibt es nicht. Bitte die Datei prüfen.",
            f"The backup {backup} does not exist. Check the file.",
        )
    credentials = _Credentials(user, passphrase, recovery_key)
    folder.mkdir(parents=True, exist_ok=True)
    lock = WriterLock(folder)
    lock.acquire(user or "restore")
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=folder))
    try:
        staged_db = staging / store.DB_NAME
        try:
            shutil.copyfile(backup, staged_db)
        except OSError as exc:
            raise BackupRefused(
                f"Die Sicherung {backup} lässt sich nicht lesen ({exc.strerror}).",
                f"The backup {backup} cannot be read ({exc.strerror}).",
            ) from exc
        store.owner_only(staged_db)
        current = folder / store.DB_NAME
        vault_id, seen = _check_and_stamp(
            staging,
            backup,
            credentials,
            lambda: _current_epoch(folder, credentials) if current.exists() else None,
            accept_older,
        )
        _checkpoint(staged_db)
        _fsync(staged_db)
        kept = None
        if current.exists():
            # the WAL is empty then, so it cannot apply to the new file; a current file that
            # is no database any more (what the restore is for) is kept aside as it is
            with contextlib.suppress(VaultCorrupt):
                _checkpoint(current)
            kept = folder / f"vault.before-restore-{dt.datetime.now():%Y%m%d-%H%M%S}.db"
            shutil.copyfile(current, kept)
            store.owner_only(kept)
            _fsync(kept)
        witness.write(vault_id, seen)  # first: a kill after it leaves a vault that opens
        os.replace(staged_db, current)
        fsync_dir(folder)
        for suffix in ("-wal", "-shm"):
            remove_quietly(str(current) + suffix)
        return kept
    except OSError as exc:
        raise storage_error_for(exc, folder / store.DB_NAME) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        lock.release()


class _Credentials:
    def __init__(self, user: str | None, passphrase: str | None, recovery_key: str | None) -> None:
        self.user, self.passphrase, self.recovery_key = user, passphrase, recovery_key

    def unlock(self, vault) -> Session:
        if self.recovery_key:
            return vault.unlock_with_recovery(self.recovery_key, lock=False)
        return vault.unlock(self.user or "", self.passphrase or "", lock=False)


def _lead_only() -> NotAllowed:
    return NotAllowed(
        "Das Wiederherstellen einer Sicherung ist der Leitung vorbehalten. Melden Sie sich "
        "mit einer Leitung an, die in der Sicherung und im jetzigen Datenbestand Leitung ist, "
        "oder nutzen Sie den Wiederherstellungsschlüssel.",
        "Restoring a backup is reserved for a lead. Log in as a lead of both the backup and "
        "the current vault, or use the recovery key.",
    )


def _current_epoch(folder: Path, credentials: _Credentials) -> int | None:
    """The current vault's data-key epoch, proving the restorer is a lead there too.

    None when the current vault is damaged or forged (that is what a restore is for).
    """
    from app.vault.vault import Vault

    try:
        vault = Vault(folder)
    except (StorageError, LeadStateRefused):
        return None
    try:
        session = credentials.unlock(vault)
    except (WrongPassphrase, UnknownUser, BadRecoveryKey):
        raise _lead_only() from None
    except (StorageError, LeadStateRefused, RecordDamaged):
        return None
    finally:
        vault.close()
    try:
        if not session.is_lead:
            raise _lead_only()
        return session.lead_head.epoch
    finally:
        session.close()


def _check_and_stamp(
    staging: Path,
    backup: Path,
    credentials: _Credentials,
    current_epoch: Callable[[], int | None],
    accept_older: bool,
) -> tuple[str, witness.Seen]:
    """Unlock and check the staged copy as a lead, then write the restore into its audit log.

    Returns the vault id and what the rollback witness is to keep of the restored vault."""
    from app.vault.vault import Vault

    try:
        candidate = Vault(staging)
    except FallzahlError as exc:
        raise _refused(backup, exc) from exc
    try:
        try:
            session = credentials.unlock(candidate)
        except (LeadStateRefused, StorageError) as exc:
            raise _refused(backup, exc) from exc
        try:
            if not session.is_lead:
                raise _lead_only()
            problems = session.check()
            if problems:
                raise _refused(backup, problems[0])
            seen, kept = session.seen(), witness.read(candidate.vault_id)
            if kept is not None:  # a fork made with an old lead key is no backup
                try:
                    witness.check_keys(seen, kept)
                except LeadStateRefused as exc:
                    raise _refused(backup, exc) from exc
            epoch, now = session.lead_head.epoch, current_epoch()
            older = now is not None and epoch < now  # the current vault says so, or this PC
            older = older or (kept is not None and len(seen.keys) < len(kept.keys))
            if older and not accept_older:
                raise BackupOlderThanRemoval(
                    f"Die Sicherung {backup.name} ist älter als die letzte Entfernung eines "
                    "Benutzers (oder Zurücksetzung mit dem Wiederherstellungsschlüssel): wer "
                    "damals Zugang hatte, hätte ihn wieder. Bestätigen Sie ausdrücklich, dass "
                    "Sie sie dennoch wiederherstellen wollen, und entfernen Sie diese Benutzer "
                    "danach erneut.",
                    f"The backup {backup.name} is older than the last removal of a user (or "
                    "reset with the recovery key): whoever had access then would have it "
                    "again. Confirm explicitly that you want to restore it anyway, and remove "
                    "those users again afterwards.",
                )
            session.audit("backup.restored", backup.name)
            return candidate.vault_id, session.seen()  # the witness: this state from now on
        finally:
            session.close()
    finally:
        candidate.close()


def _refused(backup: Path, exc: FallzahlError) -> BackupRefused:
    return BackupRefused(
        f"Die Sicherung {backup.name} wurde nicht wiederhergestellt: {exc.de} Der bisherige "
        "Datenbestand bleibt unverändert.",
        f"The backup {backup.name} was not restored: {exc.en} The current vault is unchanged.",
    )


def _checkpoint(db_path: Path) -> None:
    import sqlite3

    with store.storage_errors(db_path):
        conn = sqlite3.connect(db_path, timeout=2.0)
        try:
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            conn.close()
    if busy:
        raise VaultBusy(
            "Der Datenbestand ist noch in einem anderen Programm geöffnet; die Sicherung wurde "
            "nicht wiederhergestellt. Schließen Sie Fallzahl dort und versuchen Sie es erneut.",
            "The vault is still open in another program; the backup was not restored. Close "
            "Fallzahl there and try again.",
        )


def _fsync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())
