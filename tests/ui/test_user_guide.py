"""The user guide matches the program: its digit lists are the scheme's, its shortcut table
is the window's actions, and its keystroke table is replayed on the real window."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from app.records import completeness
from app.resources import resource_path
from app.scheme.model import parse
from tests.support.ui import focused
from ui import i18n

pytestmark = pytest.mark.gui
DOCS = Path(__file__).resolve().parents[2] / "docs"
HEADINGS = {
    "de": {"contact_form": "Kontaktform", "duration_band": "Dauer", "keys": "Taste"},
    "en": {"contact_form": "Contact form", "duration_band": "Duration", "keys": "Key"},
}
REPEAT_AT_MOST = 5


def tables(text: str) -> list[list[list[str]]]:
    """Every Markdown table: rows of cells (the header row first, the rule row left out)."""
    found, current = [], []
    for line in text.splitlines():
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not all(set(c) <= {"-", ":"} for c in cells):
                current.append(cells)
        elif current:
            found.append(current)
            current = []
    if current:
        found.append(current)
    return found


def table(text: str, first: str, second: str) -> list[list[str]]:
    return next(t[1:] for t in tables(text) if t[0][:2] == [first, second])


@pytest.fixture
def harz(session):
    session.scheme = parse(resource_path("schemes", "lk-harz-v1.json").read_bytes())
    return session


@pytest.mark.parametrize("language", ["de", "en"])
def test_digit_lists_are_the_schemes(harz, language):
    guide = (DOCS / f"user-guide.{language}.md").read_text("utf-8")
    digit = "Ziffer" if language == "de" else "Digit"
    for dim in ("contact_form", "duration_band"):
        rows = table(guide, digit, HEADINGS[language][dim])
        expected = [[c.code, c.label(language)] for c in harz.scheme.codes(dim)]
        assert rows == expected, dim
        assert harz.scheme.dimension(dim).label(language) == HEADINGS[language][dim]


@pytest.mark.parametrize("language", ["de", "en"])
def test_shortcut_table_is_the_windows_actions(qtbot, harz, answers, language):
    from ui.main_window import MainWindow

    i18n.install(language)
    window = MainWindow(harz)
    qtbot.addWidget(window)
    guide = (DOCS / f"user-guide.{language}.md").read_text("utf-8")
    what = "Was" if language == "de" else "What"
    rows = {keys: text for keys, text in table(guide, HEADINGS[language]["keys"], what)}
    native = QKeySequence.SequenceFormat.NativeText
    actions = {
        a.shortcut().toString(native): a.text().replace("&", "").rstrip("…")
        for a in window.findChildren(type(window.undo_action))
        if not a.shortcut().isEmpty() and a.text()
    }
    documented = {k: re.sub(r"\s*\(.*\)$", "", v) for k, v in rows.items()}
    assert documented == actions


@pytest.mark.parametrize("language", ["de", "en"])
def test_keystroke_table_replayed(qtbot, harz, answers, language):
    from ui.main_window import MainWindow

    i18n.install(language)
    guide = (DOCS / f"user-guide.{language}.md").read_text("utf-8")
    head = ("Aufgabe", "Tasten") if language == "de" else ("Task", "Keys")
    rows = table(guide, *head)
    assert len(rows) == 3
    today = dt.date.today()
    from tests.support.ui import make_case

    existing = make_case(harz, f"{today.year}-0001")
    window = MainWindow(harz)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.quick.code)
    counts = []
    for _task, keys, count in rows:
        counts.append(replay(qtbot, window, keys, existing.code))
        assert counts[-1] == int(count), keys
    assert counts[0] <= REPEAT_AT_MOST
    contacts = harz.contacts()
    assert len([k for k in contacts if k.case_id == existing.id]) == 1  # the repeat contact
    new = next(c for c in harz.cases() if c.id != existing.id)
    assert len([k for k in contacts if k.case_id == new.id]) == 1  # the new case's first
    assert completeness.level(harz.case(new.id)) == completeness.COMPLETE


KEYS = {
    "Tab": (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier),
    "Enter": (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
    "F2": (Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier),
    "↓": (Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier),
    "Leertaste": (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier),
    "Space": (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier),
    "Strg+S": (Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier),
    "Ctrl+S": (Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier),
}
WORDS = {"neu", "new"}


def tokens(keys: str) -> list[str]:
    """`X` is one key (a word like `neu` is typed text); (…) ×n and `X` ×n repeat;
    anything else (the case number) is the case code, typed."""
    out: list[str] = []
    for group, times, key, key_times, word in re.findall(
        r"\(([^)]*)\)\s*×(\d+)|`([^`]+)`(?:\s*×(\d+))?|([^,`()×\s][^,`()×]*)", keys
    ):
        if group:
            out += tokens(group) * int(times)
        elif key:
            out += [key] * int(key_times or 1)
        elif word.strip():
            out.append("<code>")
    return out


def replay(qtbot, window, keys: str, code: str) -> int:
    """Press the keys on whatever has the focus (the completer's list when it is open);
    returns the keys counted (typed text does not count)."""
    counted = 0
    for token in tokens(keys):
        popup = window.quick.completer.popup()
        target = popup if popup.isVisible() else focused()
        if token == "<code>" or token in WORDS:
            qtbot.keyClicks(target, code if token == "<code>" else token)
            continue
        counted += 1
        if token in KEYS:
            key, modifier = KEYS[token]
            qtbot.keyClick(target, key, modifier)
        else:
            qtbot.keyClicks(target, token)
    return counted
