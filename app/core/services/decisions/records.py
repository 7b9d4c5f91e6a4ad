"""The decisions register: reading, filtering and tracking decisions, and their follow-up notes.

Rules kept here, whoever calls (the register, the command line, the demo):

- Overdue is derived, never stored: a decision with a deadline before today that is not closed
  (carried out, cancelled or superseded).
- "Superseded" always names the later decision that replaced it (a later session, or a later
  number of the same session); choosing another status forgets it.
- Decisions the minutes hold keep their number, session and texts from the minutes; the register
  changes their agencies, deadline, status and notes. Decisions taken between sessions are entered
  here, numbered after the decisions of the protocol they will be appended to, and may be deleted
  while no segment of the minutes and no other register names them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from app.core.changes import Change, changes
from app.core.enums import DecisionStatus
from app.core.errors import NotFoundError, ValidationError
from app.core.models import Decision, DecisionNote, Meeting, Segment
from app.core.services import references
from app.core.services.decisions.fields import DECISION, NOTE
from app.core.services.text import clean, clean_text, pick
from app.i18n import N_


@dataclass(frozen=True)
class NoteData:
    id: int
    decision_id: int
    noted_on: dt.date
    text_zh: str = ""
    text_ru: str = ""

    def text(self, lang: str) -> str:
        return pick(lang, self.text_zh, self.text_ru)


@dataclass(frozen=True)
class DecisionData:
    id: int
    uuid: str
    meeting_id: int
    ordinal: int
    number: int
    text_zh: str = ""
    text_ru: str = ""
    agency1_zh: str = ""
    agency1_ru: str = ""
    agency2_zh: str = ""
    agency2_ru: str = ""
    deadline: dt.date | None = None
    status: DecisionStatus = DecisionStatus.OPEN
    between_sessions: bool = False
    decided_on: dt.date | None = None
    superseded_by_id: int | None = None
    #: (session, number) of the decision that superseded this one
    superseded_by: tuple[int, int] | None = None
    #: a segment of the minutes holds it (its number, session and texts come from the minutes)
    in_minutes: bool = False
    notes: tuple[NoteData, ...] = field(default=())

    def text(self, lang: str) -> str:
        return pick(lang, self.text_zh, self.text_ru)

    def other_text(self, lang: str) -> str:
        """The text in the language that is not ``lang``'s (zh for ru and en, ru for zh)."""
        return self.text_ru if lang.startswith("zh") else self.text_zh

    def agency1(self, lang: str) -> str:
        return pick(lang, self.agency1_zh, self.agency1_ru)

    def agency2(self, lang: str) -> str:
        return pick(lang, self.agency2_zh, self.agency2_ru)

    @property
    def closed(self) -> bool:
        return self.status.closed

    def overdue(self, today: dt.date) -> bool:
        return self.deadline is not None and not self.closed and self.deadline < today

    def days_overdue(self, today: dt.date) -> int:
        return (today - self.deadline).days if self.overdue(today) else 0

    @property
    def last_note(self) -> NoteData | None:
        return self.notes[-1] if self.notes else None


@dataclass(frozen=True)
class DecisionFilter:
    meeting_id: int | None = None
    #: 1 or 2: decisions with an implementing agency on that side
    side: int | None = None
    #: part of an agency's name, in either language
    agency: str = ""
    status: DecisionStatus | None = None
    #: only open decisions whose deadline has passed
    overdue: bool = False
    #: only open decisions due within this many days of today (overdue ones included)
    due_within: int | None = None
    text: str = ""
    today: dt.date | None = None


@dataclass(frozen=True)
class DecisionInput:
    meeting_id: int
    text_zh: str = ""
    text_ru: str = ""
    agency1_zh: str = ""
    agency1_ru: str = ""
    agency2_zh: str = ""
    agency2_ru: str = ""
    deadline: dt.date | None = None
    status: DecisionStatus | str = DecisionStatus.OPEN
    between_sessions: bool = True
    decided_on: dt.date | None = None
    superseded_by_id: int | None = None


@dataclass(frozen=True)
class NoteInput:
    noted_on: dt.date | None
    text_zh: str = ""
    text_ru: str = ""


# --- reading ---------------------------------------------------------------------------------


def _held_ids(session: Session, ids) -> set[int]:
    if not ids:
        return set()
    rows = session.execute(select(Segment.decision_id).where(Segment.decision_id.in_(list(ids))))
    return {r for (r,) in rows}


def _data(d: Decision, ordinals: dict[int, tuple[int, int]], held: set[int]) -> DecisionData:
    return DecisionData(
        id=d.id, uuid=d.uuid, meeting_id=d.meeting_id, ordinal=d.meeting.ordinal, number=d.number,
        text_zh=d.text_zh, text_ru=d.text_ru, agency1_zh=d.agency1_zh, agency1_ru=d.agency1_ru,
        agency2_zh=d.agency2_zh, agency2_ru=d.agency2_ru, deadline=d.deadline, status=DecisionStatus(d.status),
        between_sessions=bool(d.between_sessions), decided_on=d.decided_on, superseded_by_id=d.superseded_by_id,
        superseded_by=ordinals.get(d.superseded_by_id) if d.superseded_by_id else None,
        in_minutes=d.id in held,
        notes=tuple(NoteData(n.id, n.decision_id, n.noted_on, n.text_zh, n.text_ru) for n in d.notes),
    )  # fmt: skip


def _to_data(session: Session, rows: list[Decision]) -> list[DecisionData]:
    wanted = {d.superseded_by_id for d in rows if d.superseded_by_id}
    ordinals: dict[int, tuple[int, int]] = {}
    if wanted:
        for i, o, n in session.execute(
            select(Decision.id, Meeting.ordinal, Decision.number)
            .join(Meeting, Meeting.id == Decision.meeting_id)
            .where(Decision.id.in_(wanted))
        ):
            ordinals[i] = (o, n)
    held = _held_ids(session, [d.id for d in rows])
    return [_data(d, ordinals, held) for d in rows]


def get_decision(session: Session, decision_id: int) -> DecisionData:
    d = session.get(Decision, decision_id)
    if d is None:
        raise NotFoundError(N_("This decision no longer exists; someone may have deleted it."))
    return _to_data(session, [d])[0]


def _query(f: DecisionFilter):
    today = f.today or dt.date.today()
    stmt = (
        select(Decision)
        .join(Meeting, Meeting.id == Decision.meeting_id)
        .options(selectinload(Decision.notes), selectinload(Decision.meeting))
    )
    if f.meeting_id is not None:
        stmt = stmt.where(Decision.meeting_id == f.meeting_id)
    if f.side == 1:
        stmt = stmt.where(or_(Decision.agency1_zh != "", Decision.agency1_ru != ""))
    elif f.side == 2:
        stmt = stmt.where(or_(Decision.agency2_zh != "", Decision.agency2_ru != ""))
    agency = clean(f.agency)
    if agency:
        like = f"%{agency}%"
        cols = (Decision.agency1_zh, Decision.agency1_ru, Decision.agency2_zh, Decision.agency2_ru)
        if f.side == 1:
            cols = cols[:2]
        elif f.side == 2:
            cols = cols[2:]
        stmt = stmt.where(or_(*(c.ilike(like) for c in cols)))
    if f.status is not None:
        stmt = stmt.where(Decision.status == f.status.value)
    open_values = [s.value for s in DecisionStatus if not s.closed]
    if f.overdue or f.due_within is not None:
        stmt = stmt.where(Decision.status.in_(open_values), Decision.deadline.is_not(None))
    if f.overdue:
        stmt = stmt.where(Decision.deadline < today)
    if f.due_within is not None:
        stmt = stmt.where(Decision.deadline <= today + dt.timedelta(days=f.due_within))
    text = clean(f.text)
    if text:
        like = f"%{text}%"
        stmt = stmt.where(or_(Decision.text_zh.ilike(like), Decision.text_ru.ilike(like)))
    return stmt


def list_decisions(session: Session, f: DecisionFilter | None = None) -> list[DecisionData]:
    """The decisions the filter lets through, by session and number."""
    stmt = _query(f or DecisionFilter()).order_by(Meeting.ordinal, Decision.number)
    return _to_data(session, list(session.execute(stmt).scalars()))


def open_decisions_before(session: Session, ordinal: int) -> list[DecisionData]:
    """Every decision not yet closed that the report on implementation before session ``ordinal``
    covers: those of earlier sessions, and those taken between sessions for its protocol."""
    stmt = (
        select(Decision)
        .join(Meeting, Meeting.id == Decision.meeting_id)
        .options(selectinload(Decision.notes), selectinload(Decision.meeting))
        .where(Decision.status.in_([s.value for s in DecisionStatus if not s.closed]))
        .where(
            or_(Meeting.ordinal < ordinal, (Meeting.ordinal == ordinal) & Decision.between_sessions.is_(True))
        )
        .order_by(Meeting.ordinal, Decision.number)
    )
    return _to_data(session, list(session.execute(stmt).scalars()))


def decision_choices(session: Session) -> list[tuple[int, int, int]]:
    """(id, session, number) of every decision, for the "superseded by" list."""
    rows = session.execute(
        select(Decision.id, Meeting.ordinal, Decision.number)
        .join(Meeting, Meeting.id == Decision.meeting_id)
        .order_by(Meeting.ordinal, Decision.number)
    )
    return [tuple(r) for r in rows]


# --- writing ---------------------------------------------------------------------------------


def _status(value) -> DecisionStatus:
    try:
        return value if isinstance(value, DecisionStatus) else DecisionStatus(value)
    except ValueError:
        raise ValidationError(N_("Choose the status of the decision."), field="status") from None


def _check_superseding(
    session: Session, d: Decision, status: DecisionStatus, by_id: int | None
) -> int | None:
    if status is not DecisionStatus.SUPERSEDED:
        return None
    if by_id is None:
        raise ValidationError(
            N_("Choose the later decision that supersedes this one."), field="superseded_by_id"
        )
    later = session.get(Decision, by_id)
    if later is None:
        raise ValidationError(N_("The superseding decision no longer exists."), field="superseded_by_id")
    mine = (session.get(Meeting, d.meeting_id).ordinal, d.number)
    theirs = (later.meeting.ordinal, later.number)
    if later.id == d.id or theirs <= mine:
        raise ValidationError(
            N_("A decision can only be superseded by a later one."), field="superseded_by_id"
        )
    return later.id


def _cleaned(data: DecisionInput) -> DecisionInput:
    return replace(
        data,
        text_zh=clean_text(data.text_zh), text_ru=clean_text(data.text_ru),
        agency1_zh=clean(data.agency1_zh), agency1_ru=clean(data.agency1_ru),
        agency2_zh=clean(data.agency2_zh), agency2_ru=clean(data.agency2_ru),
        status=_status(data.status),
    )  # fmt: skip


@changes(Change.DECISIONS)
def add_decision(session: Session, data: DecisionInput) -> DecisionData:
    """A decision the chairmen took between sessions, for the protocol of ``data.meeting_id``."""
    data = _cleaned(data)
    DECISION.validate(data, ("meeting_id", "text_zh", "text_ru", "agency1_zh", "agency1_ru", "agency2_zh",
                             "agency2_ru", "deadline", "decided_on"))  # fmt: skip
    if session.get(Meeting, data.meeting_id) is None:
        raise ValidationError(N_("Choose the session whose protocol holds the decision."), field="meeting_id")
    if not data.text_zh and not data.text_ru:
        raise ValidationError(N_("Enter the text of the decision in at least one language."), field="text_zh")
    top = session.execute(
        select(func.max(Decision.number)).where(Decision.meeting_id == data.meeting_id)
    ).scalar_one()
    d = Decision(
        meeting_id=data.meeting_id, number=(top or 0) + 1, text_zh=data.text_zh, text_ru=data.text_ru,
        agency1_zh=data.agency1_zh, agency1_ru=data.agency1_ru, agency2_zh=data.agency2_zh,
        agency2_ru=data.agency2_ru, deadline=data.deadline, status=DecisionStatus.OPEN.value,
        between_sessions=True, decided_on=data.decided_on,
    )  # fmt: skip
    session.add(d)
    session.flush()
    d.superseded_by_id = _check_superseding(session, d, data.status, data.superseded_by_id)
    d.status = data.status.value
    session.flush()
    return get_decision(session, d.id)


@changes(Change.DECISIONS)
def update_decision(session: Session, decision_id: int, data: DecisionInput) -> DecisionData:
    """Agencies, deadline, status (and superseding); the texts and the day too for a decision the
    minutes do not hold."""
    d = session.get(Decision, decision_id)
    if d is None:
        raise NotFoundError(N_("This decision no longer exists; someone may have deleted it."))
    data = _cleaned(data)
    DECISION.validate(data, ("text_zh", "text_ru", "agency1_zh", "agency1_ru", "agency2_zh", "agency2_ru",
                             "deadline", "decided_on"))  # fmt: skip
    held = d.id in _held_ids(session, [d.id])
    if not held:
        if not data.text_zh and not data.text_ru:
            raise ValidationError(
                N_("Enter the text of the decision in at least one language."), field="text_zh"
            )
        if (d.text_zh, d.text_ru) != (data.text_zh, data.text_ru):
            d.text_zh, d.text_ru = data.text_zh, data.text_ru
        d.decided_on = data.decided_on
    elif (d.text_zh, d.text_ru) != (data.text_zh, data.text_ru):
        raise ValidationError(
            N_("The text of decision No. {number} comes from the minutes: change it in the Minutes tab."),
            field="text_zh", number=d.number,
        )  # fmt: skip
    d.superseded_by_id = _check_superseding(session, d, data.status, data.superseded_by_id)
    d.agency1_zh, d.agency1_ru = data.agency1_zh, data.agency1_ru
    d.agency2_zh, d.agency2_ru = data.agency2_zh, data.agency2_ru
    d.deadline = data.deadline
    d.status = data.status.value
    session.flush()
    return get_decision(session, d.id)


@changes(Change.DECISIONS)
def supersede(session: Session, decision_id: int, by_id: int) -> DecisionData:
    """Mark a decision superseded by a later one."""
    d = session.get(Decision, decision_id)
    if d is None:
        raise NotFoundError(N_("This decision no longer exists; someone may have deleted it."))
    d.superseded_by_id = _check_superseding(session, d, DecisionStatus.SUPERSEDED, by_id)
    d.status = DecisionStatus.SUPERSEDED.value
    session.flush()
    return get_decision(session, d.id)


@changes(Change.DECISIONS)
def delete_decision(session: Session, decision_id: int) -> None:
    """Delete a decision taken between sessions that nothing names yet."""
    d = session.get(Decision, decision_id)
    if d is None:
        return
    if d.id in _held_ids(session, [d.id]):
        raise ValidationError(
            N_("Decision No. {number} is in the minutes: remove it there, in the Minutes tab."),
            number=d.number,
        )
    counts = references.referencing(session, "decisions", d.id)
    counts.pop("decision_notes", None)
    counts.pop("decisions", None)
    if counts:
        raise ValidationError(
            N_("Decision No. {number} cannot be removed: it is still named in {where}."),
            number=d.number, where=references.describe(counts),
        )  # fmt: skip
    for other in session.execute(select(Decision).where(Decision.superseded_by_id == d.id)).scalars():
        other.superseded_by_id = None
        other.status = DecisionStatus.OPEN.value
    session.delete(d)
    session.flush()


# --- follow-up notes -------------------------------------------------------------------------


def _note_input(data: NoteInput) -> NoteInput:
    data = replace(data, text_zh=clean_text(data.text_zh), text_ru=clean_text(data.text_ru))
    NOTE.validate(data)
    if not data.text_zh and not data.text_ru:
        raise ValidationError(N_("Write the note in at least one language."), field="text_zh")
    return data


@changes(Change.DECISIONS)
def add_note(session: Session, decision_id: int, data: NoteInput) -> NoteData:
    if session.get(Decision, decision_id) is None:
        raise NotFoundError(N_("This decision no longer exists; someone may have deleted it."))
    data = _note_input(data)
    n = DecisionNote(
        decision_id=decision_id, noted_on=data.noted_on, text_zh=data.text_zh, text_ru=data.text_ru
    )
    session.add(n)
    session.flush()
    return NoteData(n.id, n.decision_id, n.noted_on, n.text_zh, n.text_ru)


@changes(Change.DECISIONS)
def update_note(session: Session, note_id: int, data: NoteInput) -> NoteData:
    n = session.get(DecisionNote, note_id)
    if n is None:
        raise NotFoundError(N_("This note no longer exists; someone may have deleted it."))
    data = _note_input(data)
    n.noted_on, n.text_zh, n.text_ru = data.noted_on, data.text_zh, data.text_ru
    session.flush()
    return NoteData(n.id, n.decision_id, n.noted_on, n.text_zh, n.text_ru)


@changes(Change.DECISIONS)
def delete_note(session: Session, note_id: int) -> None:
    n = session.get(DecisionNote, note_id)
    if n is not None:
        session.delete(n)
        session.flush()


# --- decisions taken between sessions, appended to the next protocol -------------------------


def awaiting_protocol(session: Session, meeting_id: int) -> list[DecisionData]:
    """Decisions taken between sessions for this session's protocol that no segment holds yet."""
    rows = [
        d
        for d in list_decisions(session, DecisionFilter(meeting_id=meeting_id))
        if d.between_sessions and not d.in_minutes
    ]
    return rows


@changes(Change.MINUTES, Change.DECISIONS)
def append_to_minutes(session: Session, minutes_id: int, decision_id: int):
    """Append a decision taken between sessions to the minutes of its session: a new draft decision
    segment at the end of the joint decisions, holding the decision (with its texts)."""
    from app.core.enums import SegmentKind, SegmentPart
    from app.core.models import Minutes
    from app.core.services.minutes import edit, rules
    from app.core.services.minutes.records import segment_rows

    minutes = session.get(Minutes, minutes_id)
    d = session.get(Decision, decision_id)
    if minutes is None or d is None:
        raise NotFoundError(N_("This decision no longer exists; someone may have deleted it."))
    if d.meeting_id != minutes.meeting_id or not d.between_sessions or d.id in _held_ids(session, [d.id]):
        raise ValidationError(
            N_("Only a decision taken between sessions for this session can be appended to its minutes.")
        )
    seg_data = edit.insert_segment(
        session, minutes_id, part=SegmentPart.JOINT, text_zh=d.text_zh, text_ru=d.text_ru
    )
    seg = session.get(Segment, seg_data.id)
    seg.kind = SegmentKind.DECISION.value
    seg.decision_id = d.id
    session.flush()
    session.refresh(seg)
    rules.renumber(session, minutes, segment_rows(session, minutes_id))
    return rules.fresh_data(session, seg)
