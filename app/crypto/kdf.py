"""Key derivation and the recovery key.

Passphrases go through Argon2id (cryptography's) with parameters stored per slot. New slots
always use this machine's calibration (about half a second, never below 64 MiB), never
parameters read from a vault file. Parameters read from a file are checked against fixed
bounds before any KDF runs, so an edited slot cannot ask for 64 GiB or a billion passes; the
slot's associated data binds them as well (app/vault/keyslots.py), so an edited slot does not
open. The recovery
key is 40 characters of an unambiguous alphabet in 8 groups of 5: 35 random characters
(175 bits) and 5 characters of checksum, so a typo is caught before any KDF runs.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import time

import msgspec
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from app.errors import BadRecoveryKey, KdfParamsRefused

MIN_MEMORY_KIB = 64 * 1024  # the floor for new slots
# What a slot read from disk may ask for: enough for any calibration, not enough to hang or
# exhaust the machine. The lower bounds are Argon2's own (tests use cheap parameters).
MAX_MEMORY_KIB = 1024 * 1024
MAX_ITERATIONS = 64
MAX_LANES = 16
TARGET_SECONDS = 0.5
ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I
GROUPS, GROUP_LEN, CHECK_LEN = 8, 5, 5


class KdfParams(msgspec.Struct, frozen=True):
    memory_kib: int = MIN_MEMORY_KIB
    iterations: int = 3
    lanes: int = 4


def check_params(params: KdfParams) -> KdfParams:
    """Refuse parameters outside the bounds before any Argon2id runs."""
    ok = (
        all(isinstance(v, int) and not isinstance(v, bool) for v in msgspec.structs.astuple(params))
        and 1 <= params.lanes <= MAX_LANES
        and 8 * params.lanes <= params.memory_kib <= MAX_MEMORY_KIB
        and 1 <= params.iterations <= MAX_ITERATIONS
    )
    if not ok:
        raise bad_params()
    return params


def bad_params() -> KdfParamsRefused:
    return KdfParamsRefused(
        "Die Schlüsselableitung dieses Zugangs hat unzulässige Parameter (Datei verändert "
        "oder beschädigt). Melden Sie sich mit einem anderen Zugang oder dem "
        "Wiederherstellungsschlüssel an und setzen Sie die Passphrase neu; sonst stellen Sie "
        "die letzte Sicherung wieder her.",
        "This login's key derivation has parameters outside the allowed bounds (the file was "
        "changed or is damaged). Log in with another login or the recovery key and reset the "
        "passphrase; otherwise restore the latest backup.",
    )


def decode_params(raw: str | bytes) -> KdfParams:
    """Parameters as stored beside a slot: malformed or out of bounds is KdfParamsRefused."""
    if len(raw) > 200:
        raise bad_params()
    try:
        params = msgspec.json.decode(raw, type=KdfParams, strict=True)
    except msgspec.DecodeError:
        raise bad_params() from None
    return check_params(params)


def encode_params(params: KdfParams) -> str:
    """The canonical text form, also bound into the slot's associated data."""
    return msgspec.json.encode(params).decode()


_machine: KdfParams | None = None


def machine_params() -> KdfParams:
    """This machine's calibration (with the 64 MiB floor), measured once per process."""
    global _machine
    if _machine is None:
        _machine = calibrate()
    return _machine


def use_machine_params(params: KdfParams | None) -> None:
    """Set the calibration for this process (tests and the self-test use cheap parameters)."""
    global _machine
    _machine = check_params(params) if params is not None else None


def derive(secret: str, salt: bytes, params: KdfParams) -> bytes:
    check_params(params)
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(secret.encode("utf-8"))


def calibrate(target: float = TARGET_SECONDS) -> KdfParams:
    """Pick the pass count that takes about ``target`` seconds at 64 MiB and 4 lanes.

    The first pass also pays for allocating the memory, so measure with doubling pass
    counts until a run takes half the target, then scale.
    """
    iterations = 2
    while True:
        start = time.perf_counter()
        derive("calibration", os.urandom(16), KdfParams(MIN_MEMORY_KIB, iterations, 4))
        took = max(time.perf_counter() - start, 1e-3)
        if took >= target / 2 or iterations >= 64:
            break
        iterations *= 2
    return KdfParams(MIN_MEMORY_KIB, max(2, round(iterations * target / took)), 4)


def new_recovery_key() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_LEN - CHECK_LEN))
    return _group(body + _checksum(body))


def normalize_recovery_key(text: str) -> str:
    """Canonical form of a typed recovery key; raises BadRecoveryKey on a typo."""
    raw = "".join(ch for ch in text.upper() if not ch.isspace() and ch != "-")
    if len(raw) != GROUPS * GROUP_LEN or any(ch not in ALPHABET for ch in raw):
        raise BadRecoveryKey(
            "Der Wiederherstellungsschlüssel hat nicht die richtige Form: 8 Gruppen zu je "
            "5 Zeichen (Ziffern 2–9 und Buchstaben ohne I und O). Bitte prüfen Sie die "
            "Eingabe anhand des ausgedruckten Blattes.",
            "The recovery key does not have the right form: 8 groups of 5 characters "
            "(digits 2-9 and letters without I and O). Check it against the printed sheet.",
        )
    body, check = raw[:-CHECK_LEN], raw[-CHECK_LEN:]
    if not secrets.compare_digest(_checksum(body), check):
        raise BadRecoveryKey(
            "Der Wiederherstellungsschlüssel enthält einen Tippfehler (Prüfsumme stimmt "
            "nicht). Vergleichen Sie jede Gruppe mit dem ausgedruckten Blatt.",
            "The recovery key contains a typo (checksum mismatch). Compare each group "
            "with the printed sheet.",
        )
    return _group(raw)


def _checksum(body: str) -> str:
    digest = hashlib.sha256(b"fallzahl-recovery|" + body.encode()).digest()
    number = int.from_bytes(digest[:8], "big")
    out = []
    for _ in range(CHECK_LEN):
        number, idx = divmod(number, len(ALPHABET))
        out.append(ALPHABET[idx])
    return "".join(out)


def _group(raw: str) -> str:
    return "-".join(raw[i : i + GROUP_LEN] for i in range(0, len(raw), GROUP_LEN))
