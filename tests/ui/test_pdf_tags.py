"""The PDFs' document information and text, checked with qpdf, pdfinfo, pdffonts,
pdfimages and pdftotext: language, title, author, subject, subset-tagged embedded fonts,
charts as vectors, text that a search finds, dates in the report's language."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from app.records.periods import parse_period  # noqa: E402
from app.stats.dashboard_data import overview  # noqa: E402
from tests.support.exchange_world import district, scheme  # noqa: E402
from tests.support.ui import make_office  # noqa: E402
from ui.district_report_pdf import district_pdf_bytes  # noqa: E402
from ui.report_pdf import pdf_bytes  # noqa: E402

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(
        not all(shutil.which(t) for t in ("qpdf", "pdfinfo", "pdffonts", "pdftotext", "pdfimages")),
        reason="qpdf and poppler-utils (pdfinfo, pdffonts, pdftotext, pdfimages) not installed",
    ),
]
CREATED = dt.datetime(2026, 1, 20, 9, 30, tzinfo=dt.UTC)
LIGATURES = re.compile("[\ufb00-\ufb06]")
GERMAN_DATE = re.compile(r"\b\d{2}\.\d{2}\.\d{4}\b")


@pytest.fixture(scope="module")
def pdfs(qapp, tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdfs")
    vault, session = make_office(folder / "vault", n_cases=150)
    got = overview(session, parse_period("2025-Q3"), today=dt.date(2026, 1, 20))
    office_scheme = session.scheme
    session.close()
    vault.close()
    out = {}
    for language in ("de", "en"):
        path = folder / f"office-{language}.pdf"
        path.write_bytes(pdf_bytes(got.tally, office_scheme, "Beratungsstelle Quedlinburg",
                                   "HZ-QLB-01", got.trend, language, created=CREATED))  # fmt: skip
        out[("office", language)] = path
        path = folder / f"district-{language}.pdf"
        path.write_bytes(district_pdf_bytes(district(), scheme(), language))
        out[("district", language)] = path
    return out


def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def _info(path: Path) -> dict[str, str]:
    lines = _run("pdfinfo", str(path)).splitlines()
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in lines)}


def test_qpdf_finds_no_errors(pdfs):
    for path in pdfs.values():
        got = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert got.returncode == 0, got.stdout + got.stderr
        assert "No syntax or stream encoding errors" in got.stdout


def test_language_title_author_subject(pdfs):
    for (kind, language), path in pdfs.items():
        info = _info(path)
        author = "Beratungsstelle Quedlinburg" if kind == "office" else "Landkreis Harz"
        assert info["Author"] == author and info["Creator"] == "Fallzahl"
        assert (
            info["Title"].startswith(author + ":") and info["Title"].count("Beratungsstelle") <= 1
        )
        assert ("2025-Q3" if kind == "office" else "2025-Q1") in info["Title"]
        assert "lk-harz v1" in info["Subject"]
        root = re.search(r"/Root (\d+) 0 R", _run("qpdf", "--show-object=trailer", str(path)))
        catalog = _run("qpdf", f"--show-object={root.group(1)}", str(path))
        tag = "de-DE" if language == "de" else "en-GB"
        assert f"/Lang ({tag})" in catalog
        meta = _run("pdfinfo", "-meta", str(path))
        assert f"<rdf:li>{tag}</rdf:li>" in meta and "<pdfaid:part>1</pdfaid:part>" in meta
        assert info["Subject"].split(",")[0] in meta


def test_fonts_embedded_as_tagged_subsets(pdfs):
    for path in pdfs.values():
        rows = _run("pdffonts", str(path)).splitlines()[2:]
        assert rows
        for row in rows:
            name, *rest = row.split()
            emb, sub, uni = rest[-5], rest[-4], rest[-3]
            assert re.match(r"^[A-Z]{6}\+", name) and (emb, sub, uni) == ("yes", "yes", "yes"), row


def test_charts_are_vectors(pdfs):
    for path in pdfs.values():
        assert len(_run("pdfimages", "-list", str(path)).splitlines()) == 2  # the header only


def test_text_is_found_by_search_and_dates_follow_the_language(pdfs):
    for (kind, language), path in pdfs.items():
        text = _run("pdftotext", str(path), "-")
        assert not LIGATURES.search(text), LIGATURES.findall(text)[:5]
        if kind == "office":  # the letters a ligature would join, as letters
            assert re.search(r"\w(fl|fi|ff)\w", text)
        if kind == "office" and language == "de":  # "Schwangerschaftskonfliktberatung"
            assert "konflikt" in text.lower()
        if language == "de":
            assert GERMAN_DATE.search(text)
        else:
            assert not GERMAN_DATE.search(text), GERMAN_DATE.findall(text)[:3]
            assert ("2025-07-01" if kind == "office" else "2025-01-01") in text


def test_pdfa_1b_has_no_transparency_and_its_metadata_agree(pdfs, tmp_path):
    """What PDF/A-1b forbids and a validator would check first (veraPDF is not available
    here): soft masks and constant alpha below 1; Info and XMP must say the same."""
    for path in pdfs.values():
        flat = tmp_path / f"{path.stem}.qdf.pdf"
        subprocess.run(
            ["qpdf", "--qdf", "--object-streams=disable", str(path), str(flat)], check=True
        )
        text = flat.read_bytes().decode("latin-1")
        assert set(re.findall(r"/SMask\s*(/\w+|\d+ 0 R)", text)) <= {"/None"}
        assert all(float(v) == 1.0 for v in re.findall(r"/(?:CA|ca)\s+([\d.]+)", text))
        info, meta = _info(path), _run("pdfinfo", "-meta", str(path))
        for key, tag in (("Title", "dc:title"), ("Subject", "dc:description")):
            value = re.escape(html.escape(info[key], quote=False))
            assert re.search(rf'<{tag}><rdf:Alt><rdf:li xml:lang="x-default">{value}<', meta), key
        assert f"<rdf:li>{info['Author']}</rdf:li>" in meta


class _Pdf:
    """qpdf's view of a file's current objects (qpdf --json=2), references followed."""

    def __init__(self, path: Path) -> None:
        got = _run("qpdf", "--json=2", "--json-key=qpdf", "--json-stream-data=none", str(path))
        self.header, self.objects = json.loads(got)["qpdf"]
        self.trailer = self.objects["trailer"]["value"]

    def __call__(self, ref):
        """An object's value (a stream's dictionary); anything but a reference as it is."""
        if not (isinstance(ref, str) and ref.endswith(" R")):
            return ref
        got = self.objects[f"obj:{ref}"]
        return got["value"] if "value" in got else got["stream"]["dict"]

    def of_type(self, kind: str) -> list[dict]:
        values = (self(k.removeprefix("obj:")) for k in self.objects if k.startswith("obj:"))
        return [v for v in values if isinstance(v, dict) and v.get("/Type") == kind]


def test_pdfa_1b_output_intent_fonts_and_file_structure(pdfs):
    """The rest of what Qt's PDF/A-1b mode writes and a validator checks (ISO 19005-1),
    still there after ui/pdf_finish.py's update: header, ID, no encryption, the sRGB output
    intent with an ICC profile older than version 4, embedded fonts with their CIDSet, only
    RGB or grey drawing under the RGB intent, unfiltered XMP that claims part 1 level B."""
    for path in pdfs.values():
        head = path.read_bytes()[:32].split(b"\n")
        assert head[0] == b"%PDF-1.4" and sum(b > 127 for b in head[1]) >= 4, head
        assert "File is not encrypted" in _run("qpdf", "--show-encryption", str(path))
        pdf = _Pdf(path)
        assert pdf.header["pdfversion"] == "1.4"
        assert len(pdf.trailer["/ID"]) == 2 and "/Encrypt" not in pdf.trailer
        catalog = pdf(pdf.trailer["/Root"])
        assert not {"/OCProperties", "/AA", "/OpenAction"} & set(catalog)
        assert "/EmbeddedFiles" not in pdf(catalog.get("/Names", {}))
        (intent,) = [pdf(i) for i in catalog["/OutputIntents"]]
        assert intent["/S"] == "/GTS_PDFA1" and intent["/OutputConditionIdentifier"]
        assert pdf(intent["/DestOutputProfile"])["/N"] == 3
        icc = subprocess.run(
            ["qpdf", f"--show-object={intent['/DestOutputProfile'].split()[0]}",
             "--filtered-stream-data", str(path)],
            capture_output=True, check=True,
        ).stdout  # fmt: skip
        assert icc[36:40] == b"acsp" and icc[16:20] == b"RGB " and icc[12:16] == b"mntr"
        assert icc[8] < 4, f"ICC profile version {icc[8]}: PDF/A-1 (PDF 1.4) predates ICC v4"
        assert "/Filter" not in pdf(catalog["/Metadata"])
        assert "<pdfaid:conformance>B</pdfaid:conformance>" in _run("pdfinfo", "-meta", str(path))

        fonts = pdf.of_type("/Font")
        composite = [f for f in fonts if f["/Subtype"] == "/Type0"]
        assert composite and len(fonts) == 2 * len(composite)  # each with its descendant
        for font in composite:
            (cid,) = [pdf(d) for d in font["/DescendantFonts"]]
            descriptor = pdf(cid["/FontDescriptor"])
            assert cid["/Subtype"] == "/CIDFontType2" and "/FontFile2" in descriptor
            assert "/CIDSet" in descriptor, "PDF/A-1 wants a CIDSet for every CID font subset"
            assert descriptor["/FontName"] == cid["/BaseFont"] == font["/BaseFont"]

        flat = subprocess.run(
            ["qpdf", "--qdf", "--object-streams=disable", str(path), "-"],
            capture_output=True, check=True,
        ).stdout.decode("latin-1")  # fmt: skip
        assert not re.search(r"(?m)^[\d. ]+ [kK]$", flat), "CMYK drawn under an RGB intent"
        used = set(re.findall(r"/(\w+)\s+(?:cs|CS)\b", flat))
        assert used
        for page in pdf.of_type("/Page"):
            spaces = pdf(pdf(page["/Resources"]).get("/ColorSpace", {}))
            for name in used:
                space = pdf(spaces[f"/{name}"])
                base = space if isinstance(space, str) else pdf(space[1])  # [/Pattern base]
                assert base in ("/DeviceRGB", "/DeviceGray"), (path.name, name, space)
