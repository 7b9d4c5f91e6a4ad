"""The commission itself, its two sides, their liaison agencies, people and settings."""

from __future__ import annotations

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.models.base import Base, Record, Searchable


class Commission(Record, Base):
    """The one commission this database serves (a single row)."""

    __tablename__ = "commission"

    name_zh: Mapped[str] = mapped_column(String(300), default="")
    name_ru: Mapped[str] = mapped_column(String(300), default="")
    name_en: Mapped[str] = mapped_column(String(300), default="")


class Side(Record, Base):
    """One of the two parties. ``position`` 1 is the first side, 2 the second (protocol parts)."""

    __tablename__ = "sides"
    __table_args__ = (CheckConstraint("position IN (1, 2)", name="position"),)

    position: Mapped[int] = mapped_column(Integer, unique=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    #: The side's working language for documents: "zh" or "ru".
    language: Mapped[str] = mapped_column(String(5), default="zh")
    name_full_zh: Mapped[str] = mapped_column(String(300), default="")
    name_full_ru: Mapped[str] = mapped_column(String(300), default="")
    name_full_en: Mapped[str] = mapped_column(String(300), default="")
    name_short_zh: Mapped[str] = mapped_column(String(100), default="")
    name_short_ru: Mapped[str] = mapped_column(String(100), default="")
    name_short_en: Mapped[str] = mapped_column(String(100), default="")
    #: "The Government of …" as signature blocks name it ("中华人民共和国政府").
    government_zh: Mapped[str] = mapped_column(String(300), default="")
    government_ru: Mapped[str] = mapped_column(String(300), default="")
    government_en: Mapped[str] = mapped_column(String(300), default="")
    delegation_title_zh: Mapped[str] = mapped_column(String(300), default="")
    delegation_title_ru: Mapped[str] = mapped_column(String(300), default="")
    delegation_title_en: Mapped[str] = mapped_column(String(300), default="")

    agencies: Mapped[list[LiaisonAgency]] = relationship(
        back_populates="side", order_by="LiaisonAgency.position", cascade="all, delete-orphan"
    )


class LiaisonAgency(Record, Base):
    """An agency that handles routine contacts between sessions for its side."""

    __tablename__ = "liaison_agencies"

    side_id: Mapped[int] = mapped_column(ForeignKey("sides.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name_zh: Mapped[str] = mapped_column(String(300), default="")
    name_ru: Mapped[str] = mapped_column(String(300), default="")
    name_en: Mapped[str] = mapped_column(String(300), default="")

    side: Mapped[Side] = relationship(back_populates="agencies")


class Person(Searchable, Record, Base):
    """Someone who appears in delegations, as an expert or as a signatory."""

    __tablename__ = "people"
    __search_fields__ = (
        "name_zh",
        "name_ru",
        "name_latin",
        "organisation_zh",
        "organisation_ru",
        "position_zh",
        "position_ru",
    )

    side_id: Mapped[int] = mapped_column(ForeignKey("sides.id", ondelete="RESTRICT"), index=True)
    name_zh: Mapped[str] = mapped_column(String(200), default="", index=True)
    name_ru: Mapped[str] = mapped_column(String(200), default="", index=True)
    name_latin: Mapped[str] = mapped_column(String(200), default="")
    organisation_zh: Mapped[str] = mapped_column(String(300), default="")
    organisation_ru: Mapped[str] = mapped_column(String(300), default="")
    position_zh: Mapped[str] = mapped_column(String(300), default="")
    position_ru: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    side: Mapped[Side] = relationship()


class Setting(Base):
    """A key/value setting of the commission's database (deadline offsets, horizons…)."""

    __tablename__ = "settings"
    __table_args__ = (UniqueConstraint("key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(100))
    value: Mapped[object] = mapped_column(JSON)
