"""A shared office database on a PostgreSQL server (driver: psycopg 3).

``--db postgresql://user@host:port/dbname`` names a server database. The password is never part of
what the application keeps: libpq finds it in ``~/.pgpass`` or ``PGPASSWORD``, or the window asks
for it and hands it to the connection only (:func:`make_engine`'s ``password``).

An empty server database is initialised explicitly (``commission-desk migrate`` or ``demo``), and an
older schema is upgraded only when asked (``migrate``, or the window asks first): a server is shared,
and one secretary's newer program must not change it under the others.

Writes notify the other windows: every unit of work that wrote ends with ``NOTIFY`` on
:data:`CHANNEL` (the payload is the writing Database's token, so that a window ignores its own
writes); :class:`Listener` receives them on a connection of its own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

from app.core.errors import DatabaseOpenError, ServerPasswordError
from app.i18n import N_

#: The LISTEN/NOTIFY channel of Commission Desk.
CHANNEL = "commission_desk"

_URL_RE = re.compile(r"^postgres(?:ql)?(?:\+psycopg)?://", re.IGNORECASE)


def is_url(value: object) -> bool:
    """True for ``postgresql://…`` (also ``postgres://``, ``postgresql+psycopg://``)."""
    return isinstance(value, str) and bool(_URL_RE.match(value.strip()))


def display_url(url: str) -> str:
    """The URL as it may be shown and remembered: without a password, as ``postgresql://``."""
    parts = urlsplit(url.strip())
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        netloc = f"{userinfo.split(':', 1)[0]}@{host}"
    return urlunsplit(("postgresql", netloc, parts.path, parts.query, ""))


def sqlalchemy_url(url: str, password: str | None = None):
    from sqlalchemy.engine import make_url

    u = make_url(url.strip()).set(drivername="postgresql+psycopg")
    if password:
        u = u.set(password=password)
    return u


def database_name(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url.strip()).database or ""


def make_engine(url: str, *, password: str | None = None, **kwargs) -> Engine:
    """An engine on the server database; ``password`` (asked by the window) only when libpq's own
    sources (``~/.pgpass``, ``PGPASSWORD``) do not have it. Short connect timeout: an unreachable
    server is reported, not waited for."""
    from sqlalchemy import create_engine, event

    engine = create_engine(
        sqlalchemy_url(url, password),
        connect_args={"connect_timeout": 5, "application_name": "commission-desk"},
        pool_pre_ping=True,
        **kwargs,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, record):  # pragma: no cover - exercised by every server test
        with dbapi_conn.cursor() as cur:
            cur.execute("SELECT current_user")
            record.info["db_user"] = cur.fetchone()[0]
        dbapi_conn.commit()

    return engine


def open_error(exc: BaseException, url: str) -> DatabaseOpenError:
    """One clear line for a connection that failed: unreachable, refused password, no database."""
    reason = str(getattr(exc, "orig", None) or exc)
    shown = display_url(url)
    sqlstate = getattr(getattr(exc, "orig", exc), "sqlstate", None)
    low = reason.lower()
    if sqlstate == "28P01" or "password authentication failed" in low:
        return ServerPasswordError(N_("The server refused the password for “{url}”."), url=shown)
    if "no password supplied" in low or "password is required" in low:
        return ServerPasswordError(
            N_("The server “{url}” asks for a password: put it in ~/.pgpass or PGPASSWORD, or open it from the window."),
            url=shown,
        )
    if sqlstate == "3D000" or ("database" in low and "does not exist" in low):
        return DatabaseOpenError(
            N_("There is no database “{name}” on the server of “{url}”. Ask its administrator to create it."),
            name=database_name(url),
            url=shown,
        )
    if sqlstate in ("28000", "42501") or "no pg_hba.conf entry" in low or "permission denied" in low:
        return DatabaseOpenError(
            N_("The server “{url}” does not let this user in: {reason}"), url=shown, reason=_one_line(reason)
        )
    return DatabaseOpenError(
        N_("Cannot reach the database server of “{url}”: {reason}"), url=shown, reason=_one_line(reason)
    )


def _one_line(reason: str) -> str:
    line = " ".join(reason.split())
    return line.removeprefix("connection failed: ")[:300]


def inspect_server(engine: Engine, url: str) -> tuple[str, set[str]]:
    """("new", set()) for a database without tables, ("ours", revisions) for ours; errors otherwise."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    try:
        with engine.connect() as conn:
            tables = set(
                conn.execute(
                    text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
                ).scalars()
            )
            if not tables:
                return "new", set()
            if "alembic_version" not in tables:
                raise DatabaseOpenError(
                    N_("“{url}” is a database of another program, not a Commission Desk database."),
                    url=display_url(url),
                )
            revisions = set(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
    except DBAPIError as exc:
        raise open_error(exc, url) from None
    return "ours", revisions


def can_write(engine: Engine) -> bool:
    """Whether the database user may write (a reader role may only SELECT). Every write adds a line
    to the audit trail, so the right to insert there is the right to write."""
    from sqlalchemy import text

    with engine.connect() as conn:
        return bool(conn.execute(text("SELECT has_table_privilege(current_user, 'audit_log', 'INSERT')")).scalar())


def notify(session, token: str) -> None:
    from sqlalchemy import text

    session.execute(text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": token})


class Listener:
    """Notifications of other programs' writes, on a connection of its own (autocommit, LISTEN).

    :meth:`poll` never waits: it returns the payloads received since the last call. :meth:`fileno`
    is the socket to watch (a QSocketNotifier) for when to poll."""

    def __init__(self, url: str, password: str | None = None) -> None:
        import psycopg

        u = sqlalchemy_url(url, password).set(drivername="postgresql")
        self.conn = psycopg.connect(
            u.render_as_string(hide_password=False), autocommit=True, connect_timeout=5,
            application_name="commission-desk-listener",
        )  # fmt: skip
        self.conn.execute(f"LISTEN {CHANNEL}")

    def fileno(self) -> int:
        return self.conn.pgconn.socket

    def poll(self) -> list[str]:
        if self.conn.closed:
            return []
        return [n.payload for n in self.conn.notifies(timeout=0)]

    def close(self) -> None:
        self.conn.close()
