"""The minutes of a session, read as plain data.

Reading: :func:`get_minutes` (None when a session has no minutes yet), :func:`list_segments`,
:func:`get_segment`, :func:`segment_history`, and :func:`read_document`, everything a printed
copy needs in one call. Writing lives next door: segment operations and status rules in
``minutes_edit``, checks in ``minutes_checks``, the glossary in ``glossary``, files in
``minutes_transfer``, templates for new minutes in ``minutes_templates``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.core import audit
from app.core.enums import (
    DecisionStatus,
    MinutesStatus,
    RevisionAction,
    SegmentKind,
    SegmentPart,
    SegmentStatus,
)
from app.core.errors import NotFoundError
from app.core.models import Meeting, Minutes, Segment, SegmentRevision
from app.core.services.agenda.sessions import MeetingData, meeting_data
from app.core.services.minutes.data import MinutesData
from app.core.services.text import pick
from app.i18n import N_


def author_name() -> str:
    """Who is saving: the user's name set on this laptop, else the operating system's (never empty)."""
    return audit.user_name()


@dataclass(frozen=True)
class DecisionFields:
    """The register's side of a decision segment."""

    id: int
    uuid: str
    number: int
    agency1_zh: str = ""
    agency1_ru: str = ""
    agency2_zh: str = ""
    agency2_ru: str = ""
    deadline: dt.date | None = None
    status: DecisionStatus = DecisionStatus.OPEN
    agenda_item_id: int | None = None
    #: The decision's version when it was read (its text follows the segment's, which raises it too).
    version: int | None = None

    def agency1(self, lang: str) -> str:
        return pick(lang, self.agency1_zh, self.agency1_ru)

    def agency2(self, lang: str) -> str:
        return pick(lang, self.agency2_zh, self.agency2_ru)


@dataclass(frozen=True)
class SegmentData:
    id: int
    uuid: str
    minutes_id: int
    position: int
    part: SegmentPart
    kind: SegmentKind
    text_zh: str
    text_ru: str
    status: SegmentStatus
    agenda_item_id: int | None = None
    decision: DecisionFields | None = None
    accepted_findings: tuple[str, ...] = ()
    updated_at: dt.datetime | None = None
    #: the version the segment was read at (a save of older texts is a conflict)
    version: int | None = None

    @property
    def decision_id(self) -> int | None:
        return self.decision.id if self.decision else None

    @property
    def locked(self) -> bool:
        """An initialled segment: it can only be reopened, with a reason."""
        return self.status is SegmentStatus.INITIALLED

    def text(self, lang: str) -> str:
        """The text in a language ("zh"/"zh_CN" or "ru"), without falling back to the other."""
        return self.text_zh if lang.startswith("zh") else self.text_ru



@dataclass(frozen=True)
class RevisionData:
    id: int
    segment_id: int
    text_zh: str
    text_ru: str
    status: SegmentStatus
    action: RevisionAction
    author: str
    reason: str
    saved_at: dt.datetime


@dataclass(frozen=True)
class MinutesDocument:
    """Everything a printed copy of the minutes needs (the commission and delegations aside)."""

    meeting: MeetingData
    minutes: MinutesData
    segments: tuple[SegmentData, ...] = field(default_factory=tuple)

    def parts(self) -> list[tuple[SegmentPart, list[SegmentData]]]:
        """The non-empty parts in order, each with its segments."""
        out: list[tuple[SegmentPart, list[SegmentData]]] = []
        for seg in self.segments:
            if not out or out[-1][0] is not seg.part:
                out.append((seg.part, []))
            out[-1][1].append(seg)
        return out

    @property
    def decisions(self) -> list[SegmentData]:
        return [s for s in self.segments if s.kind is SegmentKind.DECISION]


# --- conversion ------------------------------------------------------------------------------


def minutes_data(row: Minutes) -> MinutesData:
    return MinutesData(
        id=row.id,
        uuid=row.uuid,
        meeting_id=row.meeting_id,
        status=MinutesStatus(row.status),
        signed_on=row.signed_on,
        place_zh=row.place_zh,
        place_ru=row.place_ru,
        signatory1_id=row.signatory1_id,
        signatory2_id=row.signatory2_id,
        signed_at=row.signed_at,
        signed_by=row.signed_by,
        fingerprint=row.fingerprint,
        locked=row.locked,
        marking_zh=row.marking_zh,
        marking_ru=row.marking_ru,
        place_en=_place_en(row),
    )


def _place_en(row: Minutes) -> str:
    """The English name of the session's city when the minutes were signed in it."""
    if not row.place_zh and not row.place_ru:
        return ""
    m = row.meeting
    if m is None or not m.city_en or (row.place_zh and row.place_zh != m.city_zh):
        return ""
    return m.city_en


def segment_data(row: Segment) -> SegmentData:
    d = row.decision
    decision = None
    if d is not None:
        decision = DecisionFields(
            id=d.id,
            uuid=d.uuid,
            number=d.number,
            agency1_zh=d.agency1_zh,
            agency1_ru=d.agency1_ru,
            agency2_zh=d.agency2_zh,
            agency2_ru=d.agency2_ru,
            deadline=d.deadline,
            status=DecisionStatus(d.status),
            agenda_item_id=d.agenda_item_id,
            version=d.version,
        )
    return SegmentData(
        id=row.id,
        uuid=row.uuid,
        minutes_id=row.minutes_id,
        position=row.position,
        part=SegmentPart(row.part),
        kind=SegmentKind(row.kind),
        text_zh=row.text_zh,
        text_ru=row.text_ru,
        status=SegmentStatus(row.status),
        agenda_item_id=row.agenda_item_id,
        decision=decision,
        accepted_findings=tuple(k for k in row.accepted_findings.split("\n") if k),
        updated_at=row.updated_at,
        version=row.version,
    )


def revision_data(row: SegmentRevision) -> RevisionData:
    return RevisionData(
        id=row.id,
        segment_id=row.segment_id,
        text_zh=row.text_zh,
        text_ru=row.text_ru,
        status=SegmentStatus(row.status),
        action=RevisionAction(row.action),
        author=row.author,
        reason=row.reason,
        saved_at=row.created_at,
    )


# --- reading ---------------------------------------------------------------------------------


def minutes_row(session: Session, meeting_id: int) -> Minutes | None:
    return session.execute(select(Minutes).where(Minutes.meeting_id == meeting_id)).scalar_one_or_none()


def get_minutes(session: Session, meeting_id: int) -> MinutesData | None:
    """The minutes of a session, or None if nobody has started them."""
    row = minutes_row(session, meeting_id)
    return minutes_data(row) if row is not None else None


def segment_rows(session: Session, minutes_id: int) -> list[Segment]:
    stmt = (
        select(Segment)
        .where(Segment.minutes_id == minutes_id)
        .options(selectinload(Segment.decision))
        .order_by(Segment.position, Segment.id)
    )
    return list(session.execute(stmt).scalars())


def list_segments(session: Session, minutes_id: int) -> list[SegmentData]:
    """The segments in document order."""
    return [segment_data(r) for r in segment_rows(session, minutes_id)]


def get_segment(session: Session, segment_id: int) -> SegmentData:
    return segment_data(segment_row(session, segment_id))


def segment_row(session: Session, segment_id: int) -> Segment:
    row = session.get(Segment, segment_id)
    if row is None:
        raise NotFoundError(N_("This segment no longer exists; it may have been deleted."))
    return row


def segment_history(session: Session, segment_id: int) -> list[RevisionData]:
    """The revisions of a segment, newest first."""
    rows = session.execute(
        select(SegmentRevision)
        .where(SegmentRevision.segment_id == segment_id)
        .order_by(SegmentRevision.id.desc())
    ).scalars()
    return [revision_data(r) for r in rows]


def read_document(session: Session, meeting_id: int) -> MinutesDocument:
    """The session, its minutes and their segments in document order."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(N_("This session no longer exists; someone may have deleted it."))
    row = minutes_row(session, meeting_id)
    if row is None:
        raise NotFoundError(N_("The minutes of this session have not been started."))
    return MinutesDocument(
        meeting=meeting_data(meeting),
        minutes=minutes_data(row),
        segments=tuple(list_segments(session, row.id)),
    )


def ensure_minutes(session: Session, meeting_id: int) -> MinutesData:
    """The minutes of a session, created (empty, in preparation) if there are none yet."""
    row = minutes_row(session, meeting_id)
    if row is None:
        if session.get(Meeting, meeting_id) is None:
            raise NotFoundError(N_("This session no longer exists; someone may have deleted it."))
        row = Minutes(meeting_id=meeting_id, status=MinutesStatus.DRAFT.value)
        session.add(row)
        session.flush()
    return minutes_data(row)
