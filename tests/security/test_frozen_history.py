"""A counsellor rewrites the frozen history of closed periods: one row per attack.

``anna`` (counsellor) holds the data key that seals the frozen tallies, case-list pages and
manifests (app/vault/archive.py). The frozen history is lead state: the lead's closing signs
the digest of every frozen row (``frozen.digests``), so each rewrite below is named when the
row is read (at unlock or when a page or tally is opened) and by ``check``. The records of a
closed period are checked against its signed tallies (app/stats/history.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import msgspec
import pytest

from app.errors import FallzahlError, LeadStateForged, RecordDamaged
from app.records.overview import CaseRow
from app.stats import history, tally_io
from app.vault import archive, store
from app.vault.vault import Vault
from tests.support import history_vault
from tests.support.passphrases import PASS

ANNA = "anna-passwort"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("frozen") / "vault"
    years = history_vault.build(folder, n_cases=24)
    vault, lead = history_vault.unlock(folder)
    lead.add_user("anna", "counsellor", ANNA)
    lead.close()
    vault.close()
    return folder, years


@dataclass
class World:
    folder: Path

    def session(self, user: str = "leitung"):
        vault = Vault(self.folder)
        try:
            return vault, vault.unlock(user, PASS if user == "leitung" else ANNA)
        except BaseException:
            vault.close()
            raise

    def as_anna(self, fn: Callable) -> None:
        vault, s = self.session("anna")
        try:
            fn(s)
        finally:
            s.close()
            vault.close()


@pytest.fixture
def world(built, tmp_path) -> World:
    history_vault.copy(built[0], tmp_path / "vault")
    return World(tmp_path / "vault")


def _reseal(s, frozen_id: str, change: Callable[[bytes], bytes], *, bump: bool = True) -> None:
    """anna seals a new plaintext for a frozen row and writes the audit entry, as the
    program would: only the lead's signature is missing."""
    row = s.store.row(archive.TABLE, frozen_id)
    plain = s.open_row(archive.TABLE, frozen_id, row[1], row[2])
    rev = row[1] + 1 if bump else row[1]
    with s.store.transaction():
        s.store.put(
            archive.TABLE, frozen_id, rev, s._seal(archive.TABLE, frozen_id, rev, change(plain))
        )
        s._append_audit("tally.frozen", frozen_id, [(archive.TABLE, frozen_id, rev)])


def _inflate_tally(plain: bytes) -> bytes:
    kept = tally_io.from_json(plain)
    rows = tuple(
        msgspec.structs.replace(r, value=r.value * 10) if r.measure == "contacts" else r
        for r in kept.rows
    )
    return tally_io.to_json(msgspec.structs.replace(kept, rows=rows))


def inflates_a_frozen_tally(w: World) -> None:
    w.as_anna(lambda s: _reseal(s, "tally:2023", _inflate_tally))


def hides_a_case_from_the_case_list(w: World) -> None:
    def drop_first(plain: bytes) -> bytes:
        body = msgspec.msgpack.decode(plain, type=archive.Page)
        return msgspec.msgpack.encode(
            archive.Page(rows=body.rows[1:], contact_ids=body.contact_ids[1:])
        )

    def attack(s) -> None:
        page_id = s.history_pages()[0].id
        _reseal(s, page_id, drop_first)

    w.as_anna(attack)


def relabels_a_closing(w: World) -> None:
    def relabel(plain: bytes) -> bytes:
        batch = msgspec.msgpack.decode(plain, type=archive.Batch)
        return msgspec.msgpack.encode(msgspec.structs.replace(batch, label="2030"))

    w.as_anna(lambda s: _reseal(s, "batch:1", relabel))


def deletes_a_frozen_tally(w: World) -> None:
    def attack(s) -> None:
        with s.store.transaction():
            s.store.delete(archive.TABLE, "tally:2023-Q2")
            s._append_audit("x", "", [(archive.TABLE, "tally:2023-Q2", -1)])

    w.as_anna(attack)


def puts_an_old_revision_back(w: World) -> None:
    """No key needed: the sealed row of an earlier revision, copied back by hand."""
    conn = sqlite3.connect(w.folder / store.DB_NAME)
    frozen_id, rev, sealed = conn.execute(
        "SELECT id, rev, sealed FROM frozen WHERE id LIKE 'tally:%' LIMIT 1"
    ).fetchone()
    conn.close()
    label = frozen_id.removeprefix("tally:")
    vault, lead = w.session()
    lead.put_frozen_tally(label, lead.frozen_tally(label))  # a lead's rewrite: rev + 1
    lead.close()
    vault.close()
    conn = sqlite3.connect(w.folder / store.DB_NAME)
    conn.execute("UPDATE frozen SET rev=?, sealed=? WHERE id=?", [rev, sealed, frozen_id])
    conn.commit()
    conn.close()


def _open_tally(w: World, user: str) -> None:
    vault, s = w.session(user)
    try:
        for label in s.frozen_tally_labels():
            history.frozen(s, label)
    finally:
        s.close()
        vault.close()


def _open_pages(w: World, user: str) -> None:
    vault, s = w.session(user)
    try:
        for ref in s.history_pages():
            s.history_page(ref.id)
    finally:
        s.close()
        vault.close()


def _check(w: World, user: str) -> None:
    """``check`` as the CLI runs it: the vault, then the frozen tallies against the records."""
    vault, s = w.session(user)
    try:
        problems = s.check() or history.check(s)
    finally:
        s.close()
        vault.close()
    if problems:
        raise problems[0]


# (attack, what is tried afterwards, by whom, the error)
ROWS = [
    (inflates_a_frozen_tally, _open_tally, "leitung", LeadStateForged),
    (inflates_a_frozen_tally, _open_tally, "anna", LeadStateForged),
    (inflates_a_frozen_tally, _check, "leitung", LeadStateForged),
    (hides_a_case_from_the_case_list, _open_pages, "leitung", LeadStateForged),
    (hides_a_case_from_the_case_list, _check, "anna", LeadStateForged),
    (relabels_a_closing, _open_pages, "leitung", LeadStateForged),  # at unlock's first read
    (deletes_a_frozen_tally, _open_tally, "leitung", LeadStateForged),
    (deletes_a_frozen_tally, _check, "leitung", LeadStateForged),
    (puts_an_old_revision_back, _open_tally, "anna", LeadStateForged),
]


@pytest.mark.parametrize(
    ("attack", "then", "user", "error"),
    ROWS,
    ids=[f"{r[0].__name__}/{r[1].__name__}/{r[2]}" for r in ROWS],
)
def test_a_counsellors_rewrite_of_the_frozen_history_is_named(world, attack, then, user, error):
    attack(world)
    with pytest.raises(error) as err:
        then(world, user)
    assert err.value.message("de") and err.value.message("en")


def test_a_rewritten_frozen_record_is_found_against_the_signed_tally(world):
    """anna changes a frozen case's problem codes (sealed, audited): the signed tally of
    its closed year no longer agrees, and ``check`` names the year."""

    def attack(s) -> None:
        row = s.store.db.execute("SELECT id FROM cases_frozen LIMIT 1").fetchone()
        case = s.case(row[0])
        other = next(c for c in s.scheme.problem_domain if c not in case.problems)
        changed = msgspec.structs.replace(case, problems=[*case.problems, other])
        from app.records import model

        s._write("cases_frozen", case.id, model.encode(changed), "case.changed")

    world.as_anna(attack)
    with pytest.raises(FallzahlError) as err:
        _check(world, "leitung")
    assert "frozen tally" in err.value.message("en")


def test_a_counsellors_save_of_a_frozen_case_is_pending_until_a_leads_unlock(world):
    vault, anna = world.session("anna")
    case_id = anna.store.db.execute("SELECT id FROM cases_frozen LIMIT 1").fetchone()[0]
    case = anna.case(case_id)
    anna.save_case(msgspec.structs.replace(case, counsellor="B42"))  # left open by the close
    shown = [r for ref in anna.history_pages() for r in anna.history_page(ref.id)]
    assert [r.counsellor for r in shown if r.case_id == case_id] == ["B42"]
    assert set(archive.pending(anna)) == {case_id}
    assert anna.check() == []
    anna.close()
    vault.close()
    vault, lead = world.session()  # the lead's unlock signs it into the page
    assert archive.pending(lead) == {}
    shown = [r for ref in lead.history_pages() for r in lead.history_page(ref.id)]
    assert [r.counsellor for r in shown if r.case_id == case_id] == ["B42"]
    assert lead.check() == [] and history.check(lead) == []
    lead.close()
    vault.close()


def test_a_forged_pending_row_shows_only_what_a_counsellor_may_change_and_is_named(world):
    def attack(s) -> None:
        ref = s.history_pages()[0]
        row = s.history_page(ref.id)[0]
        fake = msgspec.structs.replace(row, code="9999-0001", counsellor="X", domains=9)
        with s.store.transaction():
            pid = archive.PENDING + row.case_id
            s.store.put(
                archive.TABLE, pid, 1, s._seal(archive.TABLE, pid, 1, msgspec.msgpack.encode(fake))
            )
            s._append_audit("case.summary.pending", pid, [(archive.TABLE, pid, 1)])

    world.as_anna(attack)
    vault, anna = world.session("anna")
    rows = [r for ref in anna.history_pages() for r in anna.history_page(ref.id)]
    assert "9999-0001" not in {r.code for r in rows} and 9 not in {r.domains for r in rows}
    assert any(isinstance(p, RecordDamaged) for p in anna.check())  # the record says otherwise
    anna.close()
    vault.close()


def test_a_correction_by_reopening_and_closing_again_is_signed(world):
    from app.office.period_close import close_period, reopen_period
    from app.records.periods import parse_period

    vault, lead = world.session()
    version = lead.lead_head.version
    reopen_period(lead, parse_period("2024"), "Korrektur")
    close_period(lead, parse_period("2024"), accepted_reason="Demo")
    assert lead.lead_head.version > version
    assert lead.check() == [] and history.check(lead) == []
    lead.close()
    vault.close()
    _open_tally(world, "anna")  # the new frozen tallies are as the lead signed them


def test_a_vault_frozen_before_the_digests_is_signed_at_the_leads_unlock(world):
    """Frozen by the previous release: no digests yet. Reads are unverified until the
    lead's next unlock signs what is there (docs/security.md)."""
    vault, lead = world.session()
    with lead._lead_change():
        lead.store.delete("settings", archive.DIGESTS.key)
        lead._lead_rows.refresh()
        lead._sign_lead_state("setting.changed", "test", [("settings", archive.DIGESTS.key, -1)])
    lead.close()  # its next unlock would sign again; look as a counsellor first
    vault.close()
    vault, anna = world.session("anna")
    assert archive.digests(anna) is None and anna.history_pages()
    anna.close()
    vault.close()
    vault, lead = world.session()
    assert archive.digests(lead) is not None and lead.check() == []
    lead.close()
    vault.close()


def test_pending_rows_are_plain_case_rows():
    assert set(archive.OPEN_FIELDS) <= set(CaseRow.__struct_fields__)
