"""The case and contact models: Qt's model tester, filters, sorting and speed."""

from __future__ import annotations

import datetime as dt
import time

import msgspec
import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from app.records import overview as ov
from tests.support.records import case, contact
from tests.support.ui import make_case
from ui.case_model import CaseFilterProxy, CaseTableModel, ContactTableModel

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("no_dialogs")]


@pytest.fixture
def filled(session):
    a = make_case(session, "2026-0001", problems=["FIN_DEBT", "ARB_LOSS", "GES_ALC"])
    b = make_case(session, "2026-0002", field="SUCHT", closed=dt.date.today(), ending="REG")
    make_case(session, "2026-0003", counsellor="anna")
    for _ in range(3):
        session.save_contact(contact(a.id, date=dt.date.today()))
    session.save_contact(contact(b.id))
    return session


def test_model_tester_on_every_model(qtmodeltester, filled):
    model = CaseTableModel(filled)
    qtmodeltester.check(model, force_py=True)
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    proxy.change(text="000")
    qtmodeltester.check(proxy, force_py=True)
    contacts = ContactTableModel()
    contacts.set_case(filled, filled.case_by_code("2026-0001").id)
    qtmodeltester.check(contacts, force_py=True)


def test_rows_show_counts_domains_and_status(filled):
    model = CaseTableModel(filled)
    row = model.row_of(filled.case_by_code("2026-0001").id)
    cells = [model.index(row, c).data() for c in range(7)]
    assert cells[0] == "2026-0001" and cells[1] == "Erziehungsberatung"
    assert cells[4] == 3 and cells[5] == "3 ★" and cells[6] == "offen"
    assert model.index(row, 5).data(Qt.ItemDataRole.ToolTipRole) == "Multiproblemfall"


def test_filters_and_sorting(filled):
    model = CaseTableModel(filled)
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)

    def codes():
        return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]

    assert codes() == ["2026-0001", "2026-0002", "2026-0003"]
    proxy.sort(CaseTableModel.CODE, Qt.SortOrder.DescendingOrder)
    assert codes() == ["2026-0003", "2026-0002", "2026-0001"]
    proxy.change(status=ov.CLOSED)
    assert codes() == ["2026-0002"]
    proxy.change(status=None, counsellor=filled.user)
    assert codes() == ["2026-0002", "2026-0001"]
    proxy.change(counsellor=None, field="SUCHT")
    assert codes() == ["2026-0002"]
    proxy.set_criteria(ov.CaseFilter())
    proxy.sort(CaseTableModel.CONTACTS, Qt.SortOrder.DescendingOrder)
    assert codes()[0] == "2026-0001"


def test_upsert_and_remove_keep_the_model_consistent(qtmodeltester, filled):
    model = CaseTableModel(filled)
    new = make_case(filled, "2026-0004")
    model.upsert(new.id)
    assert model.rowCount() == 4
    filled.save_contact(contact(new.id))
    model.upsert(new.id)
    assert model.index(model.row_of(new.id), CaseTableModel.CONTACTS).data() == 1
    model.remove(new.id)
    assert model.rowCount() == 3
    qtmodeltester.check(model, force_py=True)
    model.clear()
    assert model.rowCount() == 0


class _BigSession:
    user = "leitung"

    def __init__(self, scheme, n_cases, n_contacts):
        self.scheme = scheme
        problems = [["FIN_DEBT"], ["FIN_DEBT", "ARB_LOSS", "GES_ALC"], []]
        self._cases = [case(f"2026-{i:04d}", problems=problems[i % 3]) for i in range(n_cases)]
        self._contacts = [contact(self._cases[i % n_cases].id) for i in range(n_contacts)]

    def cases(self):
        return self._cases

    def contacts(self):
        return self._contacts

    def history_pages(self):
        return []


def test_models_for_a_large_office(min_scheme, capsys):
    """Correct at office scale; speed is measured by bench/ui_start.py, not asserted here."""
    big = _BigSession(min_scheme, 20_000, 100_000)
    start = time.perf_counter()
    model = CaseTableModel(big)
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    built = time.perf_counter() - start
    start = time.perf_counter()
    proxy.change(text="12")
    filtered = time.perf_counter() - start
    start = time.perf_counter()
    proxy.sort(CaseTableModel.OPENED, Qt.SortOrder.DescendingOrder)
    sorted_ = time.perf_counter() - start
    with capsys.disabled():
        print(
            f"\n20k cases/100k contacts: build {built:.3f}s, filter {filtered:.3f}s, sort {sorted_:.3f}s"
        )
    assert model.rowCount() == 20_000
    assert 0 < proxy.rowCount() < 20_000  # the filter took effect


@pytest.mark.parametrize("max_runs", [CaseFilterProxy.MAX_RUNS, 0])  # runs; one layout change
def test_the_proxy_follows_filters_sorting_saves_and_removals(qtmodeltester, filled, max_runs):
    today = dt.date.today()
    for i in range(4, 16):
        closed = {"closed": today, "ending": "REG"} if i % 3 == 0 else {}
        make_case(filled, f"2026-{i:04d}", field="SUCHT" if i % 2 else "EB", **closed)
    model = CaseTableModel(filled)
    proxy = CaseFilterProxy()
    proxy.MAX_RUNS = max_runs
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)  # and watches every change below
    selection = QItemSelectionModel(proxy)

    def shown():
        return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]

    def expected():
        rows = [model.case_row(r) for r in range(model.rowCount())]
        return [r.code for r in rows if ov.matches(r, proxy.criteria)]

    def current():
        return selection.currentIndex().data()

    for criteria in (
        ov.CaseFilter(text="-00"),
        ov.CaseFilter(field="SUCHT"),
        ov.CaseFilter(status=ov.CLOSED),
        ov.CaseFilter(text="1", status=ov.OPEN),
        ov.CaseFilter(),
        ov.CaseFilter(text="nothing like it"),
        ov.CaseFilter(field="EB"),
    ):
        proxy.set_criteria(criteria)
        assert shown() == expected()
    assert "2026-0008" in shown()
    selection.setCurrentIndex(
        proxy.mapFromSource(model.index(model.row_of(filled.case_by_code("2026-0008").id), 0)),
        QItemSelectionModel.SelectionFlag.ClearAndSelect,
    )
    proxy.change(text="0008")  # the selected case stays selected
    assert shown() == ["2026-0008"] == expected() and current() == "2026-0008"
    proxy.set_criteria(ov.CaseFilter())
    assert shown() == expected() and current() == "2026-0008"
    proxy.sort(CaseTableModel.CODE, Qt.SortOrder.DescendingOrder)
    assert shown() == expected() and shown()[0] == "2026-0015" and current() == "2026-0008"

    proxy.set_criteria(ov.CaseFilter(status=ov.OPEN))
    leaving = filled.case_by_code("2026-0010")
    filled.save_case(msgspec.structs.replace(leaving, closed=today, ending="REG"))
    model.upsert(leaving.id)  # closed now: no longer in the open cases
    assert "2026-0010" not in shown() and shown() == expected()
    coming = filled.case_by_code("2026-0009")
    filled.save_case(msgspec.structs.replace(coming, closed=None, ending=None))
    model.upsert(coming.id)  # open again: in the list, in its place
    assert "2026-0009" in shown() and shown() == expected()
    model.upsert(make_case(filled, "2026-0016").id)  # a new case
    assert shown()[-1] == "2026-0016" and shown()[:-1] == expected()[:-1]
    model.remove(filled.case_by_code("2026-0011").id)
    assert "2026-0011" not in shown() and shown()[:-1] == expected()[:-1]
    proxy.set_criteria(ov.CaseFilter())
    assert proxy.rowCount() == model.rowCount()
    assert proxy.headerData(0, Qt.Orientation.Horizontal) == "Fallnummer"
    proxy.change(text="nothing like it")
    assert proxy.rowCount() == 0 and proxy.headerData(0, Qt.Orientation.Horizontal) == "Fallnummer"
