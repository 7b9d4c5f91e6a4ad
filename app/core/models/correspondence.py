"""Letters and notes between the liaison agencies of the two sides, between sessions, and the
records they concern (decisions, exchanges, expert assignments). Attachments are kept as for every
register (``Attachment`` with ``owner_kind="letter"``)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.enums import LetterStatus
from app.core.models.base import Base, Record
from app.core.models.commission import LiaisonAgency


class LiaisonLetter(Record, Base):
    """A letter or note from a liaison agency of one side to one of the other."""

    __tablename__ = "liaison_letters"

    letter_date: Mapped[dt.date] = mapped_column(Date, index=True)
    from_agency_id: Mapped[int] = mapped_column(
        ForeignKey("liaison_agencies.id", ondelete="RESTRICT"), index=True
    )
    to_agency_id: Mapped[int] = mapped_column(
        ForeignKey("liaison_agencies.id", ondelete="RESTRICT"), index=True
    )
    #: our reference number and the other side's
    our_ref: Mapped[str] = mapped_column(String(100), default="")
    their_ref: Mapped[str] = mapped_column(String(100), default="")
    subject_zh: Mapped[str] = mapped_column(String(500), default="")
    subject_ru: Mapped[str] = mapped_column(String(500), default="")
    summary_zh: Mapped[str] = mapped_column(Text, default="")
    summary_ru: Mapped[str] = mapped_column(Text, default="")
    reply_by: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default=LetterStatus.DRAFT.value)
    #: the letter this one answers
    reply_to_id: Mapped[int | None] = mapped_column(ForeignKey("liaison_letters.id", ondelete="SET NULL"))

    from_agency: Mapped[LiaisonAgency] = relationship(foreign_keys=[from_agency_id])
    to_agency: Mapped[LiaisonAgency] = relationship(foreign_keys=[to_agency_id])
    links: Mapped[list[LetterLink]] = relationship(back_populates="letter", cascade="all, delete-orphan")


class LetterLink(Record, Base):
    """A record a letter concerns: exactly one of a decision, an exchange, an expert assignment."""

    __tablename__ = "letter_links"
    __table_args__ = (
        CheckConstraint(
            "(CASE WHEN decision_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN exchange_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN assignment_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_target",
        ),
    )

    letter_id: Mapped[int] = mapped_column(ForeignKey("liaison_letters.id", ondelete="CASCADE"), index=True)
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decisions.id", ondelete="CASCADE"), index=True
    )
    exchange_id: Mapped[int | None] = mapped_column(
        ForeignKey("exchanges.id", ondelete="CASCADE"), index=True
    )
    assignment_id: Mapped[int | None] = mapped_column(
        ForeignKey("assignments.id", ondelete="CASCADE"), index=True
    )
    note: Mapped[str] = mapped_column(Text, default="")

    letter: Mapped[LiaisonLetter] = relationship(back_populates="links")


class ReminderSnooze(Base):
    """A reminder the user put off until a day (``key``: "decision:12", "letter:5", …)."""

    __tablename__ = "reminder_snoozes"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    until: Mapped[dt.date] = mapped_column(Date)
