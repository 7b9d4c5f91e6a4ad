"""The demo's Exchanges register: a few hundred realistic items, deterministic."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select

from app.core.demo import build_demo
from app.core.enums import ExchangeStatus
from app.core.models import Exchange
from app.core.services.exchanges import search
from app.core.services.exchanges.search import ExchangeFilter

CJK = re.compile(r"[\u4e00-\u9fff]")
CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def test_the_demo_has_a_few_hundred_exchanges_of_every_kind_both_ways(demo_db):
    with demo_db.unit() as s:
        items = search.search_exchanges(s)
        assert 200 <= len(items) <= 400
        assert {x.from_code for x in items} == {"CN", "SU"}
        assert {x.meeting_ordinal for x in items} == {1, 2, None}
        assert all(CJK.search(x.title_zh) and CYRILLIC.search(x.title_ru) for x in items)
        counts = search.status_counts(s)
        assert all(counts[st] > 0 for st in ExchangeStatus)
        assert search.count_overdue(s) >= 10
        assert search.count_exchanges(s, ExchangeFilter(warranty="expiring")) >= 1
        assert search.count_exchanges(s, ExchangeFilter(warranty="expired")) >= 1
        balance = search.balance(s)
        assert all(balance.total.sent[side.id].items > 0 for side in balance.sides)
        assert all(x.warranty_months is None for x in items if not x.kind_enum.has_warranty)
        assert any(x.attachment_count for x in items)


def test_the_demo_is_deterministic_for_a_given_day(db, another_db):
    other = another_db()
    day = dt.date(2026, 3, 1)
    rows = []
    for database in (db, other):
        with database.unit() as s:
            build_demo(s, day)
        with database.unit() as s:
            table = Exchange.__table__
            cols = [c for c in table.columns if c.name not in ("created_at", "updated_at")]
            rows.append(s.execute(select(*cols).order_by(table.c.id)).all())
    assert rows[0] == rows[1] and len(rows[0]) > 200


def test_a_session_that_exchanges_refer_to_cannot_be_deleted(demo_db):
    import pytest

    from app.core.errors import ValidationError
    from app.core.services.agenda import sessions as meetings

    with pytest.raises(ValidationError) as info, demo_db.unit() as s:
        meetings.delete_meeting(s, meetings.meeting_by_ordinal(s, 2).id)
    assert "exchanges (" in info.value.message
    with demo_db.unit() as s:
        assert len(meetings.list_meetings(s)) == 2
