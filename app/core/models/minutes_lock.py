"""Signed minutes are read-only, whoever writes: a safety net under the services.

The services refuse to change signed minutes with a clear message before they touch anything; this
listener makes sure that no other path (a future service, a script, an import) can change them
either. Before every flush it refuses:

- adding, changing or deleting a segment of minutes that were already locked when loaded;
- changing the content or signing fields of locked minutes, or deleting them;
- changing the number or the texts of a decision that a segment of locked minutes holds (its
  status, deadline and agencies stay open: the register keeps tracking signed decisions).

The minutes being signed in this very flush (``locked`` still false in the database) pass, so that
signing itself can lock the segments.
"""

from __future__ import annotations

from itertools import chain

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from app.core.errors import ValidationError
from app.core.models.meetings import Decision
from app.core.models.minutes import Minutes, Segment
from app.i18n import N_

#: Fields of signed minutes that may still change (handling, not content).
_OPEN_MINUTES_FIELDS = frozenset({"marking_zh", "marking_ru", "updated_at"})
#: Fields of a signed decision that may still change (the register's tracking).
_CLOSED_DECISION_FIELDS = ("number", "text_zh", "text_ru", "meeting_id")

SIGNED = N_("These minutes are signed; they can no longer be changed.")


_SIGNING = "minutes_being_signed"


def _was_locked(minutes: Minutes | None) -> bool:
    """Locked before this unit of work began (minutes locked by it may still be completed)."""
    if minutes is None:
        return False
    state = inspect(minutes)
    if state.pending or state.transient:
        return False
    session = state.session
    hist = state.attrs.locked.load_history()  # the value in the database, before this flush
    before = hist.deleted or hist.unchanged
    if hist.added and hist.added[0] and not (before and before[0]) and session is not None:
        session.info.setdefault(_SIGNING, set()).add(minutes.id)  # being signed now
        return False
    if session is not None and minutes.id in session.info.get(_SIGNING, ()):
        return False
    return bool(before and before[0])


def _changed(obj, names) -> bool:
    state = inspect(obj)
    return any(state.attrs[n].history.has_changes() for n in names)


def _segment_minutes(session: Session, seg: Segment) -> Minutes | None:
    if seg.minutes is not None:
        return seg.minutes
    if seg.minutes_id is None:
        return None
    return session.get(Minutes, seg.minutes_id)


@event.listens_for(Session, "after_transaction_end")
def _forget_signing(session: Session, transaction) -> None:
    if transaction.parent is None:
        session.info.pop(_SIGNING, None)


@event.listens_for(Session, "before_flush")
def _refuse_changes_to_signed_minutes(session: Session, _context, _instances) -> None:
    with session.no_autoflush:
        for obj in chain(session.new, session.dirty, session.deleted):
            if isinstance(obj, Segment):
                if obj in session.dirty and not session.is_modified(obj, include_collections=False):
                    continue
                if _was_locked(_segment_minutes(session, obj)):
                    raise ValidationError(SIGNED)
                # a segment moved out of signed minutes
                hist = inspect(obj).attrs.minutes_id.history
                for old in hist.deleted or ():
                    if old is not None and _was_locked(session.get(Minutes, old)):
                        raise ValidationError(SIGNED)
            elif isinstance(obj, Minutes) and _was_locked(obj):
                if obj in session.deleted:
                    raise ValidationError(SIGNED)
                state = inspect(obj)
                names = [a.key for a in state.mapper.column_attrs if a.key not in _OPEN_MINUTES_FIELDS]
                if _changed(obj, names):
                    raise ValidationError(SIGNED)
            elif isinstance(obj, Decision) and obj in session.dirty:
                if not _changed(obj, _CLOSED_DECISION_FIELDS):
                    continue
                locked = session.execute(
                    select(Minutes.locked)
                    .join(Segment, Segment.minutes_id == Minutes.id)
                    .where(Segment.decision_id == obj.id)
                ).scalar_one_or_none()
                if locked:
                    raise ValidationError(SIGNED)
