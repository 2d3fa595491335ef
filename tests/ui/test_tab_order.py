"""Every control is reachable by Tab, in reading order, in every window and dialog; Enter
in the case list opens the case, Esc goes back to quick entry."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QTabBar, QWidget

from tests.support.ui import focused, make_case
from tests.ui.test_mnemonics import office_windows

pytestmark = pytest.mark.gui
SLACK = 6  # pixels: widgets on one row may differ a little in their top edge


def tab_stops(top: QWidget) -> list[QWidget]:
    """The widgets a user can reach by Tab now (visible, enabled, accepting Tab focus)."""
    return [
        w
        for w in top.findChildren(QWidget)
        if w.isVisibleTo(top)
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
        and not isinstance(w, QTabBar)
        and w.window() is top
    ]


def walk(qtbot, top: QWidget, limit: int = 200) -> list[QWidget]:
    """Press Tab from the first stop until focus comes back; the widgets visited."""
    first = QApplication.focusWidget()
    if first is None or first.window() is not top:
        stops = tab_stops(top)
        first = stops[0]
        first.setFocus(Qt.FocusReason.TabFocusReason)
    seen = [QApplication.focusWidget()]
    if seen[0] is None:
        return []
    for _ in range(limit):
        qtbot.keyClick(seen[-1], Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is seen[0] or now is None or now.window() is not top:
            break
        seen.append(now)
    return seen


def where(w: QWidget, top: QWidget) -> QPoint:
    return w.mapTo(top, QPoint(0, 0))


def out_of_order(seen: list[QWidget], top: QWidget) -> list[str]:
    """Steps that go up and to the left at once (reading order goes right, or down, or
    up only into a column further right). The chain is a ring: exactly one step, from the
    last control back to the first, goes back up."""
    bad = []
    for a, b in zip(seen, seen[1:] + seen[:1], strict=False):
        pa, pb = where(a, top), where(b, top)
        if pb.y() < pa.y() - SLACK and pb.x() < pa.x() - SLACK:
            bad.append(f"{_name(a)} -> {_name(b)}")
    return bad[1:] if len(seen) > 1 else bad


def _name(w: QWidget) -> str:
    text = w.text() if isinstance(w, QAbstractButton) else ""
    return w.accessibleName() or text.replace("&", "") or w.objectName() or type(w).__name__


def check_tab_chain(qtbot, top: QWidget) -> list[str]:
    top.show()
    top.activateWindow()
    qtbot.waitExposed(top)
    qtbot.waitUntil(top.isActiveWindow)
    seen = walk(qtbot, top)
    missing = [w for w in tab_stops(top) if w not in seen]
    problems = []
    if missing:
        problems.append(f"{type(top).__name__}: not reached by Tab: {[_name(w) for w in missing]}")
    backwards = out_of_order(seen, top)
    if backwards:
        problems.append(f"{type(top).__name__}: out of reading order: {backwards}")
    return problems


@pytest.fixture
def office(tmp_path):
    from tests.support.ui import make_office

    vault, session = make_office(tmp_path / "office", n_cases=20)
    yield session
    session.close()
    vault.close()


def test_every_office_window_and_dialog(qtbot, office, answers):
    problems = []
    for top in office_windows(office):
        qtbot.addWidget(top)
        problems += check_tab_chain(qtbot, top)
        top.close()
    assert problems == []


def test_main_window_pages(qtbot, office, answers):
    from ui.main_window import MainWindow

    window = MainWindow(office)
    qtbot.addWidget(window)
    window.select_case(office.cases()[0].id)
    problems = []
    for page in (window.OVERVIEW_PAGE, window.ENTRY_PAGE):
        window.pages.setCurrentIndex(page)
        for tab in range(window.tabs.count()):
            window.tabs.setCurrentIndex(tab)
            problems += [f"page {page} tab {tab}: {p}" for p in check_tab_chain(qtbot, window)]
    assert problems == []


def test_unlock_and_wizard(qtbot, office, tmp_path, answers):
    from app.vault.vault import Vault
    from tests.support.ui import make_office
    from ui.unlock_dialog import UnlockDialog
    from ui.wizard import SetupWizard

    _vault, other = make_office(tmp_path / "other", n_cases=0)  # not held open
    other.close()
    _vault.close()
    vault = Vault(tmp_path / "other")
    problems = check_tab_chain(qtbot, UnlockDialog(vault))
    wizard = SetupWizard(tmp_path / "new")
    qtbot.addWidget(wizard)
    problems += check_tab_chain(qtbot, wizard)
    vault.close()
    assert problems == []


def test_district_window(qtbot, tmp_path, answers):
    from tests.support.district_world import make_district
    from tests.support.passphrases import FAST_KDF
    from ui.district_window import DistrictWindow, EnrolDialog, ProvisionDialog

    vault, desk = make_district(tmp_path / "desk", FAST_KDF)
    problems = []
    for top in (DistrictWindow(desk), EnrolDialog(), ProvisionDialog()):
        qtbot.addWidget(top)
        problems += check_tab_chain(qtbot, top)
        top.close()
    desk.close()
    vault.close()
    assert problems == []


def test_enter_opens_the_case_and_esc_returns(qtbot, session, answers):
    from ui.main_window import MainWindow

    case = make_case(session, f"{dt.date.today().year}-0001")
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.isActiveWindow)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    assert window.current_case_id() == case.id
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is window.editor.field
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.quick.code
    # double-click opens it too
    index = window.proxy.index(0, 0)
    rect = window.table.visualRect(index)
    viewport, left = window.table.viewport(), Qt.MouseButton.LeftButton
    qtbot.mouseClick(viewport, left, pos=rect.center())  # QTest's double-click alone has
    qtbot.mouseDClick(viewport, left, pos=rect.center())  # no press before it
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.editor.field)
