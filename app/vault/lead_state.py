"""Lead state: everything only a lead may change, signed with a key only leads hold.

Counsellors hold the data key, so it cannot guard what only a lead may change. The vault's
lead state is: the slots (names, kinds, roles, recipients, grants), the lead secrets, the
settings declared lead-only (app/vault/settings.py: policy, office identity and key, district
recipients, trust anchors, closed periods, the sent log, the scheme; at the district the
registry, intake and receipts log) and the vault's identity. Its digest goes into a head
(version, data-key epoch, the audit entry that recorded it) signed with minisign by the
lead-state key. That key's secret is sealed under the lead key; its public key is inside
every user's slot secret, which only that user's passphrase opens, so nobody can swap it.

Every unlock verifies the head and recomputes the digest (LeadStateForged if either fails);
the version is bound into the audit chain and the audit head (LeadStateRolledBack if they
disagree). Program checks (``require_lead``) come on top; they are not the protection.
"""

from __future__ import annotations

import binascii
import hashlib

import msgspec

from app.crypto import signing
from app.errors import LeadStateForged, LeadStateRolledBack
from app.vault import keyslots, settings, store

HEAD = "lead.head"
HEAD_SIG = "lead.head.sig"
STATE_SECRET = "lead.state_key"  # in lead_secrets: the minisign secret key
META_KEYS = ("vault_id", "mode", "created")
AUDIT_RECORD = ("lead", "head")  # (table, id) of the head in audit entries' records


class Head(msgspec.Struct, array_like=True, frozen=True):
    vault_id: str
    version: int  # goes up by one with every change of lead state
    epoch: int  # the data key's generation: goes up with every rotation
    audit_seq: int  # the audit entry that recorded this version
    digest: str  # SHA-256 (hex) of the lead state


class Rows:
    """The fingerprints of every lead-state row, kept up to date by the writing session."""

    def __init__(self, db: store.Store) -> None:
        self.db = db
        self.rows: dict[tuple[str, str], tuple] = {}
        self.refresh()

    def refresh(self) -> None:
        self.rows = {}
        self.refresh_slots()
        self.refresh_table("lead_secrets")
        with store.storage_errors(self.db.path):
            for name, rev, sealed in self.db.db.execute("SELECT id, rev, sealed FROM settings"):
                if settings.is_lead_state(name):
                    self.rows[("settings", name)] = (rev, _sha(sealed))
            for key in META_KEYS:
                self.rows[("meta", key)] = (self.db.meta(key) or "",)

    def refresh_slots(self) -> None:
        self.rows = {k: v for k, v in self.rows.items() if k[0] != "slots"}
        for row in keyslots.all_slots(self.db):
            self.rows[("slots", row.name)] = (row.kind, row.role, row.recipient, _sha(row.grant))

    def refresh_table(self, table: str) -> None:
        self.rows = {k: v for k, v in self.rows.items() if k[0] != table}
        for record_id, rev, sealed in self.db.rows(table):
            self.rows[(table, record_id)] = (rev, _sha(sealed))

    def refresh_setting(self, name: str) -> None:
        row = self.db.row("settings", name)
        if row is None:
            self.rows.pop(("settings", name), None)
        else:
            self.rows[("settings", name)] = (row[1], _sha(row[2]))

    def digest(self) -> str:
        items = sorted(self.rows.items())
        return hashlib.sha256(msgspec.msgpack.encode(items)).hexdigest()


def _sha(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def forged(de_detail: str, en_detail: str) -> LeadStateForged:
    return LeadStateForged(
        f"Die Einstellungen, die nur eine Leitung ändern darf, wurden ohne Leitung verändert "
        f"({de_detail}). Fallzahl handelt nicht danach. Stellen Sie die letzte Sicherung "
        "wieder her und melden Sie den Vorfall der Leitung.",
        f"The settings only a lead may change were changed without a lead ({en_detail}). "
        "Fallzahl does not act on them. Restore the latest backup and report this to a lead.",
    )


def rolled_back(de_detail: str, en_detail: str) -> LeadStateRolledBack:
    return LeadStateRolledBack(
        f"Die Einstellungen, die nur eine Leitung ändern darf, sind älter als das Protokoll "
        f"sagt ({de_detail}): sie wurden zurückgespielt. Fallzahl handelt nicht danach. "
        "Stellen Sie die letzte Sicherung wieder her und melden Sie den Vorfall der Leitung.",
        f"The settings only a lead may change are older than the audit log says "
        f"({en_detail}): they were rolled back. Fallzahl does not act on them. Restore the "
        "latest backup and report this to a lead.",
    )


def read_head(db: store.Store) -> tuple[Head, bytes, bytes]:
    """(head, its encoding, its signature) as stored; LeadStateForged if absent or malformed."""
    text, sig = db.meta(HEAD), db.meta(HEAD_SIG)
    if not text or not sig:
        raise forged("Kopf fehlt", "head missing")
    try:
        raw = binascii.unhexlify(text)
        return msgspec.msgpack.decode(raw, type=Head), raw, sig.encode()
    except (ValueError, binascii.Error, msgspec.DecodeError):
        raise forged("Kopf beschädigt", "head damaged") from None


def verify(db: store.Store, vault_id: str, state_key: bytes, rows: Rows) -> Head:
    """The verified head; LeadStateForged when the signature or the digest does not match."""
    head, raw, sig = read_head(db)
    try:
        signing.verify(raw, sig, [state_key], errors=LeadStateForged)
    except LeadStateForged:
        raise forged("Signatur passt nicht", "signature does not match") from None
    if head.vault_id != vault_id:
        raise forged("Kopf eines anderen Datenbestands", "head of another vault")
    if head.digest != rows.digest():
        raise forged("Zeilen weichen vom signierten Stand ab", "rows differ from the signed state")
    return head


def write_head(db: store.Store, head: Head, state_secret: signing.SecretKey) -> None:
    raw = msgspec.msgpack.encode(head)
    sig = signing.sign(raw, state_secret, f"fallzahl lead state v{head.version}")
    db.set_meta(HEAD, binascii.hexlify(raw).decode())
    db.set_meta(HEAD_SIG, sig.decode())
