"""Fixtures and record builders for widget tests.

Not a conftest.py: tests elsewhere import ``conftest`` by its bare name, which a second
conftest.py in tests/ui would shadow. Test modules import the fixtures from here.
"""

from __future__ import annotations

import datetime as dt

import pytest

from app.records.model import Case
from app.vault.session import new_id


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


def make_office(folder, n_cases: int = 120, year: int = 2025):
    """(vault, session) of a new office vault (shipped scheme, lead "leitung") with a demo
    year whose closed cases all have an ending (tests/package_helpers.py, importable here)."""
    import msgspec

    from app.office import demo, setup
    from app.vault.vault import Vault
    from tests.conftest import FAST_KDF, PASS

    setup.init_office(
        folder, office_id="HZ-QLB-01", office_name="Beratungsstelle Quedlinburg",
        user="leitung", passphrase=PASS, kdf=FAST_KDF,
    )  # fmt: skip
    vault = Vault(folder)
    session = vault.unlock("leitung", PASS)
    if n_cases:
        cases, contacts = demo.generate(session.scheme, n_cases, year, seed=1)
        end = session.scheme.codes("ending")[0].code
        cases = [
            msgspec.structs.replace(c, ending=end) if c.closed and not c.ending else c
            for c in cases
        ]
        session.add_bulk(cases, contacts, "demo.filled")
    return vault, session
