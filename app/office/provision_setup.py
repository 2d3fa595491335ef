"""Reading a signed provisioning file and applying it to a new office vault
(``init --provisioning FILE``; the vault itself is made by app/office/setup.py)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from app.errors import ProvisioningInvalid
from app.exchange import provisioning
from app.office import info as office
from app.scheme import model as scheme_model
from app.scheme.store import import_scheme
from app.scheme.trust import is_trusted_here, load_verified, shipped_scheme, trusted_keys


def read_provisioning(
    path: str | os.PathLike[str], today: dt.date | None = None
) -> provisioning.Provisioning:
    """Every check ``init_from_provisioning`` makes, without creating anything (for the
    first-run wizard to show what the file sets up, or why it is refused)."""
    return checked_provisioning(path, today or dt.date.today())[0]


def checked_provisioning(path, today: dt.date) -> tuple[provisioning.Provisioning, bool]:
    """(verified provisioning, whether its scheme is to be stored in the vault).

    Stored when it differs from the shipped one, and also when it is the same document but
    the shipped copy's signature is not trusted here (an installer /TRUST install: the
    district re-signed the shipped scheme with its own key).
    """
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ProvisioningInvalid(
            f"Die Bereitstellungsdatei {Path(path).name} ist nicht lesbar ({exc.strerror}).",
            f"The provisioning file {Path(path).name} cannot be read ({exc.strerror}).",
            field="(Datei)",
        ) from exc
    prov = provisioning.verify_provisioning(data, trusted_keys(), today)
    shipped_doc, _sig = shipped_scheme()
    shipped = scheme_model.parse(shipped_doc)
    same = scheme_model.digest(prov.scheme_doc) == scheme_model.digest(shipped_doc)
    newer = not same or not is_trusted_here(*shipped_scheme())
    if newer:
        # refuses an older, conflicting, expired or untrusted scheme before anything is written
        load_verified(
            prov.scheme_doc,
            prov.scheme_sig,
            trusted_keys(),
            today,
            (shipped.version, scheme_model.digest(shipped_doc)),
        )
    return prov, newer


def apply_provisioning(
    session, prov: provisioning.Provisioning, *, import_new_scheme: bool, today: dt.date
) -> None:
    """Store scheme, recipients, trust anchors and policy of a verified file (lead session)."""
    if import_new_scheme:
        import_scheme(session, prov.scheme_doc, prov.scheme_sig, today)
    office.RECIPIENTS.write(session, list(prov.recipients))
    office.TRUST_ANCHORS.write(session, [k.decode("ascii") for k in prov.trust_anchors])
    office.set_policy(session, prov.policy)
    office.PROVISIONED.write(
        session,
        office.Provisioned(
            office_id=prov.office_id,
            district_ags=prov.district_ags,
            signed_by=prov.signed_by,
            created_at=prov.created_at,
            expires=prov.expires.isoformat(),
        ),
    )
