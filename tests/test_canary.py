"""No plaintext of a record touches the disk: not the DB, the WAL, temp files or logs."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from app.office.info import OfficeInfo, set_office_info
from app.vault.backup import make_backup
from tests.support.records import case, contact

MARKER = "KANARIE7Q3ZX"


def files_under(*folders: Path):
    for folder in folders:
        for root, _dirs, names in os.walk(folder):
            for name in names:
                yield Path(root) / name


def test_marker_appears_in_no_file(session, vault_dir, tmp_path, monkeypatch):
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    set_office_info(session, OfficeInfo(office_id="HZ-01", name=f"Stelle {MARKER}"))
    c = session.save_case(case(counsellor=MARKER, problems=["FIN_DEBT"]))
    session.save_contact(contact(c.id, counsellor=MARKER))
    session.put_setting("note", MARKER.encode())
    # while the vault is open the WAL holds the latest pages: look now and after closing
    looked = 0
    for path in files_under(vault_dir, temp):
        looked += 1
        data = path.read_bytes()
        assert MARKER.encode() not in data, path
        assert MARKER.encode("utf-16-le") not in data, path
    assert looked >= 2  # the database and its WAL at least
    make_backup(session, tmp_path / "backup.fzbak")
    session.close()
    for path in files_under(vault_dir, temp, tmp_path / "xdg-state", tmp_path / "home"):
        assert MARKER.encode() not in path.read_bytes(), path
    assert MARKER.encode() not in (tmp_path / "backup.fzbak").read_bytes()
