"""The plain data of the experts register: assignments, their steps and people, as the services
hand them out (never live ORM objects)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.core.models import Person
from app.core.models.experts import Assignment, AssignmentPurpose, AssignmentStatus, AssignmentStep
from app.core.services.experts.dates import term_end
from app.core.services.experts.fields import MULTILINE_FIELDS, TEXT_FIELDS  # noqa: F401
from app.core.services.text import pick
from app.i18n import pgettext

OWNER_KIND = "assignment"
S = AssignmentStatus


@dataclass(frozen=True)
class PersonRef:
    id: int
    side_id: int
    name_zh: str = ""
    name_ru: str = ""
    name_latin: str = ""

    def name(self, lang: str) -> str:
        return pick(lang, self.name_zh, self.name_ru, self.name_latin)


def person_ref(p: Person) -> PersonRef:
    return PersonRef(p.id, p.side_id, p.name_zh, p.name_ru, p.name_latin)


@dataclass(frozen=True)
class StepData:
    """A step of the procedure: what the user enters, and what a stored step reads back as."""

    status: AssignmentStatus | str
    date: dt.date | None = None
    sending_person_id: int | None = None
    sending_text: str = ""
    receiving_person_id: int | None = None
    receiving_text: str = ""
    reason: str = ""
    id: int | None = None
    skipped: tuple[AssignmentStatus, ...] = ()
    sending_person: PersonRef | None = None
    receiving_person: PersonRef | None = None

    def handler(self, which: str, lang: str) -> str:
        """Who handled the step on the "sending" or the "receiving" side."""
        person = self.sending_person if which == "sending" else self.receiving_person
        text = self.sending_text if which == "sending" else self.receiving_text
        parts = [person.name(lang)] if person else []
        if text:
            parts.append(text)
        # TRANSLATORS: separates the items of an inline list ("delegations (2), agenda items (1)").
        return pgettext("list separator", ", ").join(parts)


@dataclass(frozen=True)
class OverrideData:
    code: str
    key: str
    message: str
    reason: str
    date: dt.date


@dataclass(frozen=True)
class AssignmentData:
    sending_side_id: int | None = None
    receiving_side_id: int | None = None
    person_ids: tuple[int, ...] = ()
    purpose: AssignmentPurpose | str | None = None
    host_organisation_zh: str = ""
    host_organisation_ru: str = ""
    place_zh: str = ""
    place_ru: str = ""
    place_en: str = ""
    speciality_zh: str = ""
    speciality_ru: str = ""
    planned_start: dt.date | None = None
    planned_end: dt.date | None = None
    actual_start: dt.date | None = None
    actual_end: dt.date | None = None
    term_limit_days: int | None = None
    extension_days: int = 0
    extension_reason: str = ""
    terms_zh: str = ""
    terms_ru: str = ""
    meeting_id: int | None = None
    decision_id: int | None = None
    quota_id: int | None = None
    notes: str = ""
    # read back only
    id: int | None = None
    uuid: str = ""
    status: AssignmentStatus = AssignmentStatus.PROPOSED
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    term_end: dt.date | None = None
    people: tuple[PersonRef, ...] = ()
    steps: tuple[StepData, ...] = ()
    overrides: tuple[OverrideData, ...] = ()
    #: the version the assignment was read at (a save of an older copy is a conflict)
    version: int | None = None

    def host_organisation(self, lang: str) -> str:
        return pick(lang, self.host_organisation_zh, self.host_organisation_ru)

    def place(self, lang: str) -> str:
        return pick(lang, self.place_zh, self.place_ru, self.place_en)

    def speciality(self, lang: str) -> str:
        return pick(lang, self.speciality_zh, self.speciality_ru)

    def names(self, lang: str) -> str:
        sep = pgettext("list separator", ", ")
        return sep.join(p.name(lang) for p in self.people)

    @property
    def term_days(self) -> int:
        return (self.term_limit_days or 0) + (self.extension_days or 0)


def _step_data(st: AssignmentStep) -> StepData:
    return StepData(
        status=S(st.status),
        date=st.date,
        sending_person_id=st.sending_person_id,
        sending_text=st.sending_text,
        receiving_person_id=st.receiving_person_id,
        receiving_text=st.receiving_text,
        reason=st.reason,
        id=st.id,
        skipped=tuple(S(x) for x in st.skipped.split(",") if x),
        sending_person=person_ref(st.sending_person) if st.sending_person else None,
        receiving_person=person_ref(st.receiving_person) if st.receiving_person else None,
    )


def assignment_data(row: Assignment) -> AssignmentData:
    return AssignmentData(
        sending_side_id=row.sending_side_id,
        receiving_side_id=row.receiving_side_id,
        person_ids=tuple(p.id for p in row.people),
        purpose=AssignmentPurpose(row.purpose),
        planned_start=row.planned_start,
        planned_end=row.planned_end,
        actual_start=row.actual_start,
        actual_end=row.actual_end,
        term_limit_days=row.term_limit_days,
        extension_days=row.extension_days,
        extension_reason=row.extension_reason,
        terms_zh=row.terms_zh,
        terms_ru=row.terms_ru,
        meeting_id=row.meeting_id,
        decision_id=row.decision_id,
        quota_id=row.quota_id,
        notes=row.notes,
        id=row.id,
        uuid=row.uuid,
        status=S(row.status),
        start_date=row.start_date,
        end_date=row.end_date,
        term_end=row.term_end,
        people=tuple(person_ref(p) for p in row.people),
        steps=tuple(_step_data(st) for st in row.steps),
        overrides=tuple(OverrideData(o.code, o.key, o.message, o.reason, o.date) for o in row.overrides),
        version=row.version,
        **{f: getattr(row, f) for f in TEXT_FIELDS},
    )


def period(data: AssignmentData) -> tuple[dt.date, dt.date, dt.date]:
    """(start, end, last day of the term) the assignment covers."""
    start = data.actual_start or data.planned_start
    last = term_end(start, data.term_limit_days, data.extension_days)
    end = data.actual_end or data.planned_end or last
    return start, max(start, end), last
