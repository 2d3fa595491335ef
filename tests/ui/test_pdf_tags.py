"""The PDFs' document information and text, checked with qpdf, pdfinfo, pdffonts,
pdfimages and pdftotext: language, title, author, subject, subset-tagged embedded fonts,
charts as vectors, text that a search finds, dates in the report's language."""

from __future__ import annotations

import datetime as dt
import html
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
