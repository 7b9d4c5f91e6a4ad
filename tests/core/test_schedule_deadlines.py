"""The programme by day with overlaps flagged, and the deadlines before a session."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from app.core.enums import AgendaStatus, DeadlineKind, DeadlineState, EventKind, MeetingStatus
from app.core.errors import ValidationError
from app.core.services.agenda import deadlines, schedule
from app.core.services.agenda import items as agenda
from app.core.services.agenda import sessions as meetings
from app.core.services.agenda.deadlines import Offsets
from app.core.services.agenda.schedule import EventForm
from tests.conftest import DEMO_TODAY
from tests.core.agenda_helpers import person_id, side_id, third_session, third_session_form

# --- schedule ----------------------------------------------------------------------------------


def test_the_demo_programme_has_every_kind_of_event_and_no_overlap(demo_db):
    with demo_db.unit() as s:
        for ordinal in (1, 2):
            m = meetings.meeting_by_ordinal(s, ordinal)
            sched = schedule.schedule(s, m.id)
            kinds = {e.event.kind for d in sched.days for e in d.entries if e.event}
            assert {EventKind.ARRIVAL, EventKind.SITE_VISIT, EventKind.RECEPTION, EventKind.SIGNING} <= kinds
            assert sched.overlaps == 0 and sched.unscheduled == ()
            assert sched.days[0].outside and sched.days[0].day == m.start_date - dt.timedelta(days=1)
            for d in sched.days:
                times = [e.start_time for e in d.entries]
                assert times == sorted(times)


def test_overlapping_slots_are_flagged(demo_db):
    with demo_db.unit() as s:
        m = meetings.meeting_by_ordinal(s, 2)
        items = agenda.list_items(s, m.id)
        second_day = m.start_date + dt.timedelta(days=1)
        visit = schedule.add_event(s, EventForm(
            m.id, EventKind.SITE_VISIT, title_ru="Посещение завода", day=second_day,
            start_time=dt.time(10, 30), duration_minutes=120,
        ))  # fmt: skip
        sched = schedule.schedule(s, m.id)
        flagged = sched.entry(f"event:{visit.id}")
        at_930 = next(i for i in items if i.day == second_day and i.start_time == dt.time(9, 30))
        at_1130 = next(i for i in items if i.day == second_day and i.start_time == dt.time(11, 30))
        assert set(flagged.overlaps) == {f"item:{at_930.id}", f"item:{at_1130.id}"}
        assert sched.entry(f"item:{at_930.id}").overlaps == (f"event:{visit.id}",)
        assert sched.overlaps == 3
        # slots that only touch do not overlap
        schedule.update_event(s, replace(_form(visit), start_time=dt.time(13, 0), duration_minutes=120))
        assert schedule.schedule(s, m.id).overlaps == 0


def _form(e) -> EventForm:
    return EventForm(e.meeting_id, e.kind, e.title_zh, e.title_ru, e.place_zh, e.place_ru, e.day,
                     e.start_time, e.duration_minutes, e.notes, e.id)  # fmt: skip


def test_withdrawn_and_unscheduled_items(demo_db):
    with demo_db.unit() as s:
        m = third_session(s)
        sched = schedule.schedule(s, m.id)
        assert [e.item.is_standing for e in sched.unscheduled] == [True] and sched.days == ()
        item = agenda.list_items(s, m.id)[0]
        agenda.update_item(s, agenda.AgendaItemForm(
            m.id, item.title_zh, item.title_ru, item.proposing_side_id, item.topic, None, m.start_date,
            dt.time(10, 0), 60, AgendaStatus.WITHDRAWN, id=item.id,
        ))  # fmt: skip
        assert schedule.schedule(s, m.id).unscheduled == ()


@pytest.mark.parametrize(
    "change, field",
    [
        (dict(kind="banquet"), "kind"),
        (dict(kind=EventKind.OTHER), "title_zh"),  # an "other" event says what it is
        (dict(day=None), "day"),
        (dict(day=dt.date(2031, 5, 1)), "day"),  # more than a week before the opening
        (dict(day=dt.date(2031, 5, 24)), "day"),
        (dict(duration_minutes=2), "duration_minutes"),
        (dict(start_time=dt.time(23, 0), duration_minutes=120), "duration_minutes"),
        (dict(place_ru="м" * 301), "place_ru"),
    ],
)
def test_bad_events_are_refused(demo_db, change, field):
    with demo_db.unit() as s:
        m = third_session(s)
        good = EventForm(m.id, EventKind.ARRIVAL, day=dt.date(2031, 5, 11), start_time=dt.time(15, 0))
        schedule.add_event(s, good)
        with pytest.raises(ValidationError) as info:
            schedule.add_event(s, replace(good, **change))
        assert info.value.field == field
        assert len(schedule.list_events(s, m.id)) == 1


def test_moving_a_session_away_from_its_events_is_refused(demo_db):
    with demo_db.unit() as s:
        m = third_session(s)
        schedule.add_event(s, EventForm(m.id, EventKind.ARRIVAL, day=dt.date(2031, 5, 11)))
        form = meetings.MeetingForm(
            ordinal=3, host_side_id=m.host_side_id, city_zh="北京", city_ru="Пекин",
            start_date=dt.date(2031, 6, 2), end_date=dt.date(2031, 6, 6), id=m.id,
        )  # fmt: skip
        with pytest.raises(ValidationError) as info:
            meetings.update_meeting(s, form)
        assert info.value.field == "start_date"


# --- deadlines ---------------------------------------------------------------------------------


def test_the_demo_deadlines(demo_db):
    with demo_db.unit() as s:
        m1, m2 = (meetings.meeting_by_ordinal(s, n) for n in (1, 2))
        first = deadlines.deadlines(s, m1.id, DEMO_TODAY)
        assert all(d.state is DeadlineState.DONE for d in first)
        second = {d.kind: d for d in deadlines.deadlines(s, m2.id, DEMO_TODAY)}
        assert second[DeadlineKind.NOTICE].state is DeadlineState.DONE
        assert second[DeadlineKind.CONFIRMATION].state is DeadlineState.DUE_SOON
        assert second[DeadlineKind.PREPARATORY].state is DeadlineState.AHEAD
        assert second[DeadlineKind.NOTICE].due == m2.start_date - dt.timedelta(days=30)
        assert second[DeadlineKind.CONFIRMATION].due == m2.start_date - dt.timedelta(days=15)
        assert second[DeadlineKind.PREPARATORY].due == m2.start_date - dt.timedelta(days=6)
        overview = {o.meeting.ordinal: o for o in deadlines.sessions_overview(s, DEMO_TODAY)}
        assert list(overview) == [2, 1]
        assert overview[2].next.kind == "deadline"
        assert overview[2].next.deadline.kind is DeadlineKind.CONFIRMATION
        assert overview[1].next.kind == "close" and overview[2].items == 11


def test_deadline_states_follow_the_calendar():
    start = dt.date(2031, 6, 30)
    offsets = Offsets()
    planned = MeetingStatus.PLANNED

    def state(today, done=None, status=planned):
        rows = deadlines.compute(start, status, done or {}, offsets, today)
        return rows[0].state  # the notice, due 31 May

    assert state(dt.date(2031, 5, 1)) is DeadlineState.AHEAD
    assert state(dt.date(2031, 5, 21)) is DeadlineState.DUE_SOON
    assert state(dt.date(2031, 5, 31)) is DeadlineState.DUE_SOON
    assert state(dt.date(2031, 6, 1)) is DeadlineState.LATE
    assert state(dt.date(2031, 6, 9), {DeadlineKind.NOTICE: (dt.date(2031, 5, 31), "")}) is DeadlineState.DONE
    assert (
        state(dt.date(2031, 6, 9), {DeadlineKind.NOTICE: (dt.date(2031, 6, 2), "")})
        is DeadlineState.DONE_LATE
    )
    assert state(dt.date(2031, 7, 9), status=MeetingStatus.HELD) is DeadlineState.SKIPPED


def test_recording_steps_moves_the_status_forward_and_back(demo_db):
    with demo_db.unit() as s:
        m = third_session(s)
        today = m.start_date - dt.timedelta(days=20)
        rows = deadlines.record_done(s, m.id, DeadlineKind.NOTICE, today - dt.timedelta(days=11), today)
        assert rows[0].state is DeadlineState.DONE
        assert meetings.get_meeting(s, m.id).status is MeetingStatus.MEMORANDUM_SENT
        deadlines.record_done(s, m.id, DeadlineKind.CONFIRMATION, today, today)
        assert meetings.get_meeting(s, m.id).status is MeetingStatus.CONFIRMED
        deadlines.record_done(s, m.id, DeadlineKind.PREPARATORY, today, today)
        assert meetings.get_meeting(s, m.id).status is MeetingStatus.CONFIRMED
        deadlines.record_done(s, m.id, DeadlineKind.CONFIRMATION, None, today)  # taken back
        assert meetings.get_meeting(s, m.id).status is MeetingStatus.MEMORANDUM_SENT
        with pytest.raises(ValidationError) as info:
            deadlines.record_done(s, m.id, DeadlineKind.CONFIRMATION, today + dt.timedelta(days=1), today)
        assert info.value.field == "done_on"


def test_the_offsets_are_settings(demo_db):
    with demo_db.unit() as s:
        assert deadlines.get_offsets(s) == Offsets(30, 15, 6, 10)
        deadlines.set_offsets(s, Offsets(45, 20, 7, 5))
    with demo_db.unit() as s:
        m2 = meetings.meeting_by_ordinal(s, 2)
        rows = deadlines.deadlines(s, m2.id, DEMO_TODAY)
        assert rows[0].due == m2.start_date - dt.timedelta(days=45)
        for bad, field in [(Offsets(10, 15, 6, 10), "notice"), (Offsets(30, 6, 6, 10), "confirmation"),
                           (Offsets(30, 15, -1, 10), "preparatory"), (Offsets(400, 15, 6, 10), "notice")]:  # fmt: skip
            with pytest.raises(ValidationError) as info:
                deadlines.set_offsets(s, bad)
            assert info.value.field == field
        assert deadlines.get_offsets(s) == Offsets(45, 20, 7, 5)


def test_issuing_the_memorandum_needs_both_heads_and_an_agenda(demo_db):
    with demo_db.unit() as s:
        m = meetings.create_meeting(s, third_session_form(s), standing_item=False)
        today = m.start_date - dt.timedelta(days=35)
        with pytest.raises(ValidationError) as info:
            deadlines.issue_memorandum(s, m.id, today)
        assert info.value.field == "heads"
        meetings.add_member(s, m.id, side_id(s, "CN"), person_id(s, "Wang Zhenguo"), "head")
        meetings.add_member(s, m.id, side_id(s, "SU"), person_id(s, "A. P. Gromov"), "head")
        with pytest.raises(ValidationError) as info:
            deadlines.issue_memorandum(s, m.id, today)
        assert "empty" in info.value.message
        agenda.add_standing_item(s, m.id)
        rows = deadlines.issue_memorandum(s, m.id, today)
        assert rows[0].done_on == today and rows[0].state is DeadlineState.DONE
        assert meetings.get_meeting(s, m.id).status is MeetingStatus.MEMORANDUM_SENT
