"""The decisions register: status and overdue rules, superseding, decisions taken between sessions,
follow-up notes, filters, and what the report on implementation contains."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.core.changes import Change, declared_changes
from app.core.enums import DecisionStatus
from app.core.errors import ValidationError
from app.core.models import Decision, Meeting, Segment
from app.core.services.decisions import records as service
from app.core.services.decisions import report
from app.core.services.decisions.records import DecisionFilter, DecisionInput, NoteInput

TODAY = dt.date(1958, 9, 1)


@pytest.fixture
def sessions(db):
    from tests.core.expense_setup import add_session, setup_commission

    with db.unit() as s:
        sides = setup_commission(s)
        first = add_session(s, sides, 1, "CN", start=dt.date(1958, 6, 2))
        second = add_session(s, sides, 2, "SU", start=dt.date(1958, 12, 1))
        for n, (deadline, status) in enumerate(
            [(dt.date(1958, 8, 1), "open"), (dt.date(1958, 10, 1), "in_progress"),
             (dt.date(1958, 7, 1), "done"), (None, "open")], start=1):  # fmt: skip
            s.add(Decision(meeting_id=first, number=n, text_zh=f"决定{n}", text_ru=f"Решение {n}",
                           agency1_zh="第二机械工业部" if n != 4 else "", agency1_ru="Второе министерство",
                           agency2_zh="苏联国防工业部", agency2_ru="Министерство оборонной промышленности",
                           deadline=deadline, status=status))  # fmt: skip
    return first, second


def ids(db, meeting_id):
    with db.unit() as s:
        return {d.number: d.id for d in s.execute(select(Decision).where(Decision.meeting_id == meeting_id)).scalars()}


def test_overdue_is_derived_from_the_deadline_and_never_for_a_closed_decision(db, sessions):
    first, _second = sessions
    with db.unit() as s:
        rows = {d.number: d for d in service.list_decisions(s, DecisionFilter(meeting_id=first))}
    assert rows[1].overdue(TODAY) and rows[1].days_overdue(TODAY) == 31
    assert not rows[2].overdue(TODAY)  # deadline still ahead
    assert not rows[3].overdue(TODAY)  # carried out: never late
    assert not rows[4].overdue(TODAY)  # no deadline
    assert rows[2].overdue(dt.date(1958, 10, 2))


def test_filters_by_status_side_agency_overdue_and_due_within(db, sessions):
    first, _second = sessions

    def numbers(**kw):
        with db.unit() as s:
            return [d.number for d in service.list_decisions(s, DecisionFilter(today=TODAY, **kw))]

    assert numbers(meeting_id=first) == [1, 2, 3, 4]
    assert numbers(status=DecisionStatus.DONE) == [3]
    assert numbers(overdue=True) == [1]
    assert numbers(due_within=29) == [1]  # overdue ones are due too
    assert numbers(due_within=30) == [1, 2]
    assert numbers(agency="第二机械") == [1, 2, 3]
    assert numbers(agency="оборонной", side=1) == []
    assert numbers(agency="оборонной", side=2) == [1, 2, 3, 4]
    assert numbers(text="Решение 2") == [2]


def test_superseding_needs_a_later_decision_and_another_status_forgets_it(db, sessions):
    first, second = sessions
    with db.unit() as s:
        later = service.add_decision(s, DecisionInput(meeting_id=second, text_zh="新决定", text_ru="Новое решение",
                                                      decided_on=dt.date(1958, 8, 20)))  # fmt: skip
    assert later.between_sessions and later.number == 1 and later.ordinal == 2
    by_number = ids(db, first)
    with db.unit() as s:
        with pytest.raises(ValidationError) as info:
            service.supersede(s, later.id, by_number[1])  # an earlier one cannot supersede a later one
        assert info.value.field == "superseded_by_id"
        with pytest.raises(ValidationError):
            service.update_decision(s, by_number[1], DecisionInput(meeting_id=first, text_zh="决定1",
                                    text_ru="Решение 1", status=DecisionStatus.SUPERSEDED))  # fmt: skip
        d = service.supersede(s, by_number[1], later.id)
    assert d.status is DecisionStatus.SUPERSEDED and d.superseded_by == (2, 1) and d.closed
    assert not d.overdue(TODAY)
    with db.unit() as s:
        d = service.get_decision(s, by_number[1])
        d = service.update_decision(s, d.id, DecisionInput(meeting_id=first, text_zh=d.text_zh, text_ru=d.text_ru,
                                                           status=DecisionStatus.OPEN, superseded_by_id=later.id))  # fmt: skip
    assert d.superseded_by_id is None and d.status is DecisionStatus.OPEN


def test_a_decision_the_minutes_hold_keeps_its_text(db, sessions):
    first, _second = sessions
    by_number = ids(db, first)
    with db.unit() as s:
        s.add(Segment(minutes_id=_minutes(s, first), position=0, part="joint", kind="decision",
                      text_zh="决定1", text_ru="Решение 1", decision_id=by_number[1]))  # fmt: skip
    with db.unit() as s:
        d = service.get_decision(s, by_number[1])
        assert d.in_minutes
        with pytest.raises(ValidationError) as info:
            service.update_decision(s, d.id, DecisionInput(meeting_id=first, text_zh="改了", text_ru=d.text_ru))
        assert info.value.field == "text_zh"
        with pytest.raises(ValidationError):
            service.delete_decision(s, d.id)
        saved = service.update_decision(s, d.id, DecisionInput(meeting_id=first, text_zh=d.text_zh, text_ru=d.text_ru,
                                                               agency1_zh="新部", status="in_progress"))  # fmt: skip
    assert saved.agency1_zh == "新部" and saved.status is DecisionStatus.IN_PROGRESS


def _minutes(s, meeting_id: int) -> int:
    from app.core.models import Minutes

    m = Minutes(meeting_id=meeting_id)
    s.add(m)
    s.flush()
    return m.id


def test_between_sessions_decisions_need_a_text_and_can_be_deleted(db, sessions):
    _first, second = sessions
    with db.unit() as s:
        with pytest.raises(ValidationError) as info:
            service.add_decision(s, DecisionInput(meeting_id=second))
        assert info.value.field == "text_zh"
    with db.unit() as s:
        d = service.add_decision(s, DecisionInput(meeting_id=second, text_ru="Решение председателей"))
        service.add_note(s, d.id, NoteInput(dt.date(1958, 9, 1), text_ru="Письмо направлено"))
    with db.unit() as s:
        service.delete_decision(s, d.id)
        assert s.get(Decision, d.id) is None


def test_follow_up_notes_are_dated_and_need_a_text(db, sessions):
    first, _second = sessions
    by_number = ids(db, first)
    with db.unit() as s:
        with pytest.raises(ValidationError) as info:
            service.add_note(s, by_number[2], NoteInput(None, text_zh="x"))
        assert info.value.field == "noted_on"
        with pytest.raises(ValidationError):
            service.add_note(s, by_number[2], NoteInput(TODAY, "  ", ""))
    with db.unit() as s:
        service.add_note(s, by_number[2], NoteInput(dt.date(1958, 8, 15), text_zh="已交第一批", text_ru="Передана первая партия"))
        service.add_note(s, by_number[2], NoteInput(dt.date(1958, 7, 15), text_ru="Начата подготовка"))
        d = service.get_decision(s, by_number[2])
    assert [n.noted_on.day for n in d.notes] == [15, 15] and d.last_note.text("zh") == "已交第一批"


def test_every_write_says_it_changes_the_decisions():
    for fn in (service.add_decision, service.update_decision, service.supersede, service.delete_decision,
               service.add_note, service.update_note, service.delete_note):  # fmt: skip
        assert declared_changes(fn) == {Change.DECISIONS}


def test_the_report_holds_every_open_decision_of_earlier_sessions_and_those_between_sessions(db, sessions):
    first, second = sessions
    with db.unit() as s:
        between = service.add_decision(s, DecisionInput(meeting_id=second, text_ru="Решение между сессиями"))
        data = report.implementation(s, second, as_of=TODAY)
        first_report = report.implementation(s, first, as_of=TODAY)
    assert [(d.ordinal, d.number) for d in data.decisions] == [(1, 1), (1, 2), (1, 4), (2, between.number)]
    assert [d.number for d in data.late] == [1]
    assert first_report.decisions == ()
    assert data.sides("ru")[0].code == "SU" and data.sides("zh")[0].code == "CN"  # alternat
    with db.unit() as s:
        s.get(Meeting, second)  # the fingerprint depends on the content only
        assert report.implementation(s, second, as_of=TODAY).fingerprint == data.fingerprint


def test_a_decision_taken_between_sessions_is_appended_to_the_next_protocol(demo_db):
    from app.core.models import Minutes
    from app.core.services.agenda import sessions as meetings

    with demo_db.unit() as s:
        second = meetings.meeting_by_ordinal(s, 2).id
        waiting = service.awaiting_protocol(s, second)
        assert len(waiting) == 2  # the demo's two decisions between sessions
        minutes_id = s.query(Minutes).filter_by(meeting_id=second).one().id
        seg = service.append_to_minutes(s, minutes_id, waiting[0].id)
        assert seg.kind.value == "decision" and seg.decision.id == waiting[0].id
        assert seg.text_ru == waiting[0].text_ru
        assert [d.id for d in service.awaiting_protocol(s, second)] == [waiting[1].id]
        with pytest.raises(ValidationError):
            service.append_to_minutes(s, minutes_id, waiting[0].id)  # already in the minutes
        numbers = sorted(d.number for d in service.list_decisions(s, DecisionFilter(meeting_id=second)))
        assert numbers == list(range(1, len(numbers) + 1))
