"""Demo: two sessions (Beijing, then Moscow), their delegations, agendas and the first one's
decisions."""

from __future__ import annotations

import datetime as dt

from app.core.enums import AgendaStatus, DecisionStatus, DelegationRole, MeetingStatus, Topic
from app.core.models import AgendaItem, Decision, DelegationMember, Meeting

R = DelegationRole

DELEGATIONS = {
    1: {
        "CN": [("wang", R.HEAD), ("li", R.DEPUTY_HEAD), ("zhou", R.MEMBER), ("zhang", R.EXPERT),
               ("liu", R.SECRETARY), ("zhao", R.INTERPRETER)],
        "SU": [("gromov", R.HEAD), ("volkov", R.DEPUTY_HEAD), ("belov", R.EXPERT), ("zaitsev", R.ADVISER),
               ("sokolova", R.SECRETARY), ("lebedeva", R.INTERPRETER)],
    },
    2: {
        "CN": [("wang", R.HEAD), ("li", R.DEPUTY_HEAD), ("chen", R.MEMBER), ("sun", R.EXPERT),
               ("liu", R.SECRETARY), ("zhao", R.INTERPRETER)],
        "SU": [("gromov", R.HEAD), ("volkov", R.DEPUTY_HEAD), ("kuznetsov", R.MEMBER), ("orlov", R.EXPERT),
               ("sokolova", R.SECRETARY), ("lebedeva", R.INTERPRETER)],
    },
}  # fmt: skip

# (key, proposing side, topic, presenter, day index, "HH:MM", minutes, status, title_zh, title_ru)
AGENDA = {
    1: [
        ("charter", "CN", Topic.OTHER_QUESTIONS, "wang", 0, "09:30", 90, AgendaStatus.DISCUSSED,
         "审议并通过联合委员会工作条例",
         "Рассмотрение и утверждение Положения о Советско-китайской комиссии"),
        ("literature", "CN", Topic.MATERIALS, "li", 0, "11:30", 60, AgendaStatus.DISCUSSED,
         "关于交换已出版和未出版的书籍、期刊、手册、目录及技术标准的程序",
         "О порядке обмена изданной и неизданной литературой, журналами, справочниками, каталогами и техническими нормами"),
        ("weapon_standards", "SU", Topic.WEAPON_STANDARDS, "volkov", 0, "15:00", 120, AgendaStatus.DISCUSSED,
         "关于武器标准化及技术条件、规格和国家标准的统一",
         "Об унификации стандартов на вооружение, технических условий, спецификаций и государственных стандартов"),
        ("standard_products", "SU", Topic.SPECIFICATIONS, "zaitsev", 1, "09:30", 90, AgendaStatus.DISCUSSED,
         "关于相互提供标准样品和测量仪器",
         "О взаимном предоставлении стандартных образцов и измерительных приборов"),
        ("experts", "CN", Topic.EXPERT_ENGAGEMENT, "li", 1, "11:30", 90, AgendaStatus.DISCUSSED,
         "关于聘请苏联技术专家和助手的程序、期限和人数",
         "О порядке, сроках и численности приглашаемых советских технических специалистов и помощников"),
        ("visits", "CN", Topic.RECIPROCAL_VISITS, "zhou", 1, "15:00", 90, AgendaStatus.DISCUSSED,
         "关于互派专家和代表团进行现场考察和短期实习",
         "О взаимном направлении специалистов и делегаций для ознакомления на месте и краткосрочной стажировки"),
        ("training", "SU", Topic.TRAINING, "belov", 2, "09:30", 60, AgendaStatus.DISCUSSED,
         "关于交换教学大纲、教科书及培训资料",
         "Об обмене учебными программами, учебниками и учебными материалами"),
        ("warranties", "CN", Topic.WARRANTIES, "zhang", 2, "11:00", 90, AgendaStatus.DISCUSSED,
         "关于供应生产用技术装备的质量保证问题",
         "О гарантийных обязательствах на техническое имущество, поставляемое для производства"),
        ("research", "SU", Topic.RESEARCH_CONTACTS, "belov", 2, "15:00", 60, AgendaStatus.DISCUSSED,
         "关于建立科学研究和生产情况方面的经常联系",
         "Об установлении постоянных контактов по вопросам научных исследований и производства"),
        ("lessons", "CN", Topic.LESSONS, "zhang", 3, "09:30", 60, AgendaStatus.DEFERRED,
         "关于交流使用新机器、新设备和新技术的经验",
         "Об обмене опытом применения новых машин, нового оборудования и новой технологии"),
    ],
    2: [
        ("report", "CN", Topic.OTHER, "wang", 0, "10:00", 60, AgendaStatus.AGREED,
         "关于上次会议决议执行情况的报告",
         "Доклад о ходе выполнения решений предыдущего заседания"),
        ("unification", "SU", Topic.WEAPON_STANDARDS, "volkov", 0, "11:30", 90, AgendaStatus.AGREED,
         "关于首批武器技术条件统一工作的进展",
         "О ходе унификации первой партии технических условий на вооружение"),
        ("extend_experts", "CN", Topic.EXPERT_ENGAGEMENT, "li", 0, "15:00", 90, AgendaStatus.AGREED,
         "关于延长部分苏联专家在华工作期限",
         "О продлении сроков работы части советских специалистов в КНР"),
        ("inspection", "SU", Topic.RECIPROCAL_VISITS, "orlov", 1, "09:30", 90, AgendaStatus.AGREED,
         "关于苏联专家代表团赴华现场考察",
         "О поездке делегации советских специалистов в КНР для ознакомления на месте"),
        ("textbooks", "CN", Topic.TRAINING, "chen", 1, "11:30", 60, AgendaStatus.PROPOSED,
         "关于在中国翻译出版苏联教科书",
         "О переводе и издании советских учебников в КНР"),
        ("claims", "CN", Topic.WARRANTIES, "sun", 1, "15:00", 90, AgendaStatus.PROPOSED,
         "关于测量仪器在保证期内的索赔",
         "О рекламациях на измерительные приборы в течение гарантийного срока"),
        ("conference", "SU", Topic.RESEARCH_CONTACTS, "orlov", 2, "09:30", 60, AgendaStatus.PROPOSED,
         "关于召开联合科学技术会议",
         "О проведении совместной научно-технической конференции"),
        ("lessons", "CN", Topic.LESSONS, "sun", 2, "11:00", 60, AgendaStatus.AGREED,
         "关于交流使用新机器、新设备和新技术的经验",
         "Об обмене опытом применения новых машин, нового оборудования и новой технологии"),
        ("secrecy", "SU", Topic.MATERIALS, "kuznetsov", 2, "15:00", 60, AgendaStatus.PROPOSED,
         "关于交换未出版技术资料时的保密措施",
         "О мерах по обеспечению режима секретности при обмене неизданными техническими материалами"),
        ("apparatus", "SU", Topic.SPECIFICATIONS, "orlov", 3, "09:30", 60, AgendaStatus.PROPOSED,
         "关于按照第4号决议交付标准样品和测量仪器的进度",
         "О ходе поставки стандартных образцов и измерительных приборов по решению № 4"),
        ("next_session", "CN", Topic.OTHER_QUESTIONS, "wang", 3, "11:00", 45, AgendaStatus.PROPOSED,
         "关于联合委员会第三次会议的时间和地点",
         "О сроках и месте проведения третьего заседания Комиссии"),
    ],
}  # fmt: skip

# Decisions of the first session: (number, agenda key, deadline in days after the session's end or
# None, status, agency of the first side (zh, ru), of the second side (zh, ru), text zh, text ru).
MINPROM = ("第二机械工业部", "Второе министерство машиностроения КНР")
GKES = ("对外经济联络国家委员会", "Государственный комитет по внешним экономическим связям")
MOP = ("苏联国防工业部", "Министерство оборонной промышленности СССР")
STANDARDS = ("苏联部长会议标准、度量衡和测量仪器委员会", "Комитет стандартов, мер и измерительных приборов")
DECISIONS = [
    (1, "charter", None, DecisionStatus.DONE, MINPROM, GKES,
     "通过《中苏国防工业联合委员会工作条例》，自签字之日起生效。",
     "Утвердить Положение о Советско-китайской комиссии по оборонной промышленности, вступающее в силу "
     "со дня подписания."),
    (2, "literature", 90, DecisionStatus.DONE, MINPROM, GKES,
     "双方在3个月内互相提供已出版的技术书籍和期刊目录，此后每年交换两次。",
     "Стороны в течение 3 месяцев передают друг другу каталоги изданной технической литературы и журналов, "
     "а в дальнейшем обмениваются ими 2 раза в год."),
    (3, "weapon_standards", 180, DecisionStatus.IN_PROGRESS, MINPROM, MOP,
     "苏方向中方提供首批武器技术条件和国家标准共120项，中方在6个月内提出统一标准的意见。",
     "Советская сторона передаёт китайской стороне первую партию технических условий и государственных "
     "стандартов на вооружение в количестве 120 наименований; китайская сторона в течение 6 месяцев "
     "представляет предложения по их унификации."),
    (4, "standard_products", 120, DecisionStatus.OPEN, MINPROM, STANDARDS,
     "苏方按照附件1的清单向中方提供标准样品和测量仪器。",
     "Советская сторона поставляет китайской стороне стандартные образцы и измерительные приборы "
     "согласно перечню в приложении 1."),
    (5, "experts", 365, DecisionStatus.IN_PROGRESS, MINPROM, GKES,
     "同意苏方派遣技术专家25名和助手10名来华工作，工作期限一般不超过2年。",
     "Согласиться с направлением в КНР 25 советских технических специалистов и 10 помощников на срок, "
     "как правило, не более 2 лет."),
    (6, "visits", 365, DecisionStatus.IN_PROGRESS, MINPROM, GKES,
     "中方派遣专家和实习人员40名赴苏进行现场考察和短期实习，每批期限不超过3个月。",
     "Китайская сторона направляет в СССР 40 специалистов и стажёров для ознакомления на месте и "
     "краткосрочной стажировки сроком не более 3 месяцев для каждой группы."),
    (7, "warranties", 60, DecisionStatus.DONE, MINPROM, MOP,
     "苏方对所供应的技术装备提供12个月的质量保证，自中方验收之日起计算。",
     "Советская сторона предоставляет гарантию на поставляемое техническое имущество сроком 12 месяцев "
     "со дня его приёмки китайской стороной."),
    (8, "research", None, DecisionStatus.IN_PROGRESS, MINPROM, MOP,
     "双方每6个月交换科学研究工作和生产情况的资料。",
     "Стороны каждые 6 месяцев обмениваются сведениями о научно-исследовательских работах и о состоянии "
     "производства."),
]  # fmt: skip


def _monday_on_or_before(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def session_dates(today: dt.date) -> dict[int, tuple[dt.date, dt.date]]:
    """The first session about five months back, the second a little over three weeks ahead."""
    s1 = _monday_on_or_before(today - dt.timedelta(days=150))
    s2 = _monday_on_or_before(today + dt.timedelta(days=24))
    if s2 < today + dt.timedelta(days=18):
        s2 += dt.timedelta(days=7)
    return {1: (s1, s1 + dt.timedelta(days=4)), 2: (s2, s2 + dt.timedelta(days=4))}


def build(ctx) -> None:
    s = ctx.session
    dates = session_dates(ctx.today)
    specs = {
        1: dict(host="CN", city_zh="北京", city_ru="Пекин", city_en="Beijing", city_ru_in="Пекине",
                venue_zh="北京饭店", venue_ru="гостиница «Пекин»", venue_en="Beijing Hotel",
                status=MeetingStatus.MINUTES_SIGNED),
        2: dict(host="SU", city_zh="莫斯科", city_ru="Москва", city_en="Moscow", city_ru_in="Москве",
                venue_zh="斯皮里多诺夫卡接待大厦", venue_ru="Дом приёмов на Спиридоновке",
                venue_en="Spiridonovka Reception House", status=MeetingStatus.MEMORANDUM_SENT),
    }  # fmt: skip
    for ordinal, spec in specs.items():
        start, end = dates[ordinal]
        m = Meeting(
            ordinal=ordinal,
            host_side_id=ctx.sides[spec["host"]],
            city_zh=spec["city_zh"],
            city_ru=spec["city_ru"],
            venue_zh=spec["venue_zh"],
            venue_ru=spec["venue_ru"],
            city_en=spec["city_en"],
            city_ru_in=spec["city_ru_in"],
            venue_en=spec["venue_en"],
            start_date=start,
            end_date=end,
            status=spec["status"].value,
        )
        s.add(m)
        s.flush()
        ctx.meetings[ordinal] = m.id
        for code, members in DELEGATIONS[ordinal].items():
            for pos, (key, role) in enumerate(members):
                dm = DelegationMember(
                    meeting_id=m.id,
                    side_id=ctx.sides[code],
                    person_id=ctx.people[key],
                    role=role.value,
                    position=pos,
                )
                s.add(dm)
                s.flush()
                ctx.members[(ordinal, key)] = dm.id
        for pos, (key, side, topic, presenter, day, hhmm, minutes, status, tzh, tru) in enumerate(
            AGENDA[ordinal]
        ):
            hh, mm = (int(x) for x in hhmm.split(":"))
            item = AgendaItem(
                meeting_id=m.id,
                position=pos,
                title_zh=tzh,
                title_ru=tru,
                proposing_side_id=ctx.sides[side],
                topic=topic.value,
                presenter_id=ctx.people[presenter],
                day=start + dt.timedelta(days=day),
                start_time=dt.time(hh, mm),
                duration_minutes=minutes,
                status=status.value,
                is_standing=(key == "report"),
                carried_from_id=ctx.agenda.get((1, key)) if ordinal == 2 and key == "lessons" else None,
            )
            s.add(item)
            s.flush()
            ctx.agenda[(ordinal, key)] = item.id
    end1 = dates[1][1]
    for number, key, days, status, ag1, ag2, tzh, tru in DECISIONS:
        d = Decision(
            meeting_id=ctx.meetings[1],
            number=number,
            agenda_item_id=ctx.agenda[(1, key)],
            text_zh=tzh,
            text_ru=tru,
            agency1_zh=ag1[0],
            agency1_ru=ag1[1],
            agency2_zh=ag2[0],
            agency2_ru=ag2[1],
            deadline=end1 + dt.timedelta(days=days) if days else None,
            status=status.value,
        )
        s.add(d)
        s.flush()
        ctx.decisions[(1, number)] = d.id
