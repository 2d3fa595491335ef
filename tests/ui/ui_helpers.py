"""Fixtures and record builders for widget tests.

Not a conftest.py: tests elsewhere import ``conftest`` by its bare name, which a second
conftest.py in tests/ui would shadow. Test modules import the fixtures from here.
"""

from __future__ import annotations

import datetime as dt

import pytest

from app.records import Case
from app.session import new_id


def make_case(session, code: str, **kw) -> Case:
    values = dict(
        id=new_id(),
        code=code,
        opened=dt.date.today(),
        field="EB",
        counsellor=session.user,
        scheme_version=session.scheme.version,
    )
    values.update(kw)
    return session.save_case(Case(**values))


@pytest.fixture(name="no_dialogs")
def no_dialogs_fixture(monkeypatch):
    monkeypatch.setenv("FALLZAHL_NO_DIALOGS", "1")


@pytest.fixture(name="answers")
def answers_fixture(monkeypatch):
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
