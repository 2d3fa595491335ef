"""First run for the district desk and from a provisioning file; the controller's windows."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWizard

from app import errors
from app.district import desk as district
from app.exchange import provisioning
from app.office import export, provision_setup
from app.office import info as office
from app.resources import resource_path
from app.scheme.trust import shipped_scheme, trusted_keys
from app.vault import store
from app.vault.vault import Vault
from ui import dialogs

pytestmark = pytest.mark.gui

STRONG = "Wolke Kaktus Treppe Geige"
DEMO_KEY = resource_path("demo", "district-demo.key").read_bytes()


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_box(qtbot, box) -> None:
    """Radio buttons and check boxes take clicks on their indicator and text only."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def next_button(wizard):
    return wizard.button(QWizard.WizardButton.NextButton)


def finish_key_pages(qtbot, wizard) -> str:
    """Recovery key shown, two groups typed back: the wizard is accepted."""
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=10_000)
    recovery = wizard.recovery
    assert "-".join(label.text() for label in wizard.recovery_page.group_labels) == recovery
    click(qtbot, next_button(wizard))
    a, b = wizard.confirm_groups
    groups = recovery.split("-")
    qtbot.keyClicks(wizard.confirm_page.first, groups[a - 1])
    qtbot.keyClicks(wizard.confirm_page.second, groups[b - 1])
    with qtbot.waitSignal(wizard.accepted):
        click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    return recovery


def enter_lead(qtbot, wizard, user: str) -> None:
    lead = wizard.lead_page
    assert wizard.currentPage() is lead
    qtbot.keyClicks(lead.user, user)
    qtbot.keyClicks(lead.fields.first, STRONG)
    qtbot.keyClicks(lead.fields.second, STRONG)
    assert lead.fields.bar.value() >= 3
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))


def test_district_wizard_then_unlock_shows_the_board(qtbot, vault_dir):
    from ui.controller import Controller
    from ui.district_window import DistrictWindow

    ctl = Controller(vault_dir, idle_msec=60_000)
    try:
        ctl.start()
        wizard = ctl.wizard
        qtbot.waitUntil(wizard.isVisible)
        click_box(qtbot, wizard.kind_page.district)
        click(qtbot, next_button(wizard))
        page = wizard.district_page
        assert wizard.currentPage() is page
        click(qtbot, next_button(wizard))  # no name yet
        assert wizard.currentPage() is page and "Namen des Landkreises" in page.message.text()
        qtbot.keyClicks(page.name, "Landkreis Harz")
        assert not page.demo.isChecked()  # own keys unless asked
        click(qtbot, next_button(wizard))
        assert wizard.lead_page.title() == "Erste Planerin oder erster Planer"
        enter_lead(qtbot, wizard, "planung")
        recovery = finish_key_pages(qtbot, wizard)
        assert keys_normal(recovery)

        # the controller goes on to unlock; a district vault opens the district desk
        qtbot.waitUntil(lambda: ctl.unlock_dialog is not None and ctl.unlock_dialog.isVisible())
        qtbot.keyClicks(ctl.unlock_dialog.passphrase, STRONG)
        with qtbot.waitSignal(ctl.unlocked, timeout=10_000):
            qtbot.keyClick(ctl.unlock_dialog.passphrase, Qt.Key.Key_Return)
        window = ctl.window
        assert isinstance(window, DistrictWindow) and window.isVisible()
        info = district.district_info(ctl.session)
        assert info.name == "Landkreis Harz" and not info.demo
        assert window.model.columnCount() >= 1 and window.summary.text()
        # locking works for the district desk too
        with qtbot.waitSignal(ctl.locked):
            window.lock_requested.emit()
        assert ctl.window is None and window.model.rowCount() == 0
        assert ctl.unlock_dialog.isVisible()
    finally:
        ctl.shutdown()


def keys_normal(recovery: str) -> bool:
    from app.crypto import kdf as keys

    return keys.normalize_recovery_key(recovery) == recovery


def test_district_wizard_with_demo_keys(qtbot, vault_dir):
    from ui.wizard import SetupWizard

    wizard = SetupWizard(vault_dir)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.kind_page.district.setChecked(True)
    click(qtbot, next_button(wizard))
    qtbot.keyClicks(wizard.district_page.name, "Landkreis Harz")
    click_box(qtbot, wizard.district_page.demo)
    click(qtbot, next_button(wizard))
    enter_lead(qtbot, wizard, "planung")
    finish_key_pages(qtbot, wizard)
    vault = Vault(vault_dir)
    try:
        assert vault.mode == "district"
        session = vault.unlock("planung", STRONG)
        try:
            assert district.district_info(session).demo
            assert district.signing_key(session) == DEMO_KEY
        finally:
            session.close()
    finally:
        vault.close()


def _provisioning(key: bytes = DEMO_KEY, **kw) -> bytes:
    doc, sig = shipped_scheme()
    values = dict(
        office_id="HZ-QLB-01",
        office_name="Beratungsstelle Quedlinburg",
        district_name="Landkreis Harz",
        district_ags="15085",
        recipients=[_recipient()],
        trust_anchors=trusted_keys(),
        scheme_doc=doc,
        scheme_sig=sig,
        policy=office.Policy(auto_lock_minutes=9),
        expires=dt.date.today() + dt.timedelta(days=30),
    )
    values.update(kw)
    return provisioning.make_provisioning(key, **values)


def _recipient() -> str:
    from app.crypto import age

    return age.recipient_of(age.demo_district_identity())


def _tampered(data: bytes) -> bytes:
    import base64
    import json

    env = json.loads(data)
    body = base64.b64decode(env["document"]).replace(b"Quedlinburg", b"Quedlinburx")
    env["document"] = base64.b64encode(body).decode()
    return json.dumps(env).encode()


def _unsigned(data: bytes) -> bytes:
    import json

    env = json.loads(data)
    del env["signature"]
    return json.dumps(env).encode()


def test_office_from_provisioning_file_refusals_then_a_good_one(
    qtbot, vault_dir, tmp_path, monkeypatch
):
    from ui.wizard import SetupWizard

    good = _provisioning()
    files = {
        "unsigned": (_unsigned(good), errors.ProvisioningUnsigned),
        "tampered": (_tampered(good), errors.ProvisioningBadSignature),
        "other": (_provisioning(district_ags="15003"), errors.ProvisioningOtherDistrict),
        "expired": (
            _provisioning(expires=dt.date.today() - dt.timedelta(days=1)),
            errors.ProvisioningExpired,
        ),
    }
    for name, (data, _why) in files.items():
        (tmp_path / f"{name}.fallzahl-provisioning").write_bytes(data)
    # the installer's folder holds the good one
    installed = tmp_path / "programdata"
    installed.mkdir()
    (installed / "HZ-QLB-01.fallzahl-provisioning").write_bytes(good)
    monkeypatch.setenv("FALLZAHL_PROVISIONING_DIR", str(installed))

    wizard = SetupWizard(vault_dir)
    qtbot.addWidget(wizard)
    wizard.show()
    click(qtbot, next_button(wizard))
    office_page = wizard.office_page
    assert office_page.found_button.isVisible()
    assert "HZ-QLB-01.fallzahl-provisioning" in office_page.found_label.text()

    dialogs.answers.append(str(tmp_path / "unsigned.fallzahl-provisioning"))
    click(qtbot, office_page.provision_button)
    page = wizard.provision_page
    assert wizard.currentPage() is page
    for name, (_data, why) in files.items():
        if name != "unsigned":
            dialogs.answers.append(str(tmp_path / f"{name}.fallzahl-provisioning"))
            click(qtbot, page.other_button)
        assert page.prov is None and page.message.isVisible(), name
        with pytest.raises(why) as refused:
            provision_setup.read_provisioning(tmp_path / f"{name}.fallzahl-provisioning")
        assert page.message.text().startswith(refused.value.message("de")), name
        assert "andere Datei" in page.message.text()
        assert not next_button(wizard).isEnabled()
        assert page.office_id.text() == "–"

    dialogs.answers.append(str(installed / "HZ-QLB-01.fallzahl-provisioning"))
    click(qtbot, page.other_button)
    assert page.prov is not None and not page.message.isVisible()
    assert page.office_id.text() == "HZ-QLB-01"
    assert page.office_name.text() == "Beratungsstelle Quedlinburg"
    assert page.district.text() == "Landkreis Harz (15085)"
    assert "9 Minuten" in page.details.text()
    assert next_button(wizard).isEnabled()
    click(qtbot, next_button(wizard))
    enter_lead(qtbot, wizard, "AB")
    finish_key_pages(qtbot, wizard)

    vault = Vault(vault_dir)
    try:
        session = vault.unlock("AB", STRONG)
        try:
            info = office.office_info(session)
            assert (info.office_id, info.name, info.district) == (
                "HZ-QLB-01",
                "Beratungsstelle Quedlinburg",
                "Landkreis Harz",
            )
            assert office.policy(session).auto_lock_minutes == 9
            assert export.district_recipients(session) == [_recipient()]
        finally:
            session.close()
    finally:
        vault.close()


def test_back_from_provisioning_returns_to_typing(qtbot, vault_dir, tmp_path, monkeypatch):
    from ui.wizard import SetupWizard

    monkeypatch.setenv("FALLZAHL_PROVISIONING_DIR", str(tmp_path / "none"))
    path = tmp_path / "p.fallzahl-provisioning"
    path.write_bytes(_provisioning())
    wizard = SetupWizard(vault_dir)
    qtbot.addWidget(wizard)
    wizard.show()
    click(qtbot, next_button(wizard))
    assert not wizard.office_page.found_button.isVisible()
    dialogs.answers.append(str(path))
    click(qtbot, wizard.office_page.provision_button)
    assert wizard.currentPage() is wizard.provision_page
    click(qtbot, wizard.button(QWizard.WizardButton.BackButton))
    assert wizard.currentPage() is wizard.office_page and wizard.provision_path is None
    click(qtbot, next_button(wizard))  # typed path again: id and name are required
    assert wizard.currentPage() is wizard.office_page
    assert not (vault_dir / store.DB_NAME).exists()


def test_a_set_up_failing_midway_leaves_no_vault_and_is_offered_again(
    qtbot, vault_dir, tmp_path, monkeypatch
):
    """The disk fills while the provisioning file is applied: the lead page says so, no
    vault is left, and the same page sets up a complete one when tried again."""
    from ui.wizard import SetupWizard

    monkeypatch.setenv("FALLZAHL_PROVISIONING_DIR", str(tmp_path / "none"))
    path = tmp_path / "p.fallzahl-provisioning"
    path.write_bytes(_provisioning())
    full = errors.DiskFull("Der Datenträger ist voll.", "The disk is full.")

    def disk_full(*_args, **_kw):
        raise full

    set_policy = office.set_policy
    monkeypatch.setattr("app.office.info.set_policy", disk_full)
    wizard = SetupWizard(vault_dir)
    qtbot.addWidget(wizard)
    wizard.show()
    click(qtbot, next_button(wizard))
    dialogs.answers.append(str(path))
    click(qtbot, wizard.office_page.provision_button)
    click(qtbot, next_button(wizard))
    enter_lead(qtbot, wizard, "AB")
    lead = wizard.lead_page
    qtbot.waitUntil(lambda: lead.task is None and lead.message.isVisible(), timeout=10_000)
    assert lead.message.text().startswith("Der Datenträger ist voll.")
    assert wizard.currentPage() is lead and not lead.created
    assert not store.holds_vault(vault_dir) and not vault_dir.exists()

    monkeypatch.setattr("app.office.info.set_policy", set_policy)
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
    finish_key_pages(qtbot, wizard)
    vault = Vault(vault_dir)
    try:
        session = vault.unlock("AB", STRONG)
        try:
            assert office.policy(session).auto_lock_minutes == 9
            assert office.PROVISIONED.read(session).office_id == "HZ-QLB-01"
        finally:
            session.close()
    finally:
        vault.close()
