"""Encrypted databases: SQLCipher (the ``sqlcipher3`` wheel), keyed with the user's passphrase.

An encrypted file has no SQLite header: without the passphrase it is indistinguishable from random
bytes, and plain ``sqlite3`` calls it "not a database". The passphrase lives only in memory (the
open ``Database`` keeps it to open further connections); it is never written to a file, a log or an
error message. Keys are given as ``PRAGMA key`` strings (SQLCipher derives the key with PBKDF2).

Converting: ``encrypt_file`` and ``decrypt_file`` write the other form with ``sqlcipher_export``
into a new file beside the original and put it in place only once it is complete and checked;
``change_passphrase`` re-keys in place (``PRAGMA rekey``, one transaction).
"""

from __future__ import annotations

import os
from pathlib import Path

from app.core.errors import DatabaseOpenError
from app.i18n import N_

#: Below this size a file without the SQLite header cannot be an SQLCipher database (one page).
MIN_ENCRYPTED_SIZE = 1024


class PassphraseNeeded(DatabaseOpenError):
    """The file may be an encrypted database, and no passphrase was given."""


class WrongPassphrase(DatabaseOpenError):
    """The passphrase given does not open the file."""


def available() -> bool:
    try:
        import sqlcipher3  # noqa: F401
    except ImportError:
        return False
    return True


def _module():
    try:
        from sqlcipher3 import dbapi2
    except ImportError as exc:  # pragma: no cover - the wheel is a dependency
        raise DatabaseOpenError(
            N_("Encrypted databases need the sqlcipher3 package, which is not installed.")
        ) from exc
    return dbapi2


def _quote(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def may_be_encrypted(path: Path) -> bool:
    """True for an existing file without the SQLite header, of a whole number of pages."""
    from app.core.db.sqlite import SQLITE_HEADER

    try:
        size = path.stat().st_size
        if size < MIN_ENCRYPTED_SIZE or size % 512:
            return False
        with open(path, "rb") as fh:
            return not fh.read(16).startswith(SQLITE_HEADER)
    except OSError:
        return False


def is_encrypted(path: Path, passphrase: str | None) -> bool:
    """Whether ``path`` is (or, new, will be) opened through SQLCipher."""
    if not passphrase:
        return False
    if not path.exists() or path.stat().st_size == 0:
        return True  # a new database created with a passphrase is encrypted
    return may_be_encrypted(path)


def connect(path: Path | str, passphrase: str, *, read_only: bool = False, timeout: float = 5):
    """A DB-API connection to the encrypted file, keyed, and checked to open with that key."""
    dbapi2 = _module()
    target = f"file:{path}?mode=ro" if read_only else str(path)
    con = dbapi2.connect(target, uri=read_only, timeout=timeout, check_same_thread=False)
    try:
        con.execute("PRAGMA cipher_log_level = NONE")  # SQLCipher's own log would go to stderr
        con.execute(f"PRAGMA key = {_quote(passphrase)}")
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except dbapi2.DatabaseError as exc:
        con.close()
        raise WrongPassphrase(
            N_("The passphrase does not open “{path}” (or it is not a Commission Desk database)."),
            path=str(path),
        ) from exc
    return con


def need_passphrase(path: Path) -> PassphraseNeeded:
    return PassphraseNeeded(
        N_(
            "“{path}” is not a plain SQLite file: if it is an encrypted Commission Desk database, "
            "give its passphrase."
        ),
        path=str(path),
    )


def inspect_encrypted(path: Path, passphrase: str) -> tuple[str, set[str]]:
    """``inspect_file`` for an encrypted file: ("new"|"ours", revisions), never writing to it."""
    if not path.exists() or path.stat().st_size == 0:
        return "new", set()
    from app.core.db import checked

    dbapi2 = _module()
    started, before, known_good = checked.look(path)
    con = connect(path, passphrase, read_only=True, timeout=2)  # checks the passphrase, always
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not known_good:  # skipped for a file unchanged since it passed (app/core/db/checked.py)
            check = con.execute("PRAGMA quick_check(1)").fetchone()
            if check and check[0] != "ok":
                raise dbapi2.DatabaseError(check[0])
        if not tables:
            return "new", set()
        if "alembic_version" not in tables:
            raise DatabaseOpenError(
                N_("“{path}” is an SQLite file of another program, not a Commission Desk database."),
                path=str(path),
            )
        revisions = {r[0] for r in con.execute("SELECT version_num FROM alembic_version")}
    except dbapi2.DatabaseError as exc:
        raise DatabaseOpenError(
            N_("“{path}” is damaged and cannot be read ({reason})."), path=str(path), reason=str(exc)
        ) from exc
    finally:
        con.close()
    if not known_good:
        checked.remember(path, before, started)
    return "ours", revisions


def _export(source, target: Path, key: str) -> None:
    """Write the database of connection ``source`` to ``target`` keyed with ``key`` ('' = plain)."""
    source.execute(f"ATTACH DATABASE ? AS converted KEY {_quote(key)}", (str(target),))
    try:
        # one transaction: the new file is synced to disk once, not once per table (seconds on a
        # busy disk), and a failure leaves it empty rather than half written
        source.execute("BEGIN")
        source.execute("SELECT sqlcipher_export('converted')")
        version = source.execute("PRAGMA main.user_version").fetchone()[0]
        source.execute(f"PRAGMA converted.user_version = {int(version)}")
        source.execute("COMMIT")
    finally:
        if source.in_transaction:
            source.rollback()
        source.execute("DETACH DATABASE converted")


def _replace(path: Path, new: Path, passphrase: str | None) -> None:
    """Check ``new`` and put it in place of ``path`` (whose WAL was folded by closing it)."""
    from app.core.db.integrity import check_file

    result = check_file(new, passphrase)
    if not result.healthy:
        new.unlink(missing_ok=True)
        raise DatabaseOpenError(
            N_("Converting “{path}” failed ({reason}); the file was left as it is."),
            path=str(path),
            reason="; ".join(result.problems[:3]),
        )
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.replace(new, path)


def _temp(path: Path) -> Path:
    new = path.with_name(f".{path.name}.converting")
    for p in (new, Path(f"{new}-journal")):
        p.unlink(missing_ok=True)
    return new


def encrypt_file(path: Path, passphrase: str) -> None:
    """Turn the plain database at ``path`` (closed by every program) into an encrypted one."""
    if not passphrase:
        raise DatabaseOpenError(N_("The passphrase must not be empty."))
    dbapi2 = _module()
    new = _temp(path)
    con = dbapi2.connect(str(path))
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        _export(con, new, passphrase)
    finally:
        con.close()
    _replace(path, new, passphrase)


def decrypt_file(path: Path, passphrase: str) -> None:
    """Turn the encrypted database at ``path`` (closed by every program) into a plain one."""
    new = _temp(path)
    con = connect(path, passphrase)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        _export(con, new, "")
    finally:
        con.close()
    _replace(path, new, None)


def change_passphrase(path: Path, old: str, new: str) -> None:
    """Re-key the encrypted database at ``path`` from ``old`` to ``new``."""
    if not new:
        raise DatabaseOpenError(N_("The passphrase must not be empty."))
    con = connect(path, old)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute(f"PRAGMA rekey = {_quote(new)}")
    finally:
        con.close()


def create_engine(path: Path, passphrase: str, *, read_only: bool = False):
    """A SQLAlchemy engine whose connections are keyed SQLCipher connections (no key in the URL)."""
    from sqlalchemy import create_engine as sa_create_engine
    from sqlalchemy.pool import QueuePool

    dbapi2 = _module()
    return sa_create_engine(
        "sqlite://",
        module=dbapi2,
        poolclass=QueuePool,
        creator=lambda: connect(path, passphrase, read_only=read_only),
    )
