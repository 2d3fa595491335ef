"""The main window is usable on small screens (finding 7): it fits 1280x720 in both
languages, long texts never widen it, and no problem label is cut off."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics

from app.resources import resource_path
from app.scheme.model import parse
from tests.support.ui import make_case
from ui import charts, i18n
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui
SMALL = QSize(1280, 720 - 30)  # the screen less a task bar


@pytest.fixture
def harz(session):
    session.scheme = parse(resource_path("schemes", "lk-harz-v1.json").read_bytes())
    return session


@pytest.mark.parametrize("language", ["de", "en"])
def test_fits_1280x720(qtbot, harz, answers, language):
    i18n.install(language)
    case = make_case(harz, "2026-0001", field="SCHKONF")
    window = MainWindow(harz)
    qtbot.addWidget(window)
    window.select_case(case.id)
    need = window.minimumSizeHint()
    assert need.width() <= SMALL.width() and need.height() <= SMALL.height(), need
    # a long confirmation line wraps instead of widening the window
    window.quick.status.setText("Gespeichert: " + "sehr lange Bestätigung · " * 20)
    assert window.minimumSizeHint().width() <= SMALL.width()


def test_problem_labels_wrap_instead_of_being_cut(qtbot, harz, answers):
    case = make_case(harz, "2026-0001")
    window = MainWindow(harz)
    qtbot.addWidget(window)
    window.resize(SMALL)
    window.show()
    qtbot.waitExposed(window)
    window.select_case(case.id)
    tree = window.editor.problems
    tree.doItemsLayout()
    cut = []
    for item in window.editor._problem_items():
        rect = tree.visualItemRect(item)
        if not rect.isValid():
            continue
        width = tree.columnWidth(0) - tree.indentation() * 2 - 40
        needed = QFontMetrics(tree.font()).boundingRect(
            QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, item.text(0)
        )
        if needed.height() > rect.height():
            cut.append(item.text(0))
    assert cut == []
    assert tree.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


OPENED = QSize(1280, 720 - 40 - 30)  # the screen less a task bar and the title bar


def _edit_width(combo) -> int:
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return field.width()


@pytest.mark.parametrize("scheme_file", ["lk-harz-v1.json", "lk-harz-v2.json"])
@pytest.mark.parametrize("size", [OPENED, QSize(1366, 768 - 70)])
def test_every_ending_is_shown_whole(qtbot, session, answers, scheme_file, size):
    """ "intern weitervermittelt" was cut by a few pixels: every ending fits its list, and
    the list fits the form's pane."""
    session.scheme = parse(resource_path("schemes", scheme_file).read_bytes())
    case = make_case(session, "2026-0001")
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.resize(size)
    window.show()
    qtbot.waitExposed(window)
    window.select_case(case.id)
    window.open_case()
    editor = window.editor
    editor.closed_check.setChecked(True)
    ending = editor.ending
    viewport = editor._form_scroll.viewport()
    qtbot.waitUntil(lambda: ending.isVisible())
    assert ending.mapTo(viewport, QPoint(ending.width(), 0)).x() <= viewport.width()
    for i in range(ending.count()):
        ending.setCurrentIndex(i)
        text = ending.itemText(i)
        assert ending.fontMetrics().horizontalAdvance(text) <= _edit_width(ending), text


def _cut_chart_texts(panel) -> list[str]:
    from PySide6.QtWidgets import QGraphicsTextItem

    texts = [
        item.toPlainText()
        for item in panel.view.scene().items()
        if isinstance(item, QGraphicsTextItem) and item.isVisible()
    ]
    return [t for t in texts if t.endswith(("...", "…"))]


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_overview_fits_1280x720_without_scrolling(qtbot, tmp_path, answers, language):
    """All four charts and tables on one page; no chart text cut to "..." (a chart too
    small for its category labels goes without, the table beside names them)."""
    from PySide6.QtWidgets import QScrollArea

    from tests.support.ui import make_office

    i18n.install(language)
    vault, session = make_office(tmp_path / "office", n_cases=300)
    try:
        window = MainWindow(session)
        qtbot.addWidget(window)
        window.resize(OPENED)
        window.show()
        qtbot.waitExposed(window)
        window.show_overview()
        board = window.dashboard
        board.select_period(2025, 4)
        scroll = board.findChild(QScrollArea)
        bar = scroll.verticalScrollBar()
        qtbot.waitUntil(lambda: scroll.widget().height() <= scroll.viewport().height())
        assert bar.maximum() == 0
        assert scroll.widget().width() <= scroll.viewport().width()
        for panel in board.panels:
            assert panel.view.isVisible() and panel.table.isVisible()
            assert _cut_chart_texts(panel) == [], panel.objectName()
        # on a large screen the bars have their labels again
        window.resize(QSize(1920, 1080 - 70))
        qtbot.waitUntil(lambda: board.panels[1].view.height() > 300)
        for panel in board.panels[1:]:
            assert charts.category_axis(panel.view.chart()).labelsVisible(), panel.objectName()
            assert _cut_chart_texts(panel) == [], panel.objectName()
        window.clear()
    finally:
        session.close()
        vault.close()
