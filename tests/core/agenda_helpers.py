"""Shared helpers of the agenda tests: the demo's ids by name, a third session to work on."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.core.models import Person, Side
from app.core.services.agenda import sessions as meetings
from app.core.services.agenda.sessions import MeetingForm


def side_id(s, code: str) -> int:
    return s.execute(select(Side.id).where(Side.code == code)).scalar_one()


def person_id(s, name_latin: str) -> int:
    return s.execute(select(Person.id).where(Person.name_latin == name_latin)).scalar_one()


def third_session_form(s, **kw) -> MeetingForm:
    start = kw.pop("start_date", dt.date(2031, 5, 12))
    values = dict(
        ordinal=3,
        host_side_id=side_id(s, "CN"),
        city_zh="北京",
        city_ru="Пекин",
        venue_zh="人民大会堂",
        venue_ru="Дом народных собраний",
        start_date=start,
        end_date=start + dt.timedelta(days=4),
    )
    values.update(kw)
    return MeetingForm(**values)


def third_session(s, **kw):
    return meetings.create_meeting(s, third_session_form(s, **kw))
