"""The command line: help, version, demo, and one-line errors with exit status 2."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from app.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, lang: str = "en") -> subprocess.CompletedProcess:
    """Run ``python -m app`` as a user would (a separate process, the real exit status)."""
    env = dict(os.environ, LANGUAGE="", LC_ALL="", LANG="C.UTF-8")
    return subprocess.run(
        [sys.executable, "-m", "app", "--lang", lang, *args],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=180,
    )  # fmt: skip


def test_help_lists_the_commands(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for command in ("gui", "demo"):
        assert command in out


@pytest.mark.parametrize("command", ["gui", "demo"])
def test_every_command_has_help(capsys, command):
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    assert "--db" in capsys.readouterr().out


def test_version(capsys):
    with pytest.raises(SystemExit):
        main(["--version"])
    assert __version__ in capsys.readouterr().out


def test_demo_creates_a_database(tmp_path):
    path = tmp_path / "demo.sqlite3"
    result = run_cli("demo", "--db", str(path))
    assert result.returncode == 0, result.stderr
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM sides").fetchone()[0] == 2
    assert con.execute("SELECT count(*) FROM people").fetchone()[0] >= 12
    assert con.execute("SELECT code FROM sides ORDER BY position").fetchall() == [("CN",), ("SU",)]


def test_demo_refuses_a_database_with_data(demo_db_path, capsys):
    assert main(["demo", "--db", str(demo_db_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already holds data" in err


@pytest.mark.parametrize("kind", ["text", "truncated", "foreign"])
def test_a_database_that_cannot_be_opened_gives_one_line_and_status_2(tmp_path, demo_db_path, kind):
    if kind == "text":
        path = tmp_path / "notes.sqlite3"
        path.write_text("not a database at all\n" * 10)
    elif kind == "truncated":
        path = demo_db_path
        path.write_bytes(path.read_bytes()[:20000])
    else:
        path = tmp_path / "other.sqlite3"
        con = sqlite3.connect(path)
        con.execute("CREATE TABLE t (x)")
        con.commit()
        con.close()
    before = path.read_bytes()
    result = run_cli("demo", "--db", str(path))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == before


def test_a_newer_database_is_refused_with_status_2(demo_db_path, capsys):
    con = sqlite3.connect(demo_db_path)
    con.execute("UPDATE alembic_version SET version_num='9999_future'")
    con.commit()
    con.close()
    before = demo_db_path.read_bytes()
    assert main(["demo", "--db", str(demo_db_path)]) == 2
    assert "newer version" in capsys.readouterr().err
    assert demo_db_path.read_bytes() == before


def test_messages_follow_lang(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("x" * 200)
    result = run_cli("demo", "--db", str(path), lang="ru")
    assert result.returncode == 2
    assert "SQLite" in result.stderr and "не " in result.stderr


def test_a_missing_command_module_fails_loudly(monkeypatch):
    import app.cli as cli
    from app.cli import pdf

    monkeypatch.setattr(cli, "COMMAND_MODULES", (*cli.COMMAND_MODULES, "no_such_command"))
    with pytest.raises(ModuleNotFoundError):
        cli.build_parser()
    monkeypatch.undo()
    monkeypatch.setattr(pdf, "KINDS", (*pdf.KINDS, "no_such_document"))
    with pytest.raises(ModuleNotFoundError):
        cli.build_parser()


# --- the window: --demo at the top level, and no display ---------------------------------------


@pytest.mark.parametrize(
    "argv, demo",
    [
        (["--demo"], True),
        (["--demo", "gui"], True),
        (["gui", "--demo"], True),
        (["--lang", "ru", "--demo", "--db", "x.sqlite3"], True),
        ([], False),
        (["gui"], False),
    ],
)
def test_demo_is_accepted_with_or_without_the_gui_command(monkeypatch, argv, demo):
    from app.cli import gui

    started = []
    monkeypatch.setattr(gui, "run", lambda args: started.append(args) or 0)  # no window in a test
    assert main(argv) == 0
    assert len(started) == 1 and started[0].demo is demo


def test_demo_before_another_command_is_refused(monkeypatch, tmp_path, capsys):
    from app.cli import gui

    monkeypatch.setattr(gui, "run", lambda args: pytest.fail("the window must not start"))
    with pytest.raises(SystemExit) as info:
        main(["--demo", "demo", "--db", str(tmp_path / "x.sqlite3")])
    assert info.value.code == 2
    assert "--demo" in capsys.readouterr().err
    assert not (tmp_path / "x.sqlite3").exists()


@pytest.mark.parametrize(
    "env, platform, missing",
    [
        ({}, "linux", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
        ({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":1"}, "linux", False),
        ({"QT_QPA_PLATFORM": "vnc:size=800x600"}, "linux", False),
        ({}, "freebsd14", True),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_a_missing_display_is_recognised(env, platform, missing):
    from app.cli.gui import display_missing

    assert display_missing(env, platform) is missing


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland are Linux's")
@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("args", [[], ["--demo"]])
def test_without_a_display_the_window_says_so_in_one_line_and_exits_with_2(tmp_path, lang, args):
    from app import i18n

    env = dict(os.environ, LANGUAGE="", LC_ALL="", LANG="C.UTF-8")
    for var in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(var, None)
    path = tmp_path / "commission.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "app", "--lang", lang, "--db", str(path), *args],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=180,
    )  # fmt: skip
    i18n.set_language(lang)
    expected = i18n._(
        "There is no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set). "
        "The command-line commands still work: see “commission-desk --help”."
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr == f"commission-desk: {expected}\n"
    assert not path.exists()  # nothing was opened, nothing created
