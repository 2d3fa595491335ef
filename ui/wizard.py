"""First run: set up an office or district vault with its first lead; show the recovery key once.

Pages: what to set up (a counselling office or the district's social planning desk); for
an office its id and name typed in, or a signed provisioning file (chosen, or left by the
installer) whose verified contents are shown read-only; for the district its name and
whether to use the demo keys; then the first lead (name, passphrase twice with a strength
meter; creating the vault runs app.setup in a worker thread because the key derivation is
calibrated to take about a second), the recovery key (print or save as PDF), and a check
that two of its groups were written down.
"""

from __future__ import annotations

import html
import random
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.crypto import kdf as keys
from app.district import setup as district_setup
from app.errors import FallzahlError
from app.exchange import provisioning
from app.office import info as office
from app.office import provision_setup, setup
from app.scheme.trust import require_shipped_scheme_trusted
from app.vault import keyslots as app_vault
from ui import dialogs, settings, worker
from ui.passphrase import PassphraseFields

ERROR_STYLE = "color: #b00020;"
KIND, OFFICE, PROVISION, DISTRICT, LEAD, RECOVERY, CONFIRM = range(7)


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


class KindPage(QWizardPage):
    """Office or district desk: the vault's mode is fixed at set-up."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Willkommen bei Fallzahl"))
        self.setSubTitle(
            self.tr("Dieser Assistent richtet den verschlüsselten Datenbestand ein. Für wen?")
        )
        self.office = QRadioButton(self.tr("&Beratungsstelle"), self)
        self.office.setChecked(True)
        office_help = QLabel(
            self.tr(
                "Fälle und Kontakte erfassen, Berichtszeiträume abschließen und die "
                "Auszählung signiert an den Landkreis senden."
            ),
            self,
        )
        self.district = QRadioButton(self.tr("&Landkreis (Sozialplanung)"), self)
        district_help = QLabel(
            self.tr(
                "Die Pakete der Beratungsstellen einlesen und prüfen, den Eingang "
                "überblicken, den Kreisbericht erstellen und Bereitstellungsdateien für neue "
                "Stellen ausgeben."
            ),
            self,
        )
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        for button, help_label in ((self.office, office_help), (self.district, district_help)):
            self.group.addButton(button)
            help_label.setWordWrap(True)
            help_label.setIndent(24)
            help_label.setStyleSheet("color: #444;")
            layout.addWidget(button)
            layout.addWidget(help_label)
            layout.addSpacing(8)
        layout.addStretch(1)

    def nextId(self) -> int:  # noqa: N802
        return DISTRICT if self.district.isChecked() else OFFICE


class OfficePage(QWizardPage):
    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Beratungsstelle"))
        self.setSubTitle(
            self.tr(
                "Kennung und Name der Beratungsstelle, oder die Bereitstellungsdatei, die "
                "Sie vom Landkreis oder Ihrer IT erhalten haben."
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
        self.provision_button = QPushButton(self.tr("Mit &Bereitstellungsdatei einrichten …"), self)
        self.provision_button.clicked.connect(self.choose_provisioning)
        self.found_label = QLabel(self)
        self.found_label.setWordWrap(True)
        self.found_label.hide()
        self.found_button = QPushButton(self.tr("Gefundene Datei &verwenden"), self)
        self.found_button.clicked.connect(self.use_found)
        self.found_button.hide()
        self.found: list[Path] = []
        form = QFormLayout()
        form.addRow(self.tr("&Kennung:"), self.office_id)
        form.addRow(self.tr("&Name:"), self.office_name)
        buttons = QHBoxLayout()
        buttons.addWidget(self.provision_button)
        buttons.addWidget(self.found_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(where)
        layout.addWidget(self.message)
        layout.addSpacing(12)
        layout.addWidget(self.found_label)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.found = provisioning.find_provisioning_files()
        if self.found:
            self.found_label.setText(
                self.tr("Vom Installationsprogramm abgelegt: {path}").format(path=self.found[0])
            )
        self.found_label.setVisible(bool(self.found))
        self.found_button.setVisible(bool(self.found))
        try:  # a /TRUST install: say at once that only the provisioning file will do
            require_shipped_scheme_trusted()
        except FallzahlError as exc:
            self.message.setText(dialogs.text_of(exc))
            self.message.show()
            dialogs.shown.append(("inline", self.message.text()))

    def choose_provisioning(self) -> None:
        start = str(self.found[0] if self.found else settings.get(settings.LAST_FOLDER) or "")
        name = dialogs.open_file(
            self,
            self.tr("Bereitstellungsdatei wählen"),
            start,
            self.tr("Bereitstellungsdateien (*{suffix});;Alle Dateien (*)").format(
                suffix=provisioning.SUFFIX
            ),
        )
        if name:
            self.wizard().use_provisioning(Path(name))

    def use_found(self) -> None:
        if self.found:
            self.wizard().use_provisioning(self.found[0])

    def nextId(self) -> int:  # noqa: N802
        return PROVISION if self.wizard().provision_path is not None else LEAD

    def validatePage(self) -> bool:
        if self.wizard().provision_path is not None:
            return True
        try:
            require_shipped_scheme_trusted()
        except FallzahlError as exc:
            return self._refuse(dialogs.text_of(exc), self.provision_button)
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


class ProvisionPage(QWizardPage):
    """What a verified provisioning file sets up (read-only), or why it is refused."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Bereitstellungsdatei"))
        self.setSubTitle(
            self.tr(
                "Diese Angaben kommen aus der signierten Datei des Landkreises und lassen "
                "sich hier nicht ändern."
            )
        )
        self.path_label = QLabel(self)
        self.path_label.setWordWrap(True)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.office_id = QLabel(self)
        self.office_name = QLabel(self)
        self.district = QLabel(self)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        for label, name in (
            (self.office_id, self.tr("Kennung der Beratungsstelle")),
            (self.office_name, self.tr("Name der Beratungsstelle")),
            (self.district, self.tr("Landkreis")),
            (self.details, self.tr("Weitere Angaben")),
        ):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAccessibleName(name)
        bold = QFont(self.font())
        bold.setBold(True)
        self.office_id.setFont(bold)
        self.office_name.setFont(bold)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Kennung:"), self.office_id)
        self.form.addRow(self.tr("Name:"), self.office_name)
        self.form.addRow(self.tr("Landkreis:"), self.district)
        self.form.addRow(self.tr("Außerdem:"), self.details)
        self.message = _message_label(self)
        self.message.setAccessibleName(self.tr("Meldung"))
        self.other_button = QPushButton(self.tr("&Andere Datei wählen …"), self)
        self.other_button.clicked.connect(self.choose_other)
        buttons = QHBoxLayout()
        buttons.addWidget(self.other_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.path_label)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.prov: provisioning.Provisioning | None = None

    def initializePage(self) -> None:
        self.load(self.wizard().provision_path)

    def cleanupPage(self) -> None:  # noqa: N802
        self.wizard().provision_path = None
        self.prov = None

    def load(self, path: Path | None) -> bool:
        """Verify the file (signature, district, expiry, scheme) and show it or the refusal."""
        self.prov = None
        self.wizard().provision_path = path
        if path is None:
            return False
        self.path_label.setText(self.tr("Datei: {path}").format(path=path))
        try:
            prov = provision_setup.read_provisioning(path)
        except FallzahlError as exc:
            for label in (self.office_id, self.office_name, self.district, self.details):
                label.setText("–")
            text = dialogs.text_of(exc)
            self.message.setText(text + " " + self.tr("Sie können eine andere Datei wählen."))
            self.message.show()
            dialogs.shown.append(("inline", text))
            self.completeChanged.emit()
            return False
        self.prov = prov
        self.office_id.setText(prov.office_id)
        self.office_name.setText(prov.office_name)
        self.district.setText(f"{prov.district_name} ({prov.district_ags})")
        self.details.setText(
            self.tr(
                "Automatische Sperre nach {minutes} Minuten; signiert vom Schlüssel {kid}; "
                "gültig bis {expires}."
            ).format(
                minutes=prov.policy.auto_lock_minutes,
                kid=prov.signed_by,
                expires=f"{prov.expires:%d.%m.%Y}",
            )
        )
        self.message.hide()
        self.completeChanged.emit()
        return True

    def choose_other(self) -> None:
        current = self.wizard().provision_path
        name = dialogs.open_file(
            self,
            self.tr("Bereitstellungsdatei wählen"),
            str(current or ""),
            self.tr("Bereitstellungsdateien (*{suffix});;Alle Dateien (*)").format(
                suffix=provisioning.SUFFIX
            ),
        )
        if name:
            self.load(Path(name))

    def isComplete(self) -> bool:  # noqa: N802
        return self.prov is not None

    def nextId(self) -> int:  # noqa: N802
        return LEAD


class DistrictPage(QWizardPage):
    """The district desk: its name, and whether to use the shipped demo keys."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Landkreis (Sozialplanung)"))
        self.setSubTitle(
            self.tr(
                "Der Datenbestand der Auswertungsstelle: Er hält die Schlüssel des "
                "Landkreises, mit denen die Pakete der Beratungsstellen geöffnet werden."
            )
        )
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("z. B. Landkreis Harz"))
        self.name.setAccessibleName(self.tr("Name des Landkreises"))
        self.demo = QCheckBox(self.tr("&Demo-Schlüssel verwenden (nur zum Ausprobieren)"), self)
        self.demo.setAccessibleName(self.tr("Demo-Schlüssel verwenden"))
        demo_help = QLabel(
            self.tr(
                "Mit den Demo-Schlüsseln lassen sich die Pakete der Demo-Beratungsstellen "
                "öffnen. Sie sind öffentlich bekannt: Für echte Daten nicht ankreuzen, "
                "dann werden eigene Schlüssel erzeugt und verschlüsselt gespeichert."
            ),
            self,
        )
        demo_help.setWordWrap(True)
        demo_help.setStyleSheet("color: #444;")
        where = QLabel(
            self.tr("Ordner des Datenbestands: {folder}").format(folder=self.wizard_folder()),
            self,
        )
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = _message_label(self)
        self.message.setAccessibleName(self.tr("Meldung"))
        form = QFormLayout()
        form.addRow(self.tr("&Name des Landkreises:"), self.name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.demo)
        layout.addWidget(demo_help)
        layout.addWidget(where)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def wizard_folder(self) -> Path:
        parent = self.parent()
        return getattr(parent, "folder", Path())

    def validatePage(self) -> bool:
        if not self.name.text().strip():
            text = self.tr("Bitte geben Sie den Namen des Landkreises ein.")
            self.message.setText(text)
            self.message.show()
            dialogs.shown.append(("inline", text))
            self.name.setFocus()
            return False
        self.message.hide()
        return True

    def nextId(self) -> int:  # noqa: N802
        return LEAD


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
        # one column with the passphrase fields (finding 9: it sat off the column)
        self.fields.form.insertRow(0, self.tr("&Benutzername:"), self.user)
        user_label = self.fields.form.labelForField(self.user)
        if isinstance(user_label, QLabel):
            user_label.setBuddy(self.user)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(self.message)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        self.created = False
        self.task: worker.Task | None = None

    def initializePage(self) -> None:
        if self.wizard().kind == "district":
            self.setTitle(self.tr("Erste Planerin oder erster Planer"))
            self.setSubTitle(
                self.tr(
                    "Wer die Sozialplanung leitet, liest die Pakete ein, trägt Beratungsstellen "
                    "ein und erstellt Berichte und Bereitstellungsdateien."
                )
            )
        else:
            self.setTitle(self.tr("Erste Leitung"))
            self.setSubTitle(
                self.tr(
                    "Wer die Beratungsstelle leitet, richtet später weitere Benutzer ein und "
                    "schließt Berichtszeiträume ab."
                )
            )

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
        self.fields.user_inputs = [name, self.wizard().setup_name()]
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
        district_name = wiz.district_page.name.text().strip()
        demo = wiz.district_page.demo.isChecked()
        provision_path = wiz.provision_path
        kind = wiz.kind
        folder = wiz.folder
        self.progress.show()
        self.progress_label.show()
        wiz.set_busy(True)

        def create() -> str:
            # kdf=None: app.crypto.kdf.calibrate() picks the Argon2id cost for this machine
            if kind == "district":
                return district_setup.init_district(
                    folder,
                    district_name=district_name,
                    user=name,
                    passphrase=passphrase,
                    demo=demo,
                    kdf=None,
                )
            if provision_path is not None:
                return setup.init_from_provisioning(
                    folder, provision_path, user=name, passphrase=passphrase, kdf=None
                )
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
        office_line = html.escape(wiz.setup_label())
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
        wrong = [n for n, got in zip((a, b), typed, strict=True) if got != groups[n - 1]]
        if len(wrong) == 1:  # name only the group that is wrong (finding 9)
            text = self.tr(
                "Die Gruppe {n} stimmt nicht mit dem Schlüssel überein. Prüfen Sie Ihren "
                "Ausdruck oder gehen Sie zurück und notieren Sie den Schlüssel erneut."
            ).format(n=wrong[0])
        else:
            text = self.tr(
                "Die Gruppen {a} und {b} stimmen nicht mit dem Schlüssel überein. Prüfen Sie "
                "Ihren Ausdruck oder gehen Sie zurück und notieren Sie den Schlüssel erneut."
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
        self.setWindowTitle(self.tr("Einrichtung"))  # Qt adds " — Fallzahl"
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(680, 540)
        self.provision_path: Path | None = None
        self.kind_page = KindPage(self)
        self.office_page = OfficePage(self.folder, self)
        self.provision_page = ProvisionPage(self)
        self.district_page = DistrictPage(self)
        self.lead_page = LeadPage(self)
        self.recovery_page = RecoveryPage(self)
        self.confirm_page = ConfirmPage(self)
        for page_id, page in (
            (KIND, self.kind_page),
            (OFFICE, self.office_page),
            (PROVISION, self.provision_page),
            (DISTRICT, self.district_page),
            (LEAD, self.lead_page),
            (RECOVERY, self.recovery_page),
            (CONFIRM, self.confirm_page),
        ):
            self.setPage(page_id, page)
        self.setStartId(KIND)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Weiter >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Zurück"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Fertig"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Abbrechen"))

    @property
    def kind(self) -> str:
        return "district" if self.kind_page.district.isChecked() else "office"

    def use_provisioning(self, path: Path) -> None:
        """Set up the office from this provisioning file (shown on the next page)."""
        self.provision_path = Path(path)
        if self.currentPage() is self.office_page:
            self.next()
        else:
            self.provision_page.load(self.provision_path)

    def setup_name(self) -> str:
        """The name of what is being set up (office or district), e.g. for the strength meter."""
        if self.kind == "district":
            return self.district_page.name.text().strip()
        prov = self.provision_page.prov if self.provision_path is not None else None
        return prov.office_name if prov else self.office_page.office_name.text().strip()

    def setup_label(self) -> str:
        """One line naming the vault, for the recovery sheet."""
        if self.kind == "district":
            return self.tr("{name} (Sozialplanung)").format(name=self.setup_name())
        prov = self.provision_page.prov if self.provision_path is not None else None
        office_id = prov.office_id if prov else self.office_page.office_id.text().strip()
        return f"{self.setup_name()} ({office_id})"

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
