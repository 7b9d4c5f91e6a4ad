"""The agenda of a session: items with titles in both languages, their order, time slots and
materials, and the carry-over from the previous session.

Items are numbered by their place in the agenda (``position`` 0, 1, 2… is item 1, 2, 3…), so
moving one renumbers the others. Materials are attachments with owner_kind ``"agenda_item"``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core import versions
from app.core.changes import Change, changes
from app.core.enums import AgendaStatus, Topic
from app.core.errors import NotFoundError, ValidationError
from app.core.models import AgendaItem, Attachment, DelegationMember, Meeting, Person, Side
from app.core.services import attachments
from app.core.services.text import clean_text, pick
from app.i18n import N_, format_date

OWNER_KIND = "agenda_item"

#: The standing first item of every session (bilingual content, not interface text).
STANDING_TITLE_ZH = "关于上次会议决议执行情况的报告"
STANDING_TITLE_RU = "Доклад о ходе выполнения решений предыдущего заседания"

MIN_MINUTES = 5
MAX_MINUTES = 12 * 60
MAX_TITLE = 1000


@dataclass(frozen=True)
class AgendaItemData:
    id: int
    uuid: str
    meeting_id: int
    position: int
    title_zh: str
    title_ru: str
    proposing_side_id: int | None
    proposing_code: str
    topic: Topic
    presenter_id: int | None
    presenter_zh: str
    presenter_ru: str
    presenter_latin: str
    day: dt.date | None
    start_time: dt.time | None
    duration_minutes: int | None
    status: AgendaStatus
    notes: str
    is_standing: bool
    carried_from_id: int | None
    materials: int = 0
    #: the version the item was read at (a save of an older copy is a conflict)
    version: int | None = None

    @property
    def number(self) -> int:
        return self.position + 1

    def title(self, lang: str) -> str:
        return pick(lang, self.title_zh, self.title_ru)

    def presenter(self, lang: str) -> str:
        return pick(lang, self.presenter_zh, self.presenter_ru, self.presenter_latin)

    @property
    def missing_title(self) -> str | None:
        """The language ("zh" or "ru") whose title is still missing while the other exists, or None."""
        if not self.title_zh:
            return "zh"
        if not self.title_ru:
            return "ru"
        return None

    @property
    def end_time(self) -> dt.time | None:
        return end_of(self.start_time, self.duration_minutes)


def end_of(start: dt.time | None, minutes: int | None) -> dt.time | None:
    if start is None or not minutes:
        return None
    total = start.hour * 60 + start.minute + minutes
    if total >= 24 * 60:
        return dt.time(23, 59)
    return dt.time(total // 60, total % 60)


@dataclass(frozen=True)
class AgendaItemForm:
    """What the agenda item dialog edits; ``id`` None for a new item."""

    meeting_id: int
    title_zh: str = ""
    title_ru: str = ""
    proposing_side_id: int | None = None
    topic: Topic | str = Topic.OTHER
    presenter_id: int | None = None
    day: dt.date | None = None
    start_time: dt.time | None = None
    duration_minutes: int | None = None
    status: AgendaStatus | str = AgendaStatus.PROPOSED
    notes: str = ""
    id: int | None = None
    #: the version the item was read at (None: no check)
    version: int | None = None


def _data(row: AgendaItem, side_code: str, person: Person | None, materials: int) -> AgendaItemData:
    return AgendaItemData(
        id=row.id,
        uuid=row.uuid,
        meeting_id=row.meeting_id,
        position=row.position,
        title_zh=row.title_zh,
        title_ru=row.title_ru,
        proposing_side_id=row.proposing_side_id,
        proposing_code=side_code or "",
        topic=Topic(row.topic),
        presenter_id=row.presenter_id,
        presenter_zh=person.name_zh if person else "",
        presenter_ru=person.name_ru if person else "",
        presenter_latin=person.name_latin if person else "",
        day=row.day,
        start_time=row.start_time,
        duration_minutes=row.duration_minutes,
        status=AgendaStatus(row.status),
        notes=row.notes,
        is_standing=row.is_standing,
        carried_from_id=row.carried_from_id,
        materials=materials,
        version=row.version,
    )


def list_items(session: Session, meeting_id: int) -> list[AgendaItemData]:
    """The agenda of a session, in order."""
    rows = session.execute(
        select(AgendaItem, Side.code, Person)
        .outerjoin(Side, AgendaItem.proposing_side_id == Side.id)
        .outerjoin(Person, AgendaItem.presenter_id == Person.id)
        .where(AgendaItem.meeting_id == meeting_id)
        .order_by(AgendaItem.position, AgendaItem.id)
    ).all()
    counts = attachments.count_by_owner(session, OWNER_KIND, [r[0].id for r in rows])
    return [_data(item, code, person, counts.get(item.id, 0)) for item, code, person in rows]


def get_item(session: Session, item_id: int) -> AgendaItemData:
    row = session.get(AgendaItem, item_id)
    if row is None:
        raise NotFoundError(N_("This agenda item no longer exists; someone may have deleted it."))
    return next(i for i in list_items(session, row.meeting_id) if i.id == item_id)


# --- validation ------------------------------------------------------------------------------


def check_slot(
    meeting: Meeting,
    day: dt.date | None,
    start_time: dt.time | None,
    minutes: int | None,
    *,
    days_before: int = 0,
    days_after: int = 0,
) -> None:
    """A time slot: a day within the session (or the margin around it), a start and a duration
    that ends the same day."""
    if day is not None:
        first = meeting.start_date - dt.timedelta(days=days_before)
        last = meeting.end_date + dt.timedelta(days=days_after)
        if not first <= day <= last:
            if days_before or days_after:
                raise ValidationError(
                    N_("The day must fall between {start} and {end}."),
                    field="day",
                    start=format_date(first),
                    end=format_date(last),
                )
            raise ValidationError(
                N_("The day must fall within the session, {start} to {end}."),
                field="day",
                start=format_date(first),
                end=format_date(last),
            )
    if start_time is not None and day is None:
        raise ValidationError(N_("Give the day of this time slot."), field="day")
    if minutes is not None:
        if not isinstance(minutes, int) or not MIN_MINUTES <= minutes <= MAX_MINUTES:
            raise ValidationError(
                N_("The duration must be between {min} minutes and {hours} hours."),
                field="duration_minutes",
                min=MIN_MINUTES,
                hours=MAX_MINUTES // 60,
            )
        if start_time is not None and start_time.hour * 60 + start_time.minute + minutes > 24 * 60:
            raise ValidationError(N_("The time slot must end by midnight."), field="duration_minutes")


def validate_item(session: Session, form: AgendaItemForm) -> AgendaItemForm:
    meeting = session.get(Meeting, form.meeting_id)
    if meeting is None:
        raise NotFoundError(N_("This session no longer exists; someone may have deleted it."))
    title_zh, title_ru = clean_text(form.title_zh), clean_text(form.title_ru)
    if not (title_zh or title_ru):
        raise ValidationError(N_("Give the title in Chinese or in Russian."), field="title_zh")
    for f, v in (("title_zh", title_zh), ("title_ru", title_ru)):
        if len(v) > MAX_TITLE:
            raise ValidationError(N_("A title cannot be longer than {n} characters."), field=f, n=MAX_TITLE)
    if form.proposing_side_id is None or session.get(Side, form.proposing_side_id) is None:
        raise ValidationError(N_("Choose the side that proposes the item."), field="proposing_side_id")
    try:
        topic = Topic(form.topic)
    except ValueError:
        raise ValidationError(N_("Choose the topic of the item."), field="topic") from None
    try:
        status = AgendaStatus(form.status)
    except ValueError:
        raise ValidationError(N_("Choose the status of the item."), field="status") from None
    if form.presenter_id is not None:
        member = session.execute(
            select(DelegationMember.id).where(
                DelegationMember.meeting_id == form.meeting_id,
                DelegationMember.person_id == form.presenter_id,
            )
        ).scalar_one_or_none()
        if member is None:
            raise ValidationError(
                N_("The presenter must be a member of one of this session's delegations."),
                field="presenter_id",
            )
    check_slot(meeting, form.day, form.start_time, form.duration_minutes)
    return replace(form, title_zh=title_zh, title_ru=title_ru, topic=topic, status=status,
                   notes=clean_text(form.notes))  # fmt: skip


_FIELDS = ("title_zh", "title_ru", "proposing_side_id", "presenter_id", "day", "start_time",
           "duration_minutes", "notes")  # fmt: skip


def _apply(row: AgendaItem, form: AgendaItemForm) -> None:
    for f in _FIELDS:
        setattr(row, f, getattr(form, f))
    row.topic = Topic(form.topic).value
    row.status = AgendaStatus(form.status).value


def _next_position(session: Session, meeting_id: int) -> int:
    return session.execute(
        select(func.coalesce(func.max(AgendaItem.position), -1) + 1).where(
            AgendaItem.meeting_id == meeting_id
        )
    ).scalar_one()


@changes(Change.AGENDA)
def add_item(session: Session, form: AgendaItemForm) -> AgendaItemData:
    """A new item at the end of the agenda."""
    form = validate_item(session, replace(form, id=None))
    row = AgendaItem(meeting_id=form.meeting_id, position=_next_position(session, form.meeting_id))
    _apply(row, form)
    session.add(row)
    session.flush()
    return get_item(session, row.id)


@changes(Change.AGENDA)
def update_item(session: Session, form: AgendaItemForm) -> AgendaItemData:
    row = session.get(AgendaItem, form.id) if form.id is not None else None
    if row is None:
        raise NotFoundError(N_("This agenda item no longer exists; someone may have deleted it."))
    form = validate_item(session, replace(form, meeting_id=row.meeting_id))
    versions.check(session, row, form.version, versions.form_values(form, row, ("id", "version", "meeting_id")))
    _apply(row, form)
    versions.flush(session)
    return get_item(session, row.id)


@changes(Change.AGENDA, Change.ATTACHMENTS)
def delete_item(session: Session, item_id: int) -> None:
    """Delete an item with its materials; the items after it move up one number."""
    row = session.get(AgendaItem, item_id)
    if row is None:
        raise NotFoundError(N_("This agenda item no longer exists; someone may have deleted it."))
    meeting_id = row.meeting_id
    attachments.remove_all(session, OWNER_KIND, item_id)
    session.delete(row)
    session.flush()
    _renumber(session, meeting_id)


def _rows(session: Session, meeting_id: int) -> list[AgendaItem]:
    return list(
        session.execute(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting_id)
            .order_by(AgendaItem.position, AgendaItem.id)
        ).scalars()
    )


def _renumber(session: Session, meeting_id: int, rows: list[AgendaItem] | None = None) -> None:
    for i, r in enumerate(rows if rows is not None else _rows(session, meeting_id)):
        if r.position != i:
            r.position = i
    session.flush()


@changes(Change.AGENDA)
def move_item(session: Session, item_id: int, to_index: int) -> list[AgendaItemData]:
    """Move an item to place ``to_index`` (0-based, clamped); the numbering follows."""
    row = session.get(AgendaItem, item_id)
    if row is None:
        raise NotFoundError(N_("This agenda item no longer exists; someone may have deleted it."))
    rows = _rows(session, row.meeting_id)
    rows.remove(row)
    to_index = max(0, min(to_index, len(rows)))
    rows.insert(to_index, row)
    _renumber(session, row.meeting_id, rows)
    return list_items(session, row.meeting_id)


def reorder(session: Session, meeting_id: int, item_ids: list[int]) -> list[AgendaItemData]:
    """Put the agenda in the order of ``item_ids`` (which must be exactly the session's items)."""
    rows = {r.id: r for r in _rows(session, meeting_id)}
    if sorted(item_ids) != sorted(rows):
        raise ValidationError(N_("The agenda changed in the meantime; reload it and try again."))
    _renumber(session, meeting_id, [rows[i] for i in item_ids])
    return list_items(session, meeting_id)


# --- carry-over --------------------------------------------------------------------------------


def add_standing_item(session: Session, meeting_id: int) -> AgendaItemData:
    """Put the standing item "report on the implementation of the previous session's decisions"
    first on the agenda (once)."""
    existing = session.execute(
        select(AgendaItem).where(AgendaItem.meeting_id == meeting_id, AgendaItem.is_standing.is_(True))
    ).scalar_one_or_none()
    if existing is not None:
        return get_item(session, existing.id)
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(N_("This session no longer exists; someone may have deleted it."))
    rows = _rows(session, meeting_id)
    row = AgendaItem(
        meeting_id=meeting_id,
        position=0,
        title_zh=STANDING_TITLE_ZH,
        title_ru=STANDING_TITLE_RU,
        proposing_side_id=meeting.host_side_id,
        topic=Topic.OTHER.value,
        status=AgendaStatus.PROPOSED.value,
        is_standing=True,
    )
    session.add(row)
    session.flush()
    _renumber(session, meeting_id, [row, *rows])
    return get_item(session, row.id)


def previous_meeting(session: Session, meeting_id: int) -> Meeting | None:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        return None
    return session.execute(
        select(Meeting).where(Meeting.ordinal < meeting.ordinal).order_by(Meeting.ordinal.desc()).limit(1)
    ).scalar_one_or_none()


def deferred_candidates(session: Session, meeting_id: int) -> list[AgendaItemData]:
    """The deferred items of the previous session that are not yet on this session's agenda."""
    prev = previous_meeting(session, meeting_id)
    if prev is None:
        return []
    carried = set(
        session.execute(
            select(AgendaItem.carried_from_id).where(
                AgendaItem.meeting_id == meeting_id, AgendaItem.carried_from_id.is_not(None)
            )
        ).scalars()
    )
    return [
        i for i in list_items(session, prev.id) if i.status is AgendaStatus.DEFERRED and i.id not in carried
    ]


@changes(Change.AGENDA, Change.ATTACHMENTS)
def copy_items(session: Session, meeting_id: int, item_ids: list[int]) -> list[AgendaItemData]:
    """Copy items of an earlier session (deferred ones) to the end of this session's agenda, with
    their materials; the time slot is left open and the presenter kept if they attend."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(N_("This session no longer exists; someone may have deleted it."))
    attending = set(
        session.execute(
            select(DelegationMember.person_id).where(DelegationMember.meeting_id == meeting_id)
        ).scalars()
    )
    added = []
    position = _next_position(session, meeting_id)
    for item_id in item_ids:
        src = session.get(AgendaItem, item_id)
        if src is None:
            raise NotFoundError(N_("This agenda item no longer exists; someone may have deleted it."))
        row = AgendaItem(
            meeting_id=meeting_id,
            position=position,
            title_zh=src.title_zh,
            title_ru=src.title_ru,
            proposing_side_id=src.proposing_side_id,
            topic=src.topic,
            presenter_id=src.presenter_id if src.presenter_id in attending else None,
            status=AgendaStatus.PROPOSED.value,
            notes=src.notes,
            carried_from_id=src.id,
        )
        session.add(row)
        session.flush()
        position += 1
        for a in session.execute(
            select(Attachment).where(Attachment.owner_kind == OWNER_KIND, Attachment.owner_id == src.id)
            .order_by(Attachment.position)
        ).scalars():  # fmt: skip
            session.add(Attachment(owner_kind=OWNER_KIND, owner_id=row.id, blob_sha256=a.blob_sha256,
                                   filename=a.filename, mime_type=a.mime_type, position=a.position))  # fmt: skip
        added.append(row.id)
    session.flush()
    return [i for i in list_items(session, meeting_id) if i.id in added]
