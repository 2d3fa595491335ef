"""The folder of damaged and tampered packages: each must be refused with its own error
by the office's tools (``package verify``); the district's refusals: test_district_vectors.py."""

from __future__ import annotations

import json
import struct
import zipfile
from pathlib import Path

import pytest

from app import errors
from app.crypto import signing
from app.exchange import package

HERE = Path(__file__).parent / "data" / "packages"
EXPECTED = json.loads((HERE / "expected.json").read_text())


def _open(name: str):
    pub = (HERE / "test-office.pub").read_bytes()
    return package.open_package(
        (HERE / f"{name}.fallzahl.age").read_bytes(),
        [(HERE / "test-district.age").read_text()],
        {signing.key_id(pub): pub},
    )


def test_every_vector_has_an_expectation():
    assert {p.name.removesuffix(".fallzahl.age") for p in HERE.glob("*.fallzahl.age")} == set(
        EXPECTED
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_vector(name):
    error, fragment = EXPECTED[name]
    if error is None:
        assert _open(name).manifest.office_id == "HZ-TEST-01"
        return
    with pytest.raises(errors.PackageRefused) as info:
        _open(name)
    assert type(info.value).__name__ == error
    assert fragment in info.value.en
    assert info.value.de


def test_a_zip64_locator_is_refused_before_zipfile_follows_it():
    """zipfile takes the entry count and directory size from a ZIP64 record when a locator
    sits before the end record, whatever the end record says: refused from the bytes."""
    good = package.decrypt_package(
        (HERE / "valid.fallzahl.age").read_bytes(), [(HERE / "test-district.age").read_text()]
    )
    locator = struct.pack(zipfile.structEndArchive64Locator, zipfile.stringEndArchive64Locator,
                          0, len(good), 1)  # fmt: skip
    with pytest.raises(errors.PackageUnsafe) as info:
        package.open_zip(good[:-22] + locator + good[-22:])
    assert "ZIP64 archive" in info.value.en
    package.open_zip(good)  # the control
