"""Files the file manager hands the program (``fallzahl FILE``): which action each starts.

A submission package starts the district import, a district receipt the receipt import,
the district's feedback the office's feedback import, a provisioning file the set-up wizard
(app/__main__.py, ui/controller.py).
"""

from __future__ import annotations

from pathlib import Path

from app.district.desk import PACKAGE_SUFFIXES
from app.exchange import feedback, provisioning, receipt

PACKAGE, RECEIPT, FEEDBACK = "package", "receipt", "feedback"
PROVISIONING = "provisioning"


def kind(path: str | Path) -> str | None:
    """What an existing file is by its name, or None when it is none of them."""
    name = Path(path).name
    if not Path(path).is_file():
        return None
    if name.endswith(provisioning.SUFFIX):
        return PROVISIONING
    if name.endswith(receipt.SUFFIXES):
        return RECEIPT
    if name.endswith(feedback.SUFFIXES):
        return FEEDBACK
    if name.endswith(PACKAGE_SUFFIXES):
        return PACKAGE
    return None
