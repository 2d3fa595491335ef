"""Write a provisioned schema-1 office vault with the PREVIOUS release's code (bb17801).

See README.md beside it. A demo district provisions office HZ-QLB-01 (policy, recipients,
trust anchors), which records 30 demo cases of 2025, closes 2025-Q1 and sends its package,
closes and reopens 2025-Q2. Writes OUT/office/vault.db and the plaintext of every setting
(settings.json, the expected values after the upgrade).
"""

import datetime as dt
import json
import pathlib
import shutil
import sys

from app import demo, district, package, period_close, setup
from app.keys import KdfParams
from app.periods import parse_period
from app.vault import Vault

out = pathlib.Path(sys.argv[1])
shutil.rmtree(out, ignore_errors=True)
kdf = KdfParams(memory_kib=1024, iterations=1, lanes=1)  # cheap: tests only
setup.init_district(
    out / "district",
    district_name="Harz",
    user="kreis",
    passphrase="kreis-alt-2026",
    demo=True,
    kdf=kdf,
)
dv = Vault(out / "district")
ds = dv.unlock("kreis", "kreis-alt-2026")
prov = district.provisioning_file(
    ds, office_id="HZ-QLB-01", office_name="QLB", auto_lock_minutes=15, backup_folder="D:/S"
)
(out / "office.fallzahl-provisioning").write_bytes(prov)
ds.close()
dv.close()
setup.init_from_provisioning(
    out / "office",
    out / "office.fallzahl-provisioning",
    user="leitung",
    passphrase="leitung-alt-2026",
    kdf=kdf,
)
vault = Vault(out / "office")
session = vault.unlock("leitung", "leitung-alt-2026")
cases, contacts = demo.generate(session.scheme, 30, 2025, until=dt.date(2025, 12, 31))
session.add_bulk(cases, contacts, "demo.filled")
period_close.close_period(session, parse_period("2025-Q1"), accepted_reason="Testdaten")
(out / "packages").mkdir()
package.build_package(session, parse_period("2025-Q1"), out / "packages")
period_close.close_period(session, parse_period("2025-Q2"), accepted_reason="Testdaten")
period_close.reopen_period(session, parse_period("2025-Q2"), "Korrektur")
settings = {
    name: session.get_setting(name).decode()
    for name in sorted(i for i, _rev, _sealed in session.store.rows("settings"))
    if name != "audit.head"
}
(out / "settings.json").write_text(json.dumps(settings, indent=1, sort_keys=True))
session.close()
vault.close()
