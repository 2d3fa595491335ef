"""Setting up a new vault: an office (by hand or from a provisioning file) or the district."""

from __future__ import annotations

import os

from app import office
from app.keys import KdfParams
from app.vault import Vault


def init_office(
    folder: str | os.PathLike[str],
    *,
    office_id: str,
    office_name: str,
    user: str,
    passphrase: str,
    kdf: KdfParams | None = None,
    district: str = "",
) -> str:
    """New office vault with its first lead. Returns the recovery key (shown once)."""
    office.check_office_id(office_id)
    vault, recovery = Vault.create(folder, user=user, passphrase=passphrase, kdf=kdf)
    try:
        session = vault.unlock(user, passphrase)
        try:
            office.set_office_info(
                session, office.OfficeInfo(office_id=office_id, name=office_name, district=district)
            )
            for step in OFFICE_SETUP_STEPS:
                step(session)
        finally:
            session.close()
    finally:
        vault.close()
    return recovery


# Further set-up steps of other areas (the shipped scheme, the office signing key),
# each fn(session), run in order for every new office vault.
OFFICE_SETUP_STEPS: list = []


def init_from_provisioning(folder, path, *, user: str, passphrase: str, kdf=None) -> str:
    """New office vault from a signed provisioning file (app/provision_setup.py)."""
    from app.provision_setup import init_from_provisioning as _init

    return _init(folder, path, user=user, passphrase=passphrase, kdf=kdf)
