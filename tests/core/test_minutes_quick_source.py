"""The print source of unsigned minutes read with the sqlite3 driver alone (quick_source) is the one
the ORM reads (signing.print_source), field for field, also in the unusual cases; signed minutes
and files that do not open as they are stay with the ORM; the ``pdf minutes`` command prints the
same bytes without importing SQLAlchemy (issue 18)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app import paths
from app.cli import main, pdf_minutes
from app.core.db import Database
from app.core.db.plain import open_for_reading
from app.core.services import glyphs
from app.core.services.agenda import sessions as meetings
from app.core.services.minutes import quick_source, signing


def _orm(path: Path, ordinal: int):
    db = Database.open(path, create=False)
    try:
        with db.unit(read_only=True) as s:
            meeting = meetings.meeting_by_ordinal(s, ordinal)
            return signing.print_source(s, meeting.id), glyphs.extra_fonts(s)
    finally:
        db.close()


def _quick(path: Path, ordinal: int):
    con = open_for_reading(path)
    assert con is not None
    try:
        return quick_source.read(con, ordinal)
    finally:
        con.close()


def _sql(path: Path, *statements: str) -> None:
    con = sqlite3.connect(path)
    with con:
        for statement in statements:
            con.execute(statement)
    con.close()


def test_the_demo_sessions(demo_db_path):
    assert _quick(demo_db_path, 2) == _orm(demo_db_path, 2)
    assert _orm(demo_db_path, 1)[0].signed
    assert _quick(demo_db_path, 1) is None  # signed: its record is checked through the ORM
    assert _quick(demo_db_path, 99) is None  # no such session: the ORM's reading says so


def test_unusual_minutes_are_read_the_same(demo_db_path):
    _sql(
        demo_db_path,
        # the signing recorded without signing (date, place, signatories), an added font
        "UPDATE minutes SET signed_on = '1959-05-02', place_zh = '上海', place_ru = 'Шанхае', "
        "signatory1_id = 2, signatory2_id = NULL, marking_zh = '秘密', marking_ru = 'Секретно' WHERE id = 2",
        'INSERT INTO settings (key, value) VALUES (\'fonts.extra\', \'["/fonts/a.ttf", " ", "/fonts/b.ttc"]\')',
        # a decision segment without its decision, a member with a Latin name only, a second head
        "UPDATE minutes_segments SET decision_id = NULL WHERE id = 44",
        "UPDATE people SET name_zh = '', name_ru = '', name_latin = 'Li Fuchun' WHERE id = 3",
        "UPDATE delegation_members SET role = 'head' WHERE id = 20",
        "UPDATE meetings SET city_ru_in = '' WHERE ordinal = 2",
    )
    quick, orm = _quick(demo_db_path, 2), _orm(demo_db_path, 2)
    assert quick == orm
    assert quick[1] == ("/fonts/a.ttf", "/fonts/b.ttc")
    _sql(
        demo_db_path,
        # not signed: the signing to come is the session's last day, its city and the two heads
        "UPDATE minutes SET signed_on = NULL, place_zh = '', place_ru = '' WHERE id = 2",
        "UPDATE settings SET value = '\"/fonts/one.ttf\"' WHERE key = 'fonts.extra'",
    )
    assert _quick(demo_db_path, 2) == _orm(demo_db_path, 2)
    _sql(demo_db_path, "DELETE FROM delegation_members WHERE role = 'head'")  # no heads: no signatories
    quick = _quick(demo_db_path, 2)
    assert quick == _orm(demo_db_path, 2) and quick[0].content.signing.signatories == (None, None)


def test_files_that_do_not_open_as_they_are_are_left_to_database_open(demo_db_path, tmp_path, monkeypatch):
    assert open_for_reading(tmp_path / "none.sqlite3") is None
    (tmp_path / "text.sqlite3").write_text("not a database")
    assert open_for_reading(tmp_path / "text.sqlite3") is None
    _sql(demo_db_path, "UPDATE alembic_version SET version_num = 'f00dfeedbeef'")
    assert open_for_reading(demo_db_path) is None  # another schema: Database.open says so
    _sql(demo_db_path, "DELETE FROM alembic_version")
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode, **kw: False if mode == os.W_OK else real_access(p, mode, **kw)
    )
    assert open_for_reading(demo_db_path) is None


def _pdf_minutes(db_path: Path, out: Path, *more: str) -> list[str]:
    return ["pdf", "minutes", "--db", str(db_path), "--session", "2", "-o", str(out), *more]


@pytest.mark.parametrize(
    "more",
    [["--original", "reading"], ["--original", "CN", "--draft", "--copy", "2", "--marking", "秘密/Секретно"]],
    ids=["reading copy", "proof"],
)
def test_the_command_prints_the_same_bytes_without_the_orm(demo_db_path, tmp_path, monkeypatch, capsys, more):
    quick, orm = tmp_path / "quick.pdf", tmp_path / "orm.pdf"
    code = (
        "import sys; from app.cli import main; status = main(sys.argv[1:]); "
        "print(status, 'sqlalchemy' in sys.modules, file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *_pdf_minutes(demo_db_path, quick, *more)],
        capture_output=True, text=True, cwd=paths.base_dir(), env=dict(os.environ), timeout=300,
    )  # fmt: skip
    assert done.stderr.strip().splitlines()[-1] == "0 False"
    monkeypatch.setattr(pdf_minutes, "_quick_source", lambda args, options: None)
    assert main(_pdf_minutes(demo_db_path, orm, *more)) == 0
    assert quick.read_bytes() == orm.read_bytes()
    assert done.stdout.replace(str(quick), "X") == capsys.readouterr().out.replace(str(orm), "X")


def test_refusals_are_the_same_lines_and_statuses(demo_db_path, tmp_path, capsys):
    out = tmp_path / "x.pdf"
    args = ["pdf", "minutes", "--db", str(demo_db_path), "-o", str(out), "--original", "reading"]
    assert main([*args, "--session", "9"]) == 2
    assert "There is no session number 9" in capsys.readouterr().err
    assert main([*args, "--session", "2", "--layout", "sequential"]) == 1  # the reading copy is parallel
    assert capsys.readouterr().err.count("\n") == 1
    assert main([*args, "--session", "2", "--db", str(tmp_path / "none.sqlite3")]) == 2
    assert "There is no database" in capsys.readouterr().err
    assert not out.exists()


def test_settings_json_is_read_as_the_orm_reads_it():
    assert quick_source._json(json.dumps(["a"])) == ["a"]
    assert quick_source._json(None) is None
