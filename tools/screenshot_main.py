"""Screenshots of the counsellor's main window for docs/screenshots.

    python -m tools.screenshot_main OUTDIR
    python -m tools.screenshot_main OUTDIR --screen 1280x720 [--scale 1.5]

The second form shows the window as it opens maximised on a screen of that size (less a
task bar and the title bar; with --scale as under QT_SCALE_FACTOR) and saves
main-window_WxH.png, case-editor_WxH.png and dashboard_WxH.png (WxH@150 when scaled).

Builds a throw-away vault in a temporary folder with a few dozen synthetic cases on the
shipped Landkreis Harz scheme, then saves main-window.png, case-editor.png and
quick-entry.png. A second throw-away office vault with a demo year (app.demo, 2025) gives
dashboard.png, report_dialog.png, sent_packages.png, office_key.png and
report_pdf_page1.png (the PDF's cover, if pdftoppm is installed). A third vault records
under the Harz scheme version 2 and gives case-editor-v2.png, case-editor-v2-persons.png,
case-editor-v2-diagnosis.png, case-editor-v2-light.png (what a new case still misses),
quick-entry-v2.png and activities.png (the entry of the
version 2 items); the sized form adds all but the last at that size. No dialogs are shown
(FALLZAHL_NO_DIALOGS=1).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import tempfile
from pathlib import Path


def _fill(session, n: int = 48, seed: int = 7) -> None:
    from app.records.model import Case, Contact
    from app.vault.session import new_id

    rnd = random.Random(seed)
    scheme = session.scheme
    codes = {d.id: [c.code for c in d.codes] for d in scheme.dimensions}
    today = dt.date.today()
    cases, contacts = [], []
    for i in range(1, n + 1):
        opened = today - dt.timedelta(days=rnd.randint(0, 300))
        closed = None
        if rnd.random() < 0.3:
            closed = min(today, opened + dt.timedelta(days=rnd.randint(10, 90)))
        full = rnd.random() < 0.6

        def pick(dim, full=full):
            return rnd.choice(codes[dim]) if full or rnd.random() < 0.5 else None

        case = Case(
            id=new_id(),
            code=f"{opened.year}-{i:04d}",
            opened=opened,
            field=rnd.choice(codes["field"][:4]),
            counsellor=rnd.choice([session.user, session.user, "berater2"]),
            scheme_version=scheme.version,
            closed=closed,
            sex=pick("sex"),
            age_band=pick("age_band"),
            household=pick("household"),
            children=pick("children"),
            municipality=pick("municipality"),
            transfer_benefits=pick("yes_no_unknown"),
            migration_parent=pick("yes_no_unknown"),
            german_at_home=pick("yes_no_unknown"),
            referral=pick("referral"),
            problems=rnd.sample(codes["problem"], rnd.randint(0, 5)),
            ending=rnd.choice(codes["ending"]) if closed else None,
        )
        cases.append(case)
        for _ in range(rnd.randint(1, 8)):
            span = ((closed or today) - opened).days
            contacts.append(
                Contact(
                    id=new_id(),
                    date=opened + dt.timedelta(days=rnd.randint(0, max(span, 0))),
                    form=rnd.choice(codes["contact_form"]),
                    duration=rnd.choice(codes["duration_band"]),
                    counsellor=case.counsellor,
                    persons=rnd.choice([1, 1, 1, 2, 3]),
                    case_id=case.id,
                )
            )
    session.add_bulk(cases, contacts, "demo.screenshots")


TASK_BAR, TITLE_BAR = 40, 30  # pixels of the screen the window does not get


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) in (3, 5) and argv[1] == "--screen":
        scale = float(argv[4]) if len(argv) == 5 and argv[3] == "--scale" else 1.0
        return sized(Path(argv[0]), argv[2], scale)
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("FALLZAHL_NO_DIALOGS", "1")

    from PySide6.QtCore import QLocale, Qt
    from PySide6.QtWidgets import QApplication

    from app import lang
    from app.crypto.kdf import KdfParams
    from app.office.info import OfficeInfo, set_office_info
    from app.resources import resource_path
    from app.scheme.model import parse
    from app.vault.vault import Vault
    from ui import i18n

    lang.set_language("de")
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    from ui import refguard

    refguard.install()  # PySide6 6.12 on Python 3.11 loses references to None
    app = QApplication.instance() or QApplication(["fallzahl-screenshots"])
    app.setStyle("Fusion")

    from ui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        vault, _recovery = Vault.create(
            Path(tmp) / "vault", user="mueller", passphrase="bildschirmfoto-passphrase",
            kdf=KdfParams(memory_kib=1024, iterations=1, lanes=1),
        )  # fmt: skip
        session = vault.unlock("mueller", "bildschirmfoto-passphrase")
        session.scheme = parse(resource_path("schemes", "lk-harz-v1.json").read_bytes())
        set_office_info(
            session, OfficeInfo(office_id="HZ-QLB-01", name="Beratungsstelle Quedlinburg")
        )
        _fill(session)
        window = MainWindow(session)
        window.resize(1440, 900)
        window.show()
        app.processEvents()

        # a case with problem codes in three life domains, selected and partly edited
        case = max(
            session.cases(),
            key=lambda c: (len({session.scheme.problem_domain[p] for p in c.problems}), c.code),
        )
        window.select_case(case.id)
        window.editor.problems.setFocus()
        first = window.editor._problem_items()[0]
        window.editor.problems.setCurrentItem(first)
        app.processEvents()

        # one quick entry, so the status line shows a confirmation
        quick = window.quick
        quick.code.setText(case.code)
        quick.form.setText("1")
        quick.duration.setText("2")
        quick.save()
        quick.code.setText(case.code)
        quick.form.setText("2")
        quick.duration.setFocus(Qt.FocusReason.TabFocusReason)
        app.processEvents()

        window.grab().save(str(out / "main-window.png"))
        window.editor.grab().save(str(out / "case-editor.png"))
        quick.parentWidget().grab().save(str(out / "quick-entry.png"))
        window.clear()
        window.close()

        # the same window in English
        i18n.install("en")
        lang.set_language("en")
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        english = MainWindow(session)
        english.resize(1440, 900)
        english.show()
        english.select_case(case.id)
        app.processEvents()
        english.grab().save(str(out / "main-window-en.png"))
        english.clear()
        english.close()
        i18n.install("de")
        lang.set_language("de")
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        session.close()
        vault.close()
        _office_shots(app, Path(tmp) / "office", out)
        _v2_shots(app, Path(tmp) / "v2", out)
        # delete every window while Qt is still up: left to interpreter shutdown, PySide
        # destroys charts and their views in no fixed order
        from PySide6.QtCore import QCoreApplication, QEvent

        for widget in app.topLevelWidgets():
            widget.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    print(out)
    return 0


def _v2_shots(
    app, folder: Path, out: Path, size: tuple[int, int] = (1440, 1000), suffix: str = ""
) -> None:
    """The entry of the scheme version 2 items: case editor (parenting help with its
    reasons; addiction help with the persons by sex and the diagnosis of the person
    concerned), quick entry with the minutes and the band that follows, activities.
    ``suffix``: "_1280x720" and the like, the window at ``size``."""
    import msgspec

    from app.crypto.kdf import KdfParams
    from app.office import demo
    from app.resources import resource_path
    from app.scheme.trust import validate_document
    from app.vault.activities import save_activity
    from app.vault.session import new_id
    from app.vault.vault import Vault
    from ui.activities_dialog import ActivitiesDialog
    from ui.main_window import MainWindow

    vault, _recovery = Vault.create(
        folder, user="mueller", passphrase="bildschirmfoto-passphrase",
        kdf=KdfParams(memory_kib=1024, iterations=1, lanes=1),
    )  # fmt: skip
    session = vault.unlock("mueller", "bildschirmfoto-passphrase")
    session.scheme = validate_document(resource_path("schemes", "lk-harz-v2.json").read_bytes())
    today = dt.date.today()
    cases, contacts = demo.generate(session.scheme, 40, today.year, seed=5, until=today)
    cases = [c for c in cases if c.closed is None or c.ending]
    ids = {c.id for c in cases}
    session.add_bulk(cases, [k for k in contacts if k.case_id in ids or k.case_id is None], "demo")
    for a in demo.generate_activities(session.scheme, 14, today.year, until=today):
        save_activity(session, a)
    window = MainWindow(session)
    window.resize(*size)
    window.show()
    eb = next(c for c in session.cases() if c.field == "EB" and c.closed is None and c.reasons)
    window.select_case(eb.id)
    from PySide6.QtWidgets import QScrollArea

    reasons = window.editor.items.widgets["reasons"]
    reasons.setFocus()
    app.processEvents()
    window.editor.findChild(QScrollArea).ensureWidgetVisible(reasons, 0, 260)
    app.processEvents()
    window.editor.grab().save(str(out / f"case-editor-v2{suffix}.png"))
    sucht = max(  # a client of addiction help, open, in that field only, if there is one
        (c for c in session.cases() if c.field == "SUCHT" and c.client_relation == "SELF"),
        key=lambda c: (c.closed is None, not c.other_fields, c.code),
    )
    window.select_case(sucht.id)
    area = window.editor.findChild(QScrollArea)
    items = window.editor.items
    for widget, name in (
        (items.widgets["persons_by_sex"].spins["w"], "persons"),
        (items.widgets["diagnosis"], "diagnosis"),
    ):
        widget.setFocus()
        app.processEvents()
        area.ensureWidgetVisible(widget, 0, 160)
        app.processEvents()
        window.editor.grab().save(str(out / f"case-editor-v2-{name}{suffix}.png"))
    # the light under version 2: a new parenting case with format 1's items only still
    # misses what closing it will need (who is counselled, reasons, setting, family)
    gaps = msgspec.structs.replace(
        eb, id=new_id(), code=f"{today.year}-0999", reasons=(), eb_setting=None,
        family_situation=None, client_relation=None, requested=None, started=None,
        persons_by_sex={}, children_affected=None, risk_assessment=None, household_key=None,
    )  # fmt: skip
    session.save_case(gaps)
    window.apply_changes()
    window.select_case(gaps.id)
    window.editor.items.widgets["client_relation"].setFocus()
    app.processEvents()
    window.editor.grab().save(str(out / f"case-editor-v2-light{suffix}.png"))
    quick = window.quick
    quick.code.setText(eb.code)
    quick.form.setText("3")
    quick.duration.setFocus()
    quick.duration.setText("35")  # minutes: the band 30-45 follows
    place = quick.more.widgets["contact_place"]
    place.setCurrentIndex(place.findData("AUSSEN_ELB"))
    app.processEvents()
    quick.parentWidget().grab().save(str(out / f"quick-entry-v2{suffix}.png"))
    if suffix:  # the sized run shows the entry parts only
        window.clear()
        window.close()
        session.close()
        vault.close()
        return
    dialog = ActivitiesDialog(session, window)
    dialog.show()
    dialog.table.setCurrentCell(0, 0)
    dialog.kind.setFocus()
    app.processEvents()
    dialog.grab().save(str(out / "activities.png"))
    dialog.close()
    window.clear()
    window.close()
    session.close()
    vault.close()


def _office_shots(app, folder: Path, out: Path) -> None:
    """The lead's side on a demo year: overview, report dialog, sent packages, office key."""
    import shutil
    import subprocess

    import msgspec

    from app.crypto.kdf import KdfParams
    from app.office import demo, export, period_close, setup
    from app.records.periods import parse_period
    from app.stats.dashboard_data import overview
    from app.vault.vault import Vault
    from ui.main_window import MainWindow
    from ui.office_key_dialog import OfficeKeyDialog
    from ui.report_dialog import ReportDialog
    from ui.report_pdf import write_office_pdf
    from ui.sent_packages_dialog import SentPackagesDialog

    passphrase = "bildschirmfoto-passphrase"
    setup.init_office(
        folder, office_id="HZ-QLB-01", office_name="Beratungsstelle Quedlinburg",
        user="leitung", passphrase=passphrase, kdf=KdfParams(memory_kib=1024, iterations=1, lanes=1),
    )  # fmt: skip
    vault = Vault(folder)
    session = vault.unlock("leitung", passphrase)
    scheme = session.scheme
    cases, contacts = demo.generate(scheme, 600, 2025, seed=2025, until=dt.date(2025, 12, 31))
    end = scheme.codes("ending")[0].code
    cases = [
        msgspec.structs.replace(c, ending=end) if c.closed and not c.ending else c for c in cases
    ]
    session.add_bulk(cases, contacts, "demo.screenshots")
    today = dt.date(2026, 1, 20)

    window = MainWindow(session)
    window.resize(1440, 1000)
    window.show()
    window.show_overview()
    window.dashboard._today = today
    window.dashboard.set_session(session)
    window.dashboard.select_period(2025, 4)
    app.processEvents()
    window.grab().save(str(out / "dashboard.png"))

    report = ReportDialog(session, window, today=today)
    report.path_edit.setText(str(Path.home() / "Bericht_HZ-QLB-01_2025-Q4.pdf"))
    report.show()
    app.processEvents()
    report.grab().save(str(out / "report_dialog.png"))
    report.close()

    # two quarters sent, the first one confirmed by the district
    for label in ("2025-Q3", "2025-Q4"):
        period_close.close_period(session, parse_period(label), accepted_reason="Demo")
        export.build_package(session, parse_period(label), folder)
    first = export.sent_packages(session)[0]
    export.mark_accepted(session, first.sha256, "2025-10-14T09:12:00Z")
    sent = SentPackagesDialog(session, window)
    sent.show()
    sent.message_label.setStyleSheet("color: #1b6e20;")
    sent.message_label.setText(
        "Eingelesen: "
        + first.file_name
        + " – "
        + sent.model.status_text(export.sent_packages(session)[0])
    )
    app.processEvents()
    sent.grab().save(str(out / "sent_packages.png"))
    sent.close()

    key = OfficeKeyDialog(session, window)
    key.show()
    app.processEvents()
    key.grab().save(str(out / "office_key.png"))
    key.close()

    if shutil.which("pdftoppm"):
        got = overview(session, parse_period("2025-Q4"), today=today)
        pdf = folder / "bericht.pdf"
        write_office_pdf(
            pdf, got.tally, scheme, "Beratungsstelle Quedlinburg", "HZ-QLB-01", got.trend, "de"
        )
        for page in (1, 2, 5):
            subprocess.run(
                ["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile",
                 str(pdf), str(out / f"report_pdf_page{page}")],
                check=True,
            )  # fmt: skip
    window.clear()
    window.close()
    session.close()
    vault.close()


def sized(out: Path, screen: str, scale: float) -> int:
    """Main window, case editor and overview as they open on a ``screen`` ("1280x720")."""
    import msgspec

    width, height = (int(n) for n in screen.split("x"))
    if scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(scale)
    os.environ.setdefault("FALLZAHL_NO_DIALOGS", "1")
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from app import lang
    from app.crypto.kdf import KdfParams
    from app.office import demo, setup
    from app.vault.vault import Vault

    lang.set_language("de")
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    from ui import refguard

    refguard.install()  # PySide6 6.12 on Python 3.11 loses references to None
    app = QApplication.instance() or QApplication(["fallzahl-screenshots"])
    app.setStyle("Fusion")
    from ui.main_window import MainWindow

    suffix = f"{width}x{height}" + (f"@{round(scale * 100)}" if scale != 1.0 else "")
    logical_w = round(width / scale)
    logical_h = round(height / scale) - TASK_BAR - TITLE_BAR
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "office"
        passphrase = "bildschirmfoto-passphrase"
        setup.init_office(
            folder, office_id="HZ-QLB-01", office_name="Beratungsstelle Quedlinburg",
            user="leitung", passphrase=passphrase,
            kdf=KdfParams(memory_kib=1024, iterations=1, lanes=1),
        )  # fmt: skip
        vault = Vault(folder)
        session = vault.unlock("leitung", passphrase)
        scheme = session.scheme
        today = dt.date.today()
        cases, contacts = demo.generate(scheme, 300, today.year, seed=2026, until=today)
        end = scheme.codes("ending")[0].code
        cases = [
            msgspec.structs.replace(c, ending=end) if c.closed and not c.ending else c
            for c in cases
        ]
        session.add_bulk(cases, contacts, "demo.screenshots")
        window = MainWindow(session)
        window.resize(logical_w, logical_h)
        window.show()
        case = max(
            session.cases(),
            key=lambda c: (len({scheme.problem_domain[p] for p in c.problems}), c.code),
        )
        window.select_case(case.id)
        window.open_case()
        app.processEvents()
        window.grab().save(str(out / f"main-window_{suffix}.png"))
        window.editor.grab().save(str(out / f"case-editor_{suffix}.png"))
        window.show_overview()
        for _ in range(3):  # the charts' sizes follow their figures: a layout pass each
            app.processEvents()
        window.grab().save(str(out / f"dashboard_{suffix}.png"))
        window.clear()
        window.close()
        session.close()
        vault.close()
        _v2_shots(app, Path(tmp) / "v2", out, (logical_w, logical_h), f"_{suffix}")
        from PySide6.QtCore import QCoreApplication, QEvent

        for widget in app.topLevelWidgets():
            widget.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
