"""Attached files, kept inside the database and keyed by the hash of their content."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.models.base import Base, Record


class Blob(Base):
    """The bytes of a file, stored once whatever the number of records that attach it."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)


class Attachment(Record, Base):
    """A file attached to a record of any register.

    ``owner_kind`` names the register ("agenda_item", "exchange", "assignment", "expense", …) and
    ``owner_id`` the record's id; the service deletes attachments with their owner.
    """

    __tablename__ = "attachments"
    __table_args__ = (UniqueConstraint("owner_kind", "owner_id", "blob_sha256", "filename"),)

    owner_kind: Mapped[str] = mapped_column(String(40))
    owner_id: Mapped[int] = mapped_column(Integer)
    blob_sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256", ondelete="RESTRICT"), index=True)
    filename: Mapped[str] = mapped_column(String(400))
    #: what the material is called in each language (documents list it so; the file name is a reference)
    title_zh: Mapped[str] = mapped_column(String(400), default="", server_default="")
    title_ru: Mapped[str] = mapped_column(String(400), default="", server_default="")
    mime_type: Mapped[str] = mapped_column(String(200), default="application/octet-stream")
    position: Mapped[int] = mapped_column(Integer, default=0)

    blob: Mapped[Blob] = relationship()
