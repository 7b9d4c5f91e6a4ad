"""SQLite's quick_check on opening runs again only when the file or its WAL changed since it last
passed (app/core/db/checked.py): a damaged file is refused even after a good check was remembered,
whether the damage changed the file's size or not; a changed WAL runs the check again."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from app.core.db import Database, checked
from app.core.db import sqlite as sqlite_engine
from app.core.errors import DatabaseOpenError

HOUR_AGO = time.time() - 3600


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("COMMISSION_DESK_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def checks(monkeypatch) -> list[str]:
    """The quick_checks the inspection runs."""
    ran: list[str] = []
    real = sqlite3.connect

    def connect(*args, **kwargs):
        con = real(*args, **kwargs)
        con.set_trace_callback(lambda sql: ran.append(sql) if "quick_check" in sql else None)
        return con

    monkeypatch.setattr(sqlite_engine.sqlite3, "connect", connect)
    return ran


@pytest.fixture
def settled(demo_db_path: Path, tmp_path: Path) -> Path:
    """A database file last changed an hour ago (its status-change time is now, a few seconds
    before the test opens it: older than checked.SETTLE_NS once the test waits for it)."""
    path = tmp_path / "files" / "settled.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(demo_db_path, path)
    os.utime(path, (HOUR_AGO, HOUR_AGO))
    return path


def _age(monkeypatch, seconds: float) -> None:
    """Make the clock of the checks run ``seconds`` ahead (instead of waiting)."""
    real = time.time_ns
    monkeypatch.setattr(checked.time, "time_ns", lambda: real() + int(seconds * 1e9))


def _damage(path: Path, extra: bytes = b"") -> None:
    data = bytearray(path.read_bytes())
    page = 4096 * 10
    data[page : page + 2000] = b"\xab" * 2000
    path.write_bytes(bytes(data) + extra)


def test_an_unchanged_file_is_checked_once_and_the_memo_is_in_the_cache_folder(
    settled, cache, checks, monkeypatch
):
    _age(monkeypatch, 10)
    assert sqlite_engine.inspect_file(settled)[0] == "ours"
    assert len(checks) == 1
    assert sqlite_engine.inspect_file(settled)[0] == "ours"
    assert sqlite_engine.inspect_file(settled)[0] == "ours"
    assert len(checks) == 1  # remembered
    assert str(settled.resolve()) in json.loads((cache / checked.MEMO_NAME).read_text())
    assert sorted(p.name for p in settled.parent.iterdir()) == ["settled.sqlite3"]  # nothing beside it


@pytest.mark.parametrize("extra", [b"", b"\0" * 4096], ids=["same size", "longer"])
def test_a_file_damaged_after_a_good_check_was_remembered_is_refused(
    settled, cache, checks, monkeypatch, extra
):
    _age(monkeypatch, 10)
    sqlite_engine.inspect_file(settled)
    sqlite_engine.inspect_file(settled)
    assert len(checks) == 1
    before = settled.stat()
    _damage(settled, extra)
    if not extra:  # the same size and the same modification time: only the status-change time moved
        os.utime(settled, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert settled.stat().st_size == before.st_size and settled.stat().st_mtime_ns == before.st_mtime_ns
    with pytest.raises(DatabaseOpenError) as err:
        Database.open(settled)
    assert "damaged" in err.value.message
    assert len(checks) == 2


def test_a_changed_wal_runs_the_check_again(settled, cache, checks, monkeypatch):
    _age(monkeypatch, 10)
    sqlite_engine.inspect_file(settled)
    main = settled.stat()
    con = sqlite3.connect(settled)
    try:
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA wal_autocheckpoint=0")
        sqlite_engine.inspect_file(settled)  # an empty WAL now exists: changed too
        assert len(checks) == 2
        con.execute("CREATE TABLE scratch (x)")
        con.commit()
        assert settled.stat().st_mtime_ns == main.st_mtime_ns  # only the WAL changed
        assert sqlite_engine.inspect_file(settled)[0] == "ours"
        assert len(checks) == 3
    finally:
        con.close()


def test_a_file_changed_just_before_the_check_is_not_remembered(settled, cache, checks):
    os.utime(settled)  # changed now: a write in the same tick of the file system's clock could follow
    sqlite_engine.inspect_file(settled)
    sqlite_engine.inspect_file(settled)
    assert len(checks) == 2


def test_a_remembered_check_expires_and_a_damaged_memo_is_no_memo(settled, cache, checks, monkeypatch):
    _age(monkeypatch, 10)
    sqlite_engine.inspect_file(settled)
    _age(monkeypatch, 10 + checked.MAX_AGE_NS / 1e9)
    sqlite_engine.inspect_file(settled)
    assert len(checks) == 2
    (cache / checked.MEMO_NAME).write_text("{not json", encoding="utf-8")
    sqlite_engine.inspect_file(settled)
    assert len(checks) == 3


def test_a_database_the_program_wrote_to_is_checked_again(settled, cache, checks, monkeypatch):
    _age(monkeypatch, 10)
    db = Database.open(settled)
    db.close()
    assert len(checks) == 1
    db = Database.open(settled)
    with db.unit() as s:
        s.connection().exec_driver_sql("CREATE TABLE scratch (x)")
    db.close()
    assert len(checks) == 1
    _age(monkeypatch, 20)
    Database.open(settled).close()
    assert len(checks) == 2
