"""The audit trail: who changed which record of which register, when, and what changed.

One row per record written in a flush (``app.core.audit`` writes them from a session event, so
that no service can forget): the time in UTC, the user's name (a setting of each laptop), the
register (the table's name), the record's UUID, the action ("insert", "update", "delete") and, as
JSON, the changed fields with their old and new values (``{"field": [old, new]}``; a deleted
record keeps its last values as ``[old, null]``).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.core.models.base import Base, UTCDateTime, utcnow


class AuditEntry(Base):
    """One change of one record (never changed itself)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_record", "record_uuid", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    user_name: Mapped[str] = mapped_column(String(200), default="")
    register: Mapped[str] = mapped_column(String(60), index=True)
    record_uuid: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(10))
    changes: Mapped[str] = mapped_column(Text, default="{}")
