"""Two programs on one database: a write waits for the other's write to end (BEGIN IMMEDIATE and
the busy timeout) instead of failing at once, and a database still busy is reported as busy."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from app.cli import main
from app.core.db import busy as db_module
from app.core.errors import DatabaseBusyError
from app.core.models import Setting


def _hold_write_lock(path, seconds: float) -> threading.Event:
    """Another program's write: the write lock held for ``seconds``; the event is set once held."""
    held = threading.Event()

    def run():
        con = sqlite3.connect(path, isolation_level=None)
        con.execute("BEGIN IMMEDIATE")
        con.execute("CREATE TABLE IF NOT EXISTS other_program (x)")
        held.set()
        time.sleep(seconds)
        con.execute("COMMIT")
        con.close()

    threading.Thread(target=run, daemon=True).start()
    assert held.wait(5)
    return held


def _add_setting(s, code: str) -> None:
    s.add(Setting(key=code, value=1))


def test_a_writer_waits_for_a_two_second_lock_and_succeeds(db, db_path):
    _hold_write_lock(db_path, 2.0)
    start = time.monotonic()
    with db.unit() as s:
        s.query(Setting).count()  # a unit that reads before it writes
        _add_setting(s, "XX")
    assert 1.5 < time.monotonic() - start < 4.5
    with db.unit(read_only=True) as s:
        assert s.query(Setting).filter_by(key="XX").count() == 1


def test_a_reader_does_not_wait_for_a_writer(db, db_path):
    _hold_write_lock(db_path, 1.5)
    start = time.monotonic()
    with db.unit(read_only=True) as s:
        s.query(Setting).count()
    assert time.monotonic() - start < 1.0


def test_a_database_still_busy_after_the_timeout_is_reported_busy(db, db_path, monkeypatch):
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT", 0.5)
    _hold_write_lock(db_path, 2.0)
    with pytest.raises(DatabaseBusyError, match="busy"), db.unit() as s:
        _add_setting(s, "YY")
    time.sleep(2)
    with db.unit() as s:
        assert s.query(Setting).filter_by(key="YY").count() == 0


def test_a_waiter_keeps_being_called_while_a_write_waits(db, db_path, monkeypatch):
    calls: list[float | None] = []
    monkeypatch.setattr(db_module, "busy_waiter", calls.append)
    _hold_write_lock(db_path, 1.0)
    with db.unit() as s:
        _add_setting(s, "ZZ")
    assert len(calls) > 5 and calls[-1] is None and calls[-2] > 0.5


def test_the_command_line_reports_a_busy_database_as_busy(db, db_path, tmp_path, monkeypatch, capsys):
    db.close()
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT", 0.3)
    csv = tmp_path / "in.csv"
    csv.write_text(
        "Kind,From,To,Title in Chinese,Title in Russian,Quantity,Date requested\n"
        "Book,SU,CN,书,Книга,1,2026-05-01\n",
        encoding="utf-8",
    )
    _hold_write_lock(db_path, 2.0)
    status = main(["import", "exchanges", "--db", str(db_path), str(csv)])
    err = capsys.readouterr().err
    assert status == 2 and "busy" in err and "cannot be read" not in err and err.count("\n") == 1


def test_a_unit_opened_inside_another_does_not_wait_for_its_lock(db):
    start = time.monotonic()
    with db.unit() as outer:
        _add_setting(outer, "OUTER")
        outer.flush()  # the outer unit holds the write lock
        with db.unit() as inner:  # e.g. reading defaults for a form while saving
            inner.query(Setting).count()
    assert time.monotonic() - start < 1.0
