"""The crash handler: an uncaught exception is a bug; log it and say so once.

The hook restores the default hook first, so an error inside it cannot loop. The log
(rotating, in the user log folder) holds the exception type and the code path, never the
exception's text or local variables, which might carry record contents; only messages of
our own FallzahlError (written for users, no record contents) are kept.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.errors import FallzahlError

_logger = logging.getLogger("fallzahl.crash")
_shown = False


def log_dir() -> Path:
    from platformdirs import user_log_path

    return user_log_path("Fallzahl", appauthor=False)


def log_file() -> Path:
    return log_dir() / "crash.log"


def _handler() -> logging.Handler:
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        folder / "crash.log", maxBytes=256 * 1024, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    return handler


def describe(exc_type, exc, tb) -> str:
    """Type and code path of an exception, without its text (unless it is ours)."""
    import app

    lines = [f"Fallzahl {app.__version__}, Python {sys.version.split()[0]}"]
    for frame in traceback.extract_tb(tb):
        lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
    name = f"{exc_type.__module__}.{exc_type.__qualname__}"
    if isinstance(exc, FallzahlError):
        lines.append(f"{name}: {exc.en}")
    else:
        lines.append(f"{name} (message withheld: it may contain record contents)")
    return "\n".join(lines)


def write_log(exc_type, exc, tb) -> Path | None:
    try:
        handler = _handler()
    except OSError:
        return None
    _logger.addHandler(handler)
    _logger.propagate = False
    try:
        _logger.error("Unhandled exception\n%s", describe(exc_type, exc, tb))
    finally:
        _logger.removeHandler(handler)
        handler.close()
    return log_file()


def handle(exc_type, exc, tb) -> None:
    """sys.excepthook: default hook back first, then log, then one dialog."""
    global _shown
    sys.excepthook = sys.__excepthook__
    path = write_log(exc_type, exc, tb)
    if not _shown:
        _shown = True
        _show(path)
    sys.excepthook = handle  # reached only if logging and showing did not fail


def _show(path: Path | None) -> None:
    from ui import dialogs

    text = QCoreApplication.translate(
        "crash",
        "Ein unerwarteter Fehler ist aufgetreten. Bereits gespeicherte Daten sind nicht "
        "betroffen. Bitte starten Sie Fallzahl neu und melden Sie den Fehler mit der "
        "Protokolldatei:\n{path}",
    ).format(path=path or "-")
    dialogs.error(None, text)


def report(exc: BaseException) -> None:
    """For exceptions caught in a worker thread and handed to the GUI thread."""
    handle(type(exc), exc, exc.__traceback__)


def install() -> None:
    sys.excepthook = handle
