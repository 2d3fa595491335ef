"""The frozen-build test: build the Linux bundle with build.spec, check what is in it, run it.

Slow (a few minutes: PyInstaller analyses and copies the whole program). Runs in CI. To
check a bundle built already, point FALLZAHL_TEST_BUNDLE at its folder (dist/fallzahl).

What it proves: the file list matches packaging/linux/bundle-allowlist.txt and stays within
its size budget (so a build machine with more system libraries or Python packages installed
gives the same bundle); nothing in the bundle links to a library that is neither in the
bundle nor one the target system provides (packaging/linux/system-libraries.txt), nor to
GTK; the one Python archive holds every module of app/ and ui/; both names pass
``--self-test`` with the library path pointing only into the bundle, loading nothing from the
system outside that list; the xcb platform plugin shows the window against the
system's X libraries (under Xvfb, when xvfb-run is installed); and the Windows installer,
compiled with ISCC under wine around this bundle laid out as on Windows, installs a tree
that passes the self-test and, with /TRUST, trusts the district's key instead of the demo's
and still passes the self-test (saying so), refusing an office set up by hand.
"""

from __future__ import annotations

import fnmatch
import importlib.util
import os
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import inno

ROOT = Path(__file__).resolve().parent.parent
ALLOWLIST = ROOT / "packaging" / "linux" / "bundle-allowlist.txt"
SYSTEM_LIBRARIES = ROOT / "packaging" / "linux" / "system-libraries.txt"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("PyInstaller") is None,
        reason="pyinstaller is not installed (pip install -e '.[build]')",
    ),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="builds the Linux bundle"),
]
# GTK and the libraries only its stack brings: nothing in the bundle may link or load them
GTK_STACK = ("libgtk-*", "libgdk-*", "libgdk_pixbuf-*", "libpango*", "libcairo*", "libatk-*")


def _patterns(path: Path) -> list[str]:
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def _allowlist() -> tuple[list[str], int]:
    """(path patterns, size budget in bytes) from the checked-in allowlist."""
    patterns, budget = [], 0
    for line in _patterns(ALLOWLIST):
        if line.startswith("budget-mib "):
            budget = int(line.split()[1]) * 2**20
        else:
            patterns.append(line)
    assert budget > 0, f"{ALLOWLIST} names no budget-mib"
    return patterns, budget


def _system_library(name: str) -> bool:
    return any(fnmatch.fnmatchcase(name, p) for p in _patterns(SYSTEM_LIBRARIES))


def _gtk(name: str) -> bool:
    return any(fnmatch.fnmatchcase(name, p) for p in GTK_STACK)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    prebuilt = os.environ.get("FALLZAHL_TEST_BUNDLE")
    if prebuilt:
        return Path(prebuilt)
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
        timeout=1200,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return work / "dist" / "fallzahl"


def _files(bundle: Path) -> dict[str, int]:
    """Every file and link below the bundle as a relative path -> size (0 for a link)."""
    found = {}
    for path in bundle.rglob("*"):
        if path.is_symlink() or path.is_file():
            size = 0 if path.is_symlink() else path.stat().st_size
            found[path.relative_to(bundle).as_posix()] = size
    return found


def _elf_files(bundle: Path) -> list[Path]:
    elves = []
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    elves.append(path)
    return elves


def _needed(path: Path) -> list[str]:
    """DT_NEEDED of one ELF file (objdump: PyInstaller needs it on Linux anyway)."""
    out = subprocess.run(
        ["objdump", "-p", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return [line.split()[1] for line in out.splitlines() if line.strip().startswith("NEEDED")]


def _env(bundle: Path, tmp_path: Path, **extra: str) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "TMPDIR": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_RUNTIME_DIR": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
        # the bundle's own folder and nothing else: the rest must come from the system
        "LD_LIBRARY_PATH": str(bundle / "_internal"),
        **extra,
    }


def _run(bundle: Path, tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bundle / args[0]), *args[1:]],
        env=_env(bundle, tmp_path, **env),
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_bundle_files_match_the_allowlist_and_budget(bundle):
    patterns, budget = _allowlist()
    files = _files(bundle)
    unlisted = sorted(f for f in files if not any(fnmatch.fnmatchcase(f, p) for p in patterns))
    listing = "\n".join(f"  {f} ({files[f]:,} bytes)" for f in unlisted)
    assert not unlisted, f"not in {ALLOWLIST.relative_to(ROOT)}:\n{listing}"
    unused = [p for p in patterns if not any(fnmatch.fnmatchcase(f, p) for f in files)]
    assert not unused, f"allowlist lines that match nothing in the bundle: {unused}"
    total = sum(files.values())
    largest = sorted(files.items(), key=lambda item: -item[1])[:15]
    assert total <= budget, f"{total / 2**20:.1f} MiB > {budget / 2**20:.0f} MiB:\n" + "\n".join(
        f"  {size / 2**20:6.1f} MiB  {name}" for name, size in largest
    )


def test_one_archive_holds_every_module_of_app_and_ui(bundle):
    from PyInstaller.archive.readers import CArchiveReader

    cli = bundle / "fallzahl-cli"
    assert cli.is_symlink() and os.readlink(cli) == "fallzahl", "fallzahl-cli links to fallzahl"
    programs = [p.name for p in bundle.iterdir() if p.is_file() and not p.is_symlink()]
    assert programs == ["fallzahl"], programs
    archive = CArchiveReader(str(bundle / "fallzahl")).open_embedded_archive("PYZ.pyz")
    bundled = set(archive.toc)
    for package in ("app", "ui"):
        source = {
            info.name for info in pkgutil.walk_packages([str(ROOT / package)], prefix=f"{package}.")
        }
        assert len(source) > 10, source
        missing = sorted(source - bundled)
        assert not missing, f"modules of {package}/ missing from the bundle: {missing}"


def test_bundle_links_only_to_itself_and_the_system_list(bundle):
    elves = _elf_files(bundle)
    assert len(elves) > 50, [e.name for e in elves]
    carried = {Path(f).name for f in _files(bundle)}
    shadowing = sorted(name for name in carried if _system_library(name))
    assert not shadowing, f"the bundle carries libraries of the target system: {shadowing}"
    unknown, gtk = set(), set()
    for elf in elves:
        for name in _needed(elf):
            if _gtk(name):
                gtk.add(f"{elf.relative_to(bundle)} -> {name}")
            if name not in carried and not _system_library(name):
                unknown.add(f"{elf.relative_to(bundle)} -> {name}")
    assert not gtk, f"linked to GTK: {sorted(gtk)}"
    assert not unknown, (
        "linked to libraries neither in the bundle nor in "
        f"{SYSTEM_LIBRARIES.relative_to(ROOT)}: {sorted(unknown)}"
    )


@pytest.mark.parametrize("program", ["fallzahl", "fallzahl-cli"])
def test_bundle_self_test_passes(bundle, tmp_path, program):
    result = _run(bundle, tmp_path, program, "--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == "", result.stderr
    checks = ("resources", "trust", "crypto", "vault", "records", "tally", "provisioning")
    for check in (*checks, "backup", "package", "qt"):
        assert f"ok   {check}:" in result.stdout, result.stdout
    assert result.stdout.rstrip().endswith("self-test passed")
    assert "ok   trust: demo anchor" in result.stdout, result.stdout


def _assert_self_test_passes_on_the_district_key(installed: Path, tmp_path: Path, key: Path):
    """After /TRUST the installed program's self-test passes and says the district's key is
    what is trusted (docs/it-guide.md); a hand-made office is refused with what to do."""
    from app.crypto import signing

    checked = _run(installed, tmp_path, _cli(installed), "--self-test")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.rstrip().endswith("self-test passed"), checked.stdout
    kid = signing.key_id(key.read_bytes())
    assert f"ok   trust: district key {kid} installed, demo anchor removed" in checked.stdout
    init = _run(
        installed,
        tmp_path,
        _cli(installed),
        "--lang",
        "en",
        "--vault",
        str(tmp_path / "hand-made"),
        "--user",
        "leitung",
        "init",
        "--office-id",
        "HZ-QLB-01",
        "--office-name",
        "Quedlinburg",
        FALLZAHL_PASSPHRASE="Wolke Kaktus Treppe Geige",
    )
    assert init.returncode == 1, init.stdout + init.stderr
    assert "district's provisioning file" in init.stderr and "Traceback" not in init.stderr
    assert not (tmp_path / "hand-made").exists()


def _cli(installed: Path) -> str:
    return "fallzahl-cli.exe" if (installed / "fallzahl-cli.exe").exists() else "fallzahl-cli"


def test_self_test_loads_from_the_system_only_what_the_list_names(bundle, tmp_path):
    trace = tmp_path / "ld"
    result = _run(
        bundle, tmp_path, "fallzahl", "--self-test", LD_DEBUG="files", LD_DEBUG_OUTPUT=str(trace)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    loaded = set()
    for log in tmp_path.glob("ld.*"):
        for line in log.read_text(errors="replace").splitlines():
            if "calling init:" in line:
                loaded.add(line.rsplit("calling init:", 1)[1].strip())
    inside = str(bundle.resolve()) + os.sep
    outside = sorted(p for p in loaded if not str(Path(p).resolve()).startswith(inside))
    assert len(loaded) > len(outside) > 0, sorted(loaded)
    assert not [p for p in outside if _gtk(Path(p).name)], outside
    unlisted = [p for p in outside if "/gconv/" not in p and not _system_library(Path(p).name)]
    assert not unlisted, f"loaded from the system but not in the list: {unlisted}"


def test_cli_verbs_answer_on_the_console(bundle, tmp_path):
    result = _run(bundle, tmp_path, "fallzahl-cli", "--help")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""
    for verb in ("init", "check", "backup", "restore", "export", "district"):
        assert f"    {verb} " in result.stdout, result.stdout
    bare = _run(bundle, tmp_path, "fallzahl-cli")
    assert bare.returncode == 2 and "usage:" in bare.stderr, bare.stdout + bare.stderr
    # the desktop name takes the verbs too (app/__main__.py)
    verb = _run(bundle, tmp_path, "fallzahl", "--help")
    assert verb.returncode == 0 and "close-period" in verb.stdout, verb.stdout + verb.stderr


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")
def test_xcb_platform_shows_the_window_against_the_system_x_libraries(bundle, tmp_path):
    plugin = bundle / "_internal" / "PySide6" / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    ldd = subprocess.run(
        ["ldd", str(plugin)],
        env=_env(bundle, tmp_path),
        capture_output=True,
        text=True,
        check=True,
    )
    missing = [line.split()[0] for line in ldd.stdout.splitlines() if "not found" in line]
    if missing:  # the target system's part (docs/building.md lists the Debian packages)
        pytest.skip(f"this machine lacks what Qt's xcb plugin needs: {missing}")
    shot = tmp_path / "first-window.png"
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", str(bundle / "fallzahl")],
        env=_env(
            bundle,
            tmp_path,
            QT_QPA_PLATFORM="xcb",
            FALLZAHL_SCREENSHOT=str(shot),
            FALLZAHL_NO_DIALOGS="1",
        ),
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"screenshot saved to {shot}" in result.stderr, result.stderr
    assert shot.stat().st_size > 1000
    assert "Could not load the Qt platform plugin" not in result.stderr, result.stderr


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
        _assert_self_test_passes_on_the_district_key(bundle, tmp_path, Path(f"{keys}.pub"))
    finally:
        anchor.unlink(missing_ok=True)
        (bundle / demo).write_bytes(demo_bytes)


@pytest.mark.skipif(inno.missing_tools() is not None, reason=str(inno.missing_tools()))
def test_installer_under_wine_installs_a_bundle_that_runs(bundle, tmp_path):
    """ISCC packs the real bundle (laid out as on Windows) and setup.exe installs it, under
    wine. Installed plainly, the program passes its self-test from the installed folder;
    installed with /TRUST, it trusts the district's key and no longer the demo key, and its
    self-test still passes."""
    wine = inno.Wine(tmp_path / "wine")
    try:
        layout = inno.windows_layout(bundle, tmp_path / "layout")
        out = tmp_path / "out"
        compiled = wine.compile(out, BundleDir=wine.windows_path(layout), Compression="none")
        assert compiled.returncode == 0, compiled.stdout[-4000:] + compiled.stderr[-2000:]
        (setup,) = out.glob("Fallzahl-*-Setup.exe")

        plain = wine.run_setup(setup, r"/DIR=C:\Fallzahl-demo")
        assert plain.returncode == 0, plain.stderr[-2000:]
        installed = wine.linux_path(r"C:\Fallzahl-demo")
        checked = _run(installed, tmp_path, "fallzahl-cli.exe", "--self-test")
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert checked.stdout.rstrip().endswith("self-test passed"), checked.stdout

        keys = tmp_path / "harz"
        scheme = tmp_path / "lk-harz-v1.json"
        scheme.write_bytes((ROOT / "resources" / "schemes" / "lk-harz-v1.json").read_bytes())
        for args in (["keygen", "--out", str(keys)], ["sign", str(scheme), "--key", f"{keys}.key"]):
            made = subprocess.run(
                [sys.executable, "-m", "app", "scheme", *args],
                cwd=ROOT, capture_output=True, text=True, timeout=60,
            )  # fmt: skip
            assert made.returncode == 0, made.stderr
        trusted = wine.run_setup(
            setup, r"/DIR=C:\Fallzahl", f"/TRUST={wine.windows_path(Path(f'{keys}.pub'))}"
        )
        assert trusted.returncode == 0, trusted.stderr[-2000:]
        installed = wine.linux_path(r"C:\Fallzahl")
        ours = _run(installed, tmp_path, "fallzahl-cli.exe", "scheme", "verify", str(scheme))
        assert ours.returncode == 0, ours.stdout + ours.stderr
        shipped = ROOT / "resources" / "schemes" / "lk-harz-v1.json"
        theirs = _run(
            installed,
            tmp_path,
            "fallzahl-cli.exe",
            "--lang",
            "en",
            "scheme",
            "verify",
            str(shipped),
        )
        assert theirs.returncode == 1 and "does not trust" in theirs.stderr, theirs.stderr
        _assert_self_test_passes_on_the_district_key(installed, tmp_path, Path(f"{keys}.pub"))
    finally:
        wine.close()
