"""Characters no font can print (CJK Extension B in names) are a finding that blocks signing; a
font the user adds (setting fonts.extra) that has them clears it. The fonts themselves are the
reports' business: here a stand-in source answers which characters print."""

from __future__ import annotations

import pytest

from app.core.errors import ValidationError
from app.core.services import glyphs
from app.core.services.minutes import signing
from app.core.services.minutes.checks import CheckCode, check_segments
from app.core.services.minutes.content import signing_defaults
from tests.core.signing_helpers import make_minutes, segments_spec
from tests.core.test_minutes_checks import seg

EXT_B = "\U00020000\U00020bb7"  # 𠀀 𠮷


def fake_source(font_paths):
    """The shipped fonts lack Extension B; a font file named *HanaMinB* has it."""
    has_ext_b = any("HanaMinB" in p for p in font_paths)
    return lambda ch: ord(ch) < 0x20000 or has_ext_b


@pytest.fixture
def source(monkeypatch):
    monkeypatch.setattr(glyphs, "_source", fake_source)
    monkeypatch.setattr(glyphs, "_extra", ())


def test_each_unprintable_character_is_a_blocking_finding_with_its_code_point(source):
    found = check_segments(
        [seg(1, "吉林省𠮷田村", "деревня 𠮷тянь"), seg(2, "𠀀", "А")], [], glyphs.checker()
    )
    unprintable = [f for f in found if f.code is CheckCode.UNPRINTABLE]
    assert [(f.segment_id, f.items, f.lang) for f in unprintable] == [
        (1, ("U+20BB7",), ""),
        (2, ("U+20000",), "zh"),
    ]
    assert all(f.blocking for f in unprintable)
    assert "U+20BB7" in unprintable[0].message and "□" in unprintable[0].message


def test_an_unprintable_character_cannot_be_accepted_as_intended(source):
    (finding,) = check_segments([seg(1, "𠮷", "𠮷")], [], glyphs.checker())
    again = check_segments([seg(1, "𠮷", "𠮷", accepted=[finding.key])], [], glyphs.checker())
    assert again[0].blocking and not again[0].accepted


def test_without_a_source_the_characters_are_not_checked(monkeypatch):
    monkeypatch.setattr(glyphs, "_source", None)
    assert check_segments([seg(1, "𠮷", "𠮷")], []) == []


def test_an_extension_b_character_blocks_signing_until_a_font_has_it(source, demo_db, tmp_path):
    rows = segments_spec(n_per_part=2, long_factor=1, rare=False)
    part, kind, zh, ru = rows[1]
    rows[1] = (part, kind, zh + "（" + EXT_B + "）", ru + " (" + EXT_B + ")")
    meeting_id, _ = make_minutes(demo_db, rows=rows)
    with demo_db.unit() as s:
        problems = signing.readiness(s, meeting_id)
        assert [p.number for p in problems] == [2, 2]
        assert "U+20000" in problems[0].message and "U+20BB7" in problems[1].message
        with pytest.raises(signing.NotReady):
            signing.record_signing(s, meeting_id, signing_defaults(s, meeting_id))
    font = tmp_path / "HanaMinB.ttf"
    font.write_bytes(b"\0\1\0\0")
    with demo_db.unit() as s:
        glyphs.set_extra_font(s, str(font))
    with demo_db.unit() as s:
        assert glyphs.extra_fonts(s) == (str(font.resolve()),)
        assert signing.readiness(s, meeting_id) == []
        signing.record_signing(s, meeting_id, signing_defaults(s, meeting_id))


def test_the_font_setting_wants_an_existing_font_file(demo_db, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("x")
    with demo_db.unit() as s:
        with pytest.raises(ValidationError):
            glyphs.set_extra_font(s, str(tmp_path / "missing.ttf"))
        with pytest.raises(ValidationError):
            glyphs.set_extra_font(s, str(text))
        glyphs.set_extra_font(s, None)
        assert glyphs.extra_fonts(s) == ()
