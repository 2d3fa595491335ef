"""Shared helpers for the benchmarks: timing, a fast-KDF vault, demo data."""

from __future__ import annotations

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
    vault, _ = Vault.create(folder, user="bench", passphrase=PASS, kdf=BENCH_KDF)
    return vault, vault.unlock("bench", PASS)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"
