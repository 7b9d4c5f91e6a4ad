"""commission-desk pdf memorandum: the command and its one-line errors with exit status 2."""

from __future__ import annotations

from app.cli import main
from app.core.services.agenda import sessions as meetings
from tests.core.agenda_helpers import third_session
from tests.core.test_cli import run_cli
from tests.reports.pdftools import needs_poppler, text_of


@needs_poppler
def test_the_command_writes_the_memorandum(demo_db_path, tmp_path):
    out = tmp_path / "memorandum-2-ru.pdf"
    result = run_cli("pdf", "memorandum", "--db", str(demo_db_path), "--session", "2", "--lang", "ru",
                     "-o", str(out))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "МЕМОРАНДУМ" in text_of(out)
    again = tmp_path / "again.pdf"
    assert main(["pdf", "memorandum", "--db", str(demo_db_path), "--session", "2", "--lang", "ru",
                 "-o", str(again)]) == 0  # fmt: skip
    assert again.read_bytes() == out.read_bytes()


def test_the_sending_side_can_be_chosen(demo_db_path, tmp_path):
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    args = ["pdf", "memorandum", "--db", str(demo_db_path), "--session", "1", "--lang", "zh"]
    assert main([*args, "-o", str(a)]) == 0
    assert main([*args, "-o", str(b), "--from-side", "CN"]) == 0
    assert a.read_bytes() != b.read_bytes()


def _one_line_error(capsys, args) -> str:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    return err


def test_an_unknown_session(demo_db_path, tmp_path, capsys):
    err = _one_line_error(capsys, ["pdf", "memorandum", "--db", str(demo_db_path), "--session", "9",
                                   "--lang", "zh", "-o", str(tmp_path / "x.pdf")])  # fmt: skip
    assert "9" in err
    assert not (tmp_path / "x.pdf").exists()


def test_a_delegation_without_a_head(demo_db, demo_db_path, tmp_path, capsys):
    with demo_db.unit() as s:
        third_session(s)
    demo_db.close()
    err = _one_line_error(capsys, ["pdf", "memorandum", "--db", str(demo_db_path), "--session", "3",
                                   "--lang", "ru", "-o", str(tmp_path / "x.pdf")])  # fmt: skip
    assert "head" in err


def test_an_unknown_side(demo_db_path, tmp_path, capsys):
    err = _one_line_error(capsys, ["pdf", "memorandum", "--db", str(demo_db_path), "--session", "2",
                                   "--lang", "ru", "-o", str(tmp_path / "x.pdf"), "--from-side", "XX"])  # fmt: skip
    assert "XX" in err


def test_an_unusable_database(tmp_path, capsys):
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("not a database\n" * 20)
    err = _one_line_error(capsys, ["pdf", "memorandum", "--db", str(bad), "--session", "1", "--lang", "zh",
                                   "-o", str(tmp_path / "x.pdf")])  # fmt: skip
    assert "notes.sqlite3" in err
    missing = tmp_path / "none.sqlite3"
    _one_line_error(capsys, ["pdf", "memorandum", "--db", str(missing), "--session", "1", "--lang", "zh",
                             "-o", str(tmp_path / "x.pdf")])  # fmt: skip
    assert not missing.exists()


def test_help(capsys):
    import pytest

    with pytest.raises(SystemExit) as info:
        main(["pdf", "memorandum", "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for option in ("--db", "--session", "--lang", "--output", "--from-side"):
        assert option in out


def test_a_missing_title_is_warned_about(demo_db, demo_db_path, tmp_path, capsys):
    from app.core.services.agenda import items as agenda

    with demo_db.unit() as s:
        m = meetings.meeting_by_ordinal(s, 2)
        item = agenda.list_items(s, m.id)[1]
        agenda.update_item(s, agenda.AgendaItemForm(
            m.id, item.title_zh, "", item.proposing_side_id, item.topic, item.presenter_id, item.day,
            item.start_time, item.duration_minutes, item.status, id=item.id,
        ))  # fmt: skip
    demo_db.close()
    assert main(["pdf", "memorandum", "--db", str(demo_db_path), "--session", "2", "--lang", "ru",
                 "-o", str(tmp_path / "x.pdf")]) == 0  # fmt: skip
    assert "2" in capsys.readouterr().err
