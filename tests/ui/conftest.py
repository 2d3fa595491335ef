"""Widget tests: offscreen, no blocking dialogs, cheap key derivation, settings in tmp."""

from __future__ import annotations

import ctypes
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Signal  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow  # noqa: E402

from tests.conftest import FAST_KDF  # noqa: E402

# PySide6 6.12 releases one reference to None on every QCoreApplication.processEvents()
# call (and pytest-qt's waiting helpers leak True/False the same way), so a long widget
# test session ends in "Fatal Python error: none_dealloc/bool_dealloc" at exit. The
# program itself never spins processEvents; the tests hold spare references that are
# never released (the list itself is leaked on purpose, so it outlives finalization).
_PYSIDE_REFCOUNT_GUARD = [None, True, False] * 1_000_000
ctypes.pythonapi.Py_IncRef(ctypes.py_object(_PYSIDE_REFCOUNT_GUARD))


class StandInWindow(QMainWindow):
    """The main window's contract (ui.main_window.MainWindow) for the shell's tests."""

    lock_requested = Signal()
    admin_requested = Signal()

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.cleared = False
        self.setCentralWidget(QLabel(f"Angemeldet: {session.user}", self))

    def clear(self) -> None:
        self.cleared = True
        self.session = None


@pytest.fixture(autouse=True)
def _quiet_ui(tmp_path, monkeypatch, qapp):
    from ui import dialogs, i18n

    QApplication.setApplicationName("Fallzahl")
    QApplication.setOrganizationName("Fallzahl")
    monkeypatch.setenv("FALLZAHL_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.setattr(dialogs, "NO_DIALOGS", True)
    monkeypatch.setattr("app.crypto.kdf.calibrate", lambda *a, **k: FAST_KDF)
    dialogs.shown.clear()
    dialogs.answers.clear()
    i18n.install("de")
    yield
    dialogs.answers.clear()
    i18n.install("de")
    from app import lang

    lang.set_language("de")
