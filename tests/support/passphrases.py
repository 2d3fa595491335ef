"""The passphrase and the cheap key derivation every test vault uses."""

from __future__ import annotations

from pathlib import Path

from app.crypto.kdf import KdfParams

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
# Tests use cheap Argon2id parameters; the program calibrates to ~0.5 s at >= 64 MiB.
FAST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)
PASS = "richtig-langes-passwort"
