"""Item models over the session's cases and contacts, for the main window's views.

The rows come from app.records.overview (one pass over the open records' contacts); these
models only format them. Cases of closed periods are frozen (app/vault/archive.py): their
rows come from sealed summary pages that the case model fetches one page at a time as the
view scrolls to the end (Qt's canFetchMore/fetchMore), newest first, so the whole history
scrolls without decoding it. A filter, or sorting by anything but the case code, first
fetches every page (summaries only, no record) so that it sees the whole history.
Sorting is done on the Python list by the case model (fast for 200,000 rows); the proxy
filters in one pass with app.records.overview.matching and forwards sort requests to it.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractProxyModel,
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from app import lang
from app.records import completeness
from app.records import overview as ov

if TYPE_CHECKING:
    from app.records.model import Contact
    from app.vault.session import Session

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the record's id
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a plain value to sort by

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
LEVEL_COLOURS = {
    completeness.COMPLETE: QColor("#2e7d32"),
    completeness.PARTIAL: QColor("#f9a825"),
    completeness.INCOMPLETE: QColor("#c62828"),
}


def short_date(value: dt.date | None) -> str:
    return "" if value is None else lang.date_text(value)


def long_date_format() -> str:
    """The locale's short date format with a four-digit year, for date fields."""
    fmt = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    return fmt if "yyyy" in fmt else fmt.replace("yy", "yyyy")


class CaseTableModel(QAbstractTableModel):
    CODE, FIELD, OPENED, LAST, CONTACTS, DOMAINS, STATUS = range(7)

    def __init__(self, session: Session | None = None, parent=None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._rows: list[ov.CaseRow] = []
        self._row_of: dict[str, int] = {}
        self._field_labels: dict[str, str] = {}
        self._sort: tuple[int, Qt.SortOrder] = (self.CODE, Qt.SortOrder.AscendingOrder)
        self._pages: list = []  # summary pages of frozen cases not fetched yet
        if session is not None:
            self.set_session(session)

    # data in
    def set_session(self, session: Session | None) -> None:
        self.beginResetModel()
        self._session = session
        if session is None:
            self._rows, self._field_labels, self._pages = [], {}, []
        else:
            scheme = session.scheme
            self._field_labels = {c.code: c.label() for c in scheme.codes("field")}
            self._rows = ov.overview(session.cases(), session.contacts(), scheme)
            self._sort_rows()
            self._pages = sorted(session.history_pages(), key=lambda p: p.last, reverse=True)
        self._reindex()
        self.endResetModel()

    def clear(self) -> None:
        self.set_session(None)

    def refresh(self) -> None:
        self.set_session(self._session)

    def _reindex(self) -> None:
        self._row_of = dict(zip(map(_CASE_ID, self._rows), range(len(self._rows)), strict=True))

    def row_of(self, case_id: str) -> int:
        return self._row_of.get(case_id, -1)

    def case_row(self, row: int) -> ov.CaseRow:
        return self._rows[row]

    def codes(self) -> list[str]:
        return [r.code for r in self._rows]

    def rows(self) -> list[ov.CaseRow]:
        """The rows in the model's order (read only: the proxy filters over them)."""
        return self._rows

    # frozen history, page by page
    def canFetchMore(self, parent: Index = _ROOT) -> bool:  # noqa: N802
        return not parent.isValid() and bool(self._pages)

    def fetchMore(self, parent: Index = _ROOT) -> None:  # noqa: N802
        if parent.isValid() or not self._pages or self._session is None:
            return
        ref = self._pages.pop(0)
        new = [r for r in self._session.history_page(ref.id) if r.case_id not in self._row_of]
        new.sort(key=lambda r: r.code, reverse=True)
        if not new:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self._rows.extend(new)
        for i, r in enumerate(new, first):
            self._row_of[r.case_id] = i
        self.endInsertRows()

    def fetch_all(self) -> None:
        """Every page of the frozen history (summaries only: no record is decoded)."""
        if not self._pages or self._session is None:
            return
        self.beginResetModel()
        rows = self._session.history_rows(ref.id for ref in self._pages)
        self._rows += [r for r in rows if r.case_id not in self._row_of]
        self._pages = []
        self._sort_rows()
        self._reindex()
        self.endResetModel()

    def pending_rows(self) -> int:
        """Frozen cases not fetched yet."""
        return sum(p.rows for p in self._pages)

    def upsert(self, case_id: str) -> None:
        """The case was saved or one of its contacts changed: update or add its row."""
        session = self._session
        if session is None:
            return
        case = session.case(case_id)
        own = session.contacts_of_case(case_id)  # newest first, frozen ones too
        new = ov.case_row(case, session.scheme, (len(own), own[0].date) if own else None)
        row = self.row_of(case_id)
        if row >= 0:
            self._rows[row] = new
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        else:
            row = len(self._rows)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.append(new)
            self._row_of[case_id] = row
            self.endInsertRows()

    def remove(self, case_id: str) -> None:
        row = self.row_of(case_id)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._reindex()
        self.endRemoveRows()

    # shape
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 7

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < 7:
            return None
        return (
            self.tr("Fallnummer"),
            self.tr("Beratungsfeld"),
            self.tr("Beginn"),
            self.tr("letzter Kontakt"),
            self.tr("Kontakte"),
            self.tr("Lebensbereiche"),
            self.tr("Status"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.CODE:
                return r.code
            if col == self.FIELD:
                return self._field_labels.get(r.field, r.field)
            if col == self.OPENED:
                return short_date(r.opened)
            if col == self.LAST:
                return short_date(r.last_contact)
            if col == self.CONTACTS:
                return r.contacts
            if col == self.DOMAINS:
                return f"{r.domains} ★" if r.is_multi else r.domains
            if col == self.STATUS:
                return self.tr("offen") if r.closed is None else self.tr("abgeschlossen")
        elif role == SORT_ROLE:
            return _sort_key(r, col)
        elif role == ROW_ID_ROLE:
            return r.case_id
        elif role == Qt.ItemDataRole.DecorationRole and col == self.CODE:
            return LEVEL_COLOURS[r.level]
        elif role == Qt.ItemDataRole.ToolTipRole:
            if col == self.CODE:
                return self._level_text(r.level)
            if col == self.FIELD:
                return self._field_labels.get(r.field, r.field)
            if col == self.DOMAINS and r.is_multi:
                return self.tr("Multiproblemfall")
        elif role == Qt.ItemDataRole.TextAlignmentRole and col in (self.CONTACTS, self.DOMAINS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _level_text(self, level: str) -> str:
        if level == completeness.COMPLETE:
            return self.tr("vollständig erfasst")
        if level == completeness.PARTIAL:
            return self.tr("fast vollständig erfasst")
        return self.tr("unvollständig erfasst")

    # sorting on the Python list: fast even for 20,000 rows
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < 7:
            return
        if self._pages and (column, order) != (self.CODE, Qt.SortOrder.DescendingOrder):
            self.fetch_all()  # only the newest-first code order can go on page by page
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        held = [(self._rows[p.row()].case_id, p.column()) for p in persistent]
        self._sort = (column, order)
        self._sort_rows()
        self._reindex()
        self.changePersistentIndexList(
            persistent, [self.index(self._row_of[case_id], col) for case_id, col in held]
        )
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        column, order = self._sort
        key = _BY_CODE if column == self.CODE else (lambda r: _sort_key(r, column))
        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)


_BY_CODE, _CASE_ID = attrgetter("code"), attrgetter("case_id")


def _gaps(at: list[int], n: int) -> list[tuple[int, int]]:
    """The runs [a, b) of 0..n-1 not in the ascending positions ``at``."""
    out, prev = [], -1
    for i in (*at, n):
        if i > prev + 1:
            out.append((prev + 1, i))
        prev = i
    return out


def _sort_key(r: ov.CaseRow, column: int) -> Any:
    if column == CaseTableModel.CODE:
        return r.code
    if column == CaseTableModel.FIELD:
        return (r.field, r.code)
    if column == CaseTableModel.OPENED:
        return (r.opened, r.code)
    if column == CaseTableModel.LAST:
        return (r.last_contact or dt.date.min, r.code)
    if column == CaseTableModel.CONTACTS:
        return (r.contacts, r.code)
    if column == CaseTableModel.DOMAINS:
        return (r.domains, r.code)
    return (r.closed is not None, r.code)


class CaseFilterProxy(QAbstractProxyModel):
    """The case list as the filters narrow it: code text, period, field, status, own cases.

    The rows kept are worked out in Python in one pass per change (app.records.overview
    .matching) and held as the ascending list of source rows shown. QSortFilterProxyModel
    would instead call Python once per source row (1 to 2 µs each), which over ten years of
    history (200,000 rows) made every keystroke of a search take half a second. Sorting is
    the case model's (``sort`` forwards it); the proxy keeps the source's order.
    """

    # above this many separate runs of rows coming or going, one layout change instead
    MAX_RUNS = 64

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._filter = ov.CaseFilter()
        self._everything = True
        self._shown: list[int] = []  # source rows shown, ascending
        self._held: list[tuple[QPersistentModelIndex, QPersistentModelIndex]] = []
        self._removing = (0, 0)
        self._wired: list[tuple[Any, Any]] = []

    @property
    def criteria(self) -> ov.CaseFilter:
        return self._filter

    def set_criteria(self, criteria: ov.CaseFilter) -> None:
        self._filter = criteria
        self._everything = criteria == ov.CaseFilter()
        model = self.sourceModel()
        if not self._everything and isinstance(model, CaseTableModel) and model.canFetchMore():
            model.fetch_all()  # a filter or search looks at the whole history (a reset)
            return
        self._refilter()

    def change(self, **changes: Any) -> None:
        values = {f: getattr(self._filter, f) for f in self._filter.__struct_fields__}
        values.update(changes)
        self.set_criteria(ov.CaseFilter(**values))

    # the source
    def setSourceModel(self, model) -> None:  # noqa: N802
        for signal, slot in self._wired:
            signal.disconnect(slot)
        self.beginResetModel()
        super().setSourceModel(model)
        self._wired = []
        if model is not None:
            self._wired = [
                (model.modelAboutToBeReset, self.beginResetModel),
                (model.modelReset, self._source_reset),
                (model.layoutAboutToBeChanged, self._source_layout_about),
                (model.layoutChanged, self._source_layout_changed),
                (model.rowsInserted, self._source_rows_inserted),
                (model.rowsAboutToBeRemoved, self._source_rows_about_removed),
                (model.rowsRemoved, self._source_rows_removed),
                (model.dataChanged, self._source_data_changed),
                (model.headerDataChanged, self.headerDataChanged),
            ]
            for signal, slot in self._wired:
                signal.connect(slot)
        self._shown = self._matching()
        self.endResetModel()

    def _matching(self) -> list[int]:
        model = self.sourceModel()
        if model is None:
            return []
        if self._everything:
            return list(range(model.rowCount()))
        return ov.matching(model.rows(), self._filter)

    def _keeps(self, source_row: int) -> bool:
        return self._everything or ov.matches(self.sourceModel().case_row(source_row), self._filter)

    def _row_for(self, source_row: int) -> int:
        i = bisect_left(self._shown, source_row)
        return i if i < len(self._shown) and self._shown[i] == source_row else -1

    def _refilter(self) -> None:
        """The criteria changed: rows go and come in runs (as QSortFilterProxyModel does,
        so the selection follows), or in one layout change when they are many."""
        new, old = self._matching(), self._shown
        if new == old:
            return
        # where the rows both keep stand in the old and in the new list (one set, of the
        # shorter list: a search over 200,000 rows keeps a few)
        if len(new) <= len(old):
            keep = set(new)
            at_old = [i for i, r in enumerate(old) if r in keep]
            at_new = [bisect_left(new, old[i]) for i in at_old]
        else:
            have = set(old)
            at_new = [i for i, r in enumerate(new) if r in have]
            at_old = [bisect_left(old, new[i]) for i in at_new]
        gone, come = _gaps(at_old, len(old)), _gaps(at_new, len(new))
        if len(gone) + len(come) > self.MAX_RUNS:
            self._relayout(new)
            return
        for a, b in reversed(gone):
            self.beginRemoveRows(QModelIndex(), a, b - 1)
            del self._shown[a:b]
            self.endRemoveRows()
        for a, b in come:  # ascending: the rows before ``a`` are in place by now
            self.beginInsertRows(QModelIndex(), a, b - 1)
            self._shown[a:a] = new[a:b]
            self.endInsertRows()

    def _relayout(self, new: list[int]) -> None:
        self._source_layout_about()
        self._shown = new
        self._finish_layout()

    def _source_reset(self) -> None:
        self._shown = self._matching()
        self.endResetModel()

    def _source_layout_about(self, *_args) -> None:
        self.layoutAboutToBeChanged.emit()
        self._held = [
            (QPersistentModelIndex(p), QPersistentModelIndex(self.mapToSource(p)))
            for p in self.persistentIndexList()
        ]

    def _source_layout_changed(self, *_args) -> None:
        self._shown = self._matching()
        self._finish_layout()

    def _finish_layout(self) -> None:
        held, self._held = self._held, []
        self.changePersistentIndexList(
            [QModelIndex(p) for p, _ in held], [self.mapFromSource(s) for _, s in held]
        )
        self.layoutChanged.emit()

    def _source_rows_inserted(self, parent: Index, first: int, last: int) -> None:
        if parent.isValid():
            return
        n = last - first + 1
        at = bisect_left(self._shown, first)
        self._shown[at:] = [r + n for r in self._shown[at:]]
        new = [r for r in range(first, last + 1) if self._keeps(r)]
        if new:
            self.beginInsertRows(QModelIndex(), at, at + len(new) - 1)
            self._shown[at:at] = new
            self.endInsertRows()

    def _source_rows_about_removed(self, parent: Index, first: int, last: int) -> None:
        if parent.isValid():
            return
        lo, hi = bisect_left(self._shown, first), bisect_right(self._shown, last)
        self._removing = (lo, hi)
        if hi > lo:
            self.beginRemoveRows(QModelIndex(), lo, hi - 1)

    def _source_rows_removed(self, parent: Index, first: int, last: int) -> None:
        if parent.isValid():
            return
        (lo, hi), n = self._removing, last - first + 1
        self._shown[lo:] = [r - n for r in self._shown[hi:]]
        if hi > lo:
            self.endRemoveRows()

    def _source_data_changed(self, top: Index, bottom: Index, roles=()) -> None:
        """A saved case may now match or no longer: its row comes or goes."""
        for source_row in range(top.row(), bottom.row() + 1):
            row, keep = self._row_for(source_row), self._keeps(source_row)
            if row >= 0 and keep:
                self.dataChanged.emit(
                    self.index(row, top.column()), self.index(row, bottom.column()), roles
                )
            elif row >= 0:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._shown[row]
                self.endRemoveRows()
            elif keep:
                at = bisect_left(self._shown, source_row)
                self.beginInsertRows(QModelIndex(), at, at)
                self._shown.insert(at, source_row)
                self.endInsertRows()

    # shape and mapping
    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        model = self.sourceModel()
        return 0 if parent.isValid() or model is None else model.columnCount()

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if parent.isValid() or not 0 <= row < len(self._shown):
            return QModelIndex()
        if not 0 <= column < self.columnCount():
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index: Index | None = None):  # type: ignore[override]
        if index is None:
            return QObject.parent(self)
        return QModelIndex()

    def sibling(self, row: int, column: int, index: Index) -> QModelIndex:
        return self.index(row, column)

    def hasChildren(self, parent: Index = _ROOT) -> bool:  # noqa: N802
        return not parent.isValid() and bool(self._shown)

    def mapToSource(self, index: Index) -> QModelIndex:  # noqa: N802
        model = self.sourceModel()
        if model is None or not index.isValid() or index.row() >= len(self._shown):
            return QModelIndex()
        return model.index(self._shown[index.row()], index.column())

    def mapFromSource(self, index: Index) -> QModelIndex:  # noqa: N802
        if not index.isValid():
            return QModelIndex()
        row = self._row_for(index.row())
        return QModelIndex() if row < 0 else self.createIndex(row, index.column())

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        model = self.sourceModel()
        if model is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(self._shown):
                return None
            section = self._shown[section]
        return model.headerData(section, orientation, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The source sorts its list; the proxy keeps the source's order (fast)."""
        model = self.sourceModel()
        if model is not None and column >= 0:
            model.sort(column, order)


class ContactTableModel(QAbstractTableModel):
    """The contacts of one case, newest first."""

    DATE, FORM, DURATION, PERSONS, COUNSELLOR = range(5)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._case_id: str | None = None
        self._rows: list[Contact] = []

    @property
    def case_id(self) -> str | None:
        return self._case_id

    def set_case(self, session: Session | None, case_id: str | None) -> None:
        self.beginResetModel()
        self._session, self._case_id = session, case_id
        if session is None or case_id is None:
            self._rows = []
        else:
            self._rows = session.contacts_of_case(case_id)
        self.endResetModel()

    def refresh(self) -> None:
        self.set_case(self._session, self._case_id)

    def clear(self) -> None:
        self.set_case(None, None)

    def contact(self, row: int) -> Contact:
        return self._rows[row]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < 5:
            return None
        return (
            self.tr("Datum"),
            self.tr("Kontaktform"),
            self.tr("Dauer"),
            self.tr("Personen"),
            self.tr("Berater*in"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or self._session is None:
            return None
        c = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            scheme = self._session.scheme
            if col == self.DATE:
                return short_date(c.date)
            if col == self.FORM:
                return f"{c.form} – {scheme.label('contact_form', c.form)}"
            if col == self.DURATION:
                if c.duration is None:
                    return self.tr("– nicht erfasst –")
                band = scheme.label("duration_band", c.duration)
                if c.minutes is not None and scheme.bands_from_minutes:
                    return self.tr("%1 Min. (%2)").replace("%1", str(c.minutes)).replace("%2", band)
                return f"{c.duration} – {band}"
            if col == self.PERSONS:
                return c.persons
            if col == self.COUNSELLOR:
                return c.counsellor
        elif role == ROW_ID_ROLE:
            return c.id
        return None
