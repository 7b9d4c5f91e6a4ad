"""Signed minutes never change through a bundle: which columns of a record a bundle must leave as
they are (the rules of :mod:`app.core.models.minutes_lock` and :mod:`app.migrations.triggers`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.models import Minutes, Segment
from app.migrations import triggers

EVERYTHING = frozenset({"*"})
NOTHING: frozenset[str] = frozenset()


def _locked(session: Session, minutes_id: int | None) -> bool:
    if minutes_id is None:
        return False
    return bool(session.execute(select(Minutes.locked).where(Minutes.id == minutes_id)).scalar())


def frozen(session: Session, table: str, row: Any | None, minutes_id: int | None = None) -> frozenset[str]:
    """The columns a bundle may not change on ``row`` (``EVERYTHING``: not even delete it, or for a
    new segment, ``minutes_id`` its minutes: not add it)."""
    if table == "minutes" and row is not None and row.locked:
        return EVERYTHING
    if table == "minutes_segments":
        if _locked(session, row.minutes_id if row is not None else minutes_id):
            return EVERYTHING
    if table == "decisions" and row is not None:
        held = session.execute(
            select(Minutes.locked).join(Segment, Segment.minutes_id == Minutes.id).where(Segment.decision_id == row.id)
        ).scalar()
        if held:
            return frozenset(triggers.DECISION_FIELDS)
    return NOTHING
