"""The district report as PDF: pages, text, '.' for hidden cells (never their value), the
window's export, a full disk. Read back with poppler's pdfinfo/pdftotext."""

from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
from pathlib import Path

import msgspec
import pytest
from PySide6.QtCore import Qt

from app.district import desk as district
from app.district.report import SUPPRESSED, report
from app.errors import DiskFull
from app.stats.tally import MISSING, Row, code_label, display_rows
from tests.support.district_world import Office, make_district, on_time
from tests.support.passphrases import FAST_KDF

pytestmark = pytest.mark.gui
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
POISON = 987654  # put into report.merged: the PDF must never show the exact sums


def _poppler() -> None:
    missing = [t for t in ("pdfinfo", "pdftotext") if shutil.which(t) is None]
    if missing:
        pytest.skip(
            f"{', '.join(missing)} not found: install poppler-utils "
            "(apt-get install poppler-utils) to read the PDF back"
        )


def _pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", out.stdout, re.M).group(1))


def _text(path: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.replace("\ufb01", "fi").replace("\ufb03", "ffi")  # ligatures


def _row(text: str, label: str) -> list[str]:
    """The cells after ``label`` on the one table line that has only numbers or '.' after it."""
    cell = r"(?:\d+|\.|\d+,\d %)"
    pattern = re.compile(rf"^\s*{re.escape(label)}((?:\s+{cell})+)\s*$", re.M)
    found = pattern.findall(text)
    assert len(found) == 1, f"{label!r}: {found}"
    return re.findall(r"\d+,\d %|\S+", found[0])


def _published(values) -> list[str]:
    return [SUPPRESSED if v is None else str(v) for v in values]


@pytest.fixture
def desk(tmp_path, monkeypatch):
    """Three enrolled offices: two sent Q1 and Q2 of 2025, one only Q1."""
    monkeypatch.setattr(district, "_now", lambda: on_time(2, 3))
    monkeypatch.setattr(district, "_today", lambda: on_time(2, 10).date())
    vault, session = make_district(tmp_path / "desk", FAST_KDF)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    offices = []
    for i, oid in enumerate(("HZ-QLB-01", "HZ-WR-02", "HZ-HBS-03")):
        o = Office(tmp_path, oid, i, FAST_KDF, cases=60)
        o.export(1, inbox)
        if oid != "HZ-HBS-03":
            o.export(2, inbox)
        district.enrol(session, oid, f"Stelle {oid}", o.public_key)
        offices.append(o)
    district.import_paths(session, [str(inbox)])
    yield session
    for o in offices:
        o.close()
    session.close()
    vault.close()


def test_quarter_pdf_pages_text_and_hidden_cells(qapp, desk, tmp_path):
    from ui.district_report_pdf import write_district_pdf

    _poppler()
    rep = report(desk, "2025-Q2")
    hidden = [r for r in rep.published.rows if r.value is None]
    assert hidden  # the small district has cells to hide
    # The exact sums ride along in the report; poisoned, they must not reach the PDF.
    poisoned = msgspec.structs.replace(
        rep, merged=msgspec.structs.replace(
            rep.merged, rows=tuple(Row(r.dims, r.measure, POISON) for r in rep.merged.rows)
        ),
    )  # fmt: skip
    target = tmp_path / "out" / "bericht.pdf"
    target.parent.mkdir()
    assert write_district_pdf(target, poisoned, desk.scheme, "de") == target
    assert target.read_bytes().startswith(b"%PDF")
    assert not [p for p in target.parent.iterdir() if p != target]  # no temporary left
    pages = _pages(target)
    assert pages >= 2
    text = _text(target)
    assert str(POISON) not in text
    for expected in (
        "Bericht des Landkreises",
        "Landkreis Harz",
        "2. Quartal 2025 (2025-Q2)",
        "lk-harz v1",
        "2 von 3 erwarteten",
        "HZ-HBS-03",
        f"Zellen mit Werten unter {rep.threshold}",
        "Mehrfachproblemlagen",
        "Anteil Multiproblemfälle",
        "VG Vorharz",
        "5. Verlauf",
        f"Seite 1 von {pages}",
        f"Seite {pages} von {pages}",
    ):
        assert expected in text, expected
    # Each section heading once: nothing drawn twice across a page break.
    assert text.count("1. Kennzahlen des Landkreises") == 1
    assert text.count("4. Gemeinden") == 1
    # Municipalities (pooled) and domain classes: the published cell, "." when hidden.
    munis = display_rows(rep.published, desk.scheme, "cases_active", ("municipality",))
    assert any(r.value is None for r in munis)
    assert "VG Vorharz" in {r.dims[0][1] for r in munis}
    for r in munis:
        code = r.dims[0][1]
        label = (
            "nicht erfasst" if code == MISSING else code_label("municipality", code, desk.scheme)
        )
        assert _row(text, label) == _published([r.value])
    classes = display_rows(rep.published, desk.scheme, "cases_active", ("domain_class",))
    for r in classes:
        code = r.dims[0][1]
        if code in ("0", "1"):
            continue  # labels without the code
        assert _row(text, f"{code} Lebensbereiche") == _published([r.value])
    # Offices and the district row: the published values in order.
    for office, values in rep.by_office:
        assert _row(text, office) == _published(values)
    assert _row(text, "Landkreis") == _published(rep.district_totals)  # the offices' sum row
    for label, values in rep.trend:
        assert _row(text, label) == _published(values)
    if os.environ.get("FALLZAHL_SCREENSHOTS"):
        _screenshots(target)


def test_year_pdf_in_english_with_a_hidden_share(qapp, desk, tmp_path):
    from ui.district_report_pdf import write_district_pdf

    _poppler()
    rep = report(desk, "2025")
    target = tmp_path / "year.pdf"
    write_district_pdf(target, rep, desk.scheme, "en")
    pages = _pages(target)
    assert pages >= 2
    text = _text(target)
    for expected in ("District report", "Year 2025", "3 of 3 expected", f"Page 1 of {pages}"):
        assert expected in text, expected
    assert "Bericht" not in text
    # The year has no active or multi-problem totals; the share comes from the published
    # domain classes and is "." as soon as one of those it needs is hidden.
    classes = {
        r.dims[0][1]: r.value
        for r in display_rows(rep.published, desk.scheme, "cases_new", ("domain_class",))
    }
    share = re.search(r"Share of multi-problem cases \(3 or more life domains\): (\S+)", text)
    if classes["3"] is None or classes["4+"] is None:
        assert share.group(1) == SUPPRESSED
    else:
        assert re.fullmatch(r"\d+\.\d", share.group(1))


def test_full_disk_gives_the_apps_message_and_leaves_nothing(qapp, desk, tmp_path, monkeypatch):
    from ui.district_report_pdf import write_district_pdf

    rep = report(desk, "2025-Q2")

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("app.atomic.os.fsync", full)
    folder = tmp_path / "voll"
    folder.mkdir()
    with pytest.raises(DiskFull) as got:
        write_district_pdf(folder / "bericht.pdf", rep, desk.scheme, "de")
    assert "voll" in got.value.message("de")
    assert list(folder.iterdir()) == []


def test_window_exports_the_report_as_pdf(qtbot, desk, tmp_path):
    from PySide6.QtWidgets import QPushButton

    from ui import dialogs
    from ui.district_window import DistrictWindow

    _poppler()
    win = DistrictWindow(desk)
    qtbot.addWidget(win)
    target = tmp_path / "bericht_2025-Q2.pdf"
    dialogs.answers.append(str(target))
    button = next(
        b for b in win.findChildren(QPushButton) if b.text().replace("&", "").startswith("Bericht")
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert "gespeichert" in win.results.item(0).text()
    assert ("save_file", f"Bericht speichern: {target}") in dialogs.shown
    assert _pages(target) >= 2
    period = win.model.headerData(win.model.columnCount() - 1, Qt.Orientation.Horizontal)
    assert f"({period})" in _text(target)
    # the same through export_report; the other formats are unchanged
    assert win.export_report("2025-Q1", "pdf", str(tmp_path / "q1.pdf")).read_bytes()[:4] == (
        b"%PDF"
    )
    assert win.export_report("2025-Q1", "sdmx", str(tmp_path / "q1.csv")).stat().st_size > 100


def _screenshots(pdf: Path) -> None:
    if shutil.which("pdftoppm") is None:
        return
    SHOTS.mkdir(parents=True, exist_ok=True)
    prefix = pdf.parent / "shot"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(pdf), str(prefix)], check=True
    )
    for n in (1, 2):
        shutil.copyfile(f"{prefix}-{n}.png", SHOTS / f"district_report_pdf_{n}.png")
