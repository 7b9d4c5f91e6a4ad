"""Waiting for another program's write: units of work that may write begin with ``BEGIN
IMMEDIATE``, so that they take the write lock before they read. SQLite's busy timeout then applies
(a deferred transaction that read first and writes second fails at once when another program
writes), and a database still busy after :data:`BUSY_TIMEOUT` is reported as busy
(:class:`DatabaseBusyError`), not as unreadable.

While a write waits, :data:`busy_waiter` (set by the GUI) is called again and again, so that the
window keeps repainting.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from app.core.errors import DatabaseBusyError
from app.i18n import N_

#: How long a unit of work waits for another program to finish writing, in seconds.
BUSY_TIMEOUT = 5.0
#: Execution option of the units of work that may write: they begin with BEGIN IMMEDIATE.
IMMEDIATE = "commission_desk_immediate"
#: Called again and again while a write waits (with the seconds waited so far, then None when the
#: wait is over), so that a window keeps repainting; None: SQLite's busy timeout waits alone.
busy_waiter: Callable[[float | None], None] | None = None


def _busy(exc: Exception) -> bool:
    """A "database is locked" of the sqlite3 module or of sqlcipher3 (its own error classes)."""
    return type(exc).__name__ == "OperationalError" and ("locked" in str(exc) or "busy" in str(exc))


def begin(conn) -> None:
    """The "begin" event of an engine: BEGIN IMMEDIATE for a unit that may write, else BEGIN."""
    if conn.get_execution_options().get(IMMEDIATE):
        begin_immediate(conn.connection.dbapi_connection)
    else:
        conn.exec_driver_sql("BEGIN")


def begin_immediate(raw: Any, timeout: float | None = None) -> None:
    """Take the write lock (``BEGIN IMMEDIATE``), waiting while another program writes;
    DatabaseBusyError when it still writes after ``timeout`` seconds."""
    timeout = BUSY_TIMEOUT if timeout is None else timeout
    waiter = busy_waiter
    start = time.monotonic()
    raw.execute(f"PRAGMA busy_timeout={50 if waiter else int(timeout * 1000)}")
    try:
        while True:
            try:
                raw.execute("BEGIN IMMEDIATE")
                return
            except Exception as exc:  # sqlite3's or sqlcipher3's OperationalError
                waited = time.monotonic() - start
                if not _busy(exc):
                    raise
                if waiter is None or waited >= timeout:
                    raise DatabaseBusyError(
                        N_("The database is still busy: another program keeps writing to it. Try again in a moment.")
                    ) from None
                waiter(waited)
    finally:
        raw.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT * 1000)}")
        if waiter is not None:
            waiter(None)
