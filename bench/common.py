"""Shared helpers for the benchmarks: timing, a fast-KDF vault, demo data."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from app.crypto.kdf import KdfParams
from app.vault.vault import Vault

# Benchmarks measure storage and decoding, not Argon2id: cheap parameters.
BENCH_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)
PASS = "benchmark-passphrase"


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def summary(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.95) - 1]


def new_vault(folder: Path):
    """A new vault on the shipped scheme; FALLZAHL_BENCH_SCHEME=v2 records under the Harz
    scheme version 2 instead (its items filled by the demo), to measure the larger records."""
    vault, _ = Vault.create(folder, user="bench", passphrase=PASS, kdf=BENCH_KDF)
    session = vault.unlock("bench", PASS)
    if os.environ.get("FALLZAHL_BENCH_SCHEME") == "v2":  # imported: a reopened vault has it
        import datetime as dt

        from app.resources import resource_path
        from app.scheme.store import import_scheme

        path = resource_path("schemes", "lk-harz-v2.json")
        sig = path.with_name(path.name + ".minisig").read_bytes()
        import_scheme(session, path.read_bytes(), sig, today=dt.date(2027, 1, 4))
    return vault, session


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"
