"""The programme of a session besides its agenda items, and the steps recorded before it."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Integer, String, Text, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.enums import EventKind
from app.core.models.base import Base, Record


class ScheduleEvent(Record, Base):
    """An event of a session's programme that is not an agenda item: the delegation's arrival, a
    site visit, a reception, the signing ceremony…"""

    __tablename__ = "schedule_events"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default=EventKind.OTHER.value)
    title_zh: Mapped[str] = mapped_column(Text, default="")
    title_ru: Mapped[str] = mapped_column(Text, default="")
    place_zh: Mapped[str] = mapped_column(String(300), default="")
    place_ru: Mapped[str] = mapped_column(String(300), default="")
    place_en: Mapped[str] = mapped_column(String(300), default="", server_default="")
    day: Mapped[dt.date] = mapped_column(Date)
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")


class MeetingDeadline(Record, Base):
    """That a step before a session (notice, confirmation, preparatory meeting) was done, and when.

    The due date is not stored: it follows from the session's opening day and the offsets in the
    settings, so that moving the session moves its deadlines.
    """

    __tablename__ = "meeting_deadlines"
    __table_args__ = (UniqueConstraint("meeting_id", "kind"),)

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    done_on: Mapped[dt.date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
