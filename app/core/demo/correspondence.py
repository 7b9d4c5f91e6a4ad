"""Demo: a year of letters between the four liaison agencies (two of each side), most answered,
some awaiting an answer, a few of them past their reply-by date; many concern a decision of the
first session."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.core.enums import LetterStatus
from app.core.models import LiaisonAgency, Side
from app.core.services.correspondence import records as service
from app.core.services.correspondence.records import LetterInput

# (subject zh, subject ru, summary zh, summary ru, decision of the first session or None)
TOPICS = [
    ("关于交换技术书籍目录", "Об обмене каталогами технической литературы",
     "通报目录寄送情况并请确认收到。", "Сообщается об отправке каталогов; просьба подтвердить получение.", 2),
    ("关于武器技术条件的交付", "О передаче технических условий на вооружение",
     "商定下一批技术条件的交付日期和清单。", "Согласование сроков и перечня следующей партии технических условий.", 3),
    ("关于标准样品和测量仪器", "О стандартных образцах и измерительных приборах",
     "核对附件1清单中的型号和数量。", "Сверка типов и количества по перечню приложения 1.", 4),
    ("关于苏联专家来华", "О приезде советских специалистов в КНР",
     "通报专家名单、到达日期和接待安排。", "Список специалистов, даты прибытия и порядок встречи.", 5),
    ("关于中方实习人员赴苏", "О поездке китайских стажёров в СССР",
     "请苏方确认接收实习人员的企业和日期。", "Просьба подтвердить предприятия и сроки приёма стажёров.", 6),
    ("关于科研工作资料的交换", "Об обмене сведениями о научно-исследовательских работах",
     "寄送半年度科研工作资料。", "Направляются полугодовые сведения о научно-исследовательских работах.", 8),
    ("关于技术装备的质量保证", "О гарантии на техническое имущество",
     "通报验收中发现的缺陷，请苏方处理。", "Сообщается о дефектах, выявленных при приёмке; просьба принять меры.", 7),
    ("关于第二次会议的筹备", "О подготовке второго заседания",
     "商定会议日期、议程草案和代表团人数。", "Согласование дат, проекта повестки дня и численности делегаций.", None),
]  # fmt: skip

#: a letter every this many days over the year
STEP = 11


def build(ctx) -> None:
    s = ctx.session
    rows = s.execute(
        select(LiaisonAgency.id, Side.code).join(Side, Side.id == LiaisonAgency.side_id)
        .order_by(Side.position, LiaisonAgency.position)
    ).all()  # fmt: skip
    cn = [i for i, code in rows if code == "CN"]
    su = [i for i, code in rows if code == "SU"]
    if not cn or not su:
        return
    start = ctx.today - dt.timedelta(days=365)
    serial = {"CN": 0, "SU": 0}
    for n, day in enumerate(start + dt.timedelta(days=d) for d in range(0, 365, STEP)):
        zh, ru, szh, sru, decision = TOPICS[n % len(TOPICS)]
        from_cn = n % 2 == 0
        sender, addressee = (cn, su) if from_cn else (su, cn)
        code = "CN" if from_cn else "SU"
        serial[code] += 1
        ref = f"二机联字第{serial[code]}号" if from_cn else f"№ {serial[code]}/ГКЭС"
        age = (ctx.today - day).days
        reply_by = day + dt.timedelta(days=30)
        if age > 75:
            status = LetterStatus.ANSWERED if n % 3 else LetterStatus.CLOSED
        elif age > 40:
            status = LetterStatus.SENT if n % 4 == 1 else LetterStatus.ANSWERED  # some overdue
        else:
            status = LetterStatus.SENT if from_cn else LetterStatus.RECEIVED
        if decision is not None and (1, decision) not in ctx.decisions:
            decision = None
        service.add_letter(
            s,
            LetterInput(
                letter_date=day, from_agency_id=sender[n % len(sender)], to_agency_id=addressee[(n // 2) % len(addressee)],
                our_ref=ref if from_cn else "", their_ref="" if from_cn else ref,
                subject_zh=zh, subject_ru=ru, summary_zh=szh, summary_ru=sru, reply_by=reply_by, status=status,
                decision_ids=(ctx.decisions[(1, decision)],) if decision else (),
            ),
        )  # fmt: skip
