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
        assert title == a.title(lang) and title  # the demo's titles, in the document's language
        assert not title.endswith(".txt")
        assert any("\u4e00" <= c <= "\u9fff" for c in title) == (lang == "zh")
    pdf = render_memorandum(data, lang)
    import pathlib
    import tempfile

    text = text_of(pdf, pathlib.Path(tempfile.mkdtemp()))
    # the file name is given, only after "File:" (as a reference)
    assert all(("Файл:" if lang == "ru" else "文件：") in text for _i, _a in data.materials)
    assert ".txt" in text
    squeezed = "".join(text.split())
    for _i, a in data.materials:
        assert "".join(a.title(lang).split()) in squeezed


def test_a_material_without_titles_is_named_from_its_file_or_its_item():
    from app.core.services.attachments import AttachmentData
    from app.reports.memorandum import material_title

    class Item:
        def title(self, lang):
            return "标准样品" if lang == "zh" else "Стандартные образцы"

    def att(name, zh="", ru=""):
        return AttachmentData(1, "", "agenda_item", 1, name, "text/plain", 1, "", zh, ru)

    item = Item()
    assert material_title(att("Перечень ТУ.txt"), item, 2, "ru") == "Перечень ТУ"
    assert "标准样品" in material_title(att("Перечень ТУ.txt"), item, 2, "zh")
    assert material_title(att("scan.png"), item, 2, "ru").endswith("Стандартные образцы")
    # a title given in one language only: the other document names it by its item
    assert "Стандартные образцы" in material_title(att("清单.txt", zh="清单"), item, 2, "ru")
    assert material_title(att("清单.txt", zh="清单"), item, 2, "zh") == "清单"


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


def _memorandum_headings(data, lang) -> tuple[set[str], set[str]]:
    from app.i18n.wording import day_heading

    _d = doc_gettext(lang)
    headings = {_d(x) for x in ("Dates and place", "Proposed agenda", "Programme", "Delegations",
                                "Supplementary materials", "Time to be agreed")}  # fmt: skip
    for day in data.schedule.days:
        title = day_heading(day.day, lang)
        headings |= {title, _d("{heading} (continued)").format(heading=title)}
    for side, _members in data.delegations:
        headings.add(side.delegation_title(lang) or side.full_name(lang))
    cells = {_d(x) for x in ("No.", "Item", "Proposed by", "Presenter", "Time", "Programme item", "Name",
                             "Role in the delegation", "Position and organisation", "Document",
                             "To agenda item")}  # fmt: skip
    return headings, cells


@pytest.mark.parametrize("lang", ["zh", "ru"])
@pytest.mark.parametrize("ordinal", [1, 2])
def test_no_heading_ends_a_page_of_the_memorandum(demo_db, tmp_path, lang, ordinal):
    from app.reports.memorandum import collect, render_memorandum

    with demo_db.unit() as s:
        meeting = s.execute(select(Meeting.id).where(Meeting.ordinal == ordinal)).scalar_one()
        data = collect(s, meeting, None)
    lines = layout.lines(render_memorandum(data, lang), tmp_path)
    headings, cells = _memorandum_headings(data, lang)
    assert not layout.heading_ends_page(lines, headings, cells)
    assert not layout.initials_at_line_end(lines)


@pytest.mark.parametrize("lang", ["zh", "ru"])
@pytest.mark.parametrize("ordinal", [1, 2])
def test_no_heading_or_category_row_ends_a_page_of_the_statement(demo_db, tmp_path, lang, ordinal):
    from app.core.models.expenses import ExpenseCategory
    from app.reports.statement import statement_pdf

    _d = doc_gettext(lang)
    with demo_db.unit() as s:
        meeting = s.execute(select(Meeting.id).where(Meeting.ordinal == ordinal)).scalar_one()
        pdf = statement_pdf(s, meeting, lang)
    lines = layout.lines(pdf, tmp_path)
    headings = {_d("Summary by side and currency"), _d("Own delegation"),
                _d("Organisation of the session (as host)"),
                _d("Organisation of the session (not the host: none)")}  # fmt: skip
    headings |= {_d(c.msgid) for c in ExpenseCategory}
    headings |= {ln.text for ln in lines if ln.text.startswith(("1. ", "2. ", "一、", "二、"))}
    cells = {_d(x) for x in ("No.", "Date", "Item of expenditure", "Receipts", "Amount")}
    assert not layout.heading_ends_page(lines, headings, cells)


def test_the_check_finds_a_heading_at_a_page_foot():
    foot = 700.0
    lines = [layout.Line(1, 1, 60, 100, 110, "text"), layout.Line(1, 2, 60, foot, foot + 10, "2. Программа"),
             layout.Line(2, 3, 60, 100, 110, "more")]  # fmt: skip
    assert layout.heading_ends_page(lines, {"Программа"})
    lines[1] = layout.Line(1, 2, 60, foot, foot + 10, "№")
    assert layout.heading_ends_page(lines, set(), {"№", "Время"})
    lines[1] = layout.Line(1, 2, 60, foot, foot + 10, "09:00–10:00 Заседание")
    assert not layout.heading_ends_page(lines, {"Программа"}, {"№"})


def test_a_total_never_opens_a_page_by_itself(tmp_path):
    """Wherever the page breaks near a table's end, its total goes over with its last rows."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    from app.reports.document import TEXT_WIDTH, HeadedTable, WithTail, para, render, table
    from app.reports.styles import styles

    st = styles("zh")
    rows = [["序号", "姓名"]] + [[str(i), f"专家{i:02d}"] for i in range(1, 13)]
    seen_split = False
    for filler in range(110, 150, 2):  # the table ends near the foot of the first page
        tail = [Spacer(1, 2 * mm), para("共 12 人。", st.right)]
        body = WithTail(table(rows, [20 * mm, TEXT_WIDTH - 20 * mm], st), tail)
        story = [Spacer(1, filler * mm), HeadedTable(para("苏联派往中国的专家", st.heading), body)]
        lines = layout.body(layout.lines(render(story, Furniture(lang="zh")), tmp_path))
        total = next(ln for ln in lines if ln.text.startswith("共"))
        on_its_page = [ln.text for ln in lines if ln.page == total.page and ln.top < total.top]
        assert any("专家12" in t for t in on_its_page), (filler, on_its_page)
        assert any("专家11" in t for t in on_its_page), (filler, on_its_page)  # two rows at least
        seen_split |= total.page > 1 and any("专家01" in ln.text for ln in lines if ln.page == 1)
    assert seen_split  # some fillers did break the table over two pages
