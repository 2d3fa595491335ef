"""Libraries the program never uses, kept out of its process as the bundle keeps them out.

numpy and pandas reach a developer's environment only with the test extras (sdmx1 reads
the district's SDMX-CSV with pandas); build.spec leaves them out of the bundle. Libraries
the program does use take them whenever they are importable: sqlite_utils imports both at
import time (for DataFrame column types Fallzahl never passes), openpyxl imports numpy
(for numpy number types). In a developer's environment that cost the desktop about
100 MB of resident memory and a slower start, and the program ran other code paths than
the installed one. ``keep_out()`` makes the modules unimportable (Python's documented
``sys.modules[name] = None``), so those libraries take their "not installed" path as in
the bundle. It runs once, first thing in the program's process entries
(app/__main__.py), never in a module imported by the tests, which use pandas themselves.
"""

from __future__ import annotations

import sys

MODULES = ("numpy", "pandas")


def keep_out() -> None:
    """Make ``MODULES`` unimportable in this process (before anything imports them)."""
    for name in MODULES:
        if sys.modules.get(name) is None:
            sys.modules[name] = None  # type: ignore[assignment]
