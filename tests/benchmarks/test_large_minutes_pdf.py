"""The reading copy of a session's minutes (60 segments, parallel layout) from the large database,
the whole command, against a plain ReportLab script that sets the same text in the same fonts as a
two-column table, also a whole Python process (issue 18: at most 1.5×).

The fonts of the baseline are those the reading copy prints with (``pdffonts``): AR PL UMing and
PT Serif for the text, WenQuanYi Micro Hei and PT Serif Bold for the titles and headings, PT Sans
and PT Sans Bold for the page footer; so the baseline reads, measures and embeds the same six
fonts, and sets a title in each language and a footer on every page. Both run with Python's
bytecode compiled once and kept, as an installed program has it (``compiled_env``).

Run: python -m pytest -m benchmark tests/benchmarks/test_large_minutes_pdf.py -s
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.benchmarks.conftest import ROOT, Targets, load
from tests.benchmarks.test_startup import _time, compiled_env

pytestmark = pytest.mark.benchmark

SESSION = 3  # the oldest session of the large demo: minutes of 60 segments

PLAIN = """
import sqlite3, sys
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table
db, out, fonts = sys.argv[1:4]
pdfmetrics.registerFont(TTFont("Serif", fonts + "/PTSerif-Regular.ttf"))
pdfmetrics.registerFont(TTFont("SerifBold", fonts + "/PTSerif-Bold.ttf"))
pdfmetrics.registerFont(TTFont("Sans", fonts + "/PTSans-Regular.ttf"))
pdfmetrics.registerFont(TTFont("SansBold", fonts + "/PTSans-Bold.ttf"))
pdfmetrics.registerFont(TTFont("Ming", fonts + "/uming.ttc", subfontIndex=0))
pdfmetrics.registerFont(TTFont("Hei", fonts + "/wqy-microhei.ttc", subfontIndex=0))
con = sqlite3.connect(db)
rows = con.execute(
    "SELECT s.text_zh, s.text_ru FROM minutes_segments s JOIN minutes m ON m.id = s.minutes_id "
    "JOIN meetings g ON g.id = m.meeting_id WHERE g.ordinal = ? ORDER BY s.position", (int(sys.argv[4]),)
).fetchall()
zh = ParagraphStyle("zh", fontName="Ming", fontSize=12, leading=18, wordWrap="CJK")
ru = ParagraphStyle("ru", fontName="Serif", fontSize=12, leading=16, alignment=4)
title = [Paragraph("中苏国防工业联合委员会会议纪要", ParagraphStyle("zt", fontName="Hei", fontSize=17, leading=26)),
         Paragraph("Протокол заседания комиссии", ParagraphStyle("rt", fontName="SerifBold", fontSize=15, leading=20))]
table = Table([title] + [[Paragraph(a, zh), Paragraph(b, ru)] for a, b in rows], colWidths=[80 * mm, 80 * mm])
def footer(canvas, doc):
    canvas.setFont("SansBold", 9)
    canvas.drawString(20 * mm, 12 * mm, "C2C2 5F51")
    canvas.setFont("Sans", 9)
    canvas.drawCentredString(105 * mm, 12 * mm, "страница %d" % doc.page)
SimpleDocTemplate(out, pagesize=A4).build([table], onFirstPage=footer, onLaterPages=footer)
"""


def test_the_minutes_reading_copy_against_plain_reportlab(large_db_path, tmp_path):
    from app import paths

    env = compiled_env(tmp_path)
    ours_pdf, plain_pdf = tmp_path / "ours.pdf", tmp_path / "plain.pdf"
    plain = [sys.executable, "-c", PLAIN, str(large_db_path), str(plain_pdf), str(paths.fonts_dir()), str(SESSION)]  # fmt: skip
    command = [sys.executable, "-m", "app", "pdf", "minutes", "--db", str(large_db_path), "--session",
               str(SESSION), "--original", "reading", "--layout", "parallel", "-o", str(ours_pdf)]  # fmt: skip
    _time(plain, env, runs=1)  # compiles the bytecode of each, once
    _time(command, env, runs=1)
    base = _time(plain, env, runs=3)
    ours = _time(command, env, runs=3)
    pages = {p.name: _pages(p) for p in (ours_pdf, plain_pdf)}
    ratio = ours / base
    print(f"\nminutes reading copy, 60 segments: {ours:.2f} s ({pages['ours.pdf']} pages), plain ReportLab "
          f"{base:.2f} s ({pages['plain.pdf']} pages), ratio {ratio:.1f} ({load()})")  # fmt: skip
    assert ratio < 10  # no worse than before the work on speed
    targets = Targets()
    targets.check("minutes PDF ratio to plain ReportLab", ratio, 1.5)
    targets.done()


def _pages(path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True, cwd=ROOT).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))
