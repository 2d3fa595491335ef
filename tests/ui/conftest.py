"""Widget-test fixtures: no dialog ever blocks; answers to questions are prepared."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _no_dialogs(monkeypatch):
    monkeypatch.setenv("FALLZAHL_NO_DIALOGS", "1")


@pytest.fixture
def answers(monkeypatch):
    """Questions asked by ui/ (ui.feedback.ask) get these answers; messages are collected."""
    from ui import feedback

    state = {"answers": [], "asked": [], "errors": [], "infos": []}

    def ask(parent, text):
        state["asked"].append(text)
        return state["answers"].pop(0) if state["answers"] else False

    monkeypatch.setattr(feedback, "ask", ask)
    monkeypatch.setattr(feedback, "error", lambda parent, e: state["errors"].append(str(e)))
    monkeypatch.setattr(feedback, "info", lambda parent, t: state["infos"].append(t))
    return state
