"""Atomic file writes: a temporary file in the target folder, flushed, fsynced, renamed.

A reader never sees half a file, and a failure (disk full) leaves the old file in place.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from app.errors import DiskFull, StorageError


@contextlib.contextmanager
def atomic_writer(target: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """Yield a binary file; on clean exit it replaces ``target`` in one rename."""
    target = Path(target)
    folder = target.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise storage_error_for(exc, target) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        fsync_dir(folder)
    except OSError as exc:
        remove_quietly(tmp)
        raise storage_error_for(exc, target) from exc
    except BaseException:
        remove_quietly(tmp)
        raise


def write_bytes(target: str | os.PathLike[str], data: bytes) -> None:
    with atomic_writer(target) as fh:
        fh.write(data)


def storage_error_for(exc: OSError, path: Path) -> StorageError:
    import errno

    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(
            f"Der Datenträger für {path} ist voll. Schaffen Sie Platz oder wählen Sie einen "
            "anderen Ort; gespeicherte Daten sind unverändert.",
            f"The disk holding {path} is full. Free some space or choose another place; "
            "nothing saved was changed.",
        )
    return StorageError(
        f"{path} konnte nicht geschrieben werden ({exc.strerror}). Prüfen Sie Ort und "
        "Berechtigungen; gespeicherte Daten sind unverändert.",
        f"Could not write {path} ({exc.strerror}). Check the place and permissions; "
        "nothing saved was changed.",
    )


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_quietly(path: str) -> None:
    with contextlib.suppress(OSError):
        os.remove(path)
