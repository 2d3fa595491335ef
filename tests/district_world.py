"""A small simulated district for tests and the benchmark: office vaults with demo data,
closed quarters exported as packages, and a district desk with the demo keys."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.district import desk as district
from app.district.setup import init_district
from app.errors import InvalidRecord
from app.office import demo
from app.office import keys as office_keys
from app.office.export import build_package
from app.office.period_close import close_period, reopen_period
from app.office.setup import init_office
from app.records.periods import quarter
from app.records.validation import validate_case
from app.vault.vault import Vault

PASS = "richtig-langes-passwort"
YEAR = 2025


class Office:
    def __init__(self, root: Path, office_id: str, seed: int, kdf, cases: int = 120) -> None:
        self.office_id = office_id
        self.folder = root / office_id
        init_office(
            self.folder, office_id=office_id, office_name=f"Stelle {office_id}", user="lead",
            passphrase=PASS, kdf=kdf,
        )  # fmt: skip
        self.vault = Vault(self.folder)
        self.session = self.vault.unlock("lead", PASS)
        cases_, contacts = demo.generate(self.session.scheme, cases, YEAR, seed=seed)
        # Keep the records the vault accepts (the demo leaves some items out on purpose).
        ok = set()
        for c in cases_:
            try:
                validate_case(c, self.session.scheme)
            except InvalidRecord:
                continue
            ok.add(c.id)
        cases_ = [c for c in cases_ if c.id in ok]
        contacts = [k for k in contacts if k.case_id is None or k.case_id in ok]
        self.session.add_bulk(cases_, contacts, "demo.filled")

    @property
    def public_key(self) -> bytes:
        return office_keys.office_public_key(self.session)[0]

    def export(self, q: int, out_dir: Path) -> tuple[Path, str]:
        period = quarter(YEAR, q)
        close_period(self.session, period, accepted_reason="test")
        path, sha, _m = build_package(self.session, period, out_dir)
        return path, sha

    def correct(self, q: int, out_dir: Path) -> tuple[Path, str]:
        period = quarter(YEAR, q)
        reopen_period(self.session, period, "correction")
        return self.export(q, out_dir)

    def close(self) -> None:
        self.session.close()
        self.vault.close()


def make_district(folder: Path, kdf):
    init_district(folder, district_name="Landkreis Harz", user="planung", passphrase=PASS,
                  demo=True, kdf=kdf)  # fmt: skip
    vault = Vault(folder)
    return vault, vault.unlock("planung", PASS)


def on_time(q: int, days: int = 5) -> dt.datetime:
    """A moment ``days`` after the end of quarter ``q`` of YEAR."""
    end = quarter(YEAR, q).end
    return dt.datetime.combine(end + dt.timedelta(days=days), dt.time(10, 0))


__all__ = ["Office", "make_district", "on_time", "district"]
