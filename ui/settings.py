"""The few UI settings, declared once with type and default, on top of QSettings.

Vault policy (auto-lock minutes) lives in the vault, not here. Nothing stored here is
record content. Settings marked ``per_vault`` (language, last user, window geometry, last
folder) are kept apart for each vault folder (``use_vault``), so an office and a district
desk on one PC do not share them; the folder is stored only as a hash.
``FALLZAHL_SETTINGS=/path/file.ini`` keeps the settings in that file (tests, portable
installs) instead of the platform's place.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

VERSION = 2


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    per_vault: bool = True


WINDOW_GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
LANGUAGE = Setting("ui/language", str, "")  # "" = from the system locale
LAST_FOLDER = Setting("ui/last_folder", str, "")
LAST_USER = Setting("ui/last_user", str, "")

ALL = (WINDOW_GEOMETRY, LANGUAGE, LAST_FOLDER, LAST_USER)
_scope: str = ""  # the current vault's group, "" before one is chosen


def use_vault(folder: Path | str | None) -> None:
    """Per-vault settings from now on belong to the vault in ``folder``."""
    global _scope
    if folder is None:
        _scope = ""
        return
    resolved = str(Path(folder).expanduser().resolve())
    _scope = "vault-" + hashlib.sha256(resolved.encode()).hexdigest()[:16]


def key_of(setting: Setting) -> str:
    if setting.per_vault and _scope:
        return f"vaults/{_scope}/{setting.key}"
    return setting.key


def qsettings() -> QSettings:
    path = os.environ.get("FALLZAHL_SETTINGS")
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings("Fallzahl", "Fallzahl")


def get(setting: Setting) -> Any:
    value = qsettings().value(key_of(setting), setting.default)
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
    store.setValue(key_of(setting), value)
    store.setValue("settings/version", VERSION)
    store.sync()


def start_folder() -> str:
    """Where a file dialog opens: the last folder used with this vault, else Documents."""
    from PySide6.QtCore import QStandardPaths

    last = get(LAST_FOLDER)
    if last and Path(last).is_dir():
        return last
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return docs if docs and Path(docs).is_dir() else str(Path.home())


def remember_folder(path: Path | str) -> None:
    """The folder of a file just chosen, for the next file dialog."""
    folder = Path(path)
    put(LAST_FOLDER, str(folder if folder.is_dir() else folder.parent))
