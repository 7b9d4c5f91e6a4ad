"""Helpers for the minutes tests: a fresh session of the demo commission with empty minutes."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.core.models import Meeting, Side
from app.core.services.minutes import edit as me
from app.core.services.minutes import records as ms


def new_minutes(db, ordinal: int = 90) -> tuple[int, int]:
    """(meeting id, minutes id) of a new session with no segments."""
    with db.unit() as s:
        side = s.execute(select(Side).order_by(Side.position)).scalars().first()
        m = Meeting(
            ordinal=ordinal,
            host_side_id=side.id,
            city_zh="北京",
            city_ru="Пекин",
            start_date=dt.date(1959, 3, 2),
            end_date=dt.date(1959, 3, 6),
        )
        s.add(m)
        s.flush()
        return m.id, ms.ensure_minutes(s, m.id).id


def fill(db, minutes_id: int, rows) -> list[int]:
    """Append segments given as (zh, ru) or (zh, ru, part) or (zh, ru, part, kind); their ids."""
    ids = []
    with db.unit() as s:
        for row in rows:
            zh, ru, *rest = row
            kw = {}
            if rest:
                kw["part"] = rest[0]
            if len(rest) > 1:
                kw["kind"] = rest[1]
            ids.append(me.insert_segment(s, minutes_id, None, text_zh=zh, text_ru=ru, **kw).id)
    return ids


def texts(db, minutes_id: int) -> list[tuple[str, str]]:
    with db.unit() as s:
        return [(x.text_zh, x.text_ru) for x in ms.list_segments(s, minutes_id)]
