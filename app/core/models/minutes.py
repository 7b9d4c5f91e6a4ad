"""The minutes (protocol) of a session: aligned bilingual segments, their revisions, and the
glossary the editor checks against.

- :class:`Minutes`: one row per session. While being drafted, segments are edited; signing records
  the date, the place (in both languages), the signatories (one person per side), the fingerprint
  of the canonical content, and locks the minutes (``locked``), after which nothing changes.
- :class:`Segment`: one Chinese paragraph and its Russian counterpart. ``position`` orders the
  segments of the minutes; the parts (preamble, joint decisions, the first side's items, the second
  side's items, closing formula) follow one another in :class:`SegmentPart` order, so the segments
  of one part are contiguous. A decision segment links to its row in the decisions register
  (:class:`~app.core.models.meetings.Decision`), which holds the number, the implementing agencies,
  the deadline and the status; the segment's texts are copied to the decision on every save.
- :class:`SegmentRevision`: every save of a segment keeps a revision (texts, status, who, when and
  why), so that the history dialog can show and restore older texts.
- :class:`GlossaryTerm`: an agreed term pair, Chinese ↔ Russian.

The title of the document (commission, session, place, dates) and the lists of the delegations
come from the session when the minutes are printed; the preamble segments hold the opening text.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.enums import (
    MinutesStatus,
    RevisionAction,
    SegmentKind,
    SegmentPart,
    SegmentStatus,
)
from app.core.models.base import Base, Record, Searchable, UTCDateTime
from app.core.models.meetings import Decision, Meeting


class Minutes(Record, Base):
    """The minutes of one session."""

    __tablename__ = "minutes"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="RESTRICT"), unique=True, index=True
    )
    status: Mapped[str] = mapped_column(String(20), default=MinutesStatus.DRAFT.value)
    #: Signing: the date and place written in the closing formula, and who signed for each side
    #: (side position 1 = first side, 2 = second side).
    signed_on: Mapped[dt.date | None] = mapped_column(Date)
    place_zh: Mapped[str] = mapped_column(String(200), default="")
    place_ru: Mapped[str] = mapped_column(String(200), default="")
    signatory1_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"))
    signatory2_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"))
    #: When the signing was recorded, and by whom (the OS user name).
    signed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    signed_by: Mapped[str] = mapped_column(String(100), default="")
    #: SHA-256 (hex) of the canonical content, stored at signing and printed on every page.
    fingerprint: Mapped[str] = mapped_column(String(64), default="")
    #: The canonical content as signed (``app.core.services.minutes.content``: UTF-8 JSON whose
    #: SHA-256 is ``fingerprint``): what every later print of the signed minutes shows, so that a
    #: person's new position or a renamed venue never changes a signed document.
    signed_content: Mapped[str] = mapped_column(Text, default="")
    #: Read-only: no segment may change (set by signing).
    locked: Mapped[bool] = mapped_column(default=False)
    #: Confidentiality marking printed in the header when set (e.g. 秘密 / Секретно).
    marking_zh: Mapped[str] = mapped_column(String(100), default="")
    marking_ru: Mapped[str] = mapped_column(String(100), default="")

    meeting: Mapped[Meeting] = relationship()
    segments: Mapped[list[Segment]] = relationship(
        back_populates="minutes", cascade="all, delete-orphan", order_by="Segment.position"
    )


class Segment(Record, Base):
    """One aligned pair of paragraphs of the minutes."""

    __tablename__ = "minutes_segments"
    __table_args__ = (UniqueConstraint("decision_id"),)

    minutes_id: Mapped[int] = mapped_column(ForeignKey("minutes.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    part: Mapped[str] = mapped_column(String(20), default=SegmentPart.JOINT.value)
    kind: Mapped[str] = mapped_column(String(20), default=SegmentKind.PARAGRAPH.value)
    text_zh: Mapped[str] = mapped_column(Text, default="")
    text_ru: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default=SegmentStatus.DRAFT.value)
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), index=True
    )
    #: The decision in the register (kind "decision" only).
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id", ondelete="SET NULL"))
    #: Check findings the sides accepted as intended for this segment, one key a line
    #: (see ``app.core.services.minutes.checks``).
    accepted_findings: Mapped[str] = mapped_column(Text, default="")

    minutes: Mapped[Minutes] = relationship(back_populates="segments")
    decision: Mapped[Decision | None] = relationship()
    revisions: Mapped[list[SegmentRevision]] = relationship(
        back_populates="segment",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="SegmentRevision.id",
    )


class SegmentRevision(Record, Base):
    """A segment as it was saved: texts, status, who, when (``created_at``) and why."""

    __tablename__ = "minutes_revisions"

    segment_id: Mapped[int] = mapped_column(ForeignKey("minutes_segments.id", ondelete="CASCADE"), index=True)
    text_zh: Mapped[str] = mapped_column(Text, default="")
    text_ru: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default=SegmentStatus.DRAFT.value)
    action: Mapped[str] = mapped_column(String(20), default=RevisionAction.EDIT.value)
    #: The OS user name of whoever saved it.
    author: Mapped[str] = mapped_column(String(100), default="")
    #: Why an initialled segment was reopened (or another note on the change).
    reason: Mapped[str] = mapped_column(Text, default="")

    segment: Mapped[Segment] = relationship(back_populates="revisions")


class GlossaryTerm(Searchable, Record, Base):
    """An agreed term pair, Chinese ↔ Russian, with a note and a status."""

    __tablename__ = "glossary_terms"
    __table_args__ = (UniqueConstraint("zh", "ru"),)
    __search_fields__ = ("zh", "ru", "note")

    zh: Mapped[str] = mapped_column(String(300))
    ru: Mapped[str] = mapped_column(String(300))
    note: Mapped[str] = mapped_column(Text, default="")
    #: preferred, admitted or deprecated (TermStatus)
    status: Mapped[str] = mapped_column(String(20), default="preferred", server_default="preferred")


class MinutesPrint(Record, Base):
    """The print register: one row per copy of signed minutes ever printed, like a protocol
    department's register of numbered copies.

    A copy is known by its minutes, ``copy`` (a side's code for its original, ``"reading"``),
    ``layout``, ``copy_number`` and marking; printing the same copy again gives the stored bytes
    (``data``), so that a later version of the program, laying text out differently, never changes
    a signed document. ``sha256`` is that of the bytes; ``page_digests`` (a JSON list) the digest of
    each page's drawn content, which ``verify`` compares page by page. Database triggers refuse
    updates and deletes of these rows.
    """

    __tablename__ = "minutes_prints"
    __table_args__ = (
        UniqueConstraint(
            "minutes_id",
            "copy",
            "layout",
            "copy_number",
            "marking_zh",
            "marking_ru",
            name="uq_minutes_prints_copy",
        ),
    )

    minutes_id: Mapped[int] = mapped_column(ForeignKey("minutes.id", ondelete="RESTRICT"), index=True)
    #: The fingerprint of the minutes the copy was printed from.
    fingerprint: Mapped[str] = mapped_column(String(64))
    copy: Mapped[str] = mapped_column(String(20))
    layout: Mapped[str] = mapped_column(String(20))
    copy_number: Mapped[str] = mapped_column(String(40), default="")
    marking_zh: Mapped[str] = mapped_column(String(100), default="")
    marking_ru: Mapped[str] = mapped_column(String(100), default="")
    #: Who printed it (the OS user name).
    printed_by: Mapped[str] = mapped_column(String(100), default="")
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    page_digests: Mapped[str] = mapped_column(Text, default="[]")
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)


class MinutesSignature(Record, Base):
    """A side's digital signature over the signed minutes' canonical content (whose SHA-256 is the
    fingerprint), made with the side's key (:mod:`app.core.crypto.record`). The certificate is kept
    with it; the private key never is."""

    __tablename__ = "minutes_signatures"
    __table_args__ = (UniqueConstraint("minutes_id", "side", name="uq_minutes_signatures_side"),)

    minutes_id: Mapped[int] = mapped_column(ForeignKey("minutes.id", ondelete="RESTRICT"), index=True)
    #: The side's code (CN, SU…).
    side: Mapped[str] = mapped_column(String(8))
    #: The fingerprint signed (that of the content when it was signed).
    fingerprint: Mapped[str] = mapped_column(String(64))
    #: The signer's certificate, PEM.
    certificate: Mapped[str] = mapped_column(Text)
    signature: Mapped[bytes] = mapped_column(LargeBinary)
    #: Who recorded it (the OS user name).
    signed_by: Mapped[str] = mapped_column(String(100), default="")
