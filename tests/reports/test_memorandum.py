"""The memorandum before a session, in Chinese and in Russian, from the demo data."""

from __future__ import annotations

import re

import pytest

from app.core.errors import ValidationError
from app.core.services.agenda import items as agenda
from app.core.services.agenda import sessions as meetings
from app.i18n import set_language
from app.reports.memorandum import collect, memorandum_pdf
from tests.core.agenda_helpers import person_id, side_id, third_session
from tests.reports.pdftools import (
    assert_all_fonts_embedded,
    missing_chars,
    needs_poppler,
    page_count,
    page_texts,
    text_of,
)


def squeeze(text: str) -> str:
    """Text as compared: no white space, no hyphens (Russian is hyphenated where it wraps)."""
    return re.sub(r"[\s\-\u00ad]", "", text)


@needs_poppler
@pytest.mark.parametrize("lang", ["zh", "ru"])
@pytest.mark.parametrize("ordinal", [1, 2])
def test_the_memorandum_holds_every_title_with_every_font_embedded(demo_db, tmp_path, lang, ordinal):
    with demo_db.unit() as s:
        m = meetings.meeting_by_ordinal(s, ordinal)
        pdf = memorandum_pdf(s, m.id, lang)
        items = agenda.list_items(s, m.id)
        data = collect(s, m.id)
    assert pdf.startswith(b"%PDF")
    assert_all_fonts_embedded(pdf, tmp_path)
    text = text_of(pdf, tmp_path)
    flat = squeeze(text)
    key = "title_zh" if lang == "zh" else "title_ru"
    for item in items:
        assert squeeze(getattr(item, key)) in flat, item.number
    # no character of the content is dropped: names, places, file names
    assert missing_chars("".join(t for t in data.texts() if _in(lang, t)), text) == set()
    first = page_texts(pdf)[0]
    if lang == "zh":
        assert "备忘录" in squeeze(first) and ("第一次会议" if ordinal == 1 else "第二次会议") in squeeze(
            first
        )
        assert f"第 1 页，共 {page_count(pdf)} 页" in text
    else:
        assert "МЕМОРАНДУМ" in first and ("первого" if ordinal == 1 else "второго") in first
        assert f"Страница 1 из {page_count(pdf)}" in text


def _in(lang: str, text: str) -> bool:
    """Content printed in a ``lang`` document (the other language's fields are not)."""
    has_cjk = any("\u4e00" <= c <= "\u9fff" for c in text)
    return has_cjk if lang == "zh" else not has_cjk


@needs_poppler
def test_the_memorandum_has_the_heading_programme_delegations_and_materials(demo_db, tmp_path):
    with demo_db.unit() as s:
        m = meetings.meeting_by_ordinal(s, 2)
        ru = squeeze(text_of(memorandum_pdf(s, m.id, "ru"), tmp_path))
        zh = squeeze(text_of(memorandum_pdf(s, m.id, "zh"), tmp_path))
    for piece in ("Советско-китайская комиссия по оборонной промышленности", "о подготовке второго заседания",
                  "Адресат: Делегация Правительства Союза Советских Социалистических Республик",
                  "Москва, Дом приёмов на Спиридоновке", "Прибытие делегации Правительства КНР в Москву",
                  "Место: аэропорт Внуково", "Глава делегации", "А. П. Громов", "Ван Чжэньго",
                  "Перечень ТУ первой партии.txt", "Пункт 2 повестки дня", "Вносит", "Докладчик"):  # fmt: skip
        assert squeeze(piece) in ru, piece
    for piece in ("中苏国防工业联合委员会", "备忘录", "主送：苏维埃社会主义共和国联盟政府代表团", "莫斯科",
                  "斯皮里多诺夫卡接待大厦", "签署联合委员会第二次会议纪要", "团长", "阿·彼·格罗莫夫",
                  "延长在华苏联专家工作期限名单.txt", "议程第2项", "提出方", "报告人"):  # fmt: skip
        assert squeeze(piece) in zh, piece
    # the sender's delegation comes first: the Chinese one, as the host is the USSR
    assert ru.index(squeeze("Ван Чжэньго")) < ru.index(squeeze("А. П. Громов"))


def test_the_same_data_gives_the_same_bytes(demo_db):
    with demo_db.unit() as s:
        m = meetings.meeting_by_ordinal(s, 2)
        for lang in ("zh", "ru"):
            assert memorandum_pdf(s, m.id, lang) == memorandum_pdf(s, m.id, lang)


def test_the_interface_language_does_not_change_the_document(demo_db):
    with demo_db.unit() as s:
        m = meetings.meeting_by_ordinal(s, 2)
        set_language("zh_CN")
        a = memorandum_pdf(s, m.id, "ru")
        set_language("en")
        assert memorandum_pdf(s, m.id, "ru") == a


@needs_poppler
def test_a_memorandum_not_yet_sent_is_a_draft_without_date(demo_db, tmp_path):
    with demo_db.unit() as s:
        m = third_session(s)
        for code, name in (("CN", "Wang Zhenguo"), ("SU", "A. P. Gromov")):
            meetings.add_member(s, m.id, side_id(s, code), person_id(s, name), "head")
        pdf = memorandum_pdf(s, m.id, "ru", from_side="cn")
    text = text_of(pdf, tmp_path)
    assert "ПРОЕКТ" in page_texts(pdf)[0] and "20__ г." in text
    assert "Программа будет согласована дополнительно" in text or "Время будет согласовано" in text


def test_a_delegation_without_a_head_is_refused(demo_db):
    with pytest.raises(ValidationError) as info, demo_db.unit() as s:
        memorandum_pdf(s, third_session(s).id, "zh")
    assert info.value.field == "heads"


def test_an_unknown_sending_side_is_refused(demo_db):
    with pytest.raises(ValidationError) as info, demo_db.unit() as s:
        collect(s, meetings.meeting_by_ordinal(s, 2).id, from_side="XX")
    assert "CN, SU" in info.value.message


def test_a_missing_title_falls_back_and_is_reported(demo_db):
    with demo_db.unit() as s:
        m = meetings.meeting_by_ordinal(s, 2)
        item = agenda.list_items(s, m.id)[3]
        agenda.update_item(s, agenda.AgendaItemForm(
            m.id, "", item.title_ru, item.proposing_side_id, item.topic, item.presenter_id, item.day,
            item.start_time, item.duration_minutes, item.status, id=item.id,
        ))  # fmt: skip
        data = collect(s, m.id)
    assert data.missing_titles("zh") == [4] and data.missing_titles("ru") == []
