"""An installed program's resources in a temp folder, as the frozen program reads them.

PyInstaller 6 bundles unpack data below ``_internal`` (``sys._MEIPASS``, app/resources.py);
``installed(...)`` copies resources/ there and points ``sys._MEIPASS`` at it, so a test can
do to the trust folder or a shipped file what the installer's /TRUST (or a damaged disk)
does, without touching the checkout.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from app.crypto import signing

ROOT = Path(__file__).resolve().parents[2]


def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of resources/ as an installed program's; returns that resources folder."""
    internal = tmp_path / "Fallzahl" / "_internal"
    shutil.copytree(ROOT / "resources", internal / "resources")
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)
    return internal / "resources"


def trust_district_key(resources: Path) -> tuple[bytes, bytes]:
    """What setup.exe /TRUST=harz.pub does: the district's key in, the demo anchor out.
    Returns the district's (secret, public) key files."""
    secret, public = signing.generate_keypair("harz district")
    (resources / "trust" / "harz.pub").write_bytes(public)
    (resources / "trust" / "district-demo.pub").unlink()
    return secret, public
