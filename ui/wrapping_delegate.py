"""Item views whose long texts wrap onto further lines instead of being cut off."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeWidget


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the tree's width (a tree measures items as
    one line by default and then cuts them off)."""

    CHECK_AND_MARGINS = 40

    def __init__(self, tree: QTreeWidget, column: int = 0) -> None:
        super().__init__(tree)
        self._tree = tree
        self._column = column
        tree.header().sectionResized.connect(self._relayout)

    def _relayout(self, *_args) -> None:
        self._tree.scheduleDelayedItemsLayout()

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        if index.column() != self._column:
            return hint
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = self._tree.columnWidth(self._column) - self._tree.indentation() * (depth + 1)
        width -= self.CHECK_AND_MARGINS
        if width <= 40:
            return hint
        text = str(index.data() or "")
        metrics = QFontMetrics(index.data(Qt.ItemDataRole.FontRole) or option.font)
        rect = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text)
        return QSize(hint.width(), max(hint.height(), rect.height() + 4))
