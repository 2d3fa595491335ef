"""Setting up a new district-desk vault."""

from __future__ import annotations

import os

from app.crypto.kdf import KdfParams
from app.district.desk import setup_district
from app.errors import UsageError
from app.vault.vault import Vault


def init_district(
    folder: str | os.PathLike[str],
    *,
    district_name: str,
    user: str,
    passphrase: str,
    demo: bool = False,
    kdf: KdfParams | None = None,
) -> str:
    """New district-desk vault with its first planner (a lead). Returns the recovery key.

    ``demo``: use the shipped demo district keys (resources/demo/), so the demo offices'
    packages open; otherwise fresh keys are made and kept sealed in the vault.
    """
    if not district_name.strip():
        raise UsageError("Der Name des Landkreises fehlt.", "The district's name is missing.")
    vault, recovery = Vault.create(
        folder, user=user, passphrase=passphrase, mode="district", kdf=kdf
    )
    try:
        session = vault.unlock(user, passphrase)
        try:
            setup_district(session, district_name.strip(), demo=demo)
        finally:
            session.close()
    finally:
        vault.close()
    return recovery
