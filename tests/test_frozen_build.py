"""The frozen-build smoke test: build the bundle with build.spec, run its --self-test.

Slow (about a minute): PyInstaller analyses and copies the whole program. Runs in CI.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("PyInstaller") is None,
        reason="pyinstaller is not installed (pip install -e '.[build]')",
    ),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="builds the Linux bundle"),
]
BUNDLE_LIMIT_MB = 150


def _size_mb(folder: Path) -> float:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files) / 2**20  # as du: symlinks count once


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(ROOT / "build.spec"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return work / "dist" / "fallzahl"


def _run(bundle: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "TMPDIR": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_RUNTIME_DIR": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
    }
    return subprocess.run(
        [str(bundle / args[0]), *args[1:]],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("program", ["fallzahl", "fallzahl-cli"])
def test_bundle_self_test_passes(bundle, tmp_path, program):
    result = _run(bundle, tmp_path, program, "--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == "", result.stderr
    checks = ("resources", "crypto", "vault", "records", "tally", "provisioning", "backup")
    for check in (*checks, "package", "qt"):
        assert f"ok   {check}:" in result.stdout, result.stdout
    assert result.stdout.rstrip().endswith("self-test passed")


def test_bundle_cli_runs_and_bundle_is_small(bundle, tmp_path):
    result = _run(bundle, tmp_path, "fallzahl-cli", "--help")
    assert result.returncode == 0, result.stderr
    assert "init" in result.stdout
    assert result.stderr == ""
    assert not list(bundle.rglob("*WebEngine*")), "WebEngine must not be bundled"
    assert not list(bundle.rglob("*Qt6Qml*")), "QML must not be bundled"
    assert _size_mb(bundle) < BUNDLE_LIMIT_MB


def _iss_folder(pattern: str) -> Path:
    """A folder below {app} named in packaging/windows/fallzahl.iss, as a relative path."""
    import re

    text = (ROOT / "packaging" / "windows" / "fallzahl.iss").read_text(encoding="utf-8")
    found = re.search(pattern, text)
    assert found, pattern
    return Path(*found.group(1).split("\\"))


def test_installer_trust_anchor_lands_where_the_bundle_reads(bundle, tmp_path):
    """Do what the installer's /TRUST does, on the real bundle layout: copy the district's
    key to the .iss's DestDir and delete the demo anchor at the .iss's path; the bundled
    program then trusts the district's key and no longer the demo key."""
    dest = _iss_folder(r'Source: "\{code:TrustFile\}"; DestDir: "\{app\}\\([^"]+)"')
    demo = _iss_folder(r"DeleteFile\(ExpandConstant\('\{app\}\\([^']+)'\)\)")
    assert (bundle / demo).is_file(), "the demo anchor is not where the installer deletes it"
    assert (bundle / demo).parent == bundle / dest
    # the district's key pair and a scheme signed with it, made at the "district"
    keys = tmp_path / "harz"
    scheme = tmp_path / "lk-harz-v1.json"
    scheme.write_bytes((ROOT / "resources" / "schemes" / "lk-harz-v1.json").read_bytes())
    for args in (["keygen", "--out", str(keys)], ["sign", str(scheme), "--key", f"{keys}.key"]):
        made = subprocess.run(
            [sys.executable, "-m", "app", "scheme", *args],
            cwd=ROOT, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert made.returncode == 0, made.stderr
    demo_bytes = (bundle / demo).read_bytes()
    anchor = bundle / dest / "harz.pub"
    try:
        anchor.write_bytes(Path(f"{keys}.pub").read_bytes())
        (bundle / demo).unlink()
        ours = _run(bundle, tmp_path, "fallzahl-cli", "scheme", "verify", str(scheme))
        assert ours.returncode == 0, ours.stderr
        shipped = ROOT / "resources" / "schemes" / "lk-harz-v1.json"
        theirs = _run(
            bundle, tmp_path, "fallzahl-cli", "--lang", "en", "scheme", "verify", str(shipped)
        )
        assert theirs.returncode == 1 and "trust" in theirs.stderr, theirs.stderr
    finally:
        anchor.unlink(missing_ok=True)
        (bundle / demo).write_bytes(demo_bytes)
