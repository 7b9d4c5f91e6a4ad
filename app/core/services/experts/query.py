"""Reading the experts register page by page: the assignments table, the timeline (one row per
person), the list of people on site in a period, and the choices the forms offer.

Everything filters and sorts in SQL, so a register of tens of thousands of assignments answers as
fast as a small one: the table fetches one page, the timeline the rows on screen.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session

from app.core.models import Decision, Meeting, Person, Side
from app.core.models.base import like_pattern
from app.core.models.experts import (
    Assignment,
    AssignmentPurpose,
    AssignmentStatus,
    assignment_people,
)
from app.core.services.experts.assignments import PersonRef
from app.core.services.text import pick
from app.i18n import pgettext

S = AssignmentStatus
#: The status filter "active": not completed, not cancelled.
ACTIVE = "active"


@dataclass(frozen=True)
class AssignmentFilter:
    """What the Experts tab shows. ``status`` is a status value or "active"; the period keeps the
    assignments that share at least one day with it."""

    sending_side_id: int | None = None
    purpose: str | None = None
    status: str | None = None
    period_from: dt.date | None = None
    period_to: dt.date | None = None
    meeting_id: int | None = None
    quota_id: int | None = None
    person_id: int | None = None
    text: str = ""


@dataclass(frozen=True)
class AssignmentRow:
    """One line of the assignments table."""

    id: int
    status: AssignmentStatus
    purpose: AssignmentPurpose
    sending_side_id: int
    sending_code: str
    receiving_code: str
    host_organisation_zh: str
    host_organisation_ru: str
    place_zh: str
    place_ru: str
    place_en: str
    speciality_zh: str
    speciality_ru: str
    planned_start: dt.date
    planned_end: dt.date | None
    actual_start: dt.date | None
    actual_end: dt.date | None
    start_date: dt.date
    end_date: dt.date
    term_end: dt.date
    term_limit_days: int
    extension_days: int
    head_count: int
    meeting_ordinal: int | None
    quota_id: int | None
    people: tuple[PersonRef, ...] = ()

    def names(self, lang: str) -> str:
        return pgettext("list separator", ", ").join(p.name(lang) for p in self.people)

    def host_organisation(self, lang: str) -> str:
        return pick(lang, self.host_organisation_zh, self.host_organisation_ru)

    def place(self, lang: str) -> str:
        return pick(lang, self.place_zh, self.place_ru, self.place_en)

    def speciality(self, lang: str) -> str:
        return pick(lang, self.speciality_zh, self.speciality_ru)


def _where(stmt, f: AssignmentFilter):
    if f.sending_side_id is not None:
        stmt = stmt.where(Assignment.sending_side_id == f.sending_side_id)
    if f.purpose:
        stmt = stmt.where(Assignment.purpose == f.purpose)
    if f.status == ACTIVE:
        stmt = stmt.where(Assignment.status.not_in([S.COMPLETED.value, S.CANCELLED.value]))
    elif f.status:
        stmt = stmt.where(Assignment.status == f.status)
    if f.period_to is not None:
        stmt = stmt.where(Assignment.start_date <= f.period_to)
    if f.period_from is not None:
        stmt = stmt.where(Assignment.end_date >= f.period_from)
    if f.meeting_id is not None:
        # the session it comes from, directly or through its decision
        stmt = stmt.where(
            or_(
                Assignment.meeting_id == f.meeting_id,
                Assignment.decision_id.in_(select(Decision.id).where(Decision.meeting_id == f.meeting_id)),
            )
        )
    if f.quota_id is not None:
        stmt = stmt.where(Assignment.quota_id == f.quota_id)
    if f.person_id is not None:
        stmt = stmt.where(
            exists().where(
                and_(
                    assignment_people.c.assignment_id == Assignment.id,
                    assignment_people.c.person_id == f.person_id,
                )
            )
        )
    if f.text and f.text.strip():
        stmt = stmt.where(Assignment.search_text.like(like_pattern(f.text), escape="\\"))
    return stmt


@functools.cache
def _sort_columns(lang: str):
    org = Assignment.host_organisation_zh if lang.startswith("zh") else Assignment.host_organisation_ru
    place = Assignment.place_zh if lang.startswith("zh") else Assignment.place_ru
    spec = Assignment.speciality_zh if lang.startswith("zh") else Assignment.speciality_ru
    return {
        "status": Assignment.status,
        "purpose": Assignment.purpose,
        "direction": Assignment.sending_side_id,
        "organisation": org,
        "place": place,
        "speciality": spec,
        "start": Assignment.start_date,
        "end": Assignment.end_date,
        "planned_start": Assignment.planned_start,
        "planned_end": Assignment.planned_end,
        "actual_start": Assignment.actual_start,
        "actual_end": Assignment.actual_end,
        "term": Assignment.term_limit_days,
        "term_end": Assignment.term_end,
        "people": (
            select(func.min(Person.name_zh if lang.startswith("zh") else Person.name_ru))
            .join(assignment_people, assignment_people.c.person_id == Person.id)
            .where(assignment_people.c.assignment_id == Assignment.id)
            .scalar_subquery()
        ),
        "count": Assignment.head_count,
        "session": Meeting.ordinal,
    }


def count_assignments(session: Session, f: AssignmentFilter) -> int:
    return session.execute(_where(select(func.count()).select_from(Assignment), f)).scalar_one()  # count(*): no column read


def people_of(session: Session, assignment_ids: list[int]) -> dict[int, list[PersonRef]]:
    """The people of each assignment, for one page of rows."""
    out: dict[int, list[PersonRef]] = defaultdict(list)
    if not assignment_ids:
        return out
    rows = session.execute(
        select(assignment_people.c.assignment_id, Person.id, Person.side_id, Person.name_zh, Person.name_ru,
               Person.name_latin)
        .join(Person, Person.id == assignment_people.c.person_id)
        .where(assignment_people.c.assignment_id.in_(assignment_ids))
        .order_by(assignment_people.c.assignment_id, Person.name_ru)
    )  # fmt: skip
    for aid, pid, side_id, zh, ru, lat in rows:
        out[aid].append(PersonRef(pid, side_id, zh, ru, lat))
    return out


#: The columns of a table row
_ROW_COLUMNS = tuple(
    getattr(Assignment, name)
    for name in ("id", "status", "purpose", "sending_side_id", "host_organisation_zh", "host_organisation_ru",
                 "place_zh", "place_ru", "place_en", "speciality_zh", "speciality_ru", "planned_start",
                 "planned_end", "actual_start", "actual_end", "start_date", "end_date", "term_end",
                 "term_limit_days", "extension_days", "head_count", "quota_id")
)  # fmt: skip


_SENDING = Side.__table__.alias("sending")
_RECEIVING = Side.__table__.alias("receiving")


@functools.cache
def _page_select():
    """The columns and joins of a page of the table, made once; each page adds the rest."""
    return (
        select(*_ROW_COLUMNS, _SENDING.c.code, _RECEIVING.c.code, Meeting.ordinal)
        .join(_SENDING, _SENDING.c.id == Assignment.sending_side_id)
        .join(_RECEIVING, _RECEIVING.c.id == Assignment.receiving_side_id)
        .outerjoin(Meeting, Meeting.id == Assignment.meeting_id)
    )


def search_assignments(
    session: Session,
    f: AssignmentFilter,
    *,
    sort: str | None = None,
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
    lang: str = "ru",
) -> list[AssignmentRow]:
    column = _sort_columns(lang).get(sort or "", Assignment.start_date)
    stmt = (
        _where(_page_select(), f).order_by(column.desc() if descending else column.asc(), Assignment.id).offset(offset)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    rows = session.execute(stmt).all()  # columns, no ORM object per row (issue 18)
    people = people_of(session, [r[0] for r in rows])
    # by position (a row's attributes by name cost more than building the row)
    return [
        AssignmentRow(
            aid, S(status), AssignmentPurpose(purpose), sending_side_id, scode, rcode, org_zh, org_ru, place_zh,
            place_ru, place_en, spec_zh, spec_ru, planned_start, planned_end, actual_start, actual_end, start_date,
            end_date, term_end, term_limit_days, extension_days, head_count, ordinal, quota_id,
            tuple(people.get(aid, ())),
        )
        for (aid, status, purpose, sending_side_id, org_zh, org_ru, place_zh, place_ru, place_en, spec_zh, spec_ru,
             planned_start, planned_end, actual_start, actual_end, start_date, end_date, term_end, term_limit_days,
             extension_days, head_count, quota_id, scode, rcode, ordinal) in rows
    ]  # fmt: skip


# --- the timeline -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelinePerson:
    id: int
    side_id: int
    name_zh: str
    name_ru: str
    name_latin: str

    def name(self, lang: str) -> str:
        return pick(lang, self.name_zh, self.name_ru, self.name_latin)


@dataclass(frozen=True)
class Bar:
    assignment_id: int
    person_id: int
    start: dt.date
    end: dt.date
    term_end: dt.date
    status: AssignmentStatus
    purpose: AssignmentPurpose
    host_organisation_zh: str
    host_organisation_ru: str
    place_zh: str
    place_ru: str
    place_en: str

    def host_organisation(self, lang: str) -> str:
        return pick(lang, self.host_organisation_zh, self.host_organisation_ru)

    def place(self, lang: str) -> str:
        return pick(lang, self.place_zh, self.place_ru, self.place_en)


def timeline_people(session: Session, f: AssignmentFilter, lang: str = "ru") -> list[TimelinePerson]:
    """Everyone with at least one assignment the filter keeps (the period bounds it), by name."""
    ids = _where(
        select(assignment_people.c.person_id).join(
            Assignment, Assignment.id == assignment_people.c.assignment_id
        ),
        f,
    )
    order = Person.name_zh if lang.startswith("zh") else Person.name_ru
    rows = session.execute(
        select(Person.id, Person.side_id, Person.name_zh, Person.name_ru, Person.name_latin)
        .where(Person.id.in_(ids))
        .order_by(Person.side_id, order, Person.id)
    )
    return [TimelinePerson(*r) for r in rows]


def timeline_bars(session: Session, person_ids: list[int], f: AssignmentFilter) -> dict[int, list[Bar]]:
    """The bars of some people (those on screen), as the filter keeps them."""
    out: dict[int, list[Bar]] = defaultdict(list)
    if not person_ids:
        return out
    stmt = _where(
        select(
            Assignment.id, assignment_people.c.person_id, Assignment.start_date, Assignment.end_date,
            Assignment.term_end, Assignment.status, Assignment.purpose, Assignment.host_organisation_zh,
            Assignment.host_organisation_ru, Assignment.place_zh, Assignment.place_ru, Assignment.place_en,
        ).join(assignment_people, assignment_people.c.assignment_id == Assignment.id)
        .where(assignment_people.c.person_id.in_(person_ids)),
        f,
    ).order_by(Assignment.start_date)  # fmt: skip
    for aid, pid, start, end, tend, status, purpose, ozh, oru, pzh, pru, pen in session.execute(stmt):
        out[pid].append(
            Bar(aid, pid, start, end, tend, S(status), AssignmentPurpose(purpose), ozh, oru, pzh, pru, pen)
        )
    return out


# --- the list of people on site in a period ---------------------------------------------------------


#: The statuses of people who are, or are expected, on site: the hosts' services need both.
ON_SITE_LIST_STATUSES = (S.ACCEPTED, S.TRAVEL_ARRANGED, S.ON_SITE, S.COMPLETED)


@dataclass(frozen=True)
class OnSiteEntry:
    person: TimelinePerson
    person_organisation_zh: str
    person_organisation_ru: str
    person_position_zh: str
    person_position_ru: str
    sending_side_id: int
    receiving_side_id: int
    purpose: AssignmentPurpose
    status: AssignmentStatus
    speciality_zh: str
    speciality_ru: str
    host_organisation_zh: str
    host_organisation_ru: str
    place_zh: str
    place_ru: str
    place_en: str
    start: dt.date
    end: dt.date
    assignment_id: int


def on_site_list(session: Session, date_from: dt.date, date_to: dt.date) -> list[OnSiteEntry]:
    """Everyone expected or staying on site between two dates (both included), by host side,
    place and name."""
    stmt = (
        select(Assignment, Person)
        .join(assignment_people, assignment_people.c.assignment_id == Assignment.id)
        .join(Person, Person.id == assignment_people.c.person_id)
        .where(
            Assignment.status.in_([s.value for s in ON_SITE_LIST_STATUSES]),
            Assignment.start_date <= date_to,
            Assignment.end_date >= date_from,
        )
        .order_by(Assignment.receiving_side_id, Assignment.place_ru, Assignment.host_organisation_ru,
                  Person.name_ru, Assignment.start_date)
    )  # fmt: skip
    return [
        OnSiteEntry(
            person=TimelinePerson(p.id, p.side_id, p.name_zh, p.name_ru, p.name_latin),
            person_organisation_zh=p.organisation_zh,
            person_organisation_ru=p.organisation_ru,
            person_position_zh=p.position_zh,
            person_position_ru=p.position_ru,
            sending_side_id=a.sending_side_id,
            receiving_side_id=a.receiving_side_id,
            purpose=AssignmentPurpose(a.purpose),
            status=S(a.status),
            speciality_zh=a.speciality_zh,
            speciality_ru=a.speciality_ru,
            host_organisation_zh=a.host_organisation_zh,
            host_organisation_ru=a.host_organisation_ru,
            place_zh=a.place_zh,
            place_ru=a.place_ru,
            place_en=a.place_en,
            start=a.start_date,
            end=a.end_date,
            assignment_id=a.id,
        )
        for a, p in session.execute(stmt)
    ]


# --- choices for the forms --------------------------------------------------------------------------


@dataclass(frozen=True)
class DecisionRef:
    id: int
    meeting_id: int
    meeting_ordinal: int
    number: int
    text_zh: str
    text_ru: str

    def text(self, lang: str) -> str:
        return pick(lang, self.text_zh, self.text_ru)


def decision_choices(session: Session) -> list[DecisionRef]:
    rows = session.execute(
        select(Decision.id, Decision.meeting_id, Meeting.ordinal, Decision.number, Decision.text_zh, Decision.text_ru)
        .join(Meeting, Meeting.id == Decision.meeting_id)
        .order_by(Meeting.ordinal, Decision.number)
    )  # fmt: skip
    return [DecisionRef(*r) for r in rows]
