"""The SQLite engine: inspecting a file without writing to it, and opening it with our pragmas.

A file is inspected read-only first (is it SQLite, readable, ours, at a revision we know?), and
opened for writing only once it passed. Later engines (SQLCipher, PostgreSQL) get modules of
their own beside this one.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.db import busy, checked
from app.core.errors import DatabaseOpenError
from app.i18n import N_

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

SQLITE_HEADER = b"SQLite format 3\x00"


def make_engine(
    path: Path, *, foreign_keys: bool = True, read_only: bool = False, passphrase: str | None = None
) -> Engine:
    """An engine on the SQLite file at ``path``: WAL, foreign keys, transactions begun by SQLAlchemy.

    With a passphrase the file is an SQLCipher database (app/core/db/sqlcipher.py): connections are
    made and keyed by a creator function, so the passphrase never appears in a URL."""
    from sqlalchemy import create_engine, event  # here: inspecting a file needs no SQLAlchemy

    if passphrase:
        from app.core.db import sqlcipher

        engine = sqlcipher.create_engine(path, passphrase, read_only=read_only)
    elif read_only:
        engine = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true", connect_args={"timeout": 5})
    else:
        engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 5})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # pragma: no cover - exercised by every test
        # Let SQLAlchemy, not the driver, decide where transactions begin, so that DDL in
        # migrations is transactional too (SQLAlchemy's documented recipe for pysqlite).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        if not read_only:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=5000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # pragma: no cover
        if read_only:
            conn.exec_driver_sql("BEGIN")
        else:
            busy.begin(conn)  # BEGIN IMMEDIATE for a unit of work that may write

    return engine


def inspect_file(path: Path) -> tuple[str, set[str]]:
    """Look at a database file without writing to it.

    Returns ("new", set()) for a file that does not exist or is empty, ("ours", revisions) for a
    Commission Desk database. Raises DatabaseOpenError otherwise.

    SQLite's ``quick_check`` reads the whole file: it is skipped when the file and its WAL have
    not changed since they last passed it (:mod:`app.core.db.checked`).
    """
    if not path.exists():
        return "new", set()
    if path.is_dir():
        raise DatabaseOpenError(N_("“{path}” is a folder, not a database file."), path=str(path))
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        raise DatabaseOpenError(
            N_("Cannot read “{path}”: {reason}"), path=str(path), reason=exc.strerror
        ) from exc
    if not head:
        return "new", set()
    if not head.startswith(SQLITE_HEADER) or len(head) < 100:
        raise DatabaseOpenError(
            N_("“{path}” is not a Commission Desk database: it is not an SQLite file."), path=str(path)
        )
    started, before, known_good = checked.look(path)
    try:
        con = sqlite3.connect(_inspection_uri(path), uri=True, timeout=2)
    except sqlite3.Error as exc:
        raise DatabaseOpenError(
            N_("Cannot open “{path}”: {reason}"), path=str(path), reason=str(exc)
        ) from exc
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not known_good:
            check = con.execute("PRAGMA quick_check(1)").fetchone()
            if check and check[0] != "ok":
                raise sqlite3.DatabaseError(" ".join(str(check[0]).split()))  # one line
        if not tables:
            return "new", set()
        if "alembic_version" not in tables:
            raise DatabaseOpenError(
                N_("“{path}” is an SQLite file of another program, not a Commission Desk database."),
                path=str(path),
            )
        revisions = {r[0] for r in con.execute("SELECT version_num FROM alembic_version")}
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise DatabaseOpenError(
                N_("“{path}” is locked by another program. Close it there and try again."), path=str(path)
            ) from exc
        raise DatabaseOpenError(
            N_("“{path}” is damaged and cannot be read ({reason})."), path=str(path), reason=str(exc)
        ) from exc
    except sqlite3.DatabaseError as exc:
        raise DatabaseOpenError(
            N_("“{path}” is damaged and cannot be read ({reason})."), path=str(path), reason=str(exc)
        ) from exc
    finally:
        con.close()
    if not known_good:
        checked.remember(path, before, started)
    return "ours", revisions


def _inspection_uri(path: Path) -> str:
    """A read-only URI that creates nothing beside the file (no -wal, no -shm): ``immutable``,
    unless commits are still waiting in the file's WAL, which only a WAL-aware reader sees."""
    from urllib.parse import quote

    wal = path.with_name(path.name + "-wal")
    live = wal.exists() and wal.stat().st_size > 0
    return f"file:{quote(str(path))}?{'mode=ro' if live else 'immutable=1'}"
