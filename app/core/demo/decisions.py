"""Demo: how the first session's decisions are being carried out (dated follow-up notes, one of
them superseded), and two decisions the chairmen took between sessions, for the second session's
protocol."""

from __future__ import annotations

import datetime as dt

from app.core.demo.sessions import GKES, MINPROM, MOP, session_dates
from app.core.enums import DecisionStatus
from app.core.services.decisions import records as service
from app.core.services.decisions.records import DecisionInput, NoteInput

# (decision number of the first session, days after the session's end, zh, ru)
NOTES = [
    (2, 40, "中方已将1957年和1958年技术书籍目录交苏方联络机关。",
     "Китайская сторона передала советской стороне каталоги технической литературы за 1957 и 1958 годы."),
    (2, 85, "苏方目录已收到，交换完成。", "Каталоги советской стороны получены; обмен завершён."),
    (3, 30, "苏方已交付首批技术条件50项。", "Советская сторона передала первые 50 технических условий."),
    (3, 100, "第二批45项已交付，中方统一标准意见正在准备中。",
     "Передана вторая партия (45 наименований); китайская сторона готовит предложения по унификации."),
    (4, 60, "标准样品清单已经双方联络机关核对。",
     "Перечень стандартных образцов сверен связными органами сторон."),
    (5, 45, "首批专家12名已到达。", "Прибыла первая группа советских специалистов в составе 12 человек."),
    (6, 70, "第一批实习人员15名已赴苏。", "Первая группа китайских стажёров (15 человек) выехала в СССР."),
    (8, 120, "双方交换了第一期科研工作资料。", "Стороны обменялись первыми сведениями о научно-исследовательских работах."),
]  # fmt: skip

# Taken by the chairmen between sessions: (days after the first session's end, deadline days after
# that, agencies, zh, ru)
BETWEEN = [
    (75, 90, MINPROM, MOP,
     "双方主席商定：苏方提前向中方交付第二批武器技术条件，期限为3个月。",
     "Председатели сторон договорились, что советская сторона досрочно передаёт китайской стороне вторую "
     "партию технических условий на вооружение в течение 3 месяцев."),
    (110, 30, MINPROM, GKES,
     "双方主席商定：第二次会议前，双方联络机关核对专家派遣名额的使用情况。",
     "Председатели сторон договорились до второго заседания сверить через связные органы использование "
     "квот на направление специалистов."),
]  # fmt: skip


def build(ctx) -> None:
    s = ctx.session
    end1 = session_dates(ctx.today)[1][1]
    for number, days, zh, ru in NOTES:
        day = min(end1 + dt.timedelta(days=days), ctx.today)
        service.add_note(s, ctx.decisions[(1, number)], NoteInput(day, zh, ru))
    for taken, due, ag1, ag2, zh, ru in BETWEEN:
        day = min(end1 + dt.timedelta(days=taken), ctx.today)
        d = service.add_decision(
            s,
            DecisionInput(
                meeting_id=ctx.meetings[2], text_zh=zh, text_ru=ru, agency1_zh=ag1[0], agency1_ru=ag1[1],
                agency2_zh=ag2[0], agency2_ru=ag2[1], deadline=day + dt.timedelta(days=due), decided_on=day,
                status=DecisionStatus.IN_PROGRESS,
            ),
        )  # fmt: skip
        ctx.decisions[(2, d.number)] = d.id
