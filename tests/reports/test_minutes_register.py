"""The print register: a copy of signed minutes is printed once and reprinted from its stored bytes,
even after the layout code changed; verify compares a file with the registered copy exactly (a
hyphen, a space, a punctuation mark on a later page), and says when it had to compare with a fresh
print instead."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from app.core.enums import SegmentKind, SegmentPart
from app.core.errors import ValidationError
from app.core.models import MinutesPrint
from app.core.services.minutes import prints, signing
from app.core.services.minutes.content import Bi, signing_defaults
from app.reports import minutes as report
from app.reports import minutes_blocks, pdf_pages
from app.reports.minutes import Layout, PrintOptions
from app.reports.minutes_verify import difference, verify_pdf
from tests.core.signing_helpers import make_minutes

P, K = SegmentPart, SegmentKind
LONG_ZH = "双方同意继续合作。" * 40
LONG_RU = "Стороны согласились продолжить сотрудничество. " * 40
LAST_RU = "Стороны проведут 10-й раунд переговоров в Москве, по 1958-й год включительно."
ROWS = [
    (P.PREAMBLE, K.PARAGRAPH, "会议于北京举行。", "Заседание состоялось в Пекине."),
    (P.JOINT, K.DECISION, "双方交换120项技术条件。", "Стороны обмениваются 120 техническими условиями."),
    (P.FIRST, K.PARAGRAPH, LONG_ZH, LONG_RU),
    (P.SECOND, K.PARAGRAPH, LONG_ZH, LONG_RU),
    (P.SECOND, K.PARAGRAPH, "双方将在莫斯科举行第10轮谈判，至1958年止。", LAST_RU),
]


@pytest.fixture
def signed(demo_db):
    mid, minutes_id = make_minutes(demo_db, rows=ROWS)
    with demo_db.unit() as s:
        signing.record_signing(s, mid, signing_defaults(s, mid))
    return demo_db, mid, minutes_id


def _print(db, mid, options) -> bytes:
    with db.unit() as s:
        return report.minutes_pdf(s, mid, options)


def _verify(db, data: bytes):
    with db.unit() as s:
        return verify_pdf(s, data)


def _forged(db, mid, options, old: str, new: str) -> bytes:
    """The copy as a forger would make it: the same keywords and fingerprint, one text changed."""
    with db.unit() as s:
        src = signing.print_source(s, mid)
        resolved = report.resolve(src, options)
    segs = tuple(
        replace(seg, text=Bi(seg.text.zh, seg.text.ru.replace(old, new))) if old in seg.text.ru else seg
        for seg in src.content.segments
    )
    assert segs != src.content.segments
    return report.render_minutes(replace(src, content=replace(src.content, segments=segs)), resolved)


def test_a_signed_copy_is_registered_once_and_reprinted_from_the_register(signed):
    db, mid, minutes_id = signed
    options = PrintOptions("SU", Layout.PARALLEL, copy_number="2", marking_zh="秘密", marking_ru="Секретно")
    first = _print(db, mid, options)
    again = _print(db, mid, options)
    assert again == first
    _print(db, mid, PrintOptions("CN"))
    _print(db, mid, PrintOptions("reading"))
    with db.unit() as s:
        listed = prints.entries(s, minutes_id)
        assert [e.key.copy for e in listed] == ["SU", "CN", "reading"]
        su = listed[0]
        assert su.key == prints.CopyKey("SU", "parallel", "2", "秘密", "Секретно")
        assert su.load(s) == first and su.page_digests == tuple(pdf_pages.digests(first))
        assert su.printed_by
    mid2, _ = make_minutes(db, rows=ROWS, ordinal=91)
    _print(db, mid2, PrintOptions("CN", draft=True))  # proofs are never registered
    with db.unit() as s:
        assert s.execute(select(func.count()).select_from(MinutesPrint)).scalar_one() == 3


def test_a_copy_still_verifies_and_reprints_identically_after_the_layout_changed(signed, monkeypatch):
    db, mid, _ = signed
    copies = {o: _print(db, mid, o) for o in (PrintOptions("CN"), PrintOptions("reading"))}
    original_styles = minutes_blocks.scaled_styles

    def larger(lang, scale):  # a later version of the program sets the text larger
        return original_styles(lang, scale * 1.1)

    monkeypatch.setattr(minutes_blocks, "scaled_styles", larger)
    for options, data in copies.items():
        with db.unit() as s:
            src = signing.print_source(s, mid)
            fresh = report.render_minutes(src, report.resolve(src, options))
        assert fresh != data  # the layout did change
        assert _print(db, mid, options) == data  # the copy did not
        verdict = _verify(db, data)
        assert verdict.match and verdict.registered and not verdict.detail, verdict.reason


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [("10-й", "10 й", "10 й"), ("в Москве", "вМоскве", "вМоскве"), ("включительно.", "включительно,", "чительно,")],
    ids=["hyphen", "space", "punctuation"],
)  # fmt: skip
def test_verify_fails_on_any_change_of_a_later_page(signed, old, new, shown):
    db, mid, _ = signed
    options = PrintOptions("CN")
    data = _print(db, mid, options)
    pages = len(pdf_pages.read(data).texts)
    assert pages >= 3
    forged = _forged(db, mid, options, old, new)
    assert len(pdf_pages.read(forged).texts) == pages
    verdict = _verify(db, forged)
    assert not verdict.match and verdict.registered
    assert verdict.reason == f"The text of page {pages} differs from the signed minutes."
    assert shown in verdict.detail and old[-5:] in verdict.detail


def test_without_a_register_entry_verify_compares_exactly_with_a_fresh_print(signed):
    db, mid, _ = signed
    options = PrintOptions("CN")
    with db.unit() as s:  # printed before the register was kept: not registered
        src = signing.print_source(s, mid)
        data = report.render_minutes(src, report.resolve(src, options))
    verdict = _verify(db, data)
    assert verdict.match and not verdict.registered
    assert "not in the print register" in verdict.detail
    verdict = _verify(db, _forged(db, mid, options, "10-й", "10 й"))
    assert not verdict.match and "differs from the signed minutes" in verdict.reason
    assert "10 й" in verdict.detail


def _redrawn(data: bytes) -> bytes:
    """The copy with an operator added to its last page that changes no text."""
    import io

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ContentStream

    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter(clone_from=reader)
    page = writer.pages[-1]
    stream = ContentStream(None, reader)
    stream.set_data(page.get_contents().get_data() + b"\nq 0.5 0 0 0.5 0 0 cm Q\n")
    page.replace_contents(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_page_drawn_differently_with_the_same_text_does_not_match(signed):
    db, mid, _ = signed
    data = _print(db, mid, PrintOptions("CN"))
    redrawn = _redrawn(data)
    before, after = pdf_pages.read(data), pdf_pages.read(redrawn)
    assert after.texts == before.texts and after.digests[:-1] == before.digests[:-1]
    assert after.digests[-1] != before.digests[-1]
    verdict = _verify(db, redrawn)
    assert not verdict.match
    assert (
        verdict.reason
        == f"Page {len(before.texts)} is drawn differently from the signed copy, though its text reads the same."
    )


def test_difference_shows_where_two_texts_part():
    said = difference("проведут 10 й раунд", "проведут 10-й раунд")
    assert "“проведут 10 й раунд”" in said and "“проведут 10-й раунд”" in said
    assert "…" in difference("a" * 40 + "x" + "b" * 40, "a" * 40 + "y" + "b" * 40)


def test_the_session_is_named_in_one_language(signed):
    import re

    from app import i18n
    from app.reports.minutes_verify import session_label

    db, mid, _ = signed
    with db.unit() as s:
        content = signing.print_source(s, mid).content
    before = i18n.current_language()
    try:
        said = {}
        for lang in ("zh_CN", "ru", "en"):
            i18n.set_language(lang)
            said[lang] = session_label(content)
    finally:
        i18n.set_language(before)
    cyrillic, han, latin = (
        re.compile("[а-яё]", re.I),
        re.compile("[\u4e00-\u9fff]"),
        re.compile("[a-z]", re.I),
    )
    assert (
        han.search(said["zh_CN"]) and not cyrillic.search(said["zh_CN"]) and not latin.search(said["zh_CN"])
    )
    assert cyrillic.search(said["ru"]) and not han.search(said["ru"]) and not latin.search(said["ru"])
    assert not cyrillic.search(said["en"]) and not han.search(said["en"]), said["en"]


def test_the_command_line_says_how_a_page_differs(signed, capsys, tmp_path):
    from app.cli import main

    db, mid, _ = signed
    _print(db, mid, PrintOptions("CN"))
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(_forged(db, mid, PrintOptions("CN"), "10-й", "10 й"))
    assert main(["verify", "--db", str(db.path), str(forged)]) == 1
    out = capsys.readouterr().out
    assert "differs from the signed minutes" in out and "“" in out and "10 й" in out


def test_a_consistent_forgery_is_caught_by_the_copies_printed_before(signed):
    import hashlib

    from sqlalchemy import text

    from app.core.models import Minutes
    from tests.core.signing_helpers import drop_guards

    db, mid, minutes_id = signed
    original = _print(db, mid, PrintOptions("CN"))
    drop_guards(db)  # someone with write access drops the triggers and rewrites text, content and fingerprint
    with db.unit() as s:
        row = s.get(Minutes, minutes_id)
        content = row.signed_content.replace("120", "121")
        fingerprint = hashlib.sha256(content.encode("utf-8")).hexdigest()
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE minutes_segments SET text_zh = replace(text_zh, '120', '121'), "
                          "text_ru = replace(text_ru, '120', '121') WHERE minutes_id = :m"), {"m": minutes_id})  # fmt: skip
        conn.execute(text("UPDATE minutes SET signed_content = :c, fingerprint = :f WHERE id = :m"),
                     {"c": content, "f": fingerprint, "m": minutes_id})  # fmt: skip
    with db.unit() as s:
        assert "printed with another fingerprint" in signing.record_problem(s, s.get(Minutes, minutes_id))
    with pytest.raises(ValidationError, match="another fingerprint"):
        _print(db, mid, PrintOptions("SU", copy_number="9"))
    assert not _verify(db, original).match
