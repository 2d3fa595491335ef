"""Set-up leaves a complete vault or none: a failure at any step (disk full, a refused
provisioning step, a bug) leaves no vault and no staging folder, set-up can run again, and an
existing vault is never touched."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app import errors
from app.district import desk
from app.district.setup import init_district
from app.office import info as office
from app.office import keys as office_keys
from app.office.setup import init_from_provisioning, init_office
from app.vault import store
from app.vault.staged_create import staging_folders
from app.vault.vault import Vault
from tests.support.passphrases import FAST_KDF, PASS
from tests.test_provisioning import make

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 3, 1)


def _office(folder: Path, _tmp: Path) -> str:
    return init_office(
        folder, office_id="HZ-X-01", office_name="X", user="leitung", passphrase=PASS,
        kdf=FAST_KDF,
    )  # fmt: skip


def _provisioned(folder: Path, tmp: Path) -> str:
    path = tmp / "office.fallzahl-provisioning"
    if not path.exists():
        path.write_bytes(make())
    return init_from_provisioning(
        folder, path, user="leitung", passphrase=PASS, kdf=FAST_KDF, today=TODAY
    )


def _district(folder: Path, _tmp: Path) -> str:
    return init_district(
        folder, district_name="Landkreis Harz", user="leitung", passphrase=PASS, kdf=FAST_KDF
    )


SETUPS = {"office": _office, "provisioned": _provisioned, "district": _district}


def _complete(folder: Path, kind: str) -> None:
    """The vault opens, checks clean and holds every step of its set-up."""
    vault = Vault(folder)
    try:
        session = vault.unlock("leitung", PASS)
        try:
            assert session.check() == []
            if kind == "district":
                assert desk.district_info(session).name == "Landkreis Harz"
                assert desk.signing_key(session)
            else:
                assert office.office_info(session) is not None
                assert office_keys.office_public_key(session)
            if kind == "provisioned":
                assert office.PROVISIONED.read(session) is not None
                assert office.TRUST_ANCHORS.read(session)
                assert office.policy(session).auto_lock_minutes == 7
        finally:
            session.close()
    finally:
        vault.close()


def _disk_full() -> errors.DiskFull:
    return errors.DiskFull("Der Datenträger ist voll.", "The disk is full.")


def _fail_at_write(monkeypatch, n: int) -> None:
    """The n-th row written to any vault fails with a full disk."""
    real = store.Store.put
    count = {"n": 0}

    def put(self, *args, **kw):
        count["n"] += 1
        if count["n"] == n:
            raise _disk_full()
        return real(self, *args, **kw)

    monkeypatch.setattr(store.Store, "put", put)


def _writes(kind: str, tmp: Path, monkeypatch) -> int:
    real = store.Store.put
    count = {"n": 0}

    def put(self, *args, **kw):
        count["n"] += 1
        return real(self, *args, **kw)

    with monkeypatch.context() as m:
        m.setattr(store.Store, "put", put)
        SETUPS[kind](tmp / "counted", tmp)
    return count["n"]


def _raises(error: BaseException):
    def fail(*_args, **_kw):
        raise error

    return fail


def _no_space(*_args, **_kw):
    raise OSError(errno.ENOSPC, "No space left on device")


# (set-up, what fails, replacement, the error the caller sees)
STEPS = [
    ("office", "app.vault.keyslots.write_new_slot", _raises(_disk_full()), errors.DiskFull),
    ("office", "app.office.info.set_office_info", _raises(_disk_full()), errors.DiskFull),
    ("office", "app.office.keys.make_office_keys", _raises(RuntimeError("bug")), RuntimeError),
    ("office", "app.vault.staged_create._settle", _no_space, errors.DiskFull),
    ("office", "os.link", _no_space, errors.DiskFull),
    ("provisioned", "app.office.keys.make_office_keys", _raises(_disk_full()), errors.DiskFull),
    ("provisioned", "app.office.setup.apply_provisioning",
     _raises(errors.ProvisioningInvalid("kaputt", "broken", field="policy")),
     errors.ProvisioningInvalid),
    ("provisioned", "app.office.info.set_policy",
     _raises(errors.UsageError("Richtlinie", "policy")), errors.UsageError),
    ("provisioned", "os.link", _no_space, errors.DiskFull),
    ("district", "app.district.desk.signing.generate_keypair", _raises(RuntimeError("bug")),
     RuntimeError),
    ("district", "app.district.setup.setup_district", _raises(_disk_full()), errors.DiskFull),
    ("district", "os.link", _no_space, errors.DiskFull),
]  # fmt: skip


def _assert_nothing_left(folder: Path) -> None:
    assert not store.holds_vault(folder)
    assert not folder.exists(), sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize(("kind", "target", "replacement", "error"), STEPS)
def test_a_failed_step_leaves_no_vault_and_set_up_runs_again(
    tmp_path, monkeypatch, kind, target, replacement, error
):
    folder = tmp_path / "vault"
    with monkeypatch.context() as m:
        m.setattr(target, replacement)
        with pytest.raises(error):
            SETUPS[kind](folder, tmp_path)
    _assert_nothing_left(folder)
    SETUPS[kind](folder, tmp_path)
    _complete(folder, kind)
    assert staging_folders(folder) == []


@pytest.mark.parametrize("kind", list(SETUPS))
def test_a_full_disk_at_any_write_leaves_no_vault(tmp_path, monkeypatch, kind):
    writes = _writes(kind, tmp_path, monkeypatch)
    assert writes > 5
    for n in range(1, writes + 1):
        folder = tmp_path / f"vault-{n}"
        with monkeypatch.context() as m:
            _fail_at_write(m, n)
            with pytest.raises(errors.DiskFull):
                SETUPS[kind](folder, tmp_path)
        _assert_nothing_left(folder)


def test_a_failure_in_a_folder_that_was_there_keeps_the_folder_and_its_files(tmp_path, monkeypatch):
    folder = tmp_path / "vault"
    folder.mkdir()
    (folder / "liesmich.txt").write_text("von der IT")
    monkeypatch.setattr("app.office.keys.make_office_keys", _raises(_disk_full()))
    with pytest.raises(errors.DiskFull):
        _office(folder, tmp_path)
    assert not store.holds_vault(folder)
    assert staging_folders(folder) == []
    assert (folder / "liesmich.txt").read_text() == "von der IT"


@pytest.mark.parametrize("kind", list(SETUPS))
def test_an_existing_vault_is_refused_and_untouched(tmp_path, kind):
    folder = tmp_path / "vault"
    _office(folder, tmp_path)
    before = hashlib.sha256((folder / store.DB_NAME).read_bytes()).hexdigest()
    with pytest.raises(errors.VaultExists):
        SETUPS[kind](folder, tmp_path)
    assert hashlib.sha256((folder / store.DB_NAME).read_bytes()).hexdigest() == before
    _complete(folder, "office")


def test_a_vault_made_meanwhile_is_never_replaced(tmp_path, monkeypatch):
    """Another program made a vault in the folder while this set-up ran: it stays."""
    folder = tmp_path / "vault"
    other: dict[str, str] = {}
    real = office_keys.make_office_keys

    def meanwhile(session):
        vault, _ = Vault.create(folder, user="andere", passphrase=PASS, kdf=FAST_KDF)
        other["id"] = vault.vault_id
        vault.close()
        return real(session)

    monkeypatch.setattr("app.office.keys.make_office_keys", meanwhile)
    with pytest.raises(errors.VaultExists):
        _office(folder, tmp_path)
    vault = Vault(folder)
    try:
        assert vault.vault_id == other["id"]
        assert "andere" in [u.name for u in vault.users()]
        assert "leitung" not in [u.name for u in vault.users()]
    finally:
        vault.close()
    assert staging_folders(folder) == []


def test_without_hard_links_the_vault_is_renamed_into_place(tmp_path, monkeypatch):
    monkeypatch.setattr("os.link", _raises(OSError(errno.EPERM, "Operation not permitted")))
    folder = tmp_path / "vault"
    _provisioned(folder, tmp_path)
    _complete(folder, "provisioned")
    assert staging_folders(folder) == []


def test_a_staging_folder_left_by_a_crash_is_no_vault_and_is_cleared(tmp_path):
    folder = tmp_path / "vault"
    folder.mkdir()
    Vault.create(folder / ".setup-crashed", user="leitung", passphrase=PASS, kdf=FAST_KDF)[
        0
    ].close()
    assert not store.holds_vault(folder)
    _office(folder, tmp_path)
    _complete(folder, "office")
    assert staging_folders(folder) == []


SETTER = """
import sys
sys.path.insert(0, {root!r})
from tests.test_setup_whole import _provisioned
from pathlib import Path
print("ready", flush=True)
_provisioned(Path(sys.argv[1]), Path(sys.argv[2]))
print("done", flush=True)
"""


@pytest.mark.slow
def test_kill_9_during_set_up_leaves_no_vault_or_a_complete_one(tmp_path):
    import random

    rng = random.Random(20261203)
    folder = tmp_path / "vault"
    _provisioned(tmp_path / "warm", tmp_path)  # writes the provisioning file once
    outcomes = {"none": 0, "complete": 0}
    script = SETTER.format(root=str(ROOT))
    for _round in range(15):
        proc = subprocess.Popen(
            [sys.executable, "-c", script, str(folder), str(tmp_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        assert "Traceback" not in err, err
        if store.holds_vault(folder):
            _complete(folder, "provisioned")
            outcomes["complete"] += 1
            os.replace(folder, tmp_path / f"done-{_round}")  # the next round sets up anew
        else:
            assert "done" not in out
            outcomes["none"] += 1
    assert outcomes["none"] and outcomes["complete"], outcomes
    _provisioned(folder, tmp_path)  # over whatever a killed set-up left
    _complete(folder, "provisioned")
    assert staging_folders(folder) == []
