"""A removed lead as the attacker: one row per attack, each with the error it must raise.

Roles: ``leitung`` (lead, removes ``lena``), ``lena`` (lead until her removal: she keeps a copy
of vault.db, the old data key, the old lead key and the old lead-state secret key), ``anna``
(counsellor, unlocked after the removal) and ``carl`` (counsellor, has not unlocked since).
Removing a lead rotates the data key, the lead key and the lead-state key; the new public key
is announced by a step of the key chain signed with the old key and named in every new grant,
so forging lead state now needs a data key of the forger's own (docs/security.md).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import msgspec
import pytest

from app.crypto import aead, age, signing
from app.errors import BackupOlderThanRemoval, BackupRefused, LeadStateForged, VaultRolledBack
from app.office import keys as office_keys
from app.office.info import OfficeInfo, set_office_info
from app.records import freeze
from app.vault import keyslots, lead_state, store, witness
from app.vault.backup import restore_backup
from app.vault.vault import Vault
from tests.support.passphrases import FAST_KDF, PASS
from tests.support.records import case

LENA, ANNA, CARL = "lena-passwort", "anna-passwort", "carl-passwort"
PASSES = {"leitung": PASS, "lena": LENA, "anna": ANNA, "carl": CARL}


@dataclass
class Kit:
    """What lena took with her."""

    copy: Path  # vault.db from before her removal
    data_key: bytes
    lead_key: bytes
    state_secret: bytes  # the lead-state secret key file


@dataclass
class World:
    folder: Path
    kit: Kit
    tmp: Path
    recovery: str

    @property
    def db_path(self) -> Path:
        return self.folder / store.DB_NAME

    def unlock(self, user: str) -> list[str]:
        vault = Vault(self.folder)
        try:
            session = vault.unlock(user, PASSES[user])
            try:
                return sorted(c.code for c in session.cases())
            finally:
                session.close()
        finally:
            vault.close()


@pytest.fixture
def world(tmp_path, min_scheme) -> World:
    folder = tmp_path / "vault"
    vault, recovery = Vault.create(folder, user="leitung", passphrase=PASS, kdf=FAST_KDF)
    lead = vault.unlock("leitung", PASS)
    lead.scheme = min_scheme
    set_office_info(lead, OfficeInfo(office_id="HZ-QLB-01", name="Quedlinburg"))
    office_keys.make_office_keys(lead)
    lead.add_user("lena", "lead", LENA)
    lead.add_user("anna", "counsellor", ANNA)
    lead.add_user("carl", "counsellor", CARL)
    lead.put_setting(freeze.CLOSED, b"[]")
    lead.save_case(case("2026-0001"))
    lead.close()
    vault.close()
    vault = Vault(folder)
    lena = vault.unlock("lena", LENA)
    kit = Kit(
        tmp_path / "lenas-copy.db",
        lena._key,
        lena._lead_key,
        lena.get_lead_secret(lead_state.STATE_SECRET),
    )
    lena.close()
    vault.close()
    shutil.copyfile(folder / store.DB_NAME, kit.copy)
    vault = Vault(folder)
    lead = vault.unlock("leitung", PASS)
    lead.scheme = min_scheme
    lead.remove_user("lena")
    lead.save_case(case("2026-0002"))  # written after the removal
    lead.close()
    vault.close()
    w = World(folder, kit, tmp_path, recovery)
    assert w.unlock("anna") == ["2026-0001", "2026-0002"]  # anna's anchor moves on
    return w


def _resign(w: World, secret: bytes) -> None:
    """A head over the rows as they are now, one version up, signed with ``secret``."""
    db = store.Store(w.db_path)
    try:
        head, _raw, _sig = lead_state.read_head(db)
        new = msgspec.structs.replace(
            head, version=head.version + 1, digest=lead_state.Rows(db).digest()
        )
        with db.transaction():
            lead_state.write_head(db, new, signing.read_secret_key(secret))
    finally:
        db.close()


def old_key_signs_a_head(w: World) -> None:
    """lena adds a lead of her own (a slot with her old keys) and signs with the old key."""
    db = store.Store(w.db_path)
    try:
        vault_id = db.meta("vault_id")
        old_public = signing.public_key_from_secret(w.kit.state_secret)
        with db.transaction():
            keyslots.write_new_slot(
                db, vault_id, "mallory", "passphrase", "lead", "mallory-pass", old_public,
                keyslots.Grant(9, w.kit.data_key, w.kit.lead_key, old_public), FAST_KDF,
            )  # fmt: skip
    finally:
        db.close()
    _resign(w, w.kit.state_secret)


def old_key_forks_the_chain(w: World) -> None:
    """lena announces a key of hers from the old key, with a data key of hers in every
    grant and the chain sealed with it; the rows sealed since the removal stay as they are."""
    secret, public = signing.generate_keypair("lena")
    her_data_key = aead.new_key()
    db = store.Store(w.db_path)
    try:
        vault_id = db.meta("vault_id")
        step = lead_state.rotation(
            vault_id, [], 9, public, signing.read_secret_key(w.kit.state_secret)
        )
        rev = db.revision("settings", lead_state.KEY_CHAIN.key) or 1
        ad = store.associated_data(vault_id, "settings", lead_state.KEY_CHAIN.key, rev)
        with db.transaction():
            db.put(
                "settings",
                lead_state.KEY_CHAIN.key,
                rev,
                aead.seal(her_data_key, ad, msgspec.json.encode([step])),
            )
            for row in keyslots.all_slots(db):
                grant = keyslots.Grant(9, her_data_key, aead.new_key(), public)
                db.db.execute(
                    "UPDATE slots SET grant_=? WHERE name=?",
                    [keyslots.seal_grant(row.recipient, grant), row.name],
                )
    finally:
        db.close()
    _resign(w, secret)


def _lenas_fork(w: World) -> Path:
    """lena's copy, rotated by her as a lead there (the program's own rotation): a new data
    key, lead key and lead-state key announced with the old key; nothing since the removal."""
    fork = w.tmp / "fork"
    fork.mkdir()
    shutil.copyfile(w.kit.copy, fork / store.DB_NAME)
    vault = Vault(fork)
    lena = vault.unlock("lena", LENA, lock=False)  # on her own PC: no witness of this one
    for _ in range(3):  # versions above anything the others have seen
        with lena._lead_change():
            lena._rotate_data_key(None, lead_too=True)
            lena._sign_lead_state("user.removed", "nobody", [])
    lena.close()
    vault.close()
    return fork / store.DB_NAME


def old_key_forks_the_whole_vault(w: World) -> None:
    fork = _lenas_fork(w)
    for suffix in ("-wal", "-shm"):
        Path(str(w.db_path) + suffix).unlink(missing_ok=True)
    shutil.copyfile(fork, w.db_path)


def old_key_forks_the_whole_vault_on_another_pc(w: World) -> None:
    old_key_forks_the_whole_vault(w)
    shutil.rmtree(witness.folder())


def old_key_forks_keeping_the_newer_slots_on_another_pc(w: World) -> None:
    """The fork, but with the slot secrets of those who unlocked since the removal (their
    anchors name the new key); their grants are the fork's (the same recipients)."""
    current = store.Store(w.db_path)
    newer = {
        name: current.db.execute(
            "SELECT kdf, salt, sealed FROM slots WHERE name=?", [name]
        ).fetchone()
        for name in ("leitung", "anna")
    }
    current.close()
    old_key_forks_the_whole_vault_on_another_pc(w)
    db = store.Store(w.db_path)
    with db.transaction():
        for name, (kdf, salt, sealed) in newer.items():
            db.db.execute(
                "UPDATE slots SET kdf=?, salt=?, sealed=? WHERE name=?", [kdf, salt, sealed, name]
            )
    db.close()


def counsellor_announces_her_own_key(w: World) -> None:
    """anna (holds the new data key, no lead key) appends a step signed with her own key."""
    secret, public = signing.generate_keypair("anna")
    vault = Vault(w.folder)
    s = vault.unlock("anna", ANNA)
    chain = s._key_chain()
    step = lead_state.rotation(
        vault.vault_id, chain, s._grant.epoch, public, signing.read_secret_key(secret)
    )
    with s.store.transaction():
        s._put_setting(lead_state.KEY_CHAIN.key, msgspec.json.encode([*chain, step]))
        for row in keyslots.all_slots(s.store):
            grant = keyslots.Grant(s._grant.epoch, s._key, b"", public)
            s.store.db.execute(
                "UPDATE slots SET grant_=? WHERE name=?",
                [keyslots.seal_grant(row.recipient, grant), row.name],
            )
    s.close()
    vault.close()
    _resign(w, secret)


def counsellor_names_her_key_in_carls_grant(w: World) -> None:
    """anna writes carl a grant of the current data key that names a key of hers."""
    secret, public = signing.generate_keypair("anna")
    vault = Vault(w.folder)
    s = vault.unlock("anna", ANNA)
    row = keyslots.slot_row(s.store, "carl")
    grant = keyslots.Grant(s._grant.epoch, s._key, b"", public)
    with s.store.transaction():
        s.store.db.execute(
            "UPDATE slots SET grant_=? WHERE name='carl'",
            [keyslots.seal_grant(row.recipient, grant)],
        )
    s.close()
    vault.close()
    _resign(w, secret)


# (attack, who unlocks afterwards, the error it must raise)
ROWS: list[tuple[Callable[[World], None], str, type]] = [
    (old_key_signs_a_head, "leitung", LeadStateForged),
    (old_key_signs_a_head, "anna", LeadStateForged),
    (old_key_signs_a_head, "carl", LeadStateForged),  # his grant names the new key
    (old_key_forks_the_chain, "leitung", LeadStateForged),
    (old_key_forks_the_chain, "anna", LeadStateForged),
    (old_key_forks_the_chain, "carl", LeadStateForged),  # records do not open: named
    (old_key_forks_the_whole_vault, "leitung", LeadStateForged),
    (old_key_forks_the_whole_vault, "anna", LeadStateForged),
    (old_key_forks_the_whole_vault, "carl", LeadStateForged),  # this PC's witness knows
    (old_key_forks_keeping_the_newer_slots_on_another_pc, "leitung", LeadStateForged),
    (old_key_forks_keeping_the_newer_slots_on_another_pc, "anna", LeadStateForged),
    (counsellor_announces_her_own_key, "leitung", LeadStateForged),
    (counsellor_announces_her_own_key, "carl", LeadStateForged),
    (counsellor_names_her_key_in_carls_grant, "carl", LeadStateForged),
]


@pytest.mark.parametrize(
    ("attack", "user", "error"), ROWS, ids=[f"{r[0].__name__}/{r[1]}" for r in ROWS]
)
def test_a_removed_leads_forgery_is_named(world, attack, user, error):
    attack(world)
    with pytest.raises(error) as err:
        world.unlock(user)
    assert err.value.message("de") and err.value.message("en")


def test_the_fork_restored_through_the_program_after_breaking_the_current_file_is_refused(world):
    """lena breaks vault.db (the current vault no longer opens, so no lead of it is asked)
    and restores her fork with her own passphrase: the witness knows the key chain."""
    fork = _lenas_fork(world)
    world.db_path.write_bytes(b"broken" * 100)
    for suffix in ("-wal", "-shm"):
        Path(str(world.db_path) + suffix).unlink(missing_ok=True)
    with pytest.raises(BackupRefused) as err:
        restore_backup(world.folder, fork, user="lena", passphrase=LENA)
    assert "key" in err.value.message("en")
    assert world.db_path.read_bytes() == b"broken" * 100  # unchanged


def test_an_older_backup_from_before_a_lead_removal_needs_confirmation_even_unopened(world):
    """The program's backup of lena's day (genuine, older): with the current file broken,
    this PC's witness still says it is from before a lead's removal."""
    world.db_path.write_bytes(b"broken" * 100)
    for suffix in ("-wal", "-shm"):
        Path(str(world.db_path) + suffix).unlink(missing_ok=True)
    with pytest.raises(BackupOlderThanRemoval):
        restore_backup(world.folder, world.kit.copy, user="leitung", passphrase=PASS)
    restore_backup(world.folder, world.kit.copy, user="leitung", passphrase=PASS, accept_older=True)
    assert world.unlock("leitung") == ["2026-0001"]


def test_the_case_left_a_fork_of_the_whole_file_on_a_pc_that_never_saw_the_newer_state(world):
    """Documented in docs/security.md: lena's fork replaces every row, the slots too, with
    her copy from before the removal, re-keyed by her; on a PC (or account) whose witness
    never saw the newer state it is, to every login, the older vault it was, as a
    whole-file rollback would be. With the witness of this PC it is refused (rows above)."""
    old_key_forks_the_whole_vault_on_another_pc(world)
    for user in ("carl", "leitung"):
        assert world.unlock(user) == ["2026-0001"]  # nothing written since the removal


def test_the_case_left_a_login_that_saw_nothing_since_sees_a_fork_as_older(world):
    """The newer slots kept: leitung and anna refuse (rows above); carl, who has not
    unlocked since the removal, has nothing that tells the fork from an older vault."""
    old_key_forks_keeping_the_newer_slots_on_another_pc(world)
    assert world.unlock("carl") == ["2026-0001"]
    with pytest.raises(LeadStateForged):
        world.unlock("leitung")


def test_removing_a_lead_rotates_the_lead_key_and_the_lead_state_key(world):
    vault = Vault(world.folder)
    s = vault.unlock("leitung", PASS)
    try:
        chain = s._key_chain()
        assert len(chain) == 1 and chain[0].epoch == s._grant.epoch
        old_public = signing.public_key_from_secret(world.kit.state_secret)
        assert signing.signature_key_id(chain[0].sig) == signing.key_id(old_public)
        assert s._lead_key != world.kit.lead_key and s._key != world.kit.data_key
        assert s._slot_secret.state_key == chain[0].key == s._grant.state_key
        assert s.check() == []
        for name, rev, sealed in s.store.rows("lead_secrets"):  # the old lead key opens none
            with pytest.raises(aead.Tampered):
                aead.open_sealed(
                    world.kit.lead_key,
                    store.associated_data(vault.vault_id, "lead_secrets", name, rev),
                    sealed,
                )
        assert witness.read(vault.vault_id).keys == lead_state.chain_key_ids(b"", chain)
    finally:
        s.close()
        vault.close()


def test_a_login_that_did_not_unlock_since_follows_the_chain_and_moves_its_anchor(world):
    vault = Vault(world.folder)
    row = keyslots.slot_row(vault.store, "carl")
    before = keyslots.open_slot(vault.vault_id, row, CARL).secret.state_key
    assert signing.key_id(before) == signing.key_id(
        signing.public_key_from_secret(world.kit.state_secret)
    )
    vault.close()
    assert world.unlock("carl") == ["2026-0001", "2026-0002"]
    vault = Vault(world.folder)
    row = keyslots.slot_row(vault.store, "carl")
    after = keyslots.open_slot(vault.vault_id, row, CARL)
    assert after.secret.state_key == after.grant.state_key != before
    vault.close()


def test_removing_a_counsellor_keeps_the_lead_state_key(world):
    vault = Vault(world.folder)
    s = vault.unlock("leitung", PASS)
    key = s._slot_secret.state_key
    s.remove_user("carl")
    assert s._slot_secret.state_key == key and len(s._key_chain()) == 1
    s.close()
    vault.close()
    assert world.unlock("anna") == ["2026-0001", "2026-0002"]


def test_a_recovery_reset_of_a_lead_rotates_the_lead_state_key_too(world):
    """Whoever knew the old passphrase of a lead had the lead key: the reset rotates it."""
    vault = Vault(world.folder)
    lead = vault.unlock("leitung", PASS)
    lead.add_user("lotte", "lead", "lotte-passwort")
    lead.close()
    vault.close()
    vault = Vault(world.folder)
    s = vault.unlock_with_recovery(world.recovery)
    chain_before = len(s._key_chain())
    s.change_passphrase("anna", "anna-neues-passwort")  # a counsellor: the lead key stays
    assert len(s._key_chain()) == chain_before
    s.change_passphrase("lotte", "lotte-neues-passwort")
    assert len(s._key_chain()) == chain_before + 1
    s.close()
    vault.close()
    PASSES["anna"], PASSES["lotte"] = "anna-neues-passwort", "lotte-neues-passwort"
    try:
        for user in ("anna", "carl", "leitung", "lotte"):
            assert world.unlock(user) == ["2026-0001", "2026-0002"]
    finally:
        PASSES["anna"] = ANNA
        PASSES.pop("lotte")


def test_a_failed_lead_rotation_leaves_memory_and_file_as_they_were(world):
    vault = Vault(world.folder)
    s = vault.unlock("leitung", PASS)
    keys = (s._key, s._lead_key, s._slot_secret.state_key, s._key_ids)
    with pytest.raises(RuntimeError), s._lead_change():
        s._rotate_data_key(None, lead_too=True)
        s._sign_lead_state("user.removed", "x", [])
        raise RuntimeError("power cut")
    assert (s._key, s._lead_key, s._slot_secret.state_key, s._key_ids) == keys
    assert s.check() == []
    s.close()
    vault.close()
    assert world.unlock("carl") == ["2026-0001", "2026-0002"]


def test_age_grant_names_the_key(world):
    """Every grant written by the rotation names the new lead-state key."""
    vault = Vault(world.folder)
    try:
        row = keyslots.slot_row(vault.store, "anna")
        opened = keyslots.open_slot(vault.vault_id, row, ANNA)
        assert opened.grant.state_key == opened.secret.state_key
        plain = age.decrypt(row.grant, [opened.secret.identity])
        assert msgspec.msgpack.decode(plain, type=keyslots.Grant).state_key
    finally:
        vault.close()


def test_a_rolled_back_file_after_a_removal_is_named(world):
    """lena's copy put back as it was (no fork): the witness names the older file."""
    for suffix in ("-wal", "-shm"):
        Path(str(world.db_path) + suffix).unlink(missing_ok=True)
    shutil.copyfile(world.kit.copy, world.db_path)
    with pytest.raises(VaultRolledBack):
        world.unlock("carl")


def _chain_of(n: int) -> tuple[list[bytes], list[lead_state.Rotation], list[bytes]]:
    """Keys K0..Kn (public), the genuine chain K0 -> ... -> Kn, and the secret keys."""
    pairs = [signing.generate_keypair(f"k{i}") for i in range(n + 1)]
    chain: list[lead_state.Rotation] = []
    for i in range(1, n + 1):
        prev = signing.read_secret_key(pairs[i - 1][0])
        chain.append(lead_state.rotation("v", chain, i + 1, pairs[i][1], prev))
    return [p for _s, p in pairs], chain, [s for s, _p in pairs]


def _resigned(chain, i, secret):
    step = chain[i]
    sig = signing.sign(
        lead_state.statement("v", step.number, step.epoch, step.key),
        signing.read_secret_key(secret),
    )
    return [*chain[:i], msgspec.structs.replace(step, sig=sig), *chain[i + 1 :]]


# (name, how to build (anchor, chain, granted) from keys/chain/secrets, the key it must lead to)
FOLLOW = [
    ("no chain", lambda k, c, s: (k[0], [], k[0]), 0),
    ("no chain, old grant", lambda k, c, s: (k[0], [], b""), 0),
    ("anchor at the start", lambda k, c, s: (k[0], c, k[3]), 3),
    ("anchor half way", lambda k, c, s: (k[2], c, k[3]), 3),
    ("anchor is the newest", lambda k, c, s: (k[3], c, k[3]), 3),
    ("grant without a key", lambda k, c, s: (k[1], c, b""), 3),
    ("grant names an older key", lambda k, c, s: (k[0], c, k[2]), None),
    ("grant names a stranger", lambda k, c, s: (k[0], c, signing.generate_keypair()[1]), None),
    ("anchor not in the chain", lambda k, c, s: (signing.generate_keypair()[1], c, k[3]), None),
    ("a step re-signed by a stranger", lambda k, c, s: (
        k[0], _resigned(c, 1, signing.generate_keypair()[0]), k[3]), None),
    ("a step re-signed by its own new key", lambda k, c, s: (
        k[0], _resigned(c, 1, s[2]), k[3]), None),
    ("a step left out", lambda k, c, s: (k[0], [c[0], c[2]], k[3]), None),
    ("steps reordered", lambda k, c, s: (k[0], [c[1], c[0], c[2]], k[3]), None),
    ("the anchor's own step cut off", lambda k, c, s: (k[2], c[:2], k[2]), 2),
    ("newest key, chain cut below it", lambda k, c, s: (k[3], c[:2], k[3]), None),
]  # fmt: skip


@pytest.mark.parametrize(("name", "build", "leads_to"), FOLLOW, ids=[r[0] for r in FOLLOW])
def test_following_the_key_chain(name, build, leads_to):
    keys, chain, secrets = _chain_of(3)
    anchor, steps, granted = build(keys, chain, secrets)
    if leads_to is None:
        with pytest.raises(LeadStateForged):
            lead_state.follow("v", anchor, steps, granted)
    else:
        assert lead_state.follow("v", anchor, steps, granted) == keys[leads_to]
