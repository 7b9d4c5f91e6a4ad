"""A small commission with sessions and delegations for the expense tests (no demo needed)."""

from __future__ import annotations

import datetime as dt

from app.core.models import DelegationMember, Meeting, Person
from app.core.services import commission
from app.core.services.commission import CommissionData, SideData

START = dt.date(1958, 6, 2)


def setup_commission(s) -> dict[str, int]:
    commission.save_commission(
        s,
        CommissionData(
            "中苏国防工业联合委员会",
            "Советско-китайская комиссия по оборонной промышленности",
            "",
            (
                SideData(1, "CN", "zh", "中华人民共和国", "Китайская Народная Республика", "", "中国", "КНР"),
                SideData(2, "SU", "ru", "苏维埃社会主义共和国联盟", "Союз ССР", "", "苏联", "СССР"),
            ),
        ),
    )
    sides = {side.code: side.id for side in commission.get_sides(s)}
    for code, zh, ru in (("CN", "王振国", "Ван Чжэньго"), ("SU", "格罗莫夫", "Громов")):
        s.add(Person(side_id=sides[code], name_zh=zh, name_ru=ru, name_latin=code))
    s.flush()
    return sides


def add_session(s, sides: dict[str, int], ordinal: int, host: str, delegations=("CN", "SU"),
                start: dt.date = START) -> int:  # fmt: skip
    m = Meeting(ordinal=ordinal, host_side_id=sides[host], city_zh="北京", city_ru="Пекин",
                start_date=start, end_date=start + dt.timedelta(days=4))  # fmt: skip
    s.add(m)
    s.flush()
    people = {p.side_id: p.id for p in s.query(Person).all()}
    for code in delegations:
        s.add(DelegationMember(meeting_id=m.id, side_id=sides[code], person_id=people[sides[code]]))
    s.flush()
    return m.id
