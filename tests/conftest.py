"""Shared fixtures: temporary data folders, fast key derivation, a small test scheme."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# module-scoped fixtures run before ``_isolated``: they too keep out of the real config folder
# (the rollback witness, app/vault/witness.py, lives there)
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="fallzahl-tests-config-")

from app import lang  # noqa: E402
from app.scheme.model import Scheme, parse  # noqa: E402
from tests.support.passphrases import FAST_KDF, FIXTURES, PASS  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    """No test touches the real user folders; messages in German unless a test says so."""
    monkeypatch.setenv("FALLZAHL_VAULT", str(tmp_path / "default-vault"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    lang.set_language("de")
    yield
    lang.set_language(None)


@pytest.fixture
def min_scheme() -> Scheme:
    return parse((FIXTURES / "scheme_min.json").read_bytes())


@pytest.fixture
def vault_dir(tmp_path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def session(vault_dir, min_scheme):
    """An unlocked office vault with one lead 'leitung' on the small test scheme."""
    from app.vault.vault import Vault

    vault, _recovery = Vault.create(vault_dir, user="leitung", passphrase=PASS, kdf=FAST_KDF)
    s = vault.unlock("leitung", PASS)
    s.scheme = min_scheme
    yield s
    if s.is_open:
        s.close()
    vault.close()


@pytest.fixture(autouse=True)
def _cheap_kdf():
    """New slots use the process's calibration: cheap in tests (the program measures it)."""
    from app.crypto import kdf

    kdf.use_machine_params(FAST_KDF)
    yield
    kdf.use_machine_params(None)
