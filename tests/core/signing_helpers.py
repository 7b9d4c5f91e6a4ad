"""Minutes to sign and print in tests: a new session of the demo commission, its delegations, and
segments written straight through the models (long texts, many pages, mixed scripts, rare
characters), all agreed unless asked otherwise."""

from __future__ import annotations

import contextlib
import datetime as dt

from sqlalchemy import select

from app.core.enums import DelegationRole, SegmentKind, SegmentPart, SegmentStatus
from app.core.models import Decision, DelegationMember, Meeting, Minutes, Person, Segment, Side

#: Characters the documents must print: ₽, №, « », —, ё, and CJK Extension B ideographs that the
#: Chinese font has (𡈼 𠂉 𡘙).
RARE = "₽ № «кавычки» — ёлка Ёж 𡈼𠂉𡘙"
#: Extension B ideographs that no shipped font has: reported before printing, printed as □.
MISSING = "𠮷𠀀"

P, K = SegmentPart, SegmentKind

ZH_PARA = (
    "双方代表团在友好、坦率和相互理解的气氛中，详细讨论了第{n}项问题，并一致认为，"
    "应当根据《中苏国防工业联合委员会工作条例》第3条的规定，于1958年6月1日前交换"
    "有关技术资料共{n}0项（金额约1,234.50 ₽），其中包括标准、规格和测量仪器的说明书。"
)
RU_PARA = (
    "Делегации обеих Сторон в обстановке дружбы, откровенности и взаимопонимания подробно обсудили "
    "вопрос № {n} и единодушно признали, что в соответствии со статьёй 3 Положения о Советско-китайской "
    "комиссии по оборонной промышленности до 1 июня 1958 г. следует обменяться технической документацией в количестве {n}0 "
    "наименований (на сумму около 1 234,50 ₽), включая стандарты, спецификации и описания измерительных "
    "приборов, — «в полном объёме»."
)


def segments_spec(n_per_part: int = 6, long_factor: int = 2, rare: bool = True) -> list[tuple]:
    """(part, kind, zh, ru) rows: a preamble, three parts with headings, paragraphs, items and
    decisions, and a closing paragraph."""
    rows: list[tuple] = [
        (P.PREAMBLE, K.PARAGRAPH,
         "中苏国防工业联合委员会第九十次会议于1959年3月2日至6日在北京举行。" + (RARE if rare else ""),
         "Девяностое заседание Советско-китайской комиссии по оборонной промышленности состоялось "
         "2–6 марта 1959 г. в Пекине. " + (RARE if rare else "")),
    ]  # fmt: skip
    k = 0
    for part, (hz, hr) in (
        (P.JOINT, ("关于共同问题", "По общим вопросам")),
        (P.FIRST, ("关于技术资料的交换", "Об обмене технической документацией")),
        (P.SECOND, ("关于专家的派遣", "О направлении специалистов")),
    ):
        rows.append((part, K.HEADING, hz, hr))
        for i in range(n_per_part):
            k += 1
            kind = (K.PARAGRAPH, K.DECISION, K.ITEM, K.ITEM)[i % 4]
            zh = " ".join([ZH_PARA.format(n=k)] * (long_factor if kind is K.PARAGRAPH else 1))
            ru = " ".join([RU_PARA.format(n=k)] * (long_factor if kind is K.PARAGRAPH else 1))
            if kind is K.ITEM:
                item = i % 4 - 1
                zh, ru = f"（{item}）为此设立工作组。", f"{item}) Создать для этого рабочую группу."
            rows.append((part, kind, zh, ru))
    rows.append(
        (
            P.CLOSING,
            K.PARAGRAPH,
            "会谈在友好的气氛中结束。",
            "Переговоры завершились в дружественной обстановке.",
        )
    )
    return rows


def make_minutes(
    db,
    ordinal: int = 90,
    rows: list[tuple] | None = None,
    status: SegmentStatus = SegmentStatus.AGREED,
    with_members: bool = True,
) -> tuple[int, int]:
    """A new session of the (demo) commission with its delegations and minutes; (meeting id,
    minutes id). Decision segments get their decisions in the register, numbered 1…N."""
    rows = segments_spec() if rows is None else rows
    with db.unit() as s:
        sides = list(s.execute(select(Side).order_by(Side.position)).scalars())
        m = Meeting(
            ordinal=ordinal,
            host_side_id=sides[0].id,
            city_zh="北京",
            city_ru="Пекин",
            venue_zh="北京饭店",
            venue_ru="гостиница «Пекин»",
            start_date=dt.date(1959, 3, 2),
            end_date=dt.date(1959, 3, 6),
        )
        s.add(m)
        s.flush()
        if with_members:
            for side in sides:
                people = list(
                    s.execute(select(Person).where(Person.side_id == side.id).order_by(Person.id)).scalars()
                )
                roles = [
                    DelegationRole.HEAD,
                    DelegationRole.DEPUTY_HEAD,
                    DelegationRole.MEMBER,
                    DelegationRole.INTERPRETER,
                ]
                for pos, (person, role) in enumerate(zip(people, roles, strict=False)):
                    s.add(DelegationMember(meeting_id=m.id, side_id=side.id, person_id=person.id, role=role.value,
                                           position=pos))  # fmt: skip
        minutes = Minutes(meeting_id=m.id)
        s.add(minutes)
        s.flush()
        number = 0
        for pos, (part, kind, zh, ru) in enumerate(rows):
            seg = Segment(minutes_id=minutes.id, position=pos, part=part.value, kind=kind.value, text_zh=zh,
                          text_ru=ru, status=status.value)  # fmt: skip
            if kind is SegmentKind.DECISION:
                number += 1
                d = Decision(meeting_id=m.id, number=number, text_zh=zh, text_ru=ru)
                s.add(d)
                s.flush()
                seg.decision_id = d.id
            s.add(seg)
        s.flush()
        return m.id, minutes.id


def heads(db, meeting_id: int) -> tuple[int, int]:
    from app.core.services.agenda import sessions as meetings

    with db.unit() as s:
        h = meetings.heads(s, meeting_id)
        sides = list(s.execute(select(Side).order_by(Side.position)).scalars())
        return h[sides[0].id].person_id, h[sides[1].id].person_id


def drop_guards(db) -> None:
    """Drop the triggers that guard signed minutes, as someone editing the file with another tool
    could, to check that what the triggers would have refused is still detected."""
    from app.migrations import triggers

    with db.engine.begin() as conn:
        triggers.drop(conn)


@contextlib.contextmanager
def fonts_have_everything():
    """Sign as on a laptop whose fonts have every character (an added font with MISSING): the
    minutes checks then let minutes with MISSING be signed, to print them where no font has it."""
    from app.core.services import glyphs

    previous = glyphs._source
    glyphs.install(lambda paths: lambda ch: True)
    try:
        yield
    finally:
        glyphs.install(previous)
