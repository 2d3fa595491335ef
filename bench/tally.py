"""Tally a year of a large office (20,000 cases, 100,000 contacts) and print the figures.

Budget (DESIGN.md): from the vault under 0.5 s in all and at most 2x the same aggregation
over the same records unencrypted in memory, measured here in one run; memory under 300 MB.
``run`` adds the figures of the tally's parts (quarter, encodings, suppression).

    .venv/bin/python -m bench.tally [--cases N] [--year YYYY] [--repeat R] [--years N]

With ``--years N`` the vault holds N years of a ``--cases`` office (the years before the
last closed, so frozen: bench/history_vault.py) and the figures are for the open year:
its cold tally from the vault against the same tally over its records in memory.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import msgspec

from app.office import demo
from app.records.model import Case, Contact
from app.records.periods import parse_period
from app.stats.disclosure import suppress_long
from app.stats.tally import tally
from app.stats.tally_io import from_json, to_csv, to_json


def _best(fn, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def run(cases, contacts, scheme, *, period: str | None = None, repeat: int = 5) -> dict:
    """Time tally() and its encodings over in-memory records; return the figures."""
    p = parse_period(period or f"{cases[0].opened.year if cases else 2026}")
    figures: dict[str, float] = {}
    figures["tally_year_best_s"], figures["tally_year_median_s"] = _best(
        lambda: tally(scheme, cases, contacts, p), repeat
    )
    q = parse_period(f"{p.start.year}-Q2")
    figures["tally_quarter_best_s"], _ = _best(lambda: tally(scheme, cases, contacts, q), repeat)
    t = tally(scheme, cases, contacts, p)
    figures["rows"] = len(t.rows)
    figures["to_json_s"], _ = _best(lambda: to_json(t), repeat)
    data = to_json(t)
    figures["from_json_s"], _ = _best(lambda: from_json(data), repeat)
    figures["to_csv_s"], _ = _best(lambda: to_csv(t, scheme), repeat)
    dims = ["field", "sex", "age_band", "municipality", "domain_class", "problem", "domain"]
    tq = tally(scheme, cases, contacts, q)
    figures["suppress_long_quarter_s"], _ = _best(lambda: suppress_long(tq, 3, dims), 1)
    tracemalloc.start()
    tally(scheme, cases, contacts, p)
    figures["tally_peak_traced_MB"] = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return figures


def from_vault(folder: Path, period: str) -> float:
    """Cold: open the vault file, unlock (cheap KDF), decrypt, decode and tally."""
    from app.scheme.mapping import mapper
    from app.vault.vault import Vault
    from bench.common import PASS

    start = time.perf_counter()
    vault = Vault(folder)
    session = vault.unlock("bench", PASS)
    scheme = session.scheme
    p = parse_period(period)
    tally(scheme, *session.records_for(p), p, map_code=mapper(scheme))
    took = time.perf_counter() - start
    session.close()
    vault.close()
    return took


def from_plain_sqlite(folder: Path, cases, contacts, scheme, period: str, repeat: int) -> float:
    """The same records stored unencrypted (MessagePack rows in SQLite): read, decode, tally."""
    import sqlite3

    path = folder / "plain.db"
    conn = sqlite3.connect(path)
    for table, items in (("cases", cases), ("contacts", contacts)):
        conn.execute(f"CREATE TABLE {table} (id TEXT PRIMARY KEY, rev INTEGER, body BLOB)")
        conn.executemany(
            f"INSERT INTO {table} VALUES (?, 1, ?)",
            [(i.id, msgspec.msgpack.encode(i)) for i in items],
        )
    conn.commit()
    conn.close()

    def once() -> None:
        db = sqlite3.connect(path)
        loaded = []
        for table, kind in (("cases", Case), ("contacts", Contact)):
            bodies = [r[0] for r in db.execute(f"SELECT body FROM {table}")]
            header = b"\xdd" + len(bodies).to_bytes(4, "big")
            loaded.append(msgspec.msgpack.decode(header + b"".join(bodies), type=list[kind]))
        db.close()
        tally(scheme, loaded[0], loaded[1], parse_period(period))

    best, _ = _best(once, repeat)
    return best


def warm_tally(folder: Path, period: str, repeat: int) -> float:
    """What the desktop does: the session opened every record at unlock; tally them."""
    from app.scheme.mapping import mapper
    from app.vault.vault import Vault
    from bench.common import PASS

    vault = Vault(folder)
    session = vault.unlock("bench", PASS)
    scheme = session.scheme
    p = parse_period(period)
    session.cases()
    best, _ = _best(
        lambda: tally(scheme, *session.records_for(p), p, map_code=mapper(scheme)), repeat
    )
    session.close()
    vault.close()
    return best


def main(argv: list[str] | None = None) -> int:
    import tempfile

    from bench.common import new_vault

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=20_000)
    ap.add_argument("--year", type=int, default=2025)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--years", type=int, default=1, help="years of history (before: closed)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=".") as tmp:
        folder = Path(tmp) / "vault"
        if args.years > 1:
            from app.vault.vault import Vault
            from bench import history_vault
            from bench.common import PASS

            print(f"building {args.years} years of {args.cases:,} cases ...", flush=True)
            args.year, took = history_vault.build(folder, args.years, args.cases)
            print(f"built in {took:.0f} s", flush=True)
            vault = Vault(folder)
            session = vault.unlock("bench", PASS)
            scheme = session.scheme
            cases, contacts = session.records_for(parse_period(str(args.year)))
            total = session.record_counts()
            print(f"history: {total[0]:,} cases, {total[1]:,} contacts in the vault")
        else:
            vault, session = new_vault(folder)
            scheme = session.scheme  # the shipped Landkreis Harz scheme
            cases, contacts = demo.generate(scheme, args.cases, args.year)
            session.add_bulk(cases, contacts, "demo.filled")
        session.close()
        vault.close()
        # the same records, unencrypted in memory, decoded from bytes (fresh objects)
        plain_cases = [msgspec.msgpack.decode(msgspec.msgpack.encode(c), type=Case) for c in cases]
        plain_contacts = [
            msgspec.msgpack.decode(msgspec.msgpack.encode(k), type=Contact) for k in contacts
        ]
        del cases, contacts
        period = str(args.year)
        baseline, _ = _best(
            lambda: tally(scheme, plain_cases, plain_contacts, parse_period(period)), args.repeat
        )
        cold = min(from_vault(folder, period) for _ in range(args.repeat))
        plain = from_plain_sqlite(
            Path(tmp), plain_cases, plain_contacts, scheme, period, args.repeat
        )
        warm = warm_tally(folder, period, args.repeat)
        figures = run(plain_cases, plain_contacts, scheme, period=period, repeat=args.repeat)
    what = "records of the open year" if args.years > 1 else "records"
    print(f"{what}: {len(plain_cases):,} cases, {len(plain_contacts):,} contacts ({scheme.id})")
    print(f"tally over unencrypted records in memory:   {baseline:.3f} s")
    print(f"from the vault (open, decrypt, decode, tally): {cold:.3f} s  (budget < 0.5 s)")
    print(f"ratio vault / in memory: {cold / baseline:.2f}  (budget <= 2)")
    print(
        f"the same from an unencrypted SQLite file: {plain:.3f} s, "
        f"ratio vault / unencrypted file {cold / plain:.2f}"
    )
    print(
        f"tally in an unlocked session (records opened at unlock): {warm:.3f} s, "
        f"ratio {warm / baseline:.2f}"
    )
    for key, value in figures.items():
        unit = "" if key == "rows" or key.endswith("MB") else " s"
        print(
            f"  {key:<26} {value:8.3f}{unit}"
            if isinstance(value, float)
            else f"  {key:<26} {value}"
        )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of the process: {rss:.1f} MB  (budget < 300 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
