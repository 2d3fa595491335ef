"""Setting up a new vault: an office (by hand or from a provisioning file) or the district."""

from __future__ import annotations

import os

from app.crypto.kdf import KdfParams
from app.office import info as office
from app.office import keys as office_keys
from app.vault.vault import Vault


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
            office_keys.make_office_keys(session)
        finally:
            session.close()
    finally:
        vault.close()
    return recovery


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
    from app.district.desk import setup_district

    if not district_name.strip():
        from app.errors import UsageError

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


def init_from_provisioning(folder, path, *, user: str, passphrase: str, kdf=None) -> str:
    """New office vault from a signed provisioning file (app/provision_setup.py)."""
    from app.office.provision_setup import init_from_provisioning as _init

    return _init(folder, path, user=user, passphrase=passphrase, kdf=kdf)
