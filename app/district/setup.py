"""Setting up a new district-desk vault (whole or not at all: app/vault/staged_create.py)."""

from __future__ import annotations

import os
from pathlib import Path

from app.crypto.kdf import KdfParams
from app.district.desk import setup_district
from app.errors import UsageError
from app.vault.staged_create import create_whole
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
    name = district_name.strip()
    return create_whole(folder, lambda staging: _build(staging, name, user, passphrase, demo, kdf))


def _build(
    folder: Path, name: str, user: str, passphrase: str, demo: bool, kdf: KdfParams | None
) -> str:
    """Every step of the desk's set-up, on the staged vault in ``folder``."""
    vault, recovery = Vault.create(
        folder, user=user, passphrase=passphrase, mode="district", kdf=kdf
    )
    try:
        session = vault.unlock(user, passphrase)
        try:
            setup_district(session, name, demo=demo)
        finally:
            session.close()
    finally:
        vault.close()
    return recovery
