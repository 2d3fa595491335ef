"""The case list over frozen history: pages fetched as the table scrolls, search finds old cases."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.support import history_vault
from ui.case_model import CaseFilterProxy, CaseTableModel, ContactTableModel
from ui.main_window import MainWindow

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("no_dialogs")]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("history") / "vault"
    return folder, history_vault.build(folder)


@pytest.fixture
def office(built, tmp_path):
    folder, years = built
    history_vault.copy(folder, tmp_path / "vault")
    vault, session = history_vault.unlock(tmp_path / "vault")
    yield session, years
    if session.is_open:
        session.close()
    vault.close()


def test_the_case_model_fetches_frozen_pages_on_demand(qtmodeltester, office):
    session, _ = office
    model = CaseTableModel(session)
    open_rows = len(session.cases())
    assert model.rowCount() == open_rows and model.canFetchMore()
    frozen = session.record_counts()[0] - open_rows
    assert model.pending_rows() == frozen
    decoded = session.decoded_counts()
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == open_rows + frozen
    assert session.decoded_counts() == decoded  # summaries only: no record decoded
    qtmodeltester.check(model, force_py=True)
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)


def test_a_search_finds_an_old_case_and_opens_it_with_its_contacts(qtbot, office, answers):
    session, years = office
    old = years[0][1][5]
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.cases.row_of(old.id) < 0  # not fetched, not decoded
    qtbot.keyClicks(window.search, old.code)
    shown = [window.proxy.index(r, 0).data() for r in range(window.proxy.rowCount())]
    assert shown == [old.code]
    window.table.selectRow(0)
    assert window.current_case_id() == old.id
    assert window.editor.case == old
    own = [k for k in years[0][2] if k.case_id == old.id]
    assert window.contacts.rowCount() == len(own)


def test_sorting_by_another_column_takes_in_the_whole_history(office):
    session, _ = office
    model = CaseTableModel(session)
    model.sort(CaseTableModel.CODE, Qt.SortOrder.DescendingOrder)
    assert model.canFetchMore()
    model.sort(CaseTableModel.OPENED, Qt.SortOrder.AscendingOrder)
    assert not model.canFetchMore()
    assert model.rowCount() == session.record_counts()[0]
    opened = [model.case_row(r).opened for r in range(model.rowCount())]
    assert opened == sorted(opened)


def test_the_contacts_of_a_frozen_case_are_listed(office):
    session, years = office
    old = years[0][1][0]
    contacts = ContactTableModel()
    contacts.set_case(session, old.id)
    assert contacts.rowCount() == sum(1 for k in years[0][2] if k.case_id == old.id)
