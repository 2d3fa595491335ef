"""The district's refusal for the packages in tests/data/packages, one table row each.

district.json holds the table: the file, the packages the desk accepted before it
("given"), the moment of the import ("now", default ten days after 2025-Q1), the registry
("registry": HZ-TEST-01's key revoked or replaced on 2025-02-01) and the refusal (class in
app/errors.py and a fragment of the English message), or null for accepted. verify.verify
is pure, so the table runs on bytes and values alone: no vault, no file but the vectors.
"""

from __future__ import annotations

import builtins
import datetime as dt
import json
import socket
from pathlib import Path

import pytest

from app import errors
from app.crypto import signing
from app.district import registry as reg
from app.district import verify
from app.district.intake import Intake
from app.scheme import model as scheme_model
from app.scheme.trust import load_verified, shipped_scheme, trusted_keys

HERE = Path(__file__).parent / "data" / "packages"
TABLE = json.loads((HERE / "district.json").read_text())
NOW = dt.datetime(2025, 4, 10, 10, 0)
ENROLLED, ENDED = dt.date(2025, 1, 1), dt.date(2025, 2, 1)


def _registry(kind: str | None) -> reg.Registry:
    pub = (HERE / "test-office.pub").read_bytes()
    r, kid = reg.enrol(reg.Registry(), "HZ-TEST-01", "Test", pub, ENROLLED)
    r, _ = reg.enrol(r, "HZ-OTHER-01", "Andere", (HERE / "other-office.pub").read_bytes(), ENROLLED)
    if kind == "revoked":
        r = reg.revoke_key(r, "HZ-TEST-01", kid, ENDED)
    elif kind == "replaced":
        r, _ = reg.enrol(r, "HZ-TEST-01", "Test", signing.generate_keypair()[1], ENDED)
    return r


@pytest.fixture(scope="module")
def schemes():
    doc, sig = shipped_scheme()
    scheme = load_verified(doc, sig, trusted_keys(), None, None, check_dates=False)
    return {(scheme.id, scheme.version): (scheme_model.digest(doc), scheme)}


def _known(schemes, kind: str | None = None) -> verify.Known:
    text = (HERE / "test-district.age").read_text()
    identity = next(x for x in text.splitlines() if x.startswith("AGE-SECRET-KEY-"))
    return verify.Known(identity=identity, registry=_registry(kind), schemes=schemes)


def _bytes(name: str) -> bytes:
    return (HERE / f"{name}.fallzahl.age").read_bytes()


def _row_id(row) -> str:
    given = f"after {'+'.join(row['given'])}" if row.get("given") else ""
    extra = " ".join(x for x in (given, row.get("registry", ""), row.get("now", "")) if x)
    return f"{row['file']} {extra}".strip()


def test_every_vector_is_in_the_table():
    assert {p.name.removesuffix(".fallzahl.age") for p in HERE.glob("*.fallzahl.age")} <= {
        row["file"] for row in TABLE
    } | {g for row in TABLE for g in row.get("given", [])}


def test_every_import_refusal_has_a_row():
    """One row at least per ImportRefused subclass in app/errors.py, named by the row."""
    classes = {c.__name__ for c in errors.ImportRefused.__subclasses__()}
    named = {row["refusal"][0] for row in TABLE if row["refusal"]}
    assert classes <= named, classes - named


@pytest.mark.parametrize("row", TABLE, ids=[_row_id(r) for r in TABLE])
def test_row(row, schemes):
    known = _known(schemes, row.get("registry"))
    now = dt.datetime.fromisoformat(row["now"]) if "now" in row else NOW
    intake = Intake()
    for name in row.get("given", []):
        intake = verify.verify(_bytes(name), known, intake, now, f"{name}.fallzahl.age").intake
    before = intake
    if row["refusal"] is None:
        got = verify.verify(_bytes(row["file"]), known, intake, now, "x.fallzahl.age")
        assert got.package.office_id == "HZ-TEST-01" and got.intake.find(got.package.sha256)
        assert got.intake.last_sequence["HZ-TEST-01"] == got.package.sequence
        assert got.tally.period.label == got.package.period
        return
    with pytest.raises(errors.ImportRefused) as info:
        verify.verify(_bytes(row["file"]), known, intake, now, f"{row['file']}.fallzahl.age")
    error, fragment = row["refusal"]
    assert type(info.value).__name__ == error
    assert fragment in info.value.en, info.value.en
    assert info.value.de and info.value.de != info.value.en
    assert intake == before  # a refusal changes nothing


def test_a_format_1_package_is_read_in_todays_codes(schemes):
    """The vectors are package format 1 ("?" and the scheme's unknown codes in tallies.json):
    accepted, their tally in the codes of app/stats/codes.py."""
    got = verify.verify(_bytes("valid"), _known(schemes), Intake(), NOW).tally
    used = {c for r in got.rows for _, c in r.dims}
    assert {"_X", "_U"} <= used and not used & {"?", "-", "AUNK", "UNK", "KUNK", "U"}


def test_a_correction_supersedes_and_keeps_the_history(schemes):
    known = _known(schemes)
    first = verify.verify(_bytes("valid"), known, Intake(), NOW)
    second = verify.verify(_bytes("correction"), known, first.intake, NOW)
    assert second.package.supersedes == first.package.sha256
    (old, new) = second.intake.history("HZ-TEST-01", "2025-Q1")
    assert (old.superseded_by, new.superseded_by) == (new.sha256, None)
    assert second.intake.current()[("HZ-TEST-01", "2025-Q1")] == new


def test_verify_touches_no_file_and_no_network(schemes, monkeypatch):
    """Pure: with open() and sockets gone, verify still decides (bytes read beforehand)."""
    known = _known(schemes)
    data = {name: _bytes(name) for name in ("valid", "unenrolled_bomb", "unknown_code")}

    def refuse(*_args, **_kwargs):
        raise AssertionError("verify did I/O")

    monkeypatch.setattr(builtins, "open", refuse)
    monkeypatch.setattr(socket, "socket", refuse)
    assert verify.verify(data["valid"], known, Intake(), NOW).package.sequence == 1
    with pytest.raises(errors.ImportUnsafe):
        verify.verify(data["unenrolled_bomb"], known, Intake(), NOW)
    with pytest.raises(errors.ImportNotInScheme):
        verify.verify(data["unknown_code"], known, Intake(), NOW)


def test_order_key_reads_only_the_manifest(schemes):
    known = _known(schemes)
    assert verify.order_key(_bytes("q2_sequence_2"), known.identity) == ("HZ-TEST-01", 2)
    assert verify.order_key(_bytes("unenrolled_bomb"), known.identity) == ("", 0)
    assert verify.order_key(_bytes("garbage"), known.identity) == ("", 0)
    assert verify.order_key(_bytes("deep_manifest"), known.identity) == ("", 0)
