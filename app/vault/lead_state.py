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


class Rotation(msgspec.Struct, array_like=True, frozen=True):
    """One step of the lead-state key chain (TUF's root rotation): the new public key,
    signed by the previous key. The chain is a setting sealed with the data key, and each
    grant of the new data key names the new public key too, so a step is bound to a data
    key the removed lead never learns."""

    number: int  # 1, 2, ...: the chain's steps in order
    epoch: int  # the data-key epoch the step came with
    key: bytes  # the new lead-state public key (minisign key file)
    sig: bytes  # by the previous key over ``statement``


# the chain of lead-state keys (lead state itself: only a lead writes it)
KEY_CHAIN: settings.Setting[list[Rotation]] = settings.Setting("lead.keys", list[Rotation], list)


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


def statement(vault_id: str, number: int, epoch: int, key: bytes) -> bytes:
    return msgspec.msgpack.encode(("fallzahl lead-state key", vault_id, number, epoch, key))


def rotation(
    vault_id: str, chain: list[Rotation], epoch: int, key: bytes, previous: signing.SecretKey
) -> Rotation:
    """The next step of ``chain``: ``key`` announced under the ``previous`` secret key."""
    number = len(chain) + 1
    sig = signing.sign(
        statement(vault_id, number, epoch, key), previous, f"fallzahl lead key {number}"
    )
    return Rotation(number, epoch, key, sig)


def chain_key_ids(anchor: bytes, chain: list[Rotation]) -> list[str]:
    """The key ids of the chain, oldest first (for the rollback witness)."""
    if not chain:
        return [signing.key_id(anchor)]
    first = signing.signature_key_id(chain[0].sig, LeadStateForged)
    return [first, *(signing.key_id(_public(r.key)) for r in chain)]


def follow(vault_id: str, anchor: bytes, chain: list[Rotation], granted: bytes) -> bytes:
    """The lead-state key to trust now: from the user's ``anchor`` along the chain.

    ``granted`` is the key the user's grant names (b"" in grants made before the chain).
    Every step from the anchor on must be signed by the key before it, and the last key
    must be the one the grant names: LeadStateForged otherwise.
    """
    if [r.number for r in chain] != list(range(1, len(chain) + 1)):
        raise forged("Schlüsselfolge unvollständig", "key chain incomplete")
    current = anchor
    if chain and not _same_key(anchor, chain[-1].key):
        wanted = signing.key_id(_public(anchor))
        start = next(
            (
                i
                for i, r in enumerate(chain)
                if signing.signature_key_id(r.sig, LeadStateForged) == wanted
            ),
            None,
        )
        if start is None:
            raise forged(
                "signiert mit einem Schlüssel, der nicht aus Ihrem hervorgeht",
                "signed with a key that does not follow from yours",
            )
        for step in chain[start:]:
            try:
                signing.verify(
                    statement(vault_id, step.number, step.epoch, step.key),
                    step.sig,
                    [_public(current)],
                    errors=LeadStateForged,
                )
            except LeadStateForged:
                raise forged("Schlüsselwechsel nicht signiert", "key change not signed") from None
            current = step.key
    if granted and not _same_key(granted, current):
        raise forged(
            "Ihre Schlüsselfreigabe nennt einen anderen Signaturschlüssel",
            "your key grant names another signing key",
        )
    return current


def _public(key: bytes) -> signing.PublicKey:
    return signing.read_public_key(key, LeadStateForged)


def _same_key(a: bytes, b: bytes) -> bool:
    return _public(a).to_base64() == _public(b).to_base64()


def replaced_data_key() -> LeadStateForged:
    """Rows that do not open after the login followed a key change it had not seen."""
    return LeadStateForged(
        "Seit Ihrer letzten Anmeldung wurde der Signaturschlüssel der Leitung gewechselt, aber "
        "die Datensätze öffnen sich nicht mit dem Datenschlüssel, den dieser Wechsel Ihnen "
        "gibt: jemand mit einem alten Leitungsschlüssel (etwa eine entfernte Leitung) hat die "
        "Leitungsdaten und den Datenschlüssel ersetzt. Fallzahl handelt nicht danach. Melden "
        "Sie den Vorfall der Leitung; sie stellt die letzte Sicherung wieder her.",
        "Since your last login the lead's signing key was changed, but the records do not "
        "open with the data key this change gives you: someone with an old lead key (such as "
        "a removed lead) replaced the lead state and the data key. Fallzahl does not act on "
        "it. Report this to a lead, who restores the latest backup.",
    )
