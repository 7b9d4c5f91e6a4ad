"""The store: a database file, opened safely and brought to the newest schema by Alembic.

Opening happens in two steps. First the file is inspected read-only: is it SQLite at all, is it
readable, does it belong to Commission Desk, and does this version know its schema revision? Only
then is it opened for writing, switched to WAL and upgraded. A file that fails the inspection is
never written to.

Every user action is one unit of work: ``with db.unit() as s: ...`` opens a session in a
transaction, commits at the end, rolls back on any error, and closes. A unit begins with
``BEGIN IMMEDIATE`` (``busy``): it takes the write lock before it reads, and waits while another
program writes. ``db.unit(read_only=True)``, and a unit opened inside another one of the same
thread, begin a plain deferred transaction, which never waits in WAL mode.

One module per concern: ``sqlite`` (the SQLite engine, its pragmas, inspecting a file),
``server`` (a shared PostgreSQL database: ``--db postgresql://user@host:port/dbname``) and
``migrate`` (the revisions we know, the backup before an upgrade, the Alembic upgrade). The module
``database`` is the public face: ``Database``, ``Database.open`` and ``Database.unit``.

On a server a unit that wrote ends with a notification to the other windows (``server.notify``),
and a user whose role may only read gets :class:`ReadOnlyDatabaseError` at the first write.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.core.db import busy, server, sqlcipher
from app.core.db.migrate import alembic_config, backup_before_upgrade, known_revisions, migrate
from app.core.db.sqlite import SQLITE_HEADER, inspect_file, make_engine
from app.core.errors import DatabaseOpenError, ReadOnlyDatabaseError, SchemaUpgradeNeeded
from app.i18n import N_

__all__ = [
    "SQLITE_HEADER",
    "Database",
    "alembic_config",
    "inspect_file",
    "known_revisions",
    "make_engine",
]


class Database:
    """An open Commission Desk database."""

    def __init__(
        self, path: Path | None, engine: Engine, passphrase: str | None = None, url: str | None = None
    ) -> None:
        self.path = path  # None for a server database
        self.url = url  # a server database's URL, without a password
        self.engine = engine
        #: sent with this database's notifications, so that its own window ignores them
        self.token = uuid.uuid4().hex
        self._writable: bool | None = None
        self._password: str | None = None  # a server password the window asked for: memory only
        self._passphrase = passphrase  # in memory only: never written, logged or shown
        self._sessions = sessionmaker(engine.execution_options(**{busy.IMMEDIATE: True}), expire_on_commit=False)
        self._readers = sessionmaker(engine, expire_on_commit=False)
        self._open_units = threading.local()

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        create: bool = True,
        passphrase: str | None = None,
        upgrade: bool = False,
        password: str | None = None,
    ) -> Database:
        """Open (or create) the database at ``path``; with ``passphrase`` an encrypted one (a new
        file is then created encrypted; a plain file opens plain, the passphrase unused).

        ``path`` may be a server URL (``postgresql://user@host:port/dbname``): an empty server
        database is initialised only with ``create``, an older schema upgraded only with
        ``upgrade`` (else :class:`SchemaUpgradeNeeded`); ``password`` when libpq has none."""
        if server.is_url(path):
            return cls._open_server(str(path).strip(), create=create, upgrade=upgrade, password=password)
        path = Path(path).expanduser().resolve()
        if sqlcipher.is_encrypted(path, passphrase):
            kind, revisions = sqlcipher.inspect_encrypted(path, passphrase)
        elif sqlcipher.may_be_encrypted(path):
            raise sqlcipher.need_passphrase(path)
        else:
            passphrase = None
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
            backup_before_upgrade(path, revisions, passphrase)
        if revisions != heads:
            migrate(path, passphrase)
        engine = make_engine(path, passphrase=passphrase)
        return cls(path, engine, passphrase)

    @classmethod
    def _open_server(cls, url: str, *, create: bool, upgrade: bool, password: str | None) -> Database:
        from app.core.db.migrate import migrate_engine

        shown = server.display_url(url)
        engine = server.make_engine(url, password=password)
        try:
            kind, revisions = server.inspect_server(engine, url)
            known, heads = known_revisions()
            unknown = revisions - known
            if unknown:
                raise DatabaseOpenError(
                    N_(
                        "“{url}” was written by a newer version of Commission Desk (schema {revision}). "
                        "Install that version to open it; the database was left as it is."
                    ),
                    url=shown,
                    revision=", ".join(sorted(unknown)),
                )
            if kind == "new" and not create:
                raise DatabaseOpenError(
                    N_(
                        "The server database “{url}” is empty. Initialise it with “commission-desk migrate "
                        "--db {url}” (or fill it with the demo: “commission-desk demo --db {url}”)."
                    ),
                    url=shown,
                )
            if kind == "ours" and revisions != heads and not upgrade:
                raise SchemaUpgradeNeeded(
                    N_(
                        "The server database “{url}” has an older schema ({revision}). Upgrade it with "
                        "“commission-desk migrate --db {url}” once every secretary has the new version."
                    ),
                    url=shown,
                    revision=", ".join(sorted(revisions)),
                )
            if revisions != heads:
                migrate_engine(engine, shown)
        except BaseException:
            engine.dispose()
            raise
        db = cls(None, engine, url=shown)
        db._password = password
        return db

    @property
    def is_server(self) -> bool:
        return self.url is not None

    @property
    def location(self) -> str:
        """Where it is, as shown to the user: the file's path or the server's URL (no password)."""
        return self.url or str(self.path)

    @property
    def server_password(self) -> str | None:
        """The server password the window asked for (in memory only), for the listener and copies."""
        return self._password

    @property
    def read_only(self) -> bool:
        """True when this user may only read (a reader role on a server); asked once."""
        if self._writable is None:
            self._writable = server.can_write(self.engine) if self.is_server else True
        return not self._writable

    @property
    def encrypted(self) -> bool:
        return self._passphrase is not None

    @property
    def passphrase(self) -> str | None:
        """The passphrase it was opened with (in memory only), for backups and conversions."""
        return self._passphrase

    def backup(self, target: str | os.PathLike[str] | None = None) -> Path:
        """Back up with the online backup API: to ``target``, or into the rotating set beside it."""
        from app.core.db import backup

        if self.is_server:
            from app.core.db import server_backup

            return server_backup.dump(self, target)
        if target is None:
            return backup.make_backup(self.path, self._passphrase)
        target = Path(target).expanduser()
        backup.copy_database(self.path, target, self._passphrase)
        return target

    @contextmanager
    def unit(self, *, read_only: bool = False) -> Iterator[Session]:
        """One unit of work: a session in one transaction, committed at the end or rolled back.
        It holds the write lock from its start, unless it is ``read_only`` or opened inside
        another unit of this thread (which holds the lock: waiting for it would never end)."""
        depth = getattr(self._open_units, "depth", 0)
        sessions = self._readers if read_only or depth else self._sessions
        self._open_units.depth = depth + 1
        try:
            with sessions() as session, session.begin():
                if self.is_server and not read_only and self.read_only:
                    session.info["read_only"] = self.url
                yield session
                if self.is_server:
                    session.flush()  # what the commit would write, so that it is notified
                    if session.info.pop("wrote", False):
                        server.notify(session, self.token)
        finally:
            self._open_units.depth = depth

    def close(self) -> None:
        self.engine.dispose()


@event.listens_for(Session, "before_flush")
def _refuse_read_only(session: Session, _flush_context, _instances) -> None:
    if session.info.get("read_only") and (session.new or session.dirty or session.deleted):
        raise ReadOnlyDatabaseError(
            N_("Your database user may only read “{url}”: nothing was changed. Ask for a writer role to edit."),
            url=session.info["read_only"],
        )


@event.listens_for(Session, "after_flush")
def _note_write(session: Session, _flush_context) -> None:
    session.info["wrote"] = True


@event.listens_for(Session, "do_orm_execute")
def _note_statement_write(state) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        state.session.info["wrote"] = True
