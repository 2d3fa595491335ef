"""Where shipped data lives: beside the package in a checkout, in sys._MEIPASS when frozen."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    """The resources/ folder (PyInstaller unpacks data below sys._MEIPASS)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """A path below resources/, e.g. resource_path("trust", "district-demo.pub")."""
    return resources_root().joinpath(*parts)
