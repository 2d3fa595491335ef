"""The Windows installer for real on Linux: Inno Setup's ISCC and the setup it makes, under wine.

ISCC.exe is a 32-bit Windows program (the npm package ``innosetup`` ships it), so wine needs
its 32-bit part (Debian: ``wine``, ``wine64`` and ``wine32:i386``). Setup builds its wizard
window even when silent, so it runs under Xvfb. .ci/run installs all of it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "packaging" / "windows" / "fallzahl.iss"
ISCC_VERSION = "6.4.1"  # the npm package .ci/run installs (keep the two in step)
GLOBAL_NODE_MODULES = ("/usr/lib/node_modules", "/usr/local/lib/node_modules")
# where distributions put wine's libraries (Debian, Fedora, WineHQ's packages)
WINE_LIBS = ("/usr/lib/i386-linux-gnu/wine", "/usr/lib/wine", "/opt/wine-stable/lib/wine")


def iscc() -> Path | None:
    """ISCC.exe: $FALLZAHL_ISCC, or the npm package ``innosetup`` installed globally."""
    named = os.environ.get("FALLZAHL_ISCC")
    if named:
        return Path(named) if Path(named).is_file() else None
    for root in GLOBAL_NODE_MODULES:  # npm's usual global folders, before asking npm (slow)
        if (found := Path(root, "innosetup", "bin", "ISCC.exe")).is_file():
            return found
    npm = shutil.which("npm")
    if npm is None:
        return None
    root = subprocess.run([npm, "root", "-g"], capture_output=True, text=True, timeout=60)
    found = Path(root.stdout.strip()) / "innosetup" / "bin" / "ISCC.exe"
    return found if root.returncode == 0 and found.is_file() else None


@cache
def missing_tools() -> str | None:
    """Why the installer cannot be built and run here, or None when it can."""
    if shutil.which("wine") is None:
        return "wine is not installed (apt-get install wine wine64 wine32:i386)"
    if not any(Path(p, "i386-unix", "ntdll.so").is_file() for p in WINE_LIBS):
        return "wine has no 32-bit part for ISCC.exe (apt-get install wine32:i386)"
    if iscc() is None:
        return f"ISCC.exe not found (npm install -g innosetup@{ISCC_VERSION} or FALLZAHL_ISCC)"
    if shutil.which("xvfb-run") is None:
        return "xvfb-run is not installed (setup.exe builds its window even when silent)"
    return None


class Wine:
    """One wine prefix (a Windows installation in a folder) for one test module."""

    def __init__(self, prefix: Path) -> None:
        self.prefix = prefix
        self.env = {
            **os.environ,
            "WINEPREFIX": str(prefix),
            "WINEARCH": "win64",
            "WINEDEBUG": "-all",
            # no Mono or Gecko installer dialogs while the prefix is created
            "WINEDLLOVERRIDES": "mscoree,mshtml=",
        }
        boot = subprocess.run(
            ["wineboot", "--init"], env=self.env, capture_output=True, text=True, timeout=300
        )
        if boot.returncode != 0:
            raise RuntimeError(f"wineboot failed: {boot.stderr[-2000:]}")
        self.wait()

    def wait(self) -> None:
        """Until this prefix's wineserver has ended (registry and files written)."""
        subprocess.run(["wineserver", "--wait"], env=self.env, timeout=300, check=False)

    def close(self) -> None:
        subprocess.run(["wineserver", "--kill"], env=self.env, timeout=60, check=False)

    def local_app_data(self) -> Path:
        """%LOCALAPPDATA% of the prefix's user, where Fallzahl keeps vaults (platformdirs)."""
        (folder,) = (self.prefix / "drive_c" / "users").glob("*/AppData/Local")
        return folder

    def windows_path(self, path: Path) -> str:
        """A Linux path as wine's Z: drive sees it."""
        return "Z:" + str(path.resolve()).replace("/", "\\")

    def linux_path(self, windows: str) -> Path:
        """A C:\\ path of this prefix as a Linux path."""
        drive, rest = windows.split(":", 1)
        assert drive.upper() == "C", windows
        return self.prefix / "drive_c" / Path(*[p for p in rest.split("\\") if p])

    def compile(self, out: Path, **defines: str) -> subprocess.CompletedProcess[str]:
        """ISCC on packaging/windows/fallzahl.iss (/D NAME=VALUE each), output into ``out``."""
        args = [f"/D{k}={v}" for k, v in defines.items()]
        return subprocess.run(
            ["wine", str(iscc()), *args, f"/O{self.windows_path(out)}", ISS.name],
            cwd=ISS.parent, env=self.env, capture_output=True, text=True, timeout=900,
        )  # fmt: skip

    def run_setup(self, setup: Path, *args: str) -> subprocess.CompletedProcess[str]:
        """The setup program silently (no message boxes, no reboot), with ``args``."""
        done = subprocess.run(
            ["xvfb-run", "--auto-servernum", "wine", str(setup), "/VERYSILENT",
             "/SUPPRESSMSGBOXES", "/NORESTART", *args],
            env=self.env, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        self.wait()
        return done

    def machine_registry(self) -> dict[str, dict[str, str]]:
        """HKEY_LOCAL_MACHINE as wine saved it (system.reg): key -> {value name: text}.

        Keys are lower-case paths below HKLM; "" names a key's default value; only string
        values are decoded (others keep their raw text).
        """
        self.wait()
        keys: dict[str, dict[str, str]] = {}
        values: dict[str, str] = {}
        text = (self.prefix / "system.reg").read_text(encoding="ascii", errors="replace")
        for line in text.splitlines():
            if line.startswith("["):
                name = line[1 : line.rindex("]")]
                values = keys.setdefault(_unescape(name).lower(), {})
            elif line.startswith(("@=", '"')):
                m = _VALUE.match(line)
                if m:
                    name = "" if m.group(1) == "@" else _unescape(m.group(1)[1:-1])
                    raw = m.group(2)
                    values[name] = _unescape(raw[1:-1]) if raw.startswith('"') else raw
        return keys


_VALUE = re.compile(r'^(@|"(?:[^"\\]|\\.)*")=(.*)$')
_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{1,4}|.)")


def _unescape(text: str) -> str:
    """A wine .reg string without its escapes (\\\\, \\", \\xHHHH)."""

    def one(m: re.Match[str]) -> str:
        code = m.group(1)
        return chr(int(code[1:], 16)) if code[0] == "x" and len(code) > 1 else code

    return _ESCAPE.sub(one, text)


def stand_in_bundle(folder: Path) -> Path:
    """A tree in the Windows bundle's layout, for ISCC to pack.

    build.spec collects resources/ as ``resources`` and PyInstaller 6 puts data below the
    contents folder ``_internal`` beside the executables, on Windows as on Linux
    (tests/test_frozen_build.py checks this on the real bundle). The executables are
    stand-ins: nothing here runs them.
    """
    folder.mkdir(parents=True)
    shutil.copytree(
        ROOT / "resources",
        folder / "_internal" / "resources",
        ignore=shutil.ignore_patterns("*.ts"),
    )
    for exe in ("fallzahl.exe", "fallzahl-cli.exe"):
        (folder / exe).write_bytes(b"MZ stand-in for the PyInstaller executable\n")
    return folder


def windows_layout(linux_bundle: Path, folder: Path) -> Path:
    """The real Linux bundle in the Windows bundle's layout, for ISCC to pack.

    The same ``_internal`` folder (PyInstaller 6's contents folder on every platform); the
    executables named as on Windows, ``fallzahl.exe`` and ``fallzahl-cli.exe`` (Linux ELF
    files still, so the installed tree runs here). Files are hard links where possible.
    """
    folder.mkdir(parents=True)
    shutil.copytree(
        linux_bundle / "_internal", folder / "_internal", symlinks=True, copy_function=_link
    )
    for exe in ("fallzahl.exe", "fallzahl-cli.exe"):
        _link(linux_bundle / "fallzahl", folder / exe)
    return folder


def _link(source: Path | str, target: Path | str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
