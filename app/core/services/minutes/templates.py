"""Starting the minutes from the agenda: the preamble, a heading per part and per agreed item, and
the closing formula, in both languages, from templates in the document catalogs.

The templates are document strings (``_d``): their Chinese and Russian wording lives in the
translation catalogs like every other text, and is written as the official formulas of a protocol.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.changes import Change, changes
from app.core.enums import AgendaStatus, RevisionAction, SegmentKind, SegmentPart
from app.core.errors import ValidationError
from app.core.models import AgendaItem, Segment
from app.core.services import commission as commission_service
from app.core.services.agenda import sessions as meetings_service
from app.core.services.agenda.sessions import MeetingData
from app.core.services.commission import CommissionData, SideData
from app.core.services.minutes.edit import insert_segment
from app.core.services.minutes.records import SegmentData, ensure_minutes, list_segments
from app.core.services.text import russian_locative
from app.i18n import N_, doc_gettext
from app.i18n.numerals import ru_ordinal_neuter, zh_number
from app.i18n.wording import date_range, long_date

ROMAN = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")

#: Agenda items that get a heading: agreed before the session, discussed at it.
HEADED_STATUSES = (AgendaStatus.AGREED.value, AgendaStatus.DISCUSSED.value)


_HEAD_NOUNS = {"комиссия": "комиссии", "комитет": "комитета", "совет": "совета", "группа": "группы"}


def russian_genitive(name: str) -> str:
    """ "Советско-китайская комиссия по …" → "Советско-китайской комиссии по …": the words up to the
    head noun are put in the genitive case, the rest already is."""
    words = name.split(" ")
    out = []
    for i, word in enumerate(words):
        low = word.lower()
        if low in _HEAD_NOUNS:
            g = _HEAD_NOUNS[low]
            out.append(g[0].upper() + g[1:] if word[0].isupper() else g)
            return " ".join(out + words[i + 1 :])
        if low.endswith("ая"):
            out.append(word[:-2] + "ой")
        elif low.endswith("яя"):
            out.append(word[:-2] + "ей")
        elif low.endswith(("ый", "ой")):
            out.append(word[:-2] + "ого")
        elif low.endswith("ий"):
            out.append(word[:-2] + ("ого" if low[-3:-2] in "гкхжшчщ" else "его"))
        else:
            return name  # not a name this knows how to decline: leave it as it is
    return name


def _by_delegation(side: SideData, lang: str) -> str:
    """中华人民共和国政府代表团 / делегацией Правительства КНР (the instrumental case)."""
    if lang == "zh":
        return side.delegation_title_zh or side.full_name("zh")
    title = side.delegation_title_ru
    if title.startswith("Делегация "):
        return "делегацией " + title[len("Делегация ") :]
    return f"стороной «{side.short_name('ru')}»"


def preamble(commission: CommissionData, meeting: MeetingData, lang: str) -> list[str]:
    _d = doc_gettext(lang)
    name = commission.name(lang)
    ordinal = zh_number(meeting.ordinal) if lang == "zh" else ru_ordinal_neuter(meeting.ordinal)
    if lang == "ru":
        ordinal = ordinal[:1].upper() + ordinal[1:]
        name = russian_genitive(name)
    city = meeting.city(lang) if lang == "zh" else meeting.city_locative()
    held = _d("The {ordinal} session of the {commission} was held in {city} {dates}.").format(
        ordinal=ordinal,
        commission=name,
        city=city,
        dates=date_range(meeting.start_date, meeting.end_date, lang, year_word=True),
    )
    agreed = _d(
        "The session took place in an atmosphere of friendship and cooperation. The sides considered the "
        "questions of the agenda and agreed as follows:"
    )
    return [held, agreed]


def closing_formula(city_zh: str, city_ru: str, day: dt.date, lang: str, city_ru_in: str = "") -> str:
    """Done at … on …, in two originals, each in Chinese and Russian, both texts equally authentic.
    ``city_ru_in``: the city as it reads after «в», when the session gives it."""
    _d = doc_gettext(lang)
    city = city_zh if lang == "zh" else city_ru_in or russian_locative(city_ru)
    return _d(
        "Done at {city} on {date}, in two originals, each in the Chinese and Russian languages, both texts "
        "being equally authentic."
    ).format(city=city, date=long_date(day, lang, year_word=True))


def part_heading(part: SegmentPart, commission: CommissionData, lang: str) -> str:
    """一、共同决议 / I. Совместные решения; 二、关于……提出的问题 / II. По вопросам, предложенным …"""
    _d = doc_gettext(lang)
    number = {SegmentPart.JOINT: 1, SegmentPart.FIRST: 2, SegmentPart.SECOND: 3}[part]
    marker = f"{zh_number(number)}、" if lang == "zh" else f"{ROMAN[number]}. "
    if part is SegmentPart.JOINT:
        return marker + _d("Joint decisions")
    side = commission.sides[0 if part is SegmentPart.FIRST else 1] if commission.is_set_up else None
    if side is None:
        return marker + _d(SegmentPart(part).msgid)
    return marker + _d("On the questions proposed by {delegation}").format(
        delegation=_by_delegation(side, lang)
    )


def _part_of(item: AgendaItem, sides: dict[int, int]) -> SegmentPart:
    if item.is_standing or item.proposing_side_id is None:
        return SegmentPart.JOINT
    return SegmentPart.FIRST if sides.get(item.proposing_side_id) == 1 else SegmentPart.SECOND


@changes(Change.MINUTES)
def start_from_agenda(session: Session, meeting_id: int) -> list[SegmentData]:
    """New minutes for a session: the preamble, the three parts with a heading for each agreed or
    discussed agenda item, and the closing formula. Only for minutes that are still empty."""
    minutes = ensure_minutes(session, meeting_id)
    count = session.execute(
        select(func.count(Segment.id)).where(Segment.minutes_id == minutes.id)
    ).scalar_one()
    if count:
        raise ValidationError(
            N_("These minutes already have text. Starting from the agenda works only for empty minutes.")
        )
    meeting = meetings_service.get_meeting(session, meeting_id)
    commission = commission_service.get_commission(session)
    sides = {s.id: s.position for s in commission.sides if s.id is not None}
    items = session.execute(
        select(AgendaItem)
        .where(AgendaItem.meeting_id == meeting_id, AgendaItem.status.in_(HEADED_STATUSES))
        .order_by(AgendaItem.position, AgendaItem.id)
    ).scalars()
    by_part: dict[SegmentPart, list[AgendaItem]] = {p: [] for p in SegmentPart}
    for item in items:
        by_part[_part_of(item, sides)].append(item)

    def add(part: SegmentPart, kind: SegmentKind, zh: str, ru: str, agenda_item_id=None) -> None:
        insert_segment(
            session, minutes.id, None, part=part, kind=kind, text_zh=zh, text_ru=ru,
            agenda_item_id=agenda_item_id, action=RevisionAction.CREATE,
        )  # fmt: skip

    for zh, ru in zip(preamble(commission, meeting, "zh"), preamble(commission, meeting, "ru"), strict=True):
        add(SegmentPart.PREAMBLE, SegmentKind.PARAGRAPH, zh, ru)
    for part in (SegmentPart.JOINT, SegmentPart.FIRST, SegmentPart.SECOND):
        add(
            part,
            SegmentKind.HEADING,
            part_heading(part, commission, "zh"),
            part_heading(part, commission, "ru"),
        )
        for item in by_part[part]:
            add(part, SegmentKind.HEADING, item.title_zh, item.title_ru, item.id)
    add(
        SegmentPart.CLOSING,
        SegmentKind.PARAGRAPH,
        closing_formula(meeting.city_zh, meeting.city_ru, meeting.end_date, "zh", meeting.city_ru_in),
        closing_formula(meeting.city_zh, meeting.city_ru, meeting.end_date, "ru", meeting.city_ru_in),
    )
    return list_segments(session, minutes.id)
