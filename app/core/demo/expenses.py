"""Demo: the costs of both sessions under the commission's rule, a few budgets, one agreed rate, and
receipts for some of them.

The first session (Beijing) is over: the Chinese side bore its organisation, each side its own
delegation, and one transport booking was partly refunded (a correction). The second (Moscow) is
being prepared: the Soviet side has paid deposits, the Chinese delegation has bought its tickets
and paid for its hotel in roubles.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from xml.sax.saxutils import escape

from app.core.models import ExpenseCategory, ExpenseKind, Meeting
from app.core.services import attachments
from app.core.services.expenses import records as service
from app.core.services.expenses.records import ExpenseInput
from app.core.services.expenses.summary import BudgetInput, RateInput, set_budget, set_rate
from app.core.services.money import set_commission_currencies

K, C = ExpenseKind, ExpenseCategory
ORG, DEL = K.ORGANISATION, K.DELEGATION

# (key, kind, delegation side, category, amount, currency, day (relative to the start, or to today
#  with "t"), description zh, description ru)
SESSION1 = [
    ("printing", ORG, None, C.PRINTING, "8236.40", "CNY", -6,
     "会议文件印刷（中俄文本各200份）", "Печать документов заседания (по 200 экз. на китайском и русском языках)"),
    ("venue", ORG, None, C.VENUE, "48000.00", "CNY", 0,
     "北京饭店会议厅租用（5天）", "Аренда зала заседаний гостиницы «Пекин» (5 дней)"),
    ("interpreters", ORG, None, C.INTERPRETATION, "36500.00", "CNY", 4,
     "同声传译及会议文件翻译", "Синхронный перевод и перевод документов заседания"),
    ("cars", ORG, None, C.TRANSPORT, "15750.00", "CNY", 4,
     "会议用车（5辆，5天）", "Автомобили для обслуживания заседания (5 машин, 5 дней)"),
    ("banquet", ORG, None, C.RECEPTION, "28800.00", "CNY", 0,
     "欢迎宴会（80人）", "Приветственный приём (80 человек)"),
    ("closing", ORG, None, C.RECEPTION, "19600.00", "CNY", 4,
     "闭幕招待会", "Заключительный приём"),
    ("calls", ORG, None, C.COMMUNICATIONS, "1418.75", "CNY", 4,
     "国际长途电话及电报", "Международные телефонные переговоры и телеграммы"),
    ("cn_meals", DEL, "CN", C.PER_DIEM, "3000.00", "CNY", 4,
     "中国代表团成员伙食补助（6人，5天）", "Питание членов китайской делегации (6 человек, 5 дней)"),
    ("su_flights", DEL, "SU", C.TRANSPORT, "350400.00", "SUR", -2,
     "莫斯科—北京—莫斯科往返机票（6人）", "Авиабилеты Москва — Пекин — Москва (6 человек)"),
    ("su_hotel", DEL, "SU", C.LODGING, "20400.00", "CNY", 5,
     "苏联代表团在北京饭店住宿（6间，5晚）", "Проживание советской делегации в гостинице «Пекин» (6 номеров, 5 ночей)"),
    ("su_per_diem", DEL, "SU", C.PER_DIEM, "90000.00", "SUR", -2,
     "苏联代表团出国人员日津贴（6人，6天）", "Суточные членам советской делегации (6 человек, 6 дней)"),
    ("su_reception", DEL, "SU", C.RECEPTION, "12600.00", "CNY", 3,
     "苏联代表团答谢宴会", "Ответный приём советской делегации"),
    ("su_calls", DEL, "SU", C.COMMUNICATIONS, "3250.00", "SUR", 4,
     "苏联代表团国际通讯费", "Международная связь советской делегации"),
]  # fmt: skip

SESSION2 = [
    ("venue", ORG, None, C.VENUE, "180000.00", "SUR", "t-12",
     "斯皮里多诺夫卡接待大厦会议厅租用（预付50%）", "Аренда зала Дома приёмов на Спиридоновке (предоплата 50 %)"),
    ("interpreters", ORG, None, C.INTERPRETATION, "95000.00", "SUR", "t-5",
     "同声传译服务合同预付款", "Аванс по договору на синхронный перевод"),
    ("printing", ORG, None, C.PRINTING, "24780.50", "SUR", "t-2",
     "会议材料印刷", "Печать материалов заседания"),
    ("cn_flights", DEL, "CN", C.TRANSPORT, "41880.00", "CNY", "t-10",
     "北京—莫斯科往返机票（6人）", "Авиабилеты Пекин — Москва — Пекин (6 человек)"),
    ("cn_hotel", DEL, "CN", C.LODGING, "294000.00", "SUR", "t-3",
     "中国代表团在莫斯科“乌克兰”饭店住宿预付款（6间，5晚）",
     "Предоплата проживания китайской делегации в гостинице «Украина» (6 номеров, 5 ночей)"),
    ("cn_per_diem", DEL, "CN", C.PER_DIEM, "2160.00", "USD", "t-1",
     "中国代表团出国人员伙食费和公杂费（6人，6天）", "Суточные членам китайской делегации (6 человек, 6 дней)"),
]  # fmt: skip

# (session, side, category, currency, amount)
BUDGETS = [
    (1, "CN", C.VENUE, "CNY", "50000.00"),
    (1, "CN", C.RECEPTION, "CNY", "45000.00"),
    (1, "SU", C.LODGING, "CNY", "20000.00"),
    (2, "SU", C.VENUE, "SUR", "360000.00"),
    (2, "SU", C.INTERPRETATION, "SUR", "190000.00"),
    (2, "SU", C.RECEPTION, "SUR", "250000.00"),
    (2, "CN", C.TRANSPORT, "CNY", "45000.00"),
    (2, "CN", C.LODGING, "SUR", "300000.00"),
]

# key -> (file name, receipt lines)
RECEIPT_TITLES = {
    "北京饭店发票-会议厅.svg": ("北京饭店发票（会议厅租用）", "Счёт гостиницы «Пекин» (аренда зала заседаний)"),
    "北京饭店发票-宴会.svg": ("北京饭店发票（欢迎宴会）", "Счёт гостиницы «Пекин» (приветственный банкет)"),
    "маршрутная-квитанция.svg": ("苏联民航行程单（莫斯科—北京—莫斯科）", "Маршрутная квитанция Аэрофлота (Москва — Пекин — Москва)"),
    "гостиница-украина-счёт.svg": ("乌克兰饭店预付款账单", "Счёт гостиницы «Украина» на предоплату"),
}  # fmt: skip

RECEIPTS = {
    (1, "venue"): ("北京饭店发票-会议厅.svg", ["北京饭店", "发 票", "会议厅租用 5天", "金额：¥48,000.00"]),
    (1, "banquet"): ("北京饭店发票-宴会.svg", ["北京饭店", "发 票", "欢迎宴会 80人", "金额：¥28,800.00"]),
    (1, "su_flights"): ("маршрутная-квитанция.svg",
                        ["Аэрофлот", "Маршрутная квитанция", "Москва — Пекин — Москва, 6 пасс.", "Итого: 350 400,00 ₽"]),
    (2, "cn_hotel"): ("гостиница-украина-счёт.svg",
                      ["Гостиница «Украина»", "Счёт на предоплату", "6 номеров × 5 ночей", "Итого: 294 000,00 ₽"]),
}  # fmt: skip


def receipt_svg(lines: list[str]) -> bytes:
    """A small receipt "scan" (an SVG page of a few lines)."""
    rows = "".join(
        f'<text x="24" y="{48 + i * 34}" font-size="{22 if i == 0 else 17}">{escape(t)}</text>'
        for i, t in enumerate(lines)
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="420" height="220" font-family="sans-serif">'
        '<rect x="4" y="4" width="412" height="212" fill="#fffdf4" stroke="#8a6d3b" stroke-width="2"/>'
        f"{rows}</svg>\n"
    ).encode()


def _day(meeting: Meeting, today: dt.date, when) -> dt.date:
    if isinstance(when, str):
        return today + dt.timedelta(days=int(when[1:]))
    return meeting.start_date + dt.timedelta(days=when)


def build(ctx) -> None:
    s = ctx.session
    # the Soviet side pays in the currency of its period: the Soviet ruble (ISO 4217 SUR)
    set_commission_currencies(s, ("CNY", "SUR"))
    ids: dict[tuple[int, str], int] = {}
    for ordinal, rows in ((1, SESSION1), (2, SESSION2)):
        meeting = s.get(Meeting, ctx.meetings[ordinal])
        for key, kind, side, category, amount, currency, when, zh, ru in rows:
            e = service.add_expense(
                s,
                ExpenseInput(
                    meeting_id=meeting.id,
                    kind=kind,
                    category=category,
                    delegation_side_id=ctx.sides[side] if side else None,
                    amount=Decimal(amount),
                    currency=currency,
                    spent_on=_day(meeting, ctx.today, when),
                    description_zh=zh,
                    description_ru=ru,
                ),
                confirmed=True,
            )
            ids[(ordinal, key)] = e.id
    # one car was not needed for the last two days: the hotel's garage refunded it
    m1 = s.get(Meeting, ctx.meetings[1])
    service.add_expense(
        s,
        ExpenseInput(
            correction_of_id=ids[(1, "cars")],
            amount=Decimal("1260.00"),
            spent_on=m1.end_date + dt.timedelta(days=6),
            description_zh="退还未使用车辆费用（1辆，2天）",
            description_ru="Возврат за неиспользованный автомобиль (1 машина, 2 дня)",
            correction_reason="车队退款 / возврат автобазы",
        ),
        confirmed=True,
    )
    for (ordinal, key), (filename, lines) in RECEIPTS.items():
        title_zh, title_ru = RECEIPT_TITLES[filename]
        attachments.add_bytes(s, service.OWNER_KIND, ids[(ordinal, key)], filename, receipt_svg(lines),
                              title_zh=title_zh, title_ru=title_ru)  # fmt: skip
    for ordinal, side, category, currency, amount in BUDGETS:
        set_budget(
            s, BudgetInput(ctx.meetings[ordinal], ctx.sides[side], category, currency, Decimal(amount))
        )
    # the accountants of both sides agreed on a rate for the first session's settlement
    set_rate(s, RateInput(ctx.meetings[1], m1.end_date, "SUR", "CNY", Decimal("0.0852")))
