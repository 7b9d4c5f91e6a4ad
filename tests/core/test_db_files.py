"""The small ones: exports respect the umask and an existing file's mode; a refused database gets
nothing created beside it; a damaged page is one line; a read-only folder is not "damaged"."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from app.core.db import Database
from app.core.errors import DatabaseOpenError
from app.core.services import tables


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_export_respects_the_umask_and_keeps_an_existing_files_mode(tmp_path, suffix):
    new = tmp_path / f"new{suffix}"
    old = os.umask(0o022)
    try:
        tables.write_table(new, ["a"], [["x"]])
    finally:
        os.umask(old)
    assert stat.S_IMODE(new.stat().st_mode) == 0o644
    existing = tmp_path / f"existing{suffix}"
    existing.write_bytes(b"")
    existing.chmod(0o664)
    tables.write_table(existing, ["a"], [["x"]])
    assert stat.S_IMODE(existing.stat().st_mode) == 0o664


def _damaged_copy(demo_db_path: Path, tmp_path: Path) -> Path:
    bad = tmp_path / "bad.sqlite3"
    shutil.copy(demo_db_path, bad)
    data = bytearray(bad.read_bytes())
    page = 4096 * 10
    data[page : page + 2000] = b"\xab" * 2000
    bad.write_bytes(bytes(data))
    return bad


def test_a_damaged_file_is_refused_in_one_line_and_nothing_is_created_beside_it(demo_db_path, tmp_path):
    folder = tmp_path / "refused"
    folder.mkdir()
    bad = _damaged_copy(demo_db_path, folder)
    with pytest.raises(DatabaseOpenError) as err:
        Database.open(bad)
    assert "damaged" in err.value.message and "\n" not in err.value.message
    assert sorted(p.name for p in folder.iterdir()) == ["bad.sqlite3"]


def test_commits_still_in_the_wal_are_seen_by_the_inspection(demo_db_path, tmp_path):
    live = tmp_path / "live.sqlite3"
    shutil.copy(demo_db_path, live)
    con = sqlite3.connect(live)
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("UPDATE alembic_version SET version_num='f00dfeedbeef'")
    con.commit()
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for name in ("live.sqlite3", "live.sqlite3-wal"):  # as a crash leaves them
        shutil.copy(tmp_path / name, crashed / name)
    con.close()
    with pytest.raises(DatabaseOpenError, match="newer version"):
        Database.open(crashed / "live.sqlite3")


def test_a_healthy_database_in_a_read_only_folder_is_not_called_damaged(demo_db_path, monkeypatch):
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode, **kw: False if mode == os.W_OK else real_access(p, mode, **kw)
    )
    with pytest.raises(DatabaseOpenError) as err:
        Database.open(demo_db_path)
    assert "read-only" in err.value.message and "damaged" not in err.value.message
