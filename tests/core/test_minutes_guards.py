"""The database triggers: raw SQL cannot change or delete signed minutes, their segments, their
decisions' texts or the print register; the decisions' follow-up and the marking stay writable;
inserts stay possible, so a copy of the database can be made row by row."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from app.core.db import Database
from app.core.enums import SegmentKind, SegmentPart
from app.core.models import Base, Minutes, Segment
from app.core.services.minutes import signing
from app.core.services.minutes.content import signing_defaults
from app.migrations import triggers
from tests.core.signing_helpers import make_minutes

P, K = SegmentPart, SegmentKind
ROWS = [
    (P.PREAMBLE, K.PARAGRAPH, "会议于北京举行。", "Заседание состоялось в Пекине."),
    (P.JOINT, K.DECISION, "双方交换120项技术条件。", "Стороны обмениваются 120 техническими условиями."),
    (P.SECOND, K.PARAGRAPH, "双方同意继续合作。", "Стороны согласились продолжить сотрудничество."),
]


def test_the_triggers_exist_at_head(db):
    with db.engine.connect() as conn:
        if db.is_server:  # the PL/pgSQL twins
            rows = conn.exec_driver_sql(
                "SELECT tgname, tgrelid::regclass::text FROM pg_trigger WHERE NOT tgisinternal"
            ).fetchall()
        else:
            rows = conn.exec_driver_sql(
                "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'"
            ).fetchall()
    assert {(g.name, g.table) for g in triggers.GUARDS} <= set(rows)


def test_the_postgresql_triggers_are_written_for_every_guard():
    sql = triggers.statements("postgresql")
    for g in triggers.GUARDS:
        assert any(f"CREATE TRIGGER {g.name} BEFORE {g.event} ON {g.table} " in s for s in sql)
        assert any(f"FUNCTION {g.name}_fn()" in s and "LANGUAGE plpgsql" in s for s in sql)
    assert not any(" IS NOT OLD." in s for s in sql)  # SQLite's operator: PostgreSQL says IS DISTINCT FROM


@pytest.fixture
def signed(demo_db):
    from app.reports import minutes as report
    from app.reports.minutes import PrintOptions

    mid, minutes_id = make_minutes(demo_db, rows=ROWS)
    with demo_db.unit() as s:
        signing.record_signing(s, mid, signing_defaults(s, mid))
        report.minutes_pdf(s, mid, PrintOptions("CN"))  # one entry in the print register
    return demo_db, mid, minutes_id


REFUSED = [
    "UPDATE minutes_segments SET text_zh = '苏方派遣专家52名。' WHERE minutes_id = :m AND position = 1",
    "UPDATE minutes_segments SET text_ru = text_ru || '.' WHERE minutes_id = :m",
    "UPDATE minutes_segments SET position = 9 WHERE minutes_id = :m AND position = 0",
    "DELETE FROM minutes_segments WHERE minutes_id = :m AND position = 2",
    "UPDATE minutes SET signed_content = replace(signed_content, '120', '121') WHERE id = :m",
    "UPDATE minutes SET fingerprint = 'x', signed_content = '' WHERE id = :m",
    "UPDATE minutes SET locked = 0 WHERE id = :m",
    "DELETE FROM minutes WHERE id = :m",
    "UPDATE decisions SET text_ru = 'Подделка.' WHERE id IN (SELECT decision_id FROM minutes_segments WHERE minutes_id = :m)",
    "UPDATE decisions SET number = 7 WHERE id IN (SELECT decision_id FROM minutes_segments WHERE minutes_id = :m)",
    "DELETE FROM decisions WHERE id IN (SELECT decision_id FROM minutes_segments WHERE minutes_id = :m)",
    "UPDATE minutes_prints SET sha256 = 'x' WHERE minutes_id = :m",
    "DELETE FROM minutes_prints WHERE minutes_id = :m",
]


@pytest.mark.parametrize("sql", REFUSED)
def test_raw_sql_cannot_change_signed_minutes(signed, sql):
    db, _mid, minutes_id = signed
    if db.is_server:
        sql = sql.replace("locked = 0", "locked = false")
    with pytest.raises(IntegrityError, match="cannot be changed"), db.engine.begin() as conn:
        conn.execute(text(sql), {"m": minutes_id})


def test_the_follow_up_and_the_marking_stay_writable_and_unsigned_minutes_stay_free(signed, demo_db):
    db, _mid, minutes_id = signed
    with db.engine.begin() as conn:
        held = "id IN (SELECT decision_id FROM minutes_segments WHERE minutes_id = :m)"
        conn.execute(text(f"UPDATE decisions SET status = 'done', deadline = '1960-01-01', agency1_zh = '一机部' "
                          f"WHERE {held}"), {"m": minutes_id})  # fmt: skip
        conn.execute(text("UPDATE minutes SET marking_zh = '秘密', marking_ru = 'Секретно' WHERE id = :m"),
                     {"m": minutes_id})  # fmt: skip
        conn.execute(
            text("UPDATE minutes_segments SET status = 'initialled' WHERE minutes_id = :m"), {"m": minutes_id}
        )
    _mid2, draft = make_minutes(db, ordinal=91, rows=ROWS)
    with db.engine.begin() as conn:  # minutes not signed: anything goes
        conn.execute(
            text("UPDATE minutes_segments SET text_ru = 'Черновик.' WHERE minutes_id = :m"), {"m": draft}
        )
        conn.execute(
            text("DELETE FROM minutes_segments WHERE minutes_id = :m AND position = 2"), {"m": draft}
        )


def test_a_copy_of_the_database_can_be_made_row_by_row(signed, tmp_path):
    db, mid, minutes_id = signed
    if db.is_server:
        pytest.skip("SQLite's ATTACH; the copy between engines is tests/core/test_server.py's")
    target = tmp_path / "copy.sqlite3"
    Database.open(target).close()  # an empty database at head, with its triggers
    con = sqlite3.connect(target)
    try:
        con.execute("PRAGMA foreign_keys = OFF")
        con.execute("ATTACH DATABASE ? AS src", (str(db.path),))
        with con:
            for table in reversed(Base.metadata.sorted_tables):
                con.execute(f"DELETE FROM main.{table.name}")  # rows a new database starts with
            for table in Base.metadata.sorted_tables:
                cols = ", ".join(c.name for c in table.columns)
                con.execute(f"INSERT INTO main.{table.name} ({cols}) SELECT {cols} FROM src.{table.name}")
        con.execute("DETACH DATABASE src")
    finally:
        con.close()
    copy = Database.open(target)
    try:
        with copy.unit() as s:
            row = s.get(Minutes, minutes_id)
            assert row.locked and signing.record_problem(s, row) == ""
            assert len(s.execute(select(Segment).where(Segment.minutes_id == minutes_id)).all()) == len(ROWS)
        with pytest.raises(IntegrityError), copy.engine.begin() as conn:  # and the copy is guarded too
            conn.execute(text("DELETE FROM minutes_segments WHERE minutes_id = :m"), {"m": minutes_id})
    finally:
        copy.close()
