"""The PDF foundation: embedded fonts, no dropped glyph, Chinese line breaking, page furniture,
deterministic bytes."""

from __future__ import annotations

from app.i18n import set_language
from app.reports import document, fonts
from app.reports.document import Furniture, para
from app.reports.styles import styles
from tests.reports.pdftools import (
    assert_all_fonts_embedded,
    missing_chars,
    needs_poppler,
    page_count,
    page_texts,
    text_of,
)

MIXED = (
    "中苏国防工业联合委员会第一次会议于北京举行。双方交换了120项技术条件，金额为1 234,50 ₽。"
    "Советско-китайская комиссия № 1 — «Об обмене» ё Ё; Wang Zhenguo; 百分之五；（附件1）"
)


def _story(lang: str, n: int = 1):
    st = styles(lang)
    story = [para("备忘录" if lang == "zh" else "Меморандум", st.title)]
    for _ in range(n):
        story.append(para(MIXED, st.body_indent))
    story.append(document.table([["项目", "Пункт"], ["标准样品", "Стандартные образцы ₽ №"]], [200, 200], st))
    return story


@needs_poppler
def test_every_font_is_embedded_and_no_character_is_dropped(tmp_path):
    for lang in ("zh", "ru"):
        pdf = document.render(
            _story(lang),
            Furniture(
                lang=lang,
                fingerprint="A1B2 C3D4",
                initials=("CN", "SU"),
                marking="秘密" if lang == "zh" else "Секретно",
                copy_number="1",
                watermark="草案" if lang == "zh" else "ПРОЕКТ",
            ),
        )
        assert_all_fonts_embedded(pdf, tmp_path)
        assert missing_chars(MIXED, text_of(pdf, tmp_path)) == set()


@needs_poppler
def test_page_n_of_m_in_the_documents_language(tmp_path):
    set_language("en")  # the interface language does not matter
    pdf = document.render(_story("ru", 40), Furniture(lang="ru"))
    pages = page_count(pdf)
    assert pages > 2
    texts = page_texts(pdf)
    assert f"Страница 1 из {pages}" in texts[0].replace("\n", " ")
    assert f"Страница {pages} из {pages}" in texts[-1].replace("\n", " ")
    pdf_zh = document.render(_story("zh", 30), Furniture(lang="zh"))
    n = page_count(pdf_zh)
    assert f"第 {n} 页，共 {n} 页" in text_of(pdf_zh, tmp_path)


def test_the_same_data_gives_the_same_bytes():
    a = document.render(_story("zh", 3), Furniture(lang="zh", fingerprint="X"))
    b = document.render(_story("zh", 3), Furniture(lang="zh", fingerprint="X"))
    assert a == b
    assert b"CreationDate" not in a or a.count(b"CreationDate") == b.count(b"CreationDate")


@needs_poppler
def test_closing_punctuation_never_starts_a_line_nor_an_opening_one_ends_it(tmp_path):
    st = styles("zh")
    text = "中" * 60 + "。" + "文字，" * 20 + "他说：“好。”（见《条例》第3条）；" * 8
    for cut in range(0, 32):  # move every mark along every position of a line
        pdf = document.render([para("字" * cut + text, st.body)], Furniture(lang="zh", page_numbers=False))
        lines = [line.strip() for line in text_of(pdf, tmp_path).splitlines() if line.strip()]
        assert len(lines) > 6
        for line in lines:
            assert line[0] not in "。，、；：？！）」』》”", (cut, line)
            assert line[-1] not in "（「『《“", (cut, line)


def test_missing_glyphs_are_reported_and_printed_as_a_box():
    assert fonts.missing_glyphs("中文 ₽ № «»", "ёЁ") == []
    assert fonts.missing_glyphs("𠀀 and 𪚥") == ["𠀀", "𪚥"]
    runs = fonts.runs("甲𠀀乙", "serif", "zh")
    assert "".join(r for _f, r in runs) == "甲□乙"


def test_fonts_per_script():
    assert fonts.font_for("中", "serif", "zh") == fonts.MING
    assert fonts.font_for("Ж", "serif", "zh") == fonts.SERIF
    assert fonts.font_for("“", "serif", "zh") == fonts.MING
    assert fonts.font_for("“", "serif", "ru") == fonts.SERIF
    assert fonts.font_for("₽", "serif", "zh") == fonts.SERIF
    assert fonts.font_for("中", "serif_bold", "zh") == fonts.HEI
