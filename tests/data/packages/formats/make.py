"""Make the packages of every format a district reads (from the repository root):

    python tests/data/packages/formats/make.py

One valid package per package format, of the same records, and the mix-ups that must be
refused; README.md beside this file has the table, expected.json the outcome of each
(tests/test_package_formats.py). Formats 1 and 2 are written here as Fallzahl wrote them
before package format 3 (tally format 1: ``?`` not recorded, ``-`` not asked, the scheme's
own unknown codes; ADX options ``_X``, ``<DIM>_-`` and ``<DIM>_<code>``), by
``format1_files``: the program itself no longer writes them. Keys and identity are those of
tests/data/packages (TEST ONLY).
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import msgspec

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[3]))
_spec = importlib.util.spec_from_file_location("vectors", HERE.parent / "make.py")
vectors = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(vectors)  # type: ignore[union-attr]

from app.crypto import signing  # noqa: E402
from app.exchange import package as pkg  # noqa: E402
from app.office import demo as demo_mod  # noqa: E402
from app.records.periods import parse_period  # noqa: E402
from app.scheme.trust import load_verified, shipped_schemes, trusted_keys  # noqa: E402
from app.stats import adx, codes, tally_io  # noqa: E402
from app.stats.tally import NON_ADDITIVE_MEASURES, Row, tally, unknown_by_dimension  # noqa: E402

PERIOD = parse_period(vectors.PERIOD)


def schemes() -> dict[int, tuple[bytes, object]]:
    """scheme version -> (document, scheme) of the shipped lk-harz schemes."""
    out = {}
    for doc, sig in shipped_schemes():
        s = load_verified(doc, sig, trusted_keys(), None, None, check_dates=False)
        out[s.version] = (doc, s)
    return out


def format1_files(tly, scheme) -> dict[str, bytes]:
    """tallies.json, tallies.csv and adx.xml of ``tly`` as written before tally format 2."""
    unknown = unknown_by_dimension(scheme)
    back = {codes.NOT_RECORDED: "?", codes.NOT_ASKED: "-"}

    def old(d: str, c: str) -> str:
        return unknown[d] if c == codes.UNKNOWN else back.get(c, c)

    rows = sorted(
        (Row(tuple(sorted((d, old(d, c)) for d, c in r.dims)), r.measure, r.value)
         for r in tly.rows),
        key=lambda r: (r.measure, r.dims),
    )  # fmt: skip
    was = msgspec.structs.replace(tly, rows=tuple(rows))
    # today's ADX writer on the old codes, then what the earlier one wrote differently:
    # "?" as "_X" (today's writer makes "<DIM>__"), "D92+" as "D92_" (today "D92PLUS")
    xml = adx.to_adx(was, vectors.OFFICE, vectors.CREATED).decode()
    xml = re.sub(r'="[A-Z_]*[A-Z]__"', '="_X"', xml)
    xml = re.sub(r'(_D\d+)PLUS"', r'\1_"', xml)
    return {
        "tallies.json": tally_io.to_json(was, format=tally_io.FORMAT_1),
        "tallies.csv": tally_io.csv_codes(was),
        "adx.xml": xml.encode(),
    }


def main() -> None:
    secret, public, _other_secret, _other_public = vectors.keys()
    kid = signing.key_id(public)
    known = schemes()
    out: dict[str, bytes] = {}

    def package(files, doc, scheme, fmt, **over) -> bytes:
        measures = {r.measure for r in tally_io.decode(files["tallies.json"])[1].rows}
        if fmt != pkg.FORMAT:
            over.setdefault("non_additive", sorted(measures & set(NON_ADDITIVE_MEASURES)))
        m = vectors.manifest_for(files, kid, scheme, doc, PERIOD, format=fmt, **over)
        return vectors.encrypt(vectors.assemble(files, m, secret))

    for version, (doc, scheme) in sorted(known.items()):
        cases, contacts = demo_mod.generate(scheme, 60, 2025, seed=7)
        tly = tally(scheme, cases, contacts, PERIOD)
        new = vectors.files_of(tly)
        old = format1_files(tly, scheme)
        out[f"format3_v{version}"] = package(new, doc, scheme, pkg.FORMAT_3)
        legacy = pkg.FORMAT if version == 1 else pkg.FORMAT_2
        out[f"format{1 if version == 1 else 2}_v{version}"] = package(old, doc, scheme, legacy)
        if version == 1:
            out["format3_with_tally_1"] = package(old, doc, scheme, pkg.FORMAT_3)
            out["format1_with_tally_2"] = package(new, doc, scheme, pkg.FORMAT)
            mixed = dict(new)
            mixed["tallies.csv"] = old["tallies.csv"]
            out["format3_csv_in_old_codes"] = package(mixed, doc, scheme, pkg.FORMAT_3)
    for old_file in HERE.glob("*.fallzahl.age"):
        old_file.unlink()
    for name, data in out.items():
        (HERE / f"{name}.fallzahl.age").write_bytes(data)
    print(sorted(out), file=sys.stderr)


if __name__ == "__main__":
    main()
