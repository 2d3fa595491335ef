"""The feedback round trip in the windows: the district publishes from its planning overview,
the office reads it in and sees "Ihre Daten im Sozialplan"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.district import desk as district
from app.district.population import demo_population_file, import_population
from app.office import export, feedback_import
from app.stats.planning import format_number
from tests.support.district_world import Office, make_district, on_time
from tests.support.passphrases import FAST_KDF
from ui import dialogs

pytestmark = pytest.mark.gui


@pytest.fixture
def world(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    vault, desk = make_district(tmp_path / "desk", FAST_KDF)
    offices = [
        Office(tmp_path, oid, i, FAST_KDF, cases=80) for i, oid in enumerate(("HZ-A", "HZ-B"))
    ]
    for o in offices:
        district.enrol(desk, o.office_id, o.office_id, o.public_key)
        path, _sha = o.export(1, out)
        assert district.import_paths(desk, [path], now=on_time(1))[0].accepted
    import_population(desk, demo_population_file())
    yield offices[0], desk, tmp_path
    for o in offices:
        o.close()
    desk.close()
    vault.close()


def test_publish_import_and_show(qtbot, world, monkeypatch):
    from ui.district_overview import DistrictOverview
    from ui.main_window import MainWindow
    from ui.plan_feedback_view import PlanFeedbackView

    office, desk, tmp = world
    overview = DistrictOverview(desk)
    qtbot.addWidget(overview)
    overview.show()
    monkeypatch.setattr(dialogs, "choose_folder", lambda *a, **k: str(tmp / "fb"))
    infos = []
    monkeypatch.setattr(dialogs, "info", lambda parent, text, *a: infos.append(text))
    qtbot.mouseClick(overview.feedback_button, Qt.MouseButton.LeftButton)
    published = tmp / "fb" / "15085_2025-Q1_1.fallzahl-feedback"
    assert published.exists() and infos and str(published) in infos[0]

    win = MainWindow(office.session)
    qtbot.addWidget(win)
    views, filters = [], []

    def run(dialog):
        views.append(dialog)
        dialog.show()
        monkeypatch.setattr(dialogs, "open_file", lambda *a: filters.append(a[3]) or str(published))
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        return True

    win._exec = run
    win.plan_feedback_action.trigger()
    view: PlanFeedbackView = views[0]
    assert view.period_box.currentData() == "2025-Q1"
    # the file dialog offers the feedback's own extension and the name of earlier versions
    assert filters == ["Rückmeldungen (*.fallzahl-feedback *.feedback)"]
    sent = export.sent_packages(office.session)[0]
    assert f"2025-Q1 Meldung Nr. {sent.sequence}" in view.summary.text()
    assert "Gezählt wurden 2 Beratungsstellen" in view.summary.text()
    s = feedback_import.standing(office.session, feedback_import.held(office.session)["2025-Q1"])
    assert view.compare.rowCount() == len(s.measures)
    first = view.compare.rows[0]
    assert first[1] == format_number(s.office[0], 0) and first[2] == format_number(s.district[0], 0)
    assert any("je 1.000 Einwohner" in row[0] for row in view.plan.rows)
    # the same file again: refused, shown, nothing changes
    shown = []
    monkeypatch.setattr(dialogs, "error", lambda parent, exc, *a: shown.append(exc))
    assert view.import_file(str(published)) is False
    assert shown and "Ausgabe 1" in shown[0].message("de")
    # a tampered file: refused with its own message
    bad = tmp / "bad.fallzahl-feedback"
    bad.write_bytes(published.read_bytes().replace(b'"version":1', b'"version":9'))
    (tmp / "bad.fallzahl-feedback.minisig").write_bytes(
        (tmp / "fb" / (published.name + ".minisig")).read_bytes()
    )
    assert view.import_file(str(bad)) is False
    assert "Signatur" in shown[-1].message("de") or "signature" in shown[-1].message("en")
    win.clear()


def test_empty_view_says_what_to_do(qtbot, world):
    from ui.plan_feedback_view import PlanFeedbackView

    office, _desk, _tmp = world
    view = PlanFeedbackView(office.session)
    qtbot.addWidget(view)
    assert "Noch keine Rückmeldung" in view.summary.text()
    assert "(.fallzahl-feedback)" in view.summary.text()
    assert view.compare.rowCount() == 0


def test_a_feedback_file_opened_from_the_file_manager_is_read_in_and_shown(
    qtbot, world, monkeypatch
):
    """``fallzahl 15085_2025-Q1_1.fallzahl-feedback`` at the office: the unlocked window reads
    it in and shows "Ihre Daten im Sozialplan" on its period; the same file again is refused
    with the import's own message, and the view still opens."""
    from app.district.feedback import write_feedback
    from ui.controller import Controller
    from ui.main_window import MainWindow

    office, desk, tmp = world
    path = write_feedback(desk, "2025-Q1", tmp / "from-mail")
    win = MainWindow(office.session)
    qtbot.addWidget(win)
    views = []
    win._exec = lambda dialog: views.append(dialog) or True
    c = Controller(tmp / "controller")
    c.session, c.window = office.session, win
    c.act_on_file(path)
    assert feedback_import.held(office.session)["2025-Q1"].version == 1
    assert views[-1].period_box.currentData() == "2025-Q1"
    assert "Ausgabe 1" in views[-1].summary.text()
    shown = []
    monkeypatch.setattr(dialogs, "error", lambda parent, exc, *a: shown.append(exc))
    c.act_on_file(path)
    assert len(views) == 2 and "Ausgabe 1" in shown[0].message("de")
    win.clear()
