"""Receipts and feedback trust the district keys the office's provisioning file installed.

A district working with its own keys (not the shipped demo keys) gives each office a signed
provisioning file that carries its signing key as a trust anchor: the office then accepts that
district's receipts, refuses one signed by any other key with ReceiptWrongSigner, and an office
set up by hand (no provisioned key) refuses the district's receipt the same way.
"""

from __future__ import annotations

import datetime as dt

import msgspec
import pytest

from app import errors
from app.crypto import signing
from app.district import desk as district
from app.district import receipts as district_receipts
from app.district.setup import init_district
from app.exchange import provisioning
from app.exchange import receipt as receipts
from app.office import demo, district_trust, receipt_import
from app.office import info as office
from app.office import keys as office_keys
from app.office.export import build_package, sent_packages
from app.office.period_close import close_period
from app.office.setup import init_from_provisioning, init_office
from app.records.periods import quarter
from app.records.validation import validate_case
from app.resources import resource_path
from app.scheme.trust import shipped_scheme, trusted_keys
from app.vault.vault import Vault
from tests.support.passphrases import FAST_KDF, PASS

DEMO_KEY = resource_path("demo", "district-demo.key").read_bytes()
PERIOD = quarter(2025, 1)


class _Opened:
    def __init__(self, folder) -> None:
        self.vault = Vault(folder)
        self.session = self.vault.unlock("leitung", PASS)

    def close(self) -> None:
        self.session.close()
        self.vault.close()


def _fill_and_export(session, out) -> str:
    cases, contacts = demo.generate(session.scheme, 30, 2025, seed=7)
    ok = set()
    for c in cases:
        try:
            validate_case(c, session.scheme)
        except errors.InvalidRecord:
            continue
        ok.add(c.id)
    session.add_bulk(
        [c for c in cases if c.id in ok],
        [k for k in contacts if k.case_id is None or k.case_id in ok],
        "demo.filled",
    )
    close_period(session, PERIOD, accepted_reason="test")
    path, sha, _manifest = build_package(session, PERIOD, out)
    return str(path)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("trust")
    init_district(root / "desk", district_name="Landkreis Harz", user="leitung",
                  passphrase=PASS, demo=False, kdf=FAST_KDF)  # fmt: skip
    desk = _Opened(root / "desk")
    info = district.district_info(desk.session)
    doc, sig = shipped_scheme()
    prov_file = root / "HZ-QLB-01.fallzahl-provisioning"
    prov_file.write_bytes(
        provisioning.make_provisioning(
            DEMO_KEY,  # signed by a shipped anchor; it brings the district's own key
            office_id="HZ-QLB-01", office_name="Quedlinburg", district_name="Landkreis Harz",
            district_ags="15085", recipients=[info.age_recipient],
            trust_anchors=[info.public_key.encode("ascii")], scheme_doc=doc, scheme_sig=sig,
            policy=office.Policy(), expires=dt.date.today() + dt.timedelta(days=30),
        )
    )  # fmt: skip
    init_from_provisioning(root / "prov", prov_file, user="leitung", passphrase=PASS,
                           kdf=FAST_KDF)  # fmt: skip
    init_office(root / "hand", office_id="HZ-QLB-01", office_name="Quedlinburg",
                user="leitung", passphrase=PASS, kdf=FAST_KDF)  # fmt: skip
    provisioned, by_hand = _Opened(root / "prov"), _Opened(root / "hand")
    (root / "out").mkdir()
    package = _fill_and_export(provisioned.session, root / "out")
    key = office_keys.office_public_key(provisioned.session)[0]
    district.enrol(desk.session, "HZ-QLB-01", "Quedlinburg", key)
    outcome = district.import_paths(desk.session, [package])[0]
    assert outcome.accepted, outcome
    [receipt] = district_receipts.write_all_receipts(desk.session, root / "receipts")
    yield dict(desk=desk, provisioned=provisioned, by_hand=by_hand, receipt=receipt, info=info)
    for opened in (desk, provisioned, by_hand):
        opened.close()


def test_the_provisioned_district_key_is_among_the_trusted(world):
    keys = district_trust.district_keys(world["provisioned"].session)
    assert keys[: len(trusted_keys())] == trusted_keys()
    assert world["info"].public_key.encode("ascii") in keys
    assert world["info"].public_key.encode("ascii") not in district_trust.district_keys(
        world["by_hand"].session
    )


@pytest.mark.parametrize(
    ("office_vault", "signer", "accepted"),
    [
        ("provisioned", "district", True),
        ("provisioned", "unknown", False),
        ("by_hand", "district", False),
    ],
)
def test_receipts_by_signer(world, office_vault, signer, accepted):
    session = world[office_vault].session
    path = world["receipt"]
    data = path.read_bytes()
    sig = path.with_name(path.name + ".minisig").read_bytes()
    public = world["info"].public_key.encode("ascii")
    if signer == "unknown":
        secret, public = signing.generate_keypair("nicht der Landkreis")
        comment = receipts.trusted_comment(msgspec.json.decode(data, type=receipts.Receipt))
        sig = signing.sign(data, secret, comment)
    if accepted:
        sent = receipt_import.import_receipt(session, data, sig)
        assert sent.status == "accepted"
        assert [p.status for p in sent_packages(session)] == ["accepted"]
        return
    before = sent_packages(session)
    with pytest.raises(errors.ReceiptWrongSigner) as refused:
        receipt_import.import_receipt(session, data, sig)
    assert sent_packages(session) == before
    kid = signing.key_id(public)
    assert refused.value.message("de").startswith(
        f"Die Empfangsbestätigung ist mit dem Schlüssel {kid} signiert, dem dieses Programm "
        "nicht vertraut."
    )
    assert refused.value.message("en").startswith(
        f"The receipt is signed with key {kid}, which this program does not trust."
    )
