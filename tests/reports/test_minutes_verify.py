"""verify: a signed print matches; a print of changed minutes, a proof, a tampered file do not; and
the two commands (pdf minutes, verify) with their exit statuses."""

from __future__ import annotations

import io
import shutil

import pytest
from pypdf import PdfReader, PdfWriter
from sqlalchemy import select, text

from app.cli import main
from app.core.db import Database
from app.core.enums import SegmentKind, SegmentPart
from app.core.models import Meeting, Minutes
from app.core.services.minutes import signing
from app.core.services.minutes.content import signing_defaults
from app.reports import minutes as report
from app.reports.minutes import Layout, PrintOptions
from app.reports.minutes_verify import Unreadable, verify_pdf
from tests.core.signing_helpers import drop_guards, make_minutes
from tests.reports.pdftools import needs_poppler

P, K = SegmentPart, SegmentKind
ROWS = [
    (P.PREAMBLE, K.PARAGRAPH, "会议于北京举行。", "Заседание состоялось в Пекине."),
    (P.JOINT, K.DECISION, "双方交换120项技术条件。", "Стороны обмениваются 120 техническими условиями."),
    (P.FIRST, K.DECISION, "苏方派遣专家25名。", "Советская сторона направляет 25 специалистов."),
    (
        P.SECOND,
        K.PARAGRAPH,
        "双方同意继续合作。" * 30,
        "Стороны согласились продолжить сотрудничество. " * 30,
    ),
]


def _sign(db, mid):
    with db.unit() as s:
        signing.record_signing(s, mid, signing_defaults(s, mid))


def _print(db, mid, options) -> bytes:
    with db.unit() as s:
        return report.minutes_pdf(s, mid, options)


def _verify(db, data: bytes):
    with db.unit() as s:
        return verify_pdf(s, data)


@pytest.fixture
def signed(demo_db):
    mid, minutes_id = make_minutes(demo_db, rows=ROWS)
    _sign(demo_db, mid)
    return demo_db, mid, minutes_id


@pytest.mark.parametrize(
    "options",
    [PrintOptions("CN"), PrintOptions("SU", Layout.PARALLEL, copy_number="3", marking_zh="秘密", marking_ru="Секретно"),
     PrintOptions("reading")],
)  # fmt: skip
def test_a_signed_print_matches(signed, options):
    db, mid, _ = signed
    verdict = _verify(db, _print(db, mid, options))
    assert verdict.match, verdict.reason
    assert verdict.session.startswith("Session 90: ")
    assert verdict.copy == options.copy


def test_a_print_of_changed_minutes_does_not_match(demo_db_path, tmp_path):
    other = tmp_path / "other.sqlite3"
    shutil.copyfile(demo_db_path, other)
    db, db2 = Database.open(demo_db_path), Database.open(other)
    try:
        mid, _ = make_minutes(db, rows=ROWS)
        changed = [*ROWS[:2], (P.FIRST, K.DECISION, "苏方派遣专家26名。", "Советская сторона направляет 26 специалистов."),
                   ROWS[3]]  # fmt: skip
        mid2, _ = make_minutes(db2, rows=changed)
        with db.unit() as s, db2.unit() as s2:  # the same record on both laptops (same UUID)
            uuid = s.execute(select(Minutes.uuid).where(Minutes.meeting_id == mid)).scalar_one()
            s2.execute(select(Minutes).where(Minutes.meeting_id == mid2)).scalar_one().uuid = uuid
        _sign(db, mid)
        _sign(db2, mid2)
        verdict = _verify(db, _print(db2, mid2, PrintOptions("CN")))
        assert not verdict.match
        assert verdict.reason == "It is a print of another version of the minutes: its fingerprint differs."
        assert _verify(db, _print(db, mid, PrintOptions("CN"))).match
    finally:
        db.close()
        db2.close()


def test_minutes_changed_in_the_database_after_signing_no_longer_match(signed):
    db, mid, minutes_id = signed
    data = _print(db, mid, PrintOptions("SU"))
    drop_guards(db)  # the triggers refuse the change below: someone dropped them first
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE minutes_segments SET text_zh = '苏方派遣专家52名。' WHERE minutes_id = :m AND position = 2"),
                     {"m": minutes_id})  # fmt: skip
    verdict = _verify(db, data)
    assert not verdict.match and "changed after signing" in verdict.reason


def test_a_proof_does_not_match_even_of_the_same_text(demo_db):
    mid, _ = make_minutes(demo_db, rows=ROWS)
    proof = _print(demo_db, mid, PrintOptions("CN", draft=True))
    assert not _verify(demo_db, proof).match  # not signed yet
    _sign(demo_db, mid)
    verdict = _verify(demo_db, proof)
    assert not verdict.match and verdict.reason == "It is a proof, not a copy of the signed minutes."


def _rewrite(data: bytes, edit) -> bytes:
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter()
    for page in edit(list(reader.pages)):
        writer.add_page(page)
    writer.add_metadata({k: v for k, v in reader.metadata.items()})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_tampered_file_does_not_match(signed, demo_db):
    db, mid, _ = signed
    data = _print(db, mid, PrintOptions("CN"))
    assert len(PdfReader(io.BytesIO(data)).pages) >= 3
    same = _rewrite(data, lambda pages: pages)  # re-saved by another tool: still the same pages and text
    assert same != data and _verify(db, same).match
    fewer = _rewrite(data, lambda pages: pages[:-2] + pages[-1:])
    assert "pages; the signed minutes printed this way have" in _verify(db, fewer).reason
    swapped = _rewrite(data, lambda pages: [pages[1], pages[0], *pages[2:]])
    assert _verify(db, swapped).reason == "The text of page 1 differs from the signed minutes."
    with db.unit() as s:  # a page of another print of the same record (a proof of another session)
        other = s.execute(select(Meeting.id).where(Meeting.ordinal == 2)).scalar_one()
        foreign = report.minutes_pdf(s, other, PrintOptions("CN", draft=True))
    mixed = _rewrite(data, lambda pages: [*pages[:-1], PdfReader(io.BytesIO(foreign)).pages[0]])
    assert "does not show the fingerprint" in _verify(db, mixed).reason
    forged = data.replace(b"commission-desk-minutes/1", b"commission-desk-minutes/0")
    assert not _verify(db, forged).match
    with pytest.raises(Unreadable):
        _verify(db, b"%PDF-1.4 not really")


# --- the commands ----------------------------------------------------------------------------


@needs_poppler
def test_pdf_minutes_and_verify_from_the_command_line(demo_db_path, tmp_path, capsys):
    out = tmp_path / "cn.pdf"
    db = ["--db", str(demo_db_path)]
    assert main(["pdf", "minutes", *db, "--session", "1", "--original", "CN", "-o", str(out)]) == 0
    assert "signature original for CN" in capsys.readouterr().out
    assert main(["verify", *db, str(out)]) == 0
    said = capsys.readouterr().out
    assert said.startswith(f"MATCH: {out} is the original for CN of the signed minutes of Session 1")
    reading = tmp_path / "reading.pdf"
    assert main(["pdf", "minutes", *db, "--session", "1", "--original", "reading", "-o", str(reading)]) == 0
    assert main(["verify", *db, str(reading)]) == 0
    su = tmp_path / "su.pdf"
    args = [
        "--session",
        "1",
        "--original",
        "su",
        "--layout",
        "parallel",
        "--copy",
        "2",
        "--marking",
        "秘密/Секретно",
    ]
    assert main(["pdf", "minutes", *db, *args, "-o", str(su)]) == 0
    assert main(["verify", *db, str(su)]) == 0
    # the second session's minutes are being drafted: proofs only
    proof = tmp_path / "proof.pdf"
    assert main(["pdf", "minutes", *db, "--session", "2", "--original", "SU", "-o", str(proof)]) == 1
    err = capsys.readouterr().err
    assert "not ready for signature" in err and "--draft" in err and not proof.exists()
    assert (
        main(["pdf", "minutes", *db, "--session", "2", "--original", "SU", "--draft", "-o", str(proof)]) == 0
    )
    assert main(["verify", *db, str(proof)]) == 1
    assert "NO MATCH" in capsys.readouterr().out
    # bad input
    assert main(["pdf", "minutes", *db, "--session", "9", "--original", "CN", "-o", str(proof)]) == 2
    assert main(["pdf", "minutes", *db, "--session", "1", "--original", "XX", "-o", str(proof)]) == 1
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"not a pdf")
    assert main(["verify", *db, str(junk)]) == 2
    assert main(["verify", *db, str(tmp_path / "missing.pdf")]) == 2
    assert main(["verify", "--db", str(tmp_path / "none.sqlite3"), str(out)]) == 2
    capsys.readouterr()


def test_verify_says_it_in_the_interface_language(demo_db_path, tmp_path, capsys):
    out = tmp_path / "cn.pdf"
    db = ["--db", str(demo_db_path)]
    assert main(["pdf", "minutes", *db, "--session", "1", "--original", "CN", "-o", str(out)]) == 0
    assert main(["--lang", "ru", "verify", *db, str(out)]) == 0
    assert any(line.startswith("СОВПАДАЕТ") for line in capsys.readouterr().out.split("\n"))
    assert main(["--lang", "zh_CN", "verify", *db, str(out)]) == 0
    assert "相符" in capsys.readouterr().out


def test_two_processes_print_the_same_bytes(demo_db_path, tmp_path):
    import os
    import subprocess
    import sys

    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"copy{seed}.pdf"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        db = tmp_path / f"db{seed}.sqlite3"  # two databases: the second print is not the registered one
        shutil.copyfile(demo_db_path, db)
        args = [sys.executable, "-m", "app", "pdf", "minutes", "--db", str(db), "--session", "1",
                "--original", "SU", "--layout", "parallel", "-o", str(out)]  # fmt: skip
        subprocess.run(args, check=True, env=env, capture_output=True)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_characters_no_font_has_are_reported_before_printing(demo_db_path, capsys, tmp_path):
    from tests.core.signing_helpers import MISSING, fonts_have_everything

    db = Database.open(demo_db_path)
    try:
        rows = [*ROWS[:3], (P.SECOND, K.PARAGRAPH, "罕见字：" + MISSING, "Редкие иероглифы: " + MISSING)]
        mid, _ = make_minutes(db, rows=rows)
        with fonts_have_everything():  # signed where a font had MISSING
            _sign(db, mid)
    finally:
        db.close()
    out = tmp_path / "m.pdf"
    args = [
        "pdf",
        "minutes",
        "--db",
        str(demo_db_path),
        "--session",
        "90",
        "--original",
        "CN",
        "-o",
        str(out),
    ]
    assert main(args) == 1  # refused: a signed original never shows □
    err = capsys.readouterr().err
    assert "U+20BB7" in err and "U+20000" in err and "□" in err
    assert not out.exists()
