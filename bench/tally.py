"""Tally a year of a large office (20,000 cases, 100,000 contacts) and print the figures.

Budget (DESIGN.md): from the vault under 0.5 s in all and at most 2x the same aggregation
over the same records unencrypted. Until the vault lands, the records are decoded from
msgpack bytes (as the store will hand them over, so every string is a fresh object, as
after real decryption) and ``run`` times the pure tally. The vault bench can call
``run(cases, contacts, scheme)`` with records it decrypted itself.

    /work/main/.venv/bin/python -m bench.tally [--cases N] [--year YYYY] [--repeat R]
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

from app import demo
from app import scheme as scheme_mod
from app.disclosure import suppress_long
from app.periods import parse_period
from app.records import Case, Contact
from app.tally import tally
from app.tally_io import from_json, to_csv, to_json

ROOT = Path(__file__).resolve().parent.parent
SCHEME = ROOT / "tests" / "fixtures" / "scheme_min.json"


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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=20_000)
    ap.add_argument("--year", type=int, default=2026)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    scheme = scheme_mod.parse(SCHEME.read_bytes())

    start = time.perf_counter()
    cases, contacts = demo.generate(scheme, args.cases, args.year)
    gen = time.perf_counter() - start
    # Hand the records over as the store will: decoded from bytes (fresh objects).
    case_bytes = [msgspec.msgpack.encode(c) for c in cases]
    contact_bytes = [msgspec.msgpack.encode(k) for k in contacts]
    dec_case = msgspec.msgpack.Decoder(Case)
    dec_contact = msgspec.msgpack.Decoder(Contact)
    start = time.perf_counter()
    cases = [dec_case.decode(b) for b in case_bytes]
    contacts = [dec_contact.decode(b) for b in contact_bytes]
    decode = time.perf_counter() - start
    del case_bytes, contact_bytes

    figures = run(cases, contacts, scheme, period=str(args.year), repeat=args.repeat)
    print(f"records: {len(cases):,} cases, {len(contacts):,} contacts (scheme {scheme.id})")
    print(f"demo.generate:             {gen:8.3f} s")
    print(f"decode (msgspec, per rec): {decode:8.3f} s")
    for key, value in figures.items():
        unit = "" if key == "rows" or key.endswith("MB") else " s"
        print(
            f"{key:<26} {value:8.3f}{unit}" if isinstance(value, float) else f"{key:<26} {value:8}"
        )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of the process:   {rss:8.1f} MB")
    budget = 0.15
    print(
        f"tally vs 0.15 s aim: {figures['tally_year_best_s'] / budget:.2f}x "
        f"({'within' if figures['tally_year_best_s'] <= budget else 'OVER'})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
