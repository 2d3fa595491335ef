"""Workbooks that print and that machines read: page setup on every sheet, header in row 1,
codes beside labels, totals apart, "." only in a text column beside its number; rendered
with LibreOffice headless and checked page by page with poppler's pdfinfo / pdftotext."""

from __future__ import annotations

import re
import shutil
import subprocess

import openpyxl
import pytest

from app.district import report as district_report
from app.stats import workbook
from tests.support.exchange_world import district, office_tallies, scheme

OFFICE = "Beratungsstelle Quedlinburg"
STATUS = re.compile(r"^(.*) \((Geheimhaltung|confidentiality)\)$")


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    folder = tmp_path_factory.mktemp("books")
    office = folder / "office.xlsx"
    workbook.write_office_report(
        office, office_tallies()["HZ-QLB-01"]["2025-Q1"], scheme(), OFFICE, "HZ-QLB-01"
    )
    dist = folder / "district.xlsx"
    dist.write_bytes(district_report.to_xlsx(district(), scheme(), "de"))
    return {"office": (office, f"{OFFICE} (HZ-QLB-01)"), "district": (dist, "Landkreis Harz")}


def test_every_sheet_prints_on_a4_one_page_wide_with_header_and_footer(books):
    for path, left in books.values():
        wb = openpyxl.load_workbook(path)
        assert wb.properties.creator == "Fallzahl" and "2025-Q1" in wb.properties.title
        assert wb.properties.subject.startswith("lk-harz v1")
        for i, ws in enumerate(wb.worksheets):
            ps = ws.page_setup
            assert (ps.paperSize, ps.fitToWidth, ps.fitToHeight) in (("9", 1, 0), (9, 1, 0))
            assert ws.sheet_properties.pageSetUpPr.fitToPage
            assert ps.orientation in ("portrait", "landscape")
            assert ws.oddHeader.left.text == left.replace("&", "&&")
            assert ws.oddHeader.center.text == f"{ws.title} – 2025-Q1"
            assert ws.oddFooter.center.text == "Seite &P von &N"
            if i:  # data sheets repeat their header row
                assert ws.print_title_rows in ("1:1", "$1:$1"), ws.title


def _numeric(values) -> bool:
    return all(v is None or isinstance(v, int) for v in values)


def test_data_sheets_read_by_machine(books):
    for path, _left in books.values():
        wb = openpyxl.load_workbook(path)
        for ws in wb.worksheets[1:]:
            header = [c.value for c in ws[1]]
            assert all(isinstance(h, str) and h for h in header), (ws.title, header)
            assert header[0] in (
                "Code",
                "Beratungsstelle",
                "Quartal",
                "Kennzahl-Code",
                "Merkmal-Code",
            )
            columns = list(ws.iter_cols(min_row=2, values_only=True))
            for j, col in enumerate(columns):
                if "." in col:
                    m = STATUS.match(header[j])
                    assert m and header[j - 1] == m.group(1), (ws.title, header[j])
                    assert set(col) <= {".", None}
                    number = columns[j - 1]
                    assert _numeric(number)
                    assert all(
                        (s == ".") == (v is None)
                        for v, s in zip(number, col, strict=True)
                        if v is not None or s
                    )
                    assert any(v is None and s == "." for v, s in zip(number, col, strict=True))
            for r in range(2, ws.max_row + 1):
                label = ws.cell(r, 1).value or ws.cell(r, 2).value
                if label in ("Gesamt", "Landkreis") and ws.title != "Kennzahlen":
                    assert all(c.value is None for c in ws[r - 1]), (ws.title, r)


def test_district_table_has_codes_beside_labels(books):
    ws = openpyxl.load_workbook(books["district"][0])["Tabelle"]
    header = [c.value for c in ws[1]]
    assert header[:6] == [
        "Kennzahl-Code",
        "Kennzahl",
        "Merkmal 1",
        "Merkmal 1 (Bezeichnung)",
        "Code 1",
        "Code 1 (Bezeichnung)",
    ]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(district().published.rows)
    sex = next(r for r in rows if r[0] == "cases_active" and r[2] == "sex" and r[6] is None)
    assert sex[3] == "Geschlecht" and sex[4] in {"m", "w", "d", "x", "_X"}


def test_charts_stand_below_the_table_on_a_page_of_their_own(books):
    for path, _left in books.values():
        wb = openpyxl.load_workbook(path)
        for ws in wb.worksheets:
            for chart in ws._charts:
                row = chart.anchor._from.row  # 0-based
                breaks = {b.id for b in ws.row_breaks.brk}
                assert row in breaks and row >= 2
                width, height = workbook.PAGE_CM[ws.page_setup.orientation]
                assert chart.width <= width and chart.height <= height


WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


def _pages(pdf) -> list[tuple[str, list[tuple[str, float, float, float, float]], float, float]]:
    """(text, words with their boxes, width, height) of every page."""
    got = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    pages = []
    for chunk in got.stdout.split("<page ")[1:]:
        w, h = map(float, PAGE.search("<page " + chunk).groups())
        words = [(m[4], *map(float, m[:4])) for m in WORD.findall(chunk)]
        pages.append((" ".join(x[0] for x in words), words, w, h))
    return pages


def _inside(words, texts, width, height) -> bool:
    """Every word of ``texts`` is on the page, inside its printable area."""
    needed = {w for t in texts for w in str(t).split()}
    boxes = {}
    for word, x0, y0, x1, y1 in words:
        if x0 >= 20 and x1 <= width - 20 and y0 >= 30 and y1 <= height - 30:
            boxes[word] = True
    return needed <= set(boxes)


def _categories(wb, chart) -> list[str]:
    ref = (
        chart.series[0].cat.strRef.f if chart.series[0].cat.strRef else chart.series[0].cat.numRef.f
    )
    sheet, cells = ref.rsplit("!", 1)
    ws = wb[sheet.strip("'")]
    return [c.value for row in ws[cells.replace("$", "")] for c in row if c.value is not None]


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice not installed (libreoffice-calc)"
)
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_libreoffice_prints_every_sheet_without_cutting(books, tmp_path):
    paths = [p for p, _ in books.values()]
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, paths)],
        capture_output=True, check=True, timeout=300,
    )  # fmt: skip
    for path in paths:
        pdf = tmp_path / f"{path.stem}.pdf"
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
        n = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))
        pages = _pages(pdf)
        assert len(pages) == n
        wb = openpyxl.load_workbook(path)
        # one page wide, so pages only go down: at least 30 rows a page, and a page per chart
        # (an office quarter printed on 77 pages before)
        assert n <= sum(-(-ws.max_row // 30) + len(ws._charts) for ws in wb.worksheets), n
        for i, (text, *_rest) in enumerate(pages, start=1):
            assert f"Seite {i} von {n}" in text
        for ws in wb.worksheets:
            own = [p for p in pages if f"{ws.title} – 2025-Q1" in p[0]]
            assert own, ws.title
            if ws is not wb.worksheets[0]:  # the header printed in full on the first page
                heads = [c.value for c in ws[1] if c.value]
                assert _inside(own[0][1], heads, own[0][2], own[0][3]), (ws.title, heads)
            for chart in ws._charts:  # each chart whole on one page
                title = chart.title.tx.rich.p[0].r[0].t
                texts = [title, *_categories(wb, chart)]
                assert any(_inside(words, texts, w, h) for _t, words, w, h in own), (
                    ws.title,
                    title,
                )
