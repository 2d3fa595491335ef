"""The plan's figures back to the offices: the feedback round trip and every refusal."""

from __future__ import annotations

import msgspec
import pytest

from app.crypto import signing
from app.district import desk as district
from app.district import feedback as district_feedback
from app.district.population import demo_population_file, import_population
from app.errors import (
    FeedbackOtherOffice,
    FeedbackOutdated,
    FeedbackTampered,
    FeedbackUntrusted,
    NotAllowed,
)
from app.exchange import feedback as fmt
from app.office import feedback_import
from tests.support.district_world import Office, make_district, on_time
from tests.support.passphrases import FAST_KDF


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("fb")
    out = root / "out"
    out.mkdir()
    vault, desk = make_district(root / "desk", FAST_KDF)
    a = Office(root, "HZ-A", 1, FAST_KDF, cases=80)
    b = Office(root, "HZ-B", 2, FAST_KDF, cases=80)
    for o in (a, b):
        district.enrol(desk, o.office_id, o.office_id, o.public_key)
    for q in (1, 2):
        path, _sha = a.export(q, out)
        assert district.import_paths(desk, [path], now=on_time(q))[0].accepted
    path, _sha = b.export(1, out)
    assert district.import_paths(desk, [path], now=on_time(1))[0].accepted
    a.export(3, out)  # sent, never read in at the district
    import_population(desk, demo_population_file())
    yield a, b, desk, root
    for o in (a, b):
        o.close()
    desk.close()
    vault.close()


def test_round_trip_and_what_the_office_sees(world):
    a, _b, desk, root = world
    path = district_feedback.write_feedback(desk, "2025-Q1", root / "fb1")
    assert path.name == "15085_2025-Q1_1.fallzahl-feedback"
    assert path.with_name(path.name + ".minisig").exists()
    got = feedback_import.import_feedback_file(a.session, path)
    assert got.version == 1 and got.period == "2025-Q1"
    assert feedback_import.held(a.session)["2025-Q1"] == got
    # only published figures: the table is the report's published table, hidden cells None
    from app.district.indicators import planning_report
    from app.records.periods import parse_period

    rep = planning_report(desk, parse_period("2025-Q1"))
    assert got.table == rep.published.rows
    assert got.indicators.totals["cases_active"].count == rep.published.value("cases_active")
    assert got.indicators.population_total == 208_804
    s = feedback_import.standing(a.session, got)
    sent = {
        p.period: p
        for p in __import__("app.office.export", fromlist=["x"]).sent_packages(a.session)
    }
    assert s.counted == (("2025-Q1", sent["2025-Q1"].sequence, True),)
    assert s.offices_counted == 2
    mine = dict(rep.by_office)["HZ-A"]
    assert s.office == mine
    for v, d, share in zip(s.office, s.district, s.shares, strict=True):
        assert share == (None if v is None or not d else v / d)
    assert s.hidden_cells == sum(1 for r in rep.published.rows if r.value is None)


def test_year_feedback_names_every_quarter_counted_and_what_was_not(world):
    a, _b, desk, root = world
    path = district_feedback.write_feedback(desk, "2025", root / "fb-year")
    got = feedback_import.import_feedback_file(a.session, path)
    s = feedback_import.standing(a.session, got)
    assert [c[0] for c in s.counted] == ["2025-Q1", "2025-Q2"]
    assert [q for q, _seq in s.sent_not_counted] == ["2025-Q3"]


def test_newer_edition_replaces_older_and_same_or_older_is_refused(world):
    _a, b, desk, root = world
    first = district_feedback.write_feedback(desk, "2025-Q2", root / "e1")
    second = district_feedback.write_feedback(desk, "2025-Q2", root / "e2")
    assert first.name.endswith("_1.fallzahl-feedback")
    assert second.name.endswith("_2.fallzahl-feedback")
    feedback_import.import_feedback_file(b.session, second)
    for again in (first, second):
        with pytest.raises(FeedbackOutdated, match="Ausgabe 2"):
            feedback_import.import_feedback_file(b.session, again)
    assert feedback_import.held(b.session)["2025-Q2"].version == 2
    # an office without a package in the period sees that nothing of it was counted
    s = feedback_import.standing(b.session, feedback_import.held(b.session)["2025-Q2"])
    assert s.counted == () and all(v is None for v in s.office)


def test_a_feedback_file_named_by_an_earlier_version_is_read(world):
    """Earlier versions wrote ``.feedback`` (+ ``.feedback.minisig``): still read in, and
    still opened from the file manager."""
    from app.cli import opened

    _a, b, desk, root = world
    path = district_feedback.write_feedback(desk, "2025", root / "old-name")
    old = path.with_name(path.name.removesuffix(fmt.SUFFIX) + ".feedback")
    path.rename(old)
    path.with_name(path.name + ".minisig").rename(old.with_name(old.name + ".minisig"))
    assert feedback_import.import_feedback_file(b.session, old).period == "2025"
    assert opened.kind(old) == opened.FEEDBACK
    assert opened.kind(old.with_name(old.name + ".minisig")) is None  # the signature is none


def _signed(data: bytes, secret: bytes, comment: str) -> bytes:
    return signing.sign(data, secret, comment)


def refusal_cases(world):
    _a, _b, desk, _root = world
    name, data, sig = district_feedback.make_feedback(desk, "2025-Q1")
    f = msgspec.json.decode(data, type=fmt.Feedback)
    secret = district.signing_key(desk)
    other_secret, _pub = signing.generate_keypair("not the district")
    changed = data.replace(b'"threshold":3', b'"threshold":1')
    assert changed != data
    other = msgspec.structs.replace(f, district_ags="15086", district="Salzlandkreis")
    other_data = fmt.encode(other)
    wrong_comment = fmt.trusted_comment(msgspec.structs.replace(f, version=f.version + 7))
    return [
        ("changed after signing", changed, sig, FeedbackTampered),
        ("signature of another file", data, _signed(b"other", secret, fmt.trusted_comment(f)),
         FeedbackTampered),
        ("no signature", data, None, FeedbackTampered),
        ("damaged signature", data, b"untrusted comment: x\nnot base64\n", FeedbackTampered),
        ("comment names another edition", data, _signed(data, secret, wrong_comment),
         FeedbackTampered),
        ("untrusted district key", data, _signed(data, other_secret, fmt.trusted_comment(f)),
         FeedbackUntrusted),
        ("another district", other_data, _signed(other_data, secret, fmt.trusted_comment(other)),
         FeedbackOtherOffice),
        ("not json", b"{", _signed(b"{", secret, fmt.trusted_comment(f)), FeedbackTampered),
    ]  # fmt: skip


def test_refusals(world):
    a, _b, _desk, _root = world
    before = dict(feedback_import.held(a.session))
    cases = refusal_cases(world)
    for name, data, sig, error in cases:
        with pytest.raises(error) as got:
            feedback_import.import_feedback(a.session, data, sig)
        assert got.value.message("de") and got.value.message("en"), name
    assert feedback_import.held(a.session) == before  # nothing taken


def test_only_the_district_lead_publishes(world, tmp_path):
    a, _b, _desk, _root = world
    with pytest.raises(NotAllowed):
        district_feedback.make_feedback(a.session, "2025-Q1")


def test_a_provisioned_district_key_is_trusted(world):
    """A real district signs with its own key, which the office knows from provisioning."""
    from app.office.info import TRUST_ANCHORS

    a, _b, desk, _root = world
    secret, public = signing.generate_keypair("Landkreis Harz")
    name, data, _sig = district_feedback.make_feedback(desk, "2025-Q2")
    f = msgspec.json.decode(data, type=fmt.Feedback)
    sig = signing.sign(data, secret, fmt.trusted_comment(f))
    with pytest.raises(FeedbackUntrusted):
        feedback_import.import_feedback(a.session, data, sig)
    TRUST_ANCHORS.write(a.session, [public.decode("ascii")])
    assert feedback_import.import_feedback(a.session, data, sig).period == "2025-Q2"
