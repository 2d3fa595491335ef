"""UI settings are kept per vault (finding 15), windows open within the screen and where
they were left (finding 7, 14), file choosers start in the last folder (finding 11)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QMainWindow

from ui import dialogs, settings, window_geometry

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _no_vault_scope():
    yield
    settings.use_vault(None)


def test_language_and_last_user_belong_to_their_vault(tmp_path):
    office, desk = tmp_path / "office", tmp_path / "desk"
    settings.use_vault(desk)
    settings.put(settings.LANGUAGE, "en")
    settings.put(settings.LAST_USER, "planung")
    settings.use_vault(office)
    assert settings.get(settings.LANGUAGE) == ""  # the locale decides, not the desk
    assert settings.get(settings.LAST_USER) == ""
    settings.put(settings.LAST_USER, "leitung")
    settings.use_vault(tmp_path / "desk" / ".." / "desk")  # the same folder, spelt otherwise
    assert (settings.get(settings.LANGUAGE), settings.get(settings.LAST_USER)) == ("en", "planung")


def test_the_shell_reads_the_settings_of_its_own_vault(qtbot, tmp_path):
    from ui.controller import Controller

    settings.use_vault(tmp_path / "a")
    settings.put(settings.LAST_USER, "anna")
    controller = Controller(tmp_path / "b")
    assert settings.get(settings.LAST_USER) == ""  # b has its own, still empty
    controller.shutdown()
    Controller(tmp_path / "a").shutdown()
    assert settings.get(settings.LAST_USER) == "anna"


def test_window_never_opens_larger_than_the_screen(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    room = window_geometry.available(window)
    window_geometry.place(window, QSize(room.width() + 400, room.height() + 300), None)
    window.show()
    qtbot.waitExposed(window)
    assert window.isMaximized() or room.contains(window.frameGeometry())
    assert window.width() <= room.width() and window.height() <= room.height()


def test_geometry_is_restored_per_vault(qtbot, tmp_path):
    settings.use_vault(tmp_path / "office")
    first = QMainWindow()
    qtbot.addWidget(first)
    window_geometry.place(first, QSize(300, 200), None)
    first.resize(320, 210)
    first.show()
    qtbot.waitExposed(first)
    window_geometry.remember(first)
    settings.use_vault(tmp_path / "other")
    assert settings.get(settings.WINDOW_GEOMETRY).isEmpty()
    settings.use_vault(tmp_path / "office")
    second = QMainWindow()
    qtbot.addWidget(second)
    window_geometry.place(second, QSize(300, 200), None)
    assert second.size() == QSize(320, 210)


def test_file_choosers_start_in_the_last_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # never the program's folder
    settings.use_vault(tmp_path / "office")
    start = dialogs.start_path("bericht.pdf")
    assert start.endswith("bericht.pdf") and not start.startswith(str(tmp_path / "bericht"))
    used = tmp_path / "exports"
    used.mkdir()
    settings.remember_folder(used / "paket.age")
    assert dialogs.start_path("bericht.pdf") == str(used / "bericht.pdf")
    assert dialogs.start_path("") == str(used)
    assert dialogs.start_path(str(tmp_path / "elsewhere.pdf")) == str(tmp_path / "elsewhere.pdf")
