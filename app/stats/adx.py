"""IHE ADX (Aggregate Data Exchange) for DHIS2 and the state statistics office.

One ``<group>`` per package: orgUnit = office id, period = ISO 8601 start/duration,
dataSet = ``fallzahl-<scheme id>-v<version>``; one ``<dataValue>`` per tally row with the
measure as dataElement and each dimension as an attribute (dimension id = attribute name,
code = value). Suppressed values (None) are left out. Written with xml.etree, never by
string concatenation, so codes are always escaped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from app.errors import TallyRefused
from app.records.periods import adx_period
from app.stats.tally import Row, Tally
from app.stats.tally_io import parse_count

NS = "urn:ihe:qrph:adx:2015"
# ADX attributes are unqualified XML names; we keep to a safe subset.
XML_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
RESERVED = {"dataElement", "value", "orgUnit", "period", "dataSet", "exported"}


def data_set(tally: Tally) -> str:
    return f"fallzahl-{tally.scheme_id}-v{tally.scheme_version}"


def _check_name(name: str) -> None:
    if not XML_NAME.match(name) or name in RESERVED or name.lower().startswith("xml"):
        raise TallyRefused(
            f"„{name}“ kann kein ADX-Merkmal sein (kein gültiger XML-Name).",
            f"'{name}' cannot be an ADX dimension (not a valid XML name).",
        )


def to_adx(tally: Tally, office_id: str, exported: str) -> bytes:
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}adx", {"exported": exported})
    group = ET.SubElement(
        root,
        f"{{{NS}}}group",
        {"orgUnit": office_id, "period": adx_period(tally.period), "dataSet": data_set(tally)},
    )
    for row in tally.rows:
        if row.value is None:
            continue
        attrs = {"dataElement": row.measure, "value": str(row.value)}
        for dim, code in row.dims:
            _check_name(dim)
            attrs[dim] = code
        ET.SubElement(group, f"{{{NS}}}dataValue", attrs)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _attr(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def canonical(tally: Tally, office_id: str, period: str, exported: str) -> bytes:
    """What ``to_adx`` writes, built as text (about ten times faster than ElementTree).

    Used by the district to check an office's adx.xml against its tallies.json byte for
    byte; any difference (another writer, odd names) falls back to parsing (``read_adx``).
    """
    out = [
        "<?xml version='1.0' encoding='utf-8'?>\n"
        f'<adx xmlns="{NS}" exported="{_attr(exported)}">\n'
        f'  <group orgUnit="{_attr(office_id)}" period="{_attr(period)}" '
        f'dataSet="{_attr(data_set(tally))}"'
    ]
    values = [r for r in tally.rows if r.value is not None]
    if not values:
        out.append(" />\n</adx>\n")
        return "".join(out).encode("utf-8")
    out.append(">\n")
    for r in values:
        dims = "".join(f' {d}="{_attr(c)}"' for d, c in r.dims)
        out.append(f'    <dataValue dataElement="{_attr(r.measure)}" value="{r.value}"{dims} />\n')
    out.append("  </group>\n</adx>\n")
    return "".join(out).encode("utf-8")


def read_adx(data: bytes) -> tuple[dict[str, str], set[Row]]:
    """(group attributes, rows) of a one-group ADX document; raises ValueError if malformed."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ValueError("DTDs are not allowed")
    root = ET.fromstring(data)
    if root.tag != f"{{{NS}}}adx":
        raise ValueError("root is not adx")
    groups = list(root)
    if len(groups) != 1 or groups[0].tag != f"{{{NS}}}group":
        raise ValueError("expected exactly one group")
    group = groups[0]
    rows: set[Row] = set()
    for dv in group:
        if dv.tag != f"{{{NS}}}dataValue":
            raise ValueError(f"unexpected element {dv.tag}")
        attrs = dict(dv.attrib)
        measure = attrs.pop("dataElement")
        value = parse_count(attrs.pop("value"))
        rows.add(Row(tuple(sorted(attrs.items())), measure, value))
    return dict(group.attrib), rows
