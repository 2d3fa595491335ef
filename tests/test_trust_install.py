"""``--self-test`` and first set-up on an installation whose trust folder IT changed.

After ``setup.exe /TRUST=district.pub`` only the district's key is trusted, and the shipped
scheme is demo-signed. The self-test must still pass there (it checks the shipped scheme
against the key it was shipped with, says what is trusted, and runs its temporary vault on
the demo anchor in its own process only), and must still fail on a damaged installation.
Setting an office up by hand there is refused with a message naming the provisioning file;
set up from the district's provisioning file, the office opens on the district-signed scheme.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

import app.__main__ as entry
from app.cli import selftest
from app.cli.main import main as cli_main
from app.crypto import age, kdf, signing
from app.errors import DistrictKeyNeedsProvisioning
from app.exchange import provisioning
from app.office.setup import init_from_provisioning, init_office
from app.scheme import trust
from app.scheme.store import stored_scheme
from app.vault.vault import Vault
from tests.support.passphrases import FAST_KDF, PASS
from tests.support.trust_install import installed, trust_district_key

SCHEME = ("schemes", "lk-harz-v1.json")


@pytest.fixture
def resources(tmp_path, monkeypatch):
    monkeypatch.setattr(kdf, "calibrate", lambda: FAST_KDF)  # the self-test's vault, cheaply
    trust._validator.cache_clear()  # read from the installed copy, as a fresh process does
    yield installed(tmp_path, monkeypatch)
    trust._validator.cache_clear()


def run_selftest(tmp_path) -> tuple[list[str], str | None]:
    """The app checks' lines, and the failure line or None."""
    lines: list[str] = []
    folder = tmp_path / "selftest"
    folder.mkdir()
    try:
        selftest.run(lines.append, str(folder)).close()
    except selftest.SelfTestFailed as exc:
        return lines, str(exc)
    return lines, None


def line(lines: list[str], check: str) -> str:
    return next(text for text in lines if text.startswith(f"ok   {check}:"))


def test_self_test_passes_after_trust_install_and_says_what_is_trusted(resources, tmp_path):
    _secret, public = trust_district_key(resources)
    district = signing.key_id(public)
    before = sorted(p.name for p in (resources / "trust").iterdir())

    lines, failed = run_selftest(tmp_path)

    assert failed is None, failed
    for check in ("resources", "trust", "crypto", "vault", "records", "tally", "provisioning"):
        assert line(lines, check)
    assert line(lines, "package")
    trusted = line(lines, "trust")
    assert f"district key {district} installed" in trusted
    assert "demo anchor removed" in trusted and "provisioning file" in trusted
    assert "not trusted here" in trusted
    # what the real program trusts is unchanged, in the folder and in this process
    assert sorted(p.name for p in (resources / "trust").iterdir()) == before
    assert trust.trusted_keys() == [public]


def test_self_test_on_the_demo_anchor_says_demo(resources, tmp_path):
    lines, failed = run_selftest(tmp_path)
    assert failed is None, failed
    assert "demo anchor" in line(lines, "trust") and "only" in line(lines, "trust")
    assert "shipped scheme trusted" in line(lines, "trust")


def test_self_test_with_a_district_signed_shipped_scheme_says_trusted(resources, tmp_path):
    secret, _public = trust_district_key(resources)
    doc = resources.joinpath(*SCHEME)
    doc.with_name(doc.name + ".minisig").write_bytes(signing.sign(doc.read_bytes(), secret))
    lines, failed = run_selftest(tmp_path)
    assert failed is None, failed
    assert "signed by the district, trusted" in line(lines, "trust")


def _tamper_scheme(resources, secret):
    doc = resources.joinpath(*SCHEME)
    doc.write_bytes(doc.read_bytes().replace(b'"version": 1', b'"version": 1 ', 1))


def _resign_with_unknown_key(resources, secret):
    doc = resources.joinpath(*SCHEME)
    stranger, _public = signing.generate_keypair("stranger")
    doc.with_name(doc.name + ".minisig").write_bytes(signing.sign(doc.read_bytes(), stranger))


def _drop_signature(resources, secret):
    doc = resources.joinpath(*SCHEME)
    doc.with_name(doc.name + ".minisig").unlink()


def _drop_schema(resources, secret):
    (resources / "scheme.schema.json").unlink()


def _drop_trust_folder(resources, secret):
    for key in (resources / "trust").iterdir():
        key.unlink()
    (resources / "trust").rmdir()


def _empty_trust_folder(resources, secret):
    for key in (resources / "trust").glob("*.pub"):
        key.unlink()


def _garbage_anchor(resources, secret):
    (resources / "trust" / "harz.pub").write_bytes(b"not a minisign key\n")


def _unreadable_anchor(resources, secret):
    (resources / "trust" / "harz.pub").unlink()
    (resources / "trust" / "harz.pub").mkdir()  # reading it fails as an unreadable file would


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (_tamper_scheme, "FAIL resources: SchemeBadSignature"),
        (_resign_with_unknown_key, "FAIL resources: SchemeUntrustedKey"),
        (_drop_signature, "FAIL resources: FileNotFoundError"),
        (_drop_schema, "FAIL resources: FileNotFoundError"),
        (_drop_trust_folder, "FAIL trust: FileNotFoundError"),
        (_empty_trust_folder, "FAIL trust: AssertionError: no trust anchor"),
        (_garbage_anchor, "FAIL resources: KeyFileInvalid"),
        (_unreadable_anchor, "FAIL resources: IsADirectoryError"),
    ],
)
def test_self_test_fails_on_a_damaged_trust_install(resources, tmp_path, damage, expected):
    secret, _public = trust_district_key(resources)
    damage(resources, secret)
    lines, failed = run_selftest(tmp_path)
    assert failed is not None and failed.startswith(expected), (failed, lines)
    assert trust._selftest_anchors is None  # nothing left overridden after a failure


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any folder")
def test_self_test_fails_on_an_unreadable_trust_folder(resources, tmp_path):
    trust_district_key(resources)
    (resources / "trust").chmod(0)
    try:
        _lines, failed = run_selftest(tmp_path)
    finally:
        (resources / "trust").chmod(0o755)
    assert failed is not None and failed.startswith("FAIL trust: PermissionError"), failed


def test_self_test_command_exits_1_on_a_damaged_install(resources, monkeypatch, capsys):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # ui/selftest.py sets both; undone after
    monkeypatch.setenv("FALLZAHL_NO_DIALOGS", "1")
    trust_district_key(resources)
    _tamper_scheme(resources, None)
    assert entry.main(["--self-test"]) == 1
    captured = capsys.readouterr()
    assert "FAIL resources: SchemeBadSignature" in captured.err
    assert "Traceback" not in captured.err and "self-test passed" not in captured.out


# first set-up by hand on a /TRUST install: refused with what to do, nothing created
def test_init_by_hand_after_trust_install_names_the_provisioning_file(resources, tmp_path):
    trust_district_key(resources)
    with pytest.raises(DistrictKeyNeedsProvisioning) as refused:
        init_office(
            tmp_path / "vault",
            office_id="HZ-QLB-01",
            office_name="Quedlinburg",
            user="leitung",
            passphrase=PASS,
            kdf=FAST_KDF,
        )
    assert "Schlüssel des Landkreises installiert" in refused.value.de
    assert "Bereitstellungsdatei" in refused.value.de
    assert "provisioning file" in refused.value.en
    assert not (tmp_path / "vault").exists()


@pytest.mark.parametrize("language", ["de", "en"])
def test_cli_init_after_trust_install_exits_1_with_the_message(
    resources, tmp_path, monkeypatch, capsys, language
):
    _secret, public = trust_district_key(resources)
    monkeypatch.setenv("FALLZAHL_PASSPHRASE", PASS + "-und-noch-mehr")
    args = ["--lang", language, "--vault", str(tmp_path / "vault"), "--user", "leitung", "init"]
    code = cli_main([*args, "--office-id", "HZ-QLB-01", "--office-name", "Quedlinburg"])
    captured = capsys.readouterr()
    assert code == 1, captured
    expected = {"de": "init --provisioning DATEI", "en": "init --provisioning FILE"}[language]
    assert expected in captured.err and signing.key_id(public) in captured.err
    assert "Traceback" not in captured.err
    assert not (tmp_path / "vault").exists()


# set-up from the district's provisioning file on a /TRUST install
def _district_provisioning(tmp_path, secret, public, doc: bytes, expires: dt.date) -> Path:
    data = provisioning.make_provisioning(
        secret,
        office_id="HZ-QLB-01",
        office_name="Beratungsstelle Quedlinburg",
        district_name="Landkreis Harz",
        district_ags="15085",
        recipients=[age.new_identity()[1]],
        trust_anchors=[public],
        scheme_doc=doc,
        scheme_sig=signing.sign(doc, secret),
        expires=expires,
    )
    path = tmp_path / "HZ-QLB-01.fallzahl-provisioning"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("version", "today"), [(1, dt.date.today()), (2, dt.date(2027, 1, 2))], ids=["same", "newer"]
)
def test_office_from_district_provisioning_after_trust_install_opens(
    resources, tmp_path, version, today
):
    """The district re-signs the shipped scheme (or sends a newer one) with its own key:
    the vault keeps the district-signed copy, so it opens where the demo key is not trusted."""
    secret, public = trust_district_key(resources)
    doc = resources.joinpath("schemes", f"lk-harz-v{version}.json").read_bytes()
    path = _district_provisioning(tmp_path, secret, public, doc, today + dt.timedelta(days=30))
    init_from_provisioning(
        tmp_path / "vault", path, user="leitung", passphrase=PASS, kdf=FAST_KDF, today=today
    )
    vault = Vault(tmp_path / "vault")
    try:
        session = vault.unlock("leitung", PASS)
        try:
            assert session.scheme.version == version
            stored_doc, stored_sig = stored_scheme(session)
            assert stored_doc == doc and signing.signature_key_id(stored_sig) == signing.key_id(
                public
            )
            assert session.get_setting("scheme.doc.v1") in (None, doc)  # no demo-signed copy
        finally:
            session.close()
    finally:
        vault.close()
