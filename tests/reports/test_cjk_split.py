"""A Chinese paragraph that runs over a page break goes on without stray spaces (ReportLab adds a
space at the end of every line of the part it carries over, which shows as gaps in Chinese)."""

from __future__ import annotations

import re

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from app.reports.document import Furniture, para, render
from app.reports.styles import styles
from tests.reports.pdftools import needs_poppler, page_count, text_of

TEXT = (
    "双方代表团在友好、坦率和相互理解的气氛中，详细讨论了第5项问题，并一致认为，应当根据《工作条例》"
    "第3条的规定，于1958年6月1日前交换有关技术资料共50项，其中包括标准、规格和测量仪器的说明书。"
)


@needs_poppler
def test_the_part_carried_over_to_the_next_page_has_no_stray_spaces(tmp_path):
    st = styles("zh")
    pdf = render(
        [Spacer(1, 200 * mm), para(TEXT * 5, st.body_indent)], Furniture(lang="zh", page_numbers=False)
    )
    assert page_count(pdf) == 2
    pages = text_of(pdf, tmp_path).split("\f")
    cjk = "\u4e00-\u9fff，。、《》"
    for page in pages[:2]:
        assert not re.search(f"[{cjk}] +[{cjk}]", page), page
    assert re.sub(r"\s+", "", "".join(pages)) == TEXT * 5


def test_lines_are_broken_once_per_width_with_reportlabs_widths():
    from reportlab.platypus.paragraph import cjkU

    from app.reports import linebreak

    st = styles("zh")
    p = para(TEXT, st.body_indent)
    _w, h = p.wrap(80 * mm, 1000)
    first = p.blPara
    assert p.wrap(80 * mm, 500) == (80 * mm, h) and p.blPara is first  # the same width: not again
    p.wrap(120 * mm, 1000)
    assert p.blPara is not first and len(p.blPara.lines) < len(first.lines)
    frag = p.frags[0]
    measured = linebreak._measured(frag.text, frag, "utf8")
    assert [u.width for u in measured] == [cjkU(t, frag, "utf8").width for t in frag.text]
    assert all(u.frag is frag for u in measured) and "".join(measured) == frag.text


def test_russian_lines_are_broken_once_per_width_too():
    st = styles("ru")
    text = "Стороны договорились обменяться технической документацией в количестве 143 экз. " * 4
    p = para(text, st.cell)
    _w, h = p.wrap(60 * mm, 1000)
    first = p.blPara
    assert p.wrap(60 * mm, 300) == (60 * mm, h) and p.blPara is first
    fresh = para(text, st.cell)
    assert fresh.wrap(60 * mm, 1000) == (60 * mm, h)
    assert repr(fresh.blPara.lines) == repr(first.lines)
    p.wrap(120 * mm, 1000)
    assert p.blPara is not first and len(p.blPara.lines) < len(first.lines)
