"""The rollback witness: what this PC has seen of each vault, kept outside the vault.

Nothing inside vault.db can tell an older copy of the whole file from the real one: the older
copy is genuine, signed and consistent. So every writing session notes, per vault id, in the
user's config folder (platformdirs), the highest lead-state version and audit sequence it has
seen and the key ids of the lead-state key chain (app/vault/lead_state.py). Unlocking compares
the vault with that note: an older file is ``VaultRolledBack``, a different key chain (a fork
made with an old lead-state key) is ``LeadStateForged``. A missing or unreadable note (a new
PC, another Windows account) is not an error: the next session writes it.

The program's own restore (app/vault/backup.py) sets the note to the restored state before it
puts the file in place, so a restore on purpose opens. The note holds no secret and nothing
about people; it is no protection against someone who can edit the user's config folder too
(docs/security.md).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import msgspec

from app.errors import VaultRolledBack
from app.vault import lead_state


class Seen(msgspec.Struct, frozen=True, kw_only=True):
    lead_version: int
    audit_seq: int
    keys: list[str] = []  # key ids of the lead-state keys, oldest first


def folder() -> Path:
    from platformdirs import user_config_path

    return user_config_path("Fallzahl", appauthor=False) / "witness"


def _path(vault_id: str) -> Path:
    if not vault_id.isalnum():  # a uuid4 hex: never a path of its own
        raise ValueError(f"vault id {vault_id!r}")
    return folder() / f"{vault_id}.json"


def read(vault_id: str) -> Seen | None:
    """The note for ``vault_id``; None when there is none or it does not read."""
    try:
        return msgspec.json.decode(_path(vault_id).read_bytes()[:1_000_000], type=Seen)
    except (OSError, ValueError, msgspec.DecodeError):
        return None


def write(vault_id: str, seen: Seen) -> None:
    """Replace the note (a temporary file renamed over it; a failure keeps the old one)."""
    path = _path(vault_id)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
        tmp.write_bytes(msgspec.json.encode(seen))
        os.replace(tmp, path)


def check(vault_id: str, now: Seen) -> Seen | None:
    """Compare the vault as unlocked with the note; returns the note (None: none yet)."""
    kept = read(vault_id)
    if kept is None:
        return None
    check_keys(now, kept)
    if (
        len(now.keys) < len(kept.keys)
        or now.lead_version < kept.lead_version
        or now.audit_seq < kept.audit_seq
    ):
        raise rolled_back_file(now, kept)
    return kept


def check_keys(now: Seen, kept: Seen) -> None:
    """LeadStateForged when the key chains part ways: one of them was made with an old key
    (a shorter chain that agrees is older, not forged)."""
    common = min(len(now.keys), len(kept.keys))
    if now.keys[:common] != kept.keys[:common]:
        raise lead_state.forged(
            "andere Schlüsselfolge, als dieser PC gesehen hat: mit einem alten "
            "Leitungsschlüssel neu angelegt",
            "another key history than this PC has seen: remade with an old lead key",
        )


def advance(vault_id: str, kept: Seen | None, now: Seen) -> Seen:
    """Write the note if ``now`` is ahead of it (a writing session: at unlock and close)."""
    if kept is None or now != kept:
        write(vault_id, now)
    return now


def rolled_back_file(now: Seen, kept: Seen) -> VaultRolledBack:
    return VaultRolledBack(
        f"Die Datei vault.db ist älter als der Stand, den Fallzahl auf diesem PC zuletzt "
        f"gesehen hat (Leitungsstand {now.lead_version}, Protokolleintrag {now.audit_seq}; "
        f"gesehen: {kept.lead_version}, {kept.audit_seq}): sie wurde durch eine ältere "
        "Kopie ersetzt. Fallzahl öffnet sie nicht. Hat eine Leitung absichtlich eine "
        "Sicherung zurückgespielt, stellt sie diese mit dem Programm wieder her "
        "(„fallzahl-cli restore DATEI“); dann merkt es sich den neuen Stand. Andernfalls "
        "melden Sie den Vorfall der Leitung; sie stellt die neueste Sicherung wieder her.",
        f"The file vault.db is older than what Fallzahl last saw on this PC (lead state "
        f"{now.lead_version}, audit entry {now.audit_seq}; seen: {kept.lead_version}, "
        f"{kept.audit_seq}): it was replaced by an older copy. Fallzahl does not open it. "
        "If a lead put a backup back on purpose, they restore it with the program "
        "('fallzahl-cli restore FILE'), which then remembers the new state. Otherwise "
        "report this to a lead, who restores the latest backup.",
    )
