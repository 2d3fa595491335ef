"""Using the scheme: multi-problem rule, mappings across versions, vault storage, CLI verbs."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from app import lang
from app.cli import scheme as cli_scheme
from app.errors import NotAllowed, NotFound, SchemeRollback, SchemeUntrustedKey
from app.records.rules import classify
from app.resources import resource_path
from app.scheme import model as scheme_model
from app.scheme import store as scheme_store
from app.scheme.mapping import mapper
from app.scheme.trust import shipped_scheme, validate_document

HARZ = validate_document(shipped_scheme()[0])
DEMO_KEY = resource_path("demo", "district-demo.key").read_bytes()


@pytest.mark.parametrize(
    ("codes", "domains", "cls", "multi"),
    [
        ([], 0, "0", False),
        (["FIN_ALO"], 1, "1", False),
        (["GES_F10", "GES_F12", "GES_F630", "GES_PSYCH"], 1, "1", False),  # one domain
        (["FIN_ALO", "FIN_ALO"], 1, "1", False),  # duplicates count once
        (["FIN_ALO", "WOHN_DROH"], 2, "2", False),
        (["FIN_ALO", "WOHN_DROH", "GES_F10"], 3, "3", True),
        (["FIN_ALO", "WOHN_DROH", "GES_F10", "PART_GEWALT"], 4, "4+", True),
        (["FIN_ALO", "ARB_LOS", "WOHN_LOS", "GES_F10", "PART_TRENN", "KIND_ENTW"], 6, "4+", True),
        (["NOPE", "FIN"], 0, "0", False),  # unknown codes and domain codes are not problems
        (["NOPE", "FIN_ALO", "TEIL_ISOL", "SCHW_NACH"], 3, "3", True),
    ],
)
def test_multi_problem_rule(codes: list[str], domains: int, cls: str, multi: bool) -> None:
    result = classify(codes, HARZ)
    assert (result.domains, result.cls, result.is_multi) == (domains, cls, multi)


# --- mappings: v1 records tallied under v2 and v3 ------------------------------------------


def build_version(base: dict[str, Any], version: int, change: Any) -> bytes:
    doc = json.loads(json.dumps(base))
    doc["version"] = version
    change(doc)
    return (json.dumps(doc, indent=1, ensure_ascii=False) + "\n").encode()


def dim(doc: dict[str, Any], dim_id: str) -> dict[str, Any]:
    return next(d for d in doc["dimensions"] if d["id"] == dim_id)


def v2_change(doc: dict[str, Any]) -> None:
    problems = dim(doc, "problem")["codes"]
    by_code = {c["code"]: c for c in problems}
    # renamed: GES_MEDIEN -> GES_ONLINE
    by_code["GES_MEDIEN"]["code"] = "GES_ONLINE"
    # merged: the two housing codes -> WOHN_NOT
    wohn = dict(by_code["WOHN_DROH"], code="WOHN_NOT", label_de="Wohnungsnot")
    problems[:] = [c for c in problems if c["code"] not in ("WOHN_DROH", "WOHN_LOS")] + [wohn]
    # split: referral ARZT -> ARZT_PRAXIS (first: counts go here) and KLINIK
    ref = dim(doc, "referral")["codes"]
    arzt = next(c for c in ref if c["code"] == "ARZT")
    arzt["code"] = "ARZT_PRAXIS"
    ref.append(dict(arzt, code="KLINIK", label_de="Klinik"))
    doc["mappings"] = [
        {"from_version": 1, "dimension": "problem", "kind": "renamed",
         "source": ["GES_MEDIEN"], "target": ["GES_ONLINE"]},
        {"from_version": 1, "dimension": "problem", "kind": "merged",
         "source": ["WOHN_DROH", "WOHN_LOS"], "target": ["WOHN_NOT"]},
        {"from_version": 1, "dimension": "referral", "kind": "split",
         "source": ["ARZT"], "target": ["ARZT_PRAXIS", "KLINIK"]},
    ]  # fmt: skip


def test_v1_records_tallied_under_v2() -> None:
    base = json.loads(shipped_scheme()[0])
    v2 = validate_document(build_version(base, 2, v2_change))
    to_v2 = mapper(v2)
    v1_records = [
        ("problem", "GES_MEDIEN"),
        ("problem", "WOHN_DROH"),
        ("problem", "WOHN_LOS"),
        ("problem", "WOHN_LOS"),
        ("problem", "FIN_ALO"),
        ("referral", "ARZT"),
        ("referral", "SELF"),
    ]
    tally = Counter((d, to_v2(d, c, 1)) for d, c in v1_records)
    assert tally == {
        ("problem", "GES_ONLINE"): 1,
        ("problem", "WOHN_NOT"): 3,
        ("problem", "FIN_ALO"): 1,
        ("referral", "ARZT_PRAXIS"): 1,
        ("referral", "SELF"): 1,
    }
    assert all(v2.has_code(d, c) for d, c in tally)
    # records already coded under v2 pass unchanged
    assert to_v2("problem", "WOHN_NOT", 2) == "WOHN_NOT"
    # and the multi-problem rule still counts mapped codes under the new scheme
    assert classify([to_v2("problem", "WOHN_LOS", 1), "FIN_ALO"], v2).domains == 2


def test_mappings_chain_across_versions() -> None:
    base = json.loads(shipped_scheme()[0])

    def v3_change(doc: dict[str, Any]) -> None:
        v2_change(doc)
        problems = dim(doc, "problem")["codes"]
        for c in problems:
            if c["code"] == "GES_ONLINE":
                c["code"] = "GES_DIGITAL"
        doc["mappings"].append(
            {
                "from_version": 2,
                "dimension": "problem",
                "kind": "renamed",
                "source": ["GES_ONLINE"],
                "target": ["GES_DIGITAL"],
            }  # fmt: skip
        )
        doc["mappings"][0]["target"] = ["GES_ONLINE"]  # v1 -> v2 stays as it was published

    with pytest.raises(Exception, match="target"):
        # v1 -> v2 target GES_ONLINE no longer exists in v3: the district must point it on
        validate_document(build_version(base, 3, v3_change))

    def v3_fixed(doc: dict[str, Any]) -> None:
        v3_change(doc)
        doc["mappings"][0]["target"] = ["GES_DIGITAL"]

    to_v3 = mapper(validate_document(build_version(base, 3, v3_fixed)))
    assert to_v3("problem", "GES_MEDIEN", 1) == "GES_DIGITAL"
    assert to_v3("problem", "GES_ONLINE", 2) == "GES_DIGITAL"
    assert to_v3("problem", "GES_DIGITAL", 3) == "GES_DIGITAL"


def test_mapper_without_mappings_is_identity() -> None:
    to_v1 = mapper(HARZ)
    assert to_v1("problem", "FIN_ALO", 1) == "FIN_ALO"


# --- vault-side storage with a fake session -----------------------------------------------


class FakeSession:
    def __init__(self, role: str = "lead") -> None:
        self.role = role
        self.settings: dict[str, bytes] = {}
        self.log: list[tuple[str, str]] = []

    def get_setting(self, name: str) -> bytes | None:
        return self.settings.get(name)

    def put_setting(self, name: str, value: bytes) -> None:
        self.settings[name] = value

    def audit(self, action: str, detail: str) -> None:
        self.log.append((action, detail))


def signed_v2() -> tuple[bytes, bytes]:
    doc = build_version(json.loads(shipped_scheme()[0]), 2, v2_change)
    return doc, cli_scheme.sign_scheme(doc, DEMO_KEY)


def test_active_scheme_falls_back_to_shipped() -> None:
    assert scheme_store.active_scheme(FakeSession()).version == 1


def test_import_keeps_old_versions_and_audits() -> None:
    session = FakeSession()
    doc, sig = signed_v2()
    scheme = scheme_store.import_scheme(session, doc, sig, dt.date(2026, 6, 1))
    assert scheme.version == 2
    assert scheme_store.active_scheme(session).version == 2
    assert session.settings["scheme.doc"] == doc and session.settings["scheme.sig"] == sig
    assert ("scheme imported v2", "lk-harz v2") in session.log
    assert scheme_store.scheme_for_version(session, 1).version == 1
    assert scheme_store.scheme_for_version(session, 2).version == 2
    with pytest.raises(NotFound):
        scheme_store.scheme_for_version(session, 5)
    # the shipped v1 is now a rollback
    with pytest.raises(SchemeRollback):
        scheme_store.import_scheme(session, *shipped_scheme(), dt.date(2026, 6, 1))
    # importing the same v2 again is fine
    assert scheme_store.import_scheme(session, doc, sig, dt.date(2026, 6, 1)).version == 2


def test_import_lead_only() -> None:
    with pytest.raises(NotAllowed):
        scheme_store.import_scheme(FakeSession("counsellor"), *signed_v2())


# --- CLI verbs ---------------------------------------------------------------------------


def run(argv: list[str], **extra: Any) -> int:
    parser = argparse.ArgumentParser()
    cli_scheme.register(parser.add_subparsers(dest="verb", required=True))
    args = parser.parse_args(argv)
    for k, v in extra.items():
        setattr(args, k, v)
    return int(args.handler(args))


def test_cli_keygen_sign_verify_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    prefix = tmp_path / "district"
    assert run(["scheme", "keygen", "--out", str(prefix)]) == 0
    doc_path = tmp_path / "scheme.json"
    doc_path.write_bytes(shipped_scheme()[0])
    assert run(["scheme", "sign", str(doc_path), "--key", f"{prefix}.key", "--bump"]) == 0
    assert scheme_model.parse(doc_path.read_bytes()).version == 2
    assert (tmp_path / "scheme.json.minisig").exists()
    # not trusted by the shipped anchors, trusted with --trusted
    with pytest.raises(SchemeUntrustedKey):
        run(["scheme", "verify", str(doc_path)])
    assert run(["scheme", "verify", str(doc_path), "--trusted", f"{prefix}.pub"]) == 0
    assert "OK: lk-harz v2" in capsys.readouterr().out
    with pytest.raises(SchemeUntrustedKey):
        run(["scheme", "import", str(doc_path)], open_session=FakeSession)


def test_cli_show(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lang, "_current", "de")
    assert run(["scheme", "show"]) == 0
    out = capsys.readouterr().out
    assert "Beratungsfeld (field)" in out and "VG Vorharz" in out and "Quelle:" in out
    assert run(["scheme", "show", "--lang", "en"]) == 0
    assert "Counselling field (field)" in capsys.readouterr().out
