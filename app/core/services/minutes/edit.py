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

The rules themselves are in :mod:`.rules`; moving, splitting, merging and deleting segments in
:mod:`.structure`, whose services this module names too, so that callers need only ``edit``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from app.core import versions
from app.core.changes import Change, changes
from app.core.enums import DecisionStatus, RevisionAction, SegmentKind, SegmentPart, SegmentStatus
from app.core.errors import NotFoundError, ValidationError
from app.core.models import Segment, SegmentRevision
from app.core.services.minutes.records import (
    DecisionFields,
    SegmentData,
    segment_data,
    segment_row,
    segment_rows,
)
from app.core.services.minutes.rules import (
    MAX_TEXT,
    add_revision,
    after_text_change,
    both_texts,
    check_text,
    default_part,
    drop_decision,
    fresh_data,
    meeting_agenda_item,
    minutes_row,
    new_decision,
    part_range,
    renumber,
    require_open,
    require_unlocked,
    sync_decision,
)
from app.core.services.minutes.structure import (
    SegmentSnapshot,
    delete_segment,
    merge_segments,
    move_segment,
    place_segment,
    restore_segment,
    snapshot_segment,
    split_segment,
    unmerge,
    unsplit,
)
from app.core.services.text import clean
from app.i18n import N_

__all__ = [
    "MAX_TEXT",
    "SegmentSnapshot",
    "allowed_statuses",
    "delete_segment",
    "insert_segment",
    "merge_segments",
    "move_segment",
    "place_segment",
    "reopen",
    "restore_revision",
    "restore_segment",
    "save_decision",
    "save_texts",
    "set_accepted",
    "set_agenda_item",
    "set_kind",
    "set_part",
    "set_status",
    "snapshot_segment",
    "split_segment",
    "unmerge",
    "unsplit",
]


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
    minutes = minutes_row(session, minutes_id)
    require_open(minutes)
    rows = segment_rows(session, minutes_id)
    if part is None:
        part = default_part(rows, len(rows) if index is None else max(0, min(index, len(rows))))
    low, high = part_range(rows, part)
    index = high if index is None else max(low, min(index, high))
    seg = Segment(
        minutes_id=minutes_id,
        part=SegmentPart(part).value,
        kind=SegmentKind(kind).value,
        text_zh=check_text(text_zh, "text_zh"),
        text_ru=check_text(text_ru, "text_ru"),
        status=SegmentStatus.DRAFT.value,
        agenda_item_id=meeting_agenda_item(session, minutes, agenda_item_id),
    )
    if uuid:
        seg.uuid = uuid
    session.add(seg)
    session.flush()
    if seg.kind == SegmentKind.DECISION.value:
        seg.decision = new_decision(session, minutes, seg)
    rows.insert(index, seg)
    renumber(session, minutes, rows)
    add_revision(session, seg, action)
    return fresh_data(session, seg)


# --- texts -----------------------------------------------------------------------------------


@changes(Change.MINUTES)
def save_texts(
    session: Session,
    segment_id: int,
    text_zh: str | None = None,
    text_ru: str | None = None,
    version: int | None = None,
    *,
    action: RevisionAction = RevisionAction.EDIT,
) -> SegmentData:
    """Save what was typed (None leaves that side as it is). Nothing changed, nothing written;
    otherwise one revision (``action``: an edit, or an import from a translation tool). Texts are
    kept exactly as typed.

    ``version`` is the version of the segment the typing started from: a segment saved by someone
    else since is not overwritten (ConflictError with both texts; None: no check)."""
    seg = segment_row(session, segment_id)
    new_zh = seg.text_zh if text_zh is None else check_text(text_zh, "text_zh")
    new_ru = seg.text_ru if text_ru is None else check_text(text_ru, "text_ru")
    if new_zh == seg.text_zh and new_ru == seg.text_ru:
        return segment_data(seg)
    versions.check(session, seg, version, {"text_zh": new_zh, "text_ru": new_ru})
    require_unlocked(seg)
    seg.text_zh, seg.text_ru = new_zh, new_ru
    after_text_change(seg)
    sync_decision(seg)
    versions.flush(session)
    add_revision(session, seg, action)
    return fresh_data(session, seg)


@changes(Change.MINUTES, Change.DECISIONS)
def restore_revision(session: Session, segment_id: int, revision_id: int) -> SegmentData:
    """Bring back the texts of an older revision (as a new revision)."""
    seg = segment_row(session, segment_id)
    rev = session.get(SegmentRevision, revision_id)
    if rev is None or rev.segment_id != seg.id:
        raise NotFoundError(N_("This revision no longer exists."))
    require_unlocked(seg)
    if (rev.text_zh, rev.text_ru) != (seg.text_zh, seg.text_ru):
        seg.text_zh, seg.text_ru = rev.text_zh, rev.text_ru
        after_text_change(seg)
        sync_decision(seg)
    session.flush()
    add_revision(session, seg, RevisionAction.RESTORE)
    return fresh_data(session, seg)


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
    require_open(seg.minutes)
    if seg.status == SegmentStatus.INITIALLED.value:
        raise ValidationError(
            N_("This segment is initialled and locked. Reopen it, giving the reason, to change it.")
        )
    if status is SegmentStatus.INITIALLED and seg.status != SegmentStatus.AGREED.value:
        raise ValidationError(N_("Only a segment agreed by both sides can be initialled."), field="status")
    if status is not SegmentStatus.DRAFT and not both_texts(seg):
        raise ValidationError(
            N_("Fill in both the Chinese and the Russian text before marking the segment “{status}”."),
            field="status",
            status=status.label,
        )
    seg.status = status.value
    session.flush()
    add_revision(session, seg, RevisionAction.STATUS)
    return fresh_data(session, seg)


@changes(Change.MINUTES)
def reopen(session: Session, segment_id: int, reason: str) -> SegmentData:
    """Unlock an initialled segment (back to "agreed"), keeping the reason in its history."""
    seg = segment_row(session, segment_id)
    require_open(seg.minutes)
    if seg.status != SegmentStatus.INITIALLED.value:
        raise ValidationError(N_("Only an initialled segment needs to be reopened."))
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError(N_("Say why the initialled segment is reopened."), field="reason")
    if len(reason) > 2000:
        raise ValidationError(N_("The reason cannot be longer than 2000 characters."), field="reason")
    seg.status = SegmentStatus.AGREED.value
    session.flush()
    add_revision(session, seg, RevisionAction.REOPEN, reason)
    return fresh_data(session, seg)


# --- properties ------------------------------------------------------------------------------


@changes(Change.MINUTES, Change.DECISIONS)
def set_kind(session: Session, segment_id: int, kind: SegmentKind | str) -> SegmentData:
    """Change the kind. Becoming a decision adds it to the register; ceasing to be one removes it."""
    kind = SegmentKind(kind)
    seg = segment_row(session, segment_id)
    if seg.kind == kind.value:
        return segment_data(seg)
    require_unlocked(seg)
    minutes = seg.minutes
    if kind is SegmentKind.DECISION:
        seg.decision = new_decision(session, minutes, seg)
    elif seg.kind == SegmentKind.DECISION.value:
        drop_decision(session, seg)
    seg.kind = kind.value
    session.flush()
    renumber(session, minutes, segment_rows(session, minutes.id))
    add_revision(session, seg, RevisionAction.PROPERTIES)
    return fresh_data(session, seg)


@changes(Change.MINUTES, Change.DECISIONS)
def set_agenda_item(session: Session, segment_id: int, agenda_item_id: int | None) -> SegmentData:
    seg = segment_row(session, segment_id)
    if seg.agenda_item_id == agenda_item_id:
        return segment_data(seg)
    require_unlocked(seg)
    seg.agenda_item_id = meeting_agenda_item(session, seg.minutes, agenda_item_id)
    if seg.decision is not None:
        seg.decision.agenda_item_id = seg.agenda_item_id
    session.flush()
    add_revision(session, seg, RevisionAction.PROPERTIES)
    return fresh_data(session, seg)


@changes(Change.MINUTES, Change.DECISIONS)
def set_part(session: Session, segment_id: int, part: SegmentPart | str) -> SegmentData:
    """Put a segment into another part: at the start of a later part, at the end of an earlier one."""
    part = SegmentPart(part)
    seg = segment_row(session, segment_id)
    if seg.part == part.value:
        return segment_data(seg)
    require_unlocked(seg)
    rows = [r for r in segment_rows(session, seg.minutes_id) if r.id != seg.id]
    low, high = part_range(rows, part)
    index = low if part.rank > SegmentPart(seg.part).rank else high
    seg.part = part.value
    rows.insert(index, seg)
    renumber(session, seg.minutes, rows)
    add_revision(session, seg, RevisionAction.PROPERTIES)
    return fresh_data(session, seg)


@changes(Change.MINUTES)
def set_accepted(session: Session, segment_id: int, key: str, accepted: bool) -> SegmentData:
    """Mark a check finding of a segment as intended by both sides (or not any more)."""
    seg = segment_row(session, segment_id)
    require_open(seg.minutes)
    keys = [k for k in seg.accepted_findings.split("\n") if k]
    if accepted and key not in keys:
        keys.append(key)
    elif not accepted and key in keys:
        keys.remove(key)
    else:
        return segment_data(seg)
    seg.accepted_findings = "\n".join(keys)
    return fresh_data(session, seg)


# --- decision fields -------------------------------------------------------------------------


def _check_read(session: Session, d, read: DecisionFields | None, mine: dict) -> None:
    """ConflictError when a field of ``mine`` was changed by someone else since ``read``."""
    if read is None or read.version is None or read.version == d.version:
        return
    stored = {name: (DecisionStatus(d.status) if name == "status" else getattr(d, name)) for name in mine}
    if any(stored[name] != getattr(read, name) for name in mine):
        versions.check(session, d, read.version, mine, stored)


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
    read: DecisionFields | None = None,
) -> DecisionFields:
    """The register's fields of a decision segment (None / "" for deadline: leave as it is).

    The implementing agencies and the deadline are part of the text both sides agree on: they are
    locked with the segment. The status is the register's business and changes at any time, also
    after signing.

    ``read`` is the decision as the user saw it: when it has changed since (its version), a field
    being saved whose stored value is no longer the one read is a stale save (ConflictError), not
    an overwrite. (The version alone would also count the decision's text, which follows the
    segment's own typing.)
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
    if status is not None:
        try:
            status = DecisionStatus(status)
        except ValueError:
            raise ValidationError(N_("Choose the status of the decision."), field="status") from None
    _check_read(session, d, read, {**changes, **({"status": status} if status is not None else {})})
    if changes:
        require_unlocked(seg)
        for name, value in changes.items():
            setattr(d, name, value)
    if status is not None:
        d.status = status.value
    versions.flush(session)
    return fresh_data(session, seg).decision  # type: ignore[return-value]


# --- structure: move, split, merge, delete ---------------------------------------------------
