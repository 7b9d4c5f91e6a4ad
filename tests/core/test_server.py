"""A shared office database on PostgreSQL: URLs, one-line errors, explicit upgrades, two clients,
notifications, reader roles, copies between SQLite and PostgreSQL, backups with pg_dump.

Every test here needs the server of tests/pg_server.py (skipped with its reason where none can be
started, a failure in CI)."""

from __future__ import annotations

import re
import select as io_select
import shutil
import time
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app.cli import main
from app.core.db import Database, server
from app.core.errors import ConflictError, DatabaseOpenError, ReadOnlyDatabaseError, SchemaUpgradeNeeded
from app.core.models import AuditEntry, MinutesPrint, Person, Side
from app.core.services import people
from app.core.services.people import PersonData

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def pg_db(pg_fresh, pg_templates):
    """An empty, migrated server database of this test's own."""
    database = Database.open(pg_fresh(pg_templates.empty()))
    yield database
    database.close()


@pytest.fixture
def no_password(monkeypatch, tmp_path):
    """No password from the environment or a ~/.pgpass of the machine."""
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))


def cli(capsys, *args: str) -> tuple[int, str, str]:
    status = main(["--lang", "en", *args])
    out = capsys.readouterr()
    return status, out.out, out.err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def make_user(pg_server, *, roles: str = "", password: str = "secret") -> str:
    name = f"u_{uuid.uuid4().hex[:8]}"
    pg_server.sql(f"CREATE ROLE {name} LOGIN PASSWORD '{password}'" + (f" IN ROLE {roles}" if roles else ""))
    return name


# --- 1. connecting ----------------------------------------------------------------------------


def test_a_url_is_a_url_for_every_command_and_demo_makes_no_folders(tmp_path, monkeypatch, capsys, pg_server):
    from app.cli import build_parser, common

    url = pg_server.tcp_url("nobody", "nowhere")
    for argv in (["demo"], ["backup"], ["migrate"], ["export", "glossary", "-o", "x.csv"], ["gui"]):
        args = build_parser().parse_args([*argv, "--db", url])
        assert common.db_path(args) == url
    monkeypatch.chdir(tmp_path)
    status, _out, err = cli(capsys, "demo", "--db", "postgresql://someone@127.0.0.1:1/commission")
    assert status == 2 and "Cannot reach the database server" in one_line(err)
    assert list(tmp_path.iterdir()) == []  # no folder "postgresql:" was made
    status, _out, err = cli(capsys, "restore", "--db", url, "x.bak")
    assert status == 2 and "works on database files" in one_line(err)


def test_unreachable_missing_wrong_password_and_newer_schema_are_one_line_each(
    pg_server, pg_fresh, pg_templates, capsys, monkeypatch, no_password, tmp_path
):
    if not pg_server.asks_passwords():
        pytest.skip("the test server trusts TCP connections: passwords cannot be tested")
    user = make_user(pg_server)
    url = pg_fresh(pg_templates.empty())
    out = tmp_path / "terms.csv"
    admin = Database.open(url)
    with admin.engine.begin() as conn:
        conn.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {user}"))
    admin.close()
    name = url.split("?")[0].rsplit("/", 1)[1]
    tcp = pg_server.tcp_url(user, name)
    cases = [
        ("postgresql://someone@127.0.0.1:1/commission", None, "Cannot reach the database server"),
        (pg_server.tcp_url(user, "no_such_database"), "secret", "There is no database “no_such_database”"),
        (tcp, "wrong", "The server refused the password"),
        (tcp, None, "asks for a password"),
    ]
    for target, password, expected in cases:
        if password:
            monkeypatch.setenv("PGPASSWORD", password)
        else:
            monkeypatch.delenv("PGPASSWORD", raising=False)
        status, _out, err = cli(capsys, "export", "glossary", "--db", target, "-o", str(out))
        assert status == 2 and expected in one_line(err), (target, err)
        assert "secret" not in err and "wrong" not in err
    monkeypatch.setenv("PGPASSWORD", "secret")  # as libpq does: the environment, or ~/.pgpass
    assert cli(capsys, "export", "glossary", "--db", tcp, "-o", str(out))[0] == 0
    # a newer schema: left as it is
    admin = Database.open(url)
    with admin.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'zz_future'"))
    admin.close()
    status, _out, err = cli(capsys, "export", "glossary", "--db", url, "-o", str(out))
    assert status == 2 and "newer version of Commission Desk (schema zz_future)" in one_line(err)


def test_the_password_comes_from_pgpass_and_is_never_stored(pg_server, pg_fresh, pg_templates, tmp_path, monkeypatch):
    user = make_user(pg_server, password="from-pgpass")
    url = pg_fresh(pg_templates.empty())
    name = url.split("?")[0].rsplit("/", 1)[1]
    admin = Database.open(url)
    with admin.engine.begin() as conn:
        conn.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {user}"))
    admin.close()
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"{pg_server.host}:{pg_server.port}:*:{user}:from-pgpass\n")
    passfile.chmod(0o600)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    db = Database.open(pg_server.tcp_url(user, name))
    try:
        assert db.location == pg_server.tcp_url(user, name) and "from-pgpass" not in db.location
        assert db.server_password is None
    finally:
        db.close()
    # a password given in the URL is used, and shown nowhere
    db = Database.open(pg_server.tcp_url(user, name).replace(f"{user}@", f"{user}:from-pgpass@"))
    try:
        assert "from-pgpass" not in db.location
    finally:
        db.close()


# --- 2. one schema, explicit upgrades -----------------------------------------------------------


def test_an_empty_server_database_is_initialised_only_explicitly(pg_server, pg_fresh, capsys):
    url = pg_fresh()
    with pytest.raises(DatabaseOpenError, match="is empty"):
        Database.open(url, create=False)
    status, out, _err = cli(capsys, "migrate", "--db", url)
    assert status == 0 and "newest schema" in out
    Database.open(url, create=False).close()


def test_an_older_schema_is_upgraded_only_by_migrate(pg_server, pg_fresh, capsys, tmp_path):
    from alembic import command

    from app.core.db import alembic_config
    from app.core.db import server as srv

    url = pg_fresh()
    engine = srv.make_engine(url)
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "versions1")  # an older head: the schema of an older version
    engine.dispose()
    with pytest.raises(SchemaUpgradeNeeded, match="older schema"):
        Database.open(url)
    status, _out, err = cli(capsys, "export", "glossary", "--db", url, "-o", str(tmp_path / "g.csv"))
    assert status == 2 and "commission-desk migrate" in one_line(err)
    assert cli(capsys, "migrate", "--db", url)[0] == 0
    Database.open(url).close()


def test_the_plpgsql_triggers_guard_signed_minutes(demo_db_pg):
    from sqlalchemy.exc import IntegrityError

    db = demo_db_pg
    with db.engine.connect() as conn:
        minutes_id = conn.execute(text("SELECT id FROM minutes WHERE locked")).scalar_one()
    for sql in ("UPDATE minutes SET signed_content = 'x' WHERE id = :m", "DELETE FROM minutes WHERE id = :m"):
        with pytest.raises(IntegrityError, match="signed minutes and their print register cannot be changed"):
            with db.engine.begin() as conn:
                conn.execute(text(sql), {"m": minutes_id})
    with db.engine.begin() as conn:  # the marking stays writable
        conn.execute(text("UPDATE minutes SET marking_ru = 'Секретно' WHERE id = :m"), {"m": minutes_id})


@pytest.fixture
def demo_db_pg(pg_fresh, pg_templates):
    database = Database.open(pg_fresh(pg_templates.demo()))
    yield database
    database.close()


# --- 3. many users at once ------------------------------------------------------------------------


def test_two_clients_editing_one_record_get_a_conflict_not_an_overwrite(pg_db):
    other = Database.open(pg_db.location)  # a second secretary's program
    try:
        with pg_db.unit() as s:
            side = Side(code="CN", name_short_zh="中方", name_short_ru="Китайская сторона", position=1)
            s.add(side)
            s.flush()
            person = people.add_person(s, PersonData(side_id=side.id, name_zh="李明", name_ru="Ли Мин"))
        with pg_db.unit() as s:
            mine = people.get_person(s, person.id)
        with other.unit() as s:
            theirs = people.get_person(s, person.id)
            people.update_person(s, replace(theirs, notes="their note"))
        with pytest.raises(ConflictError):
            with pg_db.unit() as s:
                people.update_person(s, replace(mine, notes="my note"))
        with other.unit() as s:
            assert people.get_person(s, person.id).notes == "their note"
    finally:
        other.close()


def test_a_write_notifies_a_second_connection(pg_db):
    listener = server.Listener(pg_db.location)
    try:
        assert listener.poll() == []
        with pg_db.unit() as s:
            s.add(Side(code="CN", name_short_zh="中方", name_short_ru="Китайская сторона", position=1))
        with pg_db.unit(read_only=True) as s:  # a read notifies nobody
            s.execute(select(func.count(Side.id))).scalar_one()
        start = time.monotonic()
        received: list[str] = []
        while not received and time.monotonic() - start < 1.0:
            io_select.select([listener.fileno()], [], [], 0.1)
            received = listener.poll()
        assert received == [pg_db.token]
        assert listener.poll() == []
    finally:
        listener.close()


def test_the_audit_trail_records_the_database_user(pg_server, pg_db, monkeypatch, no_password):
    from app.core import audit

    user = make_user(pg_server, roles="")
    name = pg_db.location.split("?")[0].rsplit("/", 1)[1]
    with pg_db.engine.begin() as conn:
        conn.execute(text(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {user}"))
        conn.execute(text(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {user}"))
    monkeypatch.setenv("PGPASSWORD", "secret")
    audit.set_user_name("Ли Мин")
    db = Database.open(pg_server.tcp_url(user, name))
    try:
        with db.unit() as s:
            s.add(Side(code="CN", name_short_zh="中方", name_short_ru="Китайская сторона", position=1))
        with db.unit() as s:
            who = set(s.scalars(select(AuditEntry.user_name)))
    finally:
        audit.set_user_name(None)
        db.close()
    assert who == {f"Ли Мин ({user})"}


# --- 4. roles -----------------------------------------------------------------------------------


def readme_roles_sql() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- roles -->\s*```sql\n(.*?)```", readme, re.S)
    assert block, "README.md documents the roles in a ```sql block after <!-- roles -->"
    return block.group(1)


def test_the_readme_roles_a_reader_reads_and_is_refused_writes(pg_server, demo_db_pg, capsys, monkeypatch, tmp_path,
                                                                no_password):  # fmt: skip
    name = demo_db_pg.location.split("?")[0].rsplit("/", 1)[1]
    suffix = uuid.uuid4().hex[:6]
    sql = readme_roles_sql().replace("commission_reader", f"commission_reader_{suffix}")
    sql = sql.replace("commission_writer", f"commission_writer_{suffix}").replace("DATABASE commission", f"DATABASE {name}")
    sql = sql.replace("anna", f"anna_{suffix}").replace("boris", f"boris_{suffix}")
    admin = Database.open(demo_db_pg.location)
    with admin.engine.begin() as conn:
        for statement in (s.strip() for s in sql.split(";")):
            if statement:
                conn.exec_driver_sql(statement)
    admin.close()
    monkeypatch.setenv("PGPASSWORD", "change-me")
    reader = Database.open(pg_server.tcp_url(f"boris_{suffix}", name))
    writer = Database.open(pg_server.tcp_url(f"anna_{suffix}", name))
    try:
        assert reader.read_only and not writer.read_only
        with reader.unit() as s:  # reading and printing work
            side_id = s.scalars(select(Side.id)).first()
            assert people.count_people(s) > 0
        with pytest.raises(ReadOnlyDatabaseError, match="may only read"):
            with reader.unit() as s:
                people.add_person(s, PersonData(side_id=side_id, name_zh="王", name_ru="Ван"))
        with writer.unit() as s:  # a writer writes, its sequences included
            people.add_person(s, PersonData(side_id=side_id, name_zh="王", name_ru="Ван"))
    finally:
        reader.close()
        writer.close()
    csv = tmp_path / "terms.csv"
    csv.write_text("zh,ru,note,status\n新词,новый термин,,preferred\n", encoding="utf-8")
    status, _out, err = cli(capsys, "import", "glossary", "--db", pg_server.tcp_url(f"boris_{suffix}", name), str(csv))
    assert status == 1 and "may only read" in one_line(err)


# --- 5. copies --------------------------------------------------------------------------------


def _signed_and_printed(db: Database) -> None:
    from app.core.models import Minutes
    from app.reports import minutes as report
    from app.reports.minutes import PrintOptions

    with db.unit() as s:
        meeting_id = s.scalars(select(Minutes.meeting_id).where(Minutes.locked.is_(True))).first()
        report.minutes_pdf(s, meeting_id, PrintOptions("CN"))  # an entry in the print register


def test_copy_both_ways_keeps_every_record_and_the_signed_minutes(demo_db_pg, pg_fresh, tmp_path, capsys):
    from app.core.db.copy import verify_copy
    from app.core.models import Minutes

    _signed_and_printed(demo_db_pg)
    laptop = tmp_path / "laptop.sqlite3"
    status, out, err = cli(capsys, "copy", "--from", demo_db_pg.location, "--to", str(laptop))
    assert status == 0, err
    assert "1 signed minutes intact" in out
    back = pg_fresh()  # a new, empty server database
    status, out, err = cli(capsys, "copy", "--from", str(laptop), "--to", back)
    assert status == 0, err
    copies = [Database.open(laptop), Database.open(back)]
    try:
        for copy in copies:
            report = verify_copy(demo_db_pg, copy)
            assert report.problems == [] and report.signed_minutes == 1 and report.prints >= 1
            with demo_db_pg.unit() as a, copy.unit() as b:
                assert a.scalars(select(Minutes.fingerprint).where(Minutes.locked.is_(True))).all() == \
                    b.scalars(select(Minutes.fingerprint).where(Minutes.locked.is_(True))).all()  # fmt: skip
                assert [(p.uuid, p.sha256) for p in a.scalars(select(MinutesPrint).order_by(MinutesPrint.id))] == \
                    [(p.uuid, p.sha256) for p in b.scalars(select(MinutesPrint).order_by(MinutesPrint.id))]  # fmt: skip
        with copies[1].unit() as s:  # the server's counters go on after the copied keys
            s.add(Person(side_id=s.scalars(select(Side.id)).first(), name_zh="新", name_ru="Новый"))
    finally:
        for copy in copies:
            copy.close()
    # a copy into a database that holds records is refused, and a damaged copy is caught
    status, _out, err = cli(capsys, "copy", "--from", str(laptop), "--to", back)
    assert status == 2 and "already holds records" in one_line(err)
    damaged = Database.open(laptop)
    try:
        with damaged.engine.begin() as conn:
            conn.execute(text("DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)"))
        assert any(p.startswith("audit_log") for p in verify_copy(demo_db_pg, damaged).problems)
    finally:
        damaged.close()


def test_backup_of_a_server_database_uses_pg_dump_or_says_how(pg_db, tmp_path, capsys, monkeypatch):
    target = tmp_path / "office.pgdump"
    if shutil.which("pg_dump"):
        status, out, err = cli(capsys, "backup", "--db", pg_db.location, "-o", str(target))
        assert status == 0, err
        assert target.read_bytes().startswith(b"PGDMP")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    status, _out, err = cli(capsys, "backup", "--db", pg_db.location, "-o", str(tmp_path / "b"))
    assert status == 2 and "pg_dump is not installed" in one_line(err)
