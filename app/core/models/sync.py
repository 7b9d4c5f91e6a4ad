"""What a database remembers of its exchanges with the other side's secretariat (:mod:`app.core.sync`).

This is bookkeeping of this database, never sent itself:

- :class:`SyncPeer`: per other database (of the other side, or a copy of this one), the last bundle sent and received, and the last of ours it
  acknowledged.
- :class:`SyncBundle`: every bundle written or applied (its id refuses a replay).
- :class:`SyncRecord`: per other side and shared record, the values both sides are known to hold
  (the base of a three-way merge: ``base_hash``, ``base_values``; ``-`` for a deletion) and what
  was last sent and not yet acknowledged.
- :class:`SyncConflict`: a field both sides changed since their base, until someone resolves it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.models.base import Base, UTCDateTime, utcnow


class SyncPeer(Base):
    __tablename__ = "sync_peers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    side_uuid: Mapped[str] = mapped_column(String(36))
    #: the peer database's id ("" for a peer an older version knew by its side only)
    database_id: Mapped[str] = mapped_column(String(36), default="", server_default="")
    #: where it came from, for people: e.g. the file a copy was made to
    label: Mapped[str] = mapped_column(String(300), default="", server_default="")
    last_sent: Mapped[int] = mapped_column(Integer, default=0)
    last_received: Mapped[int] = mapped_column(Integer, default=0)
    acknowledged: Mapped[int] = mapped_column(Integer, default=0)


class SyncBundle(Base):
    __tablename__ = "sync_bundles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bundle_id: Mapped[str] = mapped_column(String(36), unique=True)
    direction: Mapped[str] = mapped_column(String(3))  # "out" or "in"
    peer_uuid: Mapped[str] = mapped_column(String(36))
    sequence: Mapped[int] = mapped_column(Integer)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    signer: Mapped[str] = mapped_column(String(300), default="")
    summary: Mapped[str] = mapped_column(Text, default="{}")


class SyncRecord(Base):
    __tablename__ = "sync_records"
    __table_args__ = (UniqueConstraint("peer_uuid", "record_uuid"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    peer_uuid: Mapped[str] = mapped_column(String(36))
    register: Mapped[str] = mapped_column(String(60))
    record_uuid: Mapped[str] = mapped_column(String(36), index=True)
    base_hash: Mapped[str] = mapped_column(String(64), default="")
    base_values: Mapped[str] = mapped_column(Text, default="")
    base_version: Mapped[int] = mapped_column(Integer, default=0)
    sent_sequence: Mapped[int] = mapped_column(Integer, default=0)
    sent_hash: Mapped[str] = mapped_column(String(64), default="")
    sent_values: Mapped[str] = mapped_column(Text, default="")


class SyncConflict(Base):
    __tablename__ = "sync_conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    peer_uuid: Mapped[str] = mapped_column(String(36))
    register: Mapped[str] = mapped_column(String(60))
    record_uuid: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(100))
    #: JSON values: this side's before the bundle, the other side's, the base they both had
    ours: Mapped[str] = mapped_column(Text, default="null")
    theirs: Mapped[str] = mapped_column(Text, default="null")
    base: Mapped[str] = mapped_column(Text, default="null")
    bundle_sequence: Mapped[int] = mapped_column(Integer, default=0)
    detected_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    #: "", "ours", "theirs" or "edited"
    resolution: Mapped[str] = mapped_column(String(10), default="")
    resolved_by: Mapped[str] = mapped_column(String(200), default="")
