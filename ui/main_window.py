"""The counsellor's main window: quick entry on top, cases on the left, the case on the right.

Contract with the shell (ui/controller.py): ``MainWindow(session)``; signals
``lock_requested`` (Ctrl+L, Datei > Sperren), ``admin_requested`` (Verwaltung…, leads
only) and ``language_requested(code)`` (Hilfe > Sprache / Language: the shell switches and
builds the window again, handing over ``view_state()`` to ``restore_view()``);
``clear()`` resets every model and editor and forgets the plaintext Qt holds, so the shell
can lock and later call ``set_session`` with the newly unlocked session.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import lang
from app.errors import FallzahlError
from app.records import overview as ov
from app.records.changes import Changes
from app.vault.undo import ACTIVITIES, CASES, CONTACTS, NothingToRedo, NothingToUndo, UndoLog
from ui import dialogs, i18n
from ui.case_editor import CaseEditor
from ui.case_model import (
    ROW_ID_ROLE,
    CaseFilterProxy,
    CaseTableModel,
    ContactTableModel,
    short_date,
)
from ui.contact_editor import ContactDialog, agree_with_case
from ui.dashboard import Dashboard
from ui.help_dialog import CategoriesDialog, GuideDialog, ShortcutsDialog
from ui.quick_entry import QuickEntry
from ui.window_keys import WindowKeys

if TYPE_CHECKING:
    from pathlib import Path

    from app.vault.session import Session

FOCUS_STYLE = """
QLineEdit:focus, QComboBox:focus, QDateEdit:focus, QSpinBox:focus, QTableView:focus,
QTreeWidget:focus, QListWidget:focus { border: 2px solid palette(highlight); }
QPushButton:focus, QCheckBox:focus { outline: 2px solid palette(highlight); }
"""


class MainWindow(QMainWindow):
    lock_requested = Signal()
    admin_requested = Signal()
    language_requested = Signal(str)
    # an undo or redo was asked for: what the status bar says of it, and whether it was done
    stepped = Signal(str, bool)
    OVERVIEW_PAGE, ENTRY_PAGE = 0, 1

    def __init__(self, session: Session | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Fallzahl"))
        self._session: Session | None = None
        self.undo = UndoLog()
        self._build()
        self._build_menus()
        self.keys = WindowKeys(self, self.undo_action, self.redo_action)
        self.set_session(session)

    # layout
    def _build(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)

        self.quick = QuickEntry(None, self.undo)
        quick_frame = QFrame()
        quick_frame.setFrameShape(QFrame.Shape.StyledPanel)
        quick_frame.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        qlay = QVBoxLayout(quick_frame)
        qlay.setContentsMargins(2, 2, 2, 2)
        title = QLabel(
            self.tr(
                "<b>Schnellerfassung eines Kontakts</b> – Fallnummer, Tab, Kontaktform, Dauer, "
                "Enter"
            )
        )
        qlay.addWidget(title)
        qlay.addWidget(self.quick)
        layout.addWidget(quick_frame)

        split = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(split, 1)

        # left: filters and the case table
        left = QWidget()
        llay = QVBoxLayout(left)
        llay.setContentsMargins(0, 0, 0, 0)
        row1 = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Fallnummer suchen (Strg+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Fallnummer suchen"))
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Zeitraum"))
        row1.addWidget(self.search, 2)
        row1.addWidget(self.period, 1)
        row2 = QHBoxLayout()
        self.field_filter = QComboBox()
        self.field_filter.setAccessibleName(self.tr("Beratungsfeld"))
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Status"))
        self.status_filter.addItem(self.tr("offen und abgeschlossen"), None)
        self.status_filter.addItem(self.tr("nur offene"), ov.OPEN)
        self.status_filter.addItem(self.tr("nur abgeschlossene"), ov.CLOSED)
        self.status_filter.addItem(self.tr("offen, 6 Monate ohne Kontakt"), ov.STALE)
        self.status_filter.setItemData(
            self.status_filter.count() - 1,
            self.tr(
                "Offene Fälle ohne Kontakt seit sechs Monaten: zum Abschluss vorgeschlagen "
                "(die Kinder- und Jugendhilfestatistik sieht eine Hilfe dann als beendet an)."
            ),
            Qt.ItemDataRole.ToolTipRole,
        )
        self.own_only = QCheckBox(self.tr("nur meine Fälle"))
        self.own_only.setAccessibleName(self.tr("nur meine Fälle"))
        row2.addWidget(self.field_filter, 2)
        row2.addWidget(self.status_filter, 1)
        row2.addWidget(self.own_only)
        llay.addLayout(row1)
        llay.addLayout(row2)

        self.cases = CaseTableModel()
        self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.cases)
        self.table = QTableView()
        self.table.setObjectName("caseTable")
        self.table.setAccessibleName(self.tr("Fälle"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(CaseTableModel.CODE, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; arrows move in it
        self.table.activated.connect(self.open_case)  # Enter (and double-click on some styles)
        # after the click's own events, which would give the focus back to the list
        self.table.doubleClicked.connect(lambda _i: QTimer.singleShot(0, self.open_case))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._fit_columns()
        llay.addWidget(self.table, 1)
        split.addWidget(left)

        # right: the case and its contacts
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Fall und Kontakte"))
        self.editor = CaseEditor(None, self.undo)
        self.tabs.addTab(self.editor, self.tr("&Fall"))
        contacts_page = QWidget()
        clay = QVBoxLayout(contacts_page)
        self.contacts = ContactTableModel(self)
        self.contact_table = QTableView()
        self.contact_table.setAccessibleName(self.tr("Kontakte des Falls"))
        self.contact_table.setModel(self.contacts)
        self.contact_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contact_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.contact_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.contact_table.verticalHeader().hide()
        self.contact_table.setTabKeyNavigation(False)
        self.contact_table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((100, 190, 170, 80)):
            self.contact_table.setColumnWidth(col, width)
        self.contact_table.doubleClicked.connect(self.edit_contact)
        clay.addWidget(self.contact_table, 1)
        buttons = QHBoxLayout()
        self.edit_contact_button = QPushButton(self.tr("Kontakt bearbeiten…"))
        self.edit_contact_button.setAccessibleName(self.tr("Kontakt bearbeiten"))
        self.edit_contact_button.clicked.connect(self.edit_contact)
        self.delete_contact_button = QPushButton(self.tr("Kontakt löschen…"))
        self.delete_contact_button.setAccessibleName(self.tr("Kontakt löschen"))
        self.delete_contact_button.clicked.connect(self.delete_contact)
        buttons.addStretch(1)
        buttons.addWidget(self.edit_contact_button)
        buttons.addWidget(self.delete_contact_button)
        clay.addLayout(buttons)
        self.tabs.addTab(contacts_page, self.tr("&Kontakte"))
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        split.setSizes([470, 830])  # the case editor needs the room more than the list
        self.dashboard = Dashboard(None)
        self.pages = QTabWidget()
        self.pages.setObjectName("pages")
        self.pages.setAccessibleName(self.tr("Übersicht und Erfassung"))
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.dashboard, self.tr("&Übersicht"))
        self.pages.addTab(central, self.tr("&Erfassung"))
        self.pages.setCurrentIndex(self.ENTRY_PAGE)
        self.setCentralWidget(self.pages)
        self.setStyleSheet(FOCUS_STYLE)

        # status bar
        self.user_label = QLabel()
        self.office_label = QLabel()
        self.count_label = QLabel()
        for label in (self.user_label, self.office_label, self.count_label):
            self.statusBar().addPermanentWidget(label)

        # wiring
        self.search.textChanged.connect(lambda text: self.proxy.change(text=text.strip()))
        self.period.currentIndexChanged.connect(self._period_changed)
        self.field_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.change(field=self.field_filter.currentData())
        )
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.change(status=self.status_filter.currentData())
        )
        self.own_only.toggled.connect(self._own_toggled)
        self.table.selectionModel().currentRowChanged.connect(self._case_selected)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.quick.contact_saved.connect(self._contact_saved)
        self.quick.case_created.connect(self._case_created)
        self.editor.saved.connect(self._case_saved)

        chain = [
            self.quick.save_button, self.search, self.period, self.field_filter,
            self.status_filter, self.own_only, self.table, self.tabs,
        ]  # fmt: skip
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def _fit_columns(self) -> None:
        """Widths from the header texts and sample values (measuring all rows is slow)."""
        metrics = self.table.fontMetrics()
        widest_date = short_date(dt.date(2000, 12, 30))  # as the list writes dates
        samples = {
            CaseTableModel.CODE: "2026-0000 ●",
            CaseTableModel.OPENED: widest_date,
            CaseTableModel.LAST: widest_date,
        }
        for col in range(self.cases.columnCount()):
            if col == CaseTableModel.FIELD:
                # the longest field label of the scheme, in the UI language, within reason
                session = getattr(self, "_session", None)
                labels = [c.label() for c in session.scheme.codes("field")] if session else []
                widest = max((metrics.horizontalAdvance(t) for t in labels), default=120)
                self.table.setColumnWidth(col, min(widest + 12, 300))
                continue
            header = str(self.cases.headerData(col, Qt.Orientation.Horizontal))
            text = max(header, samples.get(col, ""), key=metrics.horizontalAdvance)
            self.table.setColumnWidth(col, metrics.horizontalAdvance(text) + 22)

    def _action(self, menu, text: str, slot, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Datei"))
        self.new_action = self._action(
            file_menu, self.tr("&Neuer Fall"), self.new_case, QKeySequence.StandardKey.New
        )
        self.quick_action = self._action(
            file_menu, self.tr("&Schnellerfassung"), self.start_quick_entry, "Ctrl+E"
        )
        # Esc from the case list or the case goes back to quick entry as well
        self.quick_action.setShortcuts([QKeySequence("Ctrl+E"), QKeySequence("Esc")])
        self.open_case_action = self._action(
            file_menu, self.tr("&Fall bearbeiten"), self.open_case, "F2"
        )
        self.activities_action = self._action(
            file_menu, self.tr("&Tätigkeiten ohne Fall…"), self.show_activities, "Ctrl+T"
        )
        file_menu.addSeparator()
        self.overview_action = self._action(
            file_menu, self.tr("&Übersicht zeigen"), self.show_overview, "Ctrl+1"
        )
        self.report_action = self._action(file_menu, self.tr("Be&richt…"), self.show_report)
        self.plan_feedback_action = self._action(
            file_menu, self.tr("Ihre &Daten im Sozialplan…"), self.show_plan_feedback
        )
        file_menu.addSeparator()
        self.lock_action = self._action(
            file_menu, self.tr("S&perren"), self.lock_requested.emit, "Ctrl+L"
        )
        self.quit_action = self._action(
            file_menu,
            self.tr("&Beenden"),
            self.close,
            "Ctrl+Q",  # on every platform
        )

        edit = bar.addMenu(self.tr("&Bearbeiten"))
        self.undo_action = self._action(edit, self.tr("&Rückgängig"), self.undo_last, "Ctrl+Z")
        self.redo_action = self._action(
            edit, self.tr("&Wiederherstellen"), self.redo_last, "Ctrl+Shift+Z"
        )
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.save_action = self._action(
            edit, self.tr("Fall &speichern"), self.save_case, QKeySequence.StandardKey.Save
        )
        self.find_action = self._action(
            edit, self.tr("Fall s&uchen"), self._focus_search, QKeySequence.StandardKey.Find
        )
        edit.addSeparator()
        self.edit_contact_action = self._action(
            edit, self.tr("Kontakt &bearbeiten…"), self.edit_contact
        )
        self.delete_contact_action = self._action(
            edit, self.tr("&Kontakt löschen…"), self.delete_contact
        )
        self.delete_case_action = self._action(edit, self.tr("&Fall löschen…"), self.delete_case)

        self.report_menu = bar.addMenu(self.tr("&Meldung"))
        self.close_period_action = self._action(
            self.report_menu, self.tr("Zeitraum &abschließen…"), self.close_period
        )
        self.reopen_period_action = self._action(
            self.report_menu, self.tr("Zeitraum wieder ö&ffnen…"), self.reopen_period
        )
        self.report_menu.addSeparator()
        self.export_action = self._action(
            self.report_menu, self.tr("Meldung &exportieren…"), self.export_package
        )
        self.sent_action = self._action(
            self.report_menu, self.tr("&Gesendete Meldungen…"), self.show_sent_packages
        )
        self.staffing_action = self._action(
            self.report_menu, self.tr("&Personalkapazität…"), self.record_staffing
        )
        self.report_menu.addSeparator()
        self.office_key_action = self._action(
            self.report_menu, self.tr("&Schlüssel der Beratungsstelle…"), self.show_office_key
        )
        self.lead_actions = (
            self.close_period_action, self.reopen_period_action, self.export_action,
            self.sent_action, self.office_key_action, self.staffing_action,
        )  # fmt: skip

        self.admin_menu = bar.addMenu(self.tr("&Verwaltung"))
        self.admin_action = self._action(
            self.admin_menu, self.tr("&Verwaltung…"), self.admin_requested.emit
        )

        help_menu = bar.addMenu(self.tr("&Hilfe"))
        self.guide_action = self._action(
            help_menu,
            self.tr("&Benutzerhandbuch"),
            self.show_guide,
            QKeySequence.StandardKey.HelpContents,
        )
        self.shortcuts_action = self._action(
            help_menu, self.tr("&Tastenkürzel"), self.show_shortcuts, "Shift+F1"
        )
        self.categories_action = self._action(
            help_menu, self.tr("&Kategorien und Definitionen"), self.show_categories, "Ctrl+F1"
        )
        help_menu.addSeparator()
        self.language_menu = help_menu.addMenu(self.tr("&Sprache / Language"))
        self.language_group = i18n.language_actions(self)
        self.language_menu.addActions(self.language_group.actions())
        self.language_group.triggered.connect(self._language_chosen)

    def language_action(self, code: str) -> QAction:
        return next(a for a in self.language_group.actions() if a.data() == code)

    def _language_chosen(self, action: QAction) -> None:
        code = action.data()
        if code == i18n.current():
            return
        if not self._save_or_discard():  # the window is built again in the new language
            self.language_action(i18n.current()).setChecked(True)
            return
        self.language_requested.emit(code)

    def shortcuts(self) -> list[tuple[str, str]]:
        """(keys, what) for the shortcuts dialog, read from the actions themselves."""
        native = QKeySequence.SequenceFormat.NativeText
        rows = [
            (a.shortcut().toString(native), a.text().replace("&", "").rstrip("…"))
            for a in (
                self.new_action, self.quick_action, self.open_case_action,
                self.overview_action, self.save_action,
                self.undo_action, self.redo_action,
                self.find_action, self.lock_action, self.guide_action,
                self.shortcuts_action, self.categories_action, self.quit_action,
            )
        ]  # fmt: skip
        rows += [
            (self.tr("Tab / Umschalt+Tab"), self.tr("zum nächsten / vorigen Feld")),
            (self.tr("Ziffer"), self.tr("Kontaktform bzw. Dauer in der Schnellerfassung")),
            (self.tr("Enter"), self.tr("Kontakt in der Schnellerfassung speichern")),
            (self.tr("Leertaste"), self.tr("Problemlage oder Beratungsfeld an-/abhaken")),
            (self.tr("Alt+F / Alt+K"), self.tr("Reiter Fall / Kontakte")),
            (self.tr("Alt+Ü / Alt+E"), self.tr("Übersicht / Erfassung")),
        ]
        return rows

    # session
    def set_session(self, session: Session | None) -> None:
        self._session = session
        self.undo.clear()
        self.quick.set_session(session)
        self.editor.set_session(session)
        self.contacts.clear()
        self.cases.set_session(session)
        self._fill_filters()
        lead = bool(session and session.is_lead)
        self.admin_menu.menuAction().setVisible(lead)
        self.admin_action.setEnabled(lead)
        # Reporting to the district is the lead's task: counsellors do not see the menu.
        self.report_menu.menuAction().setVisible(lead)
        for action in self.lead_actions:
            action.setEnabled(lead)
        self.report_action.setEnabled(session is not None)
        self.plan_feedback_action.setEnabled(session is not None)
        self.activities_action.setEnabled(bool(session and session.scheme.items))
        self.dashboard.set_session(session)
        if session is not None:
            self._fit_columns()
            from app.office.info import office_info

            role = self.tr("Leitung") if session.is_lead else self.tr("Berater*in")
            self.user_label.setText(
                self.tr("Benutzer: %1 (%2)").replace("%1", session.user).replace("%2", role)
            )
            try:
                office = office_info(session)
            except FallzahlError:
                office = None
            self.office_label.setText(
                self.tr("Beratungsstelle: %1").replace("%1", office.name if office else "–")
            )
            self.own_only.setChecked(not session.is_lead)
            self._update_count()
            self.quick.start()

    def view_state(self) -> dict:
        """What the user looks at (no record content): for the window built after a
        language switch."""
        return {"page": self.pages.currentIndex(), "case": self.current_case_id()}

    def restore_view(self, state: dict) -> None:
        if state.get("case"):
            self.select_case(state["case"])
        self.pages.setCurrentIndex(state.get("page", self.ENTRY_PAGE))

    def clear(self) -> None:
        """Forget everything shown: models, editors, filters, the undo log, the session."""
        self._session = None
        self.undo.clear()
        self.dashboard.clear()
        self.cases.clear()
        self.contacts.clear()
        self.editor.clear()
        self.quick.clear()
        self.search.setText("")
        for label in (self.user_label, self.office_label, self.count_label):
            label.setText("")
        self.statusBar().clearMessage()
        self.table.clearSelection()

    def _fill_filters(self) -> None:
        self.period.blockSignals(True)
        self.period.clear()
        self.period.addItem(self.tr("alle Zeiträume"), None)
        today = dt.date.today()
        for year in (today.year, today.year - 1):
            self.period.addItem(str(year), ov.year(year))
            last_q = (today.month - 1) // 3 + 1 if year == today.year else 4
            for q in range(last_q, 0, -1):
                self.period.addItem(f"{year}-Q{q}", ov.quarter(year, q))
        self.period.blockSignals(False)
        self.field_filter.blockSignals(True)
        self.field_filter.clear()
        self.field_filter.addItem(self.tr("alle Beratungsfelder"), None)
        if self._session is not None:
            for code in self._session.scheme.codes("field"):
                self.field_filter.addItem(code.label(), code.code)
        self.field_filter.blockSignals(False)
        self.status_filter.setCurrentIndex(0)
        self.proxy.set_criteria(ov.CaseFilter())

    def _period_changed(self, _index: int) -> None:
        span = self.period.currentData()
        start, end = span if span else (None, None)
        self.proxy.change(start=start, end=end)

    def _own_toggled(self, on: bool) -> None:
        self.proxy.change(counsellor=self._session.user if on and self._session else None)

    def _update_count(self, *_args) -> None:
        shown, total = self.proxy.rowCount(), self.cases.rowCount()
        if shown == total:
            text = (
                self.tr("1 Fall") if total == 1 else self.tr("%1 Fälle").replace("%1", str(total))
            )
        else:
            text = self.tr("%1 von %2 Fällen").replace("%1", str(shown)).replace("%2", str(total))
        self.count_label.setText(text if self._session else "")

    # selection
    def current_case_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(ROW_ID_ROLE) if index.isValid() else None

    def select_case(self, case_id: str) -> None:
        row = self.cases.row_of(case_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.cases.index(row, 0))
        if not index.isValid():  # hidden by a filter: show everything again
            self.search.setText("")
            self._fill_filters()
            self.own_only.setChecked(False)
            index = self.proxy.mapFromSource(self.cases.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _case_selected(self, current, _previous) -> None:
        if self._session is None:
            return
        case_id = current.data(ROW_ID_ROLE) if current.isValid() else None
        loaded = self.editor.case
        if loaded is not None and loaded.id != case_id and self.editor.is_dirty():
            question = self.tr("Die Änderungen an Fall %1 speichern?").replace("%1", loaded.code)
            if dialogs.question(self, question):
                self.editor.save()
        try:
            case = self._session.case(case_id) if case_id else None
        except FallzahlError:
            case = None
        self.editor.load(case)
        self._show_contacts(case_id)

    def _show_contacts(self, case_id: str | None) -> None:
        self.contacts.set_case(self._session, case_id)
        n = self.contacts.rowCount()
        self.tabs.setTabText(
            1, self.tr("&Kontakte (%1)").replace("%1", str(n)) if case_id else self.tr("&Kontakte")
        )

    # reactions to saves
    def _refresh_codes(self) -> None:
        self.quick.set_case_codes(sorted(self.cases.codes(), reverse=True))

    def apply_changes(self, *, discard_edits: bool = False) -> Changes:
        """The one place views follow a save, delete, undo or redo: the session's Changes
        since the last call (app/records/changes.py) say which rows and views to refresh.

        The case editor shows a changed case again unless it holds unsaved edits (which an
        undo, ``discard_edits``, replaces)."""
        changes = self._session.take_changes() if self._session is not None else Changes()
        if not changes:
            return changes
        for case_id in changes.cases_deleted:
            self.cases.remove(case_id)
        for case_id in changes.case_rows:
            self.cases.upsert(case_id)
        if changes.case_list_changed or changes.cases_saved:
            self._refresh_codes()
        editing = self.editor.case.id if self.editor.case is not None else None
        if editing in changes.cases_deleted:
            self.editor.load(None)
        elif editing in changes.cases_saved and (discard_edits or not self.editor.is_dirty()):
            self.editor.load(self._session.case(editing))  # e.g. its begin moved with a contact
        elif editing in changes.case_rows:
            self.editor.contacts_changed()  # a contact of it: the light may ask persons now
        created = sorted(changes.cases_created)
        current = self.current_case_id()
        if len(created) == 1 and created[0] != current:
            self.select_case(created[0])
        else:
            self._show_contacts(current)
        self.dashboard.refresh()
        return changes

    def _contact_saved(self, _contact_id: str, _case_id: str) -> None:
        self.apply_changes()
        self.statusBar().showMessage(self.quick.status.text(), 8000)

    def _case_created(self, _case_id: str) -> None:
        self.apply_changes()

    def _case_saved(self, _case_id: str) -> None:
        self.apply_changes()
        self.statusBar().showMessage(self.tr("Fall gespeichert."), 5000)

    # commands
    def new_case(self) -> None:
        self.pages.setCurrentIndex(self.ENTRY_PAGE)
        self.quick.new_case()

    def open_case(self, *_args) -> None:
        """Enter or double-click in the case list: into the case's first field."""
        if self.editor.case is None:
            return
        self.pages.setCurrentIndex(self.ENTRY_PAGE)
        self.tabs.setCurrentIndex(0)
        self.editor.start()

    def start_quick_entry(self) -> None:
        self.pages.setCurrentIndex(self.ENTRY_PAGE)
        self.quick.start()

    def show_overview(self) -> None:
        self.pages.setCurrentIndex(self.OVERVIEW_PAGE)
        self.dashboard.year_box.setFocus()

    # reporting (Meldung), leads; reports for everyone
    def show_report(self) -> None:
        if self._session is None:
            return
        from ui.report_dialog import ReportDialog

        self._exec(ReportDialog(self._session, self))

    def close_period(self) -> None:
        if self._session is None or not self._session.is_lead:
            return
        from ui.close_period_dialog import ClosePeriodDialog

        dialog = ClosePeriodDialog(self._session, self)
        if self._exec(dialog) and dialog.closed_entry is not None:
            self.statusBar().showMessage(
                self.tr("Zeitraum %1 abgeschlossen.").replace("%1", dialog.closed_entry.label),
                8000,
            )

    def reopen_period(self) -> None:
        if self._session is None or not self._session.is_lead:
            return
        from ui.reopen_period_dialog import ReopenPeriodDialog

        dialog = ReopenPeriodDialog(self._session, self)
        if self._exec(dialog) and dialog.reopened is not None:
            self.statusBar().showMessage(
                self.tr("Zeitraum %1 wieder geöffnet.").replace("%1", dialog.reopened.label), 8000
            )

    def export_package(self) -> None:
        if self._session is None or not self._session.is_lead:
            return
        from ui.export_dialog import ExportDialog

        dialog = ExportDialog(self._session, self)
        self._exec(dialog)
        if dialog.result_path is not None:
            self.statusBar().showMessage(
                self.tr("Meldung gespeichert: %1").replace("%1", str(dialog.result_path)), 8000
            )

    def show_sent_packages(self) -> None:
        if self._session is None or not self._session.is_lead:
            return
        from ui.sent_packages_dialog import SentPackagesDialog

        self._exec(SentPackagesDialog(self._session, self))

    def show_plan_feedback(self) -> None:
        self._plan_feedback(None)

    def open_feedback_file(self, path: str | Path) -> None:
        """A feedback file opened from the file manager: read in, then its period shown in
        "Ihre Daten im Sozialplan" (a refusal is shown first, then what is held)."""
        self._plan_feedback(str(path))

    def _plan_feedback(self, path: str | None) -> None:
        if self._session is None:
            return
        from ui.plan_feedback_view import PlanFeedbackView

        view = PlanFeedbackView(self._session, self)
        if path is not None:
            view.import_file(path)
        self._exec(view)

    def record_staffing(self) -> None:
        if self._session is None or not self._session.is_lead:
            return
        from ui.staffing_dialog import StaffingDialog

        self._exec(StaffingDialog(self._session, self))

    def show_office_key(self) -> None:
        if self._session is None or not self._session.is_lead:
            return
        from ui.office_key_dialog import OfficeKeyDialog

        self._exec(OfficeKeyDialog(self._session, self))

    def save_case(self) -> None:
        if self.editor.case is not None:
            self.editor.save()

    def _focus_search(self) -> None:
        self.pages.setCurrentIndex(self.ENTRY_PAGE)
        self.search.setFocus()
        self.search.selectAll()

    def undo_last(self) -> None:
        self._step_back_or_forth(redo=False)

    def redo_last(self) -> None:
        self._step_back_or_forth(redo=True)

    def _step_back_or_forth(self, *, redo: bool) -> None:
        if self._session is None:
            return
        try:
            step = self.undo.redo(self._session) if redo else self.undo.undo(self._session)
        except (NothingToUndo, NothingToRedo) as exc:
            self.statusBar().showMessage(dialogs.text_of(exc), 5000)
            self.stepped.emit(dialogs.text_of(exc), False)
            return
        except FallzahlError as exc:
            dialogs.error(self, exc)
            return
        self.apply_changes(discard_edits=True)
        what = {
            CASES: self.tr("Fall"),
            CONTACTS: self.tr("Kontakt"),
            ACTIVITIES: self.tr("Tätigkeit"),
        }[step.table]
        if step.saved is None:  # the change was a deletion (of an activity)
            done = (
                self.tr("Erneut gelöscht: %1.")
                if redo
                else self.tr("Rückgängig gemacht: Löschen (%1).")
            )
        else:
            done = (
                self.tr("Wiederhergestellt: %1.")
                if redo
                else self.tr("Rückgängig gemacht: letzte Speicherung (%1).")
            )
        message = done.replace("%1", what)
        self.statusBar().showMessage(message, 8000)
        self.quick.status.setText(message)  # not the undone confirmation
        self.quick.forget_typing()
        self.stepped.emit(message, True)

    def delete_case(self) -> None:
        case = self.editor.case
        if self._session is None or case is None:
            return
        n = self.contacts.rowCount()
        question = (
            self.tr(
                "Fall %1 mit %2 Kontakten endgültig löschen? Das lässt sich nicht rückgängig machen."
            )
            .replace("%1", case.code)
            .replace("%2", str(n))
        )
        if not dialogs.question(self, question):
            return
        try:
            done = self._session.delete_case(case.id)
        except FallzahlError as exc:
            dialogs.error(self, exc)
            return
        self.undo.forget(CASES, set(done.cases_deleted))
        self.undo.forget(CONTACTS, set(done.contacts_deleted))
        self.apply_changes()
        self.statusBar().showMessage(self.tr("Fall %1 gelöscht.").replace("%1", case.code), 8000)

    def _selected_contact(self):
        index = self.contact_table.currentIndex()
        if not index.isValid():
            return None
        return self.contacts.contact(index.row())

    def delete_contact(self) -> None:
        contact = self._selected_contact()
        if self._session is None or contact is None:
            dialogs.info(self, self.tr("Wählen Sie zuerst im Reiter „Kontakte“ einen Kontakt."))
            return
        question = self.tr("Den Kontakt vom %1 endgültig löschen?").replace(
            "%1", lang.date_text(contact.date)
        )
        if not dialogs.question(self, question):
            return
        try:
            done = self._session.delete_contact(contact.id)
        except FallzahlError as exc:
            dialogs.error(self, exc)
            return
        self.undo.forget(CONTACTS, set(done.contacts_deleted))
        self.apply_changes()
        self.statusBar().showMessage(self.tr("Kontakt gelöscht."), 8000)

    def edit_contact(self, *_args) -> None:
        contact = self._selected_contact()
        if self._session is None or contact is None:
            dialogs.info(self, self.tr("Wählen Sie zuerst im Reiter „Kontakte“ einen Kontakt."))
            return
        dialog = ContactDialog(contact, self._session.scheme, self)
        if not self._exec(dialog):
            return
        edited = dialog.edited()
        agreed = agree_with_case(self, self._session, edited)
        if not agreed.go:
            return
        try:
            self.undo.save_contact(self._session, edited, agreed.case)
        except FallzahlError as exc:
            dialogs.error(self, exc)
            return
        self.apply_changes(discard_edits=True)
        if agreed.note:
            self.statusBar().showMessage(agreed.note, 12000)

    def _exec(self, dialog) -> bool:
        """Run a dialog modally (tests replace this)."""
        return bool(dialog.exec())

    def show_shortcuts(self) -> None:
        self._exec(ShortcutsDialog(self.shortcuts(), self))

    def show_activities(self) -> None:
        """Groups, prevention events and other work without a case (scheme format 2)."""
        from ui.activities_dialog import ActivitiesDialog

        if self._session is None or not self._session.scheme.items:
            return
        dialog = ActivitiesDialog(
            self._session, self, undo=self.undo, undo_actions=(self.undo_action, self.redo_action)
        )
        self.stepped.connect(dialog.after_step)
        try:
            self._exec(dialog)
        finally:
            self.stepped.disconnect(dialog.after_step)
            dialog.deleteLater()  # with it go its key filter and its hold on the actions

    def show_categories(self) -> None:
        if self._session is not None:
            self._exec(CategoriesDialog(self._session.scheme, self))

    def show_guide(self) -> None:
        self._exec(GuideDialog(None, self))

    def _save_or_discard(self) -> bool:
        """Ask about unsaved changes to the open case; False if saving them failed."""
        if self.editor.is_dirty():
            question = self.tr("Die Änderungen am geöffneten Fall speichern?")
            if dialogs.question(self, question) and self.editor.save() is None:
                return False
        return True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._save_or_discard():
            event.ignore()
            return
        super().closeEvent(event)
