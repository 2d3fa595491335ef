"""An office vault with three demo years, 2023 and 2024 closed (frozen), 2025 open.

2022 is closed too: it holds only the carried-over cases' first contacts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.office import demo, setup
from app.office.period_close import close_period
from app.records.periods import parse_period
from app.vault import store
from app.vault.vault import Vault
from tests.support.passphrases import FAST_KDF, PASS

YEARS = (2023, 2024, 2025)
CLOSED_YEARS = {2022, 2023, 2024}


def unlock(folder: Path):
    vault = Vault(folder)
    return vault, vault.unlock("leitung", PASS)


def build(folder: Path, n_cases: int = 60) -> list:
    """Fill ``folder`` year by year, closing each year once the next one is entered."""
    setup.init_office(
        folder,
        office_id="HZ-QLB-01",
        office_name="QLB",
        user="leitung",
        passphrase=PASS,
        kdf=FAST_KDF,
    )
    vault, session = unlock(folder)
    years = demo.history(session.scheme, n_cases, YEARS, seed=7)
    session.add_bulk(years[0][1], years[0][2], "demo.filled")
    # the year before holds only the first year's carried-over cases: closed too
    close_period(session, parse_period(str(YEARS[0] - 1)), accepted_reason="Demo")
    for (prev, _, _), (_, cases, contacts) in zip(years, years[1:], strict=False):
        session.add_bulk(cases, contacts, "demo.filled")
        close_period(session, parse_period(str(prev)), accepted_reason="Demo")
    session.close()
    vault.close()
    return years


def copy(source: Path, target: Path) -> None:
    """A consistent copy of a closed vault folder (the database and its plain files)."""
    target.mkdir()
    src = sqlite3.connect(source / store.DB_NAME)
    dest = sqlite3.connect(target / store.DB_NAME)
    src.backup(dest)
    src.close()
    dest.close()
    for extra in source.iterdir():
        if extra.is_file() and not extra.name.startswith(store.DB_NAME):
            (target / extra.name).write_bytes(extra.read_bytes())
