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
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app import lang
from app.errors import FallzahlError

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
    QMessageBox.critical(
        parent, title or QCoreApplication.translate("dialogs", "Fallzahl – Fehler"), text
    )


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


def save_file(parent: QWidget | None, title: str, start: str, filters: str) -> str:
    """A file name to write to, or "" when cancelled."""
    if _quiet():
        choice = str(answers.popleft()) if answers else ""
        _record("save_file", f"{title}: {choice}")
        return choice
    name, _filter = QFileDialog.getSaveFileName(parent, title, start, filters)
    return name


def open_file(parent: QWidget | None, title: str, start: str, filters: str) -> str:
    """A file name to read, or "" when cancelled."""
    if _quiet():
        choice = str(answers.popleft()) if answers else ""
        _record("open_file", f"{title}: {choice}")
        return choice
    name, _filter = QFileDialog.getOpenFileName(parent, title, start, filters)
    return name


def choose_folder(parent: QWidget | None, title: str, start: str = "") -> str:
    """An existing folder, or "" when cancelled."""
    if _quiet():
        choice = str(answers.popleft()) if answers else ""
        _record("choose_folder", f"{title}: {choice}")
        return choice
    return QFileDialog.getExistingDirectory(parent, title, start)


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
