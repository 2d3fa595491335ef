"""A new passphrase entered twice, with a strength meter (zxcvbn score 0-4).

Used by the first-run wizard, the recovery reset and the user administration. The
meter is feedback for the person typing; the binding minimum (length) is app/'s.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QWidget

from app.errors import FallzahlError
from app.vault import keyslots as app_vault

MIN_SCORE = 2


def score_words() -> list[str]:
    return [
        QCoreApplication.translate("PassphraseFields", "sehr schwach"),
        QCoreApplication.translate("PassphraseFields", "schwach"),
        QCoreApplication.translate("PassphraseFields", "mittel"),
        QCoreApplication.translate("PassphraseFields", "stark"),
        QCoreApplication.translate("PassphraseFields", "sehr stark"),
    ]


def strength(passphrase: str, user_inputs: list[str] | None = None) -> int:
    if not passphrase:
        return 0
    from zxcvbn import zxcvbn

    return int(zxcvbn(passphrase[:100], user_inputs=user_inputs or [])["score"])


class PassphraseFields(QWidget):
    """Two password fields, a strength bar with words, and ``problem()`` for validation."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user_inputs: list[str] = []
        self.first = QLineEdit(self)
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(
            QCoreApplication.translate("PassphraseFields", "Neue Passphrase")
        )
        self.second = QLineEdit(self)
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setAccessibleName(
            QCoreApplication.translate("PassphraseFields", "Passphrase wiederholen")
        )
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(
            QCoreApplication.translate("PassphraseFields", "Stärke der Passphrase")
        )
        self.bar.setMaximumHeight(12)
        self.words = QLabel(self)
        self.words.setAccessibleName(
            QCoreApplication.translate("PassphraseFields", "Bewertung der Passphrase")
        )
        self.hint = QLabel(
            QCoreApplication.translate(
                "PassphraseFields",
                "Tipp: ein Satz aus vier oder mehr Wörtern ist stark und gut zu merken.",
            ),
            self,
        )
        self.hint.setWordWrap(True)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.form = form  # a page adds its own rows here, so the fields share one column
        form.addRow(QCoreApplication.translate("PassphraseFields", "&Passphrase:"), self.first)
        form.addRow(QCoreApplication.translate("PassphraseFields", "&Wiederholen:"), self.second)
        form.addRow(QCoreApplication.translate("PassphraseFields", "Stärke:"), self.bar)
        form.addRow("", self.words)
        form.addRow("", self.hint)
        for label_for in (self.first, self.second):
            label = form.labelForField(label_for)
            if isinstance(label, QLabel):
                label.setBuddy(label_for)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self.changed)
        self._update()

    def score(self) -> int:
        return strength(self.first.text(), self.user_inputs)

    def _update(self) -> None:
        text = self.first.text()
        score = self.score()
        self.bar.setValue(score if text else 0)
        colour = ["#b00020", "#d35400", "#b8860b", "#2e7d32", "#1b5e20"][score]
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        self.words.setText(score_words()[score] if text else "")  # beside "Stärke:" once
        self.changed.emit()

    def problem(self) -> str | None:
        """What is wrong with the entry, in the UI language, or None."""
        text = self.first.text()
        try:
            app_vault.check_passphrase_form(text)
        except FallzahlError as exc:
            from ui.dialogs import text_of

            return text_of(exc)
        if self.score() < MIN_SCORE:
            return QCoreApplication.translate(
                "PassphraseFields",
                "Diese Passphrase ist zu leicht zu erraten ({word}). Nehmen Sie einen Satz aus "
                "mehreren Wörtern, die nicht zusammengehören.",
            ).format(word=score_words()[self.score()])
        if text != self.second.text():
            return QCoreApplication.translate(
                "PassphraseFields",
                "Die beiden Eingaben stimmen nicht überein. Bitte noch einmal eingeben.",
            )
        return None

    def passphrase(self) -> str:
        return self.first.text()

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()
