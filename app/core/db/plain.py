"""Reading a database file with the sqlite3 driver alone, without SQLAlchemy, for a command that
only reads and must start fast (printing unsigned minutes: ``pdf minutes``).

:func:`open_for_reading` gives a connection only to a file :meth:`Database.open
<app.core.db.database.Database.open>` would open as it is: a plain (not encrypted) Commission Desk
database at the newest schema, that passes the same inspection (``inspect_file``: SQLite, ours,
not damaged), and that the user may write to (``Database.open`` refuses a read-only one). In any
other case it gives None, and the command opens the file with ``Database.open``, which upgrades it,
asks for its passphrase or says in one line why it cannot be opened, exactly as before.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from app.core.db.migrate import known_revisions
from app.core.db.sqlite import SQLITE_HEADER, inspect_file
from app.core.errors import DatabaseOpenError


def open_for_reading(path: str | os.PathLike[str]) -> sqlite3.Connection | None:
    """A read-only sqlite3 connection to the database file at ``path``, or None (see above)."""
    path = Path(path).expanduser().resolve()
    try:
        with open(path, "rb") as fh:
            if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return None  # encrypted, empty, or not a database: Database.open says which
        kind, revisions = inspect_file(path)
    except (OSError, DatabaseOpenError):
        return None
    if kind != "ours" or revisions != known_revisions()[1]:
        return None
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        return None
    con = sqlite3.connect(path, timeout=5, isolation_level=None)
    try:
        con.execute("PRAGMA busy_timeout=5000")
        con.execute("PRAGMA query_only=1")
    except sqlite3.Error:
        con.close()
        return None
    return con
