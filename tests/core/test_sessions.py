"""Sessions and delegations: create, edit, delete, and every rule that refuses bad input."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.core.enums import DelegationRole, MeetingStatus
from app.core.errors import ValidationError
from app.core.models import Attachment, Meeting, MeetingDeadline, ScheduleEvent
from app.core.services.agenda import items as agenda
from app.core.services.agenda import sessions as meetings
from tests.core.agenda_helpers import person_id, side_id, third_session, third_session_form


def test_a_new_session_opens_with_the_standing_report_item(demo_db):
    with demo_db.unit() as s:
        m = third_session(s)
        assert m.ordinal == 3 and m.status is MeetingStatus.PLANNED
        assert m.city("zh") == "北京" and m.venue("ru") == "Дом народных собраний"
        items = agenda.list_items(s, m.id)
        assert len(items) == 1
        first = items[0]
        assert first.is_standing and first.number == 1
        assert first.title_zh == "关于上次会议决议执行情况的报告"
        assert first.title_ru == "Доклад о ходе выполнения решений предыдущего заседания"
        assert first.proposing_side_id == side_id(s, "CN")
        assert [x.ordinal for x in meetings.list_meetings(s)] == [3, 2, 1]  # newest first
        assert meetings.next_ordinal(s) == 4


def test_a_session_without_the_standing_item(demo_db):
    with demo_db.unit() as s:
        m = meetings.create_meeting(s, third_session_form(s), standing_item=False)
        assert agenda.list_items(s, m.id) == []


@pytest.mark.parametrize(
    "change, field",
    [
        (dict(ordinal=2), "ordinal"),  # exists
        (dict(ordinal=0), "ordinal"),
        (dict(ordinal=None), "ordinal"),
        (dict(host_side_id=None), "host_side_id"),
        (dict(host_side_id=999), "host_side_id"),
        (dict(city_zh="  "), "city_zh"),
        (dict(city_ru=""), "city_ru"),
        (dict(start_date=None), "start_date"),
        (dict(end_date=None), "end_date"),
        (dict(end_date=dt.date(2031, 5, 11)), "end_date"),  # before the start
        (dict(end_date=dt.date(2031, 7, 1)), "end_date"),  # far too long
        (dict(status="adjourned"), "status"),
    ],
)
def test_bad_sessions_are_refused_and_nothing_is_saved(demo_db, change, field):
    with pytest.raises(ValidationError) as info, demo_db.unit() as s:
        meetings.create_meeting(s, replace(third_session_form(s), **change))
    assert info.value.field == field
    assert info.value.message  # a readable message
    with demo_db.unit() as s:
        assert s.execute(select(func.count(Meeting.id))).scalar_one() == 2


def test_the_ordinal_clash_message_names_the_number(demo_db):
    with pytest.raises(ValidationError) as info, demo_db.unit() as s:
        meetings.create_meeting(s, replace(third_session_form(s), ordinal=1))
    assert "1" in info.value.message and "already" in info.value.message


def test_editing_a_session(demo_db):
    with demo_db.unit() as s:
        m = third_session(s)
        form = replace(third_session_form(s), id=m.id, city_ru="  Пекин ", venue_ru="гостиница «Пекин»",
                       status=MeetingStatus.CONFIRMED, notes="  перенесено  ")  # fmt: skip
        m2 = meetings.update_meeting(s, form)
        assert m2.venue_ru == "гостиница «Пекин»" and m2.city_ru == "Пекин" and m2.notes == "перенесено"
        assert m2.status is MeetingStatus.CONFIRMED
        # keeping its own ordinal is not a clash
        assert meetings.update_meeting(s, replace(form, ordinal=3)).ordinal == 3


def test_moving_a_session_is_refused_while_items_would_fall_outside(demo_db):
    with demo_db.unit() as s:
        m2 = meetings.meeting_by_ordinal(s, 2)
        form = meetings.MeetingForm(
            ordinal=2, host_side_id=m2.host_side_id, city_zh=m2.city_zh, city_ru=m2.city_ru,
            start_date=m2.start_date + dt.timedelta(days=30), end_date=m2.end_date + dt.timedelta(days=30),
            status=m2.status, id=m2.id,
        )  # fmt: skip
        with pytest.raises(ValidationError) as info:
            meetings.update_meeting(s, form)
        assert info.value.field == "start_date" and "move them first" in info.value.message


def _unlink_other_registers(s, meeting_id: int) -> None:
    """Remove what other registers (exchanges, expenses…) keep about a session, so that the
    session itself can be deleted (their refusal is tested on its own)."""
    from app.core.models import Base

    meetings_t = Base.metadata.tables["meetings"]
    items_t = Base.metadata.tables["agenda_items"]
    item_ids = select(items_t.c.id).where(items_t.c.meeting_id == meeting_id)
    for table in reversed(Base.metadata.sorted_tables):
        if table.name in meetings._OWNED_TABLES:
            continue
        for fk in table.foreign_keys:
            if fk.column.table is meetings_t:
                match = fk.parent == meeting_id
            elif fk.column.table is items_t:
                match = fk.parent.in_(item_ids)
            else:
                continue
            if fk.parent.nullable:
                s.execute(table.update().where(match).values({fk.parent.name: None}))
            else:
                s.execute(table.delete().where(match))


def test_deleting_a_session_takes_its_agenda_programme_and_materials_along(demo_db):

    with demo_db.unit() as s:
        m2 = meetings.meeting_by_ordinal(s, 2)
        _unlink_other_registers(s, m2.id)
        meetings.delete_meeting(s, m2.id)
    with demo_db.unit() as s:
        assert [m.ordinal for m in meetings.list_meetings(s)] == [1]
        assert (
            s.execute(select(func.count(ScheduleEvent.id)).where(ScheduleEvent.meeting_id == m2.id)).scalar()
            == 0
        )
        assert (
            s.execute(
                select(func.count(MeetingDeadline.id)).where(MeetingDeadline.meeting_id == m2.id)
            ).scalar()
            == 0
        )
        owners = {
            a.owner_id for a in s.execute(select(Attachment)).scalars() if a.owner_kind == "agenda_item"
        }
        session1_items = {i.id for i in agenda.list_items(s, meetings.meeting_by_ordinal(s, 1).id)}
        assert owners <= session1_items  # only the first session's materials are left


def test_deleting_a_session_with_decisions_is_refused(demo_db):
    with pytest.raises(ValidationError) as info, demo_db.unit() as s:
        meetings.delete_meeting(s, meetings.meeting_by_ordinal(s, 1).id)
    assert "decisions" in info.value.message
    with demo_db.unit() as s:
        assert len(meetings.list_meetings(s)) == 2


# --- delegations -----------------------------------------------------------------------------


def test_building_a_delegation(demo_db):
    with demo_db.unit() as s:
        m = third_session(s)
        cn, su = side_id(s, "CN"), side_id(s, "SU")
        head = meetings.add_member(s, m.id, cn, person_id(s, "Wang Zhenguo"), DelegationRole.HEAD)
        meetings.add_member(s, m.id, cn, person_id(s, "Liu Shuzhen"), "secretary")
        meetings.add_member(s, m.id, su, person_id(s, "A. P. Gromov"), DelegationRole.HEAD)
        assert head.role is DelegationRole.HEAD and head.name("zh") == "王振国"
        ms = meetings.members(s, m.id, cn)
        assert [x.name_latin for x in ms] == ["Wang Zhenguo", "Liu Shuzhen"]
        assert set(meetings.check_heads(s, m.id)) == {cn, su}
        changed = meetings.set_member_role(s, ms[1].id, DelegationRole.INTERPRETER)
        assert changed.role is DelegationRole.INTERPRETER


def test_delegation_rules(demo_db):
    with demo_db.unit() as s:
        m = third_session(s)
        cn, su = side_id(s, "CN"), side_id(s, "SU")
        wang, li = person_id(s, "Wang Zhenguo"), person_id(s, "Li Wenhua")
        meetings.add_member(s, m.id, cn, wang, DelegationRole.HEAD)
        for args, field, words in [
            ((cn, wang, DelegationRole.MEMBER), "person_id", "already"),  # sits twice
            ((su, li, DelegationRole.MEMBER), "person_id", "other side"),  # wrong side
            ((cn, li, DelegationRole.HEAD), "role", "already has a head"),  # two heads
            ((cn, None, DelegationRole.MEMBER), "person_id", "Choose"),
            ((cn, li, "chairman"), "role", "role"),
        ]:
            with pytest.raises(ValidationError) as info:
                meetings.add_member(s, m.id, *args)
            assert info.value.field == field and words in info.value.message, args
        li_member = meetings.add_member(s, m.id, cn, li, DelegationRole.DEPUTY_HEAD)
        with pytest.raises(ValidationError):
            meetings.set_member_role(s, li_member.id, DelegationRole.HEAD)
        with pytest.raises(ValidationError) as info:
            meetings.check_heads(s, m.id)
        assert info.value.field == "heads" and ("USSR" in info.value.message or "СССР" in info.value.message)


def test_a_presenter_cannot_leave_the_delegation(demo_db):
    with demo_db.unit() as s:
        m2 = meetings.meeting_by_ordinal(s, 2)
        wang = next(x for x in meetings.members(s, m2.id) if x.name_latin == "Wang Zhenguo")
        with pytest.raises(ValidationError) as info:
            meetings.remove_member(s, wang.id)
        assert "presents agenda items 1, 11" in info.value.message
        zhao = next(x for x in meetings.members(s, m2.id) if x.name_latin == "Zhao Mingyuan")
        meetings.remove_member(s, zhao.id)
        assert zhao.id not in {x.id for x in meetings.members(s, m2.id)}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(start=st.dates(dt.date(1950, 1, 1), dt.date(2100, 1, 1)), length=st.integers(-40, 40))
def test_dates_are_accepted_exactly_when_the_session_lasts_one_to_31_days(demo_db, start, length):
    with demo_db.unit() as s:
        form = third_session_form(s, start_date=start, end_date=start + dt.timedelta(days=length))
        try:
            meetings.validate_meeting(s, form)
            ok = True
        except ValidationError as exc:
            ok = False
            assert exc.field == "end_date"
    assert ok == (0 <= length <= 30)
