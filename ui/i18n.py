"""The UI language: Fallzahl's own translation plus Qt's, switchable while running.

German is the source language of every string, so German needs only Qt's qtbase_de.
English loads resources/translations/fallzahl_en.qm and qtbase_en. Installing a
translator makes Qt send a LanguageChange event to every widget; widgets that implement
``retranslate()`` (called from their changeEvent) update their texts at once. app/ error
texts follow via app.lang. The main window and the district desk offer the choice
(``language_actions``) and ask the shell (ui/controller.py) to switch: it stores the choice,
installs it and builds the window again for the same session.
"""

from __future__ import annotations

import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtGui import QAction, QActionGroup

from app import lang as app_lang
from ui import settings

SUPPORTED = ("de", "en")
NAMES = {"de": "Deutsch", "en": "English"}
_installed: list[QTranslator] = []
_current = "de"


def translations_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources" / "translations"
    return Path(__file__).resolve().parent.parent / "resources" / "translations"


def qt_translations_dir() -> Path:
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if folder.is_dir():
        return folder
    return Path(PySide6.__file__).parent / "Qt" / "translations"


def preferred(cli_choice: str | None = None) -> str:
    """--lang, else the stored setting, else the system locale (German by default)."""
    for choice in (cli_choice, settings.get(settings.LANGUAGE)):
        if choice in SUPPORTED:
            return choice
    return app_lang.detect()


def current() -> str:
    return _current


def install(language: str) -> bool:
    """Replace the installed translators. Returns False if Fallzahl's own file is missing."""
    global _current
    if language not in SUPPORTED:
        language = "de"
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    ok = True
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", str(qt_translations_dir())):
        _installed.append(qt)
    if language != "de":
        own = QTranslator(app)
        ok = own.load(f"fallzahl_{language}", str(translations_dir()))
        if ok:
            _installed.append(own)
    # Own first in the list means installed last, so it is asked first by Qt.
    for translator in reversed(_installed):
        app.installTranslator(translator)
    _current = language
    app_lang.set_language(language)
    QLocale.setDefault(
        QLocale(QLocale.Language.German if language == "de" else QLocale.Language.English)
    )
    return ok


def switch(language: str) -> None:
    """Store the choice and apply it now; open widgets retranslate themselves."""
    settings.put(settings.LANGUAGE, language)
    install(language)


def language_actions(parent: QObject) -> QActionGroup:
    """Deutsch / English as checkable, exclusive actions (data: the code), the current one
    checked. The names are not translated: each is shown in its own language."""
    group = QActionGroup(parent)
    group.setExclusive(True)
    for code in SUPPORTED:
        action = QAction(NAMES[code], parent)
        action.setCheckable(True)
        action.setData(code)
        action.setChecked(code == _current)
        group.addAction(action)
    return group
