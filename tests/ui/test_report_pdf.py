"""The office PDF report: pages, text and an atomic write (checked with poppler-utils)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import unicodedata

import pytest

from app.errors import StorageError
from app.records.periods import parse_period
from app.stats.dashboard_data import overview
from tests.support.ui import make_office
from ui.report_pdf import write_office_pdf

pytestmark = pytest.mark.gui
NEEDS = pytest.mark.skipif(
    not (shutil.which("pdfinfo") and shutil.which("pdftotext") and shutil.which("pdftoppm")),
    reason="poppler-utils (pdfinfo, pdftotext, pdftoppm) not installed",
)
CREATED = dt.datetime(2026, 1, 20, 9, 30, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    vault, session = make_office(tmp_path_factory.mktemp("office") / "vault", n_cases=150)
    got = overview(session, parse_period("2025-Q3"), today=dt.date(2026, 1, 20))
    scheme = session.scheme
    session.close()
    vault.close()
    return got, scheme


def _pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(
        next(line for line in info.stdout.splitlines() if line.startswith("Pages:")).split()[1]
    )


def _text(path, first: int | None = None, last: int | None = None) -> str:
    args = ["pdftotext", "-layout"]
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    out = subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True)
    return unicodedata.normalize("NFKC", out.stdout)  # ligatures (ffi) back to letters


@NEEDS
def test_pages_and_text(qapp, figures, tmp_path):
    got, scheme = figures
    path = tmp_path / "bericht.pdf"
    write_office_pdf(
        path, got.tally, scheme, "Beratungsstelle Quedlinburg", "HZ-QLB-01", got.trend, "de",
        created=CREATED,
    )  # fmt: skip
    assert path.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["bericht.pdf"]  # no temporary file left
    n = _pages(path)
    assert 6 <= n <= 9
    cover = _text(path, 1)
    for text in ("Bericht der Beratungsstelle", "Beratungsstelle Quedlinburg", "HZ-QLB-01",
                 "2025-Q3", "01.07.2025 bis 30.09.2025", "Version 1", "20.01.2026"):  # fmt: skip
        assert text in cover, text
    assert "Kennzahlen" in _text(path, 2)
    assert f"{got.tally.value('cases_active')}" in _text(path, 2)
    everything = _text(path)
    for heading in ("Beratungsfeld", "Geschlecht", "Altersgruppe", "Wohngemeinde",
                    "Lebensbereich", "Anzahl Lebensbereiche", "Diagramme",
                    "Problemlagen nach Lebensbereich"):  # fmt: skip
        assert heading in everything, heading
    last = _text(path, n)
    assert "Ort, Datum, Unterschrift Leitung" in last
    # the pages render: page 1 as an image, and the charts page is not blank
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(path), str(tmp_path / "page")], check=True)
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == n
    from PySide6.QtGui import QImage

    chart_page = next(i for i in range(1, n + 1) if "Diagramme" in _text(path, i))
    img = QImage(str(pngs[chart_page - 1]))
    colours = {img.pixel(x, y) for x in range(0, img.width(), 3) for y in range(0, img.height(), 3)}
    assert len(colours) > 20  # drawn charts, not only text


@NEEDS
def test_english(qapp, figures, tmp_path):
    got, scheme = figures
    path = tmp_path / "report.pdf"
    write_office_pdf(path, got.tally, scheme, "Office", "HZ-1", got.trend, "en", created=CREATED)
    text = _text(path)
    for phrase in ("Office report", "Key figures", "Active cases", "Place, date, signature"):
        assert phrase in text, phrase
    assert "Unterschrift" not in text


def test_missing_folder_is_a_clear_error(qapp, figures, tmp_path):
    got, scheme = figures
    with pytest.raises(StorageError) as err:
        write_office_pdf(tmp_path / "nope" / "r.pdf", got.tally, scheme, "X", "Y", got.trend)
    assert "konnte nicht geschrieben werden" in err.value.message("de")
