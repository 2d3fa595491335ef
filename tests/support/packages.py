"""An office vault with a demo year, for package and period-close tests."""

from __future__ import annotations

from pathlib import Path

import msgspec

from app.office import demo, setup
from app.vault.vault import Vault
from tests.support.passphrases import FAST_KDF, PASS

OFFICE_ID = "HZ-QLB-01"
IDENTITY = Path(__file__).resolve().parents[2] / "resources" / "demo" / "district-demo.age"


def valid_demo(scheme, n_cases: int, year: int, seed: int = 1):
    """app.office.demo's records, with an ending on every closed case (the vault requires one)."""
    cases, contacts = demo.generate(scheme, n_cases, year, seed=seed)
    end = scheme.codes("ending")[0].code
    cases = [
        msgspec.structs.replace(c, ending=end) if c.closed and not c.ending else c for c in cases
    ]
    return cases, contacts


def make_office(folder: Path, n_cases: int = 200, year: int = 2025):
    """(vault, session) of a new office vault (shipped scheme) filled with a demo year."""
    setup.init_office(
        folder,
        office_id=OFFICE_ID,
        office_name="Beratungsstelle Quedlinburg",
        user="leitung",
        passphrase=PASS,
        kdf=FAST_KDF,
    )
    vault = Vault(folder)
    session = vault.unlock("leitung", PASS)
    if n_cases:
        cases, contacts = valid_demo(session.scheme, n_cases, year)
        session.add_bulk(cases, contacts, "demo.filled")
    return vault, session
