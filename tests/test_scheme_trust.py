"""The shipped Harz scheme, and every way a scheme is refused (table-driven)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from collections.abc import Callable
from typing import Any

import pytest

from app.cli.scheme import sign_scheme
from app.crypto import signing
from app.errors import (
    SchemeBadSignature,
    SchemeConflict,
    SchemeExpired,
    SchemeInvalid,
    SchemeNotYetValid,
    SchemeRefused,
    SchemeRollback,
    SchemeUnsigned,
    SchemeUntrustedKey,
)
from app.records.model import CASE_DIMENSIONS, CONTACT_DIMENSIONS
from app.resources import resource_path
from app.scheme import model as scheme_model
from app.scheme.trust import load_verified, shipped_scheme, trusted_keys, validate_document

TODAY = dt.date(2026, 6, 1)
DEMO_KEY = resource_path("demo", "district-demo.key").read_bytes()


def test_shipped_scheme_verifies() -> None:
    doc, sig = shipped_scheme()
    scheme = load_verified(doc, sig, trusted_keys(), TODAY, None)
    assert (scheme.id, scheme.version) == ("lk-harz", 1)
    assert scheme.district.ags == "15085"
    assert scheme.multi_problem.threshold == 3 and scheme.multi_problem.top_class == 4
    assert scheme.disclosure_threshold == 3
    assert scheme.periods.kind == "quarter" and scheme.periods.deadline_days == 30
    assert scheme.mappings == ()


def test_harz_content_is_complete() -> None:
    scheme = validate_document(shipped_scheme()[0])
    used = set(CASE_DIMENSIONS.values()) | set(CONTACT_DIMENSIONS.values())
    assert used <= {d.id for d in scheme.dimensions}
    for dim in scheme.dimensions:
        assert dim.purpose_de and dim.purpose_en
        for code in dim.codes:
            assert code.definition_de and code.definition_en, (dim.id, code.code)
            if code.check:
                assert code.code in scheme.notes_de and code.code in scheme.notes_en
    towns = [c for c in scheme.codes("municipality") if c.code.isdigit()]
    assert len(towns) == 20
    assert all(c.code.startswith("15085") for c in towns)
    assert sorted(c.label_de for c in towns if c.pool == "VG Vorharz") == [
        "Ditfurt", "Groß Quenstedt", "Harsleben", "Hedersleben",
        "Schwanebeck", "Selke-Aue", "Wegeleben",
    ]  # fmt: skip
    assert scheme.has_code("municipality", "OUT") and scheme.has_code("municipality", "UNK")
    assert [c.code for c in scheme.codes("contact_form")] == ["1", "2", "3", "4", "5"]
    assert [c.code for c in scheme.codes("duration_band")] == ["1", "2", "3", "4"]
    assert scheme.code("problem", "GES_F10").source.startswith("KDS 3.0")
    assert scheme.code("problem", "GES_MEDIEN").check
    assert scheme.has_code("field", "CLEAR")


@pytest.mark.tools
@pytest.mark.skipif(shutil.which("minisign") is None, reason="minisign not installed")
def test_shipped_scheme_verifies_with_minisign_cli() -> None:
    out = subprocess.run(
        [
            "minisign",
            "-Vm",
            str(resource_path("schemes", "lk-harz-v1.json")),
            "-p",
            str(resource_path("trust", "district-demo.pub")),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "scheme:lk-harz" in out.stdout


# --- the refusal table: each case builds a bad input from the valid one --------------------

Doc = dict[str, Any]


def edit(change: Callable[[Doc], None]) -> Callable[[Doc], Doc]:
    def apply(doc: Doc) -> Doc:
        change(doc)
        return doc

    return apply


def dim(doc: Doc, dim_id: str) -> Doc:
    return next(d for d in doc["dimensions"] if d["id"] == dim_id)


def encode(doc: Doc) -> bytes:
    return (json.dumps(doc, indent=1, ensure_ascii=False) + "\n").encode()


@pytest.fixture(scope="module")
def base() -> Doc:
    return json.loads(shipped_scheme()[0])


INVALID_DOCS: list[tuple[str, Callable[[Doc], Doc], str]] = [
    ("extra field", edit(lambda d: d.update(colour="red")), "(Dokument)"),
    ("version zero", edit(lambda d: d.update(version=0)), "version"),
    ("version text", edit(lambda d: d.update(version="1")), "version"),
    ("bad date", edit(lambda d: d.update(valid_from="2026-13-01")), "valid_from"),
    ("impossible date", edit(lambda d: d.update(valid_from="2026-02-30")), "(Dokument)"),
    ("bad ags", edit(lambda d: d["district"].update(ags="1508")), "district.ags"),
    (
        "missing dimension",
        edit(lambda d: d.update(dimensions=[x for x in d["dimensions"] if x["id"] != "sex"])),
        "dimensions",
    ),
    (
        "code without definition",
        edit(lambda d: dim(d, "sex")["codes"][0].pop("definition_de")),
        "dimensions[3].codes[0]",
    ),
    (
        "problem without domain",
        edit(lambda d: dim(d, "problem")["codes"][0].pop("domain")),
        "dimensions[2].codes[0]",
    ),
    (
        "unknown domain",
        edit(lambda d: dim(d, "problem")["codes"][0].update(domain="NOPE")),
        "dimensions[2].codes[0].domain",
    ),
    (
        "duplicate code",
        edit(lambda d: dim(d, "sex")["codes"].append(dict(dim(d, "sex")["codes"][0]))),
        "dimensions[3].codes[4].code",
    ),
    (
        "contact form not a digit",
        edit(lambda d: dim(d, "contact_form")["codes"][0].update(code="A")),
        "dimensions[11].codes[0].code",
    ),
    (
        "contact forms out of order",
        edit(lambda d: dim(d, "contact_form")["codes"].reverse()),
        "dimensions[11].codes",
    ),
    (
        "municipality of another district",
        edit(lambda d: dim(d, "municipality")["codes"][0].update(code="15086040")),
        "dimensions[7].codes[0].code",
    ),
    (
        "valid_until before valid_from",
        edit(lambda d: d.update(valid_until="2025-12-31")),
        "valid_until",
    ),
    (
        "mapping to unknown code",
        edit(
            lambda d: d.update(
                version=2,
                mappings=[
                    {
                        "from_version": 1,
                        "dimension": "sex",
                        "kind": "renamed",
                        "source": ["q"],
                        "target": ["zz"],
                    }
                ],
            )
        ),
        "mappings[0].target[0]",
    ),
    (
        "mapping from the same version",
        edit(
            lambda d: d.update(
                mappings=[
                    {
                        "from_version": 1,
                        "dimension": "sex",
                        "kind": "renamed",
                        "source": ["q"],
                        "target": ["m"],
                    }
                ],
            )
        ),
        "mappings[0].from_version",
    ),
]


@pytest.mark.parametrize(
    ("name", "change", "field"), INVALID_DOCS, ids=[c[0] for c in INVALID_DOCS]
)
def test_invalid_document_refused(
    base: Doc, name: str, change: Callable[[Doc], Doc], field: str
) -> None:
    doc = encode(change(json.loads(json.dumps(base))))
    sig = sign_scheme_unchecked(doc)
    with pytest.raises(SchemeInvalid) as info:
        load_verified(doc, sig, trusted_keys(), TODAY, None)
    assert info.value.field == field
    assert f"Feld {field}" in info.value.de and f"field {field}" in info.value.en


def sign_scheme_unchecked(doc: bytes, key: bytes = DEMO_KEY) -> bytes:
    """Sign without validating (the district's tool would refuse; an attacker would not)."""
    return signing.sign(doc, key, "test")


def test_not_json_and_duplicate_keys() -> None:
    for doc in (b"\xff\xfe", b"{", b'{"id": "a", "id": "b"}'):
        with pytest.raises(SchemeInvalid, match="JSON"):
            load_verified(doc, sign_scheme_unchecked(doc), trusted_keys(), TODAY, None)


OTHER_SECRET, OTHER_PUBLIC = signing.generate_keypair("not the district")
HARZ_DIGEST = scheme_model.digest(shipped_scheme()[0])

# name, doc change, how to sign ("demo"/"other"/None/"garbage"/"tamper"), today, stored,
# expected error, German fragment, English fragment
REFUSALS: list[tuple[str, Callable[[Doc], Doc] | None, str | None, dt.date, Any, type, str, str]] = [
    ("unsigned", None, None, TODAY, None, SchemeUnsigned, "fehlt die Signatur", "missing"),
    ("garbage signature", None, "garbage", TODAY, None, SchemeBadSignature, "beschädigt", "damaged"),
    ("changed after signing", None, "tamper", TODAY, None, SchemeBadSignature, "verändert", "changed"),
    ("untrusted key", None, "other", TODAY, None, SchemeUntrustedKey, "nicht vertraut", "does not trust"),
    ("expired", None, "demo", dt.date(2029, 1, 1), None, SchemeExpired, "abgelaufen", "expired"),
    ("not yet valid", None, "demo", dt.date(2025, 12, 31), None, SchemeNotYetValid, "erst ab", "valid only from"),
    ("rollback", None, "demo", TODAY, (2, "0" * 64), SchemeRollback, "älter", "older"),
    ("same version, other content", edit(lambda d: d.update(notes_en="changed")), "demo", TODAY,
     (1, HARZ_DIGEST), SchemeConflict, "anderen Inhalt", "different content"),
    ("invalid document", edit(lambda d: d.pop("district")), "demo", TODAY, None, SchemeInvalid,
     "ungültig", "invalid"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "change", "signer", "today", "stored", "error", "de", "en"),
    REFUSALS,
    ids=[r[0] for r in REFUSALS],
)
def test_refusals(
    base: Doc,
    name: str,
    change: Callable[[Doc], Doc] | None,
    signer: str | None,
    today: dt.date,
    stored: tuple[int, str] | None,
    error: type[SchemeRefused],
    de: str,
    en: str,
) -> None:
    doc = encode(change(json.loads(json.dumps(base)))) if change else shipped_scheme()[0]
    sig: bytes | None = None
    if signer == "demo":
        sig = sign_scheme_unchecked(doc)
    elif signer == "other":
        sig = sign_scheme_unchecked(doc, OTHER_SECRET)
    elif signer == "garbage":
        sig = b"untrusted comment: x\n!!!\n"
    elif signer == "tamper":
        sig = shipped_scheme()[1]
        doc = doc.replace(b'"version": 1', b'"version": 7')
    with pytest.raises(error) as info:
        load_verified(doc, sig, trusted_keys(), today, stored)
    assert isinstance(info.value, SchemeRefused)
    assert de in info.value.message("de")
    assert en in info.value.message("en")


def test_accepts_same_version_same_content_and_newer() -> None:
    doc, sig = shipped_scheme()
    assert load_verified(doc, sig, trusted_keys(), TODAY, (1, HARZ_DIGEST)).version == 1
    assert load_verified(doc, sig, trusted_keys(), TODAY, (0, "x")).version == 1


def test_dates_can_be_skipped_for_an_accepted_scheme() -> None:
    doc, sig = shipped_scheme()
    late = dt.date(2030, 1, 1)
    with pytest.raises(SchemeExpired):
        load_verified(doc, sig, trusted_keys(), late, None)
    assert load_verified(doc, sig, trusted_keys(), late, None, check_dates=False).version == 1


def test_sign_scheme_refuses_invalid_document(base: Doc) -> None:
    bad = json.loads(json.dumps(base))
    bad["version"] = 0
    with pytest.raises(SchemeInvalid):
        sign_scheme(encode(bad), DEMO_KEY)
