"""The schema comes only from Alembic migrations, which agree with the models; older databases are
upgraded in place, newer or foreign files are refused and left untouched."""

from __future__ import annotations

import sqlite3

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app.core import db as dbmod
from app.core.db import Database
from app.core.errors import DatabaseOpenError
from app.core.models import Base
from app.migrations import search_index


def test_new_database_is_at_head_with_wal_and_foreign_keys(tmp_path):
    db = Database.open(tmp_path / "new.sqlite3")  # created and migrated here, not copied from a template
    _known, heads = dbmod.known_revisions()
    try:
        with db.engine.connect() as conn:
            current = {r[0] for r in conn.exec_driver_sql("SELECT version_num FROM alembic_version")}
            assert current == heads
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.close()


def test_the_db_fixture_is_a_copy_at_head_with_wal_and_foreign_keys(db, db_path):
    _known, heads = dbmod.known_revisions()
    assert db.path == db_path.resolve()
    with db.engine.connect() as conn:
        current = {r[0] for r in conn.exec_driver_sql("SELECT version_num FROM alembic_version")}
        assert current == heads
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("SELECT count(*) FROM sides").scalar() == 0


def test_revisions_read_from_the_files_agree_with_alembic():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(dbmod.alembic_config())
    known, heads = dbmod.known_revisions()
    assert known == {r.revision for r in script.walk_revisions()}
    assert heads == set(script.get_heads())
    assert len(heads) == 1, f"the migrations have several heads: {sorted(heads)}"


def test_models_and_migrations_agree(db):
    with db.engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"include_name": search_index.include_name}), Base.metadata
        )
    assert diff == [], f"models and migrations disagree: {diff}"


def test_every_table_is_created_by_migrations(db):
    with db.engine.connect() as conn:
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    assert set(Base.metadata.tables) <= tables


def _database_at(path, revision: str) -> None:
    engine = dbmod.make_engine(path, foreign_keys=False)
    with engine.begin() as conn:
        cfg = dbmod.alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    engine.dispose()


def test_older_database_is_upgraded_in_place_and_keeps_its_data(db_path):
    first = "0001_commission"
    _database_at(db_path, first)
    con = sqlite3.connect(db_path)
    con.execute(
        "INSERT INTO sides (id, uuid, created_at, updated_at, position, code, language, name_full_zh, name_full_ru,"
        " name_full_en, name_short_zh, name_short_ru, name_short_en, government_zh, government_ru, government_en,"
        " delegation_title_zh, delegation_title_ru, delegation_title_en)"
        " VALUES (1, 'u1', '2020-01-01', '2020-01-01', 1, 'CN', 'zh', '中国', 'Китай', '', '中国', 'Китай', '',"
        " '', '', '', '', '', '')"
    )
    con.execute(
        "INSERT INTO people (id, uuid, created_at, updated_at, side_id, name_zh, name_ru, name_latin,"
        " organisation_zh, organisation_ru, position_zh, position_ru, notes, search_text)"
        " VALUES (1, 'p1', '2020-01-01', '2020-01-01', 1, '王振国', 'Ван Чжэньго', '', '', '', '', '', '', '')"
    )
    con.commit()
    con.close()
    database = Database.open(db_path)
    try:
        _known, heads = dbmod.known_revisions()
        with database.engine.connect() as conn:
            assert {r[0] for r in conn.exec_driver_sql("SELECT version_num FROM alembic_version")} == heads
            assert conn.exec_driver_sql("SELECT name_ru FROM people WHERE id=1").scalar() == "Ван Чжэньго"
            assert conn.exec_driver_sql("SELECT count(*) FROM meetings").scalar() == 0
    finally:
        database.close()
    backups = list(db_path.parent.glob(f"{db_path.name}.before-upgrade-{first}.bak"))
    assert len(backups) == 1


def test_newer_database_is_refused_and_left_untouched(db_path):
    Database.open(db_path).close()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = 'f00d_from_the_future'")
    con.commit()
    con.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseOpenError) as info:
        Database.open(db_path)
    assert "newer version" in info.value.message
    assert db_path.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"Minutes of the first session\n" * 20)
    before = path.read_bytes()
    with pytest.raises(DatabaseOpenError) as info:
        Database.open(path)
    assert "not an SQLite file" in info.value.message
    assert path.read_bytes() == before


def test_a_truncated_database_is_refused(demo_db_path):
    data = demo_db_path.read_bytes()
    assert len(data) > 40000
    demo_db_path.write_bytes(data[: len(data) // 3])
    before = demo_db_path.read_bytes()
    with pytest.raises(DatabaseOpenError) as info:
        Database.open(demo_db_path)
    assert "damaged" in info.value.message
    assert demo_db_path.read_bytes() == before


def test_another_programs_sqlite_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE recipes (name TEXT)")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseOpenError):
        Database.open(path)
    assert path.read_bytes() == before


def test_one_unit_of_work_rolls_back_everything_on_error(db):
    from app.core.models import Commission

    with pytest.raises(RuntimeError):
        with db.unit() as s:
            s.add(Commission(name_zh="委员会"))
            s.flush()
            raise RuntimeError("power cut")
    with db.unit() as s:
        assert s.query(Commission).count() == 0
