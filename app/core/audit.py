"""The audit trail, written by a session event so that no service can forget it.

Before every flush, each record (:class:`~app.core.models.base.Record`) about to be inserted,
changed or deleted leaves one :class:`~app.core.models.audit.AuditEntry`: when (UTC), who (the
user's name, a setting of each laptop: :func:`set_user_name`, else ``COMMISSION_DESK_USER``, else
the operating system's user name; on a PostgreSQL server with the database user), the register (the table), the record's UUID, the action, and for
an update the changed fields with their old and new values (for a deletion the last values). An
insertion records only that the record was created (its values are the record's own, and the next
change keeps them as "old"), which keeps imports of many rows light.

Derived columns (search text, timestamps, the version) are left out. The reading side (the history
of a record, an export) is :mod:`app.core.services.audit`.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
from decimal import Decimal
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from app.core.db.bulk import BulkInsert
from app.core.models.audit import AuditEntry
from app.core.models.base import Record, new_uuid, utcnow

#: Columns that are not worth a line in the history (derived or bookkeeping).
SKIPPED_COLUMNS = frozenset({"id", "uuid", "created_at", "updated_at", "version", "search_text"})
#: Tables whose records are a history themselves, or never change (the print register's bytes).
SKIPPED_TABLES = frozenset({"minutes_revisions", "minutes_prints"})
#: Longest text kept for one value (a signed content, a long note is cut, marked with "…").
MAX_VALUE = 4000

_user_name: str | None = None


def set_user_name(name: str | None) -> None:
    """The name that goes into the audit trail (and the minutes' revisions) from now on."""
    global _user_name
    _user_name = (name or "").strip() or None


def system_user_name() -> str:
    """The operating system's user name (never empty)."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError, ImportError):
        name = os.environ.get("USERNAME") or os.environ.get("USER") or ""
    return name or "?"


def user_name() -> str:
    """Who is working: the name set on this laptop, else $COMMISSION_DESK_USER, else the OS user."""
    return _user_name or os.environ.get("COMMISSION_DESK_USER", "").strip() or system_user_name()


def _who(session: Session) -> str:
    """The user's name; on a server with the database user (``current_user``), the identity the
    server checked: "name (dbuser)" when the two differ."""
    name = user_name()
    if session.bind is None or session.bind.dialect.name != "postgresql":
        return name
    db_user = session.connection().connection.info.get("db_user")
    if not db_user or db_user == name:
        return db_user or name
    return f"{name} ({db_user})"


def json_value(value: Any) -> Any:
    """A value as JSON can hold it (dates as ISO text, Decimals as text, bytes left out)."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return None
    text = str(getattr(value, "value", value))
    return text if len(text) <= MAX_VALUE else text[:MAX_VALUE] + "…"


def _columns(obj: Record):
    mapper = inspect(obj).mapper
    for attr in mapper.column_attrs:
        column = attr.columns[0]
        if column.key in SKIPPED_COLUMNS or attr.deferred:
            continue
        yield attr.key


def _updated(obj: Record) -> dict[str, list[Any]]:
    state = inspect(obj)
    out: dict[str, list[Any]] = {}
    for key in _columns(obj):
        hist = state.attrs[key].history
        if not hist.added and not hist.deleted:
            continue
        old = hist.deleted[0] if hist.deleted else None
        new = hist.added[0] if hist.added else None
        old, new = json_value(old), json_value(new)
        if old != new:
            out[key] = [old, new]
    return out


def _deleted(obj: Record) -> dict[str, list[Any]]:
    """The last values of a record being deleted (those loaded; empty ones left out)."""
    loaded = inspect(obj).dict
    out: dict[str, list[Any]] = {}
    for key in _columns(obj):
        value = json_value(loaded.get(key))
        if value not in (None, ""):
            out[key] = [value, None]
    return out


def _entry(obj: Record, action: str, changes: dict[str, list[Any]], at: dt.datetime, who: str) -> AuditEntry:
    return AuditEntry(
        at=at,
        user_name=who,
        register=obj.__tablename__,
        record_uuid=obj.uuid,
        action=action,
        changes=json.dumps(changes, ensure_ascii=False, sort_keys=True),
    )


def _audited(obj: object) -> bool:
    return isinstance(obj, Record) and obj.__tablename__ not in SKIPPED_TABLES


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _flush_context, _instances) -> None:
    if session.info.get("no_audit"):
        return
    at, who = utcnow(), _who(session)
    entries: list[AuditEntry] = []
    for obj in session.new:
        if _audited(obj):
            if obj.uuid is None:
                obj.uuid = new_uuid()
            entries.append(_entry(obj, "insert", {}, at, who))
    for obj in session.dirty:
        if _audited(obj) and session.is_modified(obj, include_collections=False):
            changes = _updated(obj)
            if changes:
                entries.append(_entry(obj, "update", changes, at, who))
    for obj in session.deleted:
        if _audited(obj):
            entries.append(_entry(obj, "delete", _deleted(obj), at, who))
    session.add_all(entries)


#: The columns of an entry written in bulk, in the order :func:`log_inserts` gives them.
_ENTRY_COLUMNS = ("at", "user_name", "register", "record_uuid", "action", "changes")


def log_inserts(session: Session, register: str, uuids: list[str]) -> None:
    """The entries the flush event writes for records inserted without the ORM (an import's rows
    written in bulk): one "insert" per UUID, at one time, by the user working (one executemany)."""
    if not uuids or session.info.get("no_audit"):
        return
    writer = BulkInsert(session.connection(), AuditEntry.__table__, _ENTRY_COLUMNS, same=("at",))
    at, who = writer.value("at", utcnow()), _who(session)
    writer.insert([[at, who, register, u, "insert", "{}"] for u in uuids])

