"""Reading a signed provisioning file and applying it to a new office vault
(``init --provisioning FILE``; the vault itself is made by app/office/setup.py)."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from app.errors import ProvisioningInvalid
from app.exchange import provisioning
from app.office import info as office
from app.scheme import model as scheme_model
from app.scheme.store import import_scheme
from app.scheme.trust import load_verified, shipped_scheme, trusted_keys

RECIPIENTS = "district.recipients"  # JSON list of the district's age recipients
TRUST_ANCHORS = "district.trust_anchors"  # JSON list of minisign public key files
PROVISIONING = "provisioning"  # the verified provisioning document's summary


def read_provisioning(
    path: str | os.PathLike[str], today: dt.date | None = None
) -> provisioning.Provisioning:
    """Every check ``init_from_provisioning`` makes, without creating anything (for the
    first-run wizard to show what the file sets up, or why it is refused)."""
    return checked_provisioning(path, today or dt.date.today())[0]


def checked_provisioning(path, today: dt.date) -> tuple[provisioning.Provisioning, bool]:
    """(verified provisioning, whether its scheme is newer than the shipped one)."""
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
    newer = scheme_model.digest(prov.scheme_doc) != scheme_model.digest(shipped_doc)
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
    session.put_setting(RECIPIENTS, json.dumps(list(prov.recipients)).encode("utf-8"))
    session.put_setting(
        TRUST_ANCHORS, json.dumps([k.decode("ascii") for k in prov.trust_anchors]).encode()
    )
    office.set_policy(session, prov.policy)
    session.put_setting(
        PROVISIONING,
        json.dumps(
            {
                "office_id": prov.office_id,
                "district_ags": prov.district_ags,
                "signed_by": prov.signed_by,
                "created_at": prov.created_at,
                "expires": prov.expires.isoformat(),
            }
        ).encode("utf-8"),
        audit_action="provisioning.applied",
    )


def district_recipients(session) -> list[str]:
    """The age recipients packages go to (empty when the office was not provisioned)."""
    raw = session.get_setting(RECIPIENTS)
    return json.loads(raw) if raw else []
