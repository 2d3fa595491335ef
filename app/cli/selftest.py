"""The headless part of ``fallzahl --self-test``: one office's year, end to end, in a temp folder.

Run by ui/selftest.py (which adds the Qt checks) in the frozen bundle and from a checkout,
so IT and CI can prove that an installed program works: shipped resources, key derivation,
the encrypted store, tallies, provisioning, the period close and the signed, encrypted
package. Each check prints one line; the first failure stops the run. Nothing here
imports Qt.

The shipped schemes are checked against the key they were shipped with (the demo key),
and the trust check says which anchors are installed and whether the shipped scheme is
trusted here: after an installer /TRUST install only the district's key is, and offices
are set up from the district's provisioning file. The temporary vault then runs on the
installed anchors plus the demo anchor (app/scheme/trust.py ``anchors_for_selftest``), in
this process only.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

from app import __version__

PASSPHRASE = "Selbsttest-Passphrase-2026!"
USER = "selbsttest"
OFFICE_ID = "SELFTEST-01"

Report = Callable[[str], None]


class SelfTestFailed(Exception):
    """A check failed; the message names the check and the reason."""


class SelfTest:
    """The app checks; keeps the office session open afterwards for the Qt checks."""

    def __init__(self, folder: Path, report: Report) -> None:
        self.folder = folder
        self.report = report
        self.vault = None
        self.session = None
        self.year = dt.date.today().year - 1  # a complete past year: no future dates
        self.period = None
        self.trust = ExitStack()  # the demo anchor for the temporary vault, until close()
        self.checks: list[tuple[str, Callable[[], str]]] = [
            ("resources", self.check_resources),
            ("trust", self.check_trust),
            ("crypto", self.check_crypto),
            ("vault", self.check_vault),
            ("records", self.check_records),
            ("tally", self.check_tally),
            ("provisioning", self.check_provisioning),
            ("backup", self.check_backup),
            ("package", self.check_package),
        ]

    def run(self) -> None:
        self.report(f"Fallzahl {__version__} self-test in {self.folder}")
        for name, check in self.checks:
            self.step(name, check)

    def step(self, name: str, check: Callable[[], str]) -> None:
        start = time.perf_counter()
        try:
            detail = check()
        except Exception as exc:  # the self-test reports any failure, then exits nonzero
            raise SelfTestFailed(f"FAIL {name}: {type(exc).__name__}: {exc}") from exc
        self.report(f"ok   {name}: {detail} ({time.perf_counter() - start:.2f} s)")

    def close(self) -> None:
        if self.session is not None and self.session.is_open:
            self.session.close()
        if self.vault is not None:
            self.vault.close()
        self.trust.close()

    # the checks: each returns a short detail line
    def check_resources(self) -> str:
        from app.scheme.trust import (
            demo_anchor,
            installed_anchors,
            load_verified,
            shipped_scheme,
            shipped_schemes,
        )

        # every shipped scheme must verify against the installed anchors or the key it was
        # shipped with: a damaged or swapped file fails here, whatever IT installed
        keys = [*installed_anchors(), demo_anchor()]
        doc, sig = shipped_scheme()
        scheme = load_verified(doc, sig, keys, dt.date.today(), None, check_dates=False)
        others = shipped_schemes()
        for other_doc, other_sig in others:
            load_verified(other_doc, other_sig, keys, dt.date.today(), None, check_dates=False)
        return f"{len(others)} shipped scheme(s) verified, active {scheme.id} v{scheme.version}"

    def check_trust(self) -> str:
        from app.crypto import signing
        from app.resources import resource_path
        from app.scheme.trust import (
            anchors_for_selftest,
            demo_anchor,
            installed_anchors,
            is_trusted_here,
            shipped_scheme,
        )

        folder = resource_path("trust")
        if not folder.is_dir():
            raise FileNotFoundError(f"the trust folder {folder} is missing")
        os.listdir(folder)  # an unreadable folder fails here, not as "no anchors"
        installed = installed_anchors()
        if not installed:
            raise AssertionError(f"no trust anchor (*.pub) in {folder}")
        demo = signing.key_id(demo_anchor())
        ids = [signing.key_id(key) for key in installed]  # a damaged key file fails here
        district = [kid for kid in ids if kid != demo]
        trusted = is_trusted_here(*shipped_scheme())
        # the self-test's own demo-signed provisioning file and the shipped scheme need the
        # demo anchor; a district-signed shipped scheme the installed ones
        self.trust.enter_context(anchors_for_selftest([*installed, demo_anchor()]))
        if not district:
            return f"demo anchor {demo} only (DEMO, not for real data); shipped scheme trusted"
        keys = f"district key {', '.join(district)} installed"
        if demo in ids:
            return f"{keys}, demo anchor {demo} still installed; shipped scheme trusted"
        if trusted:
            return f"{keys}, demo anchor removed; shipped scheme signed by the district, trusted"
        return (
            f"{keys}, demo anchor removed: offices are set up from the district's "
            "provisioning file (the shipped demo scheme is not trusted here; the self-test "
            "vault runs on the demo anchor)"
        )

    def check_crypto(self) -> str:
        from app.crypto import age, signing

        secret, public = signing.generate_keypair("selftest")
        sig = signing.sign(b"fallzahl", secret)
        signing.verify(b"fallzahl", sig, [public])
        identity, recipient = age.new_identity()
        box = age.encrypt(b"fallzahl", [recipient])
        if age.decrypt(box, [identity]) != b"fallzahl":
            raise AssertionError("age round trip changed the data")
        return "minisign sign/verify and age encrypt/decrypt"

    def check_vault(self) -> str:
        from app.crypto import kdf as keys
        from app.office.setup import init_office
        from app.vault.vault import Vault

        start = time.perf_counter()
        params = keys.calibrate()
        took = time.perf_counter() - start
        init_office(
            self.folder / "vault",
            office_id=OFFICE_ID,
            office_name="Selbsttest",
            user=USER,
            passphrase=PASSPHRASE,
            kdf=params,
        )
        self.vault = Vault(self.folder / "vault")
        self.session = self.vault.unlock(USER, PASSPHRASE)
        return (
            f"Argon2id {params.memory_kib // 1024} MiB x {params.iterations} calibrated in "
            f"{took:.1f} s; vault created and unlocked"
        )

    def check_records(self) -> str:
        from app.office import demo

        session = self.session
        cases, contacts = demo.generate(session.scheme, 12, self.year, seed=7)
        session.add_bulk(cases, contacts, "selftest.records")
        problems = session.check()
        if problems:
            raise AssertionError("; ".join(p.message("en") for p in problems))
        return f"{len(session.cases())} cases, {len(session.contacts())} contacts saved and checked"

    def check_tally(self) -> str:
        from app.records.periods import parse_period
        from app.stats.tally import tally

        session = self.session
        self.period = parse_period(str(self.year))
        result = tally(session.scheme, session.cases(), session.contacts(), self.period)
        if not result.rows:
            raise AssertionError("the tally is empty")
        return f"{len(result.rows)} rows for {self.period.label}"

    def check_provisioning(self) -> str:
        from app.crypto import age
        from app.exchange import provisioning
        from app.scheme import model as scheme_model
        from app.scheme.trust import shipped_scheme, trusted_keys

        doc, sig = shipped_scheme()  # trusted_keys(): the demo anchor here (check_trust)
        district = scheme_model.parse(doc).district
        data = provisioning.make_provisioning(
            age.demo_district_signing_key(),
            office_id=OFFICE_ID,
            office_name="Selbsttest",
            district_name=district.name,
            district_ags=district.ags,
            recipients=[age.new_identity()[1]],
            trust_anchors=trusted_keys(),
            scheme_doc=doc,
            scheme_sig=sig,
        )
        prov = provisioning.verify_provisioning(data, trusted_keys(), dt.date.today())
        return f"demo provisioning file signed and verified (key {prov.signed_by})"

    def check_backup(self) -> str:
        from app.vault.backup import make_backup

        target = make_backup(self.session, self.folder / "backup.fzbak")
        return f"backup written ({target.stat().st_size // 1024} KiB)"

    def check_package(self) -> str:
        from app.crypto import age
        from app.exchange import package
        from app.office import export, period_close
        from app.office import keys as office_keys

        session = self.session
        # synthetic records leave some items open on purpose: accept them, as a lead would
        period_close.close_period(
            session, self.period, accepted_reason="Selbsttest mit synthetischen Daten"
        )
        out = self.folder / "export"
        out.mkdir()
        path, sha256, _manifest = export.build_package(session, self.period, out)
        identity = age.demo_district_identity()
        pub, kid = office_keys.office_public_key(session)
        verified = package.open_package(Path(path).read_bytes(), [identity], {kid: pub})
        if verified.tally != export.preview_tally(session, self.period):
            raise RuntimeError("the package's tallies differ from the vault's")
        return f"{Path(path).name} built and verified (sha256 {sha256[:12]}...)"


def run(report: Report = print, folder: str | None = None) -> SelfTest:
    """Run the app checks in a fresh temporary folder; the caller must call ``close()``."""
    base = Path(folder or tempfile.mkdtemp(prefix="fallzahl-selftest-"))
    os.environ.setdefault("FALLZAHL_NO_DIALOGS", "1")
    test = SelfTest(base, report)
    try:
        test.run()
    except BaseException:
        test.close()
        raise
    return test
