"""The desktop program's entry point: ``python -m app`` without a verb lands here."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import app
from app.cli.main import default_vault_dir
from app.errors import FallzahlError


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="fallzahl", description="Fallzahl desktop")
    parser.add_argument("--vault", type=Path, default=None, help="the vault folder")
    parser.add_argument("--lang", choices=("de", "en"), default=None, help="UI language")
    parser.add_argument(
        "--open", type=Path, default=None, metavar="FILE",
        help="a package, receipt or provisioning file to act on (from the file manager)",
    )  # fmt: skip
    args, _qt_args = parser.parse_known_args(argv)
    if args.vault is None:
        args.vault = default_vault_dir()
    return args


def vault_in_use(folder: Path) -> FallzahlError | None:
    """The refusal (naming the holder) if another process has the vault open."""
    from app.vault.lock import in_use

    return in_use(folder)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = parse_args(argv)

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from app.resources import resource_path
    from ui import crash, dialogs, i18n, refguard

    refguard.install()  # before the first Qt call: PySide6 6.12 loses references to None
    qt_app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "fallzahl"])
    QApplication.setApplicationName("Fallzahl")
    QApplication.setOrganizationName("Fallzahl")
    QApplication.setApplicationVersion(app.__version__)
    QApplication.setApplicationDisplayName("Fallzahl")
    qt_app.setWindowIcon(QIcon(str(resource_path("icons", "fallzahl.svg"))))
    crash.install()
    from ui import settings

    settings.use_vault(args.vault)  # language, last user, geometry: this vault's own
    i18n.install(i18n.preferred(args.lang))

    held = vault_in_use(args.vault)
    if held is not None:
        dialogs.error(None, held)
        return 1

    from ui.controller import Controller

    controller = Controller(args.vault, open_file=args.open)
    # queued: a quit decided before exec() starts must still end the event loop
    controller.finished.connect(qt_app.quit, Qt.ConnectionType.QueuedConnection)
    controller.start()
    return qt_app.exec()
