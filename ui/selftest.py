"""``fallzahl --self-test``: the app checks (app/selftest.py), then proof that Qt works here.

Headless on purpose: the Qt platform is forced to ``offscreen`` before PySide6 is imported
and FALLZAHL_NO_DIALOGS=1 turns every message box into a log line, so nothing can block a
scripted run (CI, IT after an install). Prints one line per check and exits 0; on failure
prints the failing check to stderr and exits 1.

Also the screenshot hook: with FALLZAHL_SCREENSHOT=path, ``install_screenshot_hook()``
grabs the first window shown, saves it as PNG and quits (used for docs/screenshots).
"""

from __future__ import annotations

import os
import sys
import tempfile


def _report(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["FALLZAHL_NO_DIALOGS"] = "1"
    from app.cli import selftest

    with tempfile.TemporaryDirectory(prefix="fallzahl-selftest-") as folder:
        try:
            test = selftest.run(_report, folder)
            try:
                test.step("qt", lambda: qt_checks(test))
            finally:
                test.close()
        except selftest.SelfTestFailed as exc:
            sys.stderr.write(f"{exc}\n")
            return 1
    _report("self-test passed")
    return 0


# Lines Qt's offscreen platform prints that say nothing about the program's health.
HARMLESS_QT_MESSAGES = ("This plugin does not support propagateSizeHints()",)


def _qt_message(mode, context, message: str) -> None:
    if message not in HARMLESS_QT_MESSAGES:
        sys.stderr.write(f"qt: {message}\n")


def screenshot_main(argv: list[str]) -> int:
    """The desktop program with the screenshot hook (FALLZAHL_SCREENSHOT=path) installed."""
    from ui import main as ui_main

    _app()
    install_screenshot_hook()
    return ui_main.main(argv)


def _app():
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from ui import refguard

    refguard.install()

    qInstallMessageHandler(_qt_message)

    from app import __version__

    app = QApplication.instance() or QApplication(["fallzahl"])
    app.setApplicationName("Fallzahl")
    app.setOrganizationName("Fallzahl")
    app.setApplicationVersion(__version__)
    return app


def qt_checks(test) -> str:
    """A real window offscreen: widgets, a chart, the SVG icon and Qt's German translations."""
    from PySide6.QtCharts import QBarSeries, QBarSet, QChart, QChartView
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    from app.resources import resource_path
    from app.stats.tally import tally

    app = _app()
    platform = app.platformName()
    icon_path = resource_path("icons", "fallzahl.svg")
    icon = QIcon(str(icon_path))
    if icon.pixmap(64, 64).isNull():
        raise AssertionError(f"icon {icon_path} does not render (SVG plugin missing?)")
    app.setWindowIcon(icon)

    translator = QTranslator()
    qm_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(QLocale(QLocale.Language.German), "qtbase", "_", qm_folder):
        raise AssertionError(f"qtbase_de.qm not found in {qm_folder}")

    window = _main_window(test)
    if window is None:
        result = tally(
            test.session.scheme, test.session.cases(), test.session.contacts(), test.period
        )
        window = QWidget()
        layout = QVBoxLayout(window)
        layout.addWidget(QLabel(f"Fallzahl – {len(test.session.cases())} Fälle"))
        bars = QBarSet("Kontakte")
        for row in result.rows[:12]:
            bars.append(float(row.value or 0))
        series = QBarSeries()
        series.append(bars)
        chart = QChart()
        chart.addSeries(series)
        layout.addWidget(QChartView(chart))
    window.resize(900, 600)
    window.show()
    app.processEvents()
    image = window.grab().toImage()
    if image.isNull() or image.width() < 100:
        raise AssertionError("grabbing the window gave no image")
    kind = type(window).__name__
    window.close()
    window.deleteLater()
    app.processEvents()
    return f"{kind} shown and grabbed {image.width()}x{image.height()} on {platform}; icon, charts, qtbase_de"


def _main_window(test):
    """The real main window with the self-test session, once ui/main_window.py is there."""
    import importlib.util

    if importlib.util.find_spec("ui.main_window") is None:
        return None
    from ui import main_window

    return main_window.MainWindow(test.session)


def install_screenshot_hook(delay_ms: int = 600) -> bool:
    """With FALLZAHL_SCREENSHOT=path: save the first shown top-level window, then quit.

    Call after the QApplication exists and before its event loop starts.
    """
    path = os.environ.get("FALLZAHL_SCREENSHOT")
    if not path:
        return False
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()

    def grab() -> None:
        windows = [w for w in app.topLevelWidgets() if w.isVisible()]
        if not windows:
            QTimer.singleShot(200, grab)
            return
        window = app.activeWindow() or windows[0]
        ok = window.grab().save(path, "PNG")
        sys.stderr.write(f"screenshot {'saved to' if ok else 'FAILED:'} {path}\n")
        app.exit(0 if ok else 1)

    QTimer.singleShot(delay_ms, grab)
    return True
