"""First run: set up an office vault with its first lead and show the recovery key once.

Pages: the office (id and name), the first lead (name, passphrase twice with a strength
meter; creating the vault runs app.setup.init_office in a worker thread because the key
derivation is calibrated to take about a second), the recovery key (print or save as
PDF), and a check that two of its groups were written down.
"""

from __future__ import annotations

import html
import random
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app import keys, office, setup
from app import vault as app_vault
from app.errors import FallzahlError
from ui import dialogs, settings, worker
from ui.passphrase import PassphraseFields

ERROR_STYLE = "color: #b00020;"


def mono_font(points: float = 0) -> QFont:
    font = QFont("DejaVu Sans Mono")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setFixedPitch(True)
    if points:
        font.setPointSizeF(points)
    return font


def _message_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


class OfficePage(QWizardPage):
    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Willkommen bei Fallzahl"))
        self.setSubTitle(
            self.tr(
                "Dieser Assistent richtet den verschlüsselten Datenbestand Ihrer "
                "Beratungsstelle ein."
            )
        )
        intro = QLabel(
            self.tr(
                "Fallzahl speichert anonyme Fälle und Kontakte verschlüsselt auf diesem "
                "Rechner. Als Kategorienschema und Landkreis gelten zunächst die mit dem "
                "Programm gelieferten (Landkreis Harz)."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.office_id = QLineEdit(self)
        self.office_id.setPlaceholderText(self.tr("z. B. HZ-QLB-01"))
        self.office_id.setAccessibleName(self.tr("Kennung der Beratungsstelle"))
        self.office_name = QLineEdit(self)
        self.office_name.setPlaceholderText(self.tr("z. B. Beratungsstelle Quedlinburg"))
        self.office_name.setAccessibleName(self.tr("Name der Beratungsstelle"))
        where = QLabel(self.tr("Ordner des Datenbestands: {folder}").format(folder=folder), self)
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setAccessibleName(self.tr("Ordner des Datenbestands"))
        self.message = _message_label(self)
        self.message.setAccessibleName(self.tr("Meldung"))
        form = QFormLayout()
        form.addRow(self.tr("&Kennung:"), self.office_id)
        form.addRow(self.tr("&Name:"), self.office_name)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(where)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def validatePage(self) -> bool:
        try:
            office.check_office_id(self.office_id.text().strip())
        except FallzahlError as exc:
            return self._refuse(dialogs.text_of(exc), self.office_id)
        if not self.office_name.text().strip():
            return self._refuse(
                self.tr("Bitte geben Sie den Namen der Beratungsstelle ein."), self.office_name
            )
        self.message.hide()
        return True

    def _refuse(self, text: str, field: QWidget) -> bool:
        self.message.setText(text)
        self.message.show()
        dialogs.shown.append(("inline", text))
        field.setFocus()
        return False


class LeadPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Erste Leitung"))
        self.setSubTitle(
            self.tr(
                "Wer die Beratungsstelle leitet, richtet später weitere Benutzer ein und "
                "schließt Berichtszeiträume ab."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Anlegen"))
        self.user = QLineEdit(self)
        self.user.setPlaceholderText(self.tr("Kürzel, z. B. AB"))
        self.user.setAccessibleName(self.tr("Benutzername"))
        self.fields = PassphraseFields(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(self.tr("Fortschritt"))
        self.progress.hide()
        self.progress_label = QLabel(
            self.tr("Datenbestand wird angelegt und der Schlüssel abgeleitet …"), self
        )
        self.progress_label.hide()
        self.message = _message_label(self)
        self.message.setAccessibleName(self.tr("Meldung"))
        form = QFormLayout()
        form.addRow(self.tr("&Benutzername:"), self.user)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.fields)
        layout.addWidget(self.message)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        self.created = False
        self.task: worker.Task | None = None

    def validatePage(self) -> bool:
        if self.created:
            return True
        if self.task is not None:
            return False
        name = self.user.text().strip()
        try:
            app_vault.check_user_name(name)
        except FallzahlError as exc:
            return self._refuse(dialogs.text_of(exc), self.user)
        self.fields.user_inputs = [name, self.wizard().office_page.office_name.text()]
        problem = self.fields.problem()
        if problem:
            return self._refuse(problem, self.fields.first)
        self.message.hide()
        self._start(name, self.fields.passphrase())
        return False

    def _refuse(self, text: str, field: QWidget) -> bool:
        self.message.setText(text)
        self.message.show()
        dialogs.shown.append(("inline", text))
        field.setFocus()
        return False

    def _start(self, name: str, passphrase: str) -> None:
        wiz: SetupWizard = self.wizard()  # type: ignore[assignment]
        office_id = wiz.office_page.office_id.text().strip()
        office_name = wiz.office_page.office_name.text().strip()
        folder = wiz.folder
        self.progress.show()
        self.progress_label.show()
        wiz.set_busy(True)

        def create() -> str:
            # kdf=None: app.keys.calibrate() picks the Argon2id cost for this machine
            return setup.init_office(
                folder,
                office_id=office_id,
                office_name=office_name,
                user=name,
                passphrase=passphrase,
                kdf=None,
            )

        self.task = worker.run(self, create, self._created, self._failed)

    def _created(self, recovery: str) -> None:
        wiz: SetupWizard = self.wizard()  # type: ignore[assignment]
        self.task = None
        self.created = True
        self.fields.clear()
        self.progress.hide()
        self.progress_label.hide()
        wiz.set_busy(False)
        wiz.user = self.user.text().strip()
        wiz.recovery = recovery
        wiz.next()

    def _failed(self, exc: FallzahlError) -> None:
        self.task = None
        self.progress.hide()
        self.progress_label.hide()
        self.wizard().set_busy(False)
        self._refuse(dialogs.text_of(exc), self.user)


class RecoveryPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Wiederherstellungsschlüssel"))
        self.setSubTitle(
            self.tr(
                "Nur jetzt sichtbar: Drucken Sie ihn aus oder speichern Sie ihn als PDF, "
                "und verwahren Sie ihn verschlossen."
            )
        )
        explain = QLabel(
            self.tr(
                "Mit diesem Schlüssel lässt sich jede Passphrase zurücksetzen, wenn sie "
                "vergessen wurde. Ohne Passphrase und ohne diesen Schlüssel sind die Daten "
                "verloren – niemand kann sie dann wiederherstellen."
            ),
            self,
        )
        explain.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(18)
        self.group_labels: list[QLabel] = []
        for index in range(keys.GROUPS):
            number = QLabel(str(index + 1), self)
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            number.setStyleSheet("color: #555;")
            group = QLabel(self)
            group.setFont(mono_font(20))
            group.setAlignment(Qt.AlignmentFlag.AlignCenter)
            group.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            group.setAccessibleName(self.tr("Gruppe {n}").format(n=index + 1))
            row, col = divmod(index, 4)
            self.grid.addWidget(number, row * 2, col)
            self.grid.addWidget(group, row * 2 + 1, col)
            self.group_labels.append(group)
        self.print_button = QPushButton(self.tr("&Drucken …"), self)
        self.print_button.setAccessibleName(self.tr("Wiederherstellungsschlüssel drucken"))
        self.pdf_button = QPushButton(self.tr("Als &PDF speichern …"), self)
        self.pdf_button.setAccessibleName(self.tr("Wiederherstellungsschlüssel als PDF speichern"))
        self.print_button.clicked.connect(self.print_sheet)
        self.pdf_button.clicked.connect(self.choose_pdf)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addSpacing(12)
        layout.addLayout(self.grid)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def initializePage(self) -> None:
        groups = self.wizard().recovery.split("-")
        for label, group in zip(self.group_labels, groups, strict=True):
            label.setText(group)

    def sheet(self) -> QTextDocument:
        wiz: SetupWizard = self.wizard()  # type: ignore[assignment]
        groups = wiz.recovery.split("-")
        cells = "".join(
            f"<td style='padding:8px 14px'><small>{i + 1}</small><br>"
            f"<span style='font-family:DejaVu Sans Mono,monospace; font-size:20pt'>"
            f"{html.escape(g)}</span></td>" + ("</tr><tr>" if i == 3 else "")
            for i, g in enumerate(groups)
        )
        office_line = html.escape(
            f"{wiz.office_page.office_name.text().strip()} "
            f"({wiz.office_page.office_id.text().strip()})"
        )
        doc = QTextDocument()
        doc.setHtml(
            "<h2>" + html.escape(self.tr("Fallzahl – Wiederherstellungsschlüssel")) + "</h2>"
            f"<p>{office_line}</p><table><tr>{cells}</tr></table><p>"
            + html.escape(
                self.tr(
                    "Verschlossen aufbewahren. Wer diesen Schlüssel hat, kann jede Passphrase "
                    "zurücksetzen und alle Daten lesen. Bei Verlust von Passphrase und Schlüssel "
                    "sind die Daten nicht wiederherstellbar."
                )
            )
            + "</p>"
        )
        return doc

    def print_sheet(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Wiederherstellungsschlüssel drucken"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.sheet().print_(printer)

    def choose_pdf(self) -> None:
        start = str(
            Path(settings.get(settings.LAST_FOLDER) or Path.home())
            / "fallzahl-wiederherstellungsschluessel.pdf"
        )
        name = dialogs.save_file(
            self, self.tr("Als PDF speichern"), start, self.tr("PDF-Dateien (*.pdf)")
        )
        if name:
            self.save_pdf(Path(name))

    def save_pdf(self, target: Path) -> bool:
        """Render the sheet to PDF in memory, then write it atomically (temp file + rename)."""
        from app.atomic import write_bytes

        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(20, 20, 20, 20),
            )
        )
        writer.setTitle(self.tr("Fallzahl – Wiederherstellungsschlüssel"))
        self.sheet().print_(writer)
        del writer
        buffer.close()
        try:
            write_bytes(target, bytes(data.data()))
        except FallzahlError as exc:
            dialogs.error(self, exc)
            return False
        settings.put(settings.LAST_FOLDER, str(target.parent))
        dialogs.info(self, self.tr("Gespeichert: {path}").format(path=target))
        return True


class ConfirmPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Schlüssel notiert?"))
        self.setSubTitle(
            self.tr("Zur Sicherheit: Geben Sie zwei Gruppen des Schlüssels von Ihrem Ausdruck ein.")
        )
        self.first = QLineEdit(self)
        self.second = QLineEdit(self)
        for field in (self.first, self.second):
            field.setFont(mono_font(14))
            field.setMaxLength(keys.GROUP_LEN + 2)
        self.first_label = QLabel(self)
        self.first_label.setBuddy(self.first)
        self.second_label = QLabel(self)
        self.second_label.setBuddy(self.second)
        self.message = _message_label(self)
        self.message.setAccessibleName(self.tr("Meldung"))
        form = QFormLayout()
        form.addRow(self.first_label, self.first)
        form.addRow(self.second_label, self.second)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def initializePage(self) -> None:
        a, b = self.wizard().confirm_groups
        self.first_label.setText(self.tr("Gruppe &{n}:").format(n=a))
        self.second_label.setText(self.tr("Gruppe {n}:").format(n=b))
        self.first.setAccessibleName(self.tr("Gruppe {n}").format(n=a))
        self.second.setAccessibleName(self.tr("Gruppe {n}").format(n=b))
        self.first.clear()
        self.second.clear()
        self.message.hide()

    def validatePage(self) -> bool:
        wiz: SetupWizard = self.wizard()  # type: ignore[assignment]
        groups = wiz.recovery.split("-")
        a, b = wiz.confirm_groups
        typed = [f.text().strip().upper() for f in (self.first, self.second)]
        if typed == [groups[a - 1], groups[b - 1]]:
            return True
        text = self.tr(
            "Die Gruppen {a} und {b} stimmen nicht mit dem Schlüssel überein. Prüfen Sie Ihren "
            "Ausdruck oder gehen Sie zurück und notieren Sie den Schlüssel erneut."
        ).format(a=a, b=b)
        self.message.setText(text)
        self.message.show()
        dialogs.shown.append(("inline", text))
        self.first.setFocus()
        return False


class SetupWizard(QWizard):
    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.user = ""
        self.recovery = ""
        self.confirm_groups: tuple[int, int] = tuple(  # type: ignore[assignment]
            sorted(random.sample(range(1, keys.GROUPS + 1), 2))
        )
        self.setWindowTitle(self.tr("Fallzahl einrichten"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(680, 540)
        self.office_page = OfficePage(self.folder, self)
        self.lead_page = LeadPage(self)
        self.recovery_page = RecoveryPage(self)
        self.confirm_page = ConfirmPage(self)
        for page in (self.office_page, self.lead_page, self.recovery_page, self.confirm_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Weiter >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Zurück"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Fertig"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Abbrechen"))

    def set_busy(self, busy: bool) -> None:
        for which in (
            QWizard.WizardButton.CommitButton,
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.CancelButton,
        ):
            self.button(which).setEnabled(not busy)

    def reject(self) -> None:
        if self.lead_page.task is not None:
            return  # creation is running; it cannot be interrupted halfway
        if self.recovery and not dialogs.question(
            self,
            self.tr(
                "Der Datenbestand ist angelegt. Haben Sie den Wiederherstellungsschlüssel "
                "ausgedruckt oder sicher notiert? Er wird nicht noch einmal angezeigt."
            ),
        ):
            return
        super().reject()

    def done(self, result: int) -> None:
        super().done(result)  # Qt validates the current page here before finishing
        if not self.isVisible():
            for label in self.recovery_page.group_labels:
                label.clear()
            self.recovery = ""  # shown once: forget it with the wizard
