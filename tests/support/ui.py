"""Record builders and stand-ins for widget tests (their fixtures are in tests/ui/conftest.py)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QMainWindow

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


def make_office(folder, n_cases: int = 120, year: int = 2025):
    """(vault, session) of a new office vault (shipped scheme, lead "leitung") with a demo
    year whose closed cases all have an ending (as tests/support/packages.py)."""
    import msgspec

    from app.office import demo, setup
    from app.vault.vault import Vault
    from tests.support.passphrases import FAST_KDF, PASS

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


def focused():
    """The widget with the keyboard focus; fails the test (instead of aborting in QTest)
    when none has it."""
    from PySide6.QtWidgets import QApplication

    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    return widget
