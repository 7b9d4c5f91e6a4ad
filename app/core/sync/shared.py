"""The shared records: what each register declares (``SHARED`` of its module), and a record's
shared values as JSON, with references by UUID.

A record's values are ``{column: JSON value}`` for every column of its table but the bookkeeping
ones (id, uuid, timestamps, version, search text) and those its register keeps home. A foreign key
holds the UUID of the record it points to (its integer id means nothing in the other database);
an attachment's owner likewise; a many-to-many list (the people of an assignment) is a sorted list
of UUIDs under the link table's name. Dates, times and timestamps are ISO text, decimals text,
bytes base64. The SHA-256 of the canonical JSON is the record's hash.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import importlib
import json
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from sqlalchemy import Column, Table, delete, insert, select
from sqlalchemy.orm import Session

from app.core.fields import Shared
from app.core.models import Base

#: The modules whose ``SHARED`` declares what their register shares. A new register that travels
#: to the other side adds its module here (and its ``SHARED`` there).
MODULES = (
    "app.core.services.sharing",
    "app.core.services.agenda.sharing",
    "app.core.services.decisions.fields",
    "app.core.services.correspondence.fields",
    "app.core.services.exchanges.fields",
    "app.core.services.experts.fields",
    "app.core.services.expenses.fields",
    "app.core.services.minutes.sharing",
)

#: Columns that never travel: this database's own bookkeeping.
BOOKKEEPING = frozenset({"id", "uuid", "created_at", "updated_at", "version", "search_text"})
#: The hash of a deleted record.
DELETED = "-"


@dataclass(frozen=True)
class Spec:
    """One shared table: its declaration, table and model."""

    shared: Shared
    table: Table
    model: type

    @property
    def name(self) -> str:
        return self.table.name

    @property
    def columns(self) -> tuple[Column, ...]:
        skip = BOOKKEEPING | set(self.shared.exclude)
        return tuple(c for c in self.table.columns if c.key not in skip)

    def ref(self, column: Column) -> str | None:
        """The table a column points to by id (a foreign key to a record with a UUID)."""
        for fk in column.foreign_keys:
            target = fk.column.table
            if fk.column.key == "id" and "uuid" in target.c:
                return target.name
        return None


@lru_cache(maxsize=1)
def specs() -> tuple[Spec, ...]:
    """Every shared table, parents before children."""
    declared: dict[str, Shared] = {}
    for name in MODULES:
        for s in importlib.import_module(name).SHARED:
            declared[s.table] = s
    models = {m.local_table.name: m.class_ for m in Base.registry.mappers}
    ordered = [Spec(declared[t.name], t, models[t.name]) for t in Base.metadata.sorted_tables if t.name in declared]
    # a record that belongs to records of other registers (attachments) comes after them all
    return tuple(sorted(ordered, key=lambda s: s.shared.owner is not None))


def spec(name: str) -> Spec | None:
    return next((s for s in specs() if s.name == name), None)


def to_json(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return str(getattr(value, "value", value))


def from_json(value: Any, column: Column) -> Any:
    if value is None:
        return None
    try:
        kind = getattr(column.type, "impl", column.type).python_type
    except NotImplementedError:
        return value
    if kind is dt.datetime:
        return dt.datetime.fromisoformat(value)
    if kind is dt.date:
        return dt.date.fromisoformat(value)
    if kind is dt.time:
        return dt.time.fromisoformat(value)
    if kind is Decimal:
        return Decimal(value)
    if kind is bytes:
        return base64.b64decode(value)
    if kind is bool:
        return bool(value)
    return value


def canonical(values: dict | None) -> str:
    return json.dumps(values, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def digest(values: dict | None) -> str:
    if values is None:
        return DELETED
    return hashlib.sha256(canonical(values).encode("utf-8")).hexdigest()


class Ids:
    """Integer ids ↔ UUIDs of this database, table by table (read once, kept up to date)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._uuid: dict[str, dict[int, str]] = {}
        self._id: dict[str, dict[str, int]] = {}

    def _load(self, table: str) -> None:
        if table not in self._uuid:
            t = Base.metadata.tables[table]
            rows = self.session.execute(select(t.c.id, t.c.uuid)).all()
            self._uuid[table] = {i: u for i, u in rows}
            self._id[table] = {u: i for i, u in rows}

    def uuid(self, table: str, id_: int | None) -> str | None:
        if id_ is None:
            return None
        self._load(table)
        return self._uuid[table].get(id_)

    def id(self, table: str, uuid: str | None) -> int | None:
        if uuid is None:
            return None
        self._load(table)
        return self._id[table].get(uuid)

    def add(self, table: str, id_: int, uuid: str) -> None:
        self._load(table)
        self._uuid[table][id_] = uuid
        self._id[table][uuid] = id_

    def forget(self, table: str, uuid: str) -> None:
        self._load(table)
        id_ = self._id[table].pop(uuid, None)
        self._uuid[table].pop(id_, None)


def rows(session: Session, s: Spec):
    """The shared rows of one table (as ORM objects)."""
    query = select(s.model)
    for column, allowed in s.shared.where.items():
        query = query.where(s.table.c[column].in_(allowed))
    if s.shared.owner:
        kind, _id, owners = s.shared.owner
        query = query.where(s.table.c[kind].in_(tuple(owners)))
    return session.execute(query.order_by(s.table.c.id)).scalars()


def values(session: Session, s: Spec, row: Any, ids: Ids) -> dict[str, Any]:
    """The shared values of one record."""
    out: dict[str, Any] = {}
    owner = s.shared.owner
    for c in s.columns:
        value = getattr(row, c.key)
        target = s.ref(c)
        if target:
            value = ids.uuid(target, value)
        elif owner and c.key == owner[1]:
            table = owner[2].get(getattr(row, owner[0]))
            value = ids.uuid(table, value) if table else None
        out[c.key] = to_json(value)
    for link, own, other, other_table in s.shared.links:
        t = Base.metadata.tables[link]
        linked = session.execute(select(t.c[other]).where(t.c[own] == row.id)).scalars()
        out[link] = sorted(u for u in (ids.uuid(other_table, i) for i in linked) if u)
    return out


def snapshot(session: Session, ids: Ids | None = None) -> dict[str, tuple[Spec, Any, dict]]:
    """{uuid: (spec, row, values)} of every shared record of this database."""
    ids = ids or Ids(session)
    out = {}
    for s in specs():
        for row in rows(session, s):
            out[row.uuid] = (s, row, values(session, s, row, ids))
    return out


class MissingReference(Exception):
    def __init__(self, table: str, uuid: str) -> None:
        super().__init__(f"{table} {uuid}")
        self.table, self.uuid = table, uuid


def assign(session: Session, s: Spec, row: Any, new: dict[str, Any], ids: Ids, *, late: list) -> None:
    """Give ``row`` the shared values ``new`` (references mapped back to this database's ids).

    A reference to a record of the same table not yet there is set after the table is in; the late
    columns are appended to ``late`` as (row, column, value)."""
    owner = s.shared.owner
    for c in s.columns:
        if c.key not in new:
            continue
        value = new[c.key]
        target = s.ref(c)
        if target:
            local = ids.id(target, value)
            if value is not None and local is None:
                if target == s.name:
                    late.append((row, c.key, ("ref", target, value)))
                    continue
                raise MissingReference(target, value)
            value = local
        elif owner and c.key == owner[1]:
            table = owner[2].get(new.get(owner[0]) or getattr(row, owner[0], None))
            local = ids.id(table, value) if table else None
            if local is None:
                raise MissingReference(table or "?", value)
            value = local
        else:
            value = from_json(value, c)
        if c.key in s.shared.late:
            late.append((row, c.key, value))
            continue
        if getattr(row, c.key) != value:
            setattr(row, c.key, value)


def assign_links(session: Session, s: Spec, row: Any, new: dict[str, Any], ids: Ids) -> None:
    for link, own, other, other_table in s.shared.links:
        if link not in new:
            continue
        t = Base.metadata.tables[link]
        wanted = set()
        for u in new[link] or ():
            i = ids.id(other_table, u)
            if i is None:
                raise MissingReference(other_table, u)
            wanted.add(i)
        have = set(session.execute(select(t.c[other]).where(t.c[own] == row.id)).scalars())
        if wanted - have:
            session.execute(insert(t), [{own: row.id, other: i} for i in sorted(wanted - have)])
        if have - wanted:
            session.execute(delete(t).where(t.c[own] == row.id, t.c[other].in_(have - wanted)))
