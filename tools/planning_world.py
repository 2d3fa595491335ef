"""A demo district for the planning screenshots and a look by hand: six offices with a demo
year (2025) each, staff capacity recorded, every quarter exported and read in at a district
desk with the demo keys, the demo population table imported.

    python -m tools.planning_world FOLDER     builds it (district vault: FOLDER/desk, user
                                              "planung", passphrase below; offices FOLDER/HZ-*)
"""

from __future__ import annotations

import sys
from pathlib import Path

PASS = "richtig-langes-passwort"
OFFICES = ("HZ-HBS-01", "HZ-QLB-01", "HZ-WR-01", "HZ-BLK-01", "HZ-THA-01", "HZ-OSW-01")
STAFF = {
    "HZ-HBS-01": {"EB": 2.5, "SCHWANGER": 1.5, "SCHKONF": 0.5, "SCHULD": 2.0, "SUCHT": 1.5},
    "HZ-QLB-01": {"EB": 1.5, "SCHWANGER": 1.0, "SCHULD": 1.0, "EFL": 1.0},
    "HZ-WR-01": {"EB": 2.0, "SCHWANGER": 1.0, "SUCHT": 1.5, "CLEAR": 0.5},
    "HZ-BLK-01": {"EB": 1.0, "SCHULD": 0.75},
    "HZ-THA-01": {"EFL": 0.75, "SUCHT": 0.5},
    "HZ-OSW-01": {"EB": 0.5},
}


def build(root: Path, cases: int = 160):
    from app.crypto.kdf import KdfParams
    from app.district import desk as district
    from app.district.population import demo_population_file, import_population
    from app.district.targets import set_targets
    from app.office import staffing
    from app.records.periods import quarter
    from tests.support.district_world import YEAR, Office, make_district, on_time

    kdf = KdfParams(memory_kib=1024, iterations=1, lanes=1)
    root.mkdir(parents=True, exist_ok=True)
    out = root / "packages"
    out.mkdir(exist_ok=True)
    vault, desk = make_district(root / "desk", kdf)
    for seed, oid in enumerate(OFFICES):
        office = Office(root, oid, seed + 11, kdf, cases=cases)
        for q in (1, 2, 3, 4):
            staffing.record(office.session, quarter(YEAR, q), STAFF[oid])
        district.enrol(desk, oid, f"Beratungsstelle {oid[3:6]}", office.public_key)
        for q in (1, 2, 3, 4):
            path, _sha = office.export(q, out)
            got = district.import_paths(desk, [path], now=on_time(q))
            assert got[0].accepted, got[0].error
        office.close()
    import_population(desk, demo_population_file())
    set_targets(desk, {"SCHULD": 1.6})
    return vault, desk


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    v, d = build(Path(sys.argv[1]))
    d.close()
    v.close()
