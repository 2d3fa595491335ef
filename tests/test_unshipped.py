"""The program keeps numpy and pandas out of its process (app/unshipped.py), as the bundle does.

Each test starts a real process entry in a fresh Python and checks, as the process exits,
that sqlite_utils (and for the self-test openpyxl, through the package it builds) came in
without numpy or pandas.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import unshipped

ROOT = Path(__file__).resolve().parent.parent


# printed at exit: the top-level modules the process holds (None marks one kept out)
AT_EXIT = """import atexit, sys
atexit.register(lambda: print("loaded:", *sorted({n.split(".")[0] for n, m in
    list(sys.modules.items()) if m is not None})))
"""


def imported(code: str, *args: str, tmp_path: Path) -> tuple[set[str], subprocess.CompletedProcess]:
    """Top-level names of the modules loaded when a fresh ``python -c code args`` exits."""
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        QT_QPA_PLATFORM="offscreen",
        FALLZAHL_NO_DIALOGS="1",
        HOME=str(tmp_path),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    done = subprocess.run(
        [sys.executable, "-c", AT_EXIT + code, *args],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("loaded:")]
    assert lines, done.stdout + done.stderr
    return set(lines[-1].split()[1:]), done


def test_the_self_test_runs_without_numpy_and_pandas(tmp_path):
    code = "from app.__main__ import desktop; sys.argv[1:] = ['--self-test']; sys.exit(desktop())"
    names, done = imported(code, tmp_path=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test passed" in done.stdout
    assert {"sqlite_utils", "openpyxl", "PySide6"} <= names  # it did open a vault, build a package
    assert not names & set(unshipped.MODULES)


def test_the_command_line_runs_without_numpy_and_pandas(tmp_path):
    code = "from app.__main__ import command_line; sys.exit(command_line())"
    names, done = imported(code, "--vault", str(tmp_path / "none"), "check", tmp_path=tmp_path)
    assert done.returncode == 1, done.stderr  # no vault there: refused, not a traceback
    assert "Traceback" not in done.stderr
    assert "sqlite_utils" in names
    assert not names & set(unshipped.MODULES)


@pytest.mark.skipif(
    importlib.util.find_spec("pandas") is None, reason="pandas not installed: nothing to keep out"
)
def test_without_the_entry_sqlite_utils_would_import_them(tmp_path):
    """The control: in this environment the store alone does pull them in."""
    names, done = imported("import app.vault.store", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert set(unshipped.MODULES) <= names
