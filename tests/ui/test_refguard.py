"""PySide6 6.12 on CPython 3.11 loses a reference to None on every void Qt call: without the
guard a session aborts ("none_dealloc") after a few thousand clicks (ui/refguard.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import sys
calls = sys.getrefcount(None) + 1000  # more void calls than None has references
{guard}
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(["t"])
label = QLabel()
for _ in range(calls):
    label.setText("x")
print("alive")
"""


def _run(guard: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", SCRIPT.format(guard=guard)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )


def test_a_long_session_survives_with_the_guard():
    result = _run("from ui import refguard; refguard.install()")
    assert result.returncode == 0, result.stderr
    assert "alive" in result.stdout


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_the_guard_is_needed_here():
    """If this starts passing (returncode 0), PySide6 fixed its leak and the guard can go."""
    result = _run("")
    assert result.returncode != 0 and "dealloc" in result.stderr, result.stdout + result.stderr


def test_the_main_program_installs_it_before_qt():
    text = (ROOT / "ui" / "main.py").read_text(encoding="utf-8")
    assert text.index("refguard.install()") < text.index("QApplication([")
