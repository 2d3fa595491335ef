"""Tallies on disk and on screen: tallies.json, tallies.csv and a terminal table.

The formats are specified in docs/tally-format.md. ``to_json`` is canonical: the same tally
always gives the same bytes, and ``from_json`` accepts only canonical bytes, so a tally
read back re-serializes byte for byte (and any edit to a file is noticed).

Format 2 (``fallzahl-tally/2``) writes the codes of app/stats/codes.py for not recorded,
unknown and not asked. Format 1 files (``?``, ``-`` and the scheme's own unknown codes, in
packages of format 1 and 2 and in frozen periods of earlier versions) are still read:
``upgrade`` is the one place that maps their codes.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

import msgspec

from app import lang
from app.errors import PeriodInvalid, TallyRefused
from app.records.periods import parse_period
from app.scheme.model import Scheme
from app.stats.codes import FORMAT1, UNKNOWN
from app.stats.tally import (
    DOMAIN_CLASS,
    ITEM,
    SCHEME_DIMENSION,
    V2_DIMENSIONS,
    Row,
    Tally,
    code_label,
    dimension_label,
    display_rows,
    measure_label,
    measure_order,
    unknown_by_dimension,
)

FORMAT = "fallzahl-tally/2"
FORMAT_1 = "fallzahl-tally/1"  # "?", "-" and the scheme's unknown codes: read, never written
FORMATS = (FORMAT_1, FORMAT)
SUPPRESSED = "."  # how a suppressed value is shown in CSV and tables
# A count written as text: ASCII digits, no sign, no leading zero, no "_" (int() accepts
# "+13", "1_3" and Arabic-Indic digits; a file from outside must not), at most 18 digits.
COUNT = re.compile(r"0|[1-9][0-9]{0,17}")


def parse_count(text: str) -> int:
    """A count from a text file (CSV cell, XML attribute); ValueError unless strictly written."""
    if not isinstance(text, str) or COUNT.fullmatch(text) is None:
        raise ValueError(f"not a count: {text!r}")
    return int(text)


# Column order of dimensions in CSV (then any others, alphabetically).
DIMENSION_ORDER = (*SCHEME_DIMENSION, DOMAIN_CLASS, *V2_DIMENSIONS, ITEM)


class _Doc(msgspec.Struct, forbid_unknown_fields=True):
    format: str
    scheme_id: str
    scheme_version: int
    period: str
    start: str
    end: str
    rows: list[Row]


_enc = msgspec.json.Encoder()
_dec = msgspec.json.Decoder(_Doc)


def to_json(tally: Tally, *, format: str = FORMAT) -> bytes:
    """Canonical JSON: fixed key order, no spaces, one row per line, UTF-8, final newline.

    ``format``: only for checking that a format 1 file is canonical (``decode``)."""
    p = tally.period
    head = (
        b'{"format":' + _enc.encode(format)
        + b',"scheme_id":' + _enc.encode(tally.scheme_id)
        + b',"scheme_version":' + _enc.encode(tally.scheme_version)
        + b',"period":' + _enc.encode(p.label)
        + b',"start":' + _enc.encode(p.start.isoformat())
        + b',"end":' + _enc.encode(p.end.isoformat())
        + b',"rows":'
    )  # fmt: skip
    if tally.rows:
        body = b"[\n" + b",\n".join(_enc.encode(r) for r in tally.rows) + b"\n]"
    else:
        body = b"[]"
    return head + body + b"}\n"


def _refused(why_de: str, why_en: str) -> TallyRefused:
    return TallyRefused(
        f"Die Auszählung (tallies.json) ist beschädigt oder verändert: {why_de}. "
        "Erzeugen Sie sie neu oder fordern Sie die Datei erneut an.",
        f"The tally (tallies.json) is damaged or was altered: {why_en}. "
        "Create it again or ask for the file again.",
    )


def from_json(data: bytes, scheme: Scheme | None = None) -> Tally:
    """Read canonical tallies.json of either format, in today's codes (``upgrade``: with
    ``scheme``, a format 1 file's unknown codes too); refuse anything else with TallyRefused."""
    fmt, tally = decode(data)
    return tally if fmt == FORMAT else upgrade(tally, scheme)


def decode(data: bytes) -> tuple[str, Tally]:
    """(format, tally) of canonical tallies.json, the rows in the file's own codes."""
    try:
        doc = _dec.decode(data)
    except (msgspec.DecodeError, msgspec.ValidationError) as exc:
        raise _refused(f"kein gültiges Dokument ({exc})", f"not a valid document ({exc})") from exc
    if doc.format not in FORMATS:
        raise _refused(f"unbekanntes Format {doc.format!r}", f"unknown format {doc.format!r}")
    try:
        period = parse_period(doc.period)
    except PeriodInvalid:
        raise _refused("Zeitraum ungültig", "invalid period") from None
    if (period.start.isoformat(), period.end.isoformat()) != (doc.start, doc.end):
        raise _refused("Zeitraum und Daten passen nicht", "period and dates do not match")
    # each distinct dimension tuple once (a tally repeats them for every measure)
    for dims in {row.dims for row in doc.rows}:
        if list(dims) != sorted(dims) or len({d for d, _ in dims}) != len(dims):
            raise _refused("Merkmale einer Zeile nicht geordnet", "row dimensions not sorted")
    if any(row.value is not None and row.value < 0 for row in doc.rows):
        raise _refused("negativer Wert", "negative value")
    keys = [(row.measure, row.dims) for row in doc.rows]
    if any(a >= b for a, b in zip(keys, keys[1:], strict=False)):
        raise _refused("Zeilen nicht geordnet oder doppelt", "rows unsorted or repeated")
    tally = Tally(
        period=period,
        scheme_id=doc.scheme_id,
        scheme_version=doc.scheme_version,
        rows=tuple(doc.rows),
    )
    if to_json(tally, format=doc.format) != data:
        raise _refused("nicht in kanonischer Form", "not in canonical form")
    return doc.format, tally


def upgrade_rows(rows: Iterable[Row], unknown: dict[str, str] | None = None) -> list[Row]:
    """Rows of a format 1 tally (or of its CSV and ADX) in today's codes, sorted: ``?`` and
    ``-`` by codes.FORMAT1, and ``unknown`` (row dimension -> the scheme's unknown code,
    ``tally.unknown_by_dimension``) to ``_U``. Rows already in today's codes pass unchanged:
    no scheme code is ``?``, ``-`` or an unknown code counted under ``_U``."""
    unknown = unknown or {}

    def code(d: str, c: str) -> str:
        return UNKNOWN if unknown.get(d) == c else FORMAT1.get(c, c)

    out = []
    for r in rows:
        if any(c in FORMAT1 or unknown.get(d) == c for d, c in r.dims):
            r = Row(tuple(sorted((d, code(d, c)) for d, c in r.dims)), r.measure, r.value)
        out.append(r)
    return sorted(out, key=lambda r: (r.measure, r.dims))


def upgrade(tally: Tally, scheme: Scheme | None = None) -> Tally:
    """``tally`` in today's codes (``upgrade_rows``; unknown codes only with ``scheme``)."""
    unknown = unknown_by_dimension(scheme) if scheme is not None else {}
    rows = upgrade_rows(tally.rows, unknown)
    if all(a is b for a, b in zip(rows, tally.rows, strict=True)):
        return tally
    return Tally(
        period=tally.period,
        scheme_id=tally.scheme_id,
        scheme_version=tally.scheme_version,
        rows=tuple(rows),
    )


def dimension_columns(tally: Tally) -> list[str]:
    present = {d for r in tally.rows for d, _ in r.dims}
    ordered = [d for d in DIMENSION_ORDER if d in present]
    return ordered + sorted(present - set(ordered))


def to_csv(tally: Tally, scheme: Scheme, language: str = "de", *, labels: bool = False) -> str:
    """Long form: period, measure, one column per dimension, value (suppressed: ".").

    Cells hold codes (stable for machines); with ``labels=True`` they hold the labels in
    ``language`` instead. An empty dimension cell means "all" (the row is a total over it).
    """
    dims = dimension_columns(tally)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if labels:
        writer.writerow(
            [
                "Zeitraum" if language == "de" else "period",
                "Kennzahl" if language == "de" else "measure",
                *(dimension_label(d, scheme, language) for d in dims),
                "Wert" if language == "de" else "value",
            ]
        )
    else:
        writer.writerow(["period", "measure", *dims, "value"])
    label = tally.period.label
    for r in tally.rows:
        cells = dict(r.dims)
        if labels:
            row = [
                label,
                measure_label(r.measure, language),
                *(code_label(d, cells[d], scheme, language) if d in cells else "" for d in dims),
            ]
        else:
            row = [label, r.measure, *(cells.get(d, "") for d in dims)]
        row.append(SUPPRESSED if r.value is None else str(r.value))
        writer.writerow(row)
    return out.getvalue()


def csv_codes(tally: Tally) -> bytes:
    """``to_csv(tally, scheme).encode()`` (codes, not labels), built without the csv module.

    The same bytes whenever no cell needs CSV quoting, which holds for the codes a package
    may carry (app.package.SAFE_CODE); a district checks an office's tallies.csv against it.
    """
    dims = dimension_columns(tally)
    column = {d: i for i, d in enumerate(dims)}
    label = tally.period.label
    lines = [",".join(["period", "measure", *dims, "value"])]
    empty = [""] * len(dims)
    for r in tally.rows:
        cells = empty.copy()
        for d, c in r.dims:
            cells[column[d]] = c
        value = SUPPRESSED if r.value is None else str(r.value)
        lines.append(",".join([label, r.measure, *cells, value]))
    lines.append("")
    return "\n".join(lines).encode("utf-8")


def to_text_table(tally: Tally, scheme: Scheme, language: str | None = None) -> str:
    """A readable table for the terminal: totals first, then one block per breakdown."""
    language = language or lang.current()
    de = language != "en"
    width = 44
    lines = [
        (f"Auszählung {tally.period.label}" if de else f"Tally {tally.period.label}")
        + f"  ({tally.scheme_id} v{tally.scheme_version})",
        "",
        "Gesamt" if de else "Totals",
    ]
    for measure in measure_order(tally):
        if any(r.measure == measure and not r.dims for r in tally.rows):
            v = tally.value(measure)
            lines.append(f"  {measure_label(measure, language):<{width}} {_fmt(v):>8}")
    rank = {m: i for i, m in enumerate(measure_order(tally))}
    dim_rank = {d: i for i, d in enumerate(DIMENSION_ORDER)}

    def order(b: tuple[str, tuple[str, ...]]) -> tuple:
        return (rank[b[0]], len(b[1]), [dim_rank.get(d, len(dim_rank)) for d in b[1]], b[1])

    for measure, dims in sorted(tally.breakdowns(), key=order):
        if not dims:
            continue
        by = " × ".join(dimension_label(d, scheme, language) for d in dims)
        lines += ["", f"{measure_label(measure, language)} {'nach' if de else 'by'} {by}"]
        for r in display_rows(tally, scheme, measure, dims):
            text = " / ".join(code_label(d, c, scheme, language) for d, c in r.dims)
            if len(text) > width:
                text = text[: width - 1] + "…"
            lines.append(f"  {text:<{width}} {_fmt(r.value):>8}")
    return "\n".join(lines) + "\n"


def _fmt(value: int | None) -> str:
    return SUPPRESSED if value is None else f"{value:,}".replace(",", ".")
