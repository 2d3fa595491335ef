"""ADX for DHIS2: data elements with one category combination each, DHIS2 periods,
hidden cells marked, checked with xmllint against the generated and IHE's generic schema."""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET

import msgspec
import pytest

from app.district import report as district_report
from app.errors import FallzahlError
from app.exchange import package
from app.office import keys as office_keys
from app.office import period_close
from app.office.export import build_package
from app.records.periods import parse_period
from app.stats import adx, dhis2
from app.stats.tally import MISSING, Row
from tests.support.exchange_world import NOW, REFERENCE, district, office_tallies, scheme
from tests.support.packages import IDENTITY, make_office

LOOSE = REFERENCE / "adx/schema/adx_loose.xsd"
xmllint = pytest.mark.skipif(
    shutil.which("xmllint") is None, reason="xmllint not installed (Debian libxml2-utils)"
)
NS = {"a": adx.NS}


def _validate(tmp_path, data: bytes, schema) -> subprocess.CompletedProcess:
    doc = tmp_path / "doc.xml"
    doc.write_bytes(data)
    return subprocess.run(
        ["xmllint", "--noout", "--schema", str(schema), str(doc)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def generated_xsd(tmp_path_factory):
    path = tmp_path_factory.mktemp("xsd") / "fallzahl-adx.xsd"
    path.write_bytes(dhis2.xsd(scheme()))
    return path


def _office_adx() -> bytes:
    return adx.to_adx(office_tallies()["HZ-QLB-01"]["2025-Q1"], "HZ-QLB-01", "2026-04-02T10:00:00Z")


def _check_against_metadata(data: bytes) -> int:
    """Every data value names a data element of the metadata and exactly the categories of
    its category combination, each with one of that category's options (what DHIS2 needs)."""
    meta = dhis2.metadata(scheme())
    options = {o["id"]: o["code"] for o in meta["categoryOptions"]}
    cats = {
        c["id"]: (c["code"], {options[o["id"]] for o in c["categoryOptions"]})
        for c in meta["categories"]
    }
    combos = {c["id"]: [cats[x["id"]] for x in c["categories"]] for c in meta["categoryCombos"]}
    elements = {
        e["code"]: combos[e["categoryCombo"]["id"]] if "categoryCombo" in e else []
        for e in meta["dataElements"]
    }
    root = ET.fromstring(data)
    (group,) = root.findall("a:group", NS)
    assert group.get("dataSet") == meta["dataSets"][0]["code"]
    n = 0
    for dv in group.findall("a:dataValue", NS):
        attrs = dict(dv.attrib)
        wanted = elements[attrs.pop("dataElement")]
        attrs.pop("value")
        attrs.pop(dhis2.CONF_ATTRIBUTE, None)
        assert sorted(attrs) == sorted(code for code, _ in wanted)
        for code, allowed in wanted:
            assert attrs[code] in allowed
        n += 1
    return n


@xmllint
def test_package_and_district_adx_validate_against_both_schemas(tmp_path, generated_xsd):
    for data in (_office_adx(), district_report.to_adx(district(), scheme())):
        for schema in (generated_xsd, LOOSE):
            got = _validate(tmp_path, data, schema)
            assert got.returncode == 0, got.stderr
        assert _check_against_metadata(data) > 500


@xmllint
@pytest.mark.parametrize(
    ("old", "new", "why"),
    [
        (b'period="2025-01-01/P3M"', b'period="2025-01-01/P27D"', "period"),
        (b'exported="2026-04-02T10:00:00Z"', b'exported="2026-04-02T10:00:00"', "exported"),
        (b'SEX="SEX_w"', b'SEX="w"', "SEX"),
        (b'dataElement="CASES_ACTIVE"', b'dataElement="cases_active"', "dataElement"),
        (b'dataSet="fallzahl-lk-harz-v1"', b'dataSet="lk-harz-v1"', "dataSet"),
    ],
)
def test_generated_schema_refuses_what_dhis2_would_not_take(tmp_path, generated_xsd, old, new, why):
    data = _office_adx()
    assert old in data
    got = _validate(tmp_path, data.replace(old, new, 1), generated_xsd)
    assert got.returncode != 0 and why in got.stderr


def test_every_breakdown_is_its_own_data_element_with_one_category_combination():
    t = office_tallies()["HZ-QLB-01"]["2025-Q1"]
    root = ET.fromstring(adx.to_adx(t, "HZ-QLB-01", "2026-04-02T10:00:00Z"))
    seen: dict[str, set[tuple[str, ...]]] = {}
    for dv in root.iter(f"{{{adx.NS}}}dataValue"):
        attrs = set(dv.attrib) - {"dataElement", "value"}
        seen.setdefault(dv.get("dataElement"), set()).add(tuple(sorted(attrs)))
    assert all(len(sets) == 1 for sets in seen.values()), seen
    assert seen["CASES_ACTIVE"] == {()}
    assert seen["CASES_ACTIVE__SEX"] == {("SEX",)}
    assert seen["CASES_ACTIVE__DOMAIN_CLASS__FIELD"] == {("DOMAIN_CLASS", "FIELD")}
    assert len(seen) == len(t.breakdowns())


def test_multiple_answer_breakdowns_are_marked_non_additive():
    meta = dhis2.metadata(scheme())
    flag = {e["code"]: e["attributeValues"][0]["value"] for e in meta["dataElements"]}
    for code in (
        "CASES_ACTIVE__PROBLEM",
        "CASES_NEW__DOMAIN",
        "CASES_CLOSED__OTHER_FIELD",
        "CASES_MISSING__ITEM",
    ):
        assert flag[code] == "false", code
    for code in (
        "CASES_ACTIVE__SEX",
        "CONTACTS__CONTACT_FORM",
        "CASES_ACTIVE__DOMAIN_CLASS__FIELD",
        "PERSONS",
    ):
        assert flag[code] == "true", code
    (attribute,) = meta["attributes"]
    assert attribute["code"] == dhis2.ADDITIVE_ATTRIBUTE and attribute["dataElementAttribute"]


def test_metadata_is_importable_shape():
    """Codes and names as DHIS2 requires them: unique per object type, short names and codes
    at most 50 characters, UIDs of 11 characters, every reference resolvable."""
    meta = json.loads(dhis2.metadata_json(scheme()))
    ids = set()
    for kind in (
        "attributes",
        "categoryOptions",
        "categories",
        "categoryCombos",
        "dataElements",
        "dataSets",
    ):
        objects = meta[kind]
        assert objects, kind
        for field in ("id", "code", "name"):
            values = [o[field] for o in objects]
            assert len(values) == len(set(values)), (kind, field)
        for o in objects:
            assert len(o["id"]) == 11 and o["id"][0].isalpha() and o["id"].isalnum()
            assert len(o["code"]) <= 50 and len(o.get("shortName", "")) <= 50, o["code"]
            assert len(o["name"]) <= 230
            ids.add(o["id"])
    for c in meta["categories"]:
        assert all(o["id"] in ids for o in c["categoryOptions"])
    for de in meta["dataElements"]:
        assert de.get("categoryCombo", {"id": next(iter(ids))})["id"] in ids
    (ds,) = meta["dataSets"]
    assert ds["code"] == adx.data_set(office_tallies()["HZ-QLB-01"]["2025-Q1"])
    assert len(ds["dataSetElements"]) == len(meta["dataElements"])
    assert meta["meta"]["scheme_version"] == scheme().version


def test_hidden_cells_are_sent_with_their_confidentiality_status():
    rep = district()
    data = district_report.to_adx(rep, scheme())

    def key(r: Row) -> tuple:
        names = tuple(d for d, _ in r.dims)
        return (dhis2.data_element(r.measure, names), *(dhis2.option(d, c) for d, c in r.dims))

    hidden = {key(r) for r in rep.published.rows if r.value is None}
    sent = []
    for dv in ET.fromstring(data).iter(f"{{{adx.NS}}}dataValue"):
        names = dhis2.parse_data_element(dv.get("dataElement"))[1]
        got = (dv.get("dataElement"), *(dv.get(dhis2.category(d)) for d in names))
        sent.append((got, dv.get(dhis2.CONF_ATTRIBUTE)))
    assert hidden and {k for k, status in sent if status} == hidden
    assert len(sent) == len(rep.published.rows)  # nothing dropped
    pools = {
        scheme().pooled("municipality", c.code): c.code for c in scheme().codes("municipality")
    }
    exact = {(r.measure, r.dims): r.value for r in rep.merged.rows}
    root = ET.fromstring(data)
    statuses = set()
    for dv in root.iter(f"{{{adx.NS}}}dataValue"):
        status = dv.get(dhis2.CONF_ATTRIBUTE)
        if status is None:
            continue
        statuses.add(status)
        assert dv.get("value") == "0"
        measure, names = dhis2.parse_data_element(dv.get("dataElement"))
        dims = []
        for d in names:
            ident = dv.get(dhis2.category(d))
            if d == "municipality" and ident.startswith("MUNICIPALITY_VG"):
                code = next(p for p in pools if dhis2.option(d, p) == ident)
            else:
                code = dhis2.parse_option(d, ident)
            dims.append((d, code))
        dims = tuple(sorted(dims))
        value = exact[(measure, dims)]
        assert status == ("C" if 0 < value < rep.threshold else "D")
    assert statuses == {"C", "D"}


def test_periods_are_dhis2_period_types_and_custom_periods_are_refused():
    assert dhis2.adx_period(parse_period("2026-Q1")) == "2026-01-01/P3M"
    assert dhis2.adx_period(parse_period("2026")) == "2026-01-01/P1Y"
    assert dhis2.adx_period(parse_period("2026-03")) == "2026-03-01/P1M"
    assert [dhis2.dhis2_period(parse_period(p)) for p in ("2026-Q3", "2026", "2026-03")] == [
        "2026Q3",
        "2026",
        "202603",
    ]
    custom = parse_period("2026-01-15..2026-02-10")
    t = msgspec.structs.replace(office_tallies()["HZ-QLB-01"]["2025-Q1"], period=custom)
    with pytest.raises(FallzahlError) as err:
        adx.to_adx(t, "HZ-QLB-01", "2026-04-02T10:00:00Z")
    assert "Quartal, Jahr oder Monat" in err.value.de and "quarter, year or month" in err.value.en


def test_timestamps_carry_their_zone():
    with pytest.raises(ValueError):
        adx.to_adx(office_tallies()["HZ-QLB-01"]["2025-Q1"], "HZ-QLB-01", "2026-04-02T10:00:00")
    root = ET.fromstring(district_report.to_adx(district(), scheme()))
    assert root.get("exported") == NOW.isoformat() == "2026-04-20T09:30:00+02:00"


def test_read_adx_inverts_the_writer_and_reads_the_earlier_layout():
    t = office_tallies()["HZ-QLB-01"]["2025-Q1"]
    group, rows = adx.read_adx(_office_adx())
    assert rows == set(t.rows) and any(MISSING in dict(r.dims).values() for r in rows)
    assert group["dataSet"] == "fallzahl-lk-harz-v1"
    earlier = (
        b'<adx xmlns="urn:ihe:qrph:adx:2015" exported="2026-04-02T10:00:00Z">'
        b'<group orgUnit="X" period="2025-01-01/P3M" dataSet="fallzahl-lk-harz-v1">'
        b'<dataValue dataElement="cases_active" value="3" sex="?" /></group></adx>'
    )
    assert adx.read_adx(earlier)[1] == {Row((("sex", "?"),), "cases_active", 3)}


@xmllint
def test_adx_in_a_real_package_validates(tmp_path, generated_xsd):
    vault, session = make_office(tmp_path / "vault", n_cases=60)
    try:
        period = parse_period("2025-Q1")
        period_close.close_period(session, period, accepted_reason="Demo")
        out = tmp_path / "out"
        out.mkdir()
        path, _sha, _m = build_package(session, period, out)
        pub, kid = office_keys.office_public_key(session)
        opened = package.open_package(path.read_bytes(), [IDENTITY.read_text()], {kid: pub})
    finally:
        session.close()
        vault.close()
    for schema in (generated_xsd, LOOSE):
        got = _validate(tmp_path, opened.files["adx.xml"], schema)
        assert got.returncode == 0, got.stderr


def test_scheme_exchange_writes_the_three_files(tmp_path, capsys):
    from app.cli import main as cli

    assert cli.main(["scheme", "exchange", "--out", str(tmp_path)]) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "fallzahl-lk-harz-v1.adx.xsd",
        "fallzahl-lk-harz-v1.dhis2-metadata.json",
        "fallzahl-lk-harz-v1.sdmx-structure.xml",
    ]
    assert capsys.readouterr().out.count("fallzahl-lk-harz-v1") == 3
    meta = json.loads((tmp_path / "fallzahl-lk-harz-v1.dhis2-metadata.json").read_bytes())
    assert meta == json.loads(dhis2.metadata_json(scheme()))
    if shutil.which("xmllint"):
        data = district_report.to_adx(district(), scheme())
        got = _validate(tmp_path, data, tmp_path / "fallzahl-lk-harz-v1.adx.xsd")
        assert got.returncode == 0, got.stderr
