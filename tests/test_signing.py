"""app/signing: round trips, every failure as its own error, interop with the minisign CLI."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from app.crypto import signing
from app.errors import (
    FallzahlError,
    KeyFileInvalid,
    SchemeBadSignature,
    SchemeUnsigned,
    SchemeUntrustedKey,
    SignatureRefused,
)

needs_minisign = pytest.mark.skipif(
    shutil.which("minisign") is None, reason="minisign command-line tool not installed"
)


@pytest.fixture(scope="module")
def pair() -> tuple[bytes, bytes]:
    return signing.generate_keypair("test key")


def test_round_trip(pair: tuple[bytes, bytes]) -> None:
    secret, public = pair
    sig = signing.sign(b"hello", secret, "office:X\tperiod:2026-Q1")
    kid, comment = signing.verify(b"hello", sig, [public])
    assert kid == signing.key_id(public) == signing.signature_key_id(sig)
    assert len(kid) == 16 and kid == kid.upper()
    assert comment == "office:X\tperiod:2026-Q1"


def test_key_files_are_standard_text(pair: tuple[bytes, bytes]) -> None:
    secret, public = pair
    assert public.startswith(b"untrusted comment: minisign public key ")
    assert len(public.splitlines()) == 2
    assert secret.startswith(b"untrusted comment: minisign secret key ")
    assert signing.public_key_from_secret(secret).splitlines()[1] == public.splitlines()[1]
    # the bare base64 line (minisign -P form) is accepted too
    assert signing.key_id(public.splitlines()[1]) == signing.key_id(public)


def test_default_trusted_comment_is_timestamp(pair: tuple[bytes, bytes]) -> None:
    secret, public = pair
    _, comment = signing.verify(b"x", signing.sign(b"x", secret), [public])
    assert comment.startswith("timestamp:")


@pytest.mark.parametrize(
    ("case", "expected", "fragment"),
    [
        ("missing", SchemeUnsigned, "fehlt die Signatur"),
        ("empty", SchemeUnsigned, "fehlt die Signatur"),
        ("garbage", SchemeBadSignature, "beschädigt"),
        ("other_key", SchemeUntrustedKey, "nicht vertraut"),
        ("changed_data", SchemeBadSignature, "passt nicht"),
        ("changed_comment", SchemeBadSignature, "passt nicht"),
    ],
)
def test_verify_failures(
    pair: tuple[bytes, bytes], case: str, expected: type[FallzahlError], fragment: str
) -> None:
    secret, public = pair
    data = b"payload"
    sig: bytes | None = signing.sign(data, secret, "c:1")
    if case == "missing":
        sig = None
    elif case == "empty":
        sig = b"\n"
    elif case == "garbage":
        sig = b"untrusted comment: x\nnot base64!\n"
    elif case == "other_key":
        other_secret, _ = signing.generate_keypair()
        sig = signing.sign(data, other_secret)
    elif case == "changed_data":
        data = b"payload!"
    elif case == "changed_comment":
        assert sig is not None
        sig = sig.replace(b"trusted comment: c:1", b"trusted comment: c:2")
    errors = signing.VerifyErrors(
        missing=SchemeUnsigned,
        malformed=SchemeBadSignature,
        untrusted=SchemeUntrustedKey,
        invalid=SchemeBadSignature,
    )
    with pytest.raises(expected) as info:
        signing.verify(data, sig, [public], errors=errors, what=("das Schema", "the scheme"))
    assert fragment in info.value.de
    assert info.value.en and info.value.en != info.value.de


def test_generic_error_when_caller_names_none(pair: tuple[bytes, bytes]) -> None:
    secret, public = pair
    with pytest.raises(SignatureRefused):
        signing.verify(b"a", signing.sign(b"b", secret), [public])


@pytest.mark.parametrize(
    "data",
    [b"", b"just one line", b"untrusted comment: x\nAAAA\n", b"a\nb\nc\n"],
)
def test_bad_key_files(data: bytes) -> None:
    with pytest.raises(KeyFileInvalid):
        signing.read_public_key(data)
    with pytest.raises(KeyFileInvalid):
        signing.read_secret_key(data)


def test_non_ascii_comment_refused(pair: tuple[bytes, bytes]) -> None:
    with pytest.raises(SignatureRefused, match="ASCII"):
        signing.sign(b"x", pair[0], "Übersicht")


@pytest.mark.tools
@needs_minisign
def test_cli_verifies_our_signature(tmp_path: Path, pair: tuple[bytes, bytes]) -> None:
    secret, public = pair
    (tmp_path / "key.pub").write_bytes(public)
    (tmp_path / "file").write_bytes(b"some data\n")
    (tmp_path / "file.minisig").write_bytes(signing.sign(b"some data\n", secret, "hello"))
    out = subprocess.run(
        ["minisign", "-V", "-p", str(tmp_path / "key.pub"), "-m", str(tmp_path / "file")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "hello" in out.stdout


@pytest.mark.tools
@needs_minisign
def test_we_verify_cli_signature(tmp_path: Path) -> None:
    pub, key, file = tmp_path / "k.pub", tmp_path / "k.key", tmp_path / "file"
    subprocess.run(
        ["minisign", "-G", "-W", "-p", str(pub), "-s", str(key)],
        capture_output=True,
        check=True,
    )
    file.write_bytes(b"data from the CLI")
    subprocess.run(
        ["minisign", "-S", "-s", str(key), "-m", str(file), "-t", "from cli"],
        capture_output=True,
        check=True,
    )
    sig = (tmp_path / "file.minisig").read_bytes()
    kid, comment = signing.verify(file.read_bytes(), sig, [pub.read_bytes()])
    assert comment == "from cli"
    # the CLI prints the id without leading zeros
    assert kid.lstrip("0") in pub.read_text().splitlines()[0]
    # and its unencrypted secret key signs here too
    ours = signing.sign(b"x", key.read_bytes(), "y")
    assert signing.verify(b"x", ours, [pub.read_bytes()]) == (kid, "y")
