"""Fonts are registered with ReportLab only when drawn with; which characters a font has comes from
a coverage kept in the user's cache folder, read from the font file once (issue 18)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from reportlab.pdfbase.ttfonts import TTFontFile

from app import paths
from app.reports import font_coverage, fonts

ROOT = paths.base_dir()


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMISSION_DESK_CACHE_DIR", str(tmp_path / "cache"))
    font_coverage.coverage.cache_clear()
    yield tmp_path / "cache" / "fonts"
    font_coverage.coverage.cache_clear()


def test_the_coverage_is_the_fonts_cmap_and_is_read_from_the_cache_next_time(cache, monkeypatch):
    path = str(paths.fonts_dir() / "wqy-microhei.ttc")
    points = font_coverage.coverage(path, 0)
    assert points == frozenset(TTFontFile(path, subfontIndex=0).charToGlyph)
    assert ord("中") in points and 0x20000 not in points
    assert len(list(cache.glob("*.cov"))) == 1

    font_coverage.coverage.cache_clear()  # a new process: the font file is not read again
    monkeypatch.setattr(font_coverage, "_read", lambda *a: pytest.fail("the font was parsed again"))
    assert font_coverage.coverage(path, 0) == points


def test_a_changed_font_file_is_read_again_and_a_damaged_entry_is_ignored(cache, tmp_path):
    font = tmp_path / "font.ttf"
    shutil.copyfile(paths.fonts_dir() / "PTSans-Regular.ttf", font)
    first = font_coverage.coverage(str(font))
    assert ord("Ж") in first and ord("中") not in first
    (entry,) = cache.glob("*.cov")
    entry.write_bytes(b"garbage")
    font_coverage.coverage.cache_clear()
    assert font_coverage.coverage(str(font)) == first  # read from the font again
    shutil.copyfile(paths.fonts_dir() / "wqy-microhei.ttc", font)
    os.utime(font, ns=(0, 10**18))  # another file, another modification time
    font_coverage.coverage.cache_clear()
    assert ord("中") in font_coverage.coverage(str(font))


def test_runs_of_code_points_round_trip():
    points = frozenset([0x20, 0x21, 0x22, 0x41, 0x4E00, 0x4E01, 0x20000])
    assert font_coverage.decode(font_coverage.encode(points)) == points
    assert font_coverage.decode(font_coverage.encode(frozenset())) == frozenset()
    with pytest.raises(ValueError):
        font_coverage.decode(b"not a coverage")


def test_a_file_that_is_no_truetype_font_cannot_be_added(tmp_path, capsys):
    bad = tmp_path / "bad.ttf"
    bad.write_bytes(b"not a font at all")
    assert fonts.load_font(str(bad)) is None
    assert "bad.ttf" in capsys.readouterr().err


CHILD = """
from reportlab.pdfbase import pdfmetrics
from app.reports import fonts
registered = lambda: sorted(n for n in pdfmetrics.getRegisteredFontNames() if n.startswith("CD-"))
assert fonts.missing_glyphs("中文 Привет ₽ 𠀀") == ["𠀀"]
fonts.markup("Протокол № 5", "serif", "ru")
print(registered())
fonts.markup("纪要", "serif", "zh")
print(registered())
"""


def test_the_chinese_fonts_are_read_only_when_a_character_needs_them(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT), COMMISSION_DESK_CACHE_DIR=str(tmp_path / "cache"))
    out = subprocess.run([sys.executable, "-c", CHILD], check=True, capture_output=True, text=True, env=env,
                         cwd=ROOT).stdout.splitlines()  # fmt: skip
    latin = str(sorted(fonts.EAGER))
    assert out == [latin, str(sorted([*fonts.EAGER, fonts.MING]))]
