"""A long table costs the same per page as a short one (issue 18: "stay instant at twenty years of
records"): the list of experts of 1950–2030 is a table of some 20,000 rows over 1,600 pages.

A table laid out like the experts list (numbered rows grouped under spanned, shaded place rows
kept with their first rows, a total under it) is rendered at two lengths, ten times apart; the
time per page of the long one, against the short one in the same run, is the figure (a plain
ReportLab Table grows with the rows left on every page: 3.4 s for 87 pages of experts, 380 s for
1,646). Only the layout and drawing are timed, not building the paragraphs.

Run: python -m pytest -m benchmark tests/benchmarks/test_long_table_benchmark.py -s
"""

from __future__ import annotations

import re
import time

import pytest
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from app.reports.document import TEXT_WIDTH, Furniture, HeadedTable, WithTail, keep_group, para, render, table
from app.reports.long_table import ChunkedTable
from app.reports.styles import styles

pytestmark = pytest.mark.benchmark

SHORT, LONG = 400, 4000  # rows under the header
LIMIT = 1.5  # per-page cost of the long table against the short one (1.0 is linear)


def _story(rows_wanted: int, lang: str = "ru"):
    st = styles(lang)
    rows: list[list] = [["№", "Фамилия, имя", "Организация и должность", "Сроки и статус"]]
    extra: list[tuple] = []
    n = 0
    while len(rows) <= rows_wanted:
        r = len(rows)
        group = 12 + r % 7
        extra += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), colors.HexColor("#dde6ee")),
                  keep_group(r, group)]  # fmt: skip
        rows.append([para(f"Место {r}", st.cell_bold), "", "", ""])
        for _ in range(group):
            n += 1
            rows.append([str(n), f"Иванов Иван Иванович {n}",
                         f"Научно-исследовательский институт № {n % 97}, старший инженер" * (1 + n % 2),
                         "01.01.2025 –\n01.03.2025\nна месте"])  # fmt: skip
    body = table(rows, [12 * mm, 45 * mm, 70 * mm, TEXT_WIDTH - 127 * mm], st, extra_style=extra)
    total = para(f"Всего: {n} чел.", st.right)
    return [HeadedTable(para("Специалисты", st.heading), WithTail(body, [Spacer(1, 2 * mm), total]))], body


def _per_page(rows: int) -> tuple[float, int]:
    story, body = _story(rows)
    assert isinstance(body, ChunkedTable) or rows <= 150
    t = time.perf_counter()
    pdf = render(story, Furniture(lang="ru"))
    seconds = time.perf_counter() - t
    pages = len(re.findall(rb"/Type /Page\b(?!s)", pdf))
    return seconds / pages, pages


def test_a_long_table_costs_the_same_per_page_as_a_short_one():
    _per_page(60)  # fonts loaded, caches warm
    short, short_pages = _per_page(SHORT)
    long_, long_pages = _per_page(LONG)
    ratio = long_ / short
    print(f"\nlong table: {short_pages} pages {short * 1000:.1f} ms/page; {long_pages} pages "
          f"{long_ * 1000:.1f} ms/page; per-page ratio {ratio:.2f} (limit {LIMIT})")  # fmt: skip
    assert long_pages > 8 * short_pages
    assert ratio < LIMIT
