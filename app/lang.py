"""The language of messages: German first, English on request or by locale."""

from __future__ import annotations

import datetime as dt
import locale
import os

SUPPORTED = ("de", "en")
_current: str | None = None


def detect() -> str:
    """German unless the environment's locale asks for English explicitly.

    The first locale variable that is set decides (C and POSIX mean no preference:
    German); with none set (Windows), the system locale decides.
    """
    for var in ("FALLZAHL_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value[:2].lower() == "en" else "de"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "en" if loc.lower().startswith("en") else "de"


def current() -> str:
    return _current or detect()


def set_language(lang: str | None) -> None:
    """Set the message language for this process (None: back to the locale)."""
    global _current
    if lang is not None and lang not in SUPPORTED:
        raise ValueError(f"unsupported language {lang!r}")
    _current = lang


def date_text(day: dt.date, language: str | None = None) -> str:
    """A date as the program writes it in ``language``: 12.04.2026, or 2026-04-12 in English
    (one form per language, in every window, report and message)."""
    return day.isoformat() if (language or current()) == "en" else day.strftime("%d.%m.%Y")


def moment_text(when: dt.datetime, language: str | None = None) -> str:
    """A point in time, local, to the minute, in the form of ``date_text``."""
    local = when.astimezone() if when.tzinfo else when
    return f"{date_text(local.date(), language)} {local:%H:%M}"


def t(de: str, en: str, language: str | None = None) -> str:
    """The German or English text, for ``language`` (default: the current language)."""
    return en if (language or current()) == "en" else de
