"""Experts and delegations: assignments of people from one side to the other, the procedure step by
step, the quotas the commission agrees, and warnings overridden with a recorded reason.

An assignment's ``search_text`` holds its own texts and the names of its people, so search as you
type finds an assignment by person or by organisation in any language. It is refreshed on every
write of the assignment (its people included) and when one of its people is renamed.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    event,
    select,
    update,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.enums import LabeledEnum
from app.core.models.base import Base, Record, Searchable, search_key
from app.core.models.commission import Person, Side
from app.i18n import N_


class AssignmentPurpose(LabeledEnum):
    """Why people are sent (topics 4 and 5 of the founding memorandum)."""

    TECHNICAL_EXPERT = "technical_expert", N_("Technical expert")
    AIDE = "aide", N_("Aide")
    INSPECTION = "inspection", N_("On-site inspection")
    CONFERENCE = "conference", N_("Conference")
    RESEARCH_REPORT = "research_report", N_("Delivery of a research report")
    INTERNSHIP = "internship", N_("Short-term internship")


class AssignmentStatus(LabeledEnum):
    """The procedure, in order; ``CANCELLED`` can end it at any step before completion."""

    PROPOSED = "proposed", N_("Proposed")
    INVITED = "invited", N_("Invited")
    ACCEPTED = "accepted", N_("Accepted")
    TRAVEL_ARRANGED = "travel_arranged", N_("Travel arranged")
    ON_SITE = "on_site", N_("On site")
    COMPLETED = "completed", N_("Completed")
    CANCELLED = "cancelled", N_("Cancelled")

    @property
    def rank(self) -> int:
        """Position in the procedure (cancelled has none: -1)."""
        return PROCEDURE.index(self) if self in PROCEDURE else -1

    @property
    def is_final(self) -> bool:
        return self in (AssignmentStatus.COMPLETED, AssignmentStatus.CANCELLED)


#: The procedure steps in their order.
PROCEDURE = (
    AssignmentStatus.PROPOSED,
    AssignmentStatus.INVITED,
    AssignmentStatus.ACCEPTED,
    AssignmentStatus.TRAVEL_ARRANGED,
    AssignmentStatus.ON_SITE,
    AssignmentStatus.COMPLETED,
)

#: Statuses that count as "used" against a quota, and those that count as "planned".
USED_STATUSES = (AssignmentStatus.ON_SITE, AssignmentStatus.COMPLETED)
PLANNED_STATUSES = (
    AssignmentStatus.PROPOSED,
    AssignmentStatus.INVITED,
    AssignmentStatus.ACCEPTED,
    AssignmentStatus.TRAVEL_ARRANGED,
)

assignment_people = Table(
    "assignment_people",
    Base.metadata,
    Column("assignment_id", ForeignKey("assignments.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", ForeignKey("people.id", ondelete="RESTRICT"), primary_key=True, index=True),
)


class ExpertQuota(Record, Base):
    """How many people of some purposes (and optionally a speciality) one side sends to the other in
    a period, as agreed by a decision."""

    __tablename__ = "expert_quotas"
    __table_args__ = (
        CheckConstraint("number > 0", name="number"),
        CheckConstraint("sending_side_id <> receiving_side_id", name="sides"),
    )

    sending_side_id: Mapped[int] = mapped_column(ForeignKey("sides.id", ondelete="RESTRICT"), index=True)
    receiving_side_id: Mapped[int] = mapped_column(ForeignKey("sides.id", ondelete="RESTRICT"))
    #: One or more AssignmentPurpose values, comma-separated ("inspection,internship").
    purposes: Mapped[str] = mapped_column(String(200))
    speciality_zh: Mapped[str] = mapped_column(String(300), default="")
    speciality_ru: Mapped[str] = mapped_column(String(300), default="")
    number: Mapped[int] = mapped_column(Integer)
    period_from: Mapped[dt.date] = mapped_column(Date)
    period_to: Mapped[dt.date] = mapped_column(Date)
    #: The longest stay the decision allows one person, in days (None: no limit agreed).
    max_term_days: Mapped[int | None] = mapped_column(Integer)
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decisions.id", ondelete="RESTRICT"), index=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")

    sending_side: Mapped[Side] = relationship(foreign_keys=[sending_side_id])
    receiving_side: Mapped[Side] = relationship(foreign_keys=[receiving_side_id])


class Assignment(Searchable, Record, Base):
    """People sent by one side to the other for a purpose, with the procedure's status."""

    __tablename__ = "assignments"
    __search_fields__ = (
        "people_names",
        "host_organisation_zh",
        "host_organisation_ru",
        "place_zh",
        "place_ru",
        "place_en",
        "speciality_zh",
        "speciality_ru",
    )
    __table_args__ = (
        CheckConstraint("term_limit_days > 0", name="term_limit"),
        CheckConstraint("sending_side_id <> receiving_side_id", name="sides"),
        Index("ix_assignments_period", "start_date", "end_date"),
    )

    sending_side_id: Mapped[int] = mapped_column(ForeignKey("sides.id", ondelete="RESTRICT"), index=True)
    receiving_side_id: Mapped[int] = mapped_column(ForeignKey("sides.id", ondelete="RESTRICT"))
    purpose: Mapped[str] = mapped_column(String(30), index=True)
    status: Mapped[str] = mapped_column(String(20), default=AssignmentStatus.PROPOSED.value, index=True)
    host_organisation_zh: Mapped[str] = mapped_column(String(300), default="")
    host_organisation_ru: Mapped[str] = mapped_column(String(300), default="")
    place_zh: Mapped[str] = mapped_column(String(200), default="")
    place_ru: Mapped[str] = mapped_column(String(200), default="")
    place_en: Mapped[str] = mapped_column(String(200), default="", server_default="")
    speciality_zh: Mapped[str] = mapped_column(String(300), default="")
    speciality_ru: Mapped[str] = mapped_column(String(300), default="")
    planned_start: Mapped[dt.date] = mapped_column(Date)
    planned_end: Mapped[dt.date | None] = mapped_column(Date)
    actual_start: Mapped[dt.date | None] = mapped_column(Date)
    actual_end: Mapped[dt.date | None] = mapped_column(Date)
    #: The agreed term limit of the stay, in days, and an extension agreed later (with its reason).
    term_limit_days: Mapped[int] = mapped_column(Integer)
    extension_days: Mapped[int] = mapped_column(Integer, default=0)
    extension_reason: Mapped[str] = mapped_column(Text, default="")
    terms_zh: Mapped[str] = mapped_column(Text, default="")
    terms_ru: Mapped[str] = mapped_column(Text, default="")
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="RESTRICT"), index=True)
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decisions.id", ondelete="RESTRICT"), index=True
    )
    quota_id: Mapped[int | None] = mapped_column(
        ForeignKey("expert_quotas.id", ondelete="RESTRICT"), index=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    #: The period the assignment covers, kept by the service for filtering and the timeline: the
    #: actual dates where known, else the planned ones, else the start plus the term limit.
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    #: The last day the term limit (with its extension) allows, from the actual or planned start.
    term_end: Mapped[dt.date] = mapped_column(Date, index=True)
    #: How many people the assignment counts against its quota (len(people), kept by the service).
    head_count: Mapped[int] = mapped_column(Integer, default=0)

    people: Mapped[list[Person]] = relationship(secondary=assignment_people, order_by=Person.name_ru)
    steps: Mapped[list[AssignmentStep]] = relationship(
        back_populates="assignment", cascade="all, delete-orphan", order_by="AssignmentStep.position"
    )
    overrides: Mapped[list[WarningOverride]] = relationship(
        back_populates="assignment", cascade="all, delete-orphan", order_by="WarningOverride.id"
    )

    @property
    def people_names(self) -> str:
        return "\u241f".join(
            part for p in self.people for part in (p.name_zh, p.name_ru, p.name_latin) if part
        )


class AssignmentStep(Record, Base):
    """A step of the procedure: the status reached, its date, who handled it on each side, and the
    reason when steps were skipped (or the assignment cancelled)."""

    __tablename__ = "assignment_steps"

    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(20))
    date: Mapped[dt.date] = mapped_column(Date)
    #: Who handled the step on the sending side and on the receiving side: a person, or free text.
    sending_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT"), index=True
    )
    sending_text: Mapped[str] = mapped_column(String(300), default="")
    receiving_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT"), index=True
    )
    receiving_text: Mapped[str] = mapped_column(String(300), default="")
    #: The statuses this step skipped, comma-separated ("invited,accepted"), and why.
    skipped: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(Text, default="")

    assignment: Mapped[Assignment] = relationship(back_populates="steps")
    sending_person: Mapped[Person | None] = relationship(foreign_keys=[sending_person_id])
    receiving_person: Mapped[Person | None] = relationship(foreign_keys=[receiving_person_id])


class WarningOverride(Record, Base):
    """A warning (overdrawn quota, stay beyond the term, overlap…) the user saved past, and why."""

    __tablename__ = "assignment_overrides"

    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"), index=True)
    #: The warning's code ("quota_overdrawn", "term_exceeded", …) and its message as shown.
    code: Mapped[str] = mapped_column(String(40))
    #: What exactly was overridden (the quota and the count, the two assignments…): the same
    #: warning is not asked again, a worse one is.
    key: Mapped[str] = mapped_column(String(200), default="")
    message: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text)
    date: Mapped[dt.date] = mapped_column(Date)

    assignment: Mapped[Assignment] = relationship(back_populates="overrides")


def assignment_search_text(row: Assignment) -> str:
    return search_key(*(getattr(row, f, "") for f in Assignment.__search_fields__))


@event.listens_for(Person, "after_update")
def _person_renamed(_mapper, connection, target: Person) -> None:
    """A person's new name must find the assignments they are in."""
    ids = [
        r[0]
        for r in connection.execute(
            select(assignment_people.c.assignment_id).where(assignment_people.c.person_id == target.id)
        )
    ]
    if not ids:
        return
    a = Assignment.__table__
    p = Person.__table__
    for aid in ids:
        row = connection.execute(select(a).where(a.c.id == aid)).mappings().one()
        names = connection.execute(
            select(p.c.name_zh, p.c.name_ru, p.c.name_latin)
            .join(assignment_people, assignment_people.c.person_id == p.c.id)
            .where(assignment_people.c.assignment_id == aid)
            .order_by(p.c.name_ru)
        ).all()
        people = "\u241f".join(part for n in names for part in n if part)
        text = search_key(people, *(row[f] for f in Assignment.__search_fields__[1:]))
        connection.execute(update(a).where(a.c.id == aid).values(search_text=text))
