"""Sessions of the commission and their delegations: reading them.

(The model is called Meeting so as not to clash with a database session; the interface and the
documents say "session".)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from app.core import versions
from app.core.changes import Change, changes
from app.core.enums import DelegationRole, MeetingStatus
from app.core.errors import NotFoundError, ValidationError
from app.core.models import AgendaItem, DelegationMember, Meeting, Person, Side
from app.core.services import attachments, references
from app.core.services.text import clean, clean_text, pick, russian_locative
from app.i18n import N_, current_language, format_date


@dataclass(frozen=True)
class MeetingData:
    id: int
    uuid: str
    ordinal: int
    host_side_id: int
    host_code: str
    city_zh: str
    city_ru: str
    venue_zh: str
    venue_ru: str
    start_date: dt.date
    end_date: dt.date
    status: MeetingStatus
    notes: str = ""
    #: the version the session was read at (a save of an older copy is a conflict)
    version: int | None = None
    city_en: str = ""
    venue_en: str = ""
    #: the city as it reads after «в» ("Пекине"); empty: formed from ``city_ru``
    city_ru_in: str = ""

    def city(self, lang: str) -> str:
        return pick(lang, self.city_zh, self.city_ru, self.city_en)

    def venue(self, lang: str) -> str:
        return pick(lang, self.venue_zh, self.venue_ru, self.venue_en)

    def city_locative(self) -> str:
        """The city in Russian as a sentence needs it after «в»: "Пекине", "Москве"."""
        if self.city_ru_in:
            return self.city_ru_in
        return russian_locative(self.city_ru or self.city_zh)


@dataclass(frozen=True)
class MemberData:
    id: int
    meeting_id: int
    side_id: int
    person_id: int
    role: DelegationRole
    position: int
    name_zh: str
    name_ru: str
    name_latin: str
    position_zh: str
    position_ru: str
    organisation_zh: str
    organisation_ru: str
    #: The version the member was read at (a change of role against it refuses a stale save).
    version: int | None = None

    def name(self, lang: str) -> str:
        return pick(lang, self.name_zh, self.name_ru, self.name_latin)

    def job(self, lang: str) -> str:
        return pick(lang, self.position_zh, self.position_ru)


def meeting_data(row: Meeting) -> MeetingData:
    return MeetingData(
        id=row.id,
        uuid=row.uuid,
        ordinal=row.ordinal,
        host_side_id=row.host_side_id,
        host_code=row.host_side.code,
        city_zh=row.city_zh,
        city_ru=row.city_ru,
        venue_zh=row.venue_zh,
        venue_ru=row.venue_ru,
        city_en=row.city_en,
        venue_en=row.venue_en,
        city_ru_in=row.city_ru_in,
        start_date=row.start_date,
        end_date=row.end_date,
        status=MeetingStatus(row.status),
        notes=row.notes,
        version=row.version,
    )


def list_meetings(session: Session, *, newest_first: bool = True) -> list[MeetingData]:
    order = Meeting.start_date.desc() if newest_first else Meeting.start_date.asc()
    rows = session.execute(
        select(Meeting).options(joinedload(Meeting.host_side)).order_by(order, Meeting.ordinal)
    )
    return [meeting_data(r) for r in rows.scalars()]


def get_meeting(session: Session, meeting_id: int) -> MeetingData:
    row = session.get(Meeting, meeting_id)
    if row is None:
        raise NotFoundError(N_("This session no longer exists; someone may have deleted it."))
    return meeting_data(row)


def meeting_by_ordinal(session: Session, ordinal: int) -> MeetingData:
    row = session.execute(select(Meeting).where(Meeting.ordinal == ordinal)).scalar_one_or_none()
    if row is None:
        raise NotFoundError(N_("There is no session number {number}."), number=ordinal)
    return meeting_data(row)


def members(session: Session, meeting_id: int, side_id: int | None = None) -> list[MemberData]:
    """The delegation members of a session (of one side, or both), heads first."""
    stmt = (
        select(DelegationMember, Person)
        .join(Person, DelegationMember.person_id == Person.id)
        .where(DelegationMember.meeting_id == meeting_id)
    )
    if side_id is not None:
        stmt = stmt.where(DelegationMember.side_id == side_id)
    order = list(DelegationRole)
    rows = [
        MemberData(
            id=m.id,
            meeting_id=m.meeting_id,
            side_id=m.side_id,
            person_id=m.person_id,
            role=DelegationRole(m.role),
            position=m.position,
            name_zh=p.name_zh,
            name_ru=p.name_ru,
            name_latin=p.name_latin,
            position_zh=p.position_zh,
            position_ru=p.position_ru,
            organisation_zh=p.organisation_zh,
            organisation_ru=p.organisation_ru,
            version=m.version,
        )
        for m, p in session.execute(stmt)
    ]
    rows.sort(key=lambda r: (r.side_id, order.index(r.role), r.position, r.id))
    return rows


def heads(session: Session, meeting_id: int) -> dict[int, MemberData]:
    """{side id: head of that side's delegation} for the sides that have one."""
    return {m.side_id: m for m in members(session, meeting_id) if m.role is DelegationRole.HEAD}


# --- writing sessions ------------------------------------------------------------------------

#: The order a session's status moves through.
STATUS_ORDER = list(MeetingStatus)
#: The longest session the app accepts, in days.
MAX_DAYS = 31
#: Tables that go with a session when it is deleted (the database cascades them).
_OWNED_TABLES = {"delegation_members", "agenda_items", "schedule_events", "meeting_deadlines"}


def status_rank(status: MeetingStatus | str) -> int:
    return STATUS_ORDER.index(MeetingStatus(status))


@dataclass(frozen=True)
class MeetingForm:
    """What the session dialog edits; ``id`` None for a new session."""

    ordinal: int | None = None
    host_side_id: int | None = None
    city_zh: str = ""
    city_ru: str = ""
    venue_zh: str = ""
    venue_ru: str = ""
    city_en: str = ""
    venue_en: str = ""
    city_ru_in: str = ""
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    status: MeetingStatus | str = MeetingStatus.PLANNED
    notes: str = ""
    id: int | None = None
    #: the version the session was read at (None: no check)
    version: int | None = None


#: the names of a session's city and venue
_PLACES = ("city_zh", "city_ru", "city_en", "city_ru_in", "venue_zh", "venue_ru", "venue_en")


def next_ordinal(session: Session) -> int:
    return (session.execute(select(func.max(Meeting.ordinal))).scalar_one() or 0) + 1


def validate_meeting(session: Session, form: MeetingForm) -> MeetingForm:
    """The cleaned form, or a ValidationError naming the first bad field."""

    if form.ordinal is None or not isinstance(form.ordinal, int) or not 1 <= form.ordinal <= 999:
        raise ValidationError(N_("The session number must be a whole number from 1 to 999."), field="ordinal")
    clash = session.execute(
        select(Meeting.id).where(Meeting.ordinal == form.ordinal, Meeting.id != (form.id or -1))
    ).scalar_one_or_none()
    if clash is not None:
        raise ValidationError(
            N_("There is already a session number {number}."), field="ordinal", number=form.ordinal
        )
    if form.host_side_id is None or session.get(Side, form.host_side_id) is None:
        raise ValidationError(N_("Choose the host side."), field="host_side_id")
    values = {f: clean(getattr(form, f)) for f in _PLACES}
    if not values["city_zh"]:
        raise ValidationError(N_("Give the city in Chinese."), field="city_zh")
    if not values["city_ru"]:
        raise ValidationError(N_("Give the city in Russian."), field="city_ru")
    for f, v in values.items():
        if len(v) > (200 if f.startswith("city") else 300):
            raise ValidationError(N_("This field is too long."), field=f)
    if form.start_date is None:
        raise ValidationError(N_("Give the opening day."), field="start_date")
    if form.end_date is None:
        raise ValidationError(N_("Give the closing day."), field="end_date")
    if form.end_date < form.start_date:
        raise ValidationError(N_("The session cannot end before it opens."), field="end_date")
    if (form.end_date - form.start_date).days + 1 > MAX_DAYS:
        raise ValidationError(N_("A session lasts at most {days} days."), field="end_date", days=MAX_DAYS)
    try:
        status = MeetingStatus(form.status)
    except ValueError:
        raise ValidationError(N_("Choose the status of the session."), field="status") from None
    if form.id is not None:
        outside = (
            session.execute(
                select(AgendaItem.position)
                .where(AgendaItem.meeting_id == form.id, AgendaItem.day.is_not(None))
                .where((AgendaItem.day < form.start_date) | (AgendaItem.day > form.end_date))
                .order_by(AgendaItem.position)
            )
            .scalars()
            .all()
        )
        if outside:
            raise ValidationError(
                N_("Agenda items {numbers} are scheduled outside {start} – {end}; move them first."),
                field="start_date",
                numbers=", ".join(str(p + 1) for p in outside),
                start=format_date(form.start_date),
                end=format_date(form.end_date),
            )
    return MeetingForm(
        ordinal=form.ordinal,
        host_side_id=form.host_side_id,
        start_date=form.start_date,
        end_date=form.end_date,
        status=status,
        notes=clean_text(form.notes),
        id=form.id,
        version=form.version,
        **values,
    )


#: What the session dialog writes.
_APPLIED = ("ordinal", "host_side_id", *_PLACES, "start_date", "end_date", "notes")


def _apply(row: Meeting, form: MeetingForm) -> None:
    for f in _APPLIED:
        setattr(row, f, getattr(form, f))
    row.status = MeetingStatus(form.status).value


@changes(Change.MEETINGS, Change.AGENDA)
def create_meeting(session: Session, form: MeetingForm, *, standing_item: bool = True) -> MeetingData:
    """A new session; with ``standing_item``, its agenda opens with the report on the previous
    session's decisions."""
    form = validate_meeting(session, replace(form, id=None))
    row = Meeting()
    _apply(row, form)
    session.add(row)
    session.flush()
    if standing_item:
        from app.core.services.agenda import items as agenda

        agenda.add_standing_item(session, row.id)
    session.refresh(row)
    return meeting_data(row)


@changes(Change.MEETINGS, Change.AGENDA)
def update_meeting(session: Session, form: MeetingForm) -> MeetingData:
    row = session.get(Meeting, form.id) if form.id is not None else None
    if row is None:
        raise NotFoundError(N_("This session no longer exists; someone may have deleted it."))
    form = validate_meeting(session, form)
    versions.check(session, row, form.version, versions.values(form, (*_APPLIED, "status")))
    from app.core.services.agenda import schedule

    schedule.check_events_fit(session, row.id, form.start_date, form.end_date)
    _apply(row, form)
    versions.flush(session)
    session.refresh(row)
    return meeting_data(row)


@changes(Change.MEETINGS, Change.AGENDA, Change.ATTACHMENTS)
def delete_meeting(session: Session, meeting_id: int) -> None:
    """Delete a session with its delegations, agenda, programme and materials; refused while
    other registers (decisions, expenses…) still refer to it."""
    row = session.get(Meeting, meeting_id)
    if row is None:
        raise NotFoundError(N_("This session no longer exists; someone may have deleted it."))
    refs = {t: n for t, n in references.referencing(session, "meetings", meeting_id).items()
            if t not in _OWNED_TABLES}  # fmt: skip
    if refs:
        raise ValidationError(
            N_("Session {number} cannot be deleted: it is still referred to in {places}."),
            number=row.ordinal,
            places=references.describe(refs),
        )
    item_ids = (
        session.execute(select(AgendaItem.id).where(AgendaItem.meeting_id == meeting_id)).scalars().all()
    )
    attachments.remove_all(session, "agenda_item", list(item_ids))
    session.delete(row)
    session.flush()


# --- delegations -----------------------------------------------------------------------------


def _side_name(session: Session, side_id: int) -> str:
    side = session.get(Side, side_id)
    if side is None:
        return "?"
    return pick(current_language(), side.name_short_zh, side.name_short_ru, side.name_short_en) or side.code


def _check_head(session: Session, meeting_id: int, side_id: int, role: DelegationRole, member_id=None):
    if role is not DelegationRole.HEAD:
        return
    for m in members(session, meeting_id, side_id):
        if m.role is DelegationRole.HEAD and m.id != member_id:
            raise ValidationError(
                N_("The delegation of {side} already has a head: {name}."),
                field="role",
                side=_side_name(session, side_id),
                name=m.name(current_language()),
            )


def _role(role: DelegationRole | str | None) -> DelegationRole:
    try:
        return DelegationRole(role)
    except ValueError:
        raise ValidationError(N_("Choose the role in the delegation."), field="role") from None


@changes(Change.MEETINGS)
def add_member(
    session: Session, meeting_id: int, side_id: int, person_id: int | None, role: DelegationRole | str
) -> MemberData:
    """Put a person of ``side_id`` in that side's delegation to the session."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(N_("This session no longer exists; someone may have deleted it."))
    person = session.get(Person, person_id) if person_id is not None else None
    if person is None:
        raise ValidationError(N_("Choose a person from the People register."), field="person_id")
    name = pick(current_language(), person.name_zh, person.name_ru, person.name_latin)
    if person.side_id != side_id:
        raise ValidationError(
            N_("{name} belongs to the other side and cannot sit in this delegation."),
            field="person_id",
            name=name,
        )
    already = session.execute(
        select(DelegationMember.id).where(
            DelegationMember.meeting_id == meeting_id, DelegationMember.person_id == person_id
        )
    ).scalar_one_or_none()
    if already is not None:
        raise ValidationError(
            N_("{name} is already in a delegation to this session."), field="person_id", name=name
        )
    role = _role(role)
    _check_head(session, meeting_id, side_id, role)
    position = session.execute(
        select(func.coalesce(func.max(DelegationMember.position), -1) + 1).where(
            DelegationMember.meeting_id == meeting_id, DelegationMember.side_id == side_id
        )
    ).scalar_one()
    row = DelegationMember(
        meeting_id=meeting_id, side_id=side_id, person_id=person_id, role=role.value, position=position
    )
    session.add(row)
    session.flush()
    return next(m for m in members(session, meeting_id) if m.id == row.id)


@changes(Change.MEETINGS)
def set_member_role(
    session: Session, member_id: int, role: DelegationRole | str, version: int | None = None
) -> MemberData:
    """Change a member's role; ``version``, the one the member was read at, refuses a stale save."""
    row = session.get(DelegationMember, member_id)
    if row is None:
        raise NotFoundError(N_("This delegation member no longer exists."))
    role = _role(role)
    versions.check(session, row, version, {"role": role}, {"role": DelegationRole(row.role)})
    _check_head(session, row.meeting_id, row.side_id, role, member_id)
    row.role = role.value
    versions.flush(session)
    return next(m for m in members(session, row.meeting_id) if m.id == row.id)


@changes(Change.MEETINGS)
def remove_member(session: Session, member_id: int) -> None:
    """Take a person out of a delegation; refused while they present an agenda item."""
    row = session.get(DelegationMember, member_id)
    if row is None:
        raise NotFoundError(N_("This delegation member no longer exists."))
    presents = (
        session.execute(
            select(AgendaItem.position)
            .where(AgendaItem.meeting_id == row.meeting_id, AgendaItem.presenter_id == row.person_id)
            .order_by(AgendaItem.position)
        )
        .scalars()
        .all()
    )
    if presents:
        p = row.person
        raise ValidationError(
            N_("{name} presents agenda items {numbers}; choose another presenter for them first."),
            name=pick(current_language(), p.name_zh, p.name_ru, p.name_latin),
            numbers=", ".join(str(n + 1) for n in presents),
        )
    session.delete(row)
    session.flush()


def check_heads(session: Session, meeting_id: int) -> dict[int, MemberData]:
    """{side id: head} when each side's delegation has exactly one head; else a ValidationError."""

    found = heads(session, meeting_id)
    for side in session.execute(select(Side).order_by(Side.position)).scalars():
        if side.id not in found:
            raise ValidationError(
                N_("The delegation of {side} has no head; each delegation needs exactly one head before "
                   "the memorandum is issued."),
                field="heads",
                side=_side_name(session, side.id),
            )  # fmt: skip
    return found
