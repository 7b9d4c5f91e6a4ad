"""Demo: the minutes of both sessions and the glossary.

The first session's minutes are complete: preamble, the three parts with the eight decisions of
:mod:`app.core.demo.sessions` (same texts, linked to the register), and the closing formula, every
segment agreed and initialled, with the same numbers in both texts so that the checks pass. The
second session's minutes are being drafted: segments in every status, and one translation slip
that the check finds (2 years in Chinese, 3 in Russian).
"""

from __future__ import annotations

import datetime as dt

from app.core.enums import RevisionAction, SegmentKind, SegmentPart, SegmentStatus
from app.core.models import GlossaryTerm, Minutes, Segment, SegmentRevision
from app.core.services import commission as commission_service
from app.core.services.agenda import sessions as meetings_service
from app.core.services.minutes.templates import closing_formula, part_heading, preamble

P = SegmentPart
K = SegmentKind
S = SegmentStatus

GLOSSARY = [
    ("联合委员会", "комиссия", "委员会全称见工作条例 / полное название — в Положении"),
    ("国防工业", "оборонная промышленность", ""),
    ("代表团", "делегация", ""),
    ("团长", "глава делегации", ""),
    ("会议纪要", "протокол", "不译作 «стенограмма» / не «стенограмма»"),
    ("议程", "повестка дня", ""),
    ("决议", "решение", "委员会的决定 / решение Комиссии"),
    ("联络机构", "орган связи", "负责两次会议之间的日常联系 / текущие контакты между заседаниями"),
    ("工作条例", "положение", "《联合委员会工作条例》/ Положение о Комиссии"),
    ("第二机械工业部", "Второе министерство машиностроения", ""),
    ("技术条件", "технические условия", "缩写 ТУ / сокращение ТУ"),
    ("国家标准", "государственный стандарт", "苏联国家标准 ГОСТ / ГОСТ"),
    ("统一", "унификация", "指标准的统一 / о стандартах"),
    ("标准样品", "стандартные образцы", ""),
    ("测量仪器", "измерительные приборы", ""),
    ("技术专家", "технические специалисты", ""),
    ("助手", "помощник", ""),
    ("实习人员", "стажёр", ""),
    ("现场考察", "ознакомление на месте", ""),
    ("短期实习", "краткосрочная стажировка", ""),
    ("技术装备", "техническое имущество", ""),
    ("质量保证", "гарантия", "保证期 / гарантийный срок"),
    ("验收", "приёмка", ""),
    ("教学大纲", "учебная программа", ""),
    ("教科书", "учебник", ""),
    ("培训资料", "учебные материалы", ""),
    ("期刊", "журнал", ""),
    ("手册", "справочник", ""),
    ("目录", "каталог", ""),
]

# Paragraphs of the first session, by the agenda key they follow.
FIRST = {
    "participants": (
        "以第二机械工业部副部长王振国为首的中华人民共和国政府代表团和以苏联部长会议对外经济联络国家委员会"
        "副主席阿·彼·格罗莫夫为首的苏维埃社会主义共和国联盟政府代表团出席了会议。",
        "В заседании приняли участие делегация Правительства Китайской Народной Республики во главе с "
        "заместителем министра Второго министерства машиностроения КНР Ван Чжэньго и делегация Правительства "
        "Союза Советских Социалистических Республик во главе с заместителем председателя Государственного "
        "комитета Совета Министров СССР по внешним экономическим связям А. П. Громовым.",
    ),
    "charter": (
        "双方审议了中方提出的《中苏国防工业联合委员会工作条例》草案，对其中若干条款作了修改。",
        "Стороны рассмотрели представленный китайской стороной проект Положения о Советско-китайской комиссии "
        "по оборонной промышленности и внесли изменения в ряд его статей.",
    ),
    "literature": (
        "双方商定，交换的书籍和期刊通过双方联络机构转交。",
        "Стороны договорились, что книги и журналы, которыми они обмениваются, передаются через органы связи "
        "Сторон.",
    ),
    "weapon_standards": (
        "苏方代表尼·谢·沃尔科夫介绍了苏联武器标准化工作的经验。",
        "Представитель советской стороны Н. С. Волков рассказал об опыте работы по стандартизации "
        "вооружения в СССР.",
    ),
    "standard_products_items": [
        ("1. 标准样品，共计30种；", "1. Стандартные образцы — 30 наименований;"),
        ("2. 测量仪器，共计45台。", "2. Измерительные приборы — 45 единиц."),
    ],
    "experts": (
        "中方介绍了第二机械工业部各单位对苏联技术专家的需求。",
        "Китайская сторона изложила потребности предприятий Второго министерства машиностроения КНР "
        "в советских технических специалистах.",
    ),
    "lessons": (
        "双方同意将该问题移至下次会议审议。",
        "Стороны согласились перенести рассмотрение этого вопроса на следующее заседание.",
    ),
    "training": (
        "双方交换了意见，同意在下次会议前互相提供教学大纲和教科书的目录。",
        "Стороны обменялись мнениями и договорились до следующего заседания передать друг другу каталоги "
        "учебных программ и учебников.",
    ),
}

#: The first session's parts: agenda keys in order, with the decision numbers that follow each.
FIRST_PARTS = [
    (P.JOINT, [("charter", [1]), ("literature", [2]), ("weapon_standards", [3]), ("standard_products", [4])]),
    (P.FIRST, [("experts", [5]), ("visits", [6]), ("warranties", [7]), ("lessons", [])]),
    (P.SECOND, [("training", []), ("research", [8])]),
]

RU_MONTHS_PREP = ("", "январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре",
                  "октябре", "ноябре", "декабре")  # fmt: skip


class _Writer:
    """Adds segments in order, each with a history of revisions by the secretaries and interpreters."""

    def __init__(self, ctx, ordinal: int, minutes: Minutes, start: dt.datetime) -> None:
        self.ctx = ctx
        self.ordinal = ordinal
        self.minutes = minutes
        self.position = 0
        self.clock = start

    def tick(self, minutes: int = 7) -> dt.datetime:
        self.clock += dt.timedelta(minutes=minutes)
        return self.clock

    def add(self, part, kind, zh, ru, status, *, agenda=None, decision=None, history=None) -> Segment:
        seg = Segment(
            minutes_id=self.minutes.id,
            position=self.position,
            part=part.value,
            kind=kind.value,
            text_zh=zh,
            text_ru=ru,
            status=status.value,
            agenda_item_id=self.ctx.agenda.get((self.ordinal, agenda)) if agenda else None,
            decision_id=decision,
            created_at=self.clock,
            updated_at=self.clock,
        )
        self.ctx.session.add(seg)
        self.ctx.session.flush()
        self.position += 1
        steps = history or _default_history(status)
        for action, st, author, text_zh, text_ru, reason in steps:
            self.ctx.session.add(
                SegmentRevision(
                    segment_id=seg.id,
                    text_zh=zh if text_zh is None else text_zh,
                    text_ru=ru if text_ru is None else text_ru,
                    status=st.value,
                    action=action.value,
                    author=author,
                    reason=reason,
                    created_at=self.tick(),
                )
            )
        seg.updated_at = self.clock
        return seg


def _default_history(status: SegmentStatus):
    """Created by the Chinese secretary, translated by the Soviet interpreter, then checked,
    agreed and initialled as far as the segment got."""
    steps = [(RevisionAction.CREATE, S.DRAFT, "liu", None, None, "")]
    path = [(S.TRANSLATED, "lebedeva"), (S.CHECKED, "zhao"), (S.AGREED, "sokolova"), (S.INITIALLED, "liu")]
    for st, author in path:
        if st.rank > status.rank:
            break
        steps.append((RevisionAction.STATUS, st, author, None, None, ""))
    return steps


def _first_session(ctx, commission) -> None:
    s = ctx.session
    meeting = meetings_service.get_meeting(s, ctx.meetings[1])
    minutes = Minutes(meeting_id=meeting.id)
    s.add(minutes)
    s.flush()
    start = dt.datetime.combine(meeting.start_date, dt.time(1, 30), tzinfo=dt.UTC)
    w = _Writer(ctx, 1, minutes, start)
    done = S.INITIALLED
    from app.core.demo.sessions import AGENDA, DECISIONS

    titles = {key: (zh, ru) for key, *_rest, zh, ru in AGENDA[1]}
    decisions = {number: (zh, ru) for number, *_rest, zh, ru in DECISIONS}

    held, agreed = zip(preamble(commission, meeting, "zh"), preamble(commission, meeting, "ru"), strict=True)
    w.add(P.PREAMBLE, K.PARAGRAPH, *held, done)
    w.add(P.PREAMBLE, K.PARAGRAPH, *FIRST["participants"], done)
    w.add(P.PREAMBLE, K.PARAGRAPH, *agreed, done)
    for part, items in FIRST_PARTS:
        w.add(
            part, K.HEADING, part_heading(part, commission, "zh"), part_heading(part, commission, "ru"), done
        )
        for key, numbers in items:
            w.add(part, K.HEADING, *titles[key], done, agenda=key)
            if key in FIRST:
                w.add(part, K.PARAGRAPH, *FIRST[key], done, agenda=key)
            for n in numbers:
                w.add(part, K.DECISION, *decisions[n], done, agenda=key, decision=ctx.decisions[(1, n)])
            if key == "standard_products":
                for zh, ru in FIRST["standard_products_items"]:
                    w.add(part, K.ITEM, zh, ru, done, agenda=key)
    s2 = meetings_service.get_meeting(s, ctx.meetings[2]).start_date
    w.add(
        P.CLOSING,
        K.PARAGRAPH,
        f"双方商定，联合委员会第二次会议于{s2.year}年{s2.month}月在莫斯科举行。",
        f"Стороны договорились провести второе заседание Комиссии в Москве в {RU_MONTHS_PREP[s2.month]} "
        f"{s2.year} года.",
        done,
    )
    w.add(
        P.CLOSING,
        K.PARAGRAPH,
        closing_formula(meeting.city_zh, meeting.city_ru, meeting.end_date, "zh", meeting.city_ru_in),
        closing_formula(meeting.city_zh, meeting.city_ru, meeting.end_date, "ru", meeting.city_ru_in),
        done,
    )


def _second_session(ctx, commission) -> None:
    from app.core.models import Decision

    s = ctx.session
    meeting = meetings_service.get_meeting(s, ctx.meetings[2])
    minutes = Minutes(meeting_id=meeting.id)
    s.add(minutes)
    s.flush()
    # drafted in the weeks before the session opens
    start = dt.datetime.combine(ctx.today - dt.timedelta(days=12), dt.time(2, 0), tzinfo=dt.UTC)
    w = _Writer(ctx, 2, minutes, start)
    from app.core.demo.sessions import AGENDA

    titles = {key: (zh, ru) for key, *_rest, zh, ru in AGENDA[2]}

    def decision(number: int, agenda: str, zh: str, ru: str, agencies, days: int) -> int:
        d = Decision(
            meeting_id=meeting.id, number=number, agenda_item_id=ctx.agenda[(2, agenda)], text_zh=zh, text_ru=ru,
            agency1_zh=agencies[0][0], agency1_ru=agencies[0][1], agency2_zh=agencies[1][0],
            agency2_ru=agencies[1][1], deadline=meeting.end_date + dt.timedelta(days=days),
        )  # fmt: skip
        s.add(d)
        s.flush()
        ctx.decisions[(2, number)] = d.id
        return d.id

    from app.core.demo.sessions import GKES, MINPROM

    held, agreed = zip(preamble(commission, meeting, "zh"), preamble(commission, meeting, "ru"), strict=True)
    w.add(P.PREAMBLE, K.PARAGRAPH, *held, S.AGREED)
    w.add(P.PREAMBLE, K.PARAGRAPH, *agreed, S.AGREED)
    w.add(P.JOINT, K.HEADING, part_heading(P.JOINT, commission, "zh"), part_heading(P.JOINT, commission, "ru"),
          S.INITIALLED)  # fmt: skip
    w.add(P.JOINT, K.HEADING, *titles["report"], S.INITIALLED, agenda="report")
    report_zh = (
        "双方听取了中方代表团团长王振国关于第一次会议决议执行情况的报告，认为第一次会议通过的8项决议中，"
        "3项已经执行完毕，4项正在执行，1项尚未开始执行。"
    )
    report_ru = (
        "Стороны заслушали доклад главы делегации китайской стороны Ван Чжэньго о ходе выполнения решений "
        "первого заседания и отметили, что из 8 решений, принятых на первом заседании, 3 выполнены, "
        "4 выполняются и выполнение 1 ещё не начато."
    )
    first_zh = "双方听取了中方代表团团长王振国关于第一次会议决议执行情况的报告。"
    first_ru = (
        "Стороны заслушали доклад главы делегации китайской стороны Ван Чжэньго о ходе выполнения решений "
        "первого заседания."
    )
    A = RevisionAction
    w.add(
        P.JOINT, K.PARAGRAPH, report_zh, report_ru, S.INITIALLED, agenda="report",
        history=[
            (A.CREATE, S.DRAFT, "liu", first_zh, "", ""),
            (A.EDIT, S.DRAFT, "lebedeva", first_zh, first_ru, ""),
            (A.STATUS, S.TRANSLATED, "lebedeva", first_zh, first_ru, ""),
            (A.STATUS, S.AGREED, "sokolova", first_zh, first_ru, ""),
            (A.STATUS, S.INITIALLED, "liu", first_zh, first_ru, ""),
            (A.REOPEN, S.AGREED, "sokolova", first_zh, first_ru,
             "苏方建议写明各项决议的执行情况。/ Советская сторона предложила указать, сколько решений выполнено."),
            (A.EDIT, S.TRANSLATED, "liu", report_zh, first_ru, ""),
            (A.EDIT, S.TRANSLATED, "lebedeva", report_zh, report_ru, ""),
            (A.STATUS, S.AGREED, "sokolova", report_zh, report_ru, ""),
            (A.STATUS, S.INITIALLED, "liu", report_zh, report_ru, ""),
        ],
    )  # fmt: skip
    w.add(
        P.JOINT, K.PARAGRAPH,
        "双方同意，尚未执行完毕的决议继续有效，其执行情况在第三次会议上报告。",
        "Стороны согласились, что не выполненные полностью решения остаются в силе, а о ходе их выполнения "
        "будет доложено на третьем заседании.",
        S.AGREED, agenda="report",
    )  # fmt: skip
    w.add(P.FIRST, K.HEADING, part_heading(P.FIRST, commission, "zh"), part_heading(P.FIRST, commission, "ru"),
          S.CHECKED)  # fmt: skip
    w.add(P.FIRST, K.HEADING, *titles["extend_experts"], S.CHECKED, agenda="extend_experts")
    w.add(
        P.FIRST, K.PARAGRAPH,
        "中方提出，请苏方同意将在华工作的15名苏联技术专家的工作期限延长1年。",
        "Китайская сторона просила советскую сторону согласиться на продление на 1 год срока работы "
        "15 советских технических специалистов в КНР.",
        S.TRANSLATED, agenda="extend_experts",
    )  # fmt: skip
    # the slip the check finds: 2 years in Chinese, 3 in Russian
    extend_zh = "苏方同意将15名苏联技术专家在华工作的期限延长至2年，具体名单由双方联络机构商定。"
    extend_ru = (
        "Советская сторона согласна продлить до 3 лет срок работы в КНР 15 советских технических "
        "специалистов; конкретный список согласовывается органами связи Сторон."
    )
    w.add(
        P.FIRST, K.DECISION, extend_zh, extend_ru, S.DRAFT, agenda="extend_experts",
        decision=decision(1, "extend_experts", extend_zh, extend_ru, (MINPROM, GKES), 30),
    )  # fmt: skip
    w.add(P.FIRST, K.HEADING, *titles["lessons"], S.DRAFT, agenda="lessons")
    w.add(
        P.FIRST, K.PARAGRAPH,
        "双方同意，在下次会议前交流使用新机器、新设备和新技术的经验，并交换有关资料。",
        "Стороны договорились до следующего заседания обменяться опытом применения новых машин, нового "
        "оборудования и новой технологии, а также соответствующими материалами.",
        S.DRAFT, agenda="lessons",
    )  # fmt: skip
    w.add(P.SECOND, K.HEADING, part_heading(P.SECOND, commission, "zh"), part_heading(P.SECOND, commission, "ru"),
          S.TRANSLATED)  # fmt: skip
    w.add(P.SECOND, K.HEADING, *titles["unification"], S.AGREED, agenda="unification")
    w.add(
        P.SECOND, K.PARAGRAPH,
        "苏方通报，第一次会议商定的120项技术条件中，已有75项完成统一工作。",
        "Советская сторона сообщила, что из 120 технических условий, согласованных на первом заседании, "
        "унификация завершена по 75.",
        S.CHECKED, agenda="unification",
    )  # fmt: skip
    w.add(P.SECOND, K.HEADING, *titles["inspection"], S.TRANSLATED, agenda="inspection")
    visit_zh = "中方同意接待由10人组成的苏联专家代表团，于下次会议前来华进行为期3周的现场考察。"
    visit_ru = (
        "Китайская сторона согласна принять делегацию советских специалистов в составе 10 человек для "
        "ознакомления на месте сроком на 3 недели до следующего заседания."
    )
    w.add(
        P.SECOND, K.DECISION, visit_zh, visit_ru, S.TRANSLATED, agenda="inspection",
        decision=decision(2, "inspection", visit_zh, visit_ru, (MINPROM, GKES), 120),
    )  # fmt: skip
    w.add(
        P.CLOSING,
        K.PARAGRAPH,
        closing_formula(meeting.city_zh, meeting.city_ru, meeting.end_date, "zh", meeting.city_ru_in),
        closing_formula(meeting.city_zh, meeting.city_ru, meeting.end_date, "ru", meeting.city_ru_in),
        S.DRAFT,
    )


def build(ctx) -> None:
    s = ctx.session
    for zh, ru, note in GLOSSARY:
        s.add(GlossaryTerm(zh=zh, ru=ru, note=note))
    s.flush()
    commission = commission_service.get_commission(s)
    _first_session(ctx, commission)
    _second_session(ctx, commission)
