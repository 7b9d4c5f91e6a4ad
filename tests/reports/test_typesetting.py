"""The documents as a typographer looks at them, on the laid-out PDF (issue 14)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.core.models import Meeting
from app.core.services.experts.query import on_site_list
from app.i18n import doc_gettext
from app.reports.document import Furniture
from app.reports.experts import experts_on_site
from tests.reports import layout
from tests.reports.pdftools import needs_poppler, page_texts

FROM, TO = dt.date(2026, 1, 1), dt.date(2026, 12, 31)

pytestmark = needs_poppler




def _experts_pdf(demo_db, lang):
    with demo_db.unit() as s:
        pdf = experts_on_site(s, FROM, TO, lang)
        entries = on_site_list(s, FROM, TO)
        places = {e.place_zh if lang == "zh" else e.place_ru for e in entries}
    return pdf, places


def test_russian_cells_break_words_only_with_a_hyphen(demo_db, demo_db_path, tmp_path):
    pdf, _places = _experts_pdf(demo_db, "ru")
    lines = layout.lines(pdf, tmp_path)
    words = layout.vocabulary(demo_db_path, "физико-химические радиолокационная оптико-механический")
    assert not layout.broken_words(lines, words)
    text = "\n".join(ln.text for ln in lines)
    # hyphenated at pyphen's points, with the hyphen shown
    assert any(ln.text.endswith("-") for ln in lines if ln.text[-2:-1].isalpha())
    assert "о\nптико" not in text


def test_the_check_finds_a_word_broken_without_a_hyphen():
    lines = [layout.Line(1, 1, 0, 0, 10, "Ленинградский о"), layout.Line(1, 1, 0, 12, 22, "птико-механичес")]
    assert layout.broken_words(lines, {"оптико-механический", "оптико-механичес"})
    lines = [layout.Line(1, 1, 0, 0, 10, "оптико-механи-"), layout.Line(1, 1, 0, 12, 22, "ческий завод")]
    assert not layout.broken_words(lines, {"оптико-механический"})


@pytest.mark.parametrize("lang", ["zh", "ru"])
def test_no_initial_ends_a_line_and_no_heading_or_place_ends_a_page(demo_db, tmp_path, lang):
    pdf, places = _experts_pdf(demo_db, lang)
    lines = layout.lines(pdf, tmp_path)
    assert not layout.initials_at_line_end(lines)
    _d = doc_gettext(lang)
    header = {_d(x) for x in ("No.", "Name", "Organisation and position", "Purpose and speciality",
                              "Host organisation", "Dates and status")}  # fmt: skip
    assert not layout.headings_at_page_foot(lines, places | header)
    # the section headings: never the last text of a page
    feet = {ln.text for ln in layout.last_lines(lines).values()}
    assert not [t for t in feet if t.startswith(("Специалисты из", "苏联派", "中国派"))]


def test_one_person_listed_twice_is_worded_in_the_singular():
    from app.i18n import doc_ngettext

    _dn = doc_ngettext("ru")
    one = _dn("Listed twice because the assignments overlap: {names}.",
              "Listed twice because their assignments overlap: {names}.", 1)  # fmt: skip
    many = _dn("Listed twice because the assignments overlap: {names}.",
               "Listed twice because their assignments overlap: {names}.", 2)  # fmt: skip
    assert one.startswith("Указан ") and many.startswith("Указаны ")


@pytest.mark.parametrize("copy", ["CN", "SU"])
def test_the_signature_columns_start_at_one_height(demo_db, tmp_path, copy):
    from sqlalchemy import select

    from app.core.models import Meeting
    from app.core.services.minutes import signing
    from app.reports import minutes as report
    from app.reports.minutes import Layout, PrintOptions
    from app.reports.minutes_blocks import signature_lines

    with demo_db.unit() as s:
        meeting = s.execute(select(Meeting.id).where(Meeting.ordinal == 1)).scalar_one()
        src = signing.print_source(s, meeting)
        content = src.content
        # laid out now (a registered copy of signed minutes gives its stored bytes)
        pdf = report.render_minutes(src, report.resolve(src, PrintOptions(copy, Layout.SEQUENTIAL)))
    lines = layout.lines(pdf, tmp_path)
    last = max(ln.page for ln in lines)
    on_last = [ln for ln in layout.body(lines) if ln.page == last]
    first = content.side(copy)
    second = content.other(first.code)
    lang = second.language  # the second text ends the original

    def top(text: str) -> float:
        text = text.replace("\u00a0", " ")
        found = [ln.top for ln in on_last if text and text.split()[0] in ln.text.replace("\u00a0", " ")]
        assert found, (text, [ln.text for ln in on_last])
        return max(found)  # the signature block is the lowest occurrence

    a, b = signature_lines(content, first, lang), signature_lines(content, second, lang)
    assert abs(top(a.name) - top(b.name)) < 0.5
    assert abs(top(a.on_behalf) - top(b.on_behalf)) < 0.5
    # the titles under the names start on one line too, however many lines either takes
    below = top(a.name)

    middle = 307  # the gutter between the two blocks, in points from the left edge

    def title_top(job: str, left: bool) -> float:
        word = job.replace("\u00a0", " ").split()[0]
        return min(ln.top for ln in on_last
                   if ln.top > below + 1 and word in ln.text and (ln.x < middle) == left)  # fmt: skip

    assert abs(title_top(a.job, True) - title_top(b.job, False)) < 0.5


@pytest.mark.parametrize("lang", ["zh", "ru"])
def test_the_memorandum_lists_materials_by_title_with_the_file_name_as_reference(demo_db, lang):
    from app.reports.memorandum import collect, material_title, render_memorandum
    from tests.reports.pdftools import text_of

    with demo_db.unit() as s:
        meeting = s.execute(select(Meeting.id).where(Meeting.ordinal == 2)).scalar_one()
        data = collect(s, meeting, None)
    assert data.materials
    for item, a in data.materials:
        title = material_title(a, item, data.number_of(item.id), lang)
        assert not title.endswith(".txt")
        assert ("\u4e00" <= max(title) <= "\u9fff") == (lang == "zh") or lang == "zh"
    pdf = render_memorandum(data, lang)
    import pathlib
    import tempfile

    text = text_of(pdf, pathlib.Path(tempfile.mkdtemp()))
    # the file name is given, only after "File:" (as a reference)
    assert all(("Файл:" if lang == "ru" else "文件：") in text for _i, _a in data.materials)
    assert ".txt" in text


def test_a_long_day_of_the_programme_goes_on_under_its_heading_marked_continued():
    from reportlab.platypus import Table

    from app.reports.document import HeadedTable, keep_group, para, render, table
    from app.reports.styles import styles

    for lang, mark in (("zh", "（续）"), ("ru", "(продолжение)")):
        st = styles(lang)
        _d = doc_gettext(lang)
        rows = [["Time", "Item"]] + [[f"{h:02d}:00", f"Item {h}"] for h in range(70)]
        body = table(rows, [80, 300], st, extra_style=[keep_group(0, 69)])
        assert isinstance(body, Table)
        heading = "Day one"
        story = [HeadedTable(para(heading, st.subheading), body,
                             continued=para(_d("{heading} (continued)").format(heading=heading), st.subheading))]  # fmt: skip
        pages = page_texts(render(story, Furniture(lang=lang)))
        assert len(pages) >= 2
        assert heading in pages[0] and mark not in pages[0]
        assert all(mark in p for p in pages[1:])


DOCUMENTS = {
    "memorandum-zh": ["pdf", "memorandum", "--session", "2", "--lang", "zh"],
    "memorandum-ru": ["pdf", "memorandum", "--session", "2", "--lang", "ru"],
    "statement-zh": ["pdf", "statement", "--session", "1", "--lang", "zh"],
    "statement-ru": ["pdf", "statement", "--session", "1", "--lang", "ru"],
    "experts-zh": ["pdf", "experts", "--from", "2026-01-01", "--to", "2026-12-31", "--lang", "zh"],
    "experts-ru": ["pdf", "experts", "--from", "2026-01-01", "--to", "2026-12-31", "--lang", "ru"],
    "minutes-CN": ["pdf", "minutes", "--session", "1", "--original", "CN"],
    "minutes-SU": ["pdf", "minutes", "--session", "1", "--original", "SU"],
    "minutes-reading": ["pdf", "minutes", "--session", "1", "--original", "reading"],
}


@pytest.fixture(scope="module")
def every_document(demo_template, tmp_path_factory):
    import shutil

    from app.cli import main

    tmp = tmp_path_factory.mktemp("every-document")
    db = tmp / "demo.sqlite3"  # printing signed minutes registers the copy: never in the template
    shutil.copyfile(demo_template, db)
    out = {}
    for name, args in DOCUMENTS.items():
        path = tmp / f"{name}.pdf"
        assert main([*args, "--db", str(db), "-o", str(path)]) == 0
        out[name] = layout.lines(path.read_bytes(), tmp)
    return out


def test_in_every_document_no_initial_ends_a_line_and_no_russian_word_is_cut_without_a_hyphen(
    every_document, demo_template
):
    words = layout.vocabulary(demo_template)
    for name, lines in every_document.items():
        assert not layout.initials_at_line_end(lines), name
        assert not layout.broken_words(lines, words), name


def test_no_document_has_a_hyphen_minus_for_a_negative_amount(every_document):
    import re

    for name, lines in every_document.items():
        text = "\n".join(ln.text for ln in lines)
        assert not re.search(r"(?<![\w-])-\s?[¥₽$]?\d", text), name
    statement = "\n".join(ln.text for ln in every_document["statement-zh"])
    assert "−¥1,260.00" in statement
