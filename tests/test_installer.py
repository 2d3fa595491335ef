"""Installer and desktop integration: where /TRUST puts the district's key, which file
associations the Windows installer takes, and the Linux MIME types (update-mime-database)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app import resources

ROOT = Path(__file__).resolve().parent.parent
ISS = (ROOT / "packaging/windows/fallzahl.iss").read_text(encoding="utf-8")
MIME = ROOT / "packaging/linux/fallzahl-mime.xml"
SMI = "{http://www.freedesktop.org/standards/shared-mime-info}"


def _registry() -> list[dict[str, str]]:
    rows = []
    text = ISS.split("[Registry]", 1)[1].split("\n[", 1)[0].replace("\\\n", "")
    for line in text.splitlines():
        if line.startswith("Root:"):
            rows.append(dict(re.findall(r'(\w+): ("[^"]*(?:""[^"]*)*"|[^;]+)', line)))
    return [{k: v.strip().strip('"') for k, v in r.items()} for r in rows]


def test_trust_anchor_goes_where_the_frozen_program_reads(monkeypatch, tmp_path):
    dest = re.search(r'Source: "\{code:TrustFile\}"; DestDir: "\{app\}\\([^"]+)"', ISS).group(1)
    demo = re.search(r"DeleteFile\(ExpandConstant\('\{app\}\\([^']+)'\)\)", ISS).group(1)
    app_dir = tmp_path / "Fallzahl"
    # PyInstaller 6 one-folder bundles unpack data below _internal (sys._MEIPASS)
    monkeypatch.setattr(sys, "_MEIPASS", str(app_dir / "_internal"), raising=False)
    assert resources.resource_path("trust") == app_dir.joinpath(*dest.split("\\"))
    assert resources.resource_path("trust", "district-demo.pub") == app_dir.joinpath(
        *demo.split("\\")
    )


def test_windows_associations_take_no_foreign_extension():
    rows = _registry()
    defaults = {
        r["Subkey"] for r in rows if r.get("ValueName") == "" and r["Subkey"].count("\\") == 2
    }
    # extensions whose default program the installer sets: only its own
    extensions = {s.rsplit("\\", 1)[1] for s in defaults if s.rsplit("\\", 1)[1].startswith(".")}
    assert extensions == {
        ".fallzahl-package", ".fallzahl-receipt", ".fallzahl-feedback", ".fallzahl-provisioning"
    }  # fmt: skip
    assert {
        e: r["ValueData"] for r in rows if (e := r["Subkey"].rsplit("\\", 1)[1]) in extensions
    } == {
        ".fallzahl-package": "Fallzahl.Package",
        ".fallzahl-receipt": "Fallzahl.Receipt",
        ".fallzahl-feedback": "Fallzahl.Feedback",
        ".fallzahl-provisioning": "Fallzahl.Provisioning",
    }
    # the names of earlier versions still open, without taking those extensions
    offered = {r["Subkey"] for r in rows if r["Subkey"].endswith("OpenWithProgids")}
    assert offered == {
        r"Software\Classes\.age\OpenWithProgids",
        r"Software\Classes\.receipt\OpenWithProgids",
        r"Software\Classes\.feedback\OpenWithProgids",
    }
    commands = [r for r in rows if r["Subkey"].endswith(r"shell\open\command")]
    assert len(commands) == 4 and all("%1" in r["ValueData"] for r in commands)


def test_desktop_entry_names_every_mime_type():
    types = {t.get("type") for t in ET.parse(MIME).getroot().iter(f"{SMI}mime-type")}
    desktop = (ROOT / "packaging/linux/fallzahl.desktop").read_text()
    listed = set(re.search(r"^MimeType=(.*)$", desktop, re.M).group(1).strip(";").split(";"))
    assert listed == types == {
        "application/x-fallzahl-package", "application/x-fallzahl-receipt",
        "application/x-fallzahl-feedback", "application/x-fallzahl-provisioning",
    }  # fmt: skip
    assert "Exec=fallzahl %f" in desktop


@pytest.mark.skipif(
    shutil.which("update-mime-database") is None, reason="shared-mime-info not installed"
)
def test_update_mime_database_takes_the_types(tmp_path):
    (tmp_path / "packages").mkdir()
    shutil.copy(MIME, tmp_path / "packages" / "fallzahl.xml")
    subprocess.run(["update-mime-database", str(tmp_path)], check=True, capture_output=True)
    globs = (tmp_path / "globs2").read_text()
    for line in ("80:application/x-fallzahl-package:*.fallzahl-package",
                 "80:application/x-fallzahl-package:*.fallzahl.age",  # earlier versions
                 "80:application/x-fallzahl-receipt:*.fallzahl-receipt",
                 "80:application/x-fallzahl-feedback:*.fallzahl-feedback",
                 "80:application/x-fallzahl-provisioning:*.fallzahl-provisioning"):  # fmt: skip
        assert line in globs, globs
    assert "*.receipt" not in globs  # other programs' receipts are not claimed
    assert "*.feedback" not in globs  # nor other programs' .feedback files
    assert not (tmp_path / "magic").exists() or b"fallzahl" not in (tmp_path / "magic").read_bytes()
