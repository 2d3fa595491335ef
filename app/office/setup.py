"""Setting up a new office vault: by hand, or from a signed provisioning file.

Everything in a provisioning file is checked before the vault is created, so a refused file
leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
import os

from app.crypto.kdf import KdfParams
from app.office import info as office
from app.office import keys as office_keys
from app.office.provision_setup import apply_provisioning, checked_provisioning
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


def init_from_provisioning(
    folder: str | os.PathLike[str],
    path: str | os.PathLike[str],
    *,
    user: str,
    passphrase: str,
    kdf: KdfParams | None = None,
    today: dt.date | None = None,
) -> str:
    """Verify the file, create the office vault from it; returns the recovery key."""
    today = today or dt.date.today()
    prov, newer = checked_provisioning(path, today)
    recovery = init_office(
        folder,
        office_id=prov.office_id,
        office_name=prov.office_name,
        user=user,
        passphrase=passphrase,
        kdf=kdf,
        district=prov.district_name,
    )
    vault = Vault(folder)
    try:
        session = vault.unlock(user, passphrase)
        try:
            apply_provisioning(session, prov, import_new_scheme=newer, today=today)
        finally:
            session.close()
    finally:
        vault.close()
    return recovery
