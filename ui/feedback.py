"""Messages from the main window's parts, routed through the shell's ui/dialogs.py.

ui/dialogs.py (the shell) is the one place message boxes go through and can be switched
off with FALLZAHL_NO_DIALOGS=1. Until it is there, a plain QMessageBox stands in. Tests
monkeypatch ``error``, ``info`` and ``ask`` here.
"""

from __future__ import annotations

import importlib
import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app import lang
from app.errors import FallzahlError


def _dialogs():
    try:
        return importlib.import_module("ui.dialogs")
    except ImportError:
        return None


def _quiet() -> bool:
    return os.environ.get("FALLZAHL_NO_DIALOGS") == "1"


def _text(message: str | FallzahlError) -> str:
    if isinstance(message, FallzahlError):
        return message.message(lang.current())
    return str(message)


def error(parent: QWidget | None, message: str | FallzahlError) -> None:
    shell = _dialogs()
    if shell is not None:
        shell.error(parent, message)
    elif not _quiet():
        QMessageBox.critical(
            parent, QCoreApplication.translate("feedback", "Fallzahl – Fehler"), _text(message)
        )


def info(parent: QWidget | None, text: str) -> None:
    shell = _dialogs()
    if shell is not None:
        shell.info(parent, text)
    elif not _quiet():
        QMessageBox.information(parent, "Fallzahl", text)


def ask(parent: QWidget | None, text: str) -> bool:
    """Yes or no; the safe answer (no) when dialogs are switched off."""
    shell = _dialogs()
    if shell is not None:
        question = getattr(shell, "ask", None) or shell.question
        return bool(question(parent, text))
    if _quiet():
        return False
    answer = QMessageBox.question(parent, "Fallzahl", text)
    return answer == QMessageBox.StandardButton.Yes
