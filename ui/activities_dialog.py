"""Activities without a case (groups, prevention events, multiplier work, § 8b advice,
network meetings): a list of the year's activities and a form to add or change one.

Everything by keyboard: the form starts at the date; Tab walks kind, field, participants,
target group, setting, minutes and place; Enter saves (a new activity, or the one chosen in
the list); Ctrl+N starts a new one; Del deletes the chosen one after asking. The definition
of the focused item and code is shown beside the form. Saving and deleting go through the
window's undo log (app/vault/undo.py, then app/vault/activities.py, which validates; its errors
are shown as they are), and the window's undo and redo actions work here too: Ctrl+Z, Ctrl+Y.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import FallzahlError
from app.records.model import Activity
from app.vault import activities as store
from app.vault.session import new_id
from app.vault.undo import UndoLog
from ui import dialogs
from ui.date_field import DateField
from ui.item_form import ItemForm
from ui.window_keys import WindowKeys

if TYPE_CHECKING:
    from app.vault.session import Session

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ActivitiesDialog(QDialog):
    """``undo``: the window's undo log; ``undo_actions``: the window's undo and redo actions,
    whose keys then work in the dialog as well (the window calls ``after_step``)."""

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        undo: UndoLog | None = None,
        undo_actions: tuple[QAction, QAction] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("activitiesDialog")
        self.setWindowTitle(self.tr("Tätigkeiten ohne Fall"))
        self.session = session
        self.undo = undo if undo is not None else UndoLog()
        self._editing: Activity | None = None
        scheme = session.scheme
        outer = QHBoxLayout(self)

        left = QVBoxLayout()
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("activitiesTable")
        self.table.setAccessibleName(self.tr("Erfasste Tätigkeiten"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Datum"),
                self.tr("Art"),
                self.tr("Beratungsfeld"),
                self.tr("Teilnehmende"),
                self.tr("Zielgruppe"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.currentCellChanged.connect(lambda row, *_: self._chosen(row))
        left.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Summe"))
        left.addWidget(self.summary)
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Meldung"))
        self.status.setWordWrap(True)
        left.addWidget(self.status)
        outer.addLayout(left, 3)

        right = QVBoxLayout()
        form = QFormLayout()
        self.date = DateField(feedback="below")
        self.date.setAccessibleName(self.tr("Datum"))
        self.kind = self._combo(scheme, "activity_kind")
        self.kind.setAccessibleName(scheme.dimension("activity_kind").label())
        self.field = self._combo(scheme, "field")
        self.field.setAccessibleName(scheme.dimension("field").label())
        form.addRow(self._label(self.tr("&Datum"), self.date.edit), self.date)
        form.addRow(self._label(self.tr("&Art der Tätigkeit"), self.kind), self.kind)
        form.addRow(self._label(self.tr("&Beratungsfeld"), self.field), self.field)
        right.addLayout(form)
        self.items = ItemForm("activity")
        self.items.set_scheme(scheme)
        self.items.help_changed.connect(self._help)
        right.addWidget(self.items)
        self.help_box = QGroupBox(self.tr("Erläuterung"))
        hlay = QVBoxLayout(self.help_box)
        self.help_text = QLabel()
        self.help_text.setWordWrap(True)
        self.help_text.setTextFormat(Qt.TextFormat.RichText)
        self.help_text.setMinimumHeight(90)
        self.help_text.setAccessibleName(self.tr("Erläuterung"))
        hlay.addWidget(self.help_text)
        right.addWidget(self.help_box, 1)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&Neu (Strg+N)"))
        self.new_button.setAccessibleName(self.tr("Neue Tätigkeit"))
        self.new_button.clicked.connect(self.new)
        self.delete_button = QPushButton(self.tr("&Löschen (Entf)"))
        self.delete_button.setAccessibleName(self.tr("Tätigkeit löschen"))
        self.delete_button.clicked.connect(self.delete)
        self.save_button = QPushButton(self.tr("&Speichern ↵"))
        self.save_button.setAccessibleName(self.tr("Tätigkeit speichern"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("Schließen"))
        self.close_button.setAccessibleName(self.tr("Schließen"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.accept)
        for b in (self.new_button, self.delete_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        right.addLayout(buttons)
        outer.addLayout(right, 2)

        QShortcut(QKeySequence.StandardKey.New, self, self.new)
        if undo_actions is not None:
            self.addActions(list(undo_actions))  # the window's keys reach them from here
            self.keys = WindowKeys(self, *undo_actions)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.delete)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)  # not while typing a date
        self._dim_of = {self.kind: "activity_kind", self.field: "field"}
        for combo, dim in self._dim_of.items():
            combo.installEventFilter(self)
            combo.currentIndexChanged.connect(lambda _i, c=combo, d=dim: self._code_help(d, c))
            combo.highlighted.connect(
                lambda i, c=combo, d=dim: self._code_help(d, c, c.itemData(i))
            )
        chain = [self.date.edit, self.kind, self.field, *self.items.focus_chain()]
        chain += [self.save_button, self.new_button, self.delete_button, self.table]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)
        self.resize(980, 520)
        self.refresh()
        self.new()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.date.edit.setFocus(Qt.FocusReason.OtherFocusReason)  # entry starts at the date

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _combo(self, scheme, dim: str) -> QComboBox:
        combo = QComboBox()
        for code in scheme.codes(dim):
            combo.addItem(code.label(), code.code)
            combo.setItemData(combo.count() - 1, code.definition(), Qt.ItemDataRole.ToolTipRole)
        return combo

    # the list
    def refresh(self) -> None:
        scheme = self.session.scheme
        year = dt.date.today().year
        found = [a for a in store.activities(self.session) if a.date.year >= year - 1]
        found.sort(key=lambda a: a.date, reverse=True)
        self.table.setRowCount(len(found))
        for row, a in enumerate(found):
            cells = [
                f"{a.date:%d.%m.%Y}",
                scheme.label("activity_kind", a.kind),
                scheme.label("field", a.field),
                str(a.participants),
                scheme.label("target_group", a.target_group) if a.target_group else "",
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, a.id)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self._found = {a.id: a for a in found}
        people = sum(a.participants for a in found if a.date.year == year)
        n = sum(1 for a in found if a.date.year == year)
        self.summary.setText(
            self.tr("%1: %2 Tätigkeiten, %3 Teilnehmende")
            .replace("%1", str(year))
            .replace("%2", str(n))
            .replace("%3", str(people))
        )

    def _chosen(self, row: int) -> None:
        item = self.table.item(row, 0) if row >= 0 else None
        activity = self._found.get(item.data(ID_ROLE)) if item else None
        if activity is not None:
            self.load(activity)

    # the form
    def new(self) -> None:
        self._editing = None
        self.table.clearSelection()
        self.table.setCurrentItem(None)  # so Home or an arrow key chooses a row again
        self.date.setDate(dt.date.today())
        self.kind.setCurrentIndex(0)
        self.items.load(
            Activity(
                id="",
                date=dt.date.today(),
                kind="",
                field="",
                counsellor="",
                scheme_version=self.session.scheme.version,
            )
        )
        self.date.setFocus()

    def load(self, activity: Activity) -> None:
        self._editing = activity
        self.date.setDate(activity.date)
        _select(self.kind, activity.kind)
        _select(self.field, activity.field)
        self.items.load(activity)

    def current(self) -> Activity | None:
        day = self.date.date()
        if day is None:
            return None
        values = self.items.values()
        values["participants"] = values.get("participants") or 0
        base = self._editing
        return Activity(
            id=base.id if base else new_id(),
            date=day,
            kind=self.kind.currentData(),
            field=self.field.currentData(),
            counsellor=base.counsellor if base else self.session.user,
            scheme_version=self.session.scheme.version,
            **values,  # type: ignore[arg-type]
        )

    def save(self) -> Activity | None:
        activity = self.current()
        if activity is None:
            self.date.show_problem()
            dialogs.error(self, self.date.feedback.text())
            self.date.setFocus()
            return None
        try:
            self.undo.save_activity(self.session, activity)
        except FallzahlError as exc:
            dialogs.error(self, exc)
            return None
        self.refresh()
        self.new()
        self.status.setText(self.tr("Tätigkeit gespeichert. Strg+Z macht es rückgängig."))
        return activity

    def delete(self) -> None:
        activity = self._editing
        if activity is None:
            return
        if not dialogs.question(self, self.tr("Diese Tätigkeit löschen?")):
            return
        try:
            self.undo.delete_activity(self.session, activity.id)
        except FallzahlError as exc:
            dialogs.error(self, exc)
            return
        self.refresh()
        self.new()
        self.status.setText(self.tr("Tätigkeit gelöscht. Strg+Z macht es rückgängig."))

    def after_step(self, message: str, done: bool = True) -> None:
        """The window undid or redid a change (``done``; else there was none to undo or
        redo): show the list as it is now and say so."""
        if done:
            self.refresh()
            self.new()
        self.status.setText(message)

    # definitions at the point of entry
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusIn and watched in self._dim_of:
            self._code_help(self._dim_of[watched], watched)  # type: ignore[index,arg-type]
        return super().eventFilter(watched, event)

    def _help(self, html: str) -> None:
        self.help_text.setText(html)

    def _code_help(self, dim: str, combo: QComboBox, code: str | None = None) -> None:
        scheme = self.session.scheme
        code = combo.currentData() if code is None else code
        dimension = scheme.dimension(dim)
        parts = [f"<b>{_esc(dimension.label())}</b>"]
        if code is not None and scheme.has_code(dim, code):
            c = scheme.code(dim, code)
            parts.append(f"<p><b>{_esc(c.label())}</b>: {_esc(c.definition())}</p>")
        parts.append(f"<p><i>{_esc(dimension.purpose())}</i></p>")
        self.help_text.setText("".join(parts))


def _select(combo: QComboBox, code: str | None) -> None:
    index = combo.findData(code)
    combo.setCurrentIndex(index if index >= 0 else 0)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
