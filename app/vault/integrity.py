"""The integrity check: every record opens, the audit chain holds, nothing rolled back."""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from app.errors import FallzahlError, RecordDamaged
from app.records import model as records
from app.vault import audit, store

if TYPE_CHECKING:
    from app.vault.session import Session

DECODERS = {"cases": records.decode_case, "contacts": records.decode_contact}


def finding(de: str, en: str) -> FallzahlError:
    return FallzahlError(de, en)


def check_session(session: Session) -> list[FallzahlError]:
    found: list[FallzahlError] = []
    if not session.store.quick_check():
        found.append(store.corrupt(session.store.path))
        return found
    present: dict[tuple[str, str], int] = {}
    for table in ("cases", "contacts", "settings"):
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
    head_raw = session.get_setting("audit.head") if ("settings", "audit.head") in present else None
    head = tuple(msgspec.msgpack.decode(head_raw)) if head_raw else None
    for text in audit.verify_chain(entries, raw, head):  # type: ignore[arg-type]
        found.append(finding(f"Protokoll: {text}", f"Audit log: {text}"))

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
        if key[0] in DECODERS and key not in latest:
            found.append(
                finding(
                    f"Datensatz {key[0]}/{key[1]} ist nicht im Protokoll: eingeschleust.",
                    f"Record {key[0]}/{key[1]} is not in the audit log: smuggled in.",
                )
            )
    return found
