"""The structure of the minutes: moving, placing, splitting, merging, deleting segments, and
undoing a delete, merge or split (the rules they keep are in :mod:`.rules`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.changes import Change, changes
from app.core.enums import RevisionAction, SegmentKind, SegmentPart, SegmentStatus
from app.core.errors import ValidationError
from app.core.models import AgendaItem, Segment, SegmentRevision
from app.core.services.minutes.records import (
    RevisionData,
    SegmentData,
    revision_data,
    segment_data,
    segment_row,
    segment_rows,
)
from app.core.services.minutes.rules import (
    add_revision,
    both_texts,
    drop_decision,
    fresh_data,
    minutes_row,
    new_decision,
    part_range,
    renumber,
    require_open,
    require_unlocked,
    sync_decision,
)
from app.i18n import N_


@dataclass(frozen=True)
class SegmentSnapshot:
    """A segment with its decision and history, as it was before it was deleted or merged, so that
    undo can bring it back as it was (same uuid, same history)."""

    segment: SegmentData
    index: int
    created_at: dt.datetime
    revisions: tuple[tuple[RevisionData, str], ...] = ()  # (revision, uuid)
    decision_between_sessions: bool = False


@changes(Change.MINUTES, Change.DECISIONS)
def move_segment(session: Session, segment_id: int, delta: int) -> SegmentData:
    """One step up (-1) or down (+1). At the edge of its part, a segment crosses into the
    neighbouring part instead of changing places."""
    if delta not in (-1, 1):
        raise ValueError(delta)
    seg = segment_row(session, segment_id)
    require_unlocked(seg)
    rows = segment_rows(session, seg.minutes_id)
    i = next(k for k, r in enumerate(rows) if r.id == seg.id)
    part = SegmentPart(seg.part)
    j = i + delta
    neighbour = rows[j] if 0 <= j < len(rows) else None
    if neighbour is not None and neighbour.part == seg.part:
        rows[i], rows[j] = rows[j], rows[i]
    else:
        order = list(SegmentPart)
        k = part.rank + delta
        if not 0 <= k < len(order):
            raise ValidationError(N_("The segment is already at the edge of the minutes."))
        seg.part = order[k].value
    renumber(session, seg.minutes, rows)
    if seg.part != part.value:
        add_revision(session, seg, RevisionAction.PROPERTIES)
    return fresh_data(session, seg)


@changes(Change.MINUTES, Change.DECISIONS)
def place_segment(session: Session, segment_id: int, index: int, part: SegmentPart | str) -> SegmentData:
    """Put a segment at ``index`` of the document (counted without it), in ``part``: dragging and
    dropping, and undoing a move."""
    part = SegmentPart(part)
    seg = segment_row(session, segment_id)
    require_unlocked(seg)
    rows = [r for r in segment_rows(session, seg.minutes_id) if r.id != seg.id]
    low, high = part_range(rows, part)
    index = max(low, min(index, high))
    changed_part = seg.part != part.value
    seg.part = part.value
    rows.insert(index, seg)
    renumber(session, seg.minutes, rows)
    if changed_part:
        add_revision(session, seg, RevisionAction.PROPERTIES)
    return fresh_data(session, seg)


@changes(Change.MINUTES, Change.DECISIONS)
def split_segment(
    session: Session, segment_id: int, at_zh: int, at_ru: int, *, new_uuid: str | None = None
) -> tuple[SegmentData, SegmentData]:
    """Split at a cursor position in each text: the first segment keeps what is before, a new one
    after it gets the rest (white space at the cut is dropped). Both keep the status, part and
    agenda item; the second half of a decision becomes a paragraph."""
    seg = segment_row(session, segment_id)
    require_unlocked(seg)
    if not (0 <= at_zh <= len(seg.text_zh) and 0 <= at_ru <= len(seg.text_ru)):
        raise ValidationError(N_("The place to split at is outside the text."))
    zh1, zh2 = seg.text_zh[:at_zh].rstrip(), seg.text_zh[at_zh:].lstrip()
    ru1, ru2 = seg.text_ru[:at_ru].rstrip(), seg.text_ru[at_ru:].lstrip()
    rows = segment_rows(session, seg.minutes_id)
    i = next(k for k, r in enumerate(rows) if r.id == seg.id)
    seg.text_zh, seg.text_ru = zh1, ru1
    kind = SegmentKind.PARAGRAPH.value if seg.kind == SegmentKind.DECISION.value else seg.kind
    second = Segment(
        minutes_id=seg.minutes_id,
        part=seg.part,
        kind=kind,
        text_zh=zh2,
        text_ru=ru2,
        status=seg.status,
        agenda_item_id=seg.agenda_item_id,
    )
    if new_uuid:
        second.uuid = new_uuid
    for s in (seg, second):
        if s.status != SegmentStatus.DRAFT.value and not both_texts(s):
            s.status = SegmentStatus.DRAFT.value
    sync_decision(seg)
    session.add(second)
    session.flush()
    rows.insert(i + 1, second)
    renumber(session, seg.minutes, rows)
    add_revision(session, seg, RevisionAction.SPLIT)
    add_revision(session, second, RevisionAction.SPLIT)
    return fresh_data(session, seg), fresh_data(session, second)


def _join(a: str, b: str, lang: str) -> str:
    a, b = a.rstrip(), b.lstrip()
    if not a or not b:
        return a or b
    return a + b if lang == "zh" else f"{a} {b}"


@changes(Change.MINUTES, Change.DECISIONS)
def merge_segments(session: Session, first_id: int, second_id: int) -> tuple[SegmentData, SegmentSnapshot]:
    """Merge a segment into the one just before it, in the same part. The result keeps the first
    one's kind, links and the lower of the two statuses. Returns the merged segment and a
    snapshot of the second one (for undo)."""
    first = segment_row(session, first_id)
    second = segment_row(session, second_id)
    require_unlocked(first)
    require_unlocked(second)
    rows = segment_rows(session, first.minutes_id)
    i = next(k for k, r in enumerate(rows) if r.id == first.id)
    if i + 1 >= len(rows) or rows[i + 1].id != second.id:
        raise ValidationError(N_("Only a segment and the one right after it can be merged."))
    if first.part != second.part:
        raise ValidationError(N_("Segments of different parts of the minutes cannot be merged."))
    if second.decision is not None:
        raise ValidationError(
            N_("A decision cannot be merged into the segment before it. Make it a paragraph first.")
        )
    snapshot = snapshot_segment(session, second.id)
    first.text_zh = _join(first.text_zh, second.text_zh, "zh")
    first.text_ru = _join(first.text_ru, second.text_ru, "ru")
    first.status = min(SegmentStatus(first.status), SegmentStatus(second.status), key=lambda s: s.rank).value
    sync_decision(first)
    if first.agenda_item_id is None:
        first.agenda_item_id = second.agenda_item_id
    session.delete(second)
    session.flush()
    rows.pop(i + 1)
    renumber(session, first.minutes, rows)
    add_revision(session, first, RevisionAction.MERGE)
    return fresh_data(session, first), snapshot


def snapshot_segment(session: Session, segment_id: int) -> SegmentSnapshot:
    seg = segment_row(session, segment_id)
    rows = segment_rows(session, seg.minutes_id)
    index = next(k for k, r in enumerate(rows) if r.id == seg.id)
    revs = session.execute(
        select(SegmentRevision).where(SegmentRevision.segment_id == seg.id).order_by(SegmentRevision.id)
    ).scalars()
    return SegmentSnapshot(
        segment=segment_data(seg),
        index=index,
        created_at=seg.created_at,
        revisions=tuple((revision_data(r), r.uuid) for r in revs),
        decision_between_sessions=bool(seg.decision and seg.decision.between_sessions),
    )


@changes(Change.MINUTES, Change.DECISIONS)
def delete_segment(session: Session, segment_id: int) -> SegmentSnapshot:
    """Delete a segment (and its decision from the register). Returns what undo needs."""
    seg = segment_row(session, segment_id)
    require_unlocked(seg)
    snapshot = snapshot_segment(session, segment_id)
    minutes = seg.minutes
    drop_decision(session, seg)
    session.delete(seg)
    session.flush()
    renumber(session, minutes, segment_rows(session, minutes.id))
    return snapshot


@changes(Change.MINUTES, Change.DECISIONS)
def restore_segment(session: Session, snapshot: SegmentSnapshot) -> SegmentData:
    """Bring a deleted or merged-away segment back where it was, with its uuid, decision fields
    and history."""
    data = snapshot.segment
    minutes = minutes_row(session, data.minutes_id)
    require_open(minutes)
    if session.execute(select(Segment.id).where(Segment.uuid == data.uuid)).first():
        raise ValidationError(N_("This segment is already there."))
    rows = segment_rows(session, minutes.id)
    low, high = part_range(rows, data.part)
    index = max(low, min(snapshot.index, high))
    seg = Segment(
        uuid=data.uuid,
        created_at=snapshot.created_at,
        minutes_id=minutes.id,
        part=data.part.value,
        kind=data.kind.value,
        text_zh=data.text_zh,
        text_ru=data.text_ru,
        status=data.status.value,
        agenda_item_id=data.agenda_item_id
        if data.agenda_item_id and session.get(AgendaItem, data.agenda_item_id)
        else None,
        accepted_findings="\n".join(data.accepted_findings),
    )
    session.add(seg)
    session.flush()
    if data.decision is not None:
        d = data.decision
        seg.decision = new_decision(
            session,
            minutes,
            seg,
            uuid=d.uuid,
            agency1_zh=d.agency1_zh,
            agency1_ru=d.agency1_ru,
            agency2_zh=d.agency2_zh,
            agency2_ru=d.agency2_ru,
            deadline=d.deadline,
            status=d.status.value,
            between_sessions=snapshot.decision_between_sessions,
        )
    for rev, rev_uuid in snapshot.revisions:
        session.add(
            SegmentRevision(
                uuid=rev_uuid,
                created_at=rev.saved_at,
                segment_id=seg.id,
                text_zh=rev.text_zh,
                text_ru=rev.text_ru,
                status=rev.status.value,
                action=rev.action.value,
                author=rev.author,
                reason=rev.reason,
            )
        )
    rows.insert(index, seg)
    renumber(session, minutes, rows)
    return fresh_data(session, seg)


@changes(Change.MINUTES, Change.DECISIONS)
def unmerge(session: Session, first_id: int, first_before: SegmentData, second: SegmentSnapshot) -> None:
    """Undo a merge: the first segment gets its texts and status back, the second comes back."""
    seg = segment_row(session, first_id)
    require_unlocked(seg)
    seg.text_zh, seg.text_ru = first_before.text_zh, first_before.text_ru
    seg.status = first_before.status.value
    seg.agenda_item_id = first_before.agenda_item_id
    sync_decision(seg)
    session.flush()
    add_revision(session, seg, RevisionAction.EDIT)
    restore_segment(session, second)


@changes(Change.MINUTES, Change.DECISIONS)
def unsplit(session: Session, first_id: int, second_id: int, first_before: SegmentData) -> SegmentData:
    """Undo a split: the second half goes, the first gets its texts and status back."""
    seg = segment_row(session, first_id)
    other = segment_row(session, second_id)
    require_unlocked(seg)
    require_unlocked(other)
    if other.decision is not None:
        drop_decision(session, other)
    session.delete(other)
    session.flush()
    seg.text_zh, seg.text_ru = first_before.text_zh, first_before.text_ru
    seg.status = first_before.status.value
    sync_decision(seg)
    renumber(session, seg.minutes, segment_rows(session, seg.minutes_id))
    add_revision(session, seg, RevisionAction.EDIT)
    return fresh_data(session, seg)
