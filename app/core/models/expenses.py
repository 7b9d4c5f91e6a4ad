"""Expenses of the sessions, their budgets, and the exchange rates a user entered for a session.

The commission's rule (the founding memorandum): the host side pays for organising a session, and
each side pays for its own delegation. The payer is therefore never stored: it is derived from the
kind of the expense, the session's host and the delegation's side.

Amounts are stored exactly, as integers in the currency's minor units (fen, kopecks); a correction
is a separate entry that points at the expense it corrects, with a reason, and is stored negative.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.enums import LabeledEnum
from app.core.models.base import Base, Record, Searchable
from app.i18n import N_


class ExpenseKind(LabeledEnum):
    ORGANISATION = "organisation", N_("Organisation costs")
    DELEGATION = "delegation", N_("Delegation costs")


class ExpenseCategory(LabeledEnum):
    VENUE = "venue", N_("Venue")
    INTERPRETATION = "interpretation", N_("Interpretation and translation")
    PRINTING = "printing", N_("Printing")
    TRANSPORT = "transport", N_("Transport")
    LODGING = "lodging", N_("Lodging")
    PER_DIEM = "per_diem", N_("Per diem")
    RECEPTION = "reception", N_("Reception")
    COMMUNICATIONS = "communications", N_("Communications")
    OTHER = "other", N_("Other costs")


class Expense(Searchable, Record, Base):
    """One expense of a session (or a correction of one, stored negative)."""

    __tablename__ = "expenses"
    __search_fields__ = ("description_zh", "description_ru", "correction_reason")
    __table_args__ = (Index("ix_expenses_meeting_currency", "meeting_id", "currency"),)

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="RESTRICT"))
    kind: Mapped[str] = mapped_column(String(20), default=ExpenseKind.ORGANISATION.value)
    category: Mapped[str] = mapped_column(String(30), default=ExpenseCategory.OTHER.value)
    #: The side whose delegation the cost belongs to (delegation costs only).
    delegation_side_id: Mapped[int | None] = mapped_column(ForeignKey("sides.id", ondelete="RESTRICT"))
    #: The amount in the currency's minor units; negative for a correction.
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    spent_on: Mapped[dt.date] = mapped_column(Date)
    description_zh: Mapped[str] = mapped_column(Text, default="")
    description_ru: Mapped[str] = mapped_column(Text, default="")
    #: A correction points at the expense it corrects and says why.
    correction_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("expenses.id", ondelete="RESTRICT"), index=True
    )
    correction_reason: Mapped[str] = mapped_column(Text, default="")


class Budget(Record, Base):
    """What a side plans to spend at a session on a category, in one currency."""

    __tablename__ = "expense_budgets"
    __table_args__ = (UniqueConstraint("meeting_id", "side_id", "category", "currency"),)

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="RESTRICT"), index=True)
    side_id: Mapped[int] = mapped_column(ForeignKey("sides.id", ondelete="RESTRICT"))
    category: Mapped[str] = mapped_column(String(30))
    currency: Mapped[str] = mapped_column(String(3))
    amount_minor: Mapped[int] = mapped_column(BigInteger)


class ExchangeRate(Record, Base):
    """A dated rate a user entered for a session, to see converted totals: 1 ``from`` = ``rate`` ``to``.

    The rate is kept as the exact decimal text the user typed (no float anywhere).
    """

    __tablename__ = "exchange_rates"
    __table_args__ = (UniqueConstraint("meeting_id", "from_currency", "to_currency"),)

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="RESTRICT"), index=True)
    rate_date: Mapped[dt.date] = mapped_column(Date)
    from_currency: Mapped[str] = mapped_column(String(3))
    to_currency: Mapped[str] = mapped_column(String(3))
    rate: Mapped[str] = mapped_column(String(40))
