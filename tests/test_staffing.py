"""Staff capacity: recorded by the office lead, carried in the package, kept per office at the
district and set against population and targets."""

from __future__ import annotations

import msgspec
import pytest

from app import errors
from app.district import desk as district
from app.district import indicators as ind
from app.district import staffing as district_staffing
from app.district import targets as district_targets
from app.district.population import demo_population_file, import_population
from app.exchange import package
from app.exchange import staffing as staffing_file
from app.office import staffing
from app.records.periods import quarter
from tests.support.district_world import YEAR, Office, make_district, on_time
from tests.support.passphrases import FAST_KDF


@pytest.fixture
def world(tmp_path):
    a = Office(tmp_path, "HZ-A", 1, FAST_KDF, cases=40)
    b = Office(tmp_path, "HZ-B", 2, FAST_KDF, cases=40)
    (tmp_path / "out").mkdir()
    vault, desk = make_district(tmp_path / "desk", FAST_KDF)
    for o in (a, b):
        district.enrol(desk, o.office_id, o.office_id, o.public_key)
    yield a, b, desk
    for o in (a, b):
        o.close()
    desk.close()
    vault.close()


def test_record_checks_fields_and_bounds(world):
    a, _b, _desk = world
    q1 = quarter(YEAR, 1)
    got = staffing.record(a.session, q1, {"EB": 1.504, "SCHULD": 0.0, "SCHWANGER": 0.75})
    assert got == {"EB": 1.5, "SCHWANGER": 0.75}  # zero fields are left out
    assert staffing.for_period(a.session, q1) == got
    for bad in ({"NOPE": 1.0}, {"EB": -0.5}, {"EB": 51.0}, {"EB": True}):
        with pytest.raises(errors.StaffingRefused):
            staffing.record(a.session, q1, bad)
    assert staffing.for_period(a.session, q1) == got
    staffing.record(a.session, q1, {})
    assert staffing.for_period(a.session, q1) == {}


def test_staffing_travels_in_the_package_and_is_kept_per_office(world, tmp_path):
    a, b, desk = world
    q1 = quarter(YEAR, 1)
    staffing.record(a.session, q1, {"SCHWANGER": 2.0, "SCHKONF": 0.5, "EB": 1.0})
    staffing.record(b.session, q1, {"SCHWANGER": 1.0, "EB": 2.0})
    path_a, _sha = a.export(1, tmp_path / "out")
    path_b, _sha = b.export(1, tmp_path / "out")
    zipped = package.decrypt_package(path_a.read_bytes(), [district.age_identity(desk)])
    files = package.read_zip(zipped)
    manifest = msgspec.json.decode(files["manifest.json"])
    assert "staffing.json" in {f["name"] for f in manifest["files"]}
    assert msgspec.json.decode(files["staffing.json"])["fte"] == {
        "EB": 1.0, "SCHKONF": 0.5, "SCHWANGER": 2.0,
    }  # fmt: skip
    for o in district.import_paths(desk, [path_a, path_b], now=on_time(1)):
        assert o.accepted, o.error
    current = district.intake(desk).current()
    assert district_staffing.by_office(desk, q1, current) == {
        "HZ-A": {q1.label: {"EB": 1.0, "SCHKONF": 0.5, "SCHWANGER": 2.0}},
        "HZ-B": {q1.label: {"EB": 2.0, "SCHWANGER": 1.0}},
    }
    assert district_staffing.district_fte(desk, q1, current) == {
        "EB": 3.0, "SCHKONF": 0.5, "SCHWANGER": 3.0,
    }  # fmt: skip
    # the year: posts are a stock, so the mean over its four quarters (only Q1 reported)
    from app.records.periods import year

    assert district_staffing.district_fte(desk, year(YEAR), current)["EB"] == 0.75
    import_population(desk, demo_population_file())
    district_targets.set_targets(desk, {"EB": 1.0})
    got = {s.field: s for s in ind.indicators(desk, q1.label).staffing}
    assert got["SCHKG"].fte == 3.5
    assert got["SCHKG"].per_base == pytest.approx(3.5 * 40_000 / 208_804)
    assert got["EB"].target == 1.0 and got["EB"].needed_fte == pytest.approx(208_804 / 40_000)


def test_a_package_without_staffing_is_accepted(world, tmp_path):
    a, _b, desk = world
    path, _sha = a.export(1, tmp_path / "out")
    assert district.import_paths(desk, [path], now=on_time(1))[0].accepted
    assert (
        district_staffing.district_fte(desk, quarter(YEAR, 1), district.intake(desk).current())
        == {}
    )


def test_signed_but_invalid_staffing_is_refused(world, tmp_path):
    """A staffing.json that the signature covers but that breaks the format: refused."""
    a, _b, desk = world
    q1 = quarter(YEAR, 1)
    bad = {q1.label: {"EB": 99.0}}  # beyond the bounds, written around record()
    a.session.put_setting(staffing.STAFFING.key, msgspec.json.encode(bad))
    path, _sha = a.export(1, tmp_path / "out")
    got = district.import_paths(desk, [path], now=on_time(1))[0]
    assert isinstance(got.error, errors.ImportDamaged)
    assert "zwischen 0 und 50" in got.error.message("de")
    assert district.intake(desk).packages == ()


def test_staffing_file_checks_office_and_period():
    data = staffing_file.encode(staffing_file.Staffing(office_id="X", period="2025-Q1", fte={}))
    with pytest.raises(errors.StaffingRefused):
        staffing_file.decode(data, {"EB"}, office_id="Y", period="2025-Q1")
    with pytest.raises(errors.StaffingRefused):
        staffing_file.decode(b"{", {"EB"}, office_id="X", period="2025-Q1")
    assert staffing_file.decode(data, {"EB"}, office_id="X", period="2025-Q1").fte == {}


def test_targets_are_bounded(world):
    _a, _b, desk = world
    assert district_targets.targets(desk) == {}
    with pytest.raises(errors.StaffingRefused):
        district_targets.set_targets(desk, {"EB": 11.0})
    with pytest.raises(errors.StaffingRefused):
        district_targets.set_targets(desk, {"XX": 1.0})
    assert district_targets.set_targets(desk, {"SCHKG": 1.2, "EB": 0}) == {"SCHKG": 1.2}
