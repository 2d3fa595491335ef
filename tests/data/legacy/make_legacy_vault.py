"""Write a schema-1 vault with the PREVIOUS release's code (run it from a checkout of bb17801).

See README.md beside it. Writes OUT/vault/vault.db and the old code's tallies of 2025-Q1 and
2025 (the expected results of the upgrade test).
"""

import datetime as dt
import pathlib
import shutil
import sys

from app import demo, period_close, setup, tally_io
from app.cli_tally import office_tally
from app.keys import KdfParams
from app.periods import parse_period
from app.vault import Vault

out = pathlib.Path(sys.argv[1])
if out.exists():
    shutil.rmtree(out)
kdf = KdfParams(memory_kib=1024, iterations=1, lanes=1)  # cheap: tests only
setup.init_office(
    out / "vault",
    office_id="LEG-01",
    office_name="Beratungsstelle Alt",
    user="leitung",
    passphrase="leitung-alt-2026",
    kdf=kdf,
)
vault = Vault(out / "vault")
session = vault.unlock("leitung", "leitung-alt-2026")
session._kdf_params = lambda: kdf
session.add_user("beraterin", "counsellor", "beraterin-alt-2026")
cases, contacts = demo.generate(session.scheme, 50, 2025, until=dt.date(2025, 12, 31))
session.add_bulk(cases, contacts, "demo.filled")
period_close.close_period(session, parse_period("2025-Q1"), accepted_reason="Testdaten")
for label in ("2025-Q1", "2025"):
    (out / f"tally-{label}.json").write_bytes(tally_io.to_json(office_tally(session, label)))
session.close()
vault.close()
