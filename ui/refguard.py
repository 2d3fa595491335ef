"""A guard against PySide6 6.12's lost references to None, True and False.

On CPython before 3.12, PySide6 6.12 drops one reference to ``None`` on every call of a Qt
method that returns nothing (``QLabel.setText``, the chart setters, ...), and to True/False
in some of its waiting helpers. Once such a count reaches zero the interpreter aborts with
"Fatal Python error: none_dealloc" — after a few thousand clicks in a normal session. From
Python 3.12 on these objects are immortal and the guard does nothing.

``install()`` raises the three reference counts far beyond anything a session can lose
(2**40), so the objects behave as immortal, as they are on newer Pythons.
"""

from __future__ import annotations

import ctypes
import sys

SPARE = 1 << 40


def install() -> bool:
    """True if the counts were raised (CPython < 3.12); idempotent."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for obj in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt, the object's first field
        if count.value < SPARE:
            count.value += SPARE
    return True
