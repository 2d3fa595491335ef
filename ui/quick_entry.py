"""Quick entry of a contact: the most frequent task, at the top of the main window.

A repeat contact for an existing case takes the case code and then four keys: Tab, the
contact-form digit (focus moves on by itself), the duration digit, Enter. The date
defaults to today and the number of persons to 1. After saving, focus returns to the
case code with the text selected, so the next entry starts by typing over it.
"neu" as the case code (or Ctrl+N) opens a new case with the next free case code; "ohne
Fall" records a short anonymous contact, which needs the counselling field.
Under a format 2 scheme a second line takes the contact items (with whom, place) and
"nicht erschienen" (a no-show). Where the scheme's duration bands declare minutes, the
duration field takes the minutes instead of a band digit and shows the band that follows
from them (app/scheme/model.py band_for_minutes): a repeat contact is then the case code,
Tab, the form digit, two digits of minutes and Enter, five keys.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QRegularExpression, QStringListModel, Qt, Signal
from PySide6.QtGui import QIntValidator, QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from app.errors import FallzahlError
from app.records.model import MINUTES_MAX, PERSONS_MAX, PERSONS_MIN, Case, Contact
from app.records.overview import expand_code
from app.vault.session import new_id
from ui import dialogs
from ui.contact_editor import agree_with_case
from ui.date_field import DateField
from ui.item_form import ItemForm

if TYPE_CHECKING:
    from app.scheme.model import Scheme
    from app.vault.session import Session
    from app.vault.undo import UndoLog

NEW_WORDS = ("neu", "new")


class CodeField(QLineEdit):
    """A one-key code field: typing a complete code moves focus to the next field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.codes: list[str] = []
        self.textEdited.connect(self._edited)

    def set_codes(self, codes: list[str]) -> None:
        self.codes = codes
        self.setMaxLength(max((len(c) for c in codes), default=1))
        # any prefix of a code is acceptable while typing longer codes
        prefixes = sorted(
            {c[:i] for c in codes for i in range(1, len(c) + 1)}, key=len, reverse=True
        )
        pattern = "|".join(_re_escape(p) for p in prefixes) or "(?!)"
        self.setValidator(QRegularExpressionValidator(QRegularExpression(f"^(?:{pattern})$"), self))

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.selectAll()  # a new digit replaces the old one

    def value(self) -> str | None:
        text = self.text().strip()
        return text if text in self.codes else None

    def _edited(self, text: str) -> None:
        if text in self.codes and not any(c != text and c.startswith(text) for c in self.codes):
            self.focusNextChild()


def _re_escape(text: str) -> str:
    return "".join("\\" + ch if not ch.isalnum() else ch for ch in text)


class QuickEntry(QWidget):
    contact_saved = Signal(str, str)  # contact id, case id ("" for a contact without case)
    case_created = Signal(str)  # case id

    def __init__(
        self, session: Session | None, undo: UndoLog, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("quickEntry")
        self._session: Session | None = None
        self._undo = undo
        self._build()
        self.set_session(session)

    def _build(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)

        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("z. B. 2026-0042, 42 oder „neu“"))
        self.code.setClearButtonEnabled(True)
        self.code.setMinimumWidth(190)
        self.codes_model = QStringListModel(self)
        self.completer = QCompleter(self.codes_model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.code.setCompleter(self.completer)
        self.code.textChanged.connect(self._code_changed)

        self.form = CodeField()
        self.duration = CodeField()
        for w in (self.form, self.duration):
            w.setMaximumWidth(44)
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            w.textChanged.connect(self._hints)
        self.form_hint = QLabel()
        self.duration_hint = QLabel()
        self.persons = QSpinBox()
        self.persons.setRange(PERSONS_MIN, PERSONS_MAX)
        self.persons.setValue(1)
        self.date = DateField(feedback="outside")
        self.no_case = QCheckBox(self.tr("ohne Fall"))
        self.no_case.toggled.connect(self._no_case_toggled)
        self.field = QComboBox()
        self.field.setMinimumWidth(160)
        self.field.currentIndexChanged.connect(lambda _i: self._code_changed(self.code.text()))
        self.new_button = QPushButton(self.tr("Neuer Fall"))
        self.new_button.clicked.connect(self.new_case)
        self.save_button = QPushButton(self.tr("Speichern ↵"))
        self.save_button.clicked.connect(self.save)
        self.more = ItemForm("contact", inline=True)
        self.no_show = QCheckBox(self.tr("nicht e&rschienen"))
        self.no_show.setAccessibleName(self.tr("Termin nicht wahrgenommen"))
        self.no_show.setToolTip(
            self.tr(
                "Der Termin wurde nicht wahrgenommen: er zählt nicht als Kontakt, sondern "
                "getrennt als ausgefallener Termin."
            )
        )
        self.code_hint = QLabel()
        self.status = QLabel()
        self.status.setObjectName("quickStatus")
        self.status.setAccessibleName(self.tr("Zuletzt gespeichert"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._refused = False  # the status line holds why the last save was refused
        for edit in (self.code, self.form, self.duration, self.date.edit):
            edit.textEdited.connect(self._clear_refusal)

        labels = [
            (self.tr("Fall&nummer"), self.code),
            (self.tr("K&ontaktform"), self.form),
            (self.tr("D&auer"), self.duration),
            (self.tr("&Personen"), self.persons),
            (self.tr("Da&tum"), self.date),
            (self.tr("Beratungsfe&ld"), self.field),
        ]
        col = 0
        self._labels: dict[QWidget, QLabel] = {}
        self._minutes = False  # the duration field takes minutes (set_session)
        for text, widget in labels:
            label = QLabel(text)
            self._labels[widget] = label
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", ""))
            grid.addWidget(label, 0, col)
            grid.addWidget(widget, 1, col)
            col += 1
        hints = QWidget()
        hint_row = QHBoxLayout(hints)
        hint_row.setContentsMargins(0, 0, 0, 0)
        hint_row.setSpacing(24)
        hint_row.addWidget(self.form_hint, 3)
        hint_row.addWidget(self.duration_hint, 2)
        grid.addWidget(self.code_hint, 2, 0, 1, 4)
        grid.addWidget(self.date.feedback, 2, 4, 1, col - 4)
        grid.addWidget(hints, 3, 0, 1, col + 3)
        grid.addWidget(self.no_case, 1, col)
        grid.addWidget(self.new_button, 1, col + 1)
        grid.addWidget(self.save_button, 1, col + 2)
        grid.addWidget(self.status, 4, 0, 1, col + 3)
        more_row = QHBoxLayout()
        more_row.addWidget(self.more)
        more_row.addWidget(self.no_show)
        more_row.addStretch(1)
        self.more_row = QWidget()
        self.more_row.setLayout(more_row)
        more_row.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.more_row, 5, 0, 1, col + 3)
        grid.setColumnStretch(col + 3, 1)
        grid.addWidget(QWidget(), 1, col + 3)
        self.no_case.setAccessibleName(self.tr("Kurzkontakt ohne Fall"))
        self.new_button.setAccessibleName(self.tr("Neuer Fall"))
        self.save_button.setAccessibleName(self.tr("Kontakt speichern"))
        for hint in (self.form_hint, self.duration_hint, self.code_hint):
            hint.setObjectName("hint")
            hint.setStyleSheet("color: palette(placeholder-text);")
        # long texts wrap or shorten; they never widen the row (and with it the window)
        for label in (self.form_hint, self.duration_hint, self.status):
            label.setWordWrap(True)
        for label in (self.code_hint, self.date.feedback):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self._set_tab_order()

    def _set_tab_order(self) -> None:
        chain = [
            self.code, self.form, self.duration, self.persons, self.date, self.field,
            *self.more.focus_chain(), self.no_show, self.no_case, self.new_button,
            self.save_button,
        ]  # fmt: skip
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    # session
    def set_session(self, session: Session | None) -> None:
        self._session = session
        self.field.clear()
        if session is None:
            self.codes_model.setStringList([])
            self.form.set_codes([])
            self.duration.set_codes([])
            for w in (self.code, self.form, self.duration):
                w.clear()
            self.status.clear()
            self.code_hint.clear()
            return
        scheme = session.scheme
        for code in scheme.codes("field"):
            self.field.addItem(code.label(), code.code)
        self.form.set_codes([c.code for c in scheme.codes("contact_form")])
        self.form.setToolTip(_legend(scheme, "contact_form"))
        self._set_duration_mode(scheme)
        self.more.set_scheme(scheme, skip=("contact_minutes",) if self._minutes else ())
        self.more_row.setVisible(bool(scheme.items))
        self._reset_more(keep_place=False)
        self._set_tab_order()
        self._hints()
        self.set_case_codes(sorted((c.code for c in session.cases()), reverse=True))

    def _set_duration_mode(self, scheme: Scheme) -> None:
        """Minutes where the bands follow from them, else the band's digit."""
        self._minutes = scheme.bands_from_minutes and scheme.item("contact_minutes") is not None
        label = self._labels[self.duration]
        if self._minutes:
            item = scheme.item("contact_minutes")
            assert item is not None
            high = item.max if item.max is not None else MINUTES_MAX
            self.duration.set_codes([])
            self.duration.setValidator(QIntValidator(item.min or 1, high, self.duration))
            self.duration.setMaxLength(len(str(high)))
            self.duration.setPlaceholderText(self.tr("Min."))
            self.duration.setToolTip(item.definition() + "\n" + _minute_legend(scheme))
            label.setText(self.tr("D&auer (Min.)"))
        else:
            self.duration.set_codes([c.code for c in scheme.codes("duration_band")])
            self.duration.setPlaceholderText("")
            self.duration.setToolTip(_legend(scheme, "duration_band"))
            label.setText(self.tr("D&auer"))
        self.duration.setAccessibleName(label.text().replace("&", ""))

    def _minutes_typed(self) -> int | None:
        text = self.duration.text().strip()
        return int(text) if self._minutes and text.isdigit() else None

    def _reset_more(self, *, keep_place: bool) -> None:
        """After a save: with the client again, no minutes, kept; the place stays (an
        outreach day enters many contacts at one place)."""
        values = self.more.values()
        kind = self.more.widgets.get("contact_kind")
        if isinstance(kind, QComboBox) and kind.count() > 1:
            kind.setCurrentIndex(1)  # the first code: the usual contact
        minutes = self.more.widgets.get("contact_minutes")
        if isinstance(minutes, QSpinBox):
            minutes.setValue(minutes.minimum())
        place = self.more.widgets.get("contact_place")
        if isinstance(place, QComboBox) and not (keep_place and values.get("place")):
            place.setCurrentIndex(0)
        self.no_show.setChecked(False)

    def clear(self) -> None:
        self.set_session(None)

    def set_case_codes(self, codes: list[str]) -> None:
        self.codes_model.setStringList(codes)

    def start(self) -> None:
        """Ready for the next entry: focus on the case code, its text selected."""
        self.forget_typing()
        self.code.setFocus(Qt.FocusReason.OtherFocusReason)
        self.code.selectAll()

    def forget_typing(self) -> None:
        """What was typed is saved (or undone): the fields' own undo starts afresh, so
        Ctrl+Z reaches the window's undo (ui/window_keys.py)."""
        for edit in (self.code, self.form, self.duration, self.date.edit):
            edit.setText(edit.text())  # setText clears a QLineEdit's undo history

    # feedback while typing
    def _hints(self, *_args) -> None:
        if self._session is None:
            return
        scheme = self._session.scheme
        for field, hint, dim in (
            (self.form, self.form_hint, "contact_form"),
            (self.duration, self.duration_hint, "duration_band"),
        ):
            value = field.value()
            name = scheme.dimension(dim).label()
            if field is self.duration and self._minutes:
                minutes = self._minutes_typed()
                band = scheme.band_for_minutes(minutes)
                if band is not None:
                    hint.setText(
                        self.tr("%1: %2 Min. = %3")
                        .replace("%1", name)
                        .replace("%2", str(minutes))
                        .replace("%3", scheme.label(dim, band))
                    )
                else:
                    hint.setText(f"{name}: " + _minute_legend(scheme, " · "))
                continue
            if value:
                hint.setText(f"{name}: {value} = {scheme.label(dim, value)}")
            else:
                hint.setText(f"{name}: " + _legend(scheme, dim, " · ", " "))

    def _code_changed(self, text: str) -> None:
        case = self._case_for(text)
        if text.strip().lower() in NEW_WORDS:
            field = self.field.currentText()
            self.code_hint.setText(self.tr("neuer Fall: %1").replace("%1", field))
        elif case is None:
            self.code_hint.setText(self.tr("kein Fall") if text.strip() else "")
        else:
            label = self._session.scheme.label("field", case.field)
            state = self.tr(", abgeschlossen") if case.closed else ""
            self.code_hint.setText(f"{case.code}: {label}{state}")
            _select(self.field, case.field)
        self.field.setEnabled(case is None or self.no_case.isChecked())

    def _no_case_toggled(self, on: bool) -> None:
        self.code.setEnabled(not on)
        self.field.setEnabled(on or self._case_for(self.code.text()) is None)
        if on:
            self.field.setFocus()

    def _case_for(self, text: str) -> Case | None:
        if self._session is None or not text.strip():
            return None
        return self._session.case_by_code(expand_code(text, dt.date.today().year))

    # actions
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.save()
            return
        super().keyPressEvent(event)

    def new_case(self) -> Case | None:
        """A new case with the next free code and the chosen field, opened today."""
        session = self._session
        if session is None:
            return None
        day = self._date_or_refuse()
        if day is None:
            return None
        case = Case(
            id=new_id(),
            code=session.next_case_code(day.year),
            opened=day,
            field=self.field.currentData(),
            counsellor=session.user,
            scheme_version=session.scheme.version,
        )
        try:
            self._undo.save_case(session, case)
        except FallzahlError as exc:
            dialogs.error(self, exc)
            return None
        self.no_case.setChecked(False)
        self.code.setText(case.code)
        self._refused = False
        self.status.setText(
            self.tr("Neuer Fall %1 (%2) angelegt – ergänzen Sie die Angaben im Fall.")
            .replace("%1", case.code)
            .replace("%2", session.scheme.label("field", case.field))
        )
        self.case_created.emit(case.id)
        self.form.setFocus()
        return case

    def save(self) -> Contact | None:
        session = self._session
        if session is None:
            return None
        case: Case | None = None
        if not self.no_case.isChecked():
            text = self.code.text().strip()
            if text.lower() in NEW_WORDS:
                case = self.new_case()
                if case is None:
                    return None
            else:
                case = self._case_for(text)
                if case is None:
                    self._refuse(
                        self.code,
                        self.tr(
                            "Einen Fall „%1“ gibt es nicht. Geben Sie eine vorhandene Fallnummer "
                            "ein, „neu“ für einen neuen Fall, oder kreuzen Sie „ohne Fall“ an."
                        ).replace("%1", text),
                    )
                    return None
        form, duration = self.form.value(), self.duration.value()
        minutes = self._minutes_typed()
        if self._minutes:  # the band follows from the minutes, never typed
            duration = session.scheme.band_for_minutes(minutes)
        no_show = self.no_show.isChecked() and self.no_show.isVisibleTo(self)
        if form is None:
            self._refuse(
                self.form,
                self.tr("Bitte die Kontaktform als Ziffer eingeben: %1").replace(
                    "%1", self.form.toolTip()
                ),
            )
            return None
        if duration is None and self._minutes and not no_show:
            self._refuse(
                self.duration,
                self.tr(
                    "Bitte die Dauer in Minuten eingeben (das Dauerband ergibt sich daraus): %1"
                ).replace("%1", _minute_legend(session.scheme)),
            )
            return None
        if duration is None and not self._minutes:
            self._refuse(
                self.duration,
                self.tr("Bitte die Dauer als Ziffer eingeben: %1").replace(
                    "%1", self.duration.toolTip()
                ),
            )
            return None
        day = self._date_or_refuse()
        if day is None:
            return None
        contact = Contact(
            id=new_id(),
            date=day,
            form=form,
            duration=duration,
            counsellor=session.user,
            persons=self.persons.value(),
            case_id=case.id if case else None,
            field=None if case else self.field.currentData(),
            scheme_version=session.scheme.version,
            no_show=no_show,
            **self.more.values(),
            **({"minutes": minutes} if self._minutes else {}),
        )
        agreed = agree_with_case(self, session, contact)
        if not agreed.go:
            self._show_refusal(self.tr("Nicht gespeichert."))
            self.date.setFocus()
            return None
        try:
            self._undo.save_contact(session, contact, agreed.case)
        except FallzahlError as exc:
            dialogs.error(self, exc)
            return None
        scheme = session.scheme
        field = scheme.label("field", case.field if case else contact.field)
        where = f"{case.code} ({field})" if case else self.tr("ohne Fall (%1)").replace("%1", field)
        persons = (
            self.tr("1 Person")
            if contact.persons == 1
            else self.tr("%1 Personen").replace("%1", str(contact.persons))
        )
        length = (
            scheme.label("duration_band", contact.duration)
            if contact.duration
            else self.tr("nicht erschienen")
        )
        if contact.minutes is not None and self._minutes:
            length = (
                self.tr("%1 Min. (%2)").replace("%1", str(contact.minutes)).replace("%2", length)
            )
        self._refused = False
        self.status.setText(
            self.tr("Gespeichert: %1").replace(
                "%1",
                f"{where} · {scheme.label('contact_form', form)} · "
                f"{length} · {self.date.feedback.text()} · "
                f"{persons}",
            )
            + (f" – {agreed.note}" if agreed.note else "")
        )
        self.form.setText("")
        self.duration.setText("")
        self.persons.setValue(1)
        self.date.setDate(dt.date.today())
        self._reset_more(keep_place=True)
        self.contact_saved.emit(contact.id, contact.case_id or "")
        if self.no_case.isChecked():
            self.forget_typing()
            self.field.setFocus()
        else:
            self.start()
        return contact

    def _date_or_refuse(self) -> dt.date | None:
        day = self.date.date()
        if day is None:
            self.date.show_problem()
            self._refuse(self.date, self.date.feedback.text())
        return day

    def _refuse(self, widget: QWidget, text: str) -> None:
        self._show_refusal(text)
        dialogs.error(self, text)
        widget.setFocus()

    def _show_refusal(self, text: str) -> None:
        self.status.setText(text)
        self._refused = True

    def _clear_refusal(self, _text: str = "") -> None:
        """A refusal is about what was typed then: once the typing changes, it goes."""
        if self._refused:
            self.status.clear()
            self._refused = False


def _minute_legend(scheme: Scheme, sep: str = ", ") -> str:
    """The bands with their minutes: "1–15 = bis 15 Min., 16–29 = 15–30 Min., …"."""
    parts = []
    for c in scheme.codes("duration_band"):
        span = f"{c.minutes_min}–{c.minutes_max}" if c.minutes_max else f"{c.minutes_min}+"
        parts.append(f"{span} = {c.label()}")
    return sep.join(parts)


def _legend(scheme: Scheme, dim: str, sep: str = ", ", eq: str = " = ") -> str:
    return sep.join(f"{c.code}{eq}{c.label()}" for c in scheme.codes(dim))


def _select(combo: QComboBox, code: str | None) -> None:
    index = combo.findData(code)
    if index >= 0:
        combo.setCurrentIndex(index)
