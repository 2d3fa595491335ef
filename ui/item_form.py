"""The scheme format 2 items of one record kind as form rows, built from the scheme.

One widget per item the scheme declares (app/scheme/model.py Item): a list for single
choice, a checkable list for multiple choice, a main list plus a checkable list of further
codes for ranked choice, a date field, a number field with "not recorded" below its
minimum, and for counts per code (persons by sex) one number per code with their sum shown
beside them (the total is never typed). Rows of items that do not apply to the record's
counselling fields, or whose condition (``only_if``: the KDS diagnosis only for the person
concerned) the form's current answers exclude, are hidden (``set_fields``). Focus on a widget shows the item's definition (and the chosen code's)
through ``help_changed``. The values go back as record attributes (app/records/model.py
ITEMS); validation stays in app/.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.records.model import ITEMS
from ui.date_field import DateField

if TYPE_CHECKING:
    from app.scheme.model import Item, Scheme

CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class CountField(QSpinBox):
    """A number with "not recorded" below its minimum; focus selects it, so typing a number
    replaces the text (as the quick entry's code fields do)."""

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.selectAll()


class CountsField(QWidget):
    """One count per code (0 to ``maximum``), their sum shown after them: the persons
    counselled by sex, the number of persons derived."""

    changed = Signal()

    COLUMNS = 2  # codes side by side: narrow enough for the case editor on a small screen

    def __init__(self, scheme: Scheme, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        self.spins: dict[str, CountField] = {}
        for i, code in enumerate(scheme.codes(item.dimension or "")):
            spin = CountField()
            spin.setRange(0, item.max if item.max is not None else 99)
            spin.setAccessibleName(f"{item.label()}: {code.label()}")
            spin.setToolTip(code.definition())
            spin.valueChanged.connect(self._changed)
            spin.setMinimumWidth(spin.sizeHint().width())  # two digits stay readable
            label = QLabel(code.label())
            label.setBuddy(spin)
            row, col = divmod(i, self.COLUMNS)
            grid.addWidget(label, row, col * 2)
            grid.addWidget(spin, row, col * 2 + 1)
            self.spins[code.code] = spin
        self.total = QLabel()
        self.total.setObjectName("countsTotal")
        self.total.setAccessibleName(self.tr("Summe"))
        grid.addWidget(self.total, grid.rowCount(), 0, 1, self.COLUMNS * 2)
        grid.setColumnStretch(self.COLUMNS * 2, 1)
        self._changed(emit=False)

    def value(self) -> dict[str, int]:
        return {code: spin.value() for code, spin in self.spins.items() if spin.value()}

    def set_value(self, counts: dict[str, int] | None) -> None:
        for code, spin in self.spins.items():
            spin.blockSignals(True)
            spin.setValue((counts or {}).get(code, 0))
            spin.blockSignals(False)
        self._changed(emit=False)

    def _changed(self, *_args, emit: bool = True) -> None:
        total = sum(spin.value() for spin in self.spins.values())
        if total == 1:
            self.total.setText(self.tr("= 1 Person"))
        else:
            self.total.setText(self.tr("= %1 Personen").replace("%1", str(total)))
        if emit:
            self.changed.emit()


class ItemForm(QWidget):
    changed = Signal()
    help_changed = Signal(str)  # rich text: the item's and the current code's definition

    def __init__(self, record: str, parent: QWidget | None = None, *, inline: bool = False) -> None:
        """``inline``: label and widget pairs side by side in one line (quick entry)."""
        super().__init__(parent)
        self.record = record
        self.setObjectName(f"itemForm_{record}")
        self.inline = inline
        self.line = QHBoxLayout()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.line if inline else self.form)
        if inline:
            self.line.setContentsMargins(0, 0, 0, 0)
        self._labels: dict[QWidget, QLabel] = {}
        self._hidden: set[str] = set()
        self._scheme: Scheme | None = None
        self._items: list[Item] = []
        self.widgets: dict[str, QWidget] = {}  # item id -> its (first) widget
        self._further: dict[str, QListWidget] = {}  # ranked items: further codes
        self._item_of: dict[QObject, Item] = {}
        self._code_of: dict[QObject, str] = {}  # counts: the code of each number
        self._fields: list[str] | None = None  # None: not told yet, every item shown
        self._skip: tuple[str, ...] = ()
        self._loading = False

    # building
    def set_scheme(self, scheme: Scheme, *, skip: tuple[str, ...] = ()) -> None:
        """Rows for the scheme's items of this record kind; ``skip``: items entered elsewhere
        (the quick entry takes the minutes in its own duration field)."""
        if scheme is self._scheme and skip == self._skip:
            return
        self._skip = skip
        while self.form.rowCount():
            self.form.removeRow(0)
        while self.line.count():
            child = self.line.takeAt(0).widget()
            if child is not None:
                child.deleteLater()
        self._labels.clear()
        self._hidden.clear()
        self.widgets.clear()
        self._further.clear()
        self._item_of.clear()
        self._code_of.clear()
        self._scheme = scheme
        self._items = [
            i for i in scheme.items_for(self.record) if i.id in ITEMS and i.id not in skip
        ]
        for item in self._items:
            self._add_row(scheme, item)
        self.setVisible(bool(self._items))

    def _add_row(self, scheme: Scheme, item: Item) -> None:
        label = item.label()
        if item.kind == "single":
            widget = self._combo(scheme, item)
        elif item.kind == "multiple":
            widget = self._checklist(scheme, item)
        elif item.kind == "ranked":
            widget = self._combo(scheme, item)
            further = self._checklist(scheme, item)
            further.setAccessibleName(self.tr("%1: weitere").replace("%1", label))
            self._further[item.id] = further
            self._watch(further, item)
        elif item.kind == "counts":
            widget = CountsField(scheme, item)
            widget.changed.connect(self._emit)
            for code, spin in widget.spins.items():
                self._code_of[spin] = code
                self._watch(spin, item)
        elif item.kind == "date":
            widget = DateField(feedback="below")
            widget.edit.clear()  # optional: empty until entered
            widget.date_changed.connect(self._emit)
        else:  # count
            spin = CountField()
            low = item.min or 0
            spin.setRange(low - 1, item.max if item.max is not None else 9999)
            spin.setSpecialValueText(self.tr("– nicht erfasst –"))
            spin.setValue(low - 1)
            spin.valueChanged.connect(self._emit)
            widget = spin
        widget.setAccessibleName(label)
        widget.setToolTip(item.definition())
        self.widgets[item.id] = widget
        self._row(label, widget)
        if item.id in self._further:
            more = self.tr("weitere (bis %1)").replace("%1", str((item.max or 1) - 1))
            self._row(more, self._further[item.id])
        self._watch(widget.edit if isinstance(widget, DateField) else widget, item)

    def _row(self, text: str, widget: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(widget)
        self._labels[widget] = label
        if self.inline:
            self.line.addWidget(label)
            self.line.addWidget(widget)
        else:
            self.form.addRow(label, widget)
        label.show()  # added to a form already on screen: shown explicitly
        widget.show()

    def _combo(self, scheme: Scheme, item: Item) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("– nicht erfasst –"), None)
        for code in scheme.codes(item.dimension or ""):
            combo.addItem(code.label(), code.code)
            combo.setItemData(combo.count() - 1, code.definition(), Qt.ItemDataRole.ToolTipRole)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(14)
        combo.currentIndexChanged.connect(self._emit)
        combo.currentIndexChanged.connect(
            lambda _i, c=combo, it=item: None if self._loading else self._show(it, c.currentData())
        )
        combo.currentIndexChanged.connect(lambda _i: self._refresh())  # conditions on it
        combo.highlighted.connect(lambda i, c=combo, it=item: self._show(it, c.itemData(i)))
        return combo

    def _checklist(self, scheme: Scheme, item: Item) -> QListWidget:
        box = QListWidget()
        box.setMaximumHeight(96)
        box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for code in scheme.codes(item.dimension or ""):
            entry = QListWidgetItem(code.label())
            entry.setData(CODE_ROLE, code.code)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            entry.setToolTip(code.definition())
            box.addItem(entry)
        box.itemChanged.connect(self._emit)
        box.currentItemChanged.connect(
            lambda cur, _prev, it=item: self._show(it, cur.data(CODE_ROLE) if cur else None)
        )
        return box

    def _watch(self, widget: QWidget, item: Item) -> None:
        self._item_of[widget] = item
        widget.installEventFilter(self)

    def focus_chain(self) -> list[QWidget]:
        """The widgets in tab order (visible ones only)."""
        out: list[QWidget] = []
        for item in self._items:
            if item.id in self._hidden:
                continue
            widget = self.widgets[item.id]
            if isinstance(widget, CountsField):
                out.extend(widget.spins.values())
            else:
                out.append(widget)
            if item.id in self._further:
                out.append(self._further[item.id])
        return out

    # rows for the record's fields
    def set_fields(self, fields: list[str]) -> None:
        """Show only the items that apply to these counselling fields."""
        self._fields = list(fields)
        self._refresh(force=True)

    def _refresh(self, *, force: bool = False) -> None:
        """Hide what does not apply: other fields' items, and items whose condition the
        current answer excludes (no diagnosis once a relative is chosen)."""
        for item in self._items:
            if item.id not in self.widgets or self.widgets[item.id] not in self._labels:
                continue  # still being built
            fits = self._fields is None or item.applies_to(self._fields)
            visible = fits and self._condition_allows(item)
            if not force and visible == (item.id not in self._hidden):
                continue
            if visible:
                self._hidden.discard(item.id)
            else:
                self._hidden.add(item.id)
            for widget in (self.widgets[item.id], self._further.get(item.id)):
                if widget is not None:
                    widget.setVisible(visible)
                    label = self._labels.get(widget)
                    if label is not None:
                        label.setVisible(visible)

    def _condition_allows(self, item: Item) -> bool:
        if item.only_if is None:
            return True
        other = self.widgets.get(item.only_if.item)
        if isinstance(other, QComboBox):
            return item.allowed_by(other.currentData())
        return True

    def applies(self, item_id: str) -> bool:
        return item_id in self.widgets and item_id not in self._hidden

    # values
    def load(self, record: object) -> None:
        self._loading = True
        try:
            for item in self._items:
                value = getattr(record, ITEMS[item.id][1])
                widget = self.widgets[item.id]
                if isinstance(widget, DateField):
                    if value is None:
                        widget.edit.clear()
                    else:
                        widget.setDate(value)
                elif isinstance(widget, CountsField):
                    widget.set_value(value)  # type: ignore[arg-type]
                elif isinstance(widget, QSpinBox):
                    widget.setValue(widget.minimum() if value is None else value)
                elif isinstance(widget, QListWidget):
                    _check(widget, list(value or ()))
                elif item.kind == "ranked":
                    codes = list(value or ())
                    _select(widget, codes[0] if codes else None)  # type: ignore[arg-type]
                    _check(self._further[item.id], codes[1:])
                else:
                    _select(widget, value)  # type: ignore[arg-type]
        finally:
            self._loading = False
        self._refresh()

    def values(self) -> dict[str, object]:
        """Record attribute -> value for every item; hidden items are empty."""
        out: dict[str, object] = {}
        for item in self._items:
            attr = ITEMS[item.id][1]
            widget = self.widgets[item.id]
            if not self.applies(item.id):
                out[attr] = {"multiple": (), "ranked": (), "counts": {}}.get(item.kind)
                continue
            if isinstance(widget, CountsField):
                out[attr] = widget.value()
            elif isinstance(widget, DateField):
                out[attr] = widget.date()
            elif isinstance(widget, QSpinBox):
                out[attr] = None if widget.value() < (item.min or 0) else widget.value()
            elif isinstance(widget, QListWidget):
                out[attr] = tuple(_checked(widget))
            elif item.kind == "ranked":
                main = widget.currentData()  # type: ignore[attr-defined]
                further = [c for c in _checked(self._further[item.id]) if c != main]
                out[attr] = tuple([main, *further]) if main else tuple(further)
            else:
                out[attr] = widget.currentData()  # type: ignore[attr-defined]
        return out

    # definitions at the point of entry
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusIn and watched in self._item_of:
            item = self._item_of[watched]
            code = watched.currentData() if isinstance(watched, QComboBox) else None
            code = self._code_of.get(watched, code)
            self._show(item, code)

        return super().eventFilter(watched, event)

    def _show(self, item: Item, code: str | None) -> None:
        self.help_changed.emit(help_html(self._scheme, item, code))

    def _emit(self, *_args) -> None:
        if not self._loading:
            self.changed.emit()


def help_html(scheme: Scheme | None, item: Item, code: str | None) -> str:
    parts = [f"<b>{_esc(item.label())}</b><p>{_esc(item.definition())}</p>"]
    dim = item.dimension
    if scheme is not None and code is not None and dim and scheme.has_code(dim, code):
        c = scheme.code(dim, code)
        parts.append(f"<p><b>{_esc(c.label())}</b>: {_esc(c.definition())}</p>")
    if item.source:
        parts.append(f"<p><i>{_esc(item.source)}</i></p>")
    return "".join(parts)


def _select(combo: QComboBox, code: str | None) -> None:
    index = combo.findData(code)
    combo.setCurrentIndex(index if index >= 0 else 0)


def _check(box: QListWidget, codes: list[str]) -> None:
    for i in range(box.count()):
        entry = box.item(i)
        on = entry.data(CODE_ROLE) in codes
        entry.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def _checked(box: QListWidget) -> list[str]:
    return [
        box.item(i).data(CODE_ROLE)
        for i in range(box.count())
        if box.item(i).checkState() == Qt.CheckState.Checked
    ]


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
