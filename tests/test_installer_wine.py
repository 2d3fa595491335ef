"""The Windows installer compiled with Inno Setup's ISCC and run silently, under wine.

Slow (about half a minute: a wine prefix, one compile, two setup runs). .ci/run installs wine,
its 32-bit part, Xvfb and the npm package ``innosetup``; without them these tests skip and
say which is missing.

What it proves: packaging/windows/fallzahl.iss compiles with no warning; ``setup.exe
/VERYSILENT /TRUST=key /PROVISION=file`` installs, puts the district's key where the frozen
program reads its trust anchors and removes the demo anchor, so the program's own lookup
(app/resources.py under PyInstaller 6's ``sys._MEIPASS`` = ``{app}\\_internal``) trusts the
district's key and refuses the demo key; it copies the provisioning file for the first-run
wizard and registers the file associations; a /TRUST file that does not exist stops the
setup before anything is installed; the uninstaller removes the program and its
associations and leaves a user's vault in %LOCALAPPDATA% alone. The bundle is a stand-in in the Windows layout
(tests/support/inno.py says why that suffices); tests/test_frozen_build.py installs the
real Linux bundle the same way and runs the installed program.
"""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from app.cli.scheme import sign_scheme
from app.crypto import signing
from app.errors import SchemeUntrustedKey
from app.scheme import trust
from tests.support import inno

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(inno.missing_tools() is not None, reason=str(inno.missing_tools())),
]
APP = r"C:\Program Files\Fallzahl"


@pytest.fixture(scope="module")
def wine(tmp_path_factory):
    prefix = inno.Wine(tmp_path_factory.mktemp("wine") / "prefix")
    yield prefix
    prefix.close()


@pytest.fixture(scope="module")
def setup_exe(wine, tmp_path_factory):
    folder = tmp_path_factory.mktemp("iscc")
    bundle = inno.stand_in_bundle(folder / "bundle")
    compiled = wine.compile(folder / "out", AppVersion="9.8.7", BundleDir=wine.windows_path(bundle))
    assert compiled.returncode == 0, compiled.stdout[-4000:] + compiled.stderr[-2000:]
    return folder / "out" / "Fallzahl-9.8.7-Setup.exe", compiled.stdout


@pytest.fixture(scope="module")
def district_key(tmp_path_factory):
    """The district's scheme key pair (secret, public), its public key as a file."""
    secret, public = signing.generate_keypair("Landkreis Harz scheme key")
    path = tmp_path_factory.mktemp("district") / "harz-district.pub"
    path.write_bytes(public)
    return secret, public, path


@pytest.fixture(scope="module")
def installed(wine, setup_exe, district_key, tmp_path_factory):
    """setup.exe /TRUST=district key /PROVISION=file, silently into Program Files."""
    provisioning = tmp_path_factory.mktemp("it") / "HZ-QLB-01.fallzahl-provisioning"
    provisioning.write_bytes(b'{"stand-in": "the installer only copies this file"}\n')
    log = provisioning.parent / "setup.log"
    done = wine.run_setup(
        setup_exe[0],
        f"/TRUST={wine.windows_path(district_key[2])}",
        f"/PROVISION={wine.windows_path(provisioning)}",
        f"/LOG={wine.windows_path(log)}",
    )
    text = log.read_text(encoding="utf-8-sig", errors="replace") if log.exists() else ""
    assert done.returncode == 0, text[-4000:] + done.stderr[-2000:]
    assert "Installation process succeeded." in text, text[-4000:]
    return wine.linux_path(APP), provisioning


def test_iscc_compiles_the_script_without_warnings(setup_exe):
    exe, output = setup_exe
    assert exe.read_bytes()[:2] == b"MZ" and exe.stat().st_size > 1_000_000
    assert output.startswith("Inno Setup 6 Command-Line Compiler"), output[:400]
    assert "Successful compile" in output, output[-4000:]
    warnings = [line for line in output.splitlines() if line.lstrip().startswith("Warning")]
    assert not warnings, warnings


def test_trust_installs_the_district_key_where_the_program_reads(
    installed, district_key, monkeypatch
):
    app_dir, _ = installed
    secret, public, _ = district_key
    trust_dir = app_dir / "_internal" / "resources" / "trust"
    assert (trust_dir / "harz-district.pub").read_bytes() == public
    assert not (trust_dir / "district-demo.pub").exists(), "the demo anchor is still trusted"
    assert (trust_dir / "district-demo.age-recipient").is_file()  # not a trust anchor
    # what the frozen program does: PyInstaller 6 sets sys._MEIPASS to {app}\_internal
    monkeypatch.setattr(sys, "_MEIPASS", str(app_dir / "_internal"), raising=False)
    assert trust.trusted_keys() == [public]
    doc, demo_signature = trust.shipped_scheme()
    today = dt.date.today()
    scheme = trust.load_verified(
        doc, sign_scheme(doc, secret), trust.trusted_keys(), today, None, check_dates=False
    )
    assert scheme.id == "lk-harz"  # signed by the district: trusted
    with pytest.raises(SchemeUntrustedKey):
        trust.load_verified(
            doc, demo_signature, trust.trusted_keys(), today, None, check_dates=False
        )


def test_install_copies_the_provisioning_file_for_the_wizard(installed, wine):
    _, provisioning = installed
    copied = wine.prefix / "drive_c" / "ProgramData" / "Fallzahl" / "provisioning"
    assert (copied / provisioning.name).read_bytes() == provisioning.read_bytes()


def test_install_registers_the_file_associations(installed, wine):
    hklm = wine.machine_registry()
    classes = "software\\classes\\"
    command = f'"{APP}\\fallzahl.exe" "%1"'
    for progid in ("fallzahl.package", "fallzahl.receipt", "fallzahl.feedback",
                   "fallzahl.provisioning"):  # fmt: skip
        assert hklm[f"{classes}{progid}\\shell\\open\\command"][""] == command
        assert hklm[f"{classes}{progid}\\defaulticon"][""] == f"{APP}\\fallzahl.exe,0"
    assert hklm[f"{classes}.fallzahl-provisioning"][""] == "Fallzahl.Provisioning"
    assert hklm[f"{classes}.fallzahl-package"][""] == "Fallzahl.Package"
    assert hklm[f"{classes}.fallzahl-receipt"][""] == "Fallzahl.Receipt"
    assert hklm[f"{classes}.fallzahl-feedback"][""] == "Fallzahl.Feedback"
    # .age, .receipt and .feedback belong to other programs too: only "Open with", no default
    for ext, progid in (
        (".age", "Fallzahl.Package"), (".receipt", "Fallzahl.Receipt"),
        (".feedback", "Fallzahl.Feedback"),
    ):  # fmt: skip
        assert hklm[f"{classes}{ext}\\openwithprogids"] == {progid: ""}
        assert "" not in hklm.get(f"{classes}{ext}", {})


def test_a_missing_trust_file_stops_the_setup(wine, setup_exe, tmp_path):
    target = r"C:\Fallzahl-nicht-installiert"
    absent = wine.windows_path(tmp_path / "no-such-district.pub")
    done = wine.run_setup(setup_exe[0], f"/DIR={target}", f"/TRUST={absent}")
    assert done.returncode != 0
    assert not wine.linux_path(target).exists()


def test_uninstall_removes_the_program_and_keeps_the_data(installed, wine):
    """Last in this file: it removes what the module's install put in."""
    app_dir, _ = installed
    vault = wine.local_app_data() / "Fallzahl" / "vault"
    vault.mkdir(parents=True)
    (vault / "fallzahl.db").write_bytes(b"a user's vault stays where it is")
    done = wine.run_setup(app_dir / "unins000.exe")  # /VERYSILENT ... work for it too
    assert done.returncode == 0, done.stderr[-2000:]
    assert not (app_dir / "fallzahl.exe").exists() and not (app_dir / "_internal").exists()
    assert (vault / "fallzahl.db").read_bytes() == b"a user's vault stays where it is"
    hklm = wine.machine_registry()
    classes = "software\\classes\\"
    for progid in ("fallzahl.package", "fallzahl.receipt", "fallzahl.feedback",
                   "fallzahl.provisioning"):  # fmt: skip
        assert not any(k.startswith(classes + progid) for k in hklm), progid
    for ext in (".fallzahl-package", ".fallzahl-receipt", ".fallzahl-feedback",
                ".fallzahl-provisioning"):  # fmt: skip
        assert "" not in hklm.get(f"{classes}{ext}", {}), ext  # no default left behind
    for ext in (".age", ".receipt", ".feedback"):
        offered = hklm.get(f"{classes}{ext}\\openwithprogids", {})
        for progid in ("Fallzahl.Package", "Fallzahl.Receipt", "Fallzahl.Feedback"):
            assert progid not in offered, (ext, progid)
