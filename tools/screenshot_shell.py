"""Screenshots of the shell's dialogs for docs/screenshots (``python -m tools.screenshot_shell``).

Builds a throw-away vault in a temporary folder with cheap key derivation, opens the
wizard pages, the unlock dialog and the administration, and saves each with grab().
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def main(out: str = "docs/screenshots", language: str = "de") -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["FALLZAHL_NO_DIALOGS"] = "1"
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    import app.crypto.kdf
    from app.crypto.kdf import KdfParams
    from app.vault.vault import Vault
    from ui import i18n, refguard

    refguard.install()  # PySide6 6.12 on Python 3.11 loses references to None
    qt = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp(prefix="fallzahl-shots-"))
    os.environ["FALLZAHL_SETTINGS"] = str(tmp / "settings.ini")
    fast = KdfParams(memory_kib=1024, iterations=1, lanes=1)
    app.crypto.kdf.calibrate = lambda *a, **k: fast  # screenshots only: no real calibration
    i18n.install(language)
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    suffix = "" if language == "de" else f"_{language}"

    def save(widget, name: str) -> None:
        widget.show()
        qt.processEvents()
        widget.grab().save(str(target / f"{name}{suffix}.png"))

    from ui.wizard import SetupWizard

    wizard = SetupWizard(tmp / "vault")
    wizard.resize(720, 560)
    save(wizard, "wizard_0_kind")
    wizard.next()
    wizard.office_page.office_id.setText("HZ-QLB-01")
    wizard.office_page.office_name.setText("Beratungsstelle Quedlinburg")
    save(wizard, "wizard_1_office")
    wizard.next()
    wizard.lead_page.user.setText("AB")
    wizard.lead_page.fields.first.setText("Wolke Kaktus Treppe Geige")
    wizard.lead_page.fields.second.setText("Wolke Kaktus Treppe Geige")
    save(wizard, "wizard_2_lead")
    wizard.lead_page._created(app.crypto.kdf.new_recovery_key())  # show a sample key, no vault
    save(wizard, "wizard_3_recovery_key")
    wizard.next()
    save(wizard, "wizard_4_confirm")
    wizard.hide()

    # the district path, and an office from a provisioning file (signed with the demo key)
    district_wizard = SetupWizard(tmp / "district")
    district_wizard.resize(720, 560)
    district_wizard.kind_page.district.setChecked(True)
    district_wizard.show()  # a wizard starts (and can go on) once shown
    district_wizard.next()
    district_wizard.district_page.name.setText("Landkreis Harz")
    save(district_wizard, "wizard_district")
    district_wizard.hide()

    import datetime as dt

    from app.crypto import age
    from app.exchange import provisioning
    from app.office import info as office
    from app.scheme.trust import shipped_scheme, trusted_keys

    key = age.demo_district_signing_key()

    doc, sig = shipped_scheme()
    prov_file = tmp / "HZ-QLB-01.fallzahl-provisioning"
    prov_file.write_bytes(
        provisioning.make_provisioning(
            key,
            office_id="HZ-QLB-01",
            office_name="Beratungsstelle Quedlinburg",
            district_name="Landkreis Harz",
            district_ags="15085",
            recipients=[age.demo_district_recipient()],
            trust_anchors=trusted_keys(),
            scheme_doc=doc,
            scheme_sig=sig,
            policy=office.Policy(auto_lock_minutes=10),
            expires=dt.date.today() + dt.timedelta(days=90),
        )
    )
    prov_wizard = SetupWizard(tmp / "office2")
    prov_wizard.resize(720, 560)
    prov_wizard.show()
    prov_wizard.next()
    prov_wizard.use_provisioning(prov_file)
    save(prov_wizard, "wizard_provisioning")
    prov_wizard.hide()

    from ui.admin_dialog import AdminDialog
    from ui.unlock_dialog import RecoveryDialog, UnlockDialog

    vault, _key = Vault.create(tmp / "demo", user="leitung", passphrase="x" * 12, kdf=fast)
    session = vault.unlock("leitung", "x" * 12)
    session.add_user("berater1", "counsellor", "y" * 12)
    admin = AdminDialog(session)
    admin.resize(660, 440)
    save(admin, "admin_users")
    admin.tabs.setCurrentIndex(1)
    save(admin, "admin_policy")
    admin.tabs.setCurrentIndex(2)
    save(admin, "admin_backup")
    admin.hide()
    session.close()

    unlock = UnlockDialog(vault)
    unlock.show_error(
        QCoreApplication.translate("UnlockDialog", "Bitte geben Sie Ihre Passphrase ein.")
    )
    save(unlock, "unlock")
    recovery = RecoveryDialog(vault)
    save(recovery, "recovery_reset")
    vault.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
