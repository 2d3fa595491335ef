"""What DHIS2 needs to receive Fallzahl's ADX: data elements, categories, periods, metadata.

DHIS2 gives every data element one category combination and needs a value for each of its
categories on every data value. So every breakdown of the long table (a measure and a set
of dimensions, ``exchange_ids.layout``) is a data element of its own:

- data element ``CASES_ACTIVE`` (the total, default category combination),
  ``CASES_ACTIVE__SEX`` (by sex), ``CASES_ACTIVE__DOMAIN_CLASS__FIELD`` (two-way): the
  measure and the dimensions in capitals, joined by ``__``;
- category = the row dimension in capitals (``SEX``, ``OTHER_FIELD``): the ADX attribute;
- category option = ``<SCHEME DIMENSION>_<code>`` (``SEX_w``, ``FIELD_EB``,
  ``DOMAIN_CLASS_4PLUS``; DHIS2 wants option codes unique over all categories, and ``field``
  and ``other_field`` share the field options), and one option each for ``_X`` "not
  recorded", ``_U`` "unknown" and ``_Z`` "not asked" (app/stats/codes.py), shared by every
  category that has it.

Breakdowns whose parts do not add up (problem codes, life domains, other fields: several
per case; missing items) carry the attribute ``FALLZAHL_ADDITIVE`` = false and say so in
their description, so nobody sums them to a case count. Periods are DHIS2 period types
only: quarters, years, months. ``metadata(scheme)`` is the DHIS2 metadata import file,
``xsd(scheme)`` the content-specific ADX schema; both are generated from the scheme and
carry its id and version. docs/exchange.md tells a DHIS2 administrator what to do with them.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET

import msgspec

from app.errors import TallyRefused
from app.records.periods import Period
from app.scheme.model import Scheme
from app.stats import exchange_ids as ids
from app.stats.codes import LABELS as MARKER_LABELS
from app.stats.tally import dimension_label, measure_label

DE_SEP = "__"
CONF_ATTRIBUTE = "CONF_STATUS"  # ADX: a hidden cell (value 0) carries CONF_STATUS="C" or "D"
CONF_PRIMARY, CONF_SECONDARY = ids.CONF_PRIMARY, ids.CONF_SECONDARY
ADDITIVE_ATTRIBUTE = "FALLZAHL_ADDITIVE"
_DHIS2_PERIOD_TYPE = {"quarter": "Quarterly", "year": "Yearly", "month": "Monthly"}
_ADX_DURATION = {"quarter": "P3M", "year": "P1Y", "month": "P1M"}


class PeriodNotForDhis2(TallyRefused):
    """A custom period has no DHIS2 period type."""


def data_set(scheme_id: str, version: int) -> str:
    """The one data set id of package and district ADX (and of the DHIS2 metadata)."""
    return f"fallzahl-{scheme_id}-v{version}"


def adx_period(period: Period) -> str:
    """ADX period of a DHIS2 period type: 2026-01-01/P3M, 2026-01-01/P1Y, 2026-03-01/P1M."""
    duration = _ADX_DURATION.get(period.kind)
    if duration is None:
        raise PeriodNotForDhis2(
            f"Der Zeitraum {period.label} ist kein Quartal, Jahr oder Monat. DHIS2 und die "
            "Landesstatistik nehmen nur diese Zeiträume an; wählen Sie einen davon.",
            f"The period {period.label} is not a quarter, year or month. DHIS2 and the state "
            "statistics office accept only those; choose one of them.",
        )
    return f"{period.start.isoformat()}/{duration}"


def dhis2_period(period: Period) -> str:
    """The DHIS2 period id (2026Q1, 2026, 202603), as DHIS2 shows it after the import."""
    adx_period(period)  # refuses custom periods
    if period.kind == "quarter":
        return f"{period.start.year}Q{(period.start.month - 1) // 3 + 1}"
    if period.kind == "year":
        return f"{period.start.year}"
    return f"{period.start.year}{period.start.month:02d}"


def data_element(measure: str, dims: tuple[str, ...]) -> str:
    return DE_SEP.join([ids.upper(measure), *(ids.upper(d) for d in dims)])


def parse_data_element(code: str) -> tuple[str, tuple[str, ...]]:
    parts = code.split(DE_SEP)
    if not all(re.fullmatch(r"[A-Z][A-Z0-9_]*", p) for p in parts):
        raise ValueError(f"not a Fallzahl data element: {code!r}")
    return ids.lower(parts[0]), tuple(ids.lower(p) for p in parts[1:])


def category(dim: str) -> str:
    return ids.upper(dim)


def option(dim: str, code: str) -> str:
    if code in ids.MARKERS:
        return code
    return f"{ids.option_prefix(dim)}_{ids.code_id(code)}"


def parse_option(dim: str, ident: str) -> str:
    if ident in ids.MARKERS:
        return ident
    prefix = ids.option_prefix(dim) + "_"
    if not ident.startswith(prefix):
        raise ValueError(f"{ident!r} is not an option of {dim}")
    return ids.code_from_id(ident[len(prefix) :])


# Metadata


def uid(kind: str, code: str) -> str:
    """A stable DHIS2 UID (11 characters, a letter first) for an object of ``kind``."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    digest = hashlib.sha256(f"fallzahl:{kind}:{code}".encode()).digest()
    return alphabet[digest[0] % 52] + "".join(alphabet[b % 62] for b in digest[1:11])


def _options(scheme: Scheme) -> dict[str, list[str]]:
    """Category (row dimension) -> its option codes: scheme codes, pools, then unknown, not
    asked and not recorded."""
    plain = ids.dimension_codes(scheme)
    pooled = ids.dimension_codes(scheme, pooled=True)
    out = {}
    for dim, codes in plain.items():
        both = list(dict.fromkeys([*codes, *pooled.get(dim, [])]))
        markers = [c for c in ids.MARKERS if c in both]
        out[dim] = [c for c in both if c not in ids.MARKERS] + markers
    return out


def _family(scheme: Scheme, dim: str, lang: str) -> str:
    """The label of the code list a row dimension's options come from."""
    sdim = ids.SCHEME_DIMENSION.get(dim)
    return scheme.dimension(sdim).label(lang) if sdim else dimension_label(dim, scheme, lang)


def _name(de: str, en: str) -> tuple[str, list[dict]]:
    return de, [{"property": "NAME", "locale": "en", "value": en}]


def _breakdown_name(scheme: Scheme, measure: str, dims: tuple[str, ...], lang: str) -> str:
    label = measure_label(measure, lang)
    if not dims:
        return label
    by = " × ".join(dimension_label(d, scheme, lang) for d in dims)
    return f"{label} {'by' if lang == 'en' else 'nach'} {by}"


def metadata(scheme: Scheme) -> dict:
    """The DHIS2 metadata import document (api/metadata) for the data set of ``scheme``."""
    options = _options(scheme)
    option_objects: dict[str, dict] = {}
    categories = []
    for dim, codes in options.items():
        refs = []
        for code in codes:
            ident = option(dim, code)
            if ident not in option_objects:
                if code in ids.MARKERS:
                    de, en = MARKER_LABELS[code]
                else:
                    de = f"{_family(scheme, dim, 'de')}: {ids.code_name(scheme, dim, code, 'de')}"
                    en = f"{_family(scheme, dim, 'en')}: {ids.code_name(scheme, dim, code, 'en')}"
                name, translations = _name(de, en)
                option_objects[ident] = {
                    "id": uid("categoryOption", ident),
                    "code": ident,
                    "name": name,
                    "shortName": ident,
                    "translations": translations,
                }
            refs.append({"id": option_objects[ident]["id"]})
        name, translations = _name(
            dimension_label(dim, scheme, "de"), dimension_label(dim, scheme, "en")
        )
        categories.append(
            {
                "id": uid("category", category(dim)),
                "code": category(dim),
                "name": name,
                "shortName": category(dim),
                "translations": translations,
                "dataDimensionType": "DISAGGREGATION",
                "dataDimension": True,
                "categoryOptions": refs,
            }
        )
    combos: dict[tuple[str, ...], dict] = {}
    elements = []
    for measure, dims in ids.layout(scheme):
        code = data_element(measure, dims)
        additive = ids.is_additive(dims)
        de_name = _breakdown_name(scheme, measure, dims, "de")
        en_name = _breakdown_name(scheme, measure, dims, "en")
        de_desc, en_desc = (
            ("Fallzahl: " + de_name + ".", "Fallzahl: " + en_name + ".")
            if additive
            else (
                "Fallzahl: " + de_name + ". Mehrfachnennung: ein Fall zählt unter jeder Angabe, "
                "die Summe über die Ausprägungen ist keine Fallzahl.",
                "Fallzahl: " + en_name + ". Multiple answers: a case counts under each code it "
                "has; the sum over the options is not a case count.",
            )
        )
        element = {
            "id": uid("dataElement", code),
            "code": code,
            "name": de_name,
            "shortName": code,
            "formName": de_name,
            "description": de_desc,
            "translations": [
                {"property": "NAME", "locale": "en", "value": en_name},
                {"property": "FORM_NAME", "locale": "en", "value": en_name},
                {"property": "DESCRIPTION", "locale": "en", "value": en_desc},
            ],
            "domainType": "AGGREGATE",
            "valueType": "INTEGER_ZERO_OR_POSITIVE",
            "aggregationType": "SUM" if measure in ids.FLOW_MEASURES else "AVERAGE_SUM_ORG_UNIT",
            "zeroIsSignificant": False,
            "attributeValues": [
                {
                    "attribute": {"id": uid("attribute", ADDITIVE_ATTRIBUTE)},
                    "value": "true" if additive else "false",
                }
            ],
        }
        if dims:
            if dims not in combos:
                combo_code = DE_SEP.join(category(d) for d in dims)
                name, translations = _name(
                    " × ".join(dimension_label(d, scheme, "de") for d in dims),
                    " × ".join(dimension_label(d, scheme, "en") for d in dims),
                )
                combos[dims] = {
                    "id": uid("categoryCombo", combo_code),
                    "code": combo_code,
                    "name": name,
                    "translations": translations,
                    "dataDimensionType": "DISAGGREGATION",
                    "skipTotal": False,
                    "categories": [{"id": uid("category", category(d))} for d in dims],
                }
            element["categoryCombo"] = {"id": combos[dims]["id"]}
        elements.append(element)
    set_code = data_set(scheme.id, scheme.version)
    return {
        "meta": {
            "generator": "Fallzahl",
            "scheme": scheme.id,
            "scheme_version": scheme.version,
            "note": "docs/exchange.md",
        },
        "attributes": [
            {
                "id": uid("attribute", ADDITIVE_ATTRIBUTE),
                "code": ADDITIVE_ATTRIBUTE,
                "name": "Fallzahl: additiv über die Ausprägungen",
                "shortName": ADDITIVE_ATTRIBUTE,
                "translations": [
                    {"property": "NAME", "locale": "en", "value": "Fallzahl: additive over options"}
                ],
                "valueType": "BOOLEAN",
                "dataElementAttribute": True,
            }
        ],
        "categoryOptions": list(option_objects.values()),
        "categories": categories,
        "categoryCombos": list(combos.values()),
        "dataElements": elements,
        "dataSets": [
            {
                "id": uid("dataSet", set_code),
                "code": set_code,
                "name": f"Fallzahl {scheme.district.name} (Schema {scheme.id} v{scheme.version})",
                "shortName": set_code,
                "periodType": "Quarterly",
                "dataSetElements": [
                    {"dataElement": {"id": e["id"]}, "dataSet": {"id": uid("dataSet", set_code)}}
                    for e in elements
                ],
            }
        ],
    }


def metadata_json(scheme: Scheme) -> bytes:
    return msgspec.json.format(msgspec.json.encode(metadata(scheme)), indent=2) + b"\n"


# Content-specific ADX schema

XS = "http://www.w3.org/2001/XMLSchema"
ADX = "urn:ihe:qrph:adx:2015"
PERIOD_PATTERN = r"\d{4}-(01|04|07|10)-01/P3M|\d{4}-01-01/P1Y|\d{4}-(0[1-9]|1[0-2])-01/P1M"
ZONED = r".+(Z|[+\-]\d{2}:\d{2})"


def xsd(scheme: Scheme) -> bytes:
    """An XML schema that accepts exactly the ADX of this scheme's data set: its data
    elements and options, DHIS2 period types, zoned timestamps, the confidentiality marker.
    (Which categories belong to which data element is in the metadata, not here: XSD 1.0
    cannot tie one attribute's value to the presence of others.)"""
    ET.register_namespace("xs", XS)

    def el(parent: ET.Element, tag: str, **attrs: str) -> ET.Element:
        return ET.SubElement(parent, f"{{{XS}}}{tag}", attrs)

    # The default namespace (for references to the types below) is declared by hand:
    # ElementTree only declares the namespaces of element names.
    root = ET.Element(
        f"{{{XS}}}schema",
        {"xmlns": ADX, "targetNamespace": ADX, "elementFormDefault": "qualified"},
    )
    doc = el(el(root, "annotation"), "documentation")
    doc.text = (
        f"ADX of the Fallzahl data set {data_set(scheme.id, scheme.version)}, generated from "
        f"scheme {scheme.id} version {scheme.version}. See docs/exchange.md."
    )

    def enum(name: str, values: list[str], base: str = "xs:token") -> None:
        st = el(root, "simpleType", name=name)
        r = el(st, "restriction", base=base)
        for v in values:
            el(r, "enumeration", value=v)

    def pattern(name: str, base: str, regex: str) -> None:
        st = el(root, "simpleType", name=name)
        el(el(st, "restriction", base=base), "pattern", value=regex)

    enum("dataElementType", [data_element(m, d) for m, d in ids.layout(scheme)])
    options = _options(scheme)
    for dim, codes in options.items():
        enum(f"{category(dim)}_Type", [option(dim, c) for c in codes])
    enum("confStatusType", [CONF_PRIMARY, CONF_SECONDARY])
    pattern("periodType", "xs:string", PERIOD_PATTERN)
    pattern("exportedType", "xs:dateTime", ZONED)

    adx = el(root, "complexType", name="adxType")
    el(el(adx, "sequence", maxOccurs="unbounded"), "element", name="group", type="groupType")
    el(adx, "attribute", name="exported", use="required", type="exportedType")

    group = el(root, "complexType", name="groupType")
    el(
        el(group, "sequence", maxOccurs="unbounded"),
        "element",
        name="dataValue",
        type="dataValueType",
    )
    el(group, "attribute", name="orgUnit", use="required", type="xs:token")
    el(group, "attribute", name="period", use="required", type="periodType")
    el(
        group,
        "attribute",
        name="dataSet",
        use="required",
        type="xs:token",
        fixed=data_set(scheme.id, scheme.version),
    )

    value = el(root, "complexType", name="dataValueType")
    el(el(value, "sequence", minOccurs="0", maxOccurs="1"), "element", name="annotation")
    el(value, "attribute", name="dataElement", use="required", type="dataElementType")
    el(value, "attribute", name="value", use="required", type="xs:nonNegativeInteger")
    for dim in options:
        el(value, "attribute", name=category(dim), type=f"{category(dim)}_Type")
    el(value, "attribute", name=CONF_ATTRIBUTE, type="confStatusType")
    el(root, "element", name="adx", type="adxType")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
