"""The few UI settings, declared once with type and default, on top of QSettings.

Vault policy (auto-lock minutes) lives in the vault, not here. Nothing stored here is
record content. ``FALLZAHL_SETTINGS=/path/file.ini`` keeps the settings in that file
(tests, portable installs) instead of the platform's place.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

VERSION = 1


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any


WINDOW_GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
LANGUAGE = Setting("ui/language", str, "")  # "" = from the system locale
LAST_FOLDER = Setting("ui/last_folder", str, "")
LAST_USER = Setting("ui/last_user", str, "")

ALL = (WINDOW_GEOMETRY, LANGUAGE, LAST_FOLDER, LAST_USER)


def qsettings() -> QSettings:
    path = os.environ.get("FALLZAHL_SETTINGS")
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings("Fallzahl", "Fallzahl")


def get(setting: Setting) -> Any:
    value = qsettings().value(setting.key, setting.default)
    if value is None:
        return setting.default
    if setting.type is QByteArray:
        return value if isinstance(value, QByteArray) else setting.default
    try:
        return setting.type(value)
    except (TypeError, ValueError):
        return setting.default


def put(setting: Setting, value: Any) -> None:
    store = qsettings()
    store.setValue(setting.key, value)
    store.setValue("settings/version", VERSION)
    store.sync()
