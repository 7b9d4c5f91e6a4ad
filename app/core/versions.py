"""Stale saves refused: the version a record was read at, compared when it is saved.

Every record has a ``version`` (``app.core.models.base.Record``) that goes up with each update. The
data classes the services hand out carry the version they were read at; a save compares it with the
stored one and raises :class:`~app.core.errors.ConflictError` (with both versions' values) when
someone else saved in between, instead of silently overwriting their work. Within one unit of work
SQLAlchemy's ``version_id_col`` does the same for a write that races another transaction
(``StaleDataError``), which :func:`flush` turns into the same error.

    row = session.get(Exchange, data.id)
    versions.check(session, row, data.version, mine={f: getattr(data, f) for f in FIELDS})
    ...
    versions.flush(session)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.core.errors import ConflictError
from app.core.models import AuditEntry


def last_change(session: Session, uuid: str) -> tuple[str, Any]:
    """(who, when) of the last change of the record ``uuid`` in the audit trail, or ("", None)."""
    row = session.execute(
        select(AuditEntry.user_name, AuditEntry.at)
        .where(AuditEntry.record_uuid == uuid)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
    return (row[0], row[1]) if row else ("", None)


def check(
    session: Session,
    row: Any,
    expected: int | None,
    mine: Mapping[str, Any],
    theirs: Mapping[str, Any] | None = None,
) -> None:
    """ConflictError unless ``row`` is still at version ``expected`` (None: no check, a save that
    does not come from something the user read, such as an import that matched by UUID).

    ``mine`` holds the values being saved; ``theirs`` the stored ones (by default the row's
    attributes of the same names)."""
    if expected is None or row.version == expected:
        return
    if theirs is None:
        theirs = {k: getattr(row, k) for k in mine}
    who, when = last_change(session, row.uuid)
    raise ConflictError(
        mine=dict(mine),
        theirs=dict(theirs),
        expected=expected,
        version=row.version,
        changed_by=who,
        changed_at=when,
    )


def flush(session: Session) -> None:
    """``session.flush()``, a write that lost a race with another transaction being a conflict."""
    try:
        session.flush()
    except StaleDataError as exc:
        raise ConflictError() from exc


def values(data: Any, names: Iterable[str]) -> dict[str, Any]:
    return {n: getattr(data, n) for n in names}



def form_values(form: Any, row: Any, exclude: Iterable[str] = ("id", "uuid", "version")) -> dict[str, Any]:
    """The fields of a form (a dataclass) that are columns of ``row``: what a save compares."""
    skip = set(exclude)
    return {
        f.name: getattr(form, f.name)
        for f in dataclasses.fields(form)
        if f.name not in skip and hasattr(type(row), f.name)
    }
