"""Tallies and a district report from demo data of the shipped Harz scheme, made without
vaults (fast): what the ADX, SDMX and workbook tests write and check."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from app.district import report as district_report
from app.office import demo
from app.records.periods import quarter
from app.scheme import model as scheme_model
from app.stats.tally import Tally, tally

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = Path("/work/shared/reference")
OFFICES = ("HZ-QLB-01", "HZ-WR-01", "HZ-HBS-01")
YEAR = 2025
NOW = dt.datetime(2026, 4, 20, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))


@cache
def scheme() -> scheme_model.Scheme:
    return scheme_model.parse((ROOT / "resources/schemes/lk-harz-v1.json").read_bytes())


@cache
def office_tallies() -> dict[str, dict[str, Tally]]:
    out: dict[str, dict[str, Tally]] = {}
    for seed, office in enumerate(OFFICES):
        # Small offices, so that disclosure control has cells to hide.
        cases, contacts = demo.generate(scheme(), 40 + 30 * seed, YEAR, seed=seed + 1)
        out[office] = {
            quarter(YEAR, q).label: tally(scheme(), cases, contacts, quarter(YEAR, q))
            for q in range(1, 5)
        }
    return out


@cache
def district(period_label: str = f"{YEAR}-Q1") -> district_report.DistrictReport:
    from app.records.periods import parse_period

    return district_report.build(
        "Landkreis Harz", scheme(), parse_period(period_label), office_tallies(), OFFICES, NOW
    )
