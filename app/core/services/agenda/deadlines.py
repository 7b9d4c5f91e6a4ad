"""The steps before a session, counted back from its opening day: the notice with the proposed
agenda, confirmation and additions, the secretaries' preparatory meeting.

The offsets are database settings (days before the opening). That a step was done is recorded
with its date (:class:`MeetingDeadline`); the due date always follows from the session's dates,
so moving the session moves its deadlines. Recording a step moves the session's status forward
(notice -> memorandum sent, confirmation -> confirmed), and taking it back moves it back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.changes import Change, changes
from app.core.enums import AgendaStatus, DeadlineKind, DeadlineState, MeetingStatus
from app.core.errors import NotFoundError, ValidationError
from app.core.models import AgendaItem, Meeting, MeetingDeadline
from app.core.services import settings
from app.core.services.agenda import sessions as meetings
from app.core.services.agenda.sessions import MeetingData, status_rank
from app.core.services.text import clean_text
from app.i18n import N_

OFFSET_KEYS = {
    DeadlineKind.NOTICE: "agenda.notice_days",
    DeadlineKind.CONFIRMATION: "agenda.confirmation_days",
    DeadlineKind.PREPARATORY: "agenda.preparatory_days",
}
DUE_SOON_KEY = "agenda.due_soon_days"
settings.register(OFFSET_KEYS[DeadlineKind.NOTICE], 30)
settings.register(OFFSET_KEYS[DeadlineKind.CONFIRMATION], 15)
settings.register(OFFSET_KEYS[DeadlineKind.PREPARATORY], 6)
settings.register(DUE_SOON_KEY, 10)

MAX_OFFSET = 365

#: The status a recorded step brings a session to (never backwards).
_STATUS_AFTER = {
    DeadlineKind.NOTICE: MeetingStatus.MEMORANDUM_SENT,
    DeadlineKind.CONFIRMATION: MeetingStatus.CONFIRMED,
}


@dataclass(frozen=True)
class Offsets:
    notice: int = 30
    confirmation: int = 15
    preparatory: int = 6
    due_soon: int = 10

    def days(self, kind: DeadlineKind) -> int:
        return {
            DeadlineKind.NOTICE: self.notice,
            DeadlineKind.CONFIRMATION: self.confirmation,
            DeadlineKind.PREPARATORY: self.preparatory,
        }[kind]


@dataclass(frozen=True)
class DeadlineData:
    kind: DeadlineKind
    due: dt.date
    done_on: dt.date | None
    state: DeadlineState
    #: days from today to the due date (negative: overdue); for a done step, days done after due
    days: int
    notes: str = ""

    @property
    def is_open(self) -> bool:
        return self.state in (DeadlineState.AHEAD, DeadlineState.DUE_SOON, DeadlineState.LATE)


@dataclass(frozen=True)
class NextStep:
    """What is due next for a session, for the sessions list."""

    #: "deadline", "opens", "in_session", "mark_held", "sign_minutes", "close" or "none"
    kind: str
    deadline: DeadlineData | None = None
    date: dt.date | None = None
    #: days from today to ``date`` (negative: past)
    days: int = 0


@dataclass(frozen=True)
class SessionOverview:
    meeting: MeetingData
    next: NextStep
    items: int


def get_offsets(session: Session) -> Offsets:
    return Offsets(
        notice=int(settings.get(session, OFFSET_KEYS[DeadlineKind.NOTICE])),
        confirmation=int(settings.get(session, OFFSET_KEYS[DeadlineKind.CONFIRMATION])),
        preparatory=int(settings.get(session, OFFSET_KEYS[DeadlineKind.PREPARATORY])),
        due_soon=int(settings.get(session, DUE_SOON_KEY)),
    )


@changes(Change.SETTINGS, Change.MEETINGS)
def set_offsets(session: Session, offsets: Offsets) -> Offsets:
    for name in ("notice", "confirmation", "preparatory", "due_soon"):
        v = getattr(offsets, name)
        if not isinstance(v, int) or not 0 <= v <= MAX_OFFSET:
            raise ValidationError(
                N_("Give a whole number of days from 0 to {max}."), field=name, max=MAX_OFFSET
            )
    if not offsets.notice > offsets.confirmation:
        raise ValidationError(
            N_("The notice must come before the confirmation: give it more days."), field="notice"
        )
    if not offsets.confirmation > offsets.preparatory:
        raise ValidationError(
            N_("The confirmation must come before the preparatory meeting: give it more days."),
            field="confirmation",
        )
    for kind, key in OFFSET_KEYS.items():
        settings.put(session, key, offsets.days(kind))
    settings.put(session, DUE_SOON_KEY, offsets.due_soon)
    return offsets


def compute(
    start: dt.date,
    status: MeetingStatus,
    done: dict[DeadlineKind, tuple[dt.date, str]],
    offsets: Offsets,
    today: dt.date,
) -> list[DeadlineData]:
    """The deadlines of a session opening on ``start`` (pure: no database)."""
    out = []
    over = status_rank(status) >= status_rank(MeetingStatus.HELD)
    for kind in DeadlineKind:
        due = start - dt.timedelta(days=offsets.days(kind))
        done_on, notes = done.get(kind, (None, ""))
        if done_on is not None:
            state = DeadlineState.DONE if done_on <= due else DeadlineState.DONE_LATE
            days = (done_on - due).days
        elif over:
            state, days = DeadlineState.SKIPPED, 0
        else:
            days = (due - today).days
            if days < 0:
                state = DeadlineState.LATE
            elif days <= offsets.due_soon:
                state = DeadlineState.DUE_SOON
            else:
                state = DeadlineState.AHEAD
        out.append(DeadlineData(kind, due, done_on, state, days, notes))
    return out


def _records(session: Session, meeting_id: int) -> dict[DeadlineKind, tuple[dt.date, str]]:
    rows = session.execute(select(MeetingDeadline).where(MeetingDeadline.meeting_id == meeting_id)).scalars()
    return {DeadlineKind(r.kind): (r.done_on, r.notes) for r in rows}


def done_on(session: Session, meeting_id: int, kind: DeadlineKind) -> dt.date | None:
    """The day a step was recorded as done, or None."""
    return _records(session, meeting_id).get(kind, (None, ""))[0]


def deadlines(session: Session, meeting_id: int, today: dt.date) -> list[DeadlineData]:
    m = meetings.get_meeting(session, meeting_id)
    return compute(m.start_date, m.status, _records(session, meeting_id), get_offsets(session), today)


def next_step(m: MeetingData, items: list[DeadlineData], today: dt.date) -> NextStep:
    rank = status_rank(m.status)
    if rank >= status_rank(MeetingStatus.CLOSED):
        return NextStep("none")
    if rank >= status_rank(MeetingStatus.MINUTES_SIGNED):
        return NextStep("close")
    if rank >= status_rank(MeetingStatus.HELD):
        return NextStep("sign_minutes")
    if today > m.end_date:
        return NextStep("mark_held", date=m.end_date, days=(m.end_date - today).days)
    if m.start_date <= today:
        return NextStep("in_session", date=m.end_date, days=(m.end_date - today).days)
    pending = [d for d in items if d.is_open]
    if pending:
        d = pending[0]
        return NextStep("deadline", deadline=d, date=d.due, days=d.days)
    return NextStep("opens", date=m.start_date, days=(m.start_date - today).days)


def sessions_overview(session: Session, today: dt.date) -> list[SessionOverview]:
    """Every session, newest first, with what is due next and the number of agenda items."""
    from sqlalchemy import func

    offsets = get_offsets(session)
    counts = dict(
        session.execute(select(AgendaItem.meeting_id, func.count()).group_by(AgendaItem.meeting_id)).all()
    )
    done: dict[int, dict[DeadlineKind, tuple[dt.date, str]]] = {}
    for r in session.execute(select(MeetingDeadline)).scalars():
        done.setdefault(r.meeting_id, {})[DeadlineKind(r.kind)] = (r.done_on, r.notes)
    out = []
    for m in meetings.list_meetings(session):
        items = compute(m.start_date, m.status, done.get(m.id, {}), offsets, today)
        out.append(SessionOverview(m, next_step(m, items, today), counts.get(m.id, 0)))
    return out


def _move_status(row: Meeting, kind: DeadlineKind, done: bool) -> None:
    target = _STATUS_AFTER.get(kind)
    if target is None:
        return
    if done and status_rank(row.status) < status_rank(target):
        row.status = target.value
    elif not done and MeetingStatus(row.status) is target:
        previous = meetings.STATUS_ORDER[status_rank(target) - 1]
        row.status = previous.value


@changes(Change.MEETINGS)
def record_done(
    session: Session,
    meeting_id: int,
    kind: DeadlineKind | str,
    done_on: dt.date | None,
    today: dt.date,
    notes: str = "",
) -> list[DeadlineData]:
    """Record that a step was done on ``done_on``, or (None) take the record back."""
    row = session.get(Meeting, meeting_id)
    if row is None:
        raise NotFoundError(N_("This session no longer exists; someone may have deleted it."))
    kind = DeadlineKind(kind)
    record = session.execute(
        select(MeetingDeadline).where(
            MeetingDeadline.meeting_id == meeting_id, MeetingDeadline.kind == kind.value
        )
    ).scalar_one_or_none()
    if done_on is None:
        if record is not None:
            session.delete(record)
        _move_status(row, kind, False)
    else:
        if done_on > today:
            raise ValidationError(N_("A step cannot be recorded as done in the future."), field="done_on")
        if record is None:
            record = MeetingDeadline(meeting_id=meeting_id, kind=kind.value, done_on=done_on)
            session.add(record)
        record.done_on = done_on
        record.notes = clean_text(notes)
        _move_status(row, kind, True)
    session.flush()
    return deadlines(session, meeting_id, today)


@changes(Change.MEETINGS)
def issue_memorandum(session: Session, meeting_id: int, today: dt.date) -> list[DeadlineData]:
    """Issue the memorandum with the proposed agenda: every delegation needs its head and the
    agenda at least one item; the notice is recorded as done today (if it was not already)."""
    row = session.get(Meeting, meeting_id)
    if row is None:
        raise NotFoundError(N_("This session no longer exists; someone may have deleted it."))
    meetings.check_heads(session, meeting_id)
    items = (
        session.execute(
            select(AgendaItem.id).where(
                AgendaItem.meeting_id == meeting_id, AgendaItem.status != AgendaStatus.WITHDRAWN.value
            )
        )
        .scalars()
        .all()
    )
    if not items:
        raise ValidationError(N_("The agenda is empty: add at least one item before issuing the memorandum."))
    done = _records(session, meeting_id)
    if DeadlineKind.NOTICE in done:
        _move_status(row, DeadlineKind.NOTICE, True)
        session.flush()
        return deadlines(session, meeting_id, today)
    return record_done(session, meeting_id, DeadlineKind.NOTICE, today, today)
