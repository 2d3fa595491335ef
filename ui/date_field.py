"""A date field for people: type the date as you would say it, see what was understood.

The text is read by app.records.dates (15.12.2026, 15.12.26, 15.12., 1512, 151226, h, g,
-3, ...); beside the field a line shows the day understood ("Di 15.12.2026") or, for a
future or impossible date, why it is refused. Leaving the field writes an understood date
out in full. F4 or Alt+Down opens a calendar; Up/Down move one day. One Tab stop.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from app import lang
from app.errors import FallzahlError
from app.records import dates

ERROR_STYLE = "color: #b00020;"
HINT_STYLE = "color: palette(placeholder-text);"


def _today() -> dt.date:
    """Today (tests fix it)."""
    return dt.date.today()


def _text(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


class DateEdit(QLineEdit):
    """The line edit inside DateField: Up/Down step a day, F4/Alt+Down open the calendar."""

    step = Signal(int)
    popup = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_F4 or (
            key == Qt.Key.Key_Down and mods & Qt.KeyboardModifier.AltModifier
        ):
            self.popup.emit()
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not mods:
            self.step.emit(1 if key == Qt.Key.Key_Up else -1)
            return
        super().keyPressEvent(event)


class DateField(QWidget):
    """``date()`` is the understood date or None; ``problem()`` says why there is none.

    ``feedback``: where the line saying what was understood goes: "beside" or "below" the
    field, or "outside" (the caller places ``self.feedback`` in its own layout)."""

    date_changed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        feedback: str = "beside",
        earliest: dt.date = dates.EARLIEST,
    ) -> None:
        super().__init__(parent)
        self._earliest = earliest
        self._reading = dates.Reading(None, None, True)
        self.edit = DateEdit()
        self.edit.setPlaceholderText(self.tr("TT.MM.JJJJ, h, g, -3"))
        self.edit.setToolTip(
            self.tr("Datum eingeben, z. B. %1. F4 öffnet den Kalender, ↑/↓ einen Tag.").replace(
                "%1", dates.forms(lang.current())
            )
        )
        width = self.edit.fontMetrics().horizontalAdvance("00.00.00000") + 16
        self.edit.setMinimumWidth(width)
        self.edit.setMaximumWidth(width + 40)
        self.button = QToolButton()
        self.button.setText("▾")
        self.button.setToolTip(self.tr("Kalender (F4)"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.show_calendar)
        self.feedback = QLabel()
        self.feedback.setObjectName("dateFeedback")
        self.feedback.setWordWrap(True)
        self.feedback.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.edit)
        row.addWidget(self.button)
        below = feedback == "below"
        outer: QBoxLayout = QVBoxLayout(self) if below else QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(1 if below else 8)
        outer.addLayout(row)
        if feedback != "outside":
            outer.addWidget(self.feedback, 1)
        if below or feedback == "outside":
            row.addStretch(1)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._typed)
        self.edit.editingFinished.connect(self._tidy)
        self.edit.step.connect(self._step)
        self.edit.popup.connect(self.show_calendar)
        self._calendar_menu: QMenu | None = None
        self.setDate(_today())

    # the value
    def date(self) -> dt.date | None:
        return self._reading.date

    def problem(self) -> FallzahlError | None:
        """Why there is no date (also for text that is merely incomplete)."""
        return self._reading.problem

    def setDate(self, day: dt.date) -> None:  # noqa: N802  (Qt's name, as QDateEdit)
        self.edit.setText(_text(day))

    def text(self) -> str:
        return self.edit.text()

    def setAccessibleName(self, name: str) -> None:  # noqa: N802
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    # reading while typing
    def _typed(self, text: str) -> None:
        old = self._reading.date
        self._reading = dates.read(text, _today(), self._earliest)
        self._show()
        if self._reading.date != old:
            self.date_changed.emit()

    def show_problem(self) -> None:
        """Show why there is no date, also for text that is merely incomplete."""
        if self._reading.date is None:
            self._reading = dates.Reading(None, self._reading.problem, incomplete=False)
            self._show()

    def _show(self) -> None:
        reading = self._reading
        if reading.date is not None:
            self.feedback.setStyleSheet(HINT_STYLE)
            self.feedback.setText(self._spoken(reading.date))
            self.feedback.setAccessibleName(self.feedback.text())
            self.edit.setStyleSheet("")
            return
        if reading.incomplete:
            self.feedback.setStyleSheet(HINT_STYLE)
            self.feedback.setText(self.tr("z. B. 15.12., 1512, h, g, -3"))
        else:
            self.feedback.setStyleSheet(ERROR_STYLE)
            self.feedback.setText(reading.problem.message() if reading.problem else "")
            self.edit.setStyleSheet("QLineEdit { border: 2px solid #b00020; }")
        self.feedback.setAccessibleName(self.feedback.text())

    def _spoken(self, day: dt.date) -> str:
        today = _today()
        shown = QLocale().toString(QDate(day.year, day.month, day.day), "ddd") + " " + _text(day)
        if day == today:
            return self.tr("heute, %1").replace("%1", shown)
        if day == today - dt.timedelta(days=1):
            return self.tr("gestern, %1").replace("%1", shown)
        return shown

    def _tidy(self) -> None:
        day = self._reading.date
        if day is not None and self.edit.text() != _text(day):
            self.edit.setText(_text(day))

    def _step(self, days: int) -> None:
        base = self._reading.date or _today()
        self.setDate(base + dt.timedelta(days=days))
        self.edit.selectAll()

    # the calendar
    def show_calendar(self) -> None:
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        today = _today()
        calendar.setMaximumDate(QDate(today.year, today.month, today.day))
        earliest = self._earliest
        calendar.setMinimumDate(QDate(earliest.year, earliest.month, earliest.day))
        day = self._reading.date or _today()
        calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        calendar.setGridVisible(True)
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def chosen(value: QDate) -> None:
            self.setDate(dt.date(value.year(), value.month(), value.day()))
            menu.close()
            self.edit.setFocus(Qt.FocusReason.PopupFocusReason)
            self.edit.selectAll()

        calendar.activated.connect(chosen)
        calendar.clicked.connect(chosen)
        self._calendar_menu = menu
        menu.aboutToHide.connect(lambda: setattr(self, "_calendar_menu", None))
        menu.popup(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))
        calendar.setFocus(Qt.FocusReason.PopupFocusReason)
