"""Opening a package, receipt, feedback or provisioning file from the file manager (``fallzahl FILE``)
starts the desktop on that file's action instead of failing as an unknown CLI verb."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

import app.__main__ as entry
from app.cli import opened
from ui import dialogs
from ui.controller import Controller

pytestmark = pytest.mark.gui


@pytest.fixture
def files(tmp_path):
    out = {}
    for key, name in (
        ("package", "HZ-QLB-01_2026-Q1_3.fallzahl-package"),
        ("receipt", "HZ-QLB-01_2026-Q1_3.fallzahl-receipt"),
        ("feedback", "15085_2026-Q1_1.fallzahl-feedback"),
        ("provisioning", "HZ-QLB-01.fallzahl-provisioning"),
        ("other", "notes.txt"),
        # as earlier versions named them
        ("old package", "HZ-QLB-01_2026-Q1_2.fallzahl.age"),
        ("old receipt", "HZ-QLB-01_2026-Q1_2.receipt"),
        ("old feedback", "15085_2026-Q1_1.feedback"),
    ):
        path = tmp_path / name
        path.write_bytes(b"x")
        out[key] = path
    return out


def test_kinds_by_name(files, tmp_path):
    assert {k: opened.kind(p) for k, p in files.items()} == {
        "package": "package", "receipt": "receipt", "feedback": "feedback",
        "provisioning": "provisioning", "other": None,
        "old package": "package", "old receipt": "receipt", "old feedback": "feedback",
    }  # fmt: skip
    assert opened.kind(tmp_path / "missing.fallzahl-package") is None
    # the receipt's signature beside it is no receipt
    sig = tmp_path / "HZ-QLB-01_2026-Q1_3.fallzahl-receipt.minisig"
    sig.write_bytes(b"x")
    assert opened.kind(sig) is None


def test_entry_point_sends_a_file_to_the_desktop(files, monkeypatch):
    calls = []
    import ui.main

    monkeypatch.setattr(ui.main, "main", lambda argv: calls.append(argv) or 0)
    assert entry.main([str(files["package"])]) == 0
    assert entry.main(["--vault", "/tmp/v", str(files["receipt"])]) == 0
    assert calls == [
        ["--open", str(files["package"])],
        ["--vault", "/tmp/v", "--open", str(files["receipt"])],
    ]
    assert entry._opened_file([str(files["other"])]) is None
    assert entry._opened_file(["district", "import", str(files["package"])]) is None  # a verb
    assert entry._opened_file(["--vault", str(files["package"])]) is None  # an option's value


def test_desktop_takes_the_open_option(files):
    from ui.main import parse_args

    assert parse_args(["--open", str(files["package"])]).open == files["package"]


class _Window:
    def __init__(self) -> None:
        self.imported: list[list[str]] = []

    def import_paths(self, paths):
        self.imported.append(paths)
        return []

    def open_feedback_file(self, path):
        self.imported.append(["feedback", path])


def _controller(tmp_path, mode: str) -> Controller:
    c = Controller(tmp_path / "vault")
    c.session = SimpleNamespace(mode=mode)
    c.window = _Window()
    return c


def test_a_package_starts_the_district_import(qapp, files, tmp_path, monkeypatch):
    monkeypatch.setattr(dialogs, "NO_DIALOGS", True)
    c = _controller(tmp_path, "district")
    c.act_on_file(files["package"])
    assert c.window.imported == [[str(files["package"])]]


def test_a_file_at_the_wrong_desk_is_named(qapp, files, tmp_path, monkeypatch):
    monkeypatch.setattr(dialogs, "NO_DIALOGS", True)
    c = _controller(tmp_path, "office")
    c.act_on_file(files["package"])
    assert c.window.imported == []
    kind, text = dialogs.shown[-1]
    assert kind == "error" and "am Schreibtisch des Landkreises" in text
    c = _controller(tmp_path, "district")
    c.act_on_file(files["receipt"])
    assert "in der Beratungsstelle" in dialogs.shown[-1][1]
    c.act_on_file(files["feedback"])
    assert c.window.imported == []
    assert "in der Beratungsstelle" in dialogs.shown[-1][1]


def test_a_feedback_file_starts_the_office_feedback_import(qapp, files, tmp_path, monkeypatch):
    """The whole way (read in, shown) with a real window: tests/ui/test_plan_feedback.py."""
    monkeypatch.setattr(dialogs, "NO_DIALOGS", True)
    c = _controller(tmp_path, "office")
    c.act_on_file(files["feedback"])
    c.act_on_file(files["old feedback"])
    assert c.window.imported == [
        ["feedback", files["feedback"]],
        ["feedback", files["old feedback"]],
    ]


def test_a_damaged_receipt_at_the_office_gives_the_receipt_refusal(
    qapp, files, tmp_path, monkeypatch
):
    monkeypatch.setattr(dialogs, "NO_DIALOGS", True)
    from tests.support.ui import make_office

    vault, session = make_office(tmp_path / "office", n_cases=0)
    try:
        c = Controller(tmp_path / "office")
        c.session, c.window = session, _Window()
        c.act_on_file(files["receipt"])
        kind, text = dialogs.shown[-1]
        assert kind == "error" and text  # the app's refusal of a file that is no receipt
    finally:
        session.close()
        vault.close()


def test_a_provisioning_file_opens_the_wizard_on_it(qapp, files, tmp_path, monkeypatch):
    monkeypatch.setattr(dialogs, "NO_DIALOGS", True)
    c = Controller(tmp_path / "new-vault", open_file=files["provisioning"])
    c.start()
    try:
        assert c.wizard is not None and c.wizard.provision_path == files["provisioning"]
    finally:
        c.wizard.close()
