"""Screenshots of the counsellor's main window for docs/screenshots.

    python -m ui.screenshot_main OUTDIR

Builds a throw-away vault in a temporary folder with a few dozen synthetic cases on the
shipped Landkreis Harz scheme, then saves main-window.png, case-editor.png and
quick-entry.png. No dialogs are shown (FALLZAHL_NO_DIALOGS=1).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import tempfile
from pathlib import Path


def _fill(session, n: int = 48, seed: int = 7) -> None:
    from app.records import Case, Contact
    from app.session import new_id

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


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("FALLZAHL_NO_DIALOGS", "1")

    from PySide6.QtCore import QLocale, Qt
    from PySide6.QtWidgets import QApplication

    from app import lang
    from app.keys import KdfParams
    from app.resources import resource_path
    from app.scheme import parse
    from app.vault import Vault

    lang.set_language("de")
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
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
        session.close()
        vault.close()
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
