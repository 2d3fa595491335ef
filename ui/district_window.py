"""The district desk window: board, import (button, folder, drag and drop), enrolment,
report export and receipts. Holds no rules: every decision is app/district*.py's."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import lang
from app.atomic import write_bytes
from app.crypto import signing
from app.district import desk as district
from app.district import receipts
from app.district import report as district_report
from app.district.board import STATUS_LABELS, Board
from app.errors import FallzahlError, ImportReplay, ImportUnknownOffice
from app.exchange import package, provisioning
from app.lang import t
from app.vault.settings import AUTO_LOCK_MINUTES
from ui import dialogs, i18n
from ui.district_report_pdf import write_district_pdf

COLOURS = {
    "missing": QColor("#f2f2f2"),
    "late": QColor("#f8c9c4"),
    "received": QColor("#cdebd3"),
    "corrected": QColor("#fbe3a6"),
}

# File name suffix -> report format (app.district_report.render, or the PDF).
REPORT_SUFFIXES = {".xlsx": "xlsx", ".pdf": "pdf", ".csv": "sdmx", ".xml": "adx"}


ENROL_ROLE = Qt.ItemDataRole.UserRole + 1  # (office id, name) a refused package claims


class BoardModel(QAbstractTableModel):
    """Offices (rows) x periods (columns) of an app.district_board.Board."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._board = Board(periods=(), rows=())

    def set_board(self, board: Board) -> None:
        self.beginResetModel()
        self._board = board
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._board.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._board.periods) + 1

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._board.rows[index.row()]
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{row.office_id}  {row.office_name}"
            return None
        cell = row.cells[index.column() - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            label = STATUS_LABELS[cell.status][1 if lang.current() == "en" else 0]
            if cell.received_on:
                label += f" {cell.received_on:%d.%m.%Y}"
            return label
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(COLOURS[cell.status])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#1a1a1a"))
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [t(f"Frist: {cell.deadline:%d.%m.%Y}", f"Deadline: {cell.deadline}")]
            if cell.sequence is not None:
                parts.append(t(f"Paket Nr. {cell.sequence}", f"Package no. {cell.sequence}"))
            if cell.versions > 1:
                parts.append(t(f"{cell.versions} Fassungen", f"{cell.versions} versions"))
            return "\n".join(parts)
        if role == Qt.ItemDataRole.UserRole:
            return cell.status
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return (
                t("Beratungsstelle", "Office") if section == 0 else self._board.periods[section - 1]
            )
        return str(section + 1)


class EnrolDialog(QDialog):
    """Office id, name and public key (pasted or from a file); the key id shown big."""

    def __init__(self, parent=None, *, office_id: str = "", office_name: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(t("Beratungsstelle eintragen", "Enrol an office"))
        self.office_id = QLineEdit(office_id)
        self.office_id.setPlaceholderText("HZ-QLB-01")
        self.office_name = QLineEdit(office_name)
        self.key_text = QPlainTextEdit()
        self.key_text.setTabChangesFocus(True)
        self.key_text.setPlaceholderText(
            t("Öffentlichen Schlüssel einfügen", "Paste the public key")
        )
        self.key_id = QLabel("—")
        font = QFont()
        font.setPointSize(20)
        font.setBold(True)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.key_id.setFont(font)
        self.key_id.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        from_file = QPushButton(t("Aus Datei …", "From file ..."))
        from_file.clicked.connect(self._from_file)
        self.key_text.textChanged.connect(self._show_key_id)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        for label, widget in (
            (t("Kennung", "Office id"), self.office_id),
            (t("Name", "Name"), self.office_name),
        ):
            lay.addWidget(QLabel(label))
            lay.addWidget(widget)
        lay.addWidget(QLabel(t("Öffentlicher Schlüssel", "Public key")))
        lay.addWidget(self.key_text)
        lay.addWidget(from_file)
        lay.addWidget(
            QLabel(t("Schlüssel-ID — telefonisch abgleichen:", "Key id — compare by phone:"))
        )
        lay.addWidget(self.key_id)
        lay.addWidget(buttons)

    def _from_file(self) -> None:
        name = dialogs.open_file(self, t("Schlüsseldatei", "Key file"), "", "*.pub")
        if name:
            self.key_text.setPlainText(Path(name).read_text("ascii", errors="replace"))

    def _show_key_id(self) -> None:
        try:
            self.key_id.setText(signing.key_id(self.key_text.toPlainText().encode()))
        except FallzahlError:
            self.key_id.setText("—")


class ProvisionDialog(QDialog):
    """Office id, name, auto-lock minutes and where to save the signed provisioning file."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bereitstellungsdatei erstellen"))
        self.office_id = QLineEdit(self)
        self.office_id.setPlaceholderText(self.tr("z. B. HZ-QLB-01"))
        self.office_name = QLineEdit(self)
        self.office_name.setPlaceholderText(self.tr("z. B. Beratungsstelle Quedlinburg"))
        self.minutes = QSpinBox(self)
        self.minutes.setRange(AUTO_LOCK_MINUTES.minimum, AUTO_LOCK_MINUTES.maximum)
        self.minutes.setValue(AUTO_LOCK_MINUTES.default)
        self.minutes.setSuffix(self.tr(" Minuten"))
        self.target = QLineEdit(self)
        choose = QPushButton(self.tr("&Wählen …"), self)
        choose.clicked.connect(self.choose_target)
        self.office_id.textChanged.connect(self._suggest)
        where = QHBoxLayout()
        where.addWidget(self.target, 1)
        where.addWidget(choose)
        note = QLabel(
            self.tr(
                "Die Datei wird mit dem Schlüssel des Landkreises signiert und ist 90 Tage "
                "gültig. Geben Sie sie der IT der Stelle (Installation mit /PROVISION=…)."
            ),
            self,
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Kennung:"), self.office_id)
        form.addRow(self.tr("&Name:"), self.office_name)
        form.addRow(self.tr("Automatische &Sperre nach:"), self.minutes)
        form.addRow(self.tr("&Speichern unter:"), where)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _suggest(self, text: str) -> None:
        folder = Path(self.target.text()).parent if self.target.text() else Path.home()
        self.target.setText(str(folder / f"{text.strip()}{provisioning.SUFFIX}"))

    def choose_target(self) -> None:
        name = dialogs.save_file(
            self,
            self.tr("Bereitstellungsdatei speichern"),
            self.target.text(),
            self.tr("Bereitstellungsdateien (*{suffix})").format(suffix=provisioning.SUFFIX),
        )
        if name:
            self.target.setText(name)


class DistrictWindow(QMainWindow):
    lock_requested = Signal()
    admin_requested = Signal()
    language_requested = Signal(str)  # the shell switches and builds the window again

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(t("Landkreis", "District desk"))  # Qt adds " — Fallzahl"
        self.setAcceptDrops(True)
        self.model = BoardModel(self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab goes on to the next control
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.year = QComboBox()
        self.year.addItem(t("alle", "all"), None)
        self.year.currentIndexChanged.connect(self.refresh)
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.itemActivated.connect(self._result_activated)
        buttons = QHBoxLayout()
        for text, slot in (
            (t("Pakete einlesen …", "Import packages ..."), self.import_dialog),
            (t("Ordner einlesen …", "Import folder ..."), self.import_folder_dialog),
            (t("Stelle eintragen …", "Enrol office ..."), self.enrol_dialog),
            (self.tr("Schlüssel der Stellen …"), self.office_keys_dialog),
            (t("Bericht …", "Report ..."), self.report_dialog),
            (self.tr("Planung …"), self.planning_overview),
            (t("Quittungen …", "Receipts ..."), self.receipts_dialog),
            (self.tr("Bereitstellungsdatei erstellen …"), self.provision_dialog),
            (t("Sperren", "Lock"), self.lock_requested.emit),
        ):
            b = QPushButton(text)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(QLabel(t("Jahr:", "Year:")))
        buttons.addWidget(self.year)
        self.language = QComboBox()
        for code in i18n.SUPPORTED:
            self.language.addItem(i18n.NAMES[code], code)
        self.language.setCurrentIndex(self.language.findData(i18n.current()))
        self.language.setAccessibleName(self.tr("Sprache"))
        self.language.currentIndexChanged.connect(self._language_chosen)
        language_label = QLabel(self.tr("&Sprache / Language:"))
        language_label.setBuddy(self.language)
        buttons.addWidget(language_label)
        buttons.addWidget(self.language)
        self.summary = QLabel()
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.addLayout(buttons)
        tl.addWidget(self.summary)
        tl.addWidget(self.table)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.results)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        self.setCentralWidget(split)
        self._build_menus()
        self._fill_years()
        self.refresh()

    def _build_menus(self) -> None:
        """The same menu bar and keys as the office window: Ctrl+L locks, Ctrl+Q quits,
        F1 opens the user guide."""
        bar = self.menuBar()
        file_menu = bar.addMenu(t("&Datei", "&File"))
        for text, slot, keys in (
            (t("&Pakete einlesen …", "&Import packages ..."), self.import_dialog, "Ctrl+O"),
            (t("&Ordner einlesen …", "Import &folder ..."), self.import_folder_dialog, None),
            (t("Stelle &eintragen …", "&Enrol office ..."), self.enrol_dialog, None),
            (t("Be&richt …", "&Report ..."), self.report_dialog, None),
            (t("&Quittungen …", "Re&ceipts ..."), self.receipts_dialog, None),
            (None, None, None),
            (t("&Sperren", "&Lock"), self.lock_requested.emit, "Ctrl+L"),
            (t("&Beenden", "&Quit"), self.close, "Ctrl+Q"),
        ):
            if text is None:
                file_menu.addSeparator()
                continue
            action = file_menu.addAction(text)
            action.triggered.connect(slot)
            if keys:
                action.setShortcut(QKeySequence(keys))
        help_menu = bar.addMenu(t("&Hilfe", "&Help"))
        guide = help_menu.addAction(t("&Benutzerhandbuch", "User &guide"))
        guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        guide.triggered.connect(self.show_guide)
        languages = help_menu.addMenu(t("&Sprache / Language", "&Language / Sprache"))
        self.language_group = i18n.language_actions(self)
        languages.addActions(self.language_group.actions())
        self.language_group.triggered.connect(
            lambda action: (
                action.data() != i18n.current() and self.language_requested.emit(action.data())
            )
        )

    def show_guide(self) -> None:
        from ui.help_dialog import GuideDialog

        GuideDialog(None, self).exec()

    def _language_chosen(self, _index: int) -> None:
        code = self.language.currentData()
        if code and code != i18n.current():
            self.language_requested.emit(code)

    def view_state(self) -> dict:
        """The year shown and the import messages, for the window built after a language
        switch (file names and office ids, no record content)."""
        items = [self.results.item(i).clone() for i in range(self.results.count())]
        return {"year": self.year.currentData(), "results": items}

    def restore_view(self, state: dict) -> None:
        for item in state.get("results", ()):
            self.results.addItem(item)
        index = self.year.findData(state.get("year"))
        if index >= 0:
            self.year.setCurrentIndex(index)

    # board
    def _fill_years(self) -> None:
        years = sorted({p.period_start.year for p in district.intake(self.session).packages})
        for y in years:
            if self.year.findData(y) < 0:
                self.year.addItem(str(y), y)

    def refresh(self) -> None:
        board = district.board(self.session, year=self.year.currentData())
        self.model.set_board(board)
        counts = board.counts()
        self.summary.setText(
            "   ".join(
                f"{STATUS_LABELS[s][1 if lang.current() == 'en' else 0]}: {n}"
                for s, n in counts.items()
            )
        )

    # import
    def import_paths(self, paths: list[str]) -> list[district.Outcome]:
        try:
            outcomes = district.import_paths(self.session, paths)
        except FallzahlError as exc:
            self._item(exc.message(), ok=False)
            return []
        for o in outcomes:
            name = Path(o.file_name).name
            if o.package is not None:
                p = o.package
                kind = t("Korrektur", "correction") if p.supersedes else t("neu", "new")
                self._item(
                    t(
                        f"✔ {name}: angenommen ({p.office_id}, {p.period}, Nr. {p.sequence}, {kind})",
                        f"✔ {name}: accepted ({p.office_id}, {p.period}, no. {p.sequence}, {kind})",
                    ),
                    ok=True,
                )
            else:
                text = o.error.message()
                shown = text if text.startswith(name) else f"{name}: {text}"  # named once
                if isinstance(o.error, ImportReplay):  # already here: nothing to do, no error
                    self._item(f"ℹ {shown}", ok=True, neutral=True)
                elif isinstance(o.error, ImportUnknownOffice) and o.error.office_id:
                    hint = t(
                        "Doppelklick oder Enter: Stelle eintragen", "Double-click or Enter: enrol"
                    )
                    item = self._item(f"✘ {shown} ({hint})", ok=False)
                    item.setData(ENROL_ROLE, (o.error.office_id, o.error.office_name))
                else:
                    self._item(f"✘ {shown}", ok=False)
        self._fill_years()
        self.refresh()
        return outcomes

    def _item(self, text: str, ok: bool, *, neutral: bool = False) -> QListWidgetItem:
        item = QListWidgetItem(text)
        color = "#37474f" if neutral else "#1b5e20" if ok else "#b71c1c"
        item.setForeground(QBrush(QColor(color)))
        self.results.insertItem(0, item)
        return item

    def _result_activated(self, item: QListWidgetItem) -> None:
        claimed = item.data(ENROL_ROLE)
        if claimed:
            self.enrol_office(*claimed)

    def _exec(self, dialog: QDialog) -> int:
        """Run a dialog modally (tests replace this)."""
        return dialog.exec()

    def import_dialog(self) -> None:
        names = dialogs.open_files(
            self,
            t("Pakete einlesen", "Import packages"),
            "",
            # the package's own extension first; the names of earlier versions still open
            "Fallzahl ({})".format(" ".join(f"*{s}" for s in package.SUFFIXES)),
        )
        if names:
            self.import_paths(names)

    def import_folder_dialog(self) -> None:
        folder = dialogs.choose_folder(self, t("Ordner einlesen", "Import folder"))
        if folder:
            self.import_paths([folder])

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.import_paths(paths)

    # enrolment
    def enrol_dialog(self) -> None:
        self.enrol_office("", "")

    def enrol_office(self, office_id: str, office_name: str) -> None:
        """Enrol an office; from a refused package's line, with its id and name filled in."""
        dlg = EnrolDialog(self, office_id=office_id, office_name=office_name)
        if self._exec(dlg) != QDialog.DialogCode.Accepted:
            return
        try:
            kid = district.enrol(
                self.session,
                dlg.office_id.text().strip(),
                dlg.office_name.text().strip(),
                dlg.key_text.toPlainText().encode(),
            )
        except FallzahlError as exc:
            self._item(exc.message(), ok=False)
            return
        self._item(t(f"Eingetragen, Schlüssel-ID {kid}", f"Enrolled, key id {kid}"), ok=True)
        self.refresh()

    def planning_overview(self) -> None:
        """The planning overview (ui/district_overview.py) in a window of its own."""
        from ui.district_overview import DistrictOverview

        self.overview = DistrictOverview(self.session)
        self.overview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.overview.resize(1280, 860)
        self.overview.show()

    def office_keys_dialog(self) -> None:
        from ui.office_keys_dialog import OfficeKeysDialog

        self.keys_dialog = OfficeKeysDialog(self.session, self)
        self.keys_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.keys_dialog.open()

    # report and receipts
    def export_report(self, period: str, fmt: str, target: str) -> Path:
        """Write the district report for ``period`` as xlsx, sdmx, adx or pdf (atomically)."""
        rep = district_report.report(self.session, period)
        if fmt == "pdf":  # with the planning pages (indicators, map, charts)
            from ui.district_plan_pdf import planning_pages_for

            return write_district_pdf(target, rep, self.session.scheme, lang.current(),
                                      planning=planning_pages_for(self.session, period))  # fmt: skip
        if fmt == "xlsx":  # with the planning sheets
            from app.district.plan_workbook import planning_sheets_for

            extra = planning_sheets_for(self.session, period, lang.current())
            write_bytes(target, district_report.to_xlsx(rep, self.session.scheme, extra=extra))
            return Path(target)
        write_bytes(target, district_report.render(rep, self.session.scheme, fmt))
        return Path(target)

    def report_dialog(self) -> None:
        period = self.model.headerData(self.model.columnCount() - 1, Qt.Orientation.Horizontal)
        name = dialogs.save_file(
            self,
            t("Bericht speichern", "Save report"),
            f"bericht_{period}.xlsx",
            "XLSX (*.xlsx);;PDF (*.pdf);;SDMX-CSV (*.csv);;ADX (*.xml)",
        )
        if not name:
            return
        fmt = REPORT_SUFFIXES.get(Path(name).suffix.lower(), "xlsx")
        try:
            self.export_report(str(period), fmt, name)
        except FallzahlError as exc:
            dialogs.error(self, exc)
            return
        self._item(t(f"Bericht gespeichert: {name}", f"Report saved: {name}"), ok=True)

    def receipts_dialog(self) -> None:
        folder = dialogs.choose_folder(self, t("Quittungen speichern", "Save receipts"))
        if not folder:
            return
        try:
            paths = receipts.write_all_receipts(self.session, folder)
        except FallzahlError as exc:
            self._item(exc.message(), ok=False)
            return
        self._item(
            t(
                f"{len(paths)} Quittungen geschrieben nach {folder}",
                f"{len(paths)} receipts written to {folder}",
            ),
            ok=True,
        )

    # provisioning files for new offices
    def make_provisioning(
        self, office_id: str, office_name: str, minutes: int, target: str | Path
    ) -> Path:
        """Sign a provisioning file with the district's own key and write it atomically."""
        data = district.provisioning_file(
            self.session, office_id=office_id, office_name=office_name, auto_lock_minutes=minutes
        )
        write_bytes(target, data)
        return Path(target)

    def provision_dialog(self) -> None:
        dlg = ProvisionDialog(self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return
        target = dlg.target.text().strip()
        if not target:
            self._item(self.tr("Kein Speicherort gewählt."), ok=False)
            return
        try:
            path = self.make_provisioning(
                dlg.office_id.text().strip(), dlg.office_name.text(), dlg.minutes.value(), target
            )
        except FallzahlError as exc:
            self._item(exc.message(), ok=False)
            return
        self._item(self.tr("Bereitstellungsdatei gespeichert: {path}").format(path=path), ok=True)

    def clear(self) -> None:
        """Forget what is shown (on lock)."""
        self.model.set_board(Board(periods=(), rows=()))
        self.results.clear()
        self.summary.clear()
