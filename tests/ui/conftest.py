"""Widget tests: offscreen, no blocking dialogs, cheap key derivation, settings in tmp."""

from __future__ import annotations

import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.support.passphrases import FAST_KDF  # noqa: E402
from ui import refguard  # noqa: E402

# PySide6 6.12 on Python 3.11 loses references to None, True and False (ui/refguard.py);
# the program installs the guard at start, the widget tests do the same.
refguard.install()


@pytest.fixture(name="no_dialogs")
def no_dialogs_fixture(monkeypatch):
    monkeypatch.setenv("FALLZAHL_NO_DIALOGS", "1")


@pytest.fixture(name="answers")
def answers_fixture(monkeypatch):
    """The one test double for ui/dialogs.py: questions get these answers (then "no"),
    errors and infos are collected."""
    from ui import dialogs

    state = {"answers": [], "asked": [], "errors": [], "infos": []}

    def ask(parent, text, title=None, *, default=False):
        state["asked"].append(text)
        return state["answers"].pop(0) if state["answers"] else False

    monkeypatch.setattr(dialogs, "question", ask)
    monkeypatch.setattr(
        dialogs, "error", lambda parent, e, title=None: state["errors"].append(str(e))
    )
    monkeypatch.setattr(dialogs, "info", lambda parent, t, title=None: state["infos"].append(t))
    return state


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
    # No cyclic garbage collection inside a widget test: collected at a random moment in
    # Qt's event loop, the wrapper of a widget a finished test left behind (a popup, a
    # calendar) can take its C++ object away while Qt uses it (seen: a segfault in
    # qtbot.waitUntil while "Garbage-collecting"). Collected here, between tests, instead.
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        gc.enable()
    dialogs.answers.clear()
    i18n.install("de")
    from app import lang

    lang.set_language("de")
