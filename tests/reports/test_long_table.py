"""A long table laid out a page-sized chunk at a time prints exactly as a plain Table (issue 18)."""

from __future__ import annotations

import pytest
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table

from app.reports import document, long_table
from app.reports.document import TEXT_WIDTH, Furniture, HeadedTable, WithTail, keep_group, para, render, table
from app.reports.long_table import ChunkedTable, chunked
from app.reports.styles import styles
from tests.reports.pdftools import needs_poppler, page_texts

CHUNK = 12  # rows under the header before a table is chunked, small to cut many chunks


def _rows_and_style(lang: str, places: int = 9, per_place: int = 13, zebra_tail: bool = False):
    """Numbered rows grouped by place like the experts list: a spanned, shaded place row kept
    with its first rows; some cells of three lines so that rows differ in height."""
    st = styles(lang)
    rows: list[list] = [["No.", "Name", "Organisation", "Dates"]]
    extra: list[tuple] = []
    n = 0
    for p in range(places):
        r = len(rows)
        extra += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), colors.HexColor("#dde6ee")),
                  keep_group(r, per_place)]  # fmt: skip
        rows.append([para(f"Place {p}", st.cell_bold), "", "", ""])
        for _i in range(per_place + p % 3):
            n += 1
            lines = "\n".join(f"line {k}" for k in range(1 + (n % 3)))
            rows.append([str(n), f"Person {n}", f"Organisation {n}\n{lines}", "2025-01-01 –\n2025-02-01"])
    if zebra_tail:
        extra.append(("BACKGROUND", (0, -3), (-1, -1), colors.HexColor("#f5f5f5")))
        extra.append(("LINEABOVE", (0, -1), (-1, -1), 1.2, colors.black))
    return rows, extra, st


def _story(lang: str, chunk: int | None, headed: bool, **kw):
    rows, extra, st = _rows_and_style(lang, **kw)
    widths = [12 * mm, 40 * mm, 70 * mm, TEXT_WIDTH - 122 * mm]
    t = table(rows, widths, st, extra_style=extra)
    body = t if chunk is None else chunked(t, chunk)
    story = [para("Title", st.title), Spacer(1, 37 * mm)]
    if headed:
        total = para(f"Total: {len(rows)}", st.right)
        story.append(HeadedTable(para("Section", st.heading), WithTail(body, [Spacer(1, 2 * mm), total])))
    else:
        story.append(body)
    story.append(para("After the table.", st.body))
    return story, body


@needs_poppler
@pytest.mark.parametrize("lang", ["zh", "ru"])
@pytest.mark.parametrize("headed", [True, False])
def test_a_chunked_table_prints_the_same_bytes_as_a_plain_table(lang, headed):
    plain_story, plain = _story(lang, None, headed)
    story, body = _story(lang, CHUNK, headed)
    assert isinstance(plain, Table) and isinstance(body, ChunkedTable)
    before = render(plain_story, Furniture(lang=lang))
    after = render(story, Furniture(lang=lang))
    assert len(page_texts(before)) >= 4
    assert after == before


@needs_poppler
def test_commands_counted_from_the_end_and_a_last_line_stay_in_place():
    plain_story, _ = _story("ru", None, False, zebra_tail=True)
    story, body = _story("ru", CHUNK, False, zebra_tail=True)
    assert isinstance(body, ChunkedTable)
    assert render(story, Furniture(lang="ru")) == render(plain_story, Furniture(lang="ru"))


def test_no_chunk_ends_inside_a_place_group(monkeypatch):
    """Every chunk ends outside a span and a NOSPLIT group, even with groups longer than a chunk."""
    ends = []
    build = ChunkedTable._build

    def recording(self, e):
        ends.append(e)
        return build(self, e)

    monkeypatch.setattr(ChunkedTable, "_build", recording)
    monkeypatch.setattr(long_table, "MARGIN_ROWS", 1)
    plain_story, plain = _story("zh", None, True, places=6, per_place=20)
    story, body = _story("zh", 3, True, places=6, per_place=20)
    for t in (plain, body):  # a NOSPLIT group longer than a chunk
        t.setStyle([("NOSPLIT", (0, 1), (-1, 12))])
    src = body.src
    groups = [(c[1][1], c[2][1]) for c in src.t._nosplitCmds + src.t._spanCmds]
    assert render(story, Furniture(lang="zh")) == render(plain_story, Furniture(lang="zh"))
    assert len(ends) > 5
    for e in ends:
        assert not any(sr < e <= er for sr, er in groups), (e, groups)
    assert all(e > 12 for e in ends)


@needs_poppler
@pytest.mark.parametrize("lang", ["zh", "ru"])
def test_a_long_table_whose_rows_are_made_as_the_layout_reaches_them_prints_the_same(monkeypatch, lang):
    story, body = _story(lang, None, True, places=14, per_place=13)
    assert isinstance(body, ChunkedTable) and body.src.make_row is not None
    lazy = render(story, Furniture(lang=lang))
    monkeypatch.setattr(document, "CHUNK_ROWS", 10**9)  # every row made at once, a plain Table
    plain_story, plain = _story(lang, None, True, places=14, per_place=13)
    assert isinstance(plain, Table)
    assert len(page_texts(lazy)) >= 6
    assert lazy == render(plain_story, Furniture(lang=lang))


def test_short_tables_and_unusual_ones_stay_plain():
    st = styles("ru")
    short = table([["a", "b"]] + [[str(i), "x"] for i in range(20)], [50, 50], st)
    assert isinstance(short, Table)
    rows = [["a", "b"]] + [[str(i), "x"] for i in range(400)]
    assert isinstance(table(rows, [50, 50], st), ChunkedTable)
    t = Table(rows, colWidths=[50, 50], repeatRows=1, splitInRow=1)
    assert chunked(t, 10) is t


def test_a_table_of_another_reportlab_without_an_attribute_read_here_is_laid_out_whole(monkeypatch):
    """Should a ReportLab version drop an attribute this module reads, the table is not chunked."""
    from reportlab.platypus import Table

    from app.reports import long_table

    t = Table([["h"]] + [[str(i)] for i in range(300)], colWidths=[50], repeatRows=1)
    assert long_table.chunked(t, 10) is not t
    monkeypatch.delattr(Table, "_srflcmds", raising=False)
    del t._srflcmds
    assert long_table.chunked(t, 10) is t
