"""Provisioning files: accepted when valid, each refusal with its own error and message."""

from __future__ import annotations

import base64
import datetime as dt
import json

import pytest
from pyrage import x25519

from app import errors
from app.crypto import signing
from app.exchange import provisioning
from app.office import info as office
from app.resources import resource_path
from app.scheme.trust import shipped_scheme, trusted_keys
from conftest import FAST_KDF, PASS

TODAY = dt.date(2026, 3, 1)
DEMO_KEY = resource_path("demo", "district-demo.key").read_bytes()
RECIPIENT = str(x25519.Identity.generate().to_public())


def make(key: bytes = DEMO_KEY, **kw) -> bytes:
    doc, sig = shipped_scheme()
    values = dict(
        office_id="HZ-QLB-01",
        office_name="Beratungsstelle Quedlinburg",
        district_name="Landkreis Harz",
        district_ags="15085",
        recipients=[RECIPIENT],
        trust_anchors=trusted_keys(),
        scheme_doc=doc,
        scheme_sig=sig,
        policy=office.Policy(auto_lock_minutes=7, backup_folder="D:/Sicherung"),
        created_at=dt.datetime(2026, 2, 1, tzinfo=dt.UTC),
        expires=dt.date(2026, 6, 30),
    )
    values.update(kw)
    return provisioning.make_provisioning(key, **values)


def resign(data: bytes, change) -> bytes:
    """Decode the document, let ``change`` edit it, sign it again with the demo key."""
    env = json.loads(data)
    doc = json.loads(base64.b64decode(env["document"]))
    change(doc)
    body = json.dumps(doc).encode()
    env["document"] = base64.b64encode(body).decode()
    env["signature"] = signing.sign(body, DEMO_KEY).decode()
    return json.dumps(env).encode()


def test_valid_file_is_accepted():
    prov = provisioning.verify_provisioning(make(), trusted_keys(), TODAY)
    assert prov.office_id == "HZ-QLB-01"
    assert prov.district_ags == "15085"
    assert prov.recipients == (RECIPIENT,)
    assert prov.policy.auto_lock_minutes == 7
    assert prov.signed_by == signing.key_id(trusted_keys()[0])
    assert prov.scheme_doc == shipped_scheme()[0]


def test_signature_checks_with_the_bytes_in_the_file():
    """The documented hand check: base64-decode document, verify signature over it."""
    env = json.loads(make())
    body = base64.b64decode(env["document"])
    signing.verify(body, env["signature"].encode(), trusted_keys())


def _tamper(data: bytes) -> bytes:
    env = json.loads(data)
    body = base64.b64decode(env["document"]).replace(b"Quedlinburg", b"Quedlinbury")
    env["document"] = base64.b64encode(body).decode()
    return json.dumps(env).encode()


def _unsigned(data: bytes) -> bytes:
    env = json.loads(data)
    del env["signature"]
    return json.dumps(env).encode()


def _bare_document(data: bytes) -> bytes:
    return base64.b64decode(json.loads(data)["document"])


OTHER_KEY, OTHER_PUB = signing.generate_keypair("another district")

CASES = [
    # (name, file maker, today, error, words in the German message, words in the English one)
    (
        "unsigned",
        lambda: _unsigned(make()),
        TODAY,
        errors.ProvisioningUnsigned,
        "fehlt die Signatur",
        "missing",
    ),
    (
        "bare document",
        lambda: _bare_document(make()),
        TODAY,
        errors.ProvisioningUnsigned,
        "fehlt die Signatur",
        "missing",
    ),
    (
        "tampered",
        lambda: _tamper(make()),
        TODAY,
        errors.ProvisioningBadSignature,
        "verändert",
        "changed",
    ),
    (
        "untrusted key",
        lambda: make(key=OTHER_KEY),
        TODAY,
        errors.ProvisioningUntrustedKey,
        "nicht vertraut",
        "does not trust",
    ),
    (
        "other district",
        lambda: resign(make(), lambda d: d["district"].update(ags="15084")),
        TODAY,
        errors.ProvisioningOtherDistrict,
        "Kreis 15085",
        "own district",
    ),
    ("expired", make, dt.date(2026, 7, 1), errors.ProvisioningExpired, "abgelaufen", "expired"),
    (
        "not json",
        lambda: b"\x00garbage",
        TODAY,
        errors.ProvisioningInvalid,
        "keine JSON-Datei",
        "not a JSON file",
    ),
    (
        "no office id",
        lambda: resign(make(), lambda d: d["office"].pop("id")),
        TODAY,
        errors.ProvisioningInvalid,
        "Feld office.id: fehlt",
        "field office.id: missing",
    ),
    (
        "bad recipient",
        lambda: resign(make(), lambda d: d.update(recipients=["age1nope"])),
        TODAY,
        errors.ProvisioningInvalid,
        "Feld recipients[0]",
        "field recipients[0]",
    ),
    (
        "auto-lock out of range",
        lambda: resign(make(), lambda d: d["policy"].update(auto_lock_minutes=0)),
        TODAY,
        errors.ProvisioningInvalid,
        "Feld policy.auto_lock_minutes",
        "field policy.auto_lock_minutes",
    ),
    (
        "bad expiry",
        lambda: resign(make(), lambda d: d.update(expires="soon")),
        TODAY,
        errors.ProvisioningInvalid,
        "Feld expires",
        "field expires",
    ),
    (
        "scheme not base64",
        lambda: resign(make(), lambda d: d["scheme"].update(doc="***")),
        TODAY,
        errors.ProvisioningInvalid,
        "Feld scheme.doc",
        "field scheme.doc",
    ),
    (
        "newer format",
        lambda: resign(make(), lambda d: d.update(format_version=2)),
        TODAY,
        errors.ProvisioningInvalid,
        "Feld format_version",
        "field format_version",
    ),
]


@pytest.mark.parametrize(
    ("name", "maker", "today", "error", "de", "en"), CASES, ids=[c[0] for c in CASES]
)
def test_refusals(name, maker, today, error, de, en):
    with pytest.raises(error) as info:
        provisioning.verify_provisioning(maker(), trusted_keys(), today)
    assert isinstance(info.value, errors.ProvisioningRefused)
    assert de in info.value.message("de")
    assert en in info.value.message("en")


def test_make_refuses_to_sign_a_broken_document():
    with pytest.raises(errors.ProvisioningInvalid) as info:
        make(recipients=[])
    assert info.value.field == "recipients"


def _cli(monkeypatch, *argv: str) -> int:
    from app.cli import main as cli
    from app.crypto import kdf as keys

    monkeypatch.setattr(keys, "calibrate", lambda *a, **k: FAST_KDF)
    monkeypatch.setenv("FALLZAHL_PASSPHRASE", PASS)
    return cli.main(list(argv))


def test_init_from_provisioning_via_cli(tmp_path, monkeypatch, capsys):
    from app.office import provision_setup
    from app.vault.vault import Vault

    path = tmp_path / "office.fallzahl-provisioning"
    path.write_bytes(make(expires=dt.date.today() + dt.timedelta(days=30)))
    vault_dir = tmp_path / "vault"
    rc = _cli(
        monkeypatch,
        "--vault",
        str(vault_dir),
        "--user",
        "leitung",
        "init",
        "--provisioning",
        str(path),
    )
    out = capsys.readouterr()
    assert rc == 0, out.err
    assert "Wiederherstellungsschlüssel" in out.out
    vault = Vault(vault_dir)
    session = vault.unlock("leitung", PASS)
    try:
        info = office.office_info(session)
        assert (info.office_id, info.name, info.district) == (
            "HZ-QLB-01",
            "Beratungsstelle Quedlinburg",
            "Landkreis Harz",
        )
        assert office.policy(session) == office.Policy(
            auto_lock_minutes=7, backup_folder="D:/Sicherung"
        )
        assert provision_setup.district_recipients(session) == [RECIPIENT]
        assert session.scheme.id == "lk-harz"
    finally:
        session.close()
        vault.close()


def test_init_refused_file_leaves_no_vault(tmp_path, monkeypatch, capsys):
    path = tmp_path / "office.fallzahl-provisioning"
    path.write_bytes(_tamper(make(expires=dt.date.today() + dt.timedelta(days=30))))
    vault_dir = tmp_path / "vault"
    rc = _cli(
        monkeypatch,
        "--vault",
        str(vault_dir),
        "--user",
        "leitung",
        "init",
        "--provisioning",
        str(path),
    )
    assert rc == 1
    assert "verändert" in capsys.readouterr().err
    assert not vault_dir.exists()


def test_provision_verb_writes_a_file_that_verifies(tmp_path, capsys):
    import argparse

    from app.cli.provision import add_provision_verb

    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="verb")
    add_provision_verb(sub)
    out = tmp_path / "p.fallzahl-provisioning"
    args = parser.parse_args(
        [
            "provision",
            "--office-id",
            "HZ-WR-02",
            "--office-name",
            "Wernigerode",
            "--out",
            str(out),
            "--recipient",
            RECIPIENT,
            "--auto-lock",
            "15",
        ]
    )
    assert args.handler(args) == 0
    prov = provisioning.verify_provisioning(out.read_bytes(), trusted_keys(), dt.date.today())
    assert (prov.office_id, prov.policy.auto_lock_minutes) == ("HZ-WR-02", 15)


# district provision against a district vault: its own key, recipient and scheme
def _district(tmp_path, demo: bool):
    from app.district.setup import init_district

    folder = tmp_path / ("demo-desk" if demo else "desk")
    init_district(
        folder, district_name="Landkreis Harz", user="planung", passphrase=PASS, demo=demo,
        kdf=FAST_KDF,
    )  # fmt: skip
    return folder


def _desk_info(folder):
    from app.district import desk as district
    from app.vault.vault import Vault

    vault = Vault(folder)
    session = vault.unlock("planung", PASS)
    try:
        return district.district_info(session)
    finally:
        session.close()
        vault.close()


def test_district_provision_verb_uses_the_district_vaults_own_key(tmp_path, monkeypatch, capsys):
    folder = _district(tmp_path, demo=False)
    info = _desk_info(folder)
    out = tmp_path / "HZ-WR-02.fallzahl-provisioning"
    args = ("--vault", str(folder), "--user", "planung", "district", "provision")
    rc = _cli(
        monkeypatch, *args, "--office-id", "HZ-WR-02", "--office-name", "Wernigerode",
        "--out", str(out), "--auto-lock", "12",
    )  # fmt: skip
    assert rc == 0, capsys.readouterr().err
    data = out.read_bytes()
    # not the demo key: the shipped trust anchors refuse it ...
    with pytest.raises(errors.ProvisioningUntrustedKey):
        provisioning.verify_provisioning(data, trusted_keys(), dt.date.today())
    # ... the district's own public key verifies it, with the district's recipient
    prov = provisioning.verify_provisioning(data, [info.public_key], dt.date.today())
    assert prov.signed_by == signing.key_id(info.public_key.encode())
    assert prov.recipients == (info.age_recipient,)
    assert prov.trust_anchors == (info.public_key.encode(),)
    assert (prov.office_id, prov.policy.auto_lock_minutes) == ("HZ-WR-02", 12)
    # the demo key, recipient or scheme cannot be slipped in without --key
    rc = _cli(
        monkeypatch, *args, "--office-id", "HZ-WR-02", "--office-name", "Wernigerode",
        "--out", str(out), "--recipient", RECIPIENT,
    )  # fmt: skip
    assert rc != 0 and "--key" in capsys.readouterr().err


def test_district_provision_verb_demo_district_and_office_vault(tmp_path, monkeypatch, capsys):
    folder = _district(tmp_path, demo=True)
    out = tmp_path / "p.fallzahl-provisioning"
    rc = _cli(
        monkeypatch, "--vault", str(folder), "--user", "planung", "district", "provision",
        "--office-id", "HZ-QLB-01", "--office-name", "Quedlinburg", "--out", str(out),
    )  # fmt: skip
    assert rc == 0, capsys.readouterr().err
    prov = provisioning.verify_provisioning(out.read_bytes(), trusted_keys(), dt.date.today())
    assert prov.office_id == "HZ-QLB-01"
    # an office vault is no district: refused, nothing written
    from app.office.setup import init_office

    office_dir = tmp_path / "office"
    init_office(office_dir, office_id="HZ-X-01", office_name="X", user="leitung",
                passphrase=PASS, kdf=FAST_KDF)  # fmt: skip
    other = tmp_path / "other.fallzahl-provisioning"
    rc = _cli(
        monkeypatch, "--vault", str(office_dir), "--user", "leitung", "district", "provision",
        "--office-id", "HZ-QLB-01", "--office-name", "Quedlinburg", "--out", str(other),
    )  # fmt: skip
    assert rc == 1 and "Landkreis" in capsys.readouterr().err
    assert not other.exists()


def test_provisioning_files_found_where_the_installer_puts_them(tmp_path, monkeypatch):
    monkeypatch.setenv("FALLZAHL_PROVISIONING_DIR", str(tmp_path))
    assert provisioning.find_provisioning_files() == []
    (tmp_path / "HZ-QLB-01.fallzahl-provisioning").write_bytes(make())
    (tmp_path / "notes.txt").write_text("x")
    assert [p.name for p in provisioning.find_provisioning_files()] == [
        "HZ-QLB-01.fallzahl-provisioning"
    ]
    monkeypatch.delenv("FALLZAHL_PROVISIONING_DIR")
    monkeypatch.setattr(provisioning.sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMDATA", "C:/ProgramData")
    assert provisioning.provisioning_folders() == [
        provisioning.Path("C:/ProgramData") / "Fallzahl" / "provisioning"
    ]
