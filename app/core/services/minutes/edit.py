"""Changing the minutes: segment operations, status rules, locking, revisions, decision fields.

Rules kept here, whoever calls (the editor, the command line, the demo):

- Signed (locked) minutes never change, except the status of their decisions, which the register
  keeps tracking after signing.
- An initialled segment is locked: its texts, kind and place cannot change, and it cannot be
  split, merged or deleted. :func:`reopen` brings it back to "agreed" and records the reason.
- Every save of a segment keeps a revision (texts, status, who and when).
- Status: draft → translated → checked by the other side → agreed → initialled. Any status past
  draft needs both texts; "initialled" only follows "agreed". Changing the text of a checked or
  agreed segment takes it back to "translated": the other side has to look at it again.
- Parts are contiguous and in :class:`SegmentPart` order; moving a segment past the first or last
  segment of its part moves it into the neighbouring part instead.
- Decision segments link to the decisions register; decisions are numbered 1…N in document order
  after every structural change, and their texts follow the segment's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.changes import Change, changes
from app.core.enums import DecisionStatus, RevisionAction, SegmentKind, SegmentPart, SegmentStatus
from app.core.errors import NotFoundError, ValidationError
from app.core.models import AgendaItem, Decision, Minutes, Segment, SegmentRevision
from app.core.services import references
from app.core.services.minutes.records import (
    DecisionFields,
    RevisionData,
    SegmentData,
    author_name,
    revision_data,
    segment_data,
    segment_row,
    segment_rows,
)
from app.core.services.text import clean
from app.i18n import N_

#: Longest text of one side of a segment (a generous page of text).
MAX_TEXT = 20000


@dataclass(frozen=True)
class SegmentSnapshot:
    """A segment with its decision and history, as it was before it was deleted or merged, so that
    undo can bring it back as it was (same uuid, same history)."""

    segment: SegmentData
    index: int
    created_at: dt.datetime
    revisions: tuple[tuple[RevisionData, str], ...] = ()  # (revision, uuid)
    decision_between_sessions: bool = False


# --- guards ----------------------------------------------------------------------------------


def _minutes(session: Session, minutes_id: int) -> Minutes:
    row = session.get(Minutes, minutes_id)
    if row is None:
        raise NotFoundError(N_("These minutes no longer exist."))
    return row


def _require_open(minutes: Minutes) -> None:
    if minutes.locked:
        raise ValidationError(N_("These minutes are signed; they can no longer be changed."))


def _require_unlocked(seg: Segment) -> None:
    _require_open(seg.minutes)
    if seg.status == SegmentStatus.INITIALLED.value:
        raise ValidationError(
            N_("This segment is initialled and locked. Reopen it, giving the reason, to change it.")
        )


def _check_text(value: str | None, field: str) -> str:
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


def _add_revision(session: Session, seg: Segment, action: RevisionAction, reason: str = "") -> None:
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


def _both_texts(seg: Segment) -> bool:
    return bool(seg.text_zh.strip() and seg.text_ru.strip())


def _after_text_change(seg: Segment) -> None:
    """A checked or agreed segment whose text changed goes back to "translated"."""
    if seg.status in (SegmentStatus.CHECKED.value, SegmentStatus.AGREED.value):
        seg.status = SegmentStatus.TRANSLATED.value
    if seg.status == SegmentStatus.TRANSLATED.value and not _both_texts(seg):
        seg.status = SegmentStatus.DRAFT.value


def _sync_decision(seg: Segment) -> None:
    if seg.decision is not None:
        seg.decision.text_zh = seg.text_zh
        seg.decision.text_ru = seg.text_ru


def _data(session: Session, seg: Segment) -> SegmentData:
    session.flush()
    session.refresh(seg)
    return segment_data(seg)


# --- order, parts and decision numbers -------------------------------------------------------


def _renumber(session: Session, minutes: Minutes, rows: list[Segment]) -> None:
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


def _part_range(rows: list[Segment], part: SegmentPart) -> tuple[int, int]:
    """The indexes (in ``rows``) where a segment of ``part`` may stand: [low, high]."""
    low = sum(1 for r in rows if SegmentPart(r.part).rank < part.rank)
    high = len(rows) - sum(1 for r in rows if SegmentPart(r.part).rank > part.rank)
    return low, high


def _default_part(rows: list[Segment], index: int) -> SegmentPart:
    if 0 < index <= len(rows):
        return SegmentPart(rows[index - 1].part)
    if rows and index == 0:
        return SegmentPart(rows[0].part)
    return SegmentPart.JOINT


def _meeting_agenda_item(session: Session, minutes: Minutes, agenda_item_id: int | None) -> int | None:
    if agenda_item_id is None:
        return None
    item = session.get(AgendaItem, agenda_item_id)
    if item is None or item.meeting_id != minutes.meeting_id:
        raise ValidationError(N_("Choose an item of this session's agenda."), field="agenda_item_id")
    return agenda_item_id


def _new_decision(session: Session, minutes: Minutes, seg: Segment, **fields) -> Decision:
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


def _drop_decision(session: Session, seg: Segment) -> None:
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


# --- creating --------------------------------------------------------------------------------


@changes(Change.MINUTES, Change.DECISIONS)
def insert_segment(
    session: Session,
    minutes_id: int,
    index: int | None = None,
    *,
    part: SegmentPart | None = None,
    kind: SegmentKind = SegmentKind.PARAGRAPH,
    text_zh: str = "",
    text_ru: str = "",
    agenda_item_id: int | None = None,
    uuid: str | None = None,
    action: RevisionAction = RevisionAction.CREATE,
) -> SegmentData:
    """A new draft segment at ``index`` (None: at the end of its part, or of the minutes).

    Without ``part`` it joins the part of the segment before it. With ``part``, an index outside
    that part is moved to the nearest place inside it.
    """
    minutes = _minutes(session, minutes_id)
    _require_open(minutes)
    rows = segment_rows(session, minutes_id)
    if part is None:
        part = _default_part(rows, len(rows) if index is None else max(0, min(index, len(rows))))
    low, high = _part_range(rows, part)
    index = high if index is None else max(low, min(index, high))
    seg = Segment(
        minutes_id=minutes_id,
        part=SegmentPart(part).value,
        kind=SegmentKind(kind).value,
        text_zh=_check_text(text_zh, "text_zh"),
        text_ru=_check_text(text_ru, "text_ru"),
        status=SegmentStatus.DRAFT.value,
        agenda_item_id=_meeting_agenda_item(session, minutes, agenda_item_id),
    )
    if uuid:
        seg.uuid = uuid
    session.add(seg)
    session.flush()
    if seg.kind == SegmentKind.DECISION.value:
        seg.decision = _new_decision(session, minutes, seg)
    rows.insert(index, seg)
    _renumber(session, minutes, rows)
    _add_revision(session, seg, action)
    return _data(session, seg)


# --- texts -----------------------------------------------------------------------------------


@changes(Change.MINUTES)
def save_texts(
    session: Session, segment_id: int, text_zh: str | None = None, text_ru: str | None = None
) -> SegmentData:
    """Save what was typed (None leaves that side as it is). Nothing changed, nothing written;
    otherwise one revision. Texts are kept exactly as typed."""
    seg = segment_row(session, segment_id)
    new_zh = seg.text_zh if text_zh is None else _check_text(text_zh, "text_zh")
    new_ru = seg.text_ru if text_ru is None else _check_text(text_ru, "text_ru")
    if new_zh == seg.text_zh and new_ru == seg.text_ru:
        return segment_data(seg)
    _require_unlocked(seg)
    seg.text_zh, seg.text_ru = new_zh, new_ru
    _after_text_change(seg)
    _sync_decision(seg)
    session.flush()
    _add_revision(session, seg, RevisionAction.EDIT)
    return _data(session, seg)


@changes(Change.MINUTES, Change.DECISIONS)
def restore_revision(session: Session, segment_id: int, revision_id: int) -> SegmentData:
    """Bring back the texts of an older revision (as a new revision)."""
    seg = segment_row(session, segment_id)
    rev = session.get(SegmentRevision, revision_id)
    if rev is None or rev.segment_id != seg.id:
        raise NotFoundError(N_("This revision no longer exists."))
    _require_unlocked(seg)
    if (rev.text_zh, rev.text_ru) != (seg.text_zh, seg.text_ru):
        seg.text_zh, seg.text_ru = rev.text_zh, rev.text_ru
        _after_text_change(seg)
        _sync_decision(seg)
    session.flush()
    _add_revision(session, seg, RevisionAction.RESTORE)
    return _data(session, seg)


# --- status ----------------------------------------------------------------------------------


def allowed_statuses(seg: SegmentData) -> list[SegmentStatus]:
    """The statuses a segment can be given now (its own included)."""
    if seg.locked:
        return [SegmentStatus.INITIALLED]
    both = bool(seg.text_zh.strip() and seg.text_ru.strip())
    out = [SegmentStatus.DRAFT]
    if both:
        out += [SegmentStatus.TRANSLATED, SegmentStatus.CHECKED, SegmentStatus.AGREED]
    if seg.status is SegmentStatus.AGREED:
        out.append(SegmentStatus.INITIALLED)
    if seg.status not in out:
        out.append(seg.status)
        out.sort(key=lambda s: s.rank)
    return out


@changes(Change.MINUTES, Change.DECISIONS)
def set_status(session: Session, segment_id: int, status: SegmentStatus | str) -> SegmentData:
    status = SegmentStatus(status)
    seg = segment_row(session, segment_id)
    if seg.status == status.value:
        return segment_data(seg)
    _require_open(seg.minutes)
    if seg.status == SegmentStatus.INITIALLED.value:
        raise ValidationError(
            N_("This segment is initialled and locked. Reopen it, giving the reason, to change it.")
        )
    if status is SegmentStatus.INITIALLED and seg.status != SegmentStatus.AGREED.value:
        raise ValidationError(N_("Only a segment agreed by both sides can be initialled."), field="status")
    if status is not SegmentStatus.DRAFT and not _both_texts(seg):
        raise ValidationError(
            N_("Fill in both the Chinese and the Russian text before marking the segment “{status}”."),
            field="status",
            status=status.label,
        )
    seg.status = status.value
    session.flush()
    _add_revision(session, seg, RevisionAction.STATUS)
    return _data(session, seg)


@changes(Change.MINUTES)
def reopen(session: Session, segment_id: int, reason: str) -> SegmentData:
    """Unlock an initialled segment (back to "agreed"), keeping the reason in its history."""
    seg = segment_row(session, segment_id)
    _require_open(seg.minutes)
    if seg.status != SegmentStatus.INITIALLED.value:
        raise ValidationError(N_("Only an initialled segment needs to be reopened."))
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError(N_("Say why the initialled segment is reopened."), field="reason")
    if len(reason) > 2000:
        raise ValidationError(N_("The reason cannot be longer than 2000 characters."), field="reason")
    seg.status = SegmentStatus.AGREED.value
    session.flush()
    _add_revision(session, seg, RevisionAction.REOPEN, reason)
    return _data(session, seg)


# --- properties ------------------------------------------------------------------------------


@changes(Change.MINUTES, Change.DECISIONS)
def set_kind(session: Session, segment_id: int, kind: SegmentKind | str) -> SegmentData:
    """Change the kind. Becoming a decision adds it to the register; ceasing to be one removes it."""
    kind = SegmentKind(kind)
    seg = segment_row(session, segment_id)
    if seg.kind == kind.value:
        return segment_data(seg)
    _require_unlocked(seg)
    minutes = seg.minutes
    if kind is SegmentKind.DECISION:
        seg.decision = _new_decision(session, minutes, seg)
    elif seg.kind == SegmentKind.DECISION.value:
        _drop_decision(session, seg)
    seg.kind = kind.value
    session.flush()
    _renumber(session, minutes, segment_rows(session, minutes.id))
    _add_revision(session, seg, RevisionAction.PROPERTIES)
    return _data(session, seg)


@changes(Change.MINUTES, Change.DECISIONS)
def set_agenda_item(session: Session, segment_id: int, agenda_item_id: int | None) -> SegmentData:
    seg = segment_row(session, segment_id)
    if seg.agenda_item_id == agenda_item_id:
        return segment_data(seg)
    _require_unlocked(seg)
    seg.agenda_item_id = _meeting_agenda_item(session, seg.minutes, agenda_item_id)
    if seg.decision is not None:
        seg.decision.agenda_item_id = seg.agenda_item_id
    session.flush()
    _add_revision(session, seg, RevisionAction.PROPERTIES)
    return _data(session, seg)


@changes(Change.MINUTES, Change.DECISIONS)
def set_part(session: Session, segment_id: int, part: SegmentPart | str) -> SegmentData:
    """Put a segment into another part: at the start of a later part, at the end of an earlier one."""
    part = SegmentPart(part)
    seg = segment_row(session, segment_id)
    if seg.part == part.value:
        return segment_data(seg)
    _require_unlocked(seg)
    rows = [r for r in segment_rows(session, seg.minutes_id) if r.id != seg.id]
    low, high = _part_range(rows, part)
    index = low if part.rank > SegmentPart(seg.part).rank else high
    seg.part = part.value
    rows.insert(index, seg)
    _renumber(session, seg.minutes, rows)
    _add_revision(session, seg, RevisionAction.PROPERTIES)
    return _data(session, seg)


@changes(Change.MINUTES)
def set_accepted(session: Session, segment_id: int, key: str, accepted: bool) -> SegmentData:
    """Mark a check finding of a segment as intended by both sides (or not any more)."""
    seg = segment_row(session, segment_id)
    _require_open(seg.minutes)
    keys = [k for k in seg.accepted_findings.split("\n") if k]
    if accepted and key not in keys:
        keys.append(key)
    elif not accepted and key in keys:
        keys.remove(key)
    else:
        return segment_data(seg)
    seg.accepted_findings = "\n".join(keys)
    return _data(session, seg)


# --- decision fields -------------------------------------------------------------------------


@changes(Change.MINUTES, Change.DECISIONS)
def save_decision(
    session: Session,
    segment_id: int,
    *,
    agency1_zh: str | None = None,
    agency1_ru: str | None = None,
    agency2_zh: str | None = None,
    agency2_ru: str | None = None,
    deadline: dt.date | None | str = "",
    status: DecisionStatus | str | None = None,
) -> DecisionFields:
    """The register's fields of a decision segment (None / "" for deadline: leave as it is).

    The implementing agencies and the deadline are part of the text both sides agree on: they are
    locked with the segment. The status is the register's business and changes at any time, also
    after signing.
    """
    seg = segment_row(session, segment_id)
    d = seg.decision
    if d is None:
        raise ValidationError(N_("Only a decision has implementing agencies, a deadline and a status."))
    agencies = {
        "agency1_zh": agency1_zh,
        "agency1_ru": agency1_ru,
        "agency2_zh": agency2_zh,
        "agency2_ru": agency2_ru,
    }
    changes = {}
    for name, value in agencies.items():
        if value is None:
            continue
        value = clean(value)
        if len(value) > 300:
            raise ValidationError(N_("This field cannot be longer than 300 characters."), field=name)
        if value != getattr(d, name):
            changes[name] = value
    if deadline != "":
        if deadline is not None and not isinstance(deadline, dt.date):
            raise ValidationError(N_("Give the deadline as a date."), field="deadline")
        if deadline != d.deadline:
            changes["deadline"] = deadline
    if changes:
        _require_unlocked(seg)
        for name, value in changes.items():
            setattr(d, name, value)
    if status is not None:
        try:
            status = DecisionStatus(status)
        except ValueError:
            raise ValidationError(N_("Choose the status of the decision."), field="status") from None
        d.status = status.value
    session.flush()
    return _data(session, seg).decision  # type: ignore[return-value]


# --- structure: move, split, merge, delete ---------------------------------------------------


@changes(Change.MINUTES, Change.DECISIONS)
def move_segment(session: Session, segment_id: int, delta: int) -> SegmentData:
    """One step up (-1) or down (+1). At the edge of its part, a segment crosses into the
    neighbouring part instead of changing places."""
    if delta not in (-1, 1):
        raise ValueError(delta)
    seg = segment_row(session, segment_id)
    _require_unlocked(seg)
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
    _renumber(session, seg.minutes, rows)
    if seg.part != part.value:
        _add_revision(session, seg, RevisionAction.PROPERTIES)
    return _data(session, seg)


@changes(Change.MINUTES, Change.DECISIONS)
def place_segment(session: Session, segment_id: int, index: int, part: SegmentPart | str) -> SegmentData:
    """Put a segment at ``index`` of the document (counted without it), in ``part``: dragging and
    dropping, and undoing a move."""
    part = SegmentPart(part)
    seg = segment_row(session, segment_id)
    _require_unlocked(seg)
    rows = [r for r in segment_rows(session, seg.minutes_id) if r.id != seg.id]
    low, high = _part_range(rows, part)
    index = max(low, min(index, high))
    changed_part = seg.part != part.value
    seg.part = part.value
    rows.insert(index, seg)
    _renumber(session, seg.minutes, rows)
    if changed_part:
        _add_revision(session, seg, RevisionAction.PROPERTIES)
    return _data(session, seg)


@changes(Change.MINUTES, Change.DECISIONS)
def split_segment(
    session: Session, segment_id: int, at_zh: int, at_ru: int, *, new_uuid: str | None = None
) -> tuple[SegmentData, SegmentData]:
    """Split at a cursor position in each text: the first segment keeps what is before, a new one
    after it gets the rest (white space at the cut is dropped). Both keep the status, part and
    agenda item; the second half of a decision becomes a paragraph."""
    seg = segment_row(session, segment_id)
    _require_unlocked(seg)
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
        if s.status != SegmentStatus.DRAFT.value and not _both_texts(s):
            s.status = SegmentStatus.DRAFT.value
    _sync_decision(seg)
    session.add(second)
    session.flush()
    rows.insert(i + 1, second)
    _renumber(session, seg.minutes, rows)
    _add_revision(session, seg, RevisionAction.SPLIT)
    _add_revision(session, second, RevisionAction.SPLIT)
    return _data(session, seg), _data(session, second)


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
    _require_unlocked(first)
    _require_unlocked(second)
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
    _sync_decision(first)
    if first.agenda_item_id is None:
        first.agenda_item_id = second.agenda_item_id
    session.delete(second)
    session.flush()
    rows.pop(i + 1)
    _renumber(session, first.minutes, rows)
    _add_revision(session, first, RevisionAction.MERGE)
    return _data(session, first), snapshot


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
    _require_unlocked(seg)
    snapshot = snapshot_segment(session, segment_id)
    minutes = seg.minutes
    _drop_decision(session, seg)
    session.delete(seg)
    session.flush()
    _renumber(session, minutes, segment_rows(session, minutes.id))
    return snapshot


@changes(Change.MINUTES, Change.DECISIONS)
def restore_segment(session: Session, snapshot: SegmentSnapshot) -> SegmentData:
    """Bring a deleted or merged-away segment back where it was, with its uuid, decision fields
    and history."""
    data = snapshot.segment
    minutes = _minutes(session, data.minutes_id)
    _require_open(minutes)
    if session.execute(select(Segment.id).where(Segment.uuid == data.uuid)).first():
        raise ValidationError(N_("This segment is already there."))
    rows = segment_rows(session, minutes.id)
    low, high = _part_range(rows, data.part)
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
        seg.decision = _new_decision(
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
    _renumber(session, minutes, rows)
    return _data(session, seg)


@changes(Change.MINUTES, Change.DECISIONS)
def unmerge(session: Session, first_id: int, first_before: SegmentData, second: SegmentSnapshot) -> None:
    """Undo a merge: the first segment gets its texts and status back, the second comes back."""
    seg = segment_row(session, first_id)
    _require_unlocked(seg)
    seg.text_zh, seg.text_ru = first_before.text_zh, first_before.text_ru
    seg.status = first_before.status.value
    seg.agenda_item_id = first_before.agenda_item_id
    _sync_decision(seg)
    session.flush()
    _add_revision(session, seg, RevisionAction.EDIT)
    restore_segment(session, second)


@changes(Change.MINUTES, Change.DECISIONS)
def unsplit(session: Session, first_id: int, second_id: int, first_before: SegmentData) -> SegmentData:
    """Undo a split: the second half goes, the first gets its texts and status back."""
    seg = segment_row(session, first_id)
    other = segment_row(session, second_id)
    _require_unlocked(seg)
    _require_unlocked(other)
    if other.decision is not None:
        _drop_decision(session, other)
    session.delete(other)
    session.flush()
    seg.text_zh, seg.text_ru = first_before.text_zh, first_before.text_ru
    seg.status = first_before.status.value
    _sync_decision(seg)
    _renumber(session, seg.minutes, segment_rows(session, seg.minutes_id))
    _add_revision(session, seg, RevisionAction.EDIT)
    return _data(session, seg)
