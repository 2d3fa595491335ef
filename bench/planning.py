"""The district's planning overview and map for 100 offices x 12 quarters (budgets: the
overview draws in under 1 s after import, the map redraws in under 200 ms).

The desk is filled as an import leaves it, without decrypting 1,200 packages: for a few
demo offices, one tally per quarter of three years (app.office.demo, app.stats.tally) is
stored under a package id per office and quarter with its intake entry and staffing, and
the session's tally cache is primed as the importer primes it. Then the overview is built and
drawn for the last quarter (indicators: merge, disclosure, rates, trends over 12 quarters;
six charts with tables, key figures), and the map is recoloured and redrawn for each
indicator. Run by bench/district.py (after its import part) or alone:

    QT_QPA_PLATFORM=offscreen /work/main/.venv/bin/python bench/planning.py [--offices 100]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import msgspec  # noqa: E402

from app.crypto.kdf import KdfParams  # noqa: E402

FAST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)
YEARS = (2023, 2024, 2025)
VARIANTS = 4


def fill_desk(desk, n_offices: int) -> None:
    """Intake, tallies and staffing of ``n_offices`` x 12 quarters, as after an import."""
    from app.district import desk as district
    from app.district import staffing
    from app.district.intake import Intake, Received
    from app.district.population import demo_population_file, import_population
    from app.exchange import staffing as staffing_file
    from app.office import demo
    from app.records.periods import quarter
    from app.stats.tally import tally
    from app.stats.tally_io import to_json

    scheme = desk.scheme
    variants = []
    for v in range(VARIANTS):
        per_quarter = {}
        for y in YEARS:
            cases, contacts = demo.generate(scheme, 150, y, seed=100 + v)
            for n in range(1, 5):
                q = quarter(y, n)
                per_quarter[q.label] = (q, tally(scheme, cases, contacts, q))
        variants.append(per_quarter)
    received = []
    with desk.store.transaction():
        for i in range(n_offices):
            oid = f"HZ-{i:03d}"
            for seq, (label, (q, t)) in enumerate(sorted(variants[i % VARIANTS].items()), 1):
                sha = hashlib.sha256(f"{oid} {label}".encode()).hexdigest()
                desk.put_setting(f"district.tally.{sha}", to_json(t))
                staffed = staffing_file.Staffing(office_id=oid, period=label,
                                                 fte={"EB": 1.0, "SCHWANGER": 0.5})  # fmt: skip
                staffing.keep(desk, sha, staffing_file.encode(staffed))
                district._remember(desk, sha, t)  # the importer's cache
                received.append(Received(
                    sha256=sha, office_id=oid, period=label, period_start=q.start,
                    period_end=q.end, sequence=seq, supersedes=None,
                    received_at=dt.datetime.combine(q.end, dt.time(9)), key_id="BENCH",
                    scheme_id=scheme.id, scheme_version=scheme.version,
                ))  # fmt: skip
        intake = Intake(packages=tuple(received),
                        last_sequence={f"HZ-{i:03d}": 12 for i in range(n_offices)})  # fmt: skip
        desk.put_setting(district.INTAKE, msgspec.json.encode(intake))
    import_population(desk, demo_population_file())


def planning_bench(n_offices: int = 100) -> tuple[float, float]:
    """Print and return (overview draw seconds, slowest map redraw seconds)."""
    from PySide6.QtWidgets import QApplication

    from tests.support.district_world import make_district

    app = QApplication.instance() or QApplication([])
    work = Path(tempfile.mkdtemp())
    try:
        vault, desk = make_district(work / "desk", FAST_KDF)
        t = time.perf_counter()
        fill_desk(desk, n_offices)
        print(
            f"planning: filled {n_offices} offices x 12 quarters in {time.perf_counter() - t:.1f} s"
        )
        from ui.district_overview import DistrictOverview

        t0 = time.perf_counter()
        overview = DistrictOverview(desk)  # builds and computes the newest period (2025-Q4)
        overview.resize(1280, 860)
        overview.show()
        overview.grab()  # drawn
        app.processEvents()
        t1 = time.perf_counter()
        assert overview.indicators is not None and overview.period_box.currentData() == "2025-Q4"
        assert len(overview.indicators.trend_quarters) == 8
        draw = t1 - t0
        print(f"overview of {n_offices} offices x 12 quarters drawn in {draw * 1000:.0f} ms "
              f"after import (budget 1 s, ratio {draw:.2f})")  # fmt: skip
        overview.tabs.setCurrentIndex(1)
        panel = overview.map_panel
        panel.view.resize(800, 600)
        times = []
        for i in range(panel.indicator_box.count()):
            t2 = time.perf_counter()
            panel.indicator_box.setCurrentIndex(i)  # recolour, table, legend
            panel.view.grab()  # paint
            times.append(time.perf_counter() - t2)
        worst = max(times)
        print(f"map redraw ({panel.indicator_box.count()} indicators, {len(panel.picture.paths)} "
              f"shapes): slowest {worst * 1000:.1f} ms (budget 200 ms, ratio {worst / 0.2:.2f})")  # fmt: skip
        overview.close()
        desk.close()
        vault.close()
        return draw, worst
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--offices", type=int, default=100)
    planning_bench(parser.parse_args().offices)
