"""Sessions of the commission and their delegations: reading them.

(The model is called Meeting so as not to clash with a database session; the interface and the
documents say "session".)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.core.enums import DelegationRole, MeetingStatus
from app.core.errors import NotFoundError
from app.core.models import DelegationMember, Meeting, Person
from app.core.services.text import pick
from app.i18n import N_


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

    def city(self, lang: str) -> str:
        return pick(lang, self.city_zh, self.city_ru)

    def venue(self, lang: str) -> str:
        return pick(lang, self.venue_zh, self.venue_ru)


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
        start_date=row.start_date,
        end_date=row.end_date,
        status=MeetingStatus(row.status),
        notes=row.notes,
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
        )
        for m, p in session.execute(stmt)
    ]
    rows.sort(key=lambda r: (r.side_id, order.index(r.role), r.position, r.id))
    return rows


def heads(session: Session, meeting_id: int) -> dict[int, MemberData]:
    """{side id: head of that side's delegation} for the sides that have one."""
    return {m.side_id: m for m in members(session, meeting_id) if m.role is DelegationRole.HEAD}
