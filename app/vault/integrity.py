"""The integrity check: every record opens, the audit chain holds, nothing rolled back.

Records and settings must be at the revision the audit log last wrote; the audit log must end
where its sealed head says; the lead state must verify and be at the version the audit log
recorded last (app/vault/lead_state.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from app.errors import FallzahlError, LeadStateRefused, RecordDamaged
from app.records import model as records
from app.vault import archive, audit, lead_state, store
from app.vault.settings import AUDIT_HEAD

if TYPE_CHECKING:
    from app.vault.session import Session

DECODERS = {
    "cases": records.decode_case,
    "contacts": records.decode_contact,
    "cases_frozen": records.decode_case,
    "contacts_frozen": records.decode_contact,
    "activities": records.decode_activity,
}


def finding(de: str, en: str) -> FallzahlError:
    return FallzahlError(de, en)


def check_session(session: Session) -> list[FallzahlError]:
    found: list[FallzahlError] = []
    if not session.store.quick_check():
        found.append(store.corrupt(session.store.path))
        return found
    present: dict[tuple[str, str], int] = {}
    for table in (
        "cases",
        "contacts",
        "activities",
        "settings",
        *store.FROZEN_TABLES.values(),
        "frozen",
    ):
        for record_id, rev, sealed in session.store.rows(table):
            present[(table, record_id)] = rev
            try:
                plain = session.open_row(table, record_id, rev, sealed)
                if table in DECODERS:
                    DECODERS[table](plain)
            except RecordDamaged as exc:
                found.append(exc)
            except msgspec.DecodeError:
                found.append(store.damaged(table, record_id))

    entries: list[audit.Entry] = []
    raw: list[bytes] = []
    rows = session.store.db.execute("SELECT seq, sealed FROM audit ORDER BY seq").fetchall()
    for seq, sealed in rows:
        try:
            plain = session.open_row("audit", str(seq), 0, sealed)
            entries.append(audit.decode(plain))
            raw.append(plain)
        except (RecordDamaged, msgspec.DecodeError):
            found.append(
                finding(
                    f"Protokolleintrag {seq} ist beschädigt oder verändert.",
                    f"Audit entry {seq} is damaged or was changed.",
                )
            )
    head = session._audit_head() if ("settings", AUDIT_HEAD.key) in present else None
    if head is None:
        found.append(lead_state.rolled_back("Protokollkopf fehlt", "audit head missing"))
    for text in audit.verify_chain(entries, raw, head[:2] if head else None):
        found.append(finding(f"Protokoll: {text}", f"Audit log: {text}"))
    present.pop(("settings", AUDIT_HEAD.key), None)  # moves with every entry; checked above

    try:
        lead_head = lead_state.verify(
            session.store,
            session.vault.vault_id,
            session._trusted_state_key(),  # the key chain again, from this login's anchor
            lead_state.Rows(session.store),
        )
        present[lead_state.AUDIT_RECORD] = lead_head.version
        if head is not None and head[2] != lead_head.version:
            found.append(
                lead_state.rolled_back(
                    f"Stand {lead_head.version}, Protokollkopf kennt {head[2]}",
                    f"version {lead_head.version}, the audit head knows {head[2]}",
                )
            )
    except LeadStateRefused as exc:
        found.append(exc)
    if session.is_lead:
        for record_id, rev, sealed in session.store.rows("lead_secrets"):
            try:
                session.open_row("lead_secrets", record_id, rev, sealed, key=session._lead_cipher())
            except RecordDamaged as exc:
                found.append(exc)

    latest: dict[tuple[str, str], int] = {}
    for entry in entries:
        for table, record_id, rev in entry.records:
            latest[(table, record_id)] = rev
    for key, rev in latest.items():
        table, record_id = key
        now = present.get(key)
        if rev == audit.DELETED and now is not None:
            found.append(
                finding(
                    f"Datensatz {table}/{record_id} war gelöscht und ist wieder da "
                    "(zurückgespielt).",
                    f"Record {table}/{record_id} was deleted and is back (rolled back).",
                )
            )
        elif rev != audit.DELETED and now is None:
            found.append(
                finding(
                    f"Datensatz {table}/{record_id} fehlt.",
                    f"Record {table}/{record_id} is missing.",
                )
            )
        elif rev != audit.DELETED and now != rev:
            found.append(
                finding(
                    f"Datensatz {table}/{record_id} hat Stand {now}, das Protokoll kennt "
                    f"Stand {rev}: er wurde zurückgespielt.",
                    f"Record {table}/{record_id} is at revision {now}, the audit log knows "
                    f"revision {rev}: it was rolled back.",
                )
            )
    for key in present:
        if key[0] in (*DECODERS, "settings") and key not in latest:
            found.append(
                finding(
                    f"Datensatz {key[0]}/{key[1]} ist nicht im Protokoll: eingeschleust.",
                    f"Record {key[0]}/{key[1]} is not in the audit log: smuggled in.",
                )
            )
    found += archive.findings(session)  # frozen history (its tallies: app/stats/history.py)
    return found
