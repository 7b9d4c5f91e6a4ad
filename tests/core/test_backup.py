"""Backups (online API, rotation, restore), the integrity check, and the encrypted database."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.core.db import Database, backup, sqlcipher
from app.core.db.integrity import check_file
from app.core.errors import DatabaseOpenError

PASSPHRASE = "correct horse ' battery"


def damage(path: Path, page: int = 4) -> None:
    """Overwrite bytes in the middle of a page, as a failing disk would."""
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = con.execute("PRAGMA page_size").fetchone()[0]
    with open(path, "r+b") as fh:
        fh.seek(size * (page - 1) + 8)
        fh.write(b"\xff\x00\x13\x37" * 200)


def count_people(path: Path, passphrase: str | None = None) -> int:
    db = Database.open(path, create=False, passphrase=passphrase)
    try:
        with db.engine.connect() as c:
            return c.exec_driver_sql("SELECT count(*) FROM alembic_version").scalar()
    finally:
        db.close()


# --- backups -------------------------------------------------------------------------------------


def test_backup_of_an_open_database_is_whole_and_beside_it(demo_db):
    target = demo_db.backup()
    assert target.parent == demo_db.path.parent / "backups"
    assert target.name.startswith(demo_db.path.stem + "-") and target.suffix == ".sqlite3"
    assert check_file(target).healthy
    with sqlite3.connect(target) as a, sqlite3.connect(demo_db.path) as b:
        tables = [r[0] for r in b.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for t in tables:
            q = f'SELECT count(*) FROM "{t}"'
            assert a.execute(q).fetchone() == b.execute(q).fetchone(), t
    assert not (target.parent / f".{target.name}.part").exists()


def test_rotation_keeps_the_last_ten_and_one_a_month(db):
    start = dt.datetime(2026, 1, 15, 9, 0, 0)
    made = []
    for i in range(30):  # every 5 days: January to May
        made.append(backup.make_backup(db.path, now=start + dt.timedelta(days=5 * i)))
    kept = backup.list_backups(db.path)
    newest_ten = made[-10:]
    assert [b.path for b in kept[:10]] == list(reversed(newest_ten))
    older = [b for b in kept[10:]]
    months = [(b.taken.year, b.taken.month) for b in older]
    assert len(months) == len(set(months)), "one a month beyond the last ten"
    assert (2026, 1) in months and (2026, 2) in months
    jan = [b for b in older if b.taken.month == 1][0]
    assert jan.taken == max(m.taken for m in kept if m.taken.month == 1), "the month's newest"
    assert len(list((db.path.parent / "backups").iterdir())) == len(kept)


def test_rotation_leaves_other_databases_backups_alone(db, tmp_path):
    other = tmp_path / "backups" / "commission-2-20200101-000000.sqlite3"
    other.parent.mkdir()
    other.write_bytes(b"x")
    for i in range(12):
        backup.make_backup(db.path, now=dt.datetime(2026, 3, 1) + dt.timedelta(hours=i))
    assert other.exists()
    assert len(backup.list_backups(db.path)) == 10


def test_backup_before_a_migration(db_path, empty_template):
    from app.core.db.migrate import backup_before_upgrade

    shutil.copyfile(empty_template, db_path)
    with sqlite3.connect(db_path) as con:
        (rev,) = con.execute("SELECT version_num FROM alembic_version").fetchone()
    backup_before_upgrade(db_path, {rev})
    copy = db_path.with_name(f"{db_path.name}.before-upgrade-{rev}.bak")
    assert check_file(copy).healthy


def test_restore_backs_up_the_current_file_first(demo_db_path):
    db = Database.open(demo_db_path)
    saved = db.backup()
    with db.engine.begin() as c:
        c.exec_driver_sql("DELETE FROM alembic_version")  # a disastrous change
    db.close()
    result = backup.restore(demo_db_path, saved)
    assert result.safety_backup is not None and result.kept_aside is None
    assert count_people(demo_db_path) == 1
    with sqlite3.connect(result.safety_backup) as con:
        assert con.execute("SELECT count(*) FROM alembic_version").fetchone() == (0,)


def test_a_damaged_backup_is_not_restored(demo_db_path, tmp_path):
    db = Database.open(demo_db_path)
    saved = db.backup()
    db.close()
    damage(saved)
    before = demo_db_path.read_bytes()
    with pytest.raises(DatabaseOpenError, match="damaged"):
        backup.restore(demo_db_path, saved)
    assert demo_db_path.read_bytes() == before


# --- integrity -----------------------------------------------------------------------------------


def test_integrity_check_finds_a_damaged_page(demo_db_path, capsys):
    assert main(["check", "database", "--db", str(demo_db_path)]) == 0
    assert "healthy" in capsys.readouterr().out
    damage(demo_db_path)
    result = check_file(demo_db_path)
    assert not result.healthy and result.problems
    assert main(["check", "database", "--db", str(demo_db_path)]) == 1
    assert "damaged" in capsys.readouterr().out


def test_check_database_exit_2_for_what_is_not_a_database(tmp_path, capsys):
    text = tmp_path / "notes.sqlite3"
    text.write_text("hello\n")
    assert main(["check", "database", "--db", str(text)]) == 2
    assert main(["check", "database", "--db", str(tmp_path / "missing.sqlite3")]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 2


def test_damaged_database_is_recovered_from_the_newest_good_backup(demo_db_path):
    db = Database.open(demo_db_path)
    older = db.backup()
    newer = backup.make_backup(db.path, now=dt.datetime.now() + dt.timedelta(minutes=1))
    db.close()
    damage(newer)
    damage(demo_db_path)
    damaged_bytes = demo_db_path.read_bytes()
    good = backup.newest_good_backup(demo_db_path)
    assert good is not None and good.path == older
    result = backup.restore(demo_db_path, good.path)
    assert result.kept_aside is not None and result.kept_aside.read_bytes() == damaged_bytes
    assert check_file(demo_db_path).healthy
    assert count_people(demo_db_path) == 1


# --- the encrypted database ----------------------------------------------------------------------


@pytest.fixture
def encrypted(tmp_path) -> Path:
    path = tmp_path / "secret.sqlite3"
    db = Database.open(path, passphrase=PASSPHRASE)
    assert db.encrypted
    db.close()
    return path


def test_plain_sqlite3_cannot_read_an_encrypted_database(encrypted):
    assert not encrypted.read_bytes().startswith(b"SQLite format 3")
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(encrypted).execute("SELECT * FROM sqlite_master").fetchall()
    if shutil.which("sqlite3"):
        run = subprocess.run(["sqlite3", str(encrypted), ".tables"], capture_output=True, text=True)
        assert run.returncode != 0 and "not a database" in run.stderr
    assert PASSPHRASE.encode() not in encrypted.read_bytes()


def test_wrong_or_missing_passphrase_is_refused(encrypted):
    with pytest.raises(sqlcipher.WrongPassphrase):
        Database.open(encrypted, passphrase="wrong")
    with pytest.raises(sqlcipher.PassphraseNeeded):
        Database.open(encrypted)
    assert count_people(encrypted, PASSPHRASE) == 1


def test_wrong_passphrase_one_line_and_exit_2(encrypted, tmp_path):
    env = dict(os.environ, COMMISSION_DESK_PASSPHRASE="Zq9-no-such", PYTHONPATH=str(Path(__file__).parents[2]))
    run = subprocess.run(
        [sys.executable, "-m", "app", "check", "database", "--db", str(encrypted)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert run.returncode == 2
    assert len(run.stderr.strip().splitlines()) == 1 and "passphrase" in run.stderr
    assert "Zq9-no-such" not in run.stderr


def test_passphrase_file_and_backups_stay_encrypted(encrypted, tmp_path, capsys):
    pf = tmp_path / "pass.txt"
    pf.write_text(PASSPHRASE + "\n", encoding="utf-8")
    out = tmp_path / "copy.sqlite3"
    assert main(["backup", "--db", str(encrypted), "--db-passphrase-file", str(pf), "-o", str(out)]) == 0
    assert main(["backup", "--db", str(encrypted), "--db-passphrase-file", str(pf)]) == 0
    (rotating,) = backup.list_backups(encrypted)
    for f in (out, rotating.path):
        assert not f.read_bytes().startswith(b"SQLite format 3")
        assert check_file(f, PASSPHRASE).healthy
    with pytest.raises(sqlcipher.WrongPassphrase):
        check_file(out, "wrong")


def test_encrypt_change_and_decrypt(demo_db_path):
    sqlcipher.encrypt_file(demo_db_path, "one")
    with pytest.raises(sqlcipher.PassphraseNeeded):
        Database.open(demo_db_path)
    assert count_people(demo_db_path, "one") == 1
    sqlcipher.change_passphrase(demo_db_path, "one", "two")
    with pytest.raises(sqlcipher.WrongPassphrase):
        Database.open(demo_db_path, passphrase="one")
    assert count_people(demo_db_path, "two") == 1
    sqlcipher.decrypt_file(demo_db_path, "two")
    assert demo_db_path.read_bytes().startswith(b"SQLite format 3")
    assert check_file(demo_db_path).healthy


def test_demo_encrypt(tmp_path, monkeypatch, capsys):
    path = tmp_path / "demo.sqlite3"
    monkeypatch.delenv("COMMISSION_DESK_PASSPHRASE", raising=False)
    assert main(["demo", "--db", str(path), "--encrypt"]) == 2
    assert not path.exists()
    monkeypatch.setenv("COMMISSION_DESK_PASSPHRASE", PASSPHRASE)
    assert main(["demo", "--db", str(path), "--encrypt"]) == 0
    assert not path.read_bytes().startswith(b"SQLite format 3")
    assert main(["check", "database", "--db", str(path)]) == 0
    with pytest.raises(sqlcipher.WrongPassphrase):
        Database.open(path, passphrase="nope")


def test_cli_restore_and_passphrase_commands(demo_db_path, tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("COMMISSION_DESK_PASSPHRASE", raising=False)
    db = str(demo_db_path)
    saved = tmp_path / "saved.sqlite3"
    assert main(["backup", "--db", db, "-o", str(saved)]) == 0
    assert main(["backup", "--db", db, "-o", db]) == 2  # never over the database itself
    assert main(["restore", "--db", db, str(saved)]) == 0
    out = capsys.readouterr().out
    assert "backed up first" in out and len(backup.list_backups(demo_db_path)) == 1
    new = tmp_path / "new.txt"
    new.write_text("first\n", encoding="utf-8")
    assert main(["passphrase", "--db", db, "--encrypt"]) == 2  # no new passphrase given
    assert main(["passphrase", "--db", db, "--encrypt", "--new-passphrase-file", str(new)]) == 0
    assert main(["check", "database", "--db", db]) == 2
    assert main(["check", "database", "--db", db, "--db-passphrase-file", str(new)]) == 0
    second = tmp_path / "second.txt"
    second.write_text("second\n", encoding="utf-8")
    args = ["passphrase", "--db", db, "--db-passphrase-file", str(new)]
    assert main([*args, "--change", "--new-passphrase-file", str(second)]) == 0
    monkeypatch.setenv("COMMISSION_DESK_PASSPHRASE", "second")
    assert main(["passphrase", "--db", db, "--decrypt"]) == 0
    assert demo_db_path.read_bytes().startswith(b"SQLite format 3")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert main(["check", "database", "--db", db, "--db-passphrase-file", str(empty)]) == 2
    assert "is empty" in capsys.readouterr().err


def test_an_encrypted_database_stays_encrypted_when_a_plain_backup_is_restored(demo_db_path):
    db = Database.open(demo_db_path)
    plain = db.backup()
    db.close()
    sqlcipher.encrypt_file(demo_db_path, PASSPHRASE)
    result = backup.restore(demo_db_path, plain, PASSPHRASE)
    assert not demo_db_path.read_bytes().startswith(b"SQLite format 3")
    assert count_people(demo_db_path, PASSPHRASE) == 1
    assert not result.safety_backup.read_bytes().startswith(b"SQLite format 3")
