"""Help at hand: the keyboard shortcuts, the scheme's categories with their definitions,
and the user guide (docs/user-guide.de.md or .en.md rendered as Markdown)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import lang

if TYPE_CHECKING:
    from app.scheme.model import Scheme

CODE_ROLE = Qt.ItemDataRole.UserRole + 1


def docs_dir() -> Path:
    """docs/ beside the package in a checkout; below sys._MEIPASS when frozen."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "docs"
    return Path(__file__).resolve().parent.parent / "docs"


def guide_path(language: str | None = None) -> Path:
    language = language or lang.current()
    path = docs_dir() / f"user-guide.{language}.md"
    return path if path.exists() else docs_dir() / "user-guide.de.md"


def _closing_buttons(dialog: QDialog, layout: QVBoxLayout) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)


class ShortcutsDialog(QDialog):
    def __init__(self, shortcuts: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tastenkürzel"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(shortcuts), 2)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the next control
        self.table.setAccessibleName(self.tr("Tastenkürzel"))
        self.table.setHorizontalHeaderLabels([self.tr("Taste"), self.tr("Wirkung")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (keys, what) in enumerate(shortcuts):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(what))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        _closing_buttons(self, layout)
        self.resize(620, 460)


class CategoriesDialog(QDialog):
    """Every dimension and code of the scheme, with definition and purpose."""

    def __init__(self, scheme: Scheme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kategorien und Definitionen"))
        self._scheme = scheme
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("Kategorienschema %1, Version %2")
                .replace("%1", scheme.id)
                .replace("%2", str(scheme.version))
            )
        )
        split = QSplitter(Qt.Orientation.Horizontal)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Kategorien"))
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("Definition"))
        split.addWidget(self.tree)
        split.addWidget(self.text)
        split.setSizes([330, 470])
        layout.addWidget(split, 1)
        _closing_buttons(self, layout)
        for dim in scheme.dimensions:
            top = QTreeWidgetItem([dim.label()])
            top.setData(0, CODE_ROLE, (dim.id, None))
            self.tree.addTopLevelItem(top)
            for code in dim.codes:
                child = QTreeWidgetItem([f"{code.label()}  ({code.code})"])
                child.setData(0, CODE_ROLE, (dim.id, code.code))
                top.addChild(child)
        self.tree.currentItemChanged.connect(self._show)
        self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.resize(860, 560)

    def _show(self, item: QTreeWidgetItem | None, *_args) -> None:
        if item is None:
            return
        dim_id, code = item.data(0, CODE_ROLE)
        dim = self._scheme.dimension(dim_id)
        parts = [f"## {dim.label()}"]
        if code is not None:
            c = self._scheme.code(dim_id, code)
            parts.append(f"### {c.label()} ({c.code})\n\n{c.definition()}")
            if c.domain:
                parts.append(
                    self.tr("Lebensbereich: %1").replace(
                        "%1", self._scheme.label("domain", c.domain)
                    )
                )
            if c.source:
                parts.append(self.tr("Quelle: %1").replace("%1", c.source))
        why = self.tr("Wofür die Planung das braucht:")  # (lupdate skips tr() in f-strings)
        parts.append(f"**{why}** {dim.purpose()}")
        self.text.setMarkdown("\n\n".join(parts))

    def select(self, dim_id: str, code: str | None = None) -> None:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top.data(0, CODE_ROLE)[0] != dim_id:
                continue
            target = top
            for j in range(top.childCount()):
                if top.child(j).data(0, CODE_ROLE)[1] == code:
                    target = top.child(j)
            self.tree.setCurrentItem(target)


class GuideDialog(QDialog):
    def __init__(self, language: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Benutzerhandbuch"))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("Benutzerhandbuch"))
        self.browser.setOpenExternalLinks(False)
        path = guide_path(language)
        try:
            self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        except OSError:
            self.browser.setPlainText(
                self.tr("Das Benutzerhandbuch fehlt: %1").replace("%1", str(path))
            )
        layout.addWidget(self.browser)
        _closing_buttons(self, layout)
        self.resize(760, 640)
