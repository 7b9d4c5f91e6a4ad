"""Demo: the programme of both sessions besides the agenda (arrival, opening, reception, site visit,
signing ceremony), the steps before them, and a few supplementary materials.

The first session is over: every step before it was done in time. The second opens in three to
four weeks: the notice with the proposed agenda went out, the confirmation is due soon and the
secretaries' preparatory meeting is still ahead.
"""

from __future__ import annotations

import datetime as dt

from app.core.enums import DeadlineKind, EventKind
from app.core.models import MeetingDeadline, ScheduleEvent
from app.core.services import attachments
from app.core.services.agenda.items import OWNER_KIND

E = EventKind

# ordinal: [(kind, day index (-1: the day before the opening), "HH:MM", minutes or None,
#            title zh, title ru, place zh, place ru)]
EVENTS = {
    1: [
        (E.ARRIVAL, -1, "15:30", None,
         "苏联政府代表团抵达北京", "Прибытие делегации Правительства СССР в Пекин",
         "北京西郊机场", "аэродром Сицзяо (Пекин)"),
        (E.OPENING, 0, "09:00", 30,
         "联合委员会第一次会议开幕式", "Открытие первого заседания Комиссии",
         "北京饭店", "гостиница «Пекин»"),
        (E.RECEPTION, 0, "19:00", 120,
         "第二机械工业部举行欢迎宴会", "Приём от имени Второго министерства машиностроения КНР",
         "北京饭店宴会厅", "банкетный зал гостиницы «Пекин»"),
        (E.SITE_VISIT, 3, "14:00", 180,
         "参观北京第一机床厂", "Посещение Пекинского первого станкостроительного завода",
         "北京第一机床厂", "Пекинский первый станкостроительный завод"),
        (E.SIGNING, 4, "10:00", 60,
         "签署联合委员会第一次会议纪要", "Подписание протокола первого заседания Комиссии",
         "北京饭店", "гостиница «Пекин»"),
        (E.DEPARTURE, 5, "09:00", None,
         "苏联政府代表团离京回国", "Отъезд делегации Правительства СССР",
         "北京西郊机场", "аэродром Сицзяо (Пекин)"),
    ],
    2: [
        (E.ARRIVAL, -1, "16:00", None,
         "中华人民共和国政府代表团抵达莫斯科", "Прибытие делегации Правительства КНР в Москву",
         "伏努科沃机场", "аэропорт Внуково"),
        (E.OPENING, 0, "09:30", 30,
         "联合委员会第二次会议开幕式", "Открытие второго заседания Комиссии",
         "斯皮里多诺夫卡接待大厦", "Дом приёмов на Спиридоновке"),
        (E.RECEPTION, 0, "19:00", 120,
         "苏联国防工业部举行欢迎招待会", "Приём от имени Министерства оборонной промышленности СССР",
         "斯皮里多诺夫卡接待大厦", "Дом приёмов на Спиридоновке"),
        (E.SITE_VISIT, 3, "14:00", 180,
         "参观莫斯科利哈乔夫汽车厂", "Посещение Московского автомобильного завода имени И. А. Лихачёва",
         "莫斯科利哈乔夫汽车厂", "Завод имени И. А. Лихачёва"),
        (E.SIGNING, 4, "11:00", 60,
         "签署联合委员会第二次会议纪要", "Подписание протокола второго заседания Комиссии",
         "斯皮里多诺夫卡接待大厦", "Дом приёмов на Спиридоновке"),
    ],
}  # fmt: skip

#: The places of the programme in English, by their Russian names.
PLACES_EN = {
    "аэродром Сицзяо (Пекин)": "Xijiao Airfield (Beijing)",
    "гостиница «Пекин»": "Beijing Hotel",
    "банкетный зал гостиницы «Пекин»": "Banquet hall of the Beijing Hotel",
    "Пекинский первый станкостроительный завод": "Beijing No. 1 Machine Tool Plant",
    "аэропорт Внуково": "Vnukovo Airport",
    "Дом приёмов на Спиридоновке": "Spiridonovka Reception House",
    "Завод имени И. А. Лихачёва": "Likhachev Plant",
}

# Steps before each session: (kind, days before the opening it was done), or nothing if not yet.
DONE = {
    1: [(DeadlineKind.NOTICE, 33), (DeadlineKind.CONFIRMATION, 16), (DeadlineKind.PREPARATORY, 6)],
    2: [(DeadlineKind.NOTICE, 31)],
}

# Supplementary materials: (ordinal, agenda key, file name, text)
#: What each material is called in either language (documents list materials by these titles).
MATERIAL_TITLES = {
    "联合委员会工作条例（草案）.txt": ("联合委员会工作条例（草案）（中文本）", "Положение о Комиссии (проект), текст на китайском языке"),
    "Положение о Комиссии (проект).txt": ("联合委员会工作条例（草案）（俄文本）", "Положение о Комиссии (проект)"),
    "Перечень стандартных образцов и приборов.txt": (
        "拟供应的标准样品和测量仪器清单", "Перечень стандартных образцов и измерительных приборов"),
    "关于第一次会议决议执行情况的报告（草稿）.txt": (
        "关于第一次会议决议执行情况的报告（草稿）", "Доклад о выполнении решений первого заседания (проект)"),
    "Перечень ТУ первой партии.txt": ("第一批技术条件清单（摘录）", "Перечень технических условий первой партии (выписка)"),
    "延长在华苏联专家工作期限名单.txt": (
        "拟延长在华工作期限的苏联专家名单", "Список советских специалистов, срок работы которых в КНР предлагается продлить"),
    "Программа научно-технической конференции (проект).txt": (
        "科学技术会议日程（草案）", "Программа научно-технической конференции (проект)"),
}  # fmt: skip


MATERIALS = [
    (1, "charter", "联合委员会工作条例（草案）.txt",
     "中苏国防工业联合委员会工作条例（草案）\n\n"
     "第一条　联合委员会由双方各派代表若干人组成，每年举行会议一至两次。\n"
     "第二条　会议轮流在北京和莫斯科举行，会议组织费用由东道国政府负担，代表团费用由派遣方负担。\n"
     "第三条　每次会议前，双方互相提交备忘录，内容包括议程、日程及补充材料。\n"
     "第四条　会议纪要用中文和俄文各写成两份，由双方代表团团长签字，两种文本具有同等效力。\n"),
    (1, "charter", "Положение о Комиссии (проект).txt",
     "ПОЛОЖЕНИЕ о Советско-китайской комиссии по оборонной промышленности (проект)\n\n"
     "1. Комиссия состоит из представителей обеих Сторон и собирается на заседания один-два раза в год.\n"
     "2. Заседания проводятся поочерёдно в Пекине и в Москве; расходы по организации заседания несёт "
     "принимающая Сторона, расходы своей делегации — каждая Сторона.\n"
     "3. Перед каждым заседанием Стороны обмениваются меморандумами с повесткой дня, программой и "
     "дополнительными материалами.\n"),
    (1, "standard_products", "Перечень стандартных образцов и приборов.txt",
     "Перечень стандартных образцов и измерительных приборов, предлагаемых к поставке\n\n"
     "1. Плоскопараллельные концевые меры длины, класс точности 1 — 12 наборов\n"
     "2. Калибры-пробки гладкие, 6–50 мм — 40 шт.\n"
     "3. Микрометры рычажные МР-25 — 30 шт.\n"
     "4. Образцы шероховатости поверхности — 10 наборов\n"),
    (2, "report", "关于第一次会议决议执行情况的报告（草稿）.txt",
     "关于联合委员会第一次会议决议执行情况的报告（草稿）\n\n"
     "第一次会议共通过决议八项。截至本报告提出之日，已执行完毕三项，正在执行四项，尚待执行一项。\n"
     "第四号决议所列标准样品和测量仪器，苏方已交付第一批，其余部分拟于本年第四季度交付。\n"),
    (2, "unification", "Перечень ТУ первой партии.txt",
     "Перечень технических условий первой партии, переданных китайской стороне (выписка)\n\n"
     "ТУ 1-58 — ТУ 40-58: технические условия на боеприпасы, 40 наименований\n"
     "ГОСТ 2789-51 Шероховатость поверхности\n"
     "ГОСТ 7713-55 Допуски и посадки\n"
     "Всего передано 120 наименований; предложения китайской стороны по унификации — 37.\n"),
    (2, "extend_experts", "延长在华苏联专家工作期限名单.txt",
     "拟延长工作期限的苏联专家名单\n\n"
     "1. 第二机械工业部第十研究所　冶金专家　原定期限至本年十二月，拟延长一年\n"
     "2. 第二机械工业部设计总院　　工艺专家　原定期限至本年十一月，拟延长六个月\n"
     "3. 第二机械工业部技术司　　　标准化专家　原定期限至本年十月，拟延长六个月\n"),
    (2, "conference", "Программа научно-технической конференции (проект).txt",
     "Совместная научно-техническая конференция — проект программы\n\n"
     "1-й день: пленарное заседание; доклады о новых методах термической обработки.\n"
     "2-й день: секция металлургии; секция технологии производства.\n"
     "3-й день: посещение научно-исследовательского института; подведение итогов.\n"),
]  # fmt: skip


def _time(hhmm: str) -> dt.time:
    hh, mm = (int(x) for x in hhmm.split(":"))
    return dt.time(hh, mm)


def build(ctx) -> None:
    from app.core.demo.sessions import session_dates

    s = ctx.session
    dates = session_dates(ctx.today)
    for ordinal, events in EVENTS.items():
        start = dates[ordinal][0]
        for kind, day, hhmm, minutes, tzh, tru, pzh, pru in events:
            s.add(ScheduleEvent(
                meeting_id=ctx.meetings[ordinal], kind=kind.value, title_zh=tzh, title_ru=tru,
                place_zh=pzh, place_ru=pru, place_en=PLACES_EN.get(pru, ""), day=start + dt.timedelta(days=day), start_time=_time(hhmm),
                duration_minutes=minutes,
            ))  # fmt: skip
        for kind, before in DONE[ordinal]:
            s.add(MeetingDeadline(
                meeting_id=ctx.meetings[ordinal], kind=kind.value, done_on=start - dt.timedelta(days=before)
            ))  # fmt: skip
    s.flush()
    for ordinal, key, filename, text in MATERIALS:
        title_zh, title_ru = MATERIAL_TITLES[filename]
        attachments.add_bytes(s, OWNER_KIND, ctx.agenda[(ordinal, key)], filename, text.encode("utf-8"),
                              "text/plain", title_zh=title_zh, title_ru=title_ru)  # fmt: skip
