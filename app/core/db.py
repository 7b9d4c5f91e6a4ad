"""The store: a SQLite file, opened safely and brought to the newest schema by Alembic.

Opening happens in two steps. First the file is inspected read-only: is it SQLite at all, is it
readable, does it belong to Commission Desk, and does this version know its schema revision? Only
then is it opened for writing, switched to WAL and upgraded. A file that fails the inspection is
never written to.

Every user action is one unit of work: ``with db.unit() as s: ...`` opens a session in a
transaction, commits at the end, rolls back on any error, and closes. A unit begins with
``BEGIN IMMEDIATE``: it takes the write lock before it reads, so that while another program writes
it waits (up to :data:`BUSY_TIMEOUT`) instead of failing at once, and a database still busy then
is reported as busy (:class:`DatabaseBusyError`), not as unreadable. ``db.unit(read_only=True)``
only reads and begins a plain deferred transaction, which never waits in WAL mode.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from app import paths
from app.core.errors import DatabaseBusyError, DatabaseOpenError
from app.i18n import N_

SQLITE_HEADER = b"SQLite format 3\x00"


def _alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(paths.migrations_dir()))
    return cfg


_REVISION_RE = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+)$", re.MULTILINE)


@lru_cache(maxsize=1)
def known_revisions() -> tuple[frozenset[str], frozenset[str]]:
    """(every revision the migrations know, the head revisions).

    Read from the migration files' ``revision``/``down_revision`` lines rather than through
    Alembic, whose import costs a third of a second at every start-up; Alembic itself is loaded
    only when a database needs upgrading. A test checks that both readings agree.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for f in sorted((paths.migrations_dir() / "versions").glob("*.py")):
        fields = dict(_REVISION_RE.findall(f.read_text(encoding="utf-8")))
        if "revision" not in fields:
            continue
        revisions.add(ast.literal_eval(fields["revision"].strip()))
        down = ast.literal_eval(fields.get("down_revision", "None").strip())
        if isinstance(down, str):
            parents.add(down)
        elif down:
            parents.update(down)
    return frozenset(revisions), frozenset(revisions - parents)


def _make_engine(path: Path, *, foreign_keys: bool = True, read_only: bool = False) -> Engine:
    if read_only:
        url = f"sqlite:///file:{path}?mode=ro&uri=true"
    else:
        url = f"sqlite:///{path}"
    engine = create_engine(url, connect_args={"timeout": 5})

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
        if not read_only and conn.get_execution_options().get(_IMMEDIATE):
            begin_immediate(conn.connection.dbapi_connection)
        else:
            conn.exec_driver_sql("BEGIN")

    return engine


# --- waiting for another program's write (BEGIN IMMEDIATE) ---------------------------------------

#: How long a unit of work waits for another program to finish writing, in seconds.
BUSY_TIMEOUT = 5.0
#: Execution option of the units of work that may write: they begin with BEGIN IMMEDIATE.
_IMMEDIATE = "commission_desk_immediate"
#: Called again and again while a write waits (with the seconds waited so far, then None when the
#: wait is over), so that a window keeps repainting; None: SQLite's busy timeout waits alone.
busy_waiter: Callable[[float | None], None] | None = None


def _busy(exc: sqlite3.OperationalError) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


def begin_immediate(raw: sqlite3.Connection, timeout: float | None = None) -> None:
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
            except sqlite3.OperationalError as exc:
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


def inspect_file(path: Path) -> tuple[str, set[str]]:
    """Look at a database file without writing to it.

    Returns ("new", set()) for a file that does not exist or is empty, ("ours", revisions) for a
    Commission Desk database. Raises DatabaseOpenError otherwise.
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
    try:
        con = sqlite3.connect(_inspection_uri(path), uri=True, timeout=2)
    except sqlite3.Error as exc:
        raise DatabaseOpenError(
            N_("Cannot open “{path}”: {reason}"), path=str(path), reason=str(exc)
        ) from exc
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
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
    return "ours", revisions


def _inspection_uri(path: Path) -> str:
    """A read-only URI that creates nothing beside the file (no -wal, no -shm): ``immutable``,
    unless commits are still waiting in the file's WAL, which only a WAL-aware reader sees."""
    from urllib.parse import quote

    wal = path.with_name(path.name + "-wal")
    live = wal.exists() and wal.stat().st_size > 0
    return f"file:{quote(str(path))}?{'mode=ro' if live else 'immutable=1'}"


class Database:
    """An open Commission Desk database."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(engine.execution_options(**{_IMMEDIATE: True}), expire_on_commit=False)
        self._readers = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = True) -> Database:
        path = Path(path).expanduser().resolve()
        kind, revisions = inspect_file(path)
        if kind == "new" and not create:
            raise DatabaseOpenError(N_("There is no database at “{path}”."), path=str(path))
        known, heads = known_revisions()
        unknown = revisions - known
        if unknown:
            raise DatabaseOpenError(
                N_(
                    "“{path}” was written by a newer version of Commission Desk (schema {revision}). "
                    "Install that version to open it; the file was left as it is."
                ),
                path=str(path),
                revision=", ".join(sorted(unknown)),
            )
        if kind == "new":
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseOpenError(
                    N_("Cannot create “{path}”: {reason}"), path=str(path), reason=exc.strerror
                ) from exc
        elif not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
            raise DatabaseOpenError(
                N_(
                    "“{path}” cannot be written to: the file or its folder is read-only. Copy it to a "
                    "folder of your own to work on it; the file was left as it is."
                ),
                path=str(path),
            )
        elif revisions != heads:
            _backup_before_upgrade(path, revisions)
        if revisions != heads:
            _migrate(path)
        engine = _make_engine(path)
        return cls(path, engine)

    @contextmanager
    def unit(self, *, read_only: bool = False) -> Iterator[Session]:
        """One unit of work: a session in one transaction, committed at the end or rolled back.
        It holds the write lock from its start, unless it is ``read_only``."""
        with (self._readers if read_only else self._sessions)() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


def _backup_before_upgrade(path: Path, revisions: set[str]) -> None:
    """Keep a copy of an older database before its schema is upgraded in place."""
    tag = "-".join(sorted(revisions)) or "empty"
    target = path.with_name(f"{path.name}.before-upgrade-{tag}.bak")
    if target.exists():
        return
    try:
        src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        src.close()
        dst.close()
    except sqlite3.Error:
        shutil.copy2(path, target)


def _migrate(path: Path) -> None:
    """Upgrade to head in one transaction, with foreign keys off as SQLite's table rebuilds need."""
    from alembic import command

    engine = _make_engine(path, foreign_keys=False)
    try:
        with engine.connect() as conn:
            with conn.begin():
                cfg = _alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "heads")
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise DatabaseOpenError(
                        N_("Upgrading “{path}” would break references between records; nothing was changed."),
                        path=str(path),
                    )
    except DatabaseOpenError:
        raise
    except Exception as exc:  # a failed migration leaves the file as it was (one transaction)
        raise DatabaseOpenError(
            N_("Cannot upgrade “{path}”: {reason}. Nothing was changed."), path=str(path), reason=str(exc)
        ) from exc
    finally:
        engine.dispose()
