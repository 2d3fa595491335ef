"""Import and merge 100 offices x 4 quarters at the district desk (budget: under 10 s).

Packages are generated once (cached in bench/.cache/district): a few real office vaults
with demo data; each signs packages for many enrolled office ids with its own key (a
package names its office in the signed manifest, so 400 distinct packages need only a
few keys). Prints the import time, the merge/report time and the total, and the time and
peak memory to refuse a hostile package (budget: under 1 s and 100 MB): the 1 MB file of
issue 12, from an unenrolled office, whose manifest.json inflates to 1 GB.

    /work/main/.venv/bin/python bench/district.py [--offices 100]
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

import msgspec  # noqa: E402

from app.crypto.kdf import KdfParams  # noqa: E402
from app.district import desk as district  # noqa: E402
from app.district.report import report  # noqa: E402
from app.office import export  # noqa: E402
from app.office import info as office  # noqa: E402

FAST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)
KEYS = 4  # real office vaults whose keys sign for all the office ids


def generate(cache: Path, n_offices: int) -> None:
    from tests.support.district_world import Office

    cache.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp())
    pubs = {}
    try:
        signers = [Office(work, f"KEY-{k}", k, FAST_KDF, cases=150) for k in range(KEYS)]
        for i in range(n_offices):
            o = signers[i % KEYS]
            oid = f"HZ-{i:03d}"
            # the same vault, renamed: its packages now name office oid and count afresh
            o.session.put_setting("office", msgspec.json.encode(
                office.OfficeInfo(office_id=oid, name=f"Stelle {i}")))  # fmt: skip
            o.session.put_setting(export.SENT, msgspec.json.encode([]))
            o.session.put_setting(export.SEQUENCE, b"0")
            for q in (1, 2, 3, 4):
                if i >= KEYS:
                    from app.office.period_close import reopen_period
                    from app.records.periods import quarter

                    reopen_period(o.session, quarter(2025, q), "bench")
                o.export(q, cache)
            pubs[oid] = o.public_key.decode()
        (cache / "keys.json").write_bytes(msgspec.json.encode(pubs))
        for o in signers:
            o.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def hostile_package(folder: Path) -> Path:
    """The issue's file, made as tests/data/packages/make.py makes its unenrolled_bomb, but
    encrypted to this desk (the demo district)."""
    from app.crypto import age
    from app.exchange import package

    path = ROOT / "tests" / "data" / "packages" / "make.py"
    spec = importlib.util.spec_from_file_location("make_packages", path)
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    bomb, crc = make.deflate_bomb(1024)
    zipped = make.raw_zip([(package.MANIFEST, bomb, crc, 1 << 30)])
    target = folder / "hostile" / "HZ-NOWHERE-01_2025-Q4_1.fallzahl-package"
    target.parent.mkdir()
    target.write_bytes(age.encrypt(zipped, [age.demo_district_recipient()]))
    return target


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--offices", type=int, default=100)
    args = parser.parse_args()
    cache = ROOT / "bench" / ".cache" / f"district-{args.offices}"
    if not (cache / "keys.json").exists():
        t = time.perf_counter()
        generate(cache, args.offices)
        print(f"generated {args.offices * 4} packages in {time.perf_counter() - t:.1f} s (cached)")
    from tests.support.district_world import make_district, on_time

    pubs = msgspec.json.decode((cache / "keys.json").read_bytes(), type=dict[str, str])
    work = Path(tempfile.mkdtemp())
    try:
        vault, desk = make_district(work / "desk", FAST_KDF)
        for oid, pub in list(pubs.items())[:KEYS]:  # one office per distinct key
            district.enrol(desk, oid, oid, pub.encode())
        # the shared keys: register every office id under its signer's key
        reg = district.registry(desk)
        by_key = {o.office_id: o for o in reg.offices}
        entries = []
        for oid, pub in pubs.items():
            first = next(
                o for o in by_key.values() if o.active_key.public_key.strip() == pub.strip()
            )
            entries.append(msgspec.structs.replace(first, office_id=oid, name=oid))
        shared = msgspec.structs.replace(reg, offices=tuple(entries))
        desk.put_setting(district.REGISTRY, msgspec.json.encode(shared))
        files = district.package_files([cache])  # every name a package may have
        t0 = time.perf_counter()
        outcomes = district.import_paths(desk, [cache], now=on_time(4, 10))
        t1 = time.perf_counter()
        refused = [o for o in outcomes if not o.accepted]
        rep_q = report(desk, "2025-Q4")
        t2 = time.perf_counter()
        report(desk, "2025")
        t3 = time.perf_counter()
        print(f"packages: {len(files)}, accepted {len(outcomes) - len(refused)}, "
              f"refused {len(refused)}")  # fmt: skip
        if refused:
            print("first refusal:", refused[0].error.message("en"))
        print(
            f"import {len(files)} packages: {t1 - t0:.2f} s ({(t1 - t0) / len(files) * 1000:.1f} ms each)"
        )
        print(f"merge + disclosure, quarter report ({len(rep_q.offices)} offices): {t2 - t1:.2f} s")
        print(f"merge + disclosure, year report: {t3 - t2:.2f} s")
        total = t3 - t0
        print(f"total import and merge: {total:.2f} s (budget 10 s, ratio {total / 10:.2f})")
        hostile = hostile_package(work)
        tracemalloc.start()
        t4 = time.perf_counter()
        (out,) = district.import_paths(desk, [hostile], now=on_time(4, 10))
        t5 = time.perf_counter()
        peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
        tracemalloc.stop()
        assert out.error is not None, "the hostile package was accepted"
        print(
            f"hostile package ({hostile.stat().st_size / 1024 / 1024:.1f} MB, manifest inflating "
            f"to 1 GB) refused as {type(out.error).__name__} in {(t5 - t4) * 1000:.0f} ms, "
            f"{peak:.1f} MB traced (budget 1 s and 100 MB, ratio {t5 - t4:.3f})"
        )
        desk.close()
        vault.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    from bench.planning import planning_bench

    planning_bench(args.offices)  # the planning overview and map (bench/planning.py)


if __name__ == "__main__":
    main()
