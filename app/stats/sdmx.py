"""SDMX for the state statistics office: the structure (SDMX-ML 2.1) and SDMX-CSV 2.0 data.

``structure(scheme)`` generates, from the scheme, the code lists (one per code list of the
scheme, plus measures, the reporting area, the derived class and item lists and the
confidentiality status), a concept scheme, the data structure definition (DSD) and the
dataflow, all maintained by agency ``FALLZAHL`` and versioned with the scheme
(``<scheme version>.0``): a new scheme version is a new structure. ``to_csv`` writes the
published long table against it: one row per cell, every DSD dimension in its own column,
``_T`` where the row is not broken down by a dimension, ``_X`` not recorded, ``_U`` unknown,
``_Z`` not asked (app/stats/codes.py, as in tallies.json); a hidden
cell has an empty OBS_VALUE and CONF_STATUS ``C`` (confidential: below the threshold) or
``D`` (secondary: hidden so that a C cell cannot be worked out); every published value has
CONF_STATUS ``F`` (free). Identifiers follow app/stats/exchange_ids.py.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from collections.abc import Callable

from app.records.periods import Period
from app.scheme.model import Scheme
from app.stats import exchange_ids as ids
from app.stats.codes import LABELS as MARKER_LABELS
from app.stats.tally import (
    DOMAIN_CLASS,
    ITEM,
    SCHEME_DIMENSION,
    Row,
    Tally,
    dimension_label,
    measure_label,
)

AGENCY = "FALLZAHL"
MES = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"
STR = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure"
COM = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CONF_FREE, CONF_PRIMARY, CONF_SECONDARY = ids.CONF_FREE, ids.CONF_PRIMARY, ids.CONF_SECONDARY
CONF_CODES = {
    CONF_FREE: ("frei", "Free"),
    CONF_PRIMARY: ("vertraulich (unter der Schwelle)", "Confidential (below the threshold)"),
    CONF_SECONDARY: ("sekundär gesperrt", "Secondary confidentiality"),
}
FIXED_DIMENSIONS = ("REF_AREA", "MEASURE")  # then the tally's dimensions, then TIME_PERIOD

ConfStatus = Callable[[Row], str]


def _stem(scheme: Scheme) -> str:
    return ids.code_id(scheme.id).upper().replace("-", "_")


def version(scheme: Scheme) -> str:
    return f"{scheme.version}.0"


def dataflow_id(scheme: Scheme) -> str:
    return f"DF_{_stem(scheme)}"


def dsd_id(scheme: Scheme) -> str:
    return f"DSD_{_stem(scheme)}"


def structure_id(scheme: Scheme) -> str:
    """The SDMX-CSV STRUCTURE_ID of the dataflow: ``FALLZAHL:DF_LK_HARZ(1.0)``."""
    return f"{AGENCY}:{dataflow_id(scheme)}({version(scheme)})"


def time_period(period: Period) -> str:
    """SDMX reporting period: 2026-Q1, 2026, 2026-03; a custom range as start/duration."""
    if period.kind in ("quarter", "year", "month"):
        return period.label
    return f"{period.start.isoformat()}/P{period.days}D"


def dimensions(scheme: Scheme) -> list[str]:
    """The tally's row dimensions in the DSD, in column order."""
    present = {d for _m, dims in ids.layout(scheme) for d in dims}
    order = [*SCHEME_DIMENSION, DOMAIN_CLASS, ITEM]
    return [d for d in order if d in present] + sorted(present - set(order))


def _codelist_of(dim: str) -> str:
    return f"CL_{ids.option_prefix(dim)}"


def _codelists(scheme: Scheme) -> dict[str, list[tuple[str, str, str]]]:
    """Code list id -> (code id, German name, English name); pools, the markers (_U, _Z, _X)
    and _T included."""
    plain = ids.dimension_codes(scheme)
    pooled = ids.dimension_codes(scheme, pooled=True)
    lists: dict[str, dict[str, tuple[str, str]]] = {}
    for dim in dimensions(scheme):
        entries = lists.setdefault(_codelist_of(dim), {})
        for code in dict.fromkeys([*plain.get(dim, []), *pooled.get(dim, [])]):
            if code in ids.MARKERS:
                entries[code] = MARKER_LABELS[code]
                continue
            entries.setdefault(
                ids.code_id(code),
                (ids.code_name(scheme, dim, code, "de"), ids.code_name(scheme, dim, code, "en")),
            )
    out = {}
    for cl, entries in lists.items():
        rows = [(k, *v) for k, v in entries.items() if k not in ids.MARKERS]
        rows += [(k, *entries[k]) for k in ids.MARKERS if k in entries]
        rows.append((ids.TOTAL, "insgesamt", "total"))
        out[cl] = rows
    out["CL_MEASURE"] = [
        (ids.upper(m), measure_label(m, "de"), measure_label(m, "en"))
        for m in dict.fromkeys(m for m, _ in ids.layout(scheme))
    ]
    out["CL_AREA"] = [(scheme.district.ags, scheme.district.name, scheme.district.name)]
    out["CL_CONF_STATUS"] = [(k, *v) for k, v in CONF_CODES.items()]
    return out


def _names(parent: ET.Element, de: str, en: str) -> None:
    for lang, text in (("de", de), ("en", en)):
        ET.SubElement(parent, f"{{{COM}}}Name", {XML_LANG: lang}).text = text


def _ref(parent: ET.Element, tag: str, **attrs: str) -> None:
    ET.SubElement(ET.SubElement(parent, f"{{{STR}}}{tag}"), "Ref", attrs)


def structure(scheme: Scheme, prepared: str) -> bytes:
    """The SDMX-ML 2.1 structure message: code lists, concepts, DSD and dataflow."""
    for prefix, uri in (("mes", MES), ("str", STR), ("com", COM)):
        ET.register_namespace(prefix, uri)
    v = version(scheme)
    root = ET.Element(f"{{{MES}}}Structure")
    header = ET.SubElement(root, f"{{{MES}}}Header")
    ET.SubElement(header, f"{{{MES}}}ID").text = f"{_stem(scheme)}_V{scheme.version}"
    ET.SubElement(header, f"{{{MES}}}Test").text = "false"
    ET.SubElement(header, f"{{{MES}}}Prepared").text = prepared
    ET.SubElement(header, f"{{{MES}}}Sender", {"id": AGENCY})
    structures = ET.SubElement(root, f"{{{MES}}}Structures")
    maint = {"agencyID": AGENCY, "version": v}
    district = scheme.district.name

    flows = ET.SubElement(structures, f"{{{STR}}}Dataflows")
    flow = ET.SubElement(flows, f"{{{STR}}}Dataflow", {"id": dataflow_id(scheme), **maint})
    _names(flow, f"Fallzahl {district}", f"Fallzahl {district}")
    _ref(flow, "Structure", id=dsd_id(scheme), **maint, package="datastructure",
         **{"class": "DataStructure"})  # fmt: skip

    lists = ET.SubElement(structures, f"{{{STR}}}Codelists")
    family = {_codelist_of(d): d for d in reversed(dimensions(scheme))}
    for cl, codes in _codelists(scheme).items():
        node = ET.SubElement(lists, f"{{{STR}}}Codelist", {"id": cl, **maint})
        dim = family.get(cl)
        if dim is not None and SCHEME_DIMENSION.get(dim):
            sdim = scheme.dimension(SCHEME_DIMENSION[dim])
            _names(node, sdim.label("de"), sdim.label("en"))
        elif dim is not None:
            _names(node, dimension_label(dim, scheme, "de"), dimension_label(dim, scheme, "en"))
        else:
            _names(node, cl, cl)
        for code, de, en in codes:
            _names(ET.SubElement(node, f"{{{STR}}}Code", {"id": code}), de, en)

    concepts = ET.SubElement(structures, f"{{{STR}}}Concepts")
    cs = ET.SubElement(concepts, f"{{{STR}}}ConceptScheme", {"id": "CS_FALLZAHL", **maint})
    _names(cs, "Fallzahl-Konzepte", "Fallzahl concepts")
    own = [(ids.upper(d), dimension_label(d, scheme, "de"), dimension_label(d, scheme, "en"))
           for d in dimensions(scheme)]  # fmt: skip
    for cid, de, en in [
        ("REF_AREA", "Gebiet", "Reference area"),
        ("MEASURE", "Kennzahl", "Measure"),
        *own,
        ("TIME_PERIOD", "Zeitraum", "Time period"),
        ("OBS_VALUE", "Wert", "Observation value"),
        ("CONF_STATUS", "Vertraulichkeit", "Confidentiality status"),
    ]:
        _names(ET.SubElement(cs, f"{{{STR}}}Concept", {"id": cid}), de, en)

    def concept(parent: ET.Element, cid: str) -> None:
        _ref(parent, "ConceptIdentity", id=cid, maintainableParentID="CS_FALLZAHL",
             maintainableParentVersion=v, agencyID=AGENCY, package="conceptscheme",
             **{"class": "Concept"})  # fmt: skip

    def enumeration(parent: ET.Element, cl: str) -> None:
        rep = ET.SubElement(parent, f"{{{STR}}}LocalRepresentation")
        _ref(rep, "Enumeration", id=cl, **maint, package="codelist", **{"class": "Codelist"})

    dsds = ET.SubElement(structures, f"{{{STR}}}DataStructures")
    dsd = ET.SubElement(dsds, f"{{{STR}}}DataStructure", {"id": dsd_id(scheme), **maint})
    _names(dsd, f"Fallzahl {district}", f"Fallzahl {district}")
    comps = ET.SubElement(dsd, f"{{{STR}}}DataStructureComponents")
    dl = ET.SubElement(comps, f"{{{STR}}}DimensionList", {"id": "DimensionDescriptor"})
    columns = [("REF_AREA", "CL_AREA"), ("MEASURE", "CL_MEASURE")] + [
        (ids.upper(d), _codelist_of(d)) for d in dimensions(scheme)
    ]
    for pos, (cid, cl) in enumerate(columns, start=1):
        node = ET.SubElement(dl, f"{{{STR}}}Dimension", {"id": cid, "position": str(pos)})
        concept(node, cid)
        enumeration(node, cl)
    td = ET.SubElement(
        dl, f"{{{STR}}}TimeDimension", {"id": "TIME_PERIOD", "position": str(len(columns) + 1)}
    )
    concept(td, "TIME_PERIOD")
    rep = ET.SubElement(td, f"{{{STR}}}LocalRepresentation")
    ET.SubElement(rep, f"{{{STR}}}TextFormat", {"textType": "ObservationalTimePeriod"})
    al = ET.SubElement(comps, f"{{{STR}}}AttributeList", {"id": "AttributeDescriptor"})
    attr = ET.SubElement(
        al, f"{{{STR}}}Attribute", {"id": "CONF_STATUS", "assignmentStatus": "Mandatory"}
    )
    concept(attr, "CONF_STATUS")
    enumeration(attr, "CL_CONF_STATUS")
    rel = ET.SubElement(attr, f"{{{STR}}}AttributeRelationship")
    ET.SubElement(ET.SubElement(rel, f"{{{STR}}}PrimaryMeasure"), "Ref", {"id": "OBS_VALUE"})
    ml = ET.SubElement(comps, f"{{{STR}}}MeasureList", {"id": "MeasureDescriptor"})
    pm = ET.SubElement(ml, f"{{{STR}}}PrimaryMeasure", {"id": "OBS_VALUE"})
    concept(pm, "OBS_VALUE")
    rep = ET.SubElement(pm, f"{{{STR}}}LocalRepresentation")
    ET.SubElement(rep, f"{{{STR}}}TextFormat", {"textType": "Integer"})
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def to_csv(tally: Tally, scheme: Scheme, area: str, conf_status: ConfStatus | None = None) -> bytes:
    """SDMX-CSV 2.0 of a (published) tally against ``structure(scheme)``."""
    dims = dimensions(scheme)
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(
        ["STRUCTURE", "STRUCTURE_ID", "ACTION", *FIXED_DIMENSIONS,
         *(ids.upper(d) for d in dims), "TIME_PERIOD", "OBS_VALUE", "CONF_STATUS"]
    )  # fmt: skip
    sid = structure_id(scheme)
    period = time_period(tally.period)
    for r in tally.rows:
        cells = dict(r.dims)
        codes = [ids.code_id(cells[d]) if d in cells else ids.TOTAL for d in dims]
        if r.value is None:
            value, status = "", (conf_status(r) if conf_status else CONF_PRIMARY)
        else:
            value, status = str(r.value), CONF_FREE
        w.writerow(
            ["dataflow", sid, "I", area, ids.upper(r.measure), *codes, period, value, status]
        )
    return out.getvalue().encode("utf-8")
