"""Backups: SQLite's online backup API (never a file copy of a live database), a rotating set, restore.

Where: a folder ``backups`` beside the database file, one file per backup named
``<database name without suffix>-YYYYMMDD-HHMMSS.sqlite3``. Beside the database rather than in the
user data folder, so that backups follow the file they belong to (a database on a USB stick keeps
its backups there) and several databases never mix theirs up.

Which are kept: the newest ``KEEP_LAST`` (10), and besides them the newest of every month
(a month's last state). A backup of an encrypted database is encrypted with the same passphrase.

Restore first backs up the current file (or, when it cannot be read, keeps it aside under a
``.damaged-…`` name: a damaged file is never overwritten) and then writes the backup in its place.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import CoreError, DatabaseOpenError
from app.i18n import N_

KEEP_LAST = 10
FOLDER = "backups"
SUFFIX = ".sqlite3"
#: While changes are made, a backup every this many seconds (the GUI's timer).
INTERVAL_SECONDS = 30 * 60


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken: dt.datetime


def backups_dir(db_path: Path) -> Path:
    return Path(db_path).parent / FOLDER


def _pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(Path(db_path).stem)}-(\d{{8}}-\d{{6}})(?:-(\d+))?{re.escape(SUFFIX)}$")


def list_backups(db_path: Path) -> list[BackupFile]:
    """The backups of the database at ``db_path``, newest first."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    pattern = _pattern(db_path)
    found = []
    for p in folder.iterdir():
        m = pattern.match(p.name)
        if m and p.is_file():
            taken = dt.datetime.strptime(m.group(1), "%Y%m%d-%H%M%S")
            found.append((taken, int(m.group(2) or 0), p))
    found.sort(reverse=True)
    return [BackupFile(p, taken) for taken, _n, p in found]


def _connect(path: Path, passphrase: str | None, *, read_only: bool = False):
    from app.core.db import sqlcipher

    if passphrase and sqlcipher.is_encrypted(path, passphrase):
        return sqlcipher.connect(path, passphrase, read_only=read_only)
    if read_only:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    return sqlite3.connect(path, timeout=5)


def copy_database(source: Path, target: Path, passphrase: str | None = None) -> None:
    """Write a consistent copy of the database ``source`` to the new file ``target`` (online backup
    API), through a temporary name so that an unfinished copy never bears the target's name."""
    from app.core.db import sqlcipher

    target = Path(target)
    temp = target.with_name(f".{target.name}.part")
    temp.unlink(missing_ok=True)
    encrypted = bool(passphrase) and sqlcipher.may_be_encrypted(Path(source))
    try:
        src = _connect(Path(source), passphrase if encrypted else None, read_only=True)
        try:
            if encrypted:
                dst = sqlcipher.connect(temp, passphrase)
            else:
                dst = sqlite3.connect(temp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        os.replace(temp, target)
    except (sqlite3.Error, OSError, CoreError) as exc:
        temp.unlink(missing_ok=True)
        if isinstance(exc, CoreError):
            raise
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise DatabaseOpenError(
            N_("Cannot back up “{path}”: {reason}"), path=str(source), reason=reason
        ) from exc
    except Exception as exc:  # sqlcipher3's own error classes
        temp.unlink(missing_ok=True)
        raise DatabaseOpenError(
            N_("Cannot back up “{path}”: {reason}"), path=str(source), reason=str(exc)
        ) from exc


def make_backup(
    db_path: Path, passphrase: str | None = None, *, now: dt.datetime | None = None, rotate_after: bool = True
) -> Path:
    """Back up the database at ``db_path`` into its backups folder and rotate; returns the new file."""
    db_path = Path(db_path)
    now = (now or dt.datetime.now()).replace(microsecond=0)
    folder = backups_dir(db_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseOpenError(
            N_("Cannot back up “{path}”: {reason}"), path=str(db_path), reason=exc.strerror
        ) from exc
    base = f"{db_path.stem}-{now:%Y%m%d-%H%M%S}"
    target = folder / f"{base}{SUFFIX}"
    n = 1
    while target.exists():
        target = folder / f"{base}-{n}{SUFFIX}"
        n += 1
    copy_database(db_path, target, passphrase)
    if rotate_after:
        rotate(db_path)
    return target


def to_keep(backups: list[BackupFile], keep_last: int = KEEP_LAST) -> set[Path]:
    """The newest ``keep_last``, and the newest of every month."""
    ordered = sorted(backups, key=lambda b: b.taken, reverse=True)
    keep = {b.path for b in ordered[:keep_last]}
    months: set[tuple[int, int]] = set()
    for b in ordered:
        month = (b.taken.year, b.taken.month)
        if month not in months:
            months.add(month)
            keep.add(b.path)
    return keep


def rotate(db_path: Path, keep_last: int = KEEP_LAST) -> list[Path]:
    """Delete the backups that are neither among the newest nor a month's newest; returns them."""
    backups = list_backups(db_path)
    keep = to_keep(backups, keep_last)
    removed = []
    for b in backups:
        if b.path not in keep:
            try:
                b.path.unlink()
                removed.append(b.path)
            except OSError:
                pass
    return removed


def newest_good_backup(db_path: Path, passphrase: str | None = None) -> BackupFile | None:
    """The newest backup that passes the full integrity check."""
    from app.core.db.integrity import check_file

    for b in list_backups(db_path):
        try:
            if check_file(b.path, passphrase).healthy:
                return b
        except CoreError:
            continue
    return None


def keep_aside(db_path: Path, now: dt.datetime | None = None) -> Path:
    """Rename a file that cannot be backed up (damaged) to ``<name>.damaged-<time>``, with its WAL."""
    now = now or dt.datetime.now()
    aside = db_path.with_name(f"{db_path.name}.damaged-{now:%Y%m%d-%H%M%S}")
    n = 1
    while aside.exists():
        aside = db_path.with_name(f"{db_path.name}.damaged-{now:%Y%m%d-%H%M%S}-{n}")
        n += 1
    os.replace(db_path, aside)
    for suffix in ("-wal", "-shm"):
        side = Path(f"{db_path}{suffix}")
        if side.exists():
            os.replace(side, Path(f"{aside}{suffix}"))
    return aside


@dataclass
class RestoreResult:
    safety_backup: Path | None = None  # the backup of the current file taken first
    kept_aside: Path | None = None  # the current file, renamed because it could not be read


def restore(db_path: Path, backup: Path, passphrase: str | None = None) -> RestoreResult:
    """Put the backup ``backup`` in place of the database at ``db_path`` (closed by this program).

    The current file is backed up first; one that cannot be backed up is kept aside, never
    overwritten. A backup that fails the integrity check is refused and nothing changes.
    """
    from app.core.db.integrity import check_file

    db_path, backup = Path(db_path), Path(backup)
    check = check_file(backup, passphrase)
    if not check.healthy:
        raise DatabaseOpenError(
            N_("The backup “{path}” is damaged ({reason}); nothing was restored."),
            path=str(backup),
            reason=check.problems[0],
        )
    from app.core.db import sqlcipher

    result = RestoreResult()
    # An encrypted database stays encrypted, even when restored from a backup taken before.
    encrypt = bool(passphrase) and sqlcipher.may_be_encrypted(db_path) and not sqlcipher.may_be_encrypted(backup)
    if db_path.exists() and db_path.stat().st_size > 0:
        try:
            if not check_file(db_path, passphrase).healthy:
                raise DatabaseOpenError(N_("There is no database at “{path}”."), path=str(db_path))
            result.safety_backup = make_backup(db_path, passphrase, rotate_after=False)
        except CoreError:
            result.kept_aside = keep_aside(db_path)
    temp = db_path.with_name(f".{db_path.name}.restoring")
    copy_database(backup, temp, passphrase)
    if encrypt:
        sqlcipher.encrypt_file(temp, passphrase)
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    os.replace(temp, db_path)
    return result
