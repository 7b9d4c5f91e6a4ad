"""ReportLab's parsed fonts are kept in the user's cache folder (app/reports/font_faces.py): a font
loaded from there is the parsed one, attribute for attribute, measures and embeds the same bytes,
and a changed font file or a damaged entry is parsed again (issue 18)."""

from __future__ import annotations

import shutil

import pytest
from reportlab.pdfbase import ttfonts

from app import paths
from app.reports import font_faces, fonts

TEXT = "中华人民共和国 Протокол № 17 — «ПРОЕКТ» 草案，。"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMISSION_DESK_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "fonts"


def _no_parsing(monkeypatch):
    def parse(*args, **kwargs):
        pytest.fail("the font was parsed again")

    monkeypatch.setattr(ttfonts.TTFontFace, "__init__", parse)


@pytest.mark.parametrize("name", list(fonts.FILES))
def test_a_cached_font_is_the_parsed_one(name, cache, monkeypatch):
    filename, index = fonts.FILES[name]
    path = str(paths.fonts_dir() / filename)
    parsed = font_faces.load_font(name, path, index or 0)  # parsed, and kept
    assert len(list(cache.glob("*.face"))) == 1
    with monkeypatch.context() as m:
        _no_parsing(m)
        cached = font_faces.load_font(name, path, index or 0)
    assert cached is not parsed and type(cached.face) is ttfonts.TTFontFace
    a, b = vars(parsed.face), vars(cached.face)
    assert a.keys() == b.keys()
    for key in a.keys() - {"_pdfScale"}:
        assert a[key] == b[key] and type(a[key]) is type(b[key]), key
    assert b["name"].ustr == a["name"].ustr
    for units in (0, 1, 517, 2048, -300):
        assert cached.face._pdfScale(units) == parsed.face._pdfScale(units)
    assert {k: v for k, v in vars(cached).items() if k not in ("face", "state", "encoding")} == {
        k: v for k, v in vars(parsed).items() if k not in ("face", "state", "encoding")
    }
    assert cached.stringWidth(TEXT, 12) == parsed.stringWidth(TEXT, 12)
    subset = [0] + sorted({ord(c) for c in TEXT if ord(c) in a["charToGlyph"]})
    assert cached.face.makeSubset(subset) == parsed.face.makeSubset(subset)  # the bytes embedded


def test_a_changed_font_file_is_parsed_again_and_a_damaged_entry_is_ignored(cache, tmp_path, monkeypatch):
    copy = tmp_path / "font.ttf"
    shutil.copyfile(paths.fonts_dir() / "PTSans-Regular.ttf", copy)
    font_faces.load_font("F", str(copy))
    (entry,) = cache.glob("*.face")
    entry.write_bytes(entry.read_bytes()[:100])  # cut short
    assert font_faces.load_font("F", str(copy)).face.name.ustr == "PTSans-Regular"
    assert entry.stat().st_size > 100  # written again
    shutil.copyfile(paths.fonts_dir() / "PTSerif-Regular.ttf", copy)  # another font in its place
    assert font_faces.load_font("F", str(copy)).face.name.ustr == "PTSerif-Regular"
    assert len(list(cache.glob("*.face"))) == 2


def test_fonts_holding_more_than_plain_data_are_not_cached(cache, monkeypatch):
    real = ttfonts.TTFontFile.extractInfo

    def extract(self, *args, **kwargs):
        real(self, *args, **kwargs)
        self.something = object()

    monkeypatch.setattr(ttfonts.TTFontFile, "extractInfo", extract)
    font = font_faces.load_font("F", str(paths.fonts_dir() / "PTSans-Bold.ttf"))
    assert font.face.name.ustr == "PTSans-Bold"
    assert not list(cache.glob("*.face"))
