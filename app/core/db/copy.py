"""Copying a whole database between SQLite and PostgreSQL, either way, and checking the copy.

Every table of the schema is copied row by row, parents before children, with the same keys, UUIDs
and versions; attachments are rows of ``blobs``, the signed content and the print register rows of
``minutes`` and ``minutes_prints``, so they travel as they are (the triggers that guard signed
minutes let inserts through). The target must be empty (a new file, or a server database that is
empty or initialised but without records); both databases are at the newest schema.

The copy is then checked against the source: the number of rows of every table, a digest of every
table's rows, and every signed minutes' stored content against its fingerprint and print register
(``signing.record_problem``) in the target. What each database keeps for itself is left out of the
comparison: its id (the setting ``sync.database_id``) and its exchange bookkeeping.

A copy is a database of its own (:func:`start_peer`): it gets a new id, and it and its source
record each other as exchange peers whose common base is what they hold now, so that a laptop
taking the copy on the road brings back its changes, and takes the office's, with the exchange
bundles (docs/bundles.md). ``keep_identity`` instead moves the database: the target keeps the
source's id and exchanges.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import Integer, func, select, text

from app.core.errors import CoreError
from app.i18n import N_

BATCH = 2000


@dataclass
class CopyReport:
    counts: dict[str, int] = field(default_factory=dict)
    signed_minutes: int = 0
    prints: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def _tables():
    from app.core.models import Base

    return Base.metadata.sorted_tables


#: each database's own exchange bookkeeping (:mod:`app.core.sync.peers`): not compared
OWN_TABLES = {"sync_peers", "sync_records", "sync_bundles"}


def _own_rows(table):
    """The rows of ``table`` that are the same in a copy (the database id setting left out)."""
    from app.core.sync.peers import DATABASE_ID

    q = select(table)
    if table.name == "settings":
        q = q.where(table.c.key != DATABASE_ID)
    return q


def _counts(conn) -> dict[str, int]:
    return {t.name: conn.execute(select(func.count()).select_from(_own_rows(t).subquery())).scalar_one()
            for t in _tables()}  # fmt: skip


def _norm(value):
    """A value as both engines give it back (memoryview and bytes, aware and naive UTC times)."""
    if isinstance(value, memoryview | bytearray):
        value = bytes(value)
    if isinstance(value, bytes):
        return "b:" + hashlib.sha256(value).hexdigest()
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value.normalize())
    if isinstance(value, bool):
        return int(value)
    return value


def _digest(conn, table) -> str:
    h = hashlib.sha256()
    order = list(table.primary_key.columns) or list(table.columns)
    columns = [c for c in table.columns if not (table.name == "settings" and c.name == "id")]
    for row in conn.execute(_own_rows(table).with_only_columns(*columns).order_by(*order)):
        h.update(repr(tuple(_norm(v) for v in row)).encode())
    return h.hexdigest()


def copy_database(source, target, *, keep_identity: bool = False) -> CopyReport:
    """Copy every record of ``source`` into the empty ``target`` (both open Databases), then check;
    the target is then a peer database of the source (unless ``keep_identity``: a move)."""
    from app.core.demo import is_empty

    with target.unit(read_only=True) as s:
        empty = is_empty(s)
    if not empty:
        raise CoreError(
            N_("“{target}” already holds records; a copy goes only into a new or empty database."),
            target=target.location,
        )
    with source.engine.connect() as src, target.engine.connect() as dst:
        with dst.begin():
            for table in reversed(_tables()):  # what the migrations put in (the markings) comes too
                dst.execute(table.delete())
            for table in _tables():
                rows = src.execution_options(yield_per=BATCH).execute(select(table))
                for chunk in rows.partitions(BATCH):
                    dst.execute(table.insert(), [dict(r._mapping) for r in chunk])
            if dst.dialect.name == "postgresql":
                _reset_sequences(dst)
    report = verify_copy(source, target)
    if not report.problems and not keep_identity:
        start_peer(source, target)
    return report


def start_peer(source, target) -> str:
    """The target, a copy of the source, gets its own id; both record the other as a peer."""
    from app.core.sync.peers import start_copy

    with source.unit() as a, target.unit() as b:
        return start_copy(a, b, str(source.location), str(target.location))


def _reset_sequences(conn) -> None:
    """Rows came with their keys: the server's counters must go on after the highest."""
    for table in _tables():
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not isinstance(pk[0].type, Integer):
            continue
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{pk[0].name}'), "
                f"COALESCE((SELECT MAX({pk[0].name}) FROM {table.name}), 0) + 1, false) "
                f"WHERE pg_get_serial_sequence('{table.name}', '{pk[0].name}') IS NOT NULL"
            )
        )


def verify_copy(source, target) -> CopyReport:
    """Compare the copy with its source: counts, every table's rows, the signed minutes."""
    from app.core.models.minutes import Minutes, MinutesPrint
    from app.core.services.minutes.signing import record_problem

    report = CopyReport()
    with source.engine.connect() as src, target.engine.connect() as dst:
        report.counts = _counts(src)
        theirs = _counts(dst)
        for table in _tables():
            name = table.name
            if name in OWN_TABLES:
                continue
            if report.counts[name] != theirs[name]:
                report.problems.append(f"{name}: {report.counts[name]} → {theirs[name]}")
            elif _digest(src, table) != _digest(dst, table):
                report.problems.append(f"{name}: ≠")
    with target.unit(read_only=True) as s:
        for row in s.scalars(select(Minutes).where(Minutes.locked.is_(True))):
            report.signed_minutes += 1
            problem = record_problem(s, row)
            if problem:
                report.problems.append(f"minutes {row.uuid}: {problem}")
        report.prints = s.execute(select(func.count()).select_from(MinutesPrint)).scalar_one()
    return report
