"""Write a schema-1 vault with the PREVIOUS release's code (run it from a checkout of bb17801).

See README.md beside it. Writes OUT/vault/vault.db and, as the expected results of the upgrade
test, the old code's tallies of 2025-Q1 and 2025, its records as JSON and the office's public
key.
"""

import datetime as dt
import pathlib
import shutil
import sys

import msgspec

from app import demo, office_keys, period_close, setup, tally_io
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
records = {
    table: [msgspec.structs.asdict(r) for r in sorted(rows, key=lambda r: r.id)]
    for table, rows in (("cases", session.cases()), ("contacts", session.contacts()))
}
(out / "records.json").write_bytes(msgspec.json.format(msgspec.json.encode(records), indent=0))
(out / "office.pub").write_bytes(session.get_setting(office_keys.PUBLIC_KEY))
session.close()
vault.close()
