"""Everything a person has done for the commission: delegations to sessions, assignments, and the
agenda items they presented, newest first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.enums import AgendaStatus, DelegationRole, LabeledEnum
from app.core.errors import NotFoundError
from app.core.models import AgendaItem, DelegationMember, Meeting, Person
from app.core.models.experts import Assignment, AssignmentPurpose, AssignmentStatus, assignment_people
from app.core.services.text import pick
from app.i18n import N_, _, wording


class HistoryKind(LabeledEnum):
    DELEGATION = "delegation", N_("Delegation")
    ASSIGNMENT = "assignment", N_("Assignment")
    PRESENTATION = "presentation", N_("Presentation")


@dataclass(frozen=True)
class HistoryEntry:
    kind: HistoryKind
    start: dt.date | None
    end: dt.date | None
    #: what: the session's city, the host organisation, the agenda item's title (zh, ru)
    what_zh: str
    what_ru: str
    #: the role, purpose or status, as an enum shown with its label
    role: LabeledEnum | None
    status: LabeledEnum | None
    #: the session's ordinal (delegations, presentations) or the assignment's id
    meeting_ordinal: int | None = None
    assignment_id: int | None = None
    #: what, in English where the places have English names (else the English screens show Russian)
    what_en: str = ""

    def what(self, lang: str) -> str:
        return pick(lang, self.what_zh, self.what_ru, self.what_en)

    def describe(self, lang: str) -> str:
        text = self.what(lang)
        if self.meeting_ordinal is not None and self.kind is not HistoryKind.ASSIGNMENT:
            text = _("{session}: {what}").format(session=wording.session_name(self.meeting_ordinal), what=text)
        return text


@dataclass(frozen=True)
class PersonHistory:
    person_id: int
    name_zh: str
    name_ru: str
    name_latin: str
    entries: tuple[HistoryEntry, ...]

    def name(self, lang: str) -> str:
        return pick(lang, self.name_zh, self.name_ru, self.name_latin)


def person_history(session: Session, person_id: int) -> PersonHistory:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(N_("This person no longer exists; someone may have deleted them."))
    entries: list[HistoryEntry] = []
    for m, meeting in session.execute(
        select(DelegationMember, Meeting)
        .join(Meeting, Meeting.id == DelegationMember.meeting_id)
        .where(DelegationMember.person_id == person_id)
    ):
        entries.append(
            HistoryEntry(
                HistoryKind.DELEGATION,
                meeting.start_date,
                meeting.end_date,
                f"{meeting.city_zh}（{meeting.venue_zh}）" if meeting.venue_zh else meeting.city_zh,
                f"{meeting.city_ru} ({meeting.venue_ru})" if meeting.venue_ru else meeting.city_ru,
                DelegationRole(m.role),
                None,
                meeting_ordinal=meeting.ordinal,
                what_en=(f"{meeting.city_en} ({meeting.venue_en})" if meeting.venue_en else meeting.city_en),
            )
        )
    for a in session.execute(
        select(Assignment)
        .join(assignment_people, assignment_people.c.assignment_id == Assignment.id)
        .where(assignment_people.c.person_id == person_id)
    ).scalars():
        place_zh = f"，{a.place_zh}" if a.place_zh else ""
        place_ru = f", {a.place_ru}" if a.place_ru else ""
        place_en = f", {a.place_en}" if a.place_en else ""
        entries.append(
            HistoryEntry(
                HistoryKind.ASSIGNMENT,
                a.start_date,
                a.end_date,
                f"{a.host_organisation_zh or a.host_organisation_ru}{place_zh}",
                f"{a.host_organisation_ru or a.host_organisation_zh}{place_ru}",
                AssignmentPurpose(a.purpose),
                AssignmentStatus(a.status),
                assignment_id=a.id,
                what_en=f"{a.host_organisation_ru or a.host_organisation_zh}{place_en}" if place_en else "",
            )
        )
    for item, meeting in session.execute(
        select(AgendaItem, Meeting)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(AgendaItem.presenter_id == person_id)
    ):
        day = item.day or meeting.start_date
        entries.append(
            HistoryEntry(
                HistoryKind.PRESENTATION,
                day,
                day,
                item.title_zh,
                item.title_ru,
                None,
                AgendaStatus(item.status),
                meeting_ordinal=meeting.ordinal,
            )
        )
    entries.sort(key=lambda e: (e.start or dt.date.min, list(HistoryKind).index(e.kind)), reverse=True)
    return PersonHistory(person.id, person.name_zh, person.name_ru, person.name_latin, tuple(entries))
