"""The wheel carries every subpackage of app/ and ui/ (pyproject finds them; nothing listed by hand)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from setuptools import find_packages

ROOT = Path(__file__).resolve().parents[1]


def _packages_on_disk() -> set[str]:
    found = set()
    for top in ("app", "ui"):
        for init in (ROOT / top).rglob("__init__.py"):
            found.add(".".join(init.parent.relative_to(ROOT).parts))
    return found


def test_every_package_on_disk_is_in_the_distribution():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    find = config["tool"]["setuptools"]["packages"]["find"]
    shipped = set(find_packages(where=str(ROOT), include=find["include"]))
    assert _packages_on_disk() <= shipped
    assert {"app.vault", "app.crypto", "app.cli", "app.office", "app.district"} <= shipped
    assert not {p for p in shipped if p.startswith("tests")}
