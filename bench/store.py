"""Store budgets: save one contact vs raw SQLite; open + decrypt a 100,000-contact vault;
rotate the data key (a user removed, then a lead removed: lead keys too) over that vault.

Run: .venv/bin/python -m bench.store [--cases 20000]
Prints ratios against a baseline measured in the same run on the same file system.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import tempfile
import time
from pathlib import Path

from app.crypto import kdf
from app.office.demo import generate
from app.records import model as records
from app.vault.session import new_id
from app.vault.vault import Vault
from bench.common import BENCH_KDF, PASS, ms, new_vault, summary, timed

SAVES = 400


def raw_sqlite_saves(folder: Path, payloads: list[bytes]) -> list[float]:
    conn = sqlite3.connect(folder / "raw.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE contacts (id TEXT PRIMARY KEY, rev INTEGER, sealed BLOB)")
    out = []
    for payload in payloads:
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute("INSERT INTO contacts VALUES (?, 1, ?)", (new_id(), payload))
        conn.execute("COMMIT")
        out.append(time.perf_counter() - start)
    conn.close()
    return out


def vault_saves(session, case_id: str) -> tuple[list[float], list[bytes]]:
    out, sizes = [], []
    for _ in range(SAVES):
        contact = records.Contact(
            id=new_id(),
            date=dt.date.today(),
            form="1",
            duration="2",
            counsellor="bench",
            case_id=case_id,
        )
        start = time.perf_counter()
        session.save_contact(contact)
        out.append(time.perf_counter() - start)
        sizes.append(session.store.row("contacts", contact.id)[2])
    return out, sizes


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=20000)
    args = parser.parse_args()
    kdf.use_machine_params(BENCH_KDF)  # slots made here: cheap, like the vault itself
    with tempfile.TemporaryDirectory(dir=".") as tmp:
        folder = Path(tmp)
        vault, session = new_vault(folder / "v")
        cases, _ = generate(session.scheme, 1, 2026)
        session.save_case(cases[0])
        ours, sealed = vault_saves(session, cases[0].id)
        raw = raw_sqlite_saves(folder, sealed)  # the same bytes, same settings, same disk
        (om, op), (rm, rp) = summary(ours), summary(raw)
        print(f"save one contact: median {ms(om)}, p95 {ms(op)}")
        print(f"raw sqlite3 insert+commit: median {ms(rm)}, p95 {ms(rp)}")
        print(f"ratio (median): {om / rm:.2f}  (budget <= 1.5)")
        session.close()
        vault.close()

        vault, session = new_vault(folder / "big")
        cases, contacts = generate(session.scheme, args.cases, 2025)
        session.add_bulk(cases, contacts, "demo.filled")
        session.close()
        vault.close()
        print(f"demo vault: {len(cases)} cases, {len(contacts)} contacts")

        def open_all() -> None:
            v = Vault(folder / "big")
            s = v.unlock("bench", PASS)  # cheap KDF: measures opening and decrypting
            s.cases()
            s.contacts()
            s.close()
            v.close()

        samples = [timed(open_all) for _ in range(3)]
        print(f"open + decrypt all records: best {min(samples):.3f} s  (budget < 0.5 s)")

        v = Vault(folder / "big")
        s = v.unlock("bench", PASS)
        s.add_user("removed", "counsellor", PASS)
        start = time.perf_counter()
        s.remove_user("removed")  # every row sealed again under a new data key, one transaction
        took = time.perf_counter() - start
        rows = sum(s.store.count(t) for t in ("cases", "contacts", "settings", "audit"))
        s.close()
        v.close()
        print(f"key rotation (remove a user), {rows} rows: {took:.3f} s  (budget < 3 s)")

        v = Vault(folder / "big")
        s = v.unlock("bench", PASS)
        s.add_user("removed-lead", "lead", PASS)
        start = time.perf_counter()
        s.remove_user("removed-lead")  # the lead key and the lead-state key rotate too
        took = time.perf_counter() - start
        s.close()
        v.close()
        print(f"key rotation (remove a lead), {rows} rows: {took:.3f} s  (budget < 3 s)")


if __name__ == "__main__":
    main()
