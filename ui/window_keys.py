"""The window's shortcuts win over a text field's own keys, except the field's own undo.

A QLineEdit claims Ctrl+Z, Ctrl+Shift+Z and (on Linux) Ctrl+E for itself, so after a quick
entry save, with focus back in Fallnummer, Ctrl+Z undid the typing instead of the save,
and Ctrl+E did nothing from Personen. This filter lets every key that is one of the
window's action shortcuts reach the action; only undo and redo stay with a text field
that has an edit of its own to undo or redo (typed since it was last filled).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def _text_edit(widget: QWidget) -> QLineEdit | QTextEdit | QPlainTextEdit | None:
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        return widget
    if isinstance(widget, QComboBox) and widget.isEditable():
        return widget.lineEdit()
    if isinstance(widget, QAbstractSpinBox):
        return widget.findChild(QLineEdit)
    return None


def own_edit(widget: QWidget, redo: bool = False) -> bool:
    """Whether the text field has a typed edit of its own to undo (or redo)."""
    edit = _text_edit(widget)
    if edit is None:
        return False
    if isinstance(edit, QLineEdit):
        return edit.isRedoAvailable() if redo else edit.isUndoAvailable()
    document = edit.document()
    return document.isRedoAvailable() if redo else document.isUndoAvailable()


class WindowKeys(QObject):
    """Installed on the application while ``window`` lives; looks only at its widgets.

    ``window`` may also be a dialog that carries the main window's undo and redo actions
    (``addActions``): then those keys reach the actions from its fields in the same way."""

    def __init__(self, window: QWidget, undo: QAction, redo: QAction) -> None:
        super().__init__(window)
        self._window = window
        self._undo = undo
        self._redo = redo
        QApplication.instance().installEventFilter(self)
        window.destroyed.connect(self._remove)

    def _remove(self, *_args) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(watched, QWidget):
            return False
        if watched.window() is not self._window or not isinstance(event, QKeyEvent):
            return False
        pressed = QKeySequence(event.keyCombination())
        action = self._action_for(pressed)
        if action is None:
            return False
        if action is self._undo and own_edit(watched):
            return False
        if action is self._redo and own_edit(watched, redo=True):
            return False
        event.ignore()  # not claimed by the field: the window's shortcut runs
        return True

    def _action_for(self, pressed: QKeySequence) -> QAction | None:
        for action in [*self._window.findChildren(QAction), *self._window.actions()]:
            if not action.isEnabled():
                continue
            for keys in action.shortcuts():
                if keys.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch:
                    return action
        return None
