"""A small commission for the experts tests: two sides, a few people on each, a decision."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from app.core.models import Decision, Meeting
from app.core.models.experts import AssignmentPurpose as P
from app.core.services import commission, people
from app.core.services.commission import CommissionData, SideData
from app.core.services.experts.assignments import AssignmentData
from app.core.services.experts.quotas import QuotaData
from app.core.services.people import PersonData

TODAY = dt.date(1958, 9, 1)


@dataclass
class World:
    cn: int
    su: int
    people: dict[str, int]
    meeting: int
    decision: int


def make_world(s) -> World:
    commission.save_commission(
        s,
        CommissionData(
            "中苏联合委员会",
            "Советско-китайская комиссия",
            "",
            (
                SideData(1, "CN", "zh", "中华人民共和国", "Китайская Народная Республика", "", "中国", "КНР"),
                SideData(2, "SU", "ru", "苏联", "Союз ССР", "", "苏联", "СССР"),
            ),
        ),
    )
    sides = {x.code: x.id for x in commission.get_sides(s)}
    specs = {
        "smirnov": ("SU", "伊·彼·斯米尔诺夫", "И. П. Смирнов", "I. P. Smirnov"),
        "ivanov": ("SU", "谢·尼·伊万诺夫", "С. Н. Иванов", "S. N. Ivanov"),
        "karpova": ("SU", "娜·瓦·卡尔波娃", "Н. В. Карпова", "N. V. Karpova"),
        "sokolova": ("SU", "玛·伊·索科洛娃", "М. И. Соколова", "M. I. Sokolova"),
        "wang": ("CN", "王德明", "Ван Дэмин", "Wang Deming"),
        "li": ("CN", "李国华", "Ли Гохуа", "Li Guohua"),
        "liu": ("CN", "刘淑珍", "Лю Шучжэнь", "Liu Shuzhen"),
    }
    ids = {}
    for key, (code, zh, ru, lat) in specs.items():
        ids[key] = people.add_person(s, PersonData(sides[code], zh, ru, lat)).id
    m = Meeting(ordinal=1, host_side_id=sides["CN"], city_zh="北京", city_ru="Пекин",
                start_date=dt.date(1958, 3, 3), end_date=dt.date(1958, 3, 7))  # fmt: skip
    s.add(m)
    s.flush()
    d = Decision(
        meeting_id=m.id,
        number=5,
        text_zh="同意苏方派遣技术专家25名",
        text_ru="Согласиться с направлением 25 специалистов",
    )
    s.add(d)
    s.flush()
    return World(sides["CN"], sides["SU"], ids, m.id, d.id)


def expert(w: World, *keys: str, **kw) -> AssignmentData:
    """An assignment of Soviet technical experts to a Chinese plant, from TODAY, for a year."""
    base = AssignmentData(
        sending_side_id=w.su,
        receiving_side_id=w.cn,
        person_ids=tuple(w.people[k] for k in (keys or ("smirnov",))),
        purpose=P.TECHNICAL_EXPERT,
        host_organisation_zh="国营第一一二厂",
        host_organisation_ru="Государственный завод № 112",
        place_zh="沈阳",
        place_ru="Шэньян",
        speciality_zh="火炮设计",
        speciality_ru="проектирование артиллерийских систем",
        planned_start=TODAY + dt.timedelta(days=30),
        term_limit_days=365,
        decision_id=w.decision,
    )
    return replace(base, **kw)


def quota(w: World, number: int = 3, **kw) -> QuotaData:
    base = QuotaData(
        w.su,
        w.cn,
        (P.TECHNICAL_EXPERT,),
        number=number,
        period_from=dt.date(1958, 3, 8),
        period_to=dt.date(1960, 3, 7),
        max_term_days=730,
        decision_id=w.decision,
    )
    return replace(base, **kw)
