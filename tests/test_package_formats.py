"""Every package format a district reads (tests/data/packages/formats): formats 1 and 2
(tally format 1: "?", "-" and the scheme's own unknown codes) are still accepted and come
out in today's codes, equal to a format 3 package of the same records; a package whose
tally is of the other format is refused."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from app import errors
from app.crypto import signing
from app.district import registry as reg
from app.district import verify
from app.district.intake import Intake
from app.exchange import package
from app.scheme import model as scheme_model
from app.scheme.trust import load_verified, shipped_schemes, trusted_keys
from app.stats import codes

KEYS = Path(__file__).parent / "data" / "packages"
HERE = KEYS / "formats"
EXPECTED = json.loads((HERE / "expected.json").read_text())
NOW = dt.datetime(2025, 4, 10, 10, 0)
OLD_CODES = {"?", "-", "AUNK", "UNK", "KUNK", "U"}


def _bytes(name: str) -> bytes:
    return (HERE / f"{name}.fallzahl.age").read_bytes()


def _open(name: str) -> package.Verified:
    pub = (KEYS / "test-office.pub").read_bytes()
    return package.open_package(
        _bytes(name), [(KEYS / "test-district.age").read_text()], {signing.key_id(pub): pub}
    )


@pytest.fixture(scope="module")
def known() -> verify.Known:
    schemes = {}
    for doc, sig in shipped_schemes():
        s = load_verified(doc, sig, trusted_keys(), None, None, check_dates=False)
        schemes[(s.id, s.version)] = (scheme_model.digest(doc), s)
    pub = (KEYS / "test-office.pub").read_bytes()
    registry, _kid = reg.enrol(reg.Registry(), "HZ-TEST-01", "Test", pub, dt.date(2025, 1, 1))
    text = (KEYS / "test-district.age").read_text()
    identity = next(x for x in text.splitlines() if x.startswith("AGE-SECRET-KEY-"))
    return verify.Known(identity=identity, registry=registry, schemes=schemes)


def test_every_vector_has_an_expectation():
    assert {p.name.removesuffix(".fallzahl.age") for p in HERE.glob("*.fallzahl.age")} == set(
        EXPECTED
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_office_tools(name):
    error, fragment = EXPECTED[name]
    if error is None:
        assert _open(name).manifest.office_id == "HZ-TEST-01"
        return
    with pytest.raises(errors.PackageRefused) as info:
        _open(name)
    assert type(info.value).__name__ == error
    assert fragment in info.value.en, info.value.en
    assert info.value.de


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_district(name, known):
    error, _fragment = EXPECTED[name]
    if error is None:
        got = verify.verify(_bytes(name), known, Intake(), NOW, f"{name}.fallzahl.age")
        assert got.package.office_id == "HZ-TEST-01"
        return
    with pytest.raises(errors.ImportDamaged):
        verify.verify(_bytes(name), known, Intake(), NOW, f"{name}.fallzahl.age")


@pytest.mark.parametrize(
    ("old", "new"), [("format1_v1", "format3_v1"), ("format2_v2", "format3_v2")]
)
def test_older_formats_read_in_todays_codes(old, new, known):
    """The same records sent in an older format and in format 3 give the same tally."""
    got_old = verify.verify(_bytes(old), known, Intake(), NOW).tally
    got_new = verify.verify(_bytes(new), known, Intake(), NOW).tally
    assert got_old == got_new
    used = {c for r in got_new.rows for _, c in r.dims}
    assert not used & OLD_CODES
    assert {codes.NOT_RECORDED, codes.UNKNOWN} <= used
    if new.endswith("v2"):
        assert codes.NOT_ASKED in used
    # the file itself kept its format: tally format 1 with "?" and the scheme's codes
    raw = package.decrypt_package(_bytes(old), [known.identity])
    files = package.read_zip(raw)
    assert files["tallies.json"].startswith(b'{"format":"fallzahl-tally/1"')
    assert b'"?"' in files["tallies.json"] and b'"AUNK"' in files["tallies.json"]


def test_package_files_of_every_version_are_found(tmp_path):
    """A folder import takes .fallzahl-package and the names of earlier versions."""
    from app.cli import opened
    from app.district.desk import package_files

    names = ["A_2025-Q1_3.fallzahl-package", "A_2025-Q1_2.fallzahl.age", "A_2025-Q1_1.age"]
    for name in [*names, "notes.txt", "A_2025-Q1_3.fallzahl-receipt"]:
        (tmp_path / name).write_bytes(b"x")
    assert sorted(p.name for p in package_files([tmp_path])) == sorted(names)
    assert {opened.kind(tmp_path / n) for n in names} == {opened.PACKAGE}
    assert package.file_name("A", "2025-Q1", 3) == names[0]
