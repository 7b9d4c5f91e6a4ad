"""The minutes model: one row per session, segments in order, revisions, plain-data reading."""

from __future__ import annotations

import pytest

from app.core.enums import MinutesStatus, SegmentKind, SegmentPart, SegmentStatus
from app.core.errors import NotFoundError
from app.core.models import Segment, SegmentRevision
from app.core.services.minutes import records as ms


def test_ensure_minutes_creates_one_row_per_session(demo_db):
    with demo_db.unit() as s:
        from app.core.services.agenda.sessions import meeting_by_ordinal

        m2 = meeting_by_ordinal(s, 2).id
        first = ms.get_minutes(s, m2) or ms.ensure_minutes(s, m2)
        again = ms.ensure_minutes(s, m2)
        assert first.id == again.id
        assert again.status is MinutesStatus.DRAFT and not again.locked


def test_read_document_gives_plain_segments_in_order(demo_db):
    from app.core.services.agenda.sessions import meeting_by_ordinal

    with demo_db.unit() as s:
        mid = meeting_by_ordinal(s, 2).id
        minutes = ms.ensure_minutes(s, mid)
        s.query(Segment).filter_by(minutes_id=minutes.id).delete()
        for pos, (part, zh, ru) in enumerate(
            [(SegmentPart.SECOND, "乙", "Б"), (SegmentPart.PREAMBLE, "甲", "А")]
        ):
            seg = Segment(minutes_id=minutes.id, position=pos * 10, part=part.value, text_zh=zh, text_ru=ru)
            s.add(seg)
            s.flush()
            s.add(SegmentRevision(segment_id=seg.id, text_zh=zh, text_ru=ru, author="tester"))
    with demo_db.unit() as s:
        doc = ms.read_document(s, mid)
        assert [seg.text_zh for seg in doc.segments] == ["乙", "甲"]
        first = doc.segments[0]
        assert first.kind is SegmentKind.PARAGRAPH and first.status is SegmentStatus.DRAFT
        assert [p for p, _segs in doc.parts()] == [SegmentPart.SECOND, SegmentPart.PREAMBLE]
        history = ms.segment_history(s, first.id)
        assert history[0].author == "tester" and history[0].text_ru == "Б"


def test_missing_minutes_and_segments_are_reported(db):
    with db.unit() as s:
        assert ms.get_minutes(s, 12345) is None
        with pytest.raises(NotFoundError):
            ms.get_segment(s, 1)
        with pytest.raises(NotFoundError):
            ms.ensure_minutes(s, 12345)
