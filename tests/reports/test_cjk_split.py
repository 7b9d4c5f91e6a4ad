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
