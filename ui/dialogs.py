"""The one place every message box and file chooser goes through.

With ``FALLZAHL_NO_DIALOGS=1`` in the environment, or ``dialogs.NO_DIALOGS = True`` (tests,
the self-test), nothing is shown: each message becomes a log line and is kept in
``shown``; questions and file choosers take the next prepared answer from ``answers``
(or their default), so nothing ever blocks.
"""

from __future__ import annotations

import collections
import logging
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app import lang
from app.errors import FallzahlError
from ui import settings

log = logging.getLogger("fallzahl.ui")

NO_DIALOGS = os.environ.get("FALLZAHL_NO_DIALOGS") == "1"
# (kind, text) of every message shown or logged, newest last (bounded).
shown: collections.deque[tuple[str, str]] = collections.deque(maxlen=50)
# Prepared answers for questions and file choosers while NO_DIALOGS is set.
answers: collections.deque[Any] = collections.deque()


def text_of(message: str | FallzahlError) -> str:
    """A message for the user: errors from app/ in the UI language."""
    if isinstance(message, FallzahlError):
        return message.message(lang.current())
    return str(message)


def _quiet() -> bool:
    return NO_DIALOGS or os.environ.get("FALLZAHL_NO_DIALOGS") == "1"


def _record(kind: str, text: str) -> None:
    shown.append((kind, text))
    level = logging.ERROR if kind == "error" else logging.INFO
    log.log(level, "%s: %s", kind, text)


def error(parent: QWidget | None, message: str | FallzahlError, title: str | None = None) -> None:
    text = text_of(message)
    _record("error", text)
    if _quiet():
        return
    QMessageBox.critical(parent, title or QCoreApplication.translate("dialogs", "Fehler"), text)


def info(parent: QWidget | None, message: str, title: str | None = None) -> None:
    _record("info", message)
    if _quiet():
        return
    QMessageBox.information(
        parent, title or QCoreApplication.translate("dialogs", "Fallzahl"), message
    )


def question(
    parent: QWidget | None, message: str, title: str | None = None, *, default: bool = False
) -> bool:
    """Yes/no; without dialogs the next prepared answer (or ``default``)."""
    _record("question", message)
    if _quiet():
        return bool(answers.popleft()) if answers else default
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title or QCoreApplication.translate("dialogs", "Fallzahl"),
        message,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setDefaultButton(
        QMessageBox.StandardButton.Yes if default else QMessageBox.StandardButton.No
    )
    return box.exec() == QMessageBox.StandardButton.Yes


def start_path(start: str = "") -> str:
    """Where a file chooser opens: ``start`` if it names a place that exists, else the
    last folder used with this vault (or Documents), with ``start``'s file name."""
    given = Path(start) if start else None
    if given is not None and given.is_absolute() and (given.is_dir() or given.parent.is_dir()):
        return start
    name = Path(start).name if start else ""
    folder = settings.start_folder()
    return str(Path(folder) / name) if name else folder


def _chosen(choice: str) -> str:
    if choice:
        settings.remember_folder(choice)
    return choice


def save_file(parent: QWidget | None, title: str, start: str, filters: str) -> str:
    """A file name to write to, or "" when cancelled."""
    if _quiet():
        choice = str(answers.popleft()) if answers else ""
        _record("save_file", f"{title}: {choice}")
        return choice
    name, _filter = QFileDialog.getSaveFileName(parent, title, start_path(start), filters)
    return _chosen(name)


def open_file(parent: QWidget | None, title: str, start: str, filters: str) -> str:
    """A file name to read, or "" when cancelled."""
    if _quiet():
        choice = str(answers.popleft()) if answers else ""
        _record("open_file", f"{title}: {choice}")
        return choice
    name, _filter = QFileDialog.getOpenFileName(parent, title, start_path(start), filters)
    return _chosen(name)


def open_files(parent: QWidget | None, title: str, start: str, filters: str) -> list[str]:
    """File names to read ([] when cancelled); a prepared answer may be a list or one name."""
    if _quiet():
        choice = answers.popleft() if answers else []
        names = [str(n) for n in choice] if isinstance(choice, list | tuple) else [str(choice)]
        names = [n for n in names if n]
        _record("open_files", f"{title}: {names}")
        return names
    names, _filter = QFileDialog.getOpenFileNames(parent, title, start_path(start), filters)
    if names:
        settings.remember_folder(names[0])
    return list(names)


def choose_folder(parent: QWidget | None, title: str, start: str = "") -> str:
    """An existing folder, or "" when cancelled."""
    if _quiet():
        choice = str(answers.popleft()) if answers else ""
        _record("choose_folder", f"{title}: {choice}")
        return choice
    folder = QFileDialog.getExistingDirectory(parent, title, start_path(start))
    if folder:
        settings.put(settings.LAST_FOLDER, folder)
    return folder


def print_document(parent: QWidget | None, document, title: str) -> bool:
    """Print a QTextDocument through the print dialog; False when cancelled.

    Without dialogs the next prepared answer is used: a file name prints to that PDF,
    anything else (or none) counts as cancelled.
    """
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    if _quiet():
        choice = str(answers.popleft()) if answers else ""
        _record("print", f"{title}: {choice}")
        if not choice:
            return False
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(choice)
        document.print_(printer)
        return True
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    document.print_(printer)
    return True
