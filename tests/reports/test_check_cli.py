"""commission-desk check minutes: every finding of every segment (text or JSON), exit 0 when none
blocks signing, 1 when some do, 2 for an unknown session or database; check fonts adds a font
that then prints what the shipped fonts lack. Printing a proof with such a character still works."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.core.db import Database
from app.core.enums import SegmentKind, SegmentPart
from app.reports import fonts
from tests.core.signing_helpers import MISSING, make_minutes

P, K = SegmentPart, SegmentKind
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
#: In DejaVu Sans, in no shipped font (Latin Extended-B).
LATIN_B = "\u0180"


@pytest.fixture(autouse=True)
def _no_extra_fonts():
    yield
    fonts.use_extra_fonts(())


def check(capsys, db_path, *args):
    status = main(["--lang", "en", "check", "minutes", "--db", str(db_path), *args])
    return status, capsys.readouterr()


def test_the_demo_sessions(demo_db_path, capsys):
    status, out = check(capsys, demo_db_path, "--session", "1")
    assert status == 0 and "pass every check" in out.out
    status, out = check(capsys, demo_db_path, "--session", "1", "--json")
    assert status == 0 and json.loads(out.out) == []
    status, out = check(capsys, demo_db_path, "--session", "2")
    assert status == 1 and "Segment 10: Numbers differ" in out.out and "1 finding blocks signing." in out.out


def test_json_lists_every_finding_with_its_segment_kind_and_items(demo_db_path, capsys):
    db = Database.open(demo_db_path)
    try:
        rows = [
            (P.JOINT, K.PARAGRAPH, f"交换技术资料{n}0项。", f"Передать {n}1 наименование.")
            for n in range(1, 7)
        ]
        rows.append((P.JOINT, K.PARAGRAPH, "按照ГОСТ 8.417-2002第4.2条", "Согласно ГОСТ 8.417—2002, § 4.3"))
        rows.append((P.JOINT, K.PARAGRAPH, "罕见字：" + MISSING, "Редкие иероглифы: " + MISSING))
        rows.append((P.JOINT, K.PARAGRAPH, "双方同意。", ""))
        make_minutes(db, ordinal=91, rows=rows)
    finally:
        db.close()
    status, out = check(capsys, demo_db_path, "--session", "91", "--json")
    assert status == 1
    found = json.loads(out.out)
    assert {"segment", "uuid", "kind", "blocking", "items", "message"} <= set(found[0])
    numbers = [f for f in found if f["kind"] == "numbers"]
    assert [f["segment"] for f in numbers] == [1, 2, 3, 4, 5, 6, 7]  # every one, not four
    assert numbers[0]["items"] == ["10", "11"] and numbers[0]["blocking"]
    assert numbers[6]["items"] == ["4.2", "4.3"]
    assert (
        numbers[0]["message"] == "Numbers differ: 10 only in the Chinese text, 11 only in the Russian text."
    )
    unprintable = [f for f in found if f["kind"] == "unprintable"]
    assert [(f["segment"], f["items"]) for f in unprintable] == [(8, ["U+20BB7"]), (8, ["U+20000"])]
    assert all(f["blocking"] for f in unprintable)
    assert [f["segment"] for f in found if f["kind"] == "empty"] == [9]
    status, out = check(capsys, demo_db_path, "--session", "91")
    assert status == 1 and "Segment 8: “𠮷” (U+20BB7)" in out.out and "10 findings block signing." in out.out


def test_unknown_session_or_database(demo_db_path, tmp_path, capsys):
    status, out = check(capsys, demo_db_path, "--session", "99")
    assert status == 2 and "no session number 99" in out.err
    status, out = check(capsys, tmp_path / "none.sqlite3", "--session", "1")
    assert status == 2 and out.out == ""


def test_check_help_offers_minutes(capsys):
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    assert "minutes" in capsys.readouterr().out


@pytest.mark.skipif(not DEJAVU.is_file(), reason="needs DejaVu Sans (fonts-dejavu-core)")
def test_an_added_font_clears_the_finding_and_prints_the_character(demo_db_path, tmp_path, capsys):
    db = Database.open(demo_db_path)
    try:
        make_minutes(db, ordinal=92, rows=[(P.JOINT, K.PARAGRAPH, "字母" + LATIN_B, "буква " + LATIN_B)])
    finally:
        db.close()
    status, out = check(capsys, demo_db_path, "--session", "92", "--json")
    assert status == 1 and [f["items"] for f in json.loads(out.out)] == [["U+0180"]]
    assert main(["check", "fonts", "--db", str(demo_db_path), "--add", str(DEJAVU)]) == 0
    assert str(DEJAVU) in capsys.readouterr().out
    status, out = check(capsys, demo_db_path, "--session", "92", "--json")
    assert status == 0 and json.loads(out.out) == []
    pdf = tmp_path / "proof.pdf"
    args = ["pdf", "minutes", "--db", str(demo_db_path), "--session", "92", "--original", "CN", "--draft"]
    assert main([*args, "-o", str(pdf)]) == 0
    assert "□" not in capsys.readouterr().err
    assert b"CD-Extra" in pdf.read_bytes() or b"DejaVu" in pdf.read_bytes()
    assert main(["check", "fonts", "--db", str(demo_db_path), "--remove"]) == 0


def test_a_proof_with_a_character_no_font_has_prints_with_the_placeholder(demo_db_path, tmp_path, capsys):
    db = Database.open(demo_db_path)
    try:
        make_minutes(
            db, ordinal=93, rows=[(P.JOINT, K.PARAGRAPH, "罕见字：" + MISSING, "Иероглифы: " + MISSING)]
        )
    finally:
        db.close()
    pdf = tmp_path / "proof.pdf"
    args = ["pdf", "minutes", "--db", str(demo_db_path), "--session", "93", "--original", "CN", "--draft"]
    assert main([*args, "-o", str(pdf)]) == 0
    err = capsys.readouterr().err
    assert "U+20BB7" in err and "□" in err and pdf.stat().st_size > 0


def test_a_refused_original_lists_every_problem_not_four(demo_db_path, tmp_path, capsys):
    db = Database.open(demo_db_path)
    try:
        rows = [
            (P.JOINT, K.PARAGRAPH, f"交换技术资料{n}0项。", f"Передать {n}1 наименование.")
            for n in range(1, 7)
        ]
        make_minutes(db, ordinal=94, rows=rows)
    finally:
        db.close()
    args = ["pdf", "minutes", "--db", str(demo_db_path), "--session", "94", "--original", "CN"]
    assert main([*args, "-o", str(tmp_path / "x.pdf")]) == 1
    err = capsys.readouterr().err
    assert all(f"Segment {n}: Numbers differ" in err for n in range(1, 7))


@pytest.mark.skipif(not DEJAVU.is_file(), reason="needs DejaVu Sans (fonts-dejavu-core)")
def test_an_added_font_deleted_before_printing_is_a_missing_character_not_an_error(
    demo_db_path, tmp_path, capsys
):
    font = tmp_path / "added.ttf"
    font.write_bytes(DEJAVU.read_bytes())
    db = Database.open(demo_db_path)
    try:
        make_minutes(db, ordinal=94, rows=[(P.JOINT, K.PARAGRAPH, "字母" + LATIN_B, "буква " + LATIN_B)])
    finally:
        db.close()
    assert main(["check", "fonts", "--db", str(demo_db_path), "--add", str(font)]) == 0
    status, _out = check(capsys, demo_db_path, "--session", "94", "--json")
    assert status == 0  # the added font has the character (and is remembered in this process)
    font.unlink()  # the user deletes the file before printing
    pdf = tmp_path / "proof.pdf"
    args = ["pdf", "minutes", "--db", str(demo_db_path), "--session", "94", "--original", "CN", "--draft"]
    assert main([*args, "-o", str(pdf)]) == 0  # printed with the placeholder, no traceback
    err = capsys.readouterr().err
    assert "added.ttf" in err and "U+0180" in err and "Traceback" not in err
    status, out = check(capsys, demo_db_path, "--session", "94", "--json")
    assert status == 1 and [f["items"] for f in json.loads(out.out)] == [["U+0180"]]
    assert main(["check", "fonts", "--db", str(demo_db_path), "--remove"]) == 0
