"""The demo minutes: the first session complete and agreed, the second in progress."""

from __future__ import annotations

from sqlalchemy import select

from app.core.enums import SegmentKind, SegmentPart, SegmentStatus
from app.core.models import Decision
from app.core.services.agenda.sessions import meeting_by_ordinal
from app.core.services.minutes import glossary
from app.core.services.minutes import records as ms
from app.core.services.minutes.checks import CheckCode, check_meeting


def test_first_session_minutes_are_complete_agreed_and_pass_the_checks(demo_db):
    with demo_db.unit() as s:
        meeting = meeting_by_ordinal(s, 1)
        doc = ms.read_document(s, meeting.id)
        report = check_meeting(s, meeting.id)
        decisions = {
            d.id: d for d in s.execute(select(Decision).where(Decision.meeting_id == meeting.id)).scalars()
        }
    assert 28 <= len(doc.segments) <= 40
    assert {x.status for x in doc.segments} == {SegmentStatus.INITIALLED}
    assert [p for p, _ in doc.parts()] == list(SegmentPart)
    assert report.passed and report.findings == () and report.not_agreed == 0
    linked = doc.decisions
    assert [x.decision.number for x in linked] == list(range(1, 9))
    for x in linked:
        d = decisions[x.decision.id]
        assert (x.text_zh, x.text_ru) == (d.text_zh, d.text_ru)
        assert x.agenda_item_id == d.agenda_item_id
    assert doc.segments[-1].part is SegmentPart.CLOSING and "两份" in doc.segments[-1].text_zh


def test_second_session_minutes_are_in_progress_with_one_finding(demo_db):
    with demo_db.unit() as s:
        meeting = meeting_by_ordinal(s, 2)
        doc = ms.read_document(s, meeting.id)
        report = check_meeting(s, meeting.id)
        history = ms.segment_history(s, next(x.id for x in doc.segments if "8项决议" in x.text_zh))
    assert {x.status for x in doc.segments} == set(SegmentStatus)
    assert [f.code for f in report.findings] == [CheckCode.NUMBERS]
    assert doc.segments[report.findings[0].index].kind is SegmentKind.DECISION
    assert any(h.reason for h in history), "the reopened segment keeps its reason"


def test_glossary_has_some_twenty_five_pairs(demo_db):
    with demo_db.unit() as s:
        terms = glossary.list_terms(s)
    assert len(terms) >= 25
    assert all(t.zh and t.ru for t in terms)
