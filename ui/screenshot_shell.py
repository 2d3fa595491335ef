"""Screenshots of the shell's dialogs for docs/screenshots (``python -m ui.screenshot_shell``).

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

    import app.keys
    from app.keys import KdfParams
    from app.vault import Vault
    from ui import i18n

    qt = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp(prefix="fallzahl-shots-"))
    os.environ["FALLZAHL_SETTINGS"] = str(tmp / "settings.ini")
    fast = KdfParams(memory_kib=1024, iterations=1, lanes=1)
    app.keys.calibrate = lambda *a, **k: fast  # screenshots only: no real calibration
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
    wizard.office_page.office_id.setText("HZ-QLB-01")
    wizard.office_page.office_name.setText("Beratungsstelle Quedlinburg")
    save(wizard, "wizard_1_office")
    wizard.next()
    wizard.lead_page.user.setText("AB")
    wizard.lead_page.fields.first.setText("Wolke Kaktus Treppe Geige")
    wizard.lead_page.fields.second.setText("Wolke Kaktus Treppe Geige")
    save(wizard, "wizard_2_lead")
    wizard.lead_page._created(app.keys.new_recovery_key())  # show a sample key, no vault
    save(wizard, "wizard_3_recovery_key")
    wizard.next()
    save(wizard, "wizard_4_confirm")
    wizard.hide()

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
