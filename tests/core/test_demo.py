from __future__ import annotations

from sqlalchemy import func, select

from app.core.models import AgendaItem, Decision, DelegationMember, LiaisonAgency, Meeting, Person
from app.core.services import commission
from app.core.services.agenda import sessions as meetings


def test_demo_is_the_1957_commission(demo_db):
    with demo_db.unit() as s:
        data = commission.get_commission(s)
        assert [x.code for x in data.sides] == ["CN", "SU"]
        assert data.name("zh") == "中苏国防工业联合委员会"
        cn = data.side("CN")
        assert "第二机械工业部" in [a.name_zh for a in cn.agencies]
        assert s.execute(select(func.count(LiaisonAgency.id))).scalar_one() == 4
        people = s.execute(select(Person)).scalars().all()
        assert len(people) >= 12
        assert all(p.name_zh and p.name_ru and p.name_latin for p in people)


def test_demo_sessions_have_delegations_with_one_head_per_side(demo_db):
    with demo_db.unit() as s:
        ms = meetings.list_meetings(s)
        assert [m.ordinal for m in ms] == [2, 1]  # newest first
        assert ms[0].city("zh") == "莫斯科" and ms[1].city("ru") == "Пекин"
        for m in ms:
            heads = meetings.heads(s, m.id)
            assert len(heads) == 2
        assert s.execute(select(func.count(DelegationMember.id))).scalar_one() == 24
        assert s.execute(select(func.count(AgendaItem.id))).scalar_one() >= 18
        first = next(m.id for m in ms if m.ordinal == 1)
        assert (
            s.execute(select(func.count(Decision.id)).where(Decision.meeting_id == first)).scalar_one() == 8
        )
        assert s.execute(select(func.count(Meeting.id))).scalar_one() == 2
