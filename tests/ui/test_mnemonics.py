"""No two actions share a shortcut; no two controls visible at once share an Alt letter
(menu titles included), and no menu repeats a letter: in every window and dialog, in
German and in English."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTabBar,
    QTabWidget,
    QWidget,
    QWizard,
)

from tests.support.ui import make_office
from ui import i18n

pytestmark = pytest.mark.gui
MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def letter(text: str) -> str | None:
    found = MNEMONIC.search(text or "")
    return found.group(1).lower() if found else None


def visible_letters(top: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every control that an Alt letter reaches now."""
    seen = []
    menu_bar = top.menuBar() if isinstance(top, QMainWindow) else None
    if menu_bar is not None:
        seen += [(letter(a.text()), a.text()) for a in menu_bar.actions() if a.isVisible()]
    for w in top.findChildren(QWidget):
        if not w.isVisibleTo(top) or isinstance(w, QMenu):
            continue
        if isinstance(w, QAbstractButton) or isinstance(w, QLabel) and w.buddy() is not None:
            seen.append((letter(w.text()), w.text()))
        elif isinstance(w, QGroupBox):
            seen.append((letter(w.title()), w.title()))
        elif isinstance(w, QTabBar):
            seen += [(letter(w.tabText(i)), w.tabText(i)) for i in range(w.count())]
    return [(k, t) for k, t in seen if k]


def clashes(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    counts = Counter(k for k, _t in pairs)
    return {k: [t for kk, t in pairs if kk == k] for k, n in counts.items() if n > 1}


def menu_clashes(top: QWidget) -> dict[str, dict[str, list[str]]]:
    found = {}
    for menu in top.findChildren(QMenu):
        pairs = [(letter(a.text()), a.text()) for a in menu.actions() if a.isVisible()]
        bad = clashes([p for p in pairs if p[0]])
        if bad:
            found[menu.title()] = bad
    return found


def shortcut_clashes(top: QWidget) -> list[str]:
    keys = [
        k.toString() for a in top.findChildren(QAction) for k in a.shortcuts() if not k.isEmpty()
    ]
    keys += [s.key().toString() for s in top.findChildren(QShortcut) if not s.key().isEmpty()]
    return [k for k, n in Counter(keys).items() if n > 1]


def states(top: QWidget):
    """Show each page of every tab widget in turn (what is visible at once changes)."""
    yield "as opened"
    for tabs in top.findChildren(QTabWidget):
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            yield f"{tabs.accessibleName() or tabs.objectName()} page {i}"
    if isinstance(top, QWizard):
        top.restart()
        for i in top.pageIds():
            yield f"wizard page {i}"
            top.next()


def check(top: QWidget) -> list[str]:
    problems = []
    top.show()
    for state in states(top):
        bad = clashes(visible_letters(top))
        if bad:
            problems.append(f"{type(top).__name__} ({state}): {bad}")
    bad_menus = menu_clashes(top)
    if bad_menus:
        problems.append(f"{type(top).__name__} menus: {bad_menus}")
    shared = shortcut_clashes(top)
    if shared:
        problems.append(f"{type(top).__name__} shortcuts shared: {shared}")
    top.close()
    return problems


@pytest.fixture
def office(tmp_path):
    vault, session = make_office(tmp_path / "office", n_cases=20)
    yield session
    session.close()
    vault.close()


def office_windows(session):
    from ui.close_period_dialog import ClosePeriodDialog
    from ui.contact_editor import ContactDialog
    from ui.export_dialog import ExportDialog
    from ui.help_dialog import CategoriesDialog, GuideDialog, ShortcutsDialog
    from ui.main_window import MainWindow
    from ui.office_key_dialog import OfficeKeyDialog
    from ui.reopen_period_dialog import ReopenPeriodDialog
    from ui.report_dialog import ReportDialog
    from ui.sent_packages_dialog import SentPackagesDialog
    from ui.staffing_dialog import StaffingDialog

    window = MainWindow(session)
    window.select_case(session.cases()[0].id)
    yield window
    yield ContactDialog(session.contacts()[0], session.scheme)
    for dialog in (ClosePeriodDialog, ReopenPeriodDialog, ExportDialog, ReportDialog,
                   SentPackagesDialog, OfficeKeyDialog, StaffingDialog):  # fmt: skip
        yield dialog(session)
    yield CategoriesDialog(session.scheme)
    yield GuideDialog(None)
    yield ShortcutsDialog(window.shortcuts())


@pytest.mark.parametrize("language", ["de", "en"])
def test_office_windows_and_dialogs(qtbot, office, answers, language):
    i18n.install(language)
    problems = []
    for top in office_windows(office):
        qtbot.addWidget(top)
        problems += check(top)
    assert problems == []


@pytest.mark.parametrize("language", ["de", "en"])
def test_unlock_and_setup(qtbot, office, tmp_path, answers, language):
    from app.vault.vault import Vault
    from ui.unlock_dialog import UnlockDialog
    from ui.wizard import SetupWizard

    i18n.install(language)
    _vault, other = make_office(tmp_path / "other", n_cases=0)  # not held open
    other.close()
    _vault.close()
    vault = Vault(tmp_path / "other")
    problems = []
    for top in (UnlockDialog(vault), SetupWizard(tmp_path / "new")):
        qtbot.addWidget(top)
        problems += check(top)
    vault.close()
    assert problems == []


def test_the_letter_rule_sees_a_clash():
    """The check itself: two buttons with one letter are found."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    dialog = QDialog()
    layout = QVBoxLayout(dialog)
    for text in ("&Speichern", "&Senden", "Sch&ließen"):
        layout.addWidget(QPushButton(text))
    assert set(clashes(visible_letters(dialog))) == {"s"}
    dialog.deleteLater()


@pytest.mark.parametrize("language", ["de", "en"])
def test_district_window_and_dialogs(qtbot, tmp_path, answers, language):
    from tests.support.district_world import make_district
    from tests.support.passphrases import FAST_KDF
    from ui.district_window import DistrictWindow, EnrolDialog, ProvisionDialog
    from ui.office_keys_dialog import OfficeKeysDialog

    i18n.install(language)
    vault, desk = make_district(tmp_path / "desk", FAST_KDF)
    problems = []
    for top in (DistrictWindow(desk), EnrolDialog(), ProvisionDialog(), OfficeKeysDialog(desk)):
        qtbot.addWidget(top)
        problems += check(top)
    desk.close()
    vault.close()
    assert problems == []
