"""The scheme an office works with, kept in its vault's settings.

Settings: "scheme.doc"/"scheme.sig" hold the active scheme; "scheme.doc.v<N>"/
"scheme.sig.v<N>" keep every version ever imported, so tallies can open records coded
under an earlier version and map them (app/scheme_map.py). Without an imported scheme
the office uses the one shipped with the program. Dates are checked at import only: an
office keeps working with its scheme after it expires, until the district sends a new one.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from app.errors import NotAllowed, NotFound
from app.scheme import model as scheme_model
from app.scheme.model import Scheme
from app.scheme.trust import (
    is_trusted_here,
    load_verified,
    shipped_scheme,
    shipped_schemes,
    trusted_keys,
)

DOC, SIG = "scheme.doc", "scheme.sig"


class SchemeSession(Protocol):
    """What this module needs from an unlocked vault session (app/session.py)."""

    role: str
    scheme: Scheme

    def get_setting(self, name: str) -> bytes | None: ...

    def put_setting(self, name: str, value: bytes) -> None: ...

    def audit(self, action: str, detail: str) -> None: ...


def reopen(doc: bytes, sig: bytes) -> Scheme:
    return load_verified(doc, sig, trusted_keys(), dt.date.today(), None, check_dates=False)


def stored_scheme(session: SchemeSession) -> tuple[bytes, bytes] | None:
    """(document, signature) of the imported scheme, or None."""
    doc, sig = session.get_setting(DOC), session.get_setting(SIG)
    return (doc, sig) if doc is not None and sig is not None else None


def active_scheme(session: SchemeSession) -> Scheme:
    """The scheme to record with: the imported one, else the shipped one (both re-verified)."""
    stored = stored_scheme(session)
    return reopen(*(stored or shipped_scheme()))


def import_scheme(
    session: SchemeSession, doc: bytes, sig: bytes | None, today: dt.date | None = None
) -> Scheme:
    """Check and store a new scheme (leads only); refuses rollbacks and same-version changes."""
    if session.role != "lead":
        raise NotAllowed(
            "Nur die Leitung darf ein neues Kategorienschema übernehmen. Bitte die Leitung "
            "der Beratungsstelle bitten.",
            "Only the office lead may import a new category scheme. Please ask the lead.",
        )
    stored = stored_scheme(session)
    current = stored or shipped_scheme()
    # the shipped scheme is demo-signed: where only the district's key is trusted (installer
    # /TRUST) it cannot be reopened, only compared against, and is not kept
    keep_current = stored is not None or is_trusted_here(*current)
    current_scheme = reopen(*current) if keep_current else scheme_model.parse(current[0])
    scheme = load_verified(
        doc,
        sig,
        trusted_keys(),
        today or dt.date.today(),
        (current_scheme.version, scheme_model.digest(current[0])),
    )
    assert sig is not None  # load_verified refuses an unsigned scheme
    if stored is None and keep_current:
        # keep the shipped version too, so its records stay readable after a program update
        session.put_setting(f"{DOC}.v{current_scheme.version}", current[0])
        session.put_setting(f"{SIG}.v{current_scheme.version}", current[1])
    session.put_setting(f"{DOC}.v{scheme.version}", doc)
    session.put_setting(f"{SIG}.v{scheme.version}", sig)
    session.put_setting(DOC, doc)
    session.put_setting(SIG, sig)
    session.audit("scheme imported v" + str(scheme.version), f"{scheme.id} v{scheme.version}")
    session.scheme = scheme  # records from now on are checked against it
    return scheme


def scheme_for_version(session: SchemeSession, version: int) -> Scheme:
    """The scheme of an earlier (or the current) version, for reading old records."""
    active = active_scheme(session)
    if active.version == version:
        return active
    doc = session.get_setting(f"{DOC}.v{version}")
    sig = session.get_setting(f"{SIG}.v{version}")
    if doc is not None and sig is not None:
        return reopen(doc, sig)
    for shipped in shipped_schemes():
        if scheme_model.parse(shipped[0]).version == version:
            return reopen(*shipped)
    raise NotFound(
        f"Das Kategorienschema Version {version} ist in dieser Ablage nicht vorhanden. Bitte "
        "das Schema dieser Version beim Landkreis anfordern und importieren.",
        f"The category scheme version {version} is not in this vault. Ask the district for "
        "that version and import it.",
    )
