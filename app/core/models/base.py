"""Declarative base, naming convention and the column types every model shares."""

from __future__ import annotations

import datetime as dt
import uuid as _uuid

from sqlalchemy import DateTime, Integer, MetaData, String, Text, TypeDecorator, event, text
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def new_uuid() -> str:
    return str(_uuid.uuid4())


class UTCDateTime(TypeDecorator):
    """A timestamp stored in UTC and always handed back timezone-aware."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: store timestamps in UTC")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Record:
    """Mixin: an integer key for joins, a UUID that survives export and import, timestamps, and a
    version.

    ``version`` starts at 1 and goes up by one with every update (SQLAlchemy's ``version_id_col``):
    every UPDATE and DELETE says ``WHERE version = <the version read>``, so a row changed by someone
    else in the meantime is never overwritten (``StaleDataError``). The services also compare it
    with the version a record was read at when the user opened it (``app.core.versions``).
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:  # noqa: N805 - a declared attribute of the class
        return {"version_id_col": cls.__table__.c.version}


def search_key(*parts: str | None) -> str:
    """What search-as-you-type compares with: case-folded, ё as е, parts joined by a separator."""
    return "\u241f".join((p or "").casefold().replace("ё", "е") for p in parts if p)


def like_pattern(text: str) -> str:
    """A LIKE pattern (escape character \\) that finds ``text`` anywhere in a search key."""
    needle = search_key(text.strip())
    needle = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{needle}%"


class Searchable:
    """Mixin: a ``search_text`` column kept up to date from ``__search_fields__`` on every write.

    Search as you type then runs in SQL (``search_text LIKE :pattern ESCAPE '\\'``), with case
    folding that SQLite's LIKE cannot do for Chinese or Cyrillic.
    """

    __search_fields__: tuple[str, ...] = ()
    search_text: Mapped[str] = mapped_column(Text, default="")


def _refresh_search_text(_mapper, _connection, target) -> None:
    target.search_text = search_key(*(getattr(target, f, "") for f in target.__search_fields__))


event.listen(Searchable, "before_insert", _refresh_search_text, propagate=True)
event.listen(Searchable, "before_update", _refresh_search_text, propagate=True)
