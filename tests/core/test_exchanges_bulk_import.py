"""The import writes its rows in bulk (one INSERT of many rows, audit entries alike) and reads the
file a part at a time: what it writes is exactly what the register's save through the ORM wrote
(the rows, their derived columns, the audit trail), a refusal leaves nothing, and a sheet read in
parts gives the same rows as one read whole."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text

from app.core.db.bulk import BULK_CACHE_KIB
from app.core.errors import ImportRefused, RowError
from app.core.models import AuditEntry, Exchange
from app.core.services import table_stream, tables
from app.core.services.exchanges import cells as cells_module
from app.core.services.exchanges import records as service
from app.core.services.exchanges import transfer as xio
from app.core.services.exchanges.fields import EXCHANGE, INPUT_FIELDS
from app.core.services.exchanges.records import ExchangeData
from tests.core.exchange_helpers import TODAY, copied_setup

UUID = "0b7c6d3e-8a43-4f5e-9c1d-2a3b4c5d6e7f"


@pytest.fixture
def reg(built_db):
    return copied_setup(built_db)


def _file(path, n: int = 30):
    columns = xio.export_columns()
    d = dt.timedelta

    def row(i: int) -> list[object]:
        kind = ("book", "standard", "apparatus", "sample", "materiel")[i % 5]
        cells = {
            "kind": kind, "from_side_id": "SU" if i % 2 else "CN", "to_side_id": "CN" if i % 2 else "SU",
            "title_zh": f"  机械制造手册   第{i}号 ", "title_ru": f"Справочник  № {i}" if i % 3 else "",
            "reference": f"СК-{i:04d}", "quantity": 1 + i % 7,
            "requested_on": TODAY - d(days=400 - i), "promised_on": TODAY - d(days=300 - i) if i % 4 else None,
            "sent_on": TODAY - d(days=200 - i) if i % 4 == 1 else None,
            "declined_on": TODAY - d(days=100) if i % 4 == 2 else None,
            "channel": "Diplomatic mail" if i % 6 == 0 else None, "meeting_id": 1 if i % 2 else None,
            "decision_id": 3 if i % 4 == 1 else None, "notes": "Первая строка.  \r\nВторая строка.  " if i % 2 else "",
            "published": "Unpublished" if i % 10 == 1 else None,
            "warranty_start": TODAY - d(days=150) if kind == "apparatus" else None,
            "warranty_months": 12 if kind == "apparatus" else None,
            "warranty_terms_ru": "Гарантия 12 месяцев." if kind == "apparatus" else "",
            "uuid": UUID if i == 7 else "",
        }  # fmt: skip
        return [cells.get(c) for c in columns]

    tables.write_table(path, [EXCHANGE[c].header for c in columns], (row(i) for i in range(n)))
    return path


def _through_the_orm(s, table) -> None:
    """What the import did before it wrote in bulk: each row checked by the register's validation
    and added through the ORM (its events fill the derived columns and the audit trail)."""
    mapping = xio.guess_mapping(table.headers)
    look = cells_module.Lookups.load(s)
    parse = cells_module.RowParser(look, mapping)  # without the service's tidying: validate tidies
    sides = set(look.sides.values())
    for values, errors in parse([cells for _number, cells in table.rows]):
        assert not errors
        data = service.validate(s, ExchangeData(**values), TODAY, side_ids=sides)
        row = Exchange()
        if data.uuid:
            row.uuid = data.uuid
        for f in INPUT_FIELDS:
            setattr(row, f, getattr(data, f))
        s.add(row)
    s.flush()


def _written(s, since: int) -> tuple[list[dict], list[tuple]]:
    """The new rows (without their keys and timestamps; a generated UUID as "new") and their
    audit entries (the record as its position among the rows)."""
    rows = [
        dict(r._mapping)
        for r in s.execute(select(Exchange.__table__).where(Exchange.id > since).order_by(Exchange.id))
    ]
    position = {r["uuid"]: i for i, r in enumerate(rows)}
    for r in rows:
        for key in ("id", "created_at", "updated_at"):
            r.pop(key)
        if r["uuid"] != UUID:
            r["uuid"] = "new"
    indexed: list[tuple] = []
    if s.get_bind().dialect.name == "sqlite":  # the search index (FTS5), by position too
        ids = [i for (i,) in s.execute(select(Exchange.id).where(Exchange.id > since).order_by(Exchange.id))]
        found = dict(
            (rowid, (zh, ru))
            for rowid, zh, ru in s.execute(text("SELECT rowid, zh, ru FROM search_index WHERE rowid % 16 = 6"))
        )
        indexed = [found.get(i * 16 + 6) for i in ids]
        assert indexed and all(indexed)
    audit = [
        (position.get(e.record_uuid), e.user_name, e.register, e.action, e.changes)
        for e in s.execute(
            select(AuditEntry).where(AuditEntry.register == "exchanges").order_by(AuditEntry.id)
        ).scalars()
        if e.record_uuid in position
    ]
    return rows, audit, indexed


@pytest.mark.parametrize("per_statement", [200, 7])
def test_the_bulk_import_writes_what_the_orm_wrote(reg, tmp_path, monkeypatch, per_statement):
    """(On SQLite 7 rows a statement as well: 30 rows in four statements of 7, then two rows.)"""
    from app.core.db import bulk

    monkeypatch.setattr(bulk, "ROWS_PER_STATEMENT", per_statement)
    path = _file(tmp_path / "items.xlsx")
    with reg.db.unit() as s:
        since = s.execute(select(Exchange.id).order_by(Exchange.id.desc()).limit(1)).scalar() or 0
        nested = s.begin_nested()
        result = xio.import_file(s, path, today=TODAY)
        if s.get_bind().dialect.name == "sqlite":  # the index's trigger was set aside, and is back
            assert s.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'search_exchanges_ins'")).first()
        bulk = _written(s, since)
        nested.rollback()
        assert s.execute(select(Exchange.id).where(Exchange.id > since)).first() is None
        nested = s.begin_nested()
        _through_the_orm(s, tables.read_table(path))
        orm = _written(s, since)
        nested.rollback()
    assert result.added == 30 and result.updated == 0
    assert len(bulk[0]) == 30 and len(bulk[1]) == 30
    assert bulk[0] == orm[0]
    assert bulk[1] == orm[1]
    assert bulk[2] == orm[2]  # the same words in the search index (SQLite)
    assert {r["status"] for r in bulk[0]} >= {"requested", "promised", "sent", "declined"}
    assert any(r["warranty_expires"] for r in bulk[0]) and all(r["version"] == 1 for r in bulk[0])


def test_a_refused_file_leaves_nothing_even_after_full_batches(reg, tmp_path, monkeypatch):
    monkeypatch.setattr(xio, "BATCH", 4)
    path = _file(tmp_path / "items.xlsx", 20)
    from openpyxl import load_workbook

    wb = load_workbook(path)
    wb.active.cell(row=19, column=xio.export_columns().index("quantity") + 1, value="many")
    wb.save(path)
    with reg.db.unit() as s:
        before = s.execute(select(Exchange.id)).all(), s.execute(select(AuditEntry.id)).all()
        with pytest.raises(ImportRefused) as exc:
            xio.import_file(s, path, today=TODAY)
        assert [r.row for r in exc.value.rows] == [19]
        assert (s.execute(select(Exchange.id)).all(), s.execute(select(AuditEntry.id)).all()) == before
        if s.get_bind().dialect.name == "sqlite":  # the index's trigger, set aside during the import, is back
            names = set(s.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars())
            assert "search_exchanges_ins" in names


def test_a_sheet_read_in_parts_gives_the_rows_read_whole(tmp_path, monkeypatch):
    path = _file(tmp_path / "items.xlsx", 300)
    monkeypatch.setattr(table_stream, "PART_BYTES", 20_000)  # about 15 parts
    streamed = table_stream.open_table(path)
    whole = tables.read_table(path)
    assert streamed.headers == whole.headers
    assert len(streamed.rows) == 300 and streamed.rows.estimate == 300
    assert list(streamed.rows) == list(whole.rows)
    assert streamed.rows[:3] == whole.rows[:3]


def test_a_csv_is_read_as_it_was_read_whole(tmp_path):
    path = tmp_path / "items.csv"
    path.write_text(
        "\ufeffKind;From;To;Title in Russian\nBook;SU;CN;'=1+1\n\n ;;;\nSample;CN;SU;Образцы\n", "utf-8"
    )
    streamed = table_stream.open_table(path)
    whole = tables.read_table(path)
    assert streamed.headers == whole.headers
    assert [(n, tuple(v or "" for v in c)) for n, c in streamed.rows] == list(whole.rows)


def test_the_bulk_rows_carry_the_timestamps_version_and_audit_time_as_the_orm_stores_them(reg, tmp_path):
    """Written through the driver (plain tuples), the timestamps are stored as the ORM stores them
    (on SQLite the same text form, on PostgreSQL naive UTC), read back as the same aware UTC time
    for the record and its audit entry, version 1."""
    path = _file(tmp_path / "items.xlsx", 5)
    before = dt.datetime.now(dt.UTC)
    with reg.db.unit() as s:
        since = s.execute(select(Exchange.id).order_by(Exchange.id.desc()).limit(1)).scalar() or 0
        xio.import_file(s, path, today=TODAY)
        s.add(Exchange(kind="book", from_side_id=reg.su, to_side_id=reg.cn, title_ru="Через ORM",
                       requested_on=TODAY))  # fmt: skip
        s.flush()
        raw = s.connection().exec_driver_sql(
            f"SELECT created_at, updated_at, version FROM exchanges WHERE id > {since} ORDER BY id"
        ).all()
        raw_audit = s.connection().exec_driver_sql(
            "SELECT at FROM audit_log WHERE register = 'exchanges' ORDER BY id DESC LIMIT 6"
        ).all()
        rows = s.execute(select(Exchange).where(Exchange.id > since).order_by(Exchange.id)).scalars().all()
        audit = {e.record_uuid: e.at for e in s.execute(select(AuditEntry)).scalars()}
    *bulk, orm = raw
    assert len(bulk) == 5
    for created, updated, version in bulk:
        assert type(created) is type(orm[0]) and created == updated and version == 1
        if isinstance(created, str):  # SQLite: the text form SQLAlchemy writes
            assert len(created) == len(orm[0]) and created[10] == orm[0][10] == " "
    assert {type(a) for (a,) in raw_audit} == {type(orm[0])}
    after = dt.datetime.now(dt.UTC)
    for r in rows[:5]:
        assert r.created_at.tzinfo is not None and before <= r.created_at <= after
        assert before <= audit[r.uuid] <= after


def test_sqlite_gets_a_larger_page_cache_during_an_import_only(reg, tmp_path, monkeypatch):
    """The page cache is larger while the rows go in, and as it was after a refusal too."""
    path = _file(tmp_path / "items.xlsx", 3)
    seen = []
    run = xio._Import.run

    def watching(self, progress):
        seen.append(self.session.connection().exec_driver_sql("PRAGMA cache_size").scalar())
        return run(self, progress)

    monkeypatch.setattr(xio._Import, "run", watching)
    with reg.db.unit() as s:
        if s.get_bind().dialect.name != "sqlite":
            pytest.skip("a pragma of SQLite")
        before = s.connection().exec_driver_sql("PRAGMA cache_size").scalar()
        xio.import_file(s, path, today=TODAY)
        assert seen == [-BULK_CACHE_KIB] and -BULK_CACHE_KIB < before  # larger (negative: KiB)
        assert s.connection().exec_driver_sql("PRAGMA cache_size").scalar() == before
        monkeypatch.setattr(xio._Import, "check", lambda self, batch: self.problems.extend(
            RowError(number, "x", "bad") for number, _cells in batch) or [])  # fmt: skip
        with pytest.raises(ImportRefused):
            xio.import_file(s, path, today=TODAY)
        assert s.connection().exec_driver_sql("PRAGMA cache_size").scalar() == before
