"""The Exchanges register: every item that passes between the two sides, and the list of
confidentiality markings the items carry.

The status is derived from the dates and stored only so that SQL can filter, count and sort on it.
The table's CHECK constraints make a contradiction impossible to store, whoever writes: the status
must be the one the dates give, the dates must be in order, the quantity positive, the direction
between two different sides, and only apparatus and technical materiel carry a warranty.
"""

from __future__ import annotations

import calendar
import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column

from app.core.enums import ExchangeChannel, ExchangeKind, ExchangeStatus
from app.core.models.base import Base, Record, Searchable

#: The dates of an exchange, in the order the item moves along.
STAGE_DATES: tuple[tuple[str, ExchangeStatus], ...] = (
    ("requested_on", ExchangeStatus.REQUESTED),
    ("promised_on", ExchangeStatus.PROMISED),
    ("sent_on", ExchangeStatus.SENT),
    ("received_on", ExchangeStatus.RECEIVED),
    ("acknowledged_on", ExchangeStatus.ACKNOWLEDGED),
)
#: Dates that a decline excludes: what was sent cannot be declined.
AFTER_SENDING = ("sent_on", "received_on", "acknowledged_on")


def derive_status(dates: dict[str, dt.date | None]) -> ExchangeStatus | None:
    """The status the dates give: declined, else the last stage that has a date (None if none)."""
    if dates.get("declined_on") is not None:
        return ExchangeStatus.DECLINED
    for field, status in reversed(STAGE_DATES):
        if dates.get(field) is not None:
            return status
    return None


def add_months(start: dt.date, months: int) -> dt.date:
    """``start`` plus whole calendar months; 31 January + 1 month is the last day of February."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _in(column: str, values) -> str:
    return f"{column} IN ({', '.join(repr(v.value) for v in values)})"


def _status_case() -> str:
    whens = " ".join(
        f"WHEN {field} IS NOT NULL THEN '{status.value}'" for field, status in reversed(STAGE_DATES)
    )
    return f"CASE WHEN declined_on IS NOT NULL THEN 'declined' {whens} ELSE '' END"


def _order_checks() -> list[CheckConstraint]:
    """Each date is on or after the latest earlier date that is set (hence all dates are in order)."""
    checks = []
    fields = [f for f, _s in STAGE_DATES]
    for i, field in enumerate(fields[1:], start=1):
        earlier = ", ".join(reversed(fields[:i]))
        expr = f"COALESCE({earlier})" if i > 1 else earlier
        checks.append(CheckConstraint(f"{field} >= {expr}", name=f"{field}_in_order"))
    checks.append(
        CheckConstraint("declined_on >= COALESCE(promised_on, requested_on)", name="declined_in_order")
    )
    return checks


_WARRANTY_KINDS = [k for k in ExchangeKind if k.has_warranty]
_THINGS = [k for k in ExchangeKind if not k.is_document]


class ConfidentialityMarking(Record, Base):
    """A marking such as 秘密 / Секретно. The list is the user's: the defaults come with a new
    database and can be renamed, reordered and extended."""

    __tablename__ = "confidentiality_markings"

    position: Mapped[int] = mapped_column(Integer, default=0)
    name_zh: Mapped[str] = mapped_column(String(100), default="")
    name_ru: Mapped[str] = mapped_column(String(100), default="")
    name_en: Mapped[str] = mapped_column(String(100), default="")


class Exchange(Searchable, Record, Base):
    """One item that passes (or is to pass) from one side to the other."""

    __tablename__ = "exchanges"
    __search_fields__ = ("title_zh", "title_ru", "title_original", "reference")
    __table_args__ = (
        CheckConstraint(_in("kind", ExchangeKind), name="kind"),
        CheckConstraint(_in("status", ExchangeStatus), name="status"),
        CheckConstraint(f"status = {_status_case()}", name="status_follows_dates"),
        CheckConstraint(f"channel IS NULL OR {_in('channel', ExchangeChannel)}", name="channel"),
        CheckConstraint("from_side_id <> to_side_id", name="two_sides"),
        CheckConstraint("quantity > 0", name="quantity_positive"),
        *_order_checks(),
        CheckConstraint(
            "declined_on IS NULL OR (sent_on IS NULL AND received_on IS NULL AND acknowledged_on IS NULL)",
            name="declined_not_sent",
        ),
        CheckConstraint(f"published IS NULL OR NOT ({_in('kind', _THINGS)})", name="published_documents"),
        CheckConstraint(
            f"{_in('kind', _WARRANTY_KINDS)} OR (warranty_months IS NULL AND warranty_start IS NULL"
            " AND warranty_terms_zh = '' AND warranty_terms_ru = '')",
            name="warranty_kinds",
        ),
        CheckConstraint("warranty_months IS NULL OR warranty_months > 0", name="warranty_months_positive"),
        CheckConstraint("warranty_start IS NULL OR warranty_months IS NOT NULL", name="warranty_period"),
        CheckConstraint(
            "(warranty_start IS NULL AND warranty_expires IS NULL)"
            " OR (warranty_start IS NOT NULL AND warranty_expires > warranty_start)",
            name="warranty_expiry",
        ),
        # Overdue items: promised and not sent, or sent (received) and not acknowledged, by date.
        Index("ix_exchanges_status_promised_on", "status", "promised_on"),
        Index("ix_exchanges_status_sent_on", "status", "sent_on", "received_on"),
        # The balance, overall and per session, reads these covering indexes only.
        Index("ix_exchanges_balance", "kind", "from_side_id", "to_side_id", "status", "quantity"),
        Index(
            "ix_exchanges_session_balance",
            "meeting_id",
            "kind",
            "from_side_id",
            "to_side_id",
            "status",
            "quantity",
        ),
    )

    kind: Mapped[str] = mapped_column(String(20))
    #: True published, False unpublished, None for things (samples, apparatus, materiel).
    published: Mapped[bool | None] = mapped_column(Boolean)
    marking_id: Mapped[int | None] = mapped_column(
        ForeignKey("confidentiality_markings.id", ondelete="RESTRICT"), index=True
    )
    from_side_id: Mapped[int] = mapped_column(ForeignKey("sides.id", ondelete="RESTRICT"), index=True)
    to_side_id: Mapped[int] = mapped_column(ForeignKey("sides.id", ondelete="RESTRICT"), index=True)
    title_zh: Mapped[str] = mapped_column(Text, default="", index=True)
    title_ru: Mapped[str] = mapped_column(Text, default="", index=True)
    title_original: Mapped[str] = mapped_column(Text, default="")
    reference: Mapped[str] = mapped_column(String(100), default="", index=True)
    quantity: Mapped[int] = mapped_column(Integer, default=1, index=True)
    requested_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    promised_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    sent_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    received_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    acknowledged_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    declined_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    #: Derived from the dates (see :func:`derive_status`); stored for SQL filters, counts and sorting.
    status: Mapped[str] = mapped_column(String(20))  # indexed by (status, …) below
    channel: Mapped[str | None] = mapped_column(String(20), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="RESTRICT"))
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), index=True
    )
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decisions.id", ondelete="SET NULL"), index=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    warranty_terms_zh: Mapped[str] = mapped_column(Text, default="")
    warranty_terms_ru: Mapped[str] = mapped_column(Text, default="")
    warranty_start: Mapped[dt.date | None] = mapped_column(Date)
    warranty_months: Mapped[int | None] = mapped_column(Integer)
    #: Derived: the start plus the period.
    warranty_expires: Mapped[dt.date | None] = mapped_column(Date, index=True)

    def derive(self) -> None:
        """Set the derived columns (status, warranty expiry) from the others."""
        status = derive_status(
            {f: getattr(self, f) for f, _s in STAGE_DATES} | {"declined_on": self.declined_on}
        )
        self.status = status.value if status is not None else ""
        if self.warranty_start is not None and self.warranty_months:
            self.warranty_expires = add_months(self.warranty_start, self.warranty_months)
        else:
            self.warranty_expires = None


@event.listens_for(Exchange, "before_insert")
@event.listens_for(Exchange, "before_update")
def _derive(_mapper, _connection, target: Exchange) -> None:
    target.derive()
