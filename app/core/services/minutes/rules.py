"""The rules every change of the minutes follows, shared by the editing services.

Guards (signed minutes and initialled segments do not change), the revision kept at every save,
the status a segment falls back to when its text changes, and the order of the document: parts
contiguous and in order, decisions numbered 1…N in document order. The services that use them are
in :mod:`.edit` (creating, texts, status, properties, decision fields) and :mod:`.structure` (move,
split, merge, delete, and their undo).
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.enums import RevisionAction, SegmentPart, SegmentStatus
from app.core.errors import NotFoundError, ValidationError
from app.core.models import AgendaItem, Decision, Minutes, Segment, SegmentRevision
from app.core.services import references
from app.core.services.minutes.records import SegmentData, author_name, segment_data
from app.i18n import N_

#: Longest text of one side of a segment (a generous page of text).
MAX_TEXT = 20000

# --- guards ----------------------------------------------------------------------------------


def minutes_row(session: Session, minutes_id: int) -> Minutes:
    row = session.get(Minutes, minutes_id)
    if row is None:
        raise NotFoundError(N_("These minutes no longer exist."))
    return row


def require_open(minutes: Minutes) -> None:
    if minutes.locked:
        raise ValidationError(N_("These minutes are signed; they can no longer be changed."))


def require_unlocked(seg: Segment) -> None:
    require_open(seg.minutes)
    if seg.status == SegmentStatus.INITIALLED.value:
        raise ValidationError(
            N_("This segment is initialled and locked. Reopen it, giving the reason, to change it.")
        )


def check_text(value: str | None, field: str) -> str:
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n")
    if len(text) > MAX_TEXT:
        raise ValidationError(
            N_("A segment's text cannot be longer than {n} characters; split it first."),
            field=field,
            n=MAX_TEXT,
        )
    return text


def add_revision(session: Session, seg: Segment, action: RevisionAction, reason: str = "") -> None:
    session.add(
        SegmentRevision(
            segment_id=seg.id,
            text_zh=seg.text_zh,
            text_ru=seg.text_ru,
            status=seg.status,
            action=action.value,
            author=author_name(),
            reason=reason,
        )
    )


def both_texts(seg: Segment) -> bool:
    return bool(seg.text_zh.strip() and seg.text_ru.strip())


def after_text_change(seg: Segment) -> None:
    """A checked or agreed segment whose text changed goes back to "translated"."""
    if seg.status in (SegmentStatus.CHECKED.value, SegmentStatus.AGREED.value):
        seg.status = SegmentStatus.TRANSLATED.value
    if seg.status == SegmentStatus.TRANSLATED.value and not both_texts(seg):
        seg.status = SegmentStatus.DRAFT.value


def sync_decision(seg: Segment) -> None:
    if seg.decision is not None:
        seg.decision.text_zh = seg.text_zh
        seg.decision.text_ru = seg.text_ru


def fresh_data(session: Session, seg: Segment) -> SegmentData:
    session.flush()
    session.refresh(seg)
    return segment_data(seg)


# --- order, parts and decision numbers -------------------------------------------------------


def renumber(session: Session, minutes: Minutes, rows: list[Segment]) -> None:
    """Positions 0…n-1 in the given order; decisions 1…N in document order (then the session's
    decisions that no segment holds, such as those taken between sessions)."""
    for i, r in enumerate(rows):
        if r.position != i:
            r.position = i
    linked = [r.decision for r in rows if r.decision is not None]
    linked_ids = {d.id for d in linked}
    others = [
        d
        for d in session.execute(
            select(Decision).where(Decision.meeting_id == minutes.meeting_id).order_by(Decision.number)
        ).scalars()
        if d.id not in linked_ids
    ]
    wanted = linked + others
    if [d.number for d in wanted] == list(range(1, len(wanted) + 1)):
        return
    for i, d in enumerate(wanted):  # two steps: the numbers are unique per session
        d.number = -(i + 1)
    session.flush()
    for i, d in enumerate(wanted):
        d.number = i + 1
    session.flush()


def part_range(rows: list[Segment], part: SegmentPart) -> tuple[int, int]:
    """The indexes (in ``rows``) where a segment of ``part`` may stand: [low, high]."""
    low = sum(1 for r in rows if SegmentPart(r.part).rank < part.rank)
    high = len(rows) - sum(1 for r in rows if SegmentPart(r.part).rank > part.rank)
    return low, high


def default_part(rows: list[Segment], index: int) -> SegmentPart:
    if 0 < index <= len(rows):
        return SegmentPart(rows[index - 1].part)
    if rows and index == 0:
        return SegmentPart(rows[0].part)
    return SegmentPart.JOINT


def meeting_agenda_item(session: Session, minutes: Minutes, agenda_item_id: int | None) -> int | None:
    if agenda_item_id is None:
        return None
    item = session.get(AgendaItem, agenda_item_id)
    if item is None or item.meeting_id != minutes.meeting_id:
        raise ValidationError(N_("Choose an item of this session's agenda."), field="agenda_item_id")
    return agenda_item_id


def new_decision(session: Session, minutes: Minutes, seg: Segment, **fields) -> Decision:
    top = session.execute(
        select(func.max(Decision.number)).where(Decision.meeting_id == minutes.meeting_id)
    ).scalar_one()
    d = Decision(
        meeting_id=minutes.meeting_id,
        number=(top or 0) + 1,
        agenda_item_id=seg.agenda_item_id,
        text_zh=seg.text_zh,
        text_ru=seg.text_ru,
        **fields,
    )
    session.add(d)
    session.flush()
    return d


def drop_decision(session: Session, seg: Segment) -> None:
    """Remove a segment's decision from the register, unless another register points at it."""
    d = seg.decision
    if d is None:
        return
    counts = references.referencing(session, "decisions", d.id)
    for follow_up in ("minutes_segments", "decision_notes", "decisions"):  # its own notes, superseding
        counts.pop(follow_up, None)
    if counts:
        raise ValidationError(
            N_("Decision No. {number} cannot be removed: it is still named in {where}."),
            number=d.number,
            where=references.describe(counts),
        )
    seg.decision_id = None
    seg.decision = None
    session.flush()
    session.delete(d)
    session.flush()
