"""First start after an installer /TRUST install: only the district's key is trusted.

The set-up wizard says at once that the district's provisioning file is needed, refuses
the typed path (the shipped scheme is demo-signed and not valid here) without creating
anything, and sets the office up from a district-signed provisioning file.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from app.crypto import age, signing
from app.exchange import provisioning
from app.scheme.store import stored_scheme
from app.vault.vault import Vault
from tests.support.trust_install import installed, trust_district_key
from ui import dialogs

pytestmark = pytest.mark.gui

STRONG = "Wolke Kaktus Treppe Geige"


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def next_button(wizard):
    return wizard.button(QWizard.WizardButton.NextButton)


def test_wizard_after_trust_install_asks_for_the_provisioning_file(
    qtbot, vault_dir, tmp_path, monkeypatch
):
    from ui.wizard import SetupWizard

    resources = installed(tmp_path, monkeypatch)
    secret, public = trust_district_key(resources)
    kid = signing.key_id(public)
    monkeypatch.setenv("FALLZAHL_PROVISIONING_DIR", str(tmp_path / "none"))
    doc = resources.joinpath("schemes", "lk-harz-v1.json").read_bytes()
    prov = tmp_path / "HZ-QLB-01.fallzahl-provisioning"
    prov.write_bytes(
        provisioning.make_provisioning(
            secret,
            office_id="HZ-QLB-01",
            office_name="Beratungsstelle Quedlinburg",
            district_name="Landkreis Harz",
            district_ags="15085",
            recipients=[age.new_identity()[1]],
            trust_anchors=[public],
            scheme_doc=doc,
            scheme_sig=signing.sign(doc, secret),
            expires=dt.date.today() + dt.timedelta(days=30),
        )
    )

    wizard = SetupWizard(vault_dir)
    qtbot.addWidget(wizard)
    wizard.show()
    click(qtbot, next_button(wizard))
    page = wizard.office_page
    assert wizard.currentPage() is page
    assert page.message.isVisible()
    assert "Schlüssel des Landkreises installiert" in page.message.text()
    assert kid in page.message.text() and "Bereitstellungsdatei" in page.message.text()

    qtbot.keyClicks(page.office_id, "HZ-QLB-01")
    qtbot.keyClicks(page.office_name, "Beratungsstelle Quedlinburg")
    page.message.clear()
    click(qtbot, next_button(wizard))
    assert wizard.currentPage() is page  # the typed path is refused, nothing created
    assert "init --provisioning DATEI" in page.message.text()
    assert not vault_dir.exists()

    dialogs.answers.append(str(prov))
    click(qtbot, page.provision_button)
    assert wizard.currentPage() is wizard.provision_page
    assert wizard.provision_page.prov is not None, wizard.provision_page.message.text()
    click(qtbot, next_button(wizard))
    lead = wizard.lead_page
    assert wizard.currentPage() is lead
    qtbot.keyClicks(lead.user, "AB")
    qtbot.keyClicks(lead.fields.first, STRONG)
    qtbot.keyClicks(lead.fields.second, STRONG)
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=30_000)

    vault = Vault(vault_dir)
    try:
        session = vault.unlock("AB", STRONG)
        try:
            assert session.scheme.version == 1
            assert signing.signature_key_id(stored_scheme(session)[1]) == kid
        finally:
            session.close()
    finally:
        vault.close()
