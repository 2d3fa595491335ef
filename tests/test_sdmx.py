"""SDMX: the structure generated from the scheme (SDMX-ML 2.1, checked with xmllint against
the SDMX schemas), and the district's SDMX-CSV read with sdmx1 and pysdmx against it."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess

import msgspec
import pytest

from app.district import report as district_report
from app.records.periods import parse_period
from app.stats import exchange_ids as ids
from app.stats import sdmx as sdmx_out
from tests.support.exchange_world import REFERENCE, district, scheme

PREPARED = "2026-04-20T09:30:00+02:00"
SDMX_XSD = REFERENCE / "adx/schema/sdmx/SDMXMessage.xsd"


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sdmx")
    (folder / "structure.xml").write_bytes(sdmx_out.structure(scheme(), PREPARED))
    (folder / "data.csv").write_bytes(district_report.to_sdmx_csv(district(), scheme()))
    return folder


def _rows(files) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((files / "data.csv").read_text())))


@pytest.mark.skipif(shutil.which("xmllint") is None, reason="xmllint not installed (libxml2-utils)")
def test_structure_validates_against_the_sdmx_schemas(files):
    got = subprocess.run(
        ["xmllint", "--noout", "--schema", str(SDMX_XSD), str(files / "structure.xml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert got.returncode == 0, got.stderr


def test_ids_are_valid_and_suppression_is_conf_status(files):
    rows = _rows(files)
    rep = district()
    assert len(rows) == len(rep.published.rows)
    dims = [
        c
        for c in rows[0]
        if c
        not in ("STRUCTURE", "STRUCTURE_ID", "ACTION", "TIME_PERIOD", "OBS_VALUE", "CONF_STATUS")
    ]
    for row in rows:
        assert all(ids.ID.match(row[d]) for d in dims), row
        if row["CONF_STATUS"] == "F":
            assert row["OBS_VALUE"].isdigit()
        else:
            assert row["CONF_STATUS"] in ("C", "D") and row["OBS_VALUE"] == ""
    assert "OBS_STATUS" not in rows[0]
    statuses = {r["CONF_STATUS"] for r in rows}
    assert statuses == {"F", "C", "D"}
    assert any(r["DOMAIN_CLASS"] == "4PLUS" for r in rows)
    assert any(r["MUNICIPALITY"] == "VG_Vorharz" for r in rows)
    assert rows[0]["STRUCTURE_ID"] == f"FALLZAHL:DF_LK_HARZ({scheme().version}.0)"


def test_structure_is_versioned_with_the_scheme():
    later = msgspec.structs.replace(scheme(), version=scheme().version + 1)
    assert sdmx_out.structure_id(later) == f"FALLZAHL:DF_LK_HARZ({later.version}.0)"
    assert f'version="{later.version}.0"'.encode() in sdmx_out.structure(later, PREPARED)


def test_sdmx1_reads_the_data_against_the_generated_structure(files):
    sdmx = pytest.importorskip("sdmx", reason="sdmx1 not installed (pip install sdmx1)")
    # sdmx1 leaves files it opens by name open: give it open files
    with open(files / "structure.xml", "rb") as f:
        structure = sdmx.read_sdmx(f)
    flow = structure.dataflow[sdmx_out.dataflow_id(scheme())]
    dsd = flow.structure
    with open(files / "data.csv", "rb") as f:
        message = sdmx.read_sdmx(f, structure=flow, format="csv")
    (ds,) = message.data
    rep = district()
    assert len(ds.obs) == len(rep.published.rows)
    # every key value is a code of the dimension's code list in the structure
    for obs in ds.obs:
        for kv in obs.dimension.values.values():
            if kv.id == "TIME_PERIOD":
                continue
            codelist = dsd.dimensions.get(kv.id).local_representation.enumerated
            assert kv.value in codelist, (kv.id, kv.value)
    # to pandas: sdmx1 keeps an empty OBS_VALUE as "" unless told a dtype, so convert after
    frame = sdmx.to_pandas(message, dtype=None, attributes="o")
    import pandas as pd

    values = frame["value"].replace("", pd.NA).astype("Int64")
    hidden = frame["CONF_STATUS"].isin(["C", "D"])
    assert values[hidden].isna().all() and values[~hidden].notna().all()
    assert int(hidden.sum()) == sum(1 for r in rep.published.rows if r.value is None)
    assert int(values[~hidden].sum()) == sum(r.value for r in rep.published.rows if r.value)


def test_pysdmx_reads_the_data_with_typed_values(files):
    pytest.importorskip("pysdmx", reason="pysdmx not installed (pip install pysdmx[data,xml])")
    from pysdmx.io import get_datasets

    (ds,) = get_datasets(str(files / "data.csv"), str(files / "structure.xml"))
    frame = ds.data
    rep = district()
    assert len(frame) == len(rep.published.rows)
    hidden = frame["CONF_STATUS"].isin(["C", "D"])
    assert frame.loc[hidden, "OBS_VALUE"].isna().all()
    assert int(frame.loc[~hidden, "OBS_VALUE"].sum()) == sum(
        r.value for r in rep.published.rows if r.value
    )
    assert {c.id for c in ds.structure.components} >= {
        "REF_AREA",
        "MEASURE",
        "TIME_PERIOD",
        "CONF_STATUS",
    }


def test_time_periods():
    assert [sdmx_out.time_period(parse_period(p)) for p in ("2026-Q2", "2026", "2026-03")] == [
        "2026-Q2",
        "2026",
        "2026-03",
    ]
    assert sdmx_out.time_period(parse_period("2026-01-15..2026-02-10")) == "2026-01-15/P27D"
