"""A window opens within the screen it is on, where the user left it with this vault.

The default size is the window's own preference, cut to the available screen (task bar
and panels excluded); a screen smaller than that preference gets the window maximised.
A stored geometry (ui/settings.py, per vault) is used only if it still fits the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from ui import settings

FRAME = QSize(16, 48)  # room for the window manager's title bar and borders


def available(window: QWidget) -> QRect:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def place(window: QWidget, preferred: QSize, saved: QByteArray | None = None) -> None:
    """Size and position ``window`` before it is shown."""
    room = available(window)
    saved = saved if saved is not None else settings.get(settings.WINDOW_GEOMETRY)
    restored = saved is not None and not saved.isEmpty() and window.restoreGeometry(saved)
    if restored and (window.isMaximized() or room.contains(window.frameGeometry())):
        return
    fits = preferred + FRAME
    if fits.width() > room.width() or fits.height() > room.height():
        window.resize(preferred.boundedTo(room.size() - FRAME))
        window.move(room.topLeft())
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        return
    window.resize(preferred)
    frame = QRect(room.topLeft(), fits)
    frame.moveCenter(room.center())
    window.move(frame.topLeft())


def remember(window: QWidget) -> None:
    """Keep the window's geometry (and maximised state) for the next time with this vault."""
    settings.put(settings.WINDOW_GEOMETRY, window.saveGeometry())
