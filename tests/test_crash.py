"""kill -9 at random moments: every acknowledged save survives and the vault opens."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.vault.vault import Vault
from tests.support.passphrases import FAST_KDF, FIXTURES, PASS

ROOT = Path(__file__).resolve().parent.parent
WRITER = """
import sys, datetime as dt
sys.path.insert(0, {root!r})
from app.scheme.model import parse
from app.vault.vault import Vault
from app.records.model import Case, Contact
from app.vault.session import new_id
vault = Vault(sys.argv[1])
s = vault.unlock("leitung", {pw!r})
s.scheme = parse(open({scheme!r}, "rb").read())
c = s.cases()[0]
print("ready", flush=True)
while True:
    k = Contact(id=new_id(), date=dt.date(2026, 2, 1), form="3", duration="1",
                counsellor="leitung", case_id=c.id)
    s.save_contact(k)
    print(k.id, flush=True)
"""


@pytest.mark.slow
def test_kill_9_in_a_loop_loses_nothing_acknowledged(vault_dir, min_scheme):
    from tests.support.records import case

    vault, _ = Vault.create(vault_dir, user="leitung", passphrase=PASS, kdf=FAST_KDF)
    s = vault.unlock("leitung", PASS)
    s.scheme = min_scheme
    s.save_case(case())
    s.close()
    vault.close()
    script = WRITER.format(root=str(ROOT), pw=PASS, scheme=str(FIXTURES / "scheme_min.json"))
    rng = random.Random(20261124)
    acknowledged: set[str] = set()
    for _round in range(50):
        proc = subprocess.Popen(
            [sys.executable, "-c", script, str(vault_dir)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        time.sleep(rng.uniform(0.0, 0.08))
        os.kill(proc.pid, signal.SIGKILL)
        out, _err = proc.communicate()
        acknowledged.update(line for line in out.split() if line)
        check = Vault(vault_dir)
        session = check.unlock("leitung", PASS)
        session.scheme = min_scheme
        have = {c.id for c in session.contacts()}
        missing = acknowledged - have
        assert not missing, f"round {_round}: lost {len(missing)} acknowledged saves"
        assert session.check() == []
        session.close()
        check.close()
    assert len(acknowledged) > 50


RESTORER = """
import sys
sys.path.insert(0, {root!r})
from app.crypto import kdf
from app.vault.backup import restore_backup
kdf.use_machine_params(kdf.KdfParams(1024, 1, 1))
print("ready", flush=True)
while True:
    restore_backup(sys.argv[1], sys.argv[2], user="leitung", passphrase={pw!r})
    print("restored", flush=True)
"""

ROTATOR = """
import sys
sys.path.insert(0, {root!r})
from app.crypto import kdf
from app.vault.vault import Vault
kdf.use_machine_params(kdf.KdfParams(1024, 1, 1))
vault = Vault(sys.argv[1])
s = vault.unlock("leitung", {pw!r})
print("ready", flush=True)
import secrets
while True:
    name = "u" + secrets.token_hex(4)
    s.add_user(name, "counsellor", "ein-langes-passwort")
    s.remove_user(name)  # rotates the data key: every row sealed again
    print("rotated", s.lead_head.epoch, flush=True)
"""


def _filled_vault(vault_dir, min_scheme, n_cases: int):
    from tests.support.records import case, contact

    vault, _ = Vault.create(vault_dir, user="leitung", passphrase=PASS, kdf=FAST_KDF)
    s = vault.unlock("leitung", PASS)
    s.scheme = min_scheme
    cases = [case(f"2026-{i:04d}") for i in range(1, n_cases + 1)]
    s.add_bulk(cases, [contact(c.id) for c in cases], "bulk")
    return vault, s


def _opens_and_checks(vault_dir, min_scheme) -> tuple[int, int]:
    check = Vault(vault_dir)
    try:
        session = check.unlock("leitung", PASS)
        session.scheme = min_scheme
        problems = session.check()
        assert problems == [], [p.message("en") for p in problems]
        counts = len(session.cases()), session.lead_head.epoch
        session.close()
        return counts
    finally:
        check.close()


def _kill_loop(script: str, args: list[str], rounds: int, seed: int, max_wait: float, after):
    rng = random.Random(seed)
    for _round in range(rounds):
        proc = subprocess.Popen(
            [sys.executable, "-c", script, *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        time.sleep(rng.uniform(0.0, max_wait))
        os.kill(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        assert "Traceback" not in err, err
        after(_round, out)


@pytest.mark.slow
def test_kill_9_during_restore_always_leaves_a_vault_that_opens(vault_dir, min_scheme, tmp_path):
    from app.vault.backup import make_backup
    from tests.support.records import case

    vault, s = _filled_vault(vault_dir, min_scheme, 50)
    backup = make_backup(s, tmp_path / "b.fzbak")
    s.save_case(case("2026-0999"))  # the current vault has one case more than the backup
    s.close()
    vault.close()
    script = RESTORER.format(root=str(ROOT), pw=PASS)

    def after(_round: int, _out: str) -> None:
        cases, _epoch = _opens_and_checks(vault_dir, min_scheme)
        assert cases in (50, 51)  # either the old vault or the restored backup, whole
        assert not (vault_dir / "vault.db-wal").exists() or _opens_and_checks(vault_dir, min_scheme)

    _kill_loop(script, [str(vault_dir), str(backup)], 15, 20261201, 0.6, after)


@pytest.mark.slow
def test_kill_9_during_key_rotation_loses_nothing(vault_dir, min_scheme):
    vault, s = _filled_vault(vault_dir, min_scheme, 400)
    s.close()
    vault.close()
    script = ROTATOR.format(root=str(ROOT), pw=PASS)
    seen = {"epoch": 1}

    def after(_round: int, out: str) -> None:
        cases, epoch = _opens_and_checks(vault_dir, min_scheme)
        assert cases == 400
        acknowledged = [
            int(line.split()[1]) for line in out.splitlines() if line.startswith("rotated")
        ]
        if acknowledged:
            assert epoch >= max(acknowledged)  # an acknowledged rotation is on disk
        assert epoch >= seen["epoch"]
        seen["epoch"] = epoch

    _kill_loop(script, [str(vault_dir)], 15, 20261202, 0.5, after)
    assert seen["epoch"] > 1
