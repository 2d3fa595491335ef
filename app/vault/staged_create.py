"""A new vault appears whole or not at all.

Setting up takes several steps after the key slots are written (the office's identity and
signing key, the provisioning file's recipients and trust anchors, the district's keys). A
failure or a crash between them must not leave a vault without them, which the program would
then open as if it were set up. So every step runs on a vault in a staging folder inside the
target folder, and vault.db is put into place in one step only when all of them are done: a
hard link, which never replaces a file, so an existing vault is never overwritten. Whatever
fails, the staging folder is removed; one left by a crash is removed by the next set-up, and
until then the folder holds no vault, so the program offers set-up again.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from app.atomic import fsync_dir, storage_error_for
from app.vault import store
from app.vault.lock import WriterLock
from app.vault.vault import vault_exists

T = TypeVar("T")
STAGING_PREFIX = ".setup-"
# link() not offered by the file system (FAT, some network shares): rename instead
_NO_LINK = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS, errno.EMLINK}


def create_whole(folder: str | os.PathLike[str], build: Callable[[Path], T]) -> T:
    """Run ``build(staging)``, which makes a complete vault in the staging folder, then put
    that vault into ``folder``. Returns what ``build`` returned."""
    folder = Path(folder)
    if store.holds_vault(folder):
        raise vault_exists(folder)
    made_folder = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise storage_error_for(exc, folder) from exc
    if os.name == "posix":
        with contextlib.suppress(OSError):
            os.chmod(folder, 0o700)
    lock = WriterLock(folder)
    placed = False
    try:
        lock.acquire("setup")  # one set-up at a time: the stale staging folders are ours
        try:
            _remove_staging_folders(folder)
            staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=folder))
            result = build(staging)
            _settle(staging / store.DB_NAME)
            _place(staging / store.DB_NAME, folder / store.DB_NAME)
            placed = True
        except OSError as exc:
            raise storage_error_for(exc, folder / store.DB_NAME) from exc
        finally:
            _remove_staging_folders(folder)
            lock.release()
    finally:
        if made_folder and not placed:
            _remove_made_folder(folder)
    return result


def staging_folders(folder: Path) -> list[Path]:
    """Staging folders of set-ups in ``folder`` (left by a crash, or one under way)."""
    try:
        return [p for p in folder.iterdir() if p.name.startswith(STAGING_PREFIX) and p.is_dir()]
    except OSError:
        return []


def _remove_staging_folders(folder: Path) -> None:
    for path in staging_folders(folder):
        shutil.rmtree(path, ignore_errors=True)


def _settle(db_path: Path) -> None:
    """Everything of the staged vault in vault.db itself (WAL emptied) and on disk."""
    with store.storage_errors(db_path):
        conn = sqlite3.connect(db_path, timeout=2.0)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            conn.close()
    with open(db_path, "rb+") as fh:
        os.fsync(fh.fileno())


def _place(staged: Path, target: Path) -> None:
    try:
        os.link(staged, target)
    except FileExistsError:
        raise vault_exists(target.parent) from None
    except OSError as exc:
        if exc.errno not in _NO_LINK:
            raise
        if store.holds_vault(target.parent):  # under the writer lock: no set-up races us
            raise vault_exists(target.parent) from None
        os.rename(staged, target)  # Windows: refuses an existing target too
    # The vault is whole now; should the folder's entry not reach the disk (power loss), there
    # is simply no vault, never half of one, so a failing fsync must not turn it into an error.
    with contextlib.suppress(OSError):
        fsync_dir(target.parent)


def _remove_made_folder(folder: Path) -> None:
    """The folder this set-up made, when nothing else came into it (only its lock file)."""
    with contextlib.suppress(OSError):
        (folder / "vault.lock").unlink()
    with contextlib.suppress(OSError):
        folder.rmdir()
