"""Desktop budgets: cold start to the unlock dialog, and unlock to a usable main window.

Cold start (budget < 1.5 s): a fresh process that shows the unlock dialog on an existing
vault, against a baseline process that imports PySide6 and shows an empty window, both
measured in this run. Unlock (budget < 0.5 s after the key derivation): opening every
record of a 20,000-case / 100,000-contact vault and showing the painted main window.

    .venv/bin/python -m bench.ui_start [--cases 20000] [--repeat 3] [--years N]

History (budget: within 1.2x of one year, under 300 MB): with ``--years N`` the run builds
a one-year vault and an N-year vault of the same office (the years before the last closed,
so frozen: bench/history_vault.py) and compares unlock to a painted window on both, and
the peak resident memory of the N-year one with the main window and overview open.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import PASS, new_vault

ROOT = Path(__file__).resolve().parent.parent

BASELINE = """
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget(); w.resize(400, 300); w.show()
QTimer.singleShot(0, lambda: (print(time.time() - float(os.environ["T0"])), app.quit()))
app.exec()
"""

FALLZAHL = """
import os, sys, time
sys.path.insert(0, {root!r})
from app import unshipped
unshipped.keep_out()  # as the program's entry does
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui import dialogs, i18n
app = QApplication([])
i18n.install("de")
dialogs.NO_DIALOGS = True
from ui.controller import Controller
c = Controller(sys.argv[1])
c.start()
def done():
    assert c.unlock_dialog is not None and c.unlock_dialog.isVisible()
    print(time.time() - float(os.environ["T0"]))
    os._exit(0)
QTimer.singleShot(0, done)
app.exec()
"""


RESIDENT = """
import os, resource, sys
sys.path.insert(0, {root!r})
from app import unshipped
unshipped.keep_out()  # as the program's entry does
from PySide6.QtWidgets import QApplication
from app.vault.vault import Vault
from ui import dialogs, i18n
from ui.main_window import MainWindow
app = QApplication([])
i18n.install("de")
dialogs.NO_DIALOGS = True
vault = Vault(sys.argv[1])
session = vault.unlock("bench", sys.argv[2])
window = MainWindow(session)
window.show()
app.processEvents()
window.show_overview()
app.processEvents()
if sys.argv[3:] == ["search"]:  # then a search over the whole history (every page held)
    window.proxy.change(text="-0042")
    app.processEvents()
# VmHWM: this process's own peak (ru_maxrss keeps the parent's across exec on Linux)
try:
    hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0]
    print(int(hwm.split()[1]) / 1024)
except OSError:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
os._exit(0)
"""


def cold(script: str, *args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", T0=repr(time.time()))
    out = subprocess.run(
        [sys.executable, "-c", script, *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return float(out.stdout.strip().splitlines()[-1])


def unlock_to_window(folder: Path) -> tuple[float, float]:
    """(time to open all records, time to a shown and painted main window)."""
    from PySide6.QtWidgets import QApplication

    from app.vault.vault import Vault
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    vault = Vault(folder)
    session = vault.unlock("bench", PASS)  # cheap KDF parameters: the budget excludes it
    start = time.perf_counter()
    session.cases()
    session.contacts()  # the open records (frozen periods are not decoded)
    opened = time.perf_counter() - start
    window = MainWindow(session)
    window.show()
    window.repaint()
    app.processEvents()
    shown = time.perf_counter() - start
    window.clear()
    window.close()
    window.deleteLater()
    session.close()
    vault.close()
    return opened, shown


def search_history(folder: Path) -> tuple[float, float, float, int]:
    """(time of the first case-code search, which fetches every summary page; of the next
    keystroke; of clearing the search again; rows listed)."""
    from PySide6.QtWidgets import QApplication

    from app.vault.vault import Vault
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    vault = Vault(folder)
    session = vault.unlock("bench", PASS)
    window = MainWindow(session)
    window.show()
    app.processEvents()
    times = []
    for text in ("-004", "-0042", ""):  # typed, one more key, cleared
        start = time.perf_counter()
        window.search.setText(text)
        app.processEvents()
        times.append(time.perf_counter() - start)
    rows = window.cases.rowCount()
    window.clear()
    window.close()
    window.deleteLater()
    session.close()
    vault.close()
    return times[0], times[1], times[2], rows


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=20_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--years", type=int, default=1, help="years of history (before: closed)")
    args = ap.parse_args()
    if args.years > 1:
        return history(args)
    from app.office.demo import generate
    from ui import dialogs, i18n

    with tempfile.TemporaryDirectory(dir=ROOT) as tmp:
        folder = Path(tmp) / "vault"
        vault, session = new_vault(folder)
        cases, contacts = generate(session.scheme, args.cases, 2025)
        session.add_bulk(cases, contacts, "demo.filled")
        session.close()
        vault.close()
        base = min(cold(BASELINE) for _ in range(args.repeat))
        ours = min(cold(FALLZAHL.format(root=str(ROOT)), str(folder)) for _ in range(args.repeat))
        print(f"cold start, PySide6 + empty window: {base:.3f} s")
        print(
            f"cold start to the unlock dialog:    {ours:.3f} s  (budget < 1.5 s), "
            f"ratio {ours / base:.2f}"
        )
        from PySide6.QtWidgets import QApplication

        QApplication.instance() or QApplication([])
        i18n.install("de")
        dialogs.NO_DIALOGS = True
        runs = [unlock_to_window(folder) for _ in range(args.repeat)]
        opened, shown = min(r[0] for r in runs), min(r[1] for r in runs)
        print(f"{len(cases):,} cases, {len(contacts):,} contacts:")
        print(f"  open and decode every record: {opened:.3f} s")
        print(f"  unlock to a painted main window: {shown:.3f} s  (budget < 0.5 s after the KDF)")
        rss = cold(RESIDENT.format(root=str(ROOT)), str(folder), PASS)
        print(f"  peak resident memory, main window and overview open: {rss:.0f} MB  (< 300 MB)")
    return 0


def history(args: argparse.Namespace) -> int:
    """One year against ``args.years`` years of the same office, measured in this run."""
    from PySide6.QtWidgets import QApplication

    from bench import history_vault
    from ui import dialogs, i18n

    QApplication.instance() or QApplication([])
    i18n.install("de")
    dialogs.NO_DIALOGS = True
    with tempfile.TemporaryDirectory(dir=ROOT) as tmp:
        folders = {}
        for years in (1, args.years):
            folders[years] = Path(tmp) / f"vault-{years}"
            print(f"building {years} year(s) of {args.cases:,} cases ...", flush=True)
            _, took = history_vault.build(folders[years], years, args.cases, quiet=True)
            print(f"  built in {took:.0f} s", flush=True)
        results = {}
        for years, folder in folders.items():
            runs = [unlock_to_window(folder) for _ in range(args.repeat)]
            results[years] = (min(r[0] for r in runs), min(r[1] for r in runs))
            rss = cold(RESIDENT.format(root=str(ROOT)), str(folder), PASS)
            print(
                f"{years:>2} year(s): open the records {results[years][0]:.3f} s, unlock to a "
                f"painted main window {results[years][1]:.3f} s, peak RSS {rss:.0f} MB"
                + ("  (< 300 MB)" if years > 1 else ""),
                flush=True,
            )
        first, more, cleared, rows = search_history(folders[args.years])
        print(
            f"case list of {args.years} years ({rows:,} rows): the first case-code search "
            f"(fetches every summary page) {first:.3f} s, the next keystroke {more:.3f} s, "
            f"search cleared {cleared:.3f} s"
        )
        rss = cold(RESIDENT.format(root=str(ROOT)), str(folders[args.years]), PASS, "search")
        print(f"  peak RSS with the whole history searched: {rss:.0f} MB")
        ratio = results[args.years][1] / results[1][1]
        print(
            f"ratio {args.years} years / 1 year, unlock to a painted window: {ratio:.2f}  (<= 1.2)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
