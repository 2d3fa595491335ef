"""The append-only, hash-chained, sealed audit log: who did what, when; never contents.

Each entry holds the SHA-256 of the previous entry's plaintext, and the newest entry's
sequence and hash are kept in a sealed setting ("audit.head"), so a changed, removed,
reordered or cut-off entry is found by ``verify``. Entries that change records list the
(table, id, revision) they wrote, which lets the integrity check find rolled-back rows.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import msgspec

GENESIS = "0" * 64
DELETED = -1


class Entry(msgspec.Struct, array_like=True):
    seq: int
    at: str  # ISO time, seconds
    user: str
    action: str  # e.g. case.created, period.closed, package.exported
    detail: str  # ids and numbers only, never record contents
    prev: str  # hex SHA-256 of the previous entry's encoding
    records: list[tuple[str, str, int]] = []  # (table, id, rev); rev -1 = deleted


_encoder = msgspec.msgpack.Encoder()
_decoder = msgspec.msgpack.Decoder(Entry)


def encode(entry: Entry) -> bytes:
    return _encoder.encode(entry)


def decode(data: bytes) -> Entry:
    return _decoder.decode(data)


def entry_hash(encoded: bytes) -> str:
    return hashlib.sha256(encoded).hexdigest()


def now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def verify_chain(
    entries: list[Entry], encoded: list[bytes], head: tuple[int, str] | None
) -> list[str]:
    """Findings (English keys for tests are in the text) for a broken chain; [] if intact."""
    findings: list[str] = []
    prev = GENESIS
    for index, (entry, raw) in enumerate(zip(entries, encoded, strict=True)):
        if entry.seq != index + 1:
            findings.append(f"audit entry {index + 1}: sequence {entry.seq} out of order")
        if entry.prev != prev:
            findings.append(f"audit entry {entry.seq}: chain broken (previous hash differs)")
        prev = entry_hash(raw)
    if head is not None:
        last = (len(entries), prev)
        if last != head:
            findings.append(
                f"audit log ends at entry {len(entries)} but the head says {head[0]}: "
                "entries were removed or replaced"
            )
    return findings
