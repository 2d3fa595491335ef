"""minisign signatures for everything Fallzahl signs: schemes, packages, receipts, provisioning.

Thin wrappers around py-minisign (never our own crypto) so that every signature can be
checked with the standard ``minisign`` tool, and every failure becomes a FallzahlError with
a German and English text. Key files are the standard two-line minisign text files; secret
keys are unencrypted (like ``minisign -G -W``) because Fallzahl keeps them inside the vault
or hands them to IT, who protect them.

Key ids: minisign stores 8 bytes and the CLI prints them as one little-endian 64-bit
number in upper-case hex. We print the same number, always as 16 characters (the CLI drops
leading zeros, so an id may show there as 15 characters).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import NamedTuple

import minisign

from app.errors import FallzahlError, KeyFileInvalid, SignatureRefused

PublicKey = minisign.PublicKey
SecretKey = minisign.SecretKey


class VerifyErrors(NamedTuple):
    """Which FallzahlError subclass to raise for each way a verification can fail."""

    missing: type[FallzahlError] = SignatureRefused
    malformed: type[FallzahlError] = SignatureRefused
    untrusted: type[FallzahlError] = SignatureRefused
    invalid: type[FallzahlError] = SignatureRefused


ErrorSpec = type[FallzahlError] | VerifyErrors


def _errors(spec: ErrorSpec) -> VerifyErrors:
    if isinstance(spec, VerifyErrors):
        return spec
    return VerifyErrors(spec, spec, spec, spec)


def key_id_hex(raw_key_id: bytes) -> str:
    """The 8-byte key id as the minisign CLI prints it: little-endian number, upper hex."""
    return f"{int.from_bytes(raw_key_id, 'little'):016X}"


def key_id(key: PublicKey | bytes | str) -> str:
    """Key id (16 upper-case hex characters) of a public key object, file or base64 line."""
    pk = key if isinstance(key, PublicKey) else read_public_key(key)
    return key_id_hex(pk._keynum_pk.key_id)


def generate_keypair(comment: str = "") -> tuple[bytes, bytes]:
    """A new unencrypted key pair as (secret key file, public key file) bytes.

    ``comment`` goes into both files' untrusted comment (say what the key is for).
    """
    pair = minisign.KeyPair.generate()
    kid = key_id_hex(pair.public_key._keynum_pk.key_id)
    note = f" - {comment}" if comment else ""
    _check_comment(note, KeyFileInvalid)
    pair.secret_key.untrusted_comment = f"minisign secret key {kid}{note}"
    pair.public_key.untrusted_comment = f"minisign public key {kid}{note}"
    secret = bytes(pair.secret_key) + b"\n"
    public = bytes(pair.public_key) + b"\n"
    pair.secret_key.wipe()
    return secret, public


def public_key_from_secret(secret_file: bytes) -> bytes:
    """The public key file that belongs to a secret key file."""
    sk = read_secret_key(secret_file)
    pk = sk.get_public_key()
    pk.untrusted_comment = f"minisign public key {key_id_hex(pk._keynum_pk.key_id)}"
    return bytes(pk) + b"\n"


def read_public_key(data: bytes | str, error: type[FallzahlError] = KeyFileInvalid) -> PublicKey:
    """Parse a public key file (two lines) or a bare base64 key (``minisign -P`` form)."""
    raw = data.encode() if isinstance(data, str) else data
    try:
        lines = [line for line in raw.strip().splitlines() if line.strip()]
        if len(lines) == 1:
            return PublicKey.from_base64(lines[0].strip())
        return PublicKey.from_bytes(b"\n".join(line.strip() for line in lines))
    except (minisign.Error, ValueError) as exc:
        raise error(
            "Der öffentliche Schlüssel ist keine gültige minisign-Schlüsseldatei "
            f"({exc}). Bitte die .pub-Datei erneut vom Aussteller anfordern.",
            f"The public key is not a valid minisign key file ({exc}). "
            "Ask the issuer for the .pub file again.",
        ) from exc


def read_secret_key(data: bytes, error: type[FallzahlError] = KeyFileInvalid) -> SecretKey:
    """Parse an unencrypted minisign secret key file."""
    try:
        sk = SecretKey.from_bytes(data.strip())
    except (minisign.Error, ValueError) as exc:
        raise error(
            "Der geheime Schlüssel ist keine gültige minisign-Schlüsseldatei "
            f"({exc}). Bitte die richtige .key-Datei angeben.",
            f"The secret key is not a valid minisign key file ({exc}). Give the right .key file.",
        ) from exc
    if sk.is_encrypted():
        raise error(
            "Der geheime Schlüssel ist mit einem Passwort verschlüsselt. Fallzahl braucht "
            "einen unverschlüsselten Schlüssel (minisign -G -W) oder einen mit "
            "„python -m app scheme keygen“ erzeugten.",
            "The secret key is encrypted with a password. Fallzahl needs an unencrypted "
            "key (minisign -G -W) or one made with 'python -m app scheme keygen'.",
        )
    return sk


def _check_comment(text: str, error: type[FallzahlError]) -> None:
    if any(c != "\t" and not " " <= c < "\x7f" for c in text):
        raise error(
            "Kommentare in minisign-Signaturen dürfen nur ASCII-Zeichen ohne "
            f"Zeilenumbruch enthalten (keine Umlaute): {text!r}.",
            f"Comments in minisign signatures may only hold ASCII without line breaks: {text!r}.",
        )


def sign(
    data: bytes,
    secret_key: bytes | SecretKey,
    trusted_comment: str | None = None,
    *,
    error: type[FallzahlError] = SignatureRefused,
) -> bytes:
    """A detached .minisig signature (bytes, ending in a newline) over ``data``.

    The trusted comment is signed too (ASCII only); default ``timestamp:<unix seconds>``.
    Uses the prehashed algorithm (BLAKE2b-512), the minisign CLI default since 0.11.
    """
    sk = secret_key if isinstance(secret_key, SecretKey) else read_secret_key(secret_key)
    comment = trusted_comment if trusted_comment is not None else f"timestamp:{int(time.time())}"
    _check_comment(comment, error)
    kid = key_id_hex(sk._keynum_sk.key_id)
    try:
        sig = sk.sign(
            data,
            prehash=True,
            untrusted_comment=f"signature from minisign secret key {kid}",
            trusted_comment=comment,
        )
    except minisign.Error as exc:
        raise error(
            f"Signieren ist fehlgeschlagen ({exc}). Bitte den Schlüssel prüfen.",
            f"Signing failed ({exc}). Please check the key.",
        ) from exc
    return bytes(sig) + b"\n"


def signature_key_id(signature: bytes, error: type[FallzahlError] = SignatureRefused) -> str:
    """Key id of the key that made a signature (without checking the signature)."""
    return key_id_hex(_parse_signature(signature, error)._key_id)


def _parse_signature(signature: bytes, error: type[FallzahlError]) -> minisign.Signature:
    try:
        return minisign.Signature.from_bytes(signature.strip())
    except (minisign.Error, ValueError) as exc:
        raise error(
            f"Die Signaturdatei ist beschädigt oder keine minisign-Signatur ({exc}). "
            "Bitte Datei und .minisig-Datei erneut vom Absender holen.",
            f"The signature file is damaged or not a minisign signature ({exc}). "
            "Fetch the file and its .minisig again from the sender.",
        ) from exc


def verify(
    data: bytes,
    signature: bytes | None,
    trusted: Iterable[PublicKey | bytes | str],
    *,
    errors: ErrorSpec = SignatureRefused,
    what: tuple[str, str] = ("die Datei", "the file"),
) -> tuple[str, str]:
    """Check ``signature`` over ``data`` against the trusted keys: (key id hex, trusted comment).

    ``errors`` is one FallzahlError subclass for every failure, or a VerifyErrors naming
    one per failure (missing, malformed, untrusted key, invalid). ``what`` names the thing
    signed in German and English for the messages.
    """
    err = _errors(errors)
    what_de, what_en = what
    if not signature or not signature.strip():
        raise err.missing(
            f"Für {what_de} fehlt die Signatur (.minisig-Datei). Bitte die Datei zusammen "
            "mit ihrer .minisig-Datei vom Absender holen.",
            f"The signature (.minisig file) for {what_en} is missing. Fetch the file "
            "together with its .minisig file from the sender.",
        )
    sig = _parse_signature(signature, err.malformed)
    keys = [k if isinstance(k, PublicKey) else read_public_key(k) for k in trusted]
    kid = key_id_hex(sig._key_id)
    matching = [k for k in keys if k._keynum_pk.key_id == sig._key_id]
    if not matching:
        raise err.untrusted(
            f"{what_de[:1].upper()}{what_de[1:]} ist mit dem Schlüssel {kid} signiert, dem "
            "dieses Programm nicht vertraut. Bitte die IT bitten, den öffentlichen "
            "Schlüssel des Landkreises zu installieren, oder die Datei beim Landkreis "
            "erneut anfordern.",
            f"{what_en[:1].upper()}{what_en[1:]} is signed with key {kid}, which this program "
            "does not trust. Ask IT to install the district's public key, or ask the "
            "district for the file again.",
        )
    for pk in matching:
        try:
            pk.verify(data, sig)
        except minisign.VerifyError:
            continue
        return kid, sig.trusted_comment
    raise err.invalid(
        f"Die Signatur passt nicht zu {what_de}: die Datei wurde nach dem Signieren "
        "verändert oder beschädigt. Bitte die unveränderte Datei erneut vom Absender holen.",
        f"The signature does not match {what_en}: it was changed or damaged after signing. "
        "Fetch the unchanged file again from the sender.",
    )
