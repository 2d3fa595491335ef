"""Screenshots of the district's planning for docs/screenshots (run on a display):

    python -m tools.screenshot_planning OUTDIR [--hold SECONDS]

Builds the demo district of tools/planning_world.py, then shows one after another the
planning overview (district_overview.png), its map (district_map.png) and an office's
"Ihre Daten im Sozialplan" after it read in the district's feedback (plan_feedback.png), each
for ``--hold`` seconds; while a window is up, OUTDIR/.showing names the file it stands for
(so a screen grabber can take the whole screen). Each window is also saved with
QWidget.grab, and the district PDF's page with the map as district_plan_pdf_map.png (pdftoppm).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    parser = argparse.ArgumentParser()
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--hold", type=float, default=4.0)
    args = parser.parse_args()
    os.environ["FALLZAHL_NO_DIALOGS"] = "1"
    from PySide6.QtWidgets import QApplication

    from ui import refguard

    refguard.install()  # PySide6 6.12 on Python 3.11 loses references to None

    app = QApplication([])
    from app.district.feedback import write_feedback
    from app.office import feedback_import
    from app.vault.vault import Vault
    from tools.planning_world import OFFICES, PASS, build
    from ui.district_overview import DistrictOverview
    from ui.district_window import DistrictWindow
    from ui.plan_feedback_view import PlanFeedbackView

    out = args.outdir
    out.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp())
    vault, desk = build(root)
    marker = out / ".showing"

    def hold(widget, name: str) -> None:
        widget.show()
        widget.raise_()
        widget.activateWindow()
        end = time.monotonic() + 1.0
        while time.monotonic() < end:
            app.processEvents()
        widget.grab().save(str(out / f"grab_{name}"))
        marker.write_text(name)
        end = time.monotonic() + args.hold
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)
        marker.unlink(missing_ok=True)

    overview = DistrictOverview(desk)
    overview.resize(1280, 720)
    overview.move(0, 0)
    overview.select(period="2025-Q4")
    hold(overview, "district_overview.png")
    overview.tabs.setCurrentIndex(1)
    hold(overview, "district_map.png")
    overview.close()
    win = DistrictWindow(desk)
    pdf = root / "bericht.pdf"
    win.export_report("2025-Q4", "pdf", str(pdf))
    if shutil.which("pdftoppm"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        pages = text.split("\f")
        page = next(i for i, p in enumerate(pages, 1) if "6. Planung" in p)
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", "-f", str(page), "-l",
                        str(page), str(pdf), str(out / "district_plan_pdf_map")], check=True)  # fmt: skip
    feedback = write_feedback(desk, "2025-Q4", root / "feedback")
    desk.close()
    vault.close()
    office_vault = Vault(root / OFFICES[0])
    office = office_vault.unlock("lead", PASS)
    feedback_import.import_feedback_file(office, feedback)
    view = PlanFeedbackView(office)
    view.resize(900, 680)
    view.move(0, 0)
    hold(view, "plan_feedback.png")
    office.close()
    office_vault.close()
    shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
