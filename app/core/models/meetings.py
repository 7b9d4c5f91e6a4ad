"""Sessions of the commission ("meetings", so as not to clash with a database session),
their delegations, agenda items and the decisions that come out of them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Integer, String, Text, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.enums import AgendaStatus, DecisionStatus, DelegationRole, MeetingStatus, Topic
from app.core.models.base import Base, Record
from app.core.models.commission import Person, Side


class Meeting(Record, Base):
    """A session of the commission: "the 3rd session", 第三次会议, третье заседание."""

    __tablename__ = "meetings"

    ordinal: Mapped[int] = mapped_column(Integer, unique=True)
    host_side_id: Mapped[int] = mapped_column(ForeignKey("sides.id", ondelete="RESTRICT"), index=True)
    city_zh: Mapped[str] = mapped_column(String(200), default="")
    city_ru: Mapped[str] = mapped_column(String(200), default="")
    venue_zh: Mapped[str] = mapped_column(String(300), default="")
    venue_ru: Mapped[str] = mapped_column(String(300), default="")
    #: the names in English (the English interface), and the city as it reads after «в» ("Пекине")
    city_en: Mapped[str] = mapped_column(String(200), default="", server_default="")
    venue_en: Mapped[str] = mapped_column(String(300), default="", server_default="")
    city_ru_in: Mapped[str] = mapped_column(String(200), default="", server_default="")
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(30), default=MeetingStatus.PLANNED.value)
    notes: Mapped[str] = mapped_column(Text, default="")

    host_side: Mapped[Side] = relationship()
    members: Mapped[list[DelegationMember]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="DelegationMember.position"
    )
    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="AgendaItem.position"
    )


class DelegationMember(Record, Base):
    """A person in a side's delegation to a session, with a role. The head signs the minutes."""

    __tablename__ = "delegation_members"
    __table_args__ = (UniqueConstraint("meeting_id", "person_id"),)

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    side_id: Mapped[int] = mapped_column(ForeignKey("sides.id", ondelete="RESTRICT"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"), index=True)
    role: Mapped[str] = mapped_column(String(20), default=DelegationRole.MEMBER.value)
    position: Mapped[int] = mapped_column(Integer, default=0)

    meeting: Mapped[Meeting] = relationship(back_populates="members")
    person: Mapped[Person] = relationship()
    side: Mapped[Side] = relationship()


class AgendaItem(Record, Base):
    """An item of a session's agenda."""

    __tablename__ = "agenda_items"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title_zh: Mapped[str] = mapped_column(Text, default="")
    title_ru: Mapped[str] = mapped_column(Text, default="")
    proposing_side_id: Mapped[int | None] = mapped_column(ForeignKey("sides.id", ondelete="RESTRICT"))
    topic: Mapped[str] = mapped_column(String(10), default=Topic.OTHER.value)
    presenter_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"), index=True)
    day: Mapped[dt.date | None] = mapped_column(Date)
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default=AgendaStatus.PROPOSED.value)
    notes: Mapped[str] = mapped_column(Text, default="")
    #: The standing item "report on the implementation of the previous session's decisions".
    is_standing: Mapped[bool] = mapped_column(default=False)
    #: The item of an earlier session this one was carried over from.
    carried_from_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id", ondelete="SET NULL"))

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")
    proposing_side: Mapped[Side | None] = relationship()
    presenter: Mapped[Person | None] = relationship()


class Decision(Record, Base):
    """A decision of the commission, tracked until it is carried out.

    Decisions come out of the minutes (``meeting_id`` is the session whose protocol holds them);
    decisions the chairmen take between sessions are appended to the next protocol.
    """

    __tablename__ = "decisions"
    __table_args__ = (UniqueConstraint("meeting_id", "number"),)

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="RESTRICT"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_items.id", ondelete="SET NULL"))
    text_zh: Mapped[str] = mapped_column(Text, default="")
    text_ru: Mapped[str] = mapped_column(Text, default="")
    #: Implementing agency of the first and of the second side, in each language.
    agency1_zh: Mapped[str] = mapped_column(String(300), default="")
    agency1_ru: Mapped[str] = mapped_column(String(300), default="")
    agency2_zh: Mapped[str] = mapped_column(String(300), default="")
    agency2_ru: Mapped[str] = mapped_column(String(300), default="")
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default=DecisionStatus.OPEN.value)
    #: Taken by the chairmen between sessions, to be appended to the next protocol.
    between_sessions: Mapped[bool] = mapped_column(default=False)
    #: The day the chairmen took it (decisions taken between sessions).
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    #: The later decision that replaced this one (status "superseded").
    superseded_by_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id", ondelete="SET NULL"))

    meeting: Mapped[Meeting] = relationship()
    notes: Mapped[list[DecisionNote]] = relationship(
        back_populates="decision", cascade="all, delete-orphan", order_by="DecisionNote.noted_on"
    )


class DecisionNote(Record, Base):
    """A dated follow-up note on a decision: what has happened towards carrying it out."""

    __tablename__ = "decision_notes"

    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id", ondelete="CASCADE"), index=True)
    noted_on: Mapped[dt.date] = mapped_column(Date)
    text_zh: Mapped[str] = mapped_column(Text, default="")
    text_ru: Mapped[str] = mapped_column(Text, default="")

    decision: Mapped[Decision] = relationship(back_populates="notes")
