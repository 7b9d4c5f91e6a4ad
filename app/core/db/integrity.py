"""The full integrity check of a database file: SQLite's ``integrity_check`` and ``foreign_key_check``.

``check_file`` never writes to the file. Its answer is healthy or damaged (with SQLite's findings);
a file that is not a database at all, or cannot be opened, raises ``DatabaseOpenError``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from app.core.errors import DatabaseOpenError
from app.i18n import N_

#: At most this many findings are collected (SQLite's own default is 100).
MAX_PROBLEMS = 100


@dataclass
class IntegrityResult:
    path: Path
    problems: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.problems


def _open(path: Path, passphrase: str | None):
    from app.core.db import sqlcipher
    from app.core.db.sqlite import SQLITE_HEADER

    if not path.is_file():
        raise DatabaseOpenError(N_("There is no database at “{path}”."), path=str(path))
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        raise DatabaseOpenError(
            N_("Cannot read “{path}”: {reason}"), path=str(path), reason=exc.strerror
        ) from exc
    if head.startswith(SQLITE_HEADER):
        try:
            return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5), sqlite3
        except sqlite3.Error as exc:
            raise DatabaseOpenError(
                N_("Cannot open “{path}”: {reason}"), path=str(path), reason=str(exc)
            ) from exc
    if passphrase and sqlcipher.may_be_encrypted(path):
        return sqlcipher.connect(path, passphrase, read_only=True), sqlcipher._module()
    if sqlcipher.may_be_encrypted(path):
        raise sqlcipher.need_passphrase(path)
    raise DatabaseOpenError(
        N_("“{path}” is not a Commission Desk database: it is not an SQLite file."), path=str(path)
    )


def check_file(path: Path | str, passphrase: str | None = None) -> IntegrityResult:
    """Run the full integrity and foreign-key checks on the file at ``path``."""
    path = Path(path)
    con, module = _open(path, passphrase)
    result = IntegrityResult(path)
    try:
        try:
            rows = con.execute(f"PRAGMA integrity_check({MAX_PROBLEMS})").fetchall()
            result.problems += [str(r[0]) for r in rows if r[0] != "ok"]
            if not result.problems:
                for table, rowid, parent, _fk in con.execute("PRAGMA foreign_key_check").fetchall():
                    result.problems.append(f"{table} row {rowid}: missing {parent}")
                    if len(result.problems) >= MAX_PROBLEMS:
                        break
        except module.OperationalError as exc:
            if "locked" in str(exc):
                raise DatabaseOpenError(
                    N_("“{path}” is locked by another program. Close it there and try again."),
                    path=str(path),
                ) from exc
            result.problems.append(str(exc))
        except module.DatabaseError as exc:
            if "not a database" in str(exc) and not result.problems:
                raise DatabaseOpenError(
                    N_("“{path}” is not a Commission Desk database: it is not an SQLite file."),
                    path=str(path),
                ) from exc
            result.problems.append(str(exc))
    finally:
        con.close()
    return result
