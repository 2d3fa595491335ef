"""Setting up a new office vault: by hand, or from a signed provisioning file.

Everything in a provisioning file is checked before the vault is created, so a refused file
leaves nothing behind; every step of the set-up runs on a staged vault that is put into place
only when complete (app/vault/staged_create.py), so a failure midway leaves no vault either.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from app.crypto.kdf import KdfParams
from app.exchange.provisioning import Provisioning
from app.office import info as office
from app.office import keys as office_keys
from app.office.provision_setup import apply_provisioning, checked_provisioning
from app.scheme.trust import require_shipped_scheme_trusted
from app.vault.staged_create import create_whole
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
    """New office vault with its first lead. Returns the recovery key (shown once).

    Works on the shipped scheme, so it is refused where that is not trusted (a /TRUST
    install: such an office is set up from its provisioning file).
    """
    office.check_office_id(office_id)
    require_shipped_scheme_trusted()
    info = office.OfficeInfo(office_id=office_id, name=office_name, district=district)
    return create_whole(folder, lambda staging: _build(staging, info, user, passphrase, kdf))


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
    info = office.OfficeInfo(
        office_id=prov.office_id, name=prov.office_name, district=prov.district_name
    )
    return create_whole(
        folder,
        lambda staging: _build(staging, info, user, passphrase, kdf, (prov, newer, today)),
    )


def _build(
    folder: Path,
    info: office.OfficeInfo,
    user: str,
    passphrase: str,
    kdf: KdfParams | None,
    provisioned: tuple[Provisioning, bool, dt.date] | None = None,
) -> str:
    """Every step of an office's set-up, on the staged vault in ``folder``."""
    vault, recovery = Vault.create(folder, user=user, passphrase=passphrase, kdf=kdf)
    try:
        session = vault.unlock(user, passphrase)
        try:
            office.set_office_info(session, info)
            office_keys.make_office_keys(session)
            if provisioned is not None:
                prov, newer, today = provisioned
                apply_provisioning(session, prov, import_new_scheme=newer, today=today)
        finally:
            session.close()
    finally:
        vault.close()
    return recovery
