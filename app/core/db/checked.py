"""Remembering that a database file passed SQLite's ``quick_check``, so that opening a file that
has not changed since does not read all of it again (0.3–0.6 s for a 127 MB file, at every
command and every start).

What is remembered, in the user's cache folder (never beside the database), is the file's identity
when the check began: device, inode, size, modification and status-change times (nanoseconds) of
the file and of its ``-wal``. The check is skipped only when every one of them is the same now.
Any write to the file or its WAL, by this program or another, a copy put in its place, a restored
backup, changes them; the status-change time (``ctime``) cannot be set back by a program, so even
a change that keeps the size and resets the modification time is seen. Any doubt runs the check:

- a file or WAL changed less than :data:`SETTLE_NS` before the check began is not remembered (a
  file system's clock is coarse: a write in the same tick could leave the times unchanged);
- a remembered check is trusted for :data:`MAX_AGE_NS` at most (damage no write caused, such as a
  failing disk, is found again within a day);
- an unreadable or damaged memo is no memo.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from app import paths

MEMO_NAME = "checked-databases.json"
#: Files changed this recently are not remembered (coarse file-system clocks: FAT's is 2 s).
SETTLE_NS = 3_000_000_000
#: A remembered check is trusted this long at most.
MAX_AGE_NS = 24 * 3600 * 1_000_000_000
#: The memo keeps the most recently checked files only.
MAX_ENTRIES = 32

Identity = list


def _stat(path: Path) -> list[int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]


def identity(path: Path) -> Identity:
    """What changes when the file or its WAL changes (OSError if the file cannot be read)."""
    main = _stat(path)
    if main is None:
        raise FileNotFoundError(str(path))
    return [main, _stat(path.with_name(path.name + "-wal"))]


def _memo_path() -> Path:
    return paths.user_cache_dir() / MEMO_NAME


def _load() -> dict:
    try:
        memo = json.loads(_memo_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return memo if isinstance(memo, dict) else {}


def _key(path: Path) -> str:
    return os.path.realpath(path)


def passed(path: Path) -> bool:
    """Whether ``path`` passed the check and has not changed since (False at any doubt)."""
    try:
        entry = _load().get(_key(path))
        if not isinstance(entry, dict):
            return False
        checked_at = entry.get("at")
        if not isinstance(checked_at, int) or not 0 <= time.time_ns() - checked_at < MAX_AGE_NS:
            return False
        return entry.get("id") == identity(path)
    except (OSError, ValueError, TypeError):
        return False


def look(path: Path) -> tuple[int, Identity | None, bool]:
    """Before a check: (now, the file's identity or None if it cannot be read, whether it passed
    already and has not changed since)."""
    started = time.time_ns()
    try:
        before = identity(path)
    except OSError:
        return started, None, False
    return started, before, passed(path)


def remember(path: Path, before: Identity | None, started_ns: int) -> None:
    """Remember that ``path`` passed the check begun at ``started_ns`` with the identity ``before``
    (read before the check: a change during the check is then seen at the next open). Files
    changed too shortly before the check began are not remembered. Never raises."""
    if before is None:
        return
    try:
        if identity(path) != before:
            return
        if any(s is not None and started_ns - max(s[3], s[4]) < SETTLE_NS for s in before):
            return
        memo = _load()
        memo.pop(_key(path), None)
        memo[_key(path)] = {"id": before, "at": started_ns}
        while len(memo) > MAX_ENTRIES:
            memo.pop(next(iter(memo)))
        paths.write_cache(_memo_path(), json.dumps(memo).encode("utf-8"))
    except (OSError, ValueError, TypeError):
        pass  # not remembering only costs the check next time


def forget(path: Path) -> None:
    """Forget ``path`` (its next open runs the check). Never raises."""
    try:
        memo = _load()
        if memo.pop(_key(path), None) is not None:
            paths.write_cache(_memo_path(), json.dumps(memo).encode("utf-8"))
    except (OSError, ValueError, TypeError):
        pass
