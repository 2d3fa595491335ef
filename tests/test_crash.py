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
