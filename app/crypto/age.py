"""Encryption to recipients in the age format: the one place pyrage is used.

Also the one place that knows the shipped demo district's keys (resources/demo/, marked
DEMO): a demo district desk and the demo offices use them so their packages open. A real
district makes its own keys at set-up (app/district/desk.py).
"""

from __future__ import annotations

import pyrage

from app.resources import resource_path

MAGIC = b"age-encryption.org/v1\n"
# Bounds on the header, checked before pyrage reads it: rage tries every recipient stanza
# and its cost grows faster than their number (measured here: 16 stanzas 16 ms, 200 stanzas
# 1.3 s, 2,000 stanzas 146 s), so a file sent to anyone's public recipient could stall the
# reader. Fallzahl writes one stanza per district recipient plus the office's archive.
MAX_STANZAS = 16
MAX_HEADER = 8 * 1024
DEMO_IDENTITY = ("demo", "district-demo.age")
DEMO_SIGNING_KEY = ("demo", "district-demo.key")
DEMO_RECIPIENT = ("trust", "district-demo.age-recipient")


class NoMatchingKey(ValueError):
    """The file is not encrypted to any of the given identities."""


class Damaged(ValueError):
    """The file is not a whole age file (truncated, changed, not age at all)."""


class Unsafe(ValueError):
    """The header is implausible (too many recipient stanzas, or too long): not read."""


def check_header(data: bytes) -> None:
    """Refuse a header over MAX_HEADER bytes or with more than MAX_STANZAS stanzas
    (age-encryption.org/v1: stanzas are the lines starting "-> ", the header ends at the
    line starting "--- "); Damaged if there is no header end at all."""
    end = data.find(b"\n--- ", 0, MAX_HEADER)
    if end < 0:
        if len(data) > MAX_HEADER and data.startswith(MAGIC):
            raise Unsafe(f"header longer than {MAX_HEADER} bytes")
        raise Damaged("no age header")
    stanzas = data[: end + 1].count(b"\n-> ")
    if stanzas > MAX_STANZAS:
        raise Unsafe(f"{stanzas} recipient stanzas (at most {MAX_STANZAS})")


def new_identity() -> tuple[str, str]:
    """(identity AGE-SECRET-KEY-1..., its recipient age1...)."""
    identity = pyrage.x25519.Identity.generate()
    return str(identity), str(identity.to_public())


def recipient_of(identity: str) -> str:
    return str(pyrage.x25519.Identity.from_str(identity.strip()).to_public())


def check_recipient(text: str) -> str:
    """``text`` stripped if it is an age recipient (age1...); ValueError otherwise."""
    if not isinstance(text, str):
        raise ValueError("not a string")
    try:
        pyrage.x25519.Recipient.from_str(text.strip())
    except pyrage.RecipientError as exc:
        raise ValueError(str(exc)) from None
    return text.strip()


def identity_lines(text: str) -> list[str]:
    """The identities in an identity file's text (comments and blank lines skipped);
    ValueError for a line that is not an age identity."""
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            pyrage.x25519.Identity.from_str(line)
        except pyrage.IdentityError as exc:
            raise ValueError(str(exc)) from None
        out.append(line)
    return out


def encrypt(data: bytes, recipients: list[str]) -> bytes:
    return pyrage.encrypt(data, [pyrage.x25519.Recipient.from_str(r) for r in recipients])


def decrypt(data: bytes, identities: list[str]) -> bytes:
    """Raises NoMatchingKey, Damaged or Unsafe (the header's bounds, checked first)."""
    check_header(data)
    keys = [pyrage.x25519.Identity.from_str(i) for i in identities]
    try:
        return pyrage.decrypt(data, keys)
    except pyrage.DecryptError as exc:
        if "no matching keys" in str(exc).lower():
            raise NoMatchingKey(str(exc)) from None
        raise Damaged(str(exc)) from None


# DEMO ONLY: the shipped demo district


def demo_district_identity() -> str:
    return identity_lines(resource_path(*DEMO_IDENTITY).read_text("ascii"))[0]


def demo_district_recipient() -> str:
    lines = resource_path(*DEMO_RECIPIENT).read_text("utf-8").splitlines()
    return next(line.strip() for line in lines if line.strip().startswith("age1"))


def demo_district_signing_key() -> bytes:
    """The demo district's minisign secret key file (unencrypted, DEMO ONLY)."""
    return resource_path(*DEMO_SIGNING_KEY).read_bytes()
