"""The editor for one case: every scheme dimension, definitions at the point of entry.

Nobody ticks "Multiproblemfall": the class beside the problem codes is computed live by
app.rules.classify from the life domains of the ticked codes. The traffic light shows
what app.completeness still misses. Saving goes through app.undo.UndoLog (so Ctrl+Z can
revert it) to Session.save_case, which validates; its errors are shown as they are.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import msgspec
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import FallzahlError
from app.records import agreement, completeness
from app.records.model import CASE_DIMENSIONS, Case
from app.records.rules import classify
from app.records.upgrade import in_current_codes
from ui import dialogs
from ui.date_field import DateField
from ui.item_form import ItemForm
from ui.wrapping_delegate import WrappingDelegate

if TYPE_CHECKING:
    from app.scheme.model import Scheme
    from app.vault.session import Session
    from app.vault.undo import UndoLog

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
# single-choice items in the order of the form (attribute names of Case)
CHOICES = (
    "sex",
    "age_band",
    "household",
    "children",
    "municipality",
    "transfer_benefits",
    "migration_parent",
    "german_at_home",
    "referral",
)
LIGHTS = {
    completeness.COMPLETE: "#2e7d32",
    completeness.PARTIAL: "#f9a825",
    completeness.INCOMPLETE: "#c62828",
}


class CaseEditor(QWidget):
    saved = Signal(str)  # case id

    def __init__(
        self, session: Session | None, undo: UndoLog, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseEditor")
        self._session: Session | None = None
        self._undo = undo
        self._loaded: Case | None = None
        self._has_contacts = False  # the loaded case has contacts (persons by sex asked)
        self._loading = False
        self._help_of: dict[QObject, str] = {}  # widget -> case attribute it edits
        self._dim_of: dict[QComboBox, str] = {}  # combo -> scheme dimension of its codes
        self._rows_built = False
        self._build()
        self.set_session(session)

    # building
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)

        head = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("caseTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        head.addWidget(self.title)
        head.addStretch(1)
        self.light = QLabel()
        self.light.setFixedSize(16, 16)
        self.light.setAccessibleName(self.tr("Vollständigkeit"))
        head.addWidget(self.light)
        self.completeness_label = QLabel()
        self.completeness_label.setWordWrap(True)
        self.completeness_label.setAccessibleName(self.tr("Vollständigkeit"))
        head.addWidget(self.completeness_label, 3)
        outer.addLayout(head)

        split = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(split, 1)

        # left: the form
        form_host = QWidget()
        host_layout = QVBoxLayout(form_host)
        host_layout.setContentsMargins(0, 0, 6, 0)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        host_layout.addLayout(self.form)
        # scheme format 2: its items for the case's fields, and the household link
        self.items = ItemForm("case")
        self.items.changed.connect(self._changed)
        self.items.help_changed.connect(self.help_text_set)
        host_layout.addWidget(self.items)
        self.household_label = QLabel(self.tr("Haushalt (intern)"))
        self.household = QLineEdit()
        self.household.setPlaceholderText(self.tr("z. B. H-12"))
        self.household.setMaxLength(8)
        self.household.setAccessibleName(self.tr("Haushalt (intern)"))
        self.household.textEdited.connect(self._changed)
        self.household.installEventFilter(self)
        self.household_label.setBuddy(self.household)
        household_row = QFormLayout()
        household_row.addRow(self.household_label, self.household)
        host_layout.addLayout(household_row)
        host_layout.addStretch(1)  # spare height below the form, not between its rows
        self.field = QComboBox()
        self.other_fields = QListWidget()
        self.other_fields.setMaximumHeight(120)
        self.other_fields.setWordWrap(True)  # two long fields never end alike ("Schwangers…")
        self.other_fields.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.other_fields.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.other_fields.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.opened = DateField(feedback="below")
        self.closed_check = QCheckBox(self.tr("abgeschlossen am"))
        self.closed = DateField(feedback="below")
        self.ending = QComboBox()
        self.choices: dict[str, QComboBox] = {attr: QComboBox() for attr in CHOICES}
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(form_host)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields take the Tab stops
        split.addWidget(scroll)
        self._form_scroll = scroll

        # right: problem codes by life domain, the class, the definition
        right = QWidget()
        rlay = QVBoxLayout(right)
        rlay.setContentsMargins(0, 0, 0, 0)
        self.problems_label = QLabel()
        rlay.addWidget(self.problems_label)
        self.problems = QTreeWidget()
        self.problems.setHeaderHidden(True)
        # long problem labels wrap onto a second line: never cut off, and ticking a code
        # (the domain's count changes) does not change the pane's width
        self.problems.header().setStretchLastSection(True)
        self.problems.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.problems.setWordWrap(True)
        self.problems.setItemDelegate(WrappingDelegate(self.problems))
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.problems.setObjectName("problemTree")
        rlay.addWidget(self.problems, 5)
        self.multi_label = QLabel()
        self.multi_label.setObjectName("multiClass")
        self.multi_label.setAccessibleName(self.tr("Lebensbereiche und Fallklasse"))
        self.multi_label.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.multi_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        font = self.multi_label.font()
        font.setBold(True)
        self.multi_label.setFont(font)
        rlay.addWidget(self.multi_label)
        self.help_box = QGroupBox(self.tr("Erläuterung"))
        hlay = QVBoxLayout(self.help_box)
        self.help_text = QLabel()
        self.help_text.setWordWrap(True)
        self.help_text.setTextFormat(Qt.TextFormat.RichText)
        self.help_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.help_text.setAccessibleName(self.tr("Erläuterung"))
        self.help_text.setMinimumHeight(60)
        hlay.addWidget(self.help_text)
        self.help_box.setMaximumHeight(170)  # the problem list needs the height more
        rlay.addWidget(self.help_box, 1)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)

        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.save_button = QPushButton(self.tr("Fall speichern (Strg+S)"))
        self.save_button.setAccessibleName(self.tr("Fall speichern"))
        self.save_button.clicked.connect(self.save)
        bottom.addWidget(self.save_button)
        outer.addLayout(bottom)

        self.other_fields.itemChanged.connect(self._changed)
        self.other_fields.itemChanged.connect(self._fields_changed)
        self.field.currentIndexChanged.connect(self._fields_changed)
        self.opened.date_changed.connect(self._changed)
        self.closed.date_changed.connect(self._changed)
        self.closed_check.toggled.connect(self._closed_toggled)
        self.ending.currentIndexChanged.connect(self._changed)
        for combo in [self.field, self.ending, *self.choices.values()]:
            # long labels must not widen the form beyond its pane
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
            combo.currentIndexChanged.connect(self._changed)
            combo.highlighted.connect(
                lambda i, c=combo: self._show_code_help(self._dim_of.get(c), c.itemData(i))
            )
        # The ending's few labels are shown whole ("intern weitervermittelt" was cut): the
        # combo is never narrower than its longest label (_fit_form_width), and the form puts
        # it below its label when the pane is too narrow for both side by side (WrapLongRows).
        self.ending.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.code_value = QLabel()
        self.code_value.setAccessibleName(self.tr("Fallnummer"))
        self.problems.itemChanged.connect(self._changed)
        self.problems.currentItemChanged.connect(self._problem_focused)
        self.other_fields.currentItemChanged.connect(self._other_field_focused)

    def _fill(self, scheme: Scheme) -> None:
        """Fill the code lists from the scheme; the form rows are laid out once."""
        first = not self._rows_built
        self._rows_built = True

        def row(label: str, widget: QWidget, attr: str, *, wide: bool = False) -> None:
            """``wide``: the label above, the field across both columns (long labels such as
            "Schwangerschaftskonfliktberatung" are single words that cannot wrap)."""
            if not first:
                return
            widget.setAccessibleName(label)
            if wide:
                caption = QLabel(label)
                caption.setBuddy(widget)
                self.form.addRow(caption)
                self.form.addRow(widget)
            else:
                self.form.addRow(label, widget)
            watched = widget.edit if isinstance(widget, DateField) else widget
            self._help_of[watched] = attr
            watched.installEventFilter(self)

        if first:
            self.form.addRow(self.tr("Fallnummer"), self.code_value)
        self._fill_combo(self.field, scheme, "field", optional=False)
        row(scheme.dimension("field").label(), self.field, "field", wide=True)
        self.other_fields.clear()
        for code in scheme.codes("field"):
            item = QListWidgetItem(code.label())
            item.setData(CODE_ROLE, code.code)
            item.setToolTip(code.label())
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(code.definition())
            self.other_fields.addItem(item)
        row(self.tr("weitere Beratungsfelder"), self.other_fields, "other_fields", wide=True)
        row(self.tr("Beginn"), self.opened, "opened")
        if first:
            self.closed_check.setAccessibleName(self.tr("Fall abgeschlossen"))
            self.closed.setAccessibleName(self.tr("abgeschlossen am"))
            self.form.addRow(self.closed_check, self.closed)
            for w in (self.closed_check, self.closed.edit):
                self._help_of[w] = "closed"
                w.installEventFilter(self)
        self._fill_combo(self.ending, scheme, "ending")
        row(scheme.dimension("ending").label(), self.ending, "ending")
        for attr, combo in self.choices.items():
            self._fill_combo(combo, scheme, CASE_DIMENSIONS[attr])
            row(completeness.item_label(attr, scheme), combo, attr)
        self._fit_form_width()

        self.problems.blockSignals(True)
        self.problems.clear()
        domains = {d.code: d for d in scheme.codes("domain")}
        parents: dict[str, QTreeWidgetItem] = {}
        for code in scheme.codes("problem"):
            domain = code.domain or ""
            parent = parents.get(domain)
            if parent is None:
                dom = domains.get(domain)
                parent = QTreeWidgetItem([dom.label() if dom else domain])
                parent.setData(0, CODE_ROLE, None)
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                parent.setToolTip(0, dom.definition() if dom else "")
                f = parent.font(0)
                f.setBold(True)
                parent.setFont(0, f)
                parents[domain] = parent
                self.problems.addTopLevelItem(parent)
            item = QTreeWidgetItem([code.label()])
            item.setData(0, CODE_ROLE, code.code)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(0, Qt.CheckState.Unchecked)
            item.setToolTip(0, code.definition())
            parent.addChild(item)
        self.problems.expandAll()
        self.problems.blockSignals(False)
        self._domain_items = parents
        self.problems_label.setText(self.tr("Problemlagen nach Lebensbereich"))
        self.problems.setAccessibleName(self.tr("Problemlagen nach Lebensbereich"))
        self._help_of[self.problems] = "problems"
        self.problems.installEventFilter(self)
        self.save_button.setAccessibleName(self.tr("Fall speichern"))
        self.items.set_scheme(scheme)
        for w in (self.household_label, self.household):
            w.setVisible(bool(scheme.items))
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        chain = [
            self.field,
            self.other_fields,
            self.opened,
            self.closed_check,
            self.closed,
            self.ending,
        ]
        chain += [self.choices[a] for a in CHOICES] + [
            *self.items.focus_chain(),
            self.household,
            self.problems,
            self.multi_label,
            self.save_button,
        ]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def _fill_combo(
        self, combo: QComboBox, scheme: Scheme, dim: str, *, optional: bool = True
    ) -> None:
        combo.blockSignals(True)
        combo.clear()
        if optional:
            combo.addItem(self.tr("– nicht erfasst –"), None)
        for code in scheme.codes(dim):
            combo.addItem(code.label(), code.code)
            combo.setItemData(combo.count() - 1, code.definition(), Qt.ItemDataRole.ToolTipRole)
        combo.blockSignals(False)
        self._dim_of[combo] = dim

    def _fit_form_width(self) -> None:
        """The form's pane is never narrower than its content needs (the ending's labels)."""
        self.ending.setMinimumWidth(0)
        self.ending.setMinimumWidth(self.ending.sizeHint().width())  # its longest label
        host = self._form_scroll.widget()
        host.layout().activate()
        bar = self._form_scroll.verticalScrollBar().sizeHint().width()
        self._form_scroll.setMinimumWidth(host.minimumSizeHint().width() + bar)

    # session and case
    def set_session(self, session: Session | None) -> None:
        self._session = session
        self._loaded = None
        if session is not None:
            self._fill(session.scheme)
        self.load(None)

    def clear(self) -> None:
        self.set_session(None)
        self.problems.clear()
        self.other_fields.clear()
        for combo in [self.field, self.ending, *self.choices.values()]:
            combo.clear()
        self.help_text.clear()

    def start(self) -> None:
        """Focus on the first field of the case."""
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def case(self) -> Case | None:
        return self._loaded

    def load(self, case: Case | None) -> None:
        if case is not None and self._session is not None:
            case = in_current_codes(self._session, case)  # an old case in today's codes
        self._loading = True
        self._loaded = case
        self._has_contacts = self._count_contacts(case)
        self.setEnabled(case is not None)
        if case is None:
            self.title.setText(self.tr("Kein Fall gewählt"))
            self.code_value.setText("")
            self.multi_label.clear()
            self.completeness_label.clear()
            self.light.setStyleSheet("")
            self._loading = False
            return
        self.title.setText(self.tr("Fall %1").replace("%1", case.code))
        self.code_value.setText(case.code)
        _select(self.field, case.field)
        for i in range(self.other_fields.count()):
            item = self.other_fields.item(i)
            checked = item.data(CODE_ROLE) in case.other_fields
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.opened.setDate(case.opened)
        self.closed_check.setChecked(case.closed is not None)
        self.closed.setDate(case.closed or dt.date.today())
        self.closed.setEnabled(case.closed is not None)
        self.ending.setEnabled(case.closed is not None)
        _select(self.ending, case.ending)
        for attr, combo in self.choices.items():
            _select(combo, getattr(case, attr))
        self.items.load(case)
        self.items.set_fields([case.field, *case.other_fields])
        self.household.setText(case.household_key or "")
        self.problems.blockSignals(True)
        for item in self._problem_items():
            on = item.data(0, CODE_ROLE) in case.problems
            item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.problems.blockSignals(False)
        self._loading = False
        self._update_status()

    def _count_contacts(self, case: Case | None) -> bool:
        if case is None or self._session is None:
            return False
        return bool(self._session.contacts_of_case(case.id))

    def contacts_changed(self) -> None:
        """A contact of the shown case was saved or deleted: persons by sex may now be asked."""
        self._has_contacts = self._count_contacts(self._loaded)
        self._update_status()

    def _problem_items(self) -> list[QTreeWidgetItem]:
        items = []
        for i in range(self.problems.topLevelItemCount()):
            parent = self.problems.topLevelItem(i)
            items += [parent.child(j) for j in range(parent.childCount())]
        return items

    def current(self) -> Case | None:
        """The case as the form shows it now (not yet validated or saved)."""
        base = self._loaded
        if base is None:
            return None
        closed = (self.closed.date() or base.closed) if self.closed_check.isChecked() else None
        values = {attr: combo.currentData() for attr, combo in self.choices.items()}
        return msgspec.structs.replace(
            base,
            field=self.field.currentData(),
            other_fields=[
                self.other_fields.item(i).data(CODE_ROLE)
                for i in range(self.other_fields.count())
                if self.other_fields.item(i).checkState() == Qt.CheckState.Checked
            ],
            opened=self.opened.date() or base.opened,
            closed=closed,
            ending=self.ending.currentData() if closed else None,
            problems=[
                item.data(0, CODE_ROLE)
                for item in self._problem_items()
                if item.checkState(0) == Qt.CheckState.Checked
            ],
            **values,
            **self.items.values(),
            household_key=self.household.text().strip() or None,
        )

    def is_dirty(self) -> bool:
        return self._loaded is not None and self.current() != self._loaded

    def set_problems(self, codes: list[str]) -> None:
        for item in self._problem_items():
            on = item.data(0, CODE_ROLE) in codes
            item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def save(self) -> Case | None:
        draft = self.current()
        if draft is None or self._session is None:
            return None
        fields = [self.opened] + ([self.closed] if self.closed_check.isChecked() else [])
        for field in fields:
            if field.date() is None:
                field.show_problem()
                field.setFocus()
                dialogs.error(self, field.feedback.text())
                return None
        try:
            agreement.check_case(draft, self._session.contacts())
            saved = self._undo.save_case(self._session, draft)
        except FallzahlError as exc:
            dialogs.error(self, exc)
            return None
        self.load(saved)
        self.saved.emit(saved.id)
        return saved

    # live feedback
    def _closed_toggled(self, on: bool) -> None:
        self.closed.setEnabled(on)
        self.ending.setEnabled(on)
        self._changed()

    def _changed(self, *_args) -> None:
        if not self._loading:
            self._update_status()

    def _fields_changed(self, *_args) -> None:
        """Items that apply only to some counselling fields follow the case's fields."""
        if self._loading:
            return
        fields = [self.field.currentData()] + [
            self.other_fields.item(i).data(CODE_ROLE)
            for i in range(self.other_fields.count())
            if self.other_fields.item(i).checkState() == Qt.CheckState.Checked
        ]
        self.items.set_fields([f for f in fields if f])

    def help_text_set(self, html: str) -> None:
        self.help_text.setText(html)

    def _update_status(self) -> None:
        draft = self.current()
        if draft is None or self._session is None:
            return
        scheme = self._session.scheme
        multi = classify(draft.problems, scheme)
        if multi.domains == 1:
            text = self.tr("1 Lebensbereich")
        else:
            text = self.tr("%1 Lebensbereiche").replace("%1", str(multi.domains))
        text += " – " + (
            self.tr("Multiproblemfall") if multi.is_multi else self.tr("kein Multiproblemfall")
        )
        text += " " + self.tr("(Klasse %1)").replace("%1", multi.cls)
        self.multi_label.setText(text)
        self.multi_label.setAccessibleDescription(text)
        counts = {code: 0 for code in self._domain_items}
        mapping = scheme.problem_domain
        for code in draft.problems:
            if code in mapping:
                counts[mapping[code]] = counts.get(mapping[code], 0) + 1
        domains = {d.code: d.label() for d in scheme.codes("domain")}
        for code, item in self._domain_items.items():
            label = domains.get(code, code)
            item.setText(0, f"{label} ({counts[code]})" if counts.get(code) else label)
        level = completeness.level(draft, scheme, has_contacts=self._has_contacts)
        gaps = completeness.missing_labels(draft, scheme, has_contacts=self._has_contacts)
        self.light.setStyleSheet(f"background:{LIGHTS[level]}; border-radius:8px;")
        if gaps:
            self.completeness_label.setText(
                self.tr("Es fehlt noch: %1").replace("%1", ", ".join(gaps))
            )
        else:
            self.completeness_label.setText(self.tr("Vollständig erfasst"))
        self.light.setToolTip(self.completeness_label.text())

    # definitions at the point of entry
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusIn and watched is self.household:
            self.help_text.setText(
                "<b>"
                + _esc(self.tr("Haushalt (intern)"))
                + "</b><p>"
                + _esc(
                    self.tr(
                        "Dieselbe Haushaltsnummer (H-1, H-2 …) bei Fällen einer Familie in "
                        "verschiedenen Beratungsfeldern: die Lebensbereiche werden dann für "
                        "den integrierten Fall einmal gezählt. Nie einen Namen eintragen; die "
                        "Nummer bleibt in der Beratungsstelle und wird nie gemeldet."
                    )
                )
                + "</p>"
            )
        if event.type() == QEvent.Type.FocusIn and watched in self._help_of:
            attr = self._help_of[watched]
            if isinstance(watched, QComboBox):
                self._show_code_help(CASE_DIMENSIONS.get(attr), watched.currentData(), attr)
            elif watched is self.problems and self.problems.currentItem() is not None:
                self._problem_focused(self.problems.currentItem())
            else:
                self._show_code_help(CASE_DIMENSIONS.get(attr), None, attr)
        return super().eventFilter(watched, event)

    def _problem_focused(self, item: QTreeWidgetItem | None, *_args) -> None:
        if item is None or self._session is None:
            return
        code = item.data(0, CODE_ROLE)
        if code is None:  # a life domain
            dom = self._session.scheme.dimension("domain")
            match = [c for c in dom.codes if c.label() and item.text(0).startswith(c.label())]
            self._show_code_help("domain", match[0].code if match else None)
        else:
            self._show_code_help("problem", code)

    def _other_field_focused(self, item: QListWidgetItem | None, *_args) -> None:
        if item is not None:
            self._show_code_help("field", item.data(CODE_ROLE), "other_fields")

    def _show_code_help(self, dim: str | None, code: str | None, attr: str | None = None) -> None:
        if self._session is None:
            return
        scheme = self._session.scheme
        parts = []
        if dim is not None:
            dimension = scheme.dimension(dim)
            title = (
                completeness.item_label(attr, scheme)
                if attr in CASE_DIMENSIONS
                else dimension.label()
            )
            parts.append(f"<b>{_esc(title)}</b>")
            if code is not None and scheme.has_code(dim, code):
                c = scheme.code(dim, code)
                parts.append(f"<p><b>{_esc(c.label())}</b>: {_esc(c.definition())}</p>")
            parts.append(
                "<p><i>"
                + _esc(self.tr("Wofür die Planung das braucht:"))
                + "</i> "
                + _esc(dimension.purpose())
                + "</p>"
            )
        elif attr in ("opened", "closed"):
            parts.append(
                _esc(
                    self.tr(
                        "Beginn: der Tag des ersten Kontakts im Fall. Ende: der Tag, an dem die "
                        "Beratung beendet wurde; dann auch die Art der Beendigung angeben."
                    )
                )
            )
        self.help_text.setText("".join(parts))


def _select(combo: QComboBox, code: str | None) -> None:
    index = combo.findData(code)
    combo.setCurrentIndex(index if index >= 0 else 0)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
