"""Segment operations, status rules, locking, revisions and decisions of the minutes."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.core.enums import DecisionStatus, RevisionAction, SegmentKind, SegmentPart, SegmentStatus
from app.core.errors import ValidationError
from app.core.models import Decision, Minutes
from app.core.services.minutes import edit as me
from app.core.services.minutes import records as ms
from tests.core.minutes_helpers import fill, new_minutes, texts

P = SegmentPart


@pytest.fixture
def mid(demo_db):
    return new_minutes(demo_db)[1]


def segs(db, minutes_id):
    with db.unit() as s:
        return ms.list_segments(s, minutes_id)


def test_insert_keeps_parts_contiguous_and_in_order(demo_db, mid):
    fill(demo_db, mid, [("结束", "Конец", P.CLOSING), ("序言", "Преамбула", P.PREAMBLE)])
    with demo_db.unit() as s:
        me.insert_segment(s, mid, 0, part=P.SECOND, text_zh="乙", text_ru="Б")  # clamped into place
        me.insert_segment(s, mid, None, part=P.JOINT, text_zh="共同", text_ru="Совместно")
        me.insert_segment(s, mid, 1, text_zh="接着", text_ru="Далее")  # joins the part before it
    got = segs(demo_db, mid)
    assert [(x.text_zh, x.part) for x in got] == [
        ("序言", P.PREAMBLE),
        ("接着", P.PREAMBLE),
        ("共同", P.JOINT),
        ("乙", P.SECOND),
        ("结束", P.CLOSING),
    ]
    assert [x.position for x in got] == list(range(5))
    assert all(x.status is SegmentStatus.DRAFT for x in got)


def test_every_save_keeps_a_revision_and_nothing_changed_writes_nothing(demo_db, mid):
    (sid,) = fill(demo_db, mid, [("", "")])
    with demo_db.unit() as s:
        me.save_texts(s, sid, "第一稿", None)
        me.save_texts(s, sid, None, "Первая редакция")
        me.save_texts(s, sid, "第一稿", "Первая редакция")  # unchanged
        history = ms.segment_history(s, sid)
    assert [h.action for h in history] == [RevisionAction.EDIT, RevisionAction.EDIT, RevisionAction.CREATE]
    assert history[0].text_zh == "第一稿" and history[0].text_ru == "Первая редакция"
    assert history[1].text_ru == "" and history[0].author


def test_texts_are_kept_exactly_as_typed(demo_db, mid):
    (sid,) = fill(demo_db, mid, [("", "")])
    typed = "  双方同意：\n\t一、…  "
    with demo_db.unit() as s:
        assert me.save_texts(s, sid, typed, "Стороны  ").text_zh == typed
    assert texts(demo_db, mid) == [(typed, "Стороны  ")]


def test_status_rules(demo_db, mid):
    a, b = fill(demo_db, mid, [("双方同意。", ""), ("双方同意。", "Стороны согласились.")])
    with demo_db.unit() as s:
        with pytest.raises(ValidationError) as e:
            me.set_status(s, a, SegmentStatus.TRANSLATED)
        assert e.value.field == "status"
        with pytest.raises(ValidationError):
            me.set_status(s, b, SegmentStatus.INITIALLED)  # only after "agreed"
        for st in (SegmentStatus.TRANSLATED, SegmentStatus.CHECKED, SegmentStatus.AGREED):
            assert me.set_status(s, b, st).status is st
        assert me.allowed_statuses(ms.get_segment(s, b))[-1] is SegmentStatus.INITIALLED
        # a change of text sends an agreed segment back to "translated"
        assert me.save_texts(s, b, "双方一致同意。").status is SegmentStatus.TRANSLATED
        me.set_status(s, b, SegmentStatus.AGREED)
        # emptying one side sends it back to draft
        assert me.save_texts(s, b, None, "").status is SegmentStatus.DRAFT


def test_initialled_segment_is_locked_until_reopened_with_a_reason(demo_db, mid):
    (sid,) = fill(demo_db, mid, [("双方同意。", "Стороны согласились.")])
    with demo_db.unit() as s:
        me.set_status(s, sid, SegmentStatus.AGREED)
        me.set_status(s, sid, SegmentStatus.INITIALLED)
    for action in (
        lambda s: me.save_texts(s, sid, "改动"),
        lambda s: me.set_status(s, sid, SegmentStatus.DRAFT),
        lambda s: me.split_segment(s, sid, 2, 3),
        lambda s: me.delete_segment(s, sid),
        lambda s: me.move_segment(s, sid, 1),
        lambda s: me.set_kind(s, sid, SegmentKind.HEADING),
    ):
        with pytest.raises(ValidationError, match="initialled"), demo_db.unit() as s:
            action(s)
    with demo_db.unit() as s:
        with pytest.raises(ValidationError) as e:
            me.reopen(s, sid, "   ")
        assert e.value.field == "reason"
        assert me.reopen(s, sid, "俄方要求修改措辞 / уточнение формулировки").status is SegmentStatus.AGREED
        last = ms.segment_history(s, sid)[0]
        assert last.action is RevisionAction.REOPEN and "уточнение" in last.reason
        assert me.save_texts(s, sid, "双方一致同意。").text_zh == "双方一致同意。"


def test_signed_minutes_change_nothing_but_decision_status(demo_db, mid):
    (sid,) = fill(demo_db, mid, [("决议", "Решение", P.JOINT, SegmentKind.DECISION)])
    with demo_db.unit() as s:
        s.get(Minutes, mid).locked = True
    with pytest.raises(ValidationError, match="signed"), demo_db.unit() as s:
        me.save_texts(s, sid, "改")
    with pytest.raises(ValidationError, match="signed"), demo_db.unit() as s:
        me.insert_segment(s, mid, None)
    with demo_db.unit() as s:
        assert me.save_decision(s, sid, status=DecisionStatus.DONE).status is DecisionStatus.DONE
    with pytest.raises(ValidationError), demo_db.unit() as s:
        me.save_decision(s, sid, agency1_zh="别的机构")


def test_split_at_the_cursor_and_undo(demo_db, mid):
    (sid,) = fill(demo_db, mid, [("双方同意。会议结束。", "Стороны согласились. Заседание закрыто.")])
    with demo_db.unit() as s:
        before = ms.get_segment(s, sid)
        first, second = me.split_segment(s, sid, 5, 21, new_uuid="split-uuid")
    assert (first.text_zh, first.text_ru) == ("双方同意。", "Стороны согласились.")
    assert (second.text_zh, second.text_ru) == ("会议结束。", "Заседание закрыто.")
    assert second.uuid == "split-uuid" and second.position == first.position + 1
    with demo_db.unit() as s:
        me.unsplit(s, first.id, second.id, before)
    assert texts(demo_db, mid) == [(before.text_zh, before.text_ru)]


def test_merge_and_unmerge(demo_db, mid):
    a, b, c = fill(demo_db, mid, [("甲。", "Первое."), ("乙。", "Второе."), ("丙", "Третье", P.SECOND)])
    with demo_db.unit() as s:
        me.set_status(s, a, SegmentStatus.AGREED)
        first_before = ms.get_segment(s, a)
        merged, snap = me.merge_segments(s, a, b)
    assert (merged.text_zh, merged.text_ru) == ("甲。乙。", "Первое. Второе.")
    assert merged.status is SegmentStatus.DRAFT  # the lower of the two
    with pytest.raises(ValidationError, match="different parts"), demo_db.unit() as s:
        me.merge_segments(s, a, c)
    with demo_db.unit() as s:
        me.unmerge(s, a, first_before, snap)
        again = ms.list_segments(s, mid)
    assert [(x.text_zh, x.uuid) for x in again][:2] == [
        ("甲。", first_before.uuid),
        ("乙。", snap.segment.uuid),
    ]
    with demo_db.unit() as s:
        assert [h.action for h in ms.segment_history(s, again[1].id)] == [RevisionAction.CREATE]


def test_move_swaps_within_a_part_and_crosses_part_edges(demo_db, mid):
    a, b, c = fill(demo_db, mid, [("甲", "А", P.JOINT), ("乙", "Б", P.JOINT), ("丙", "В", P.SECOND)])
    with demo_db.unit() as s:
        me.move_segment(s, b, -1)
        assert [x.text_zh for x in ms.list_segments(s, mid)] == ["乙", "甲", "丙"]
        me.move_segment(s, a, 1)  # the last of JOINT crosses into FIRST (empty)
        assert ms.get_segment(s, a).part is P.FIRST
        me.move_segment(s, a, 1)  # then into SECOND, before 丙
        got = ms.list_segments(s, mid)
        assert [(x.text_zh, x.part) for x in got] == [("乙", P.JOINT), ("甲", P.SECOND), ("丙", P.SECOND)]
        me.move_segment(s, c, -1)
        assert [x.text_zh for x in ms.list_segments(s, mid)] == ["乙", "丙", "甲"]
        me.place_segment(s, c, 0, P.PREAMBLE)
        assert [(x.text_zh, x.part) for x in ms.list_segments(s, mid)][0] == ("丙", P.PREAMBLE)
        with pytest.raises(ValidationError):
            me.move_segment(s, c, -1)


def test_delete_and_restore_bring_back_history_and_decision(demo_db, mid):
    a, d = fill(
        demo_db, mid, [("序", "Пре", P.PREAMBLE), ("决议甲", "Решение А", P.JOINT, SegmentKind.DECISION)]
    )
    with demo_db.unit() as s:
        me.save_texts(s, d, "决议甲。", "Решение А.")
        me.save_decision(s, d, agency1_zh="第二机械工业部", deadline=dt.date(1959, 6, 1))
        snap = me.delete_segment(s, d)
        assert s.execute(select(Decision).where(Decision.uuid == snap.segment.decision.uuid)).first() is None
    with demo_db.unit() as s:
        back = me.restore_segment(s, snap)
        assert back.uuid == snap.segment.uuid and back.decision.agency1_zh == "第二机械工业部"
        assert back.decision.deadline == dt.date(1959, 6, 1) and back.decision.number == 1
        assert len(ms.segment_history(s, back.id)) == 2
        dec = s.get(Decision, back.decision.id)
        assert (dec.text_zh, dec.text_ru) == ("决议甲。", "Решение А.")


def test_decisions_are_numbered_in_document_order(demo_db, mid):
    D = SegmentKind.DECISION
    ids = fill(demo_db, mid, [("一", "1", P.JOINT, D), ("二", "2", P.FIRST, D), ("三", "3", P.SECOND, D)])
    with demo_db.unit() as s:
        me.move_segment(s, ids[2], -1)  # crosses into FIRST, still after 二
        me.move_segment(s, ids[2], -1)  # before 二
        numbers = {x.text_zh: x.decision.number for x in ms.list_segments(s, mid)}
        assert numbers == {"一": 1, "三": 2, "二": 3}
        me.set_kind(s, ids[0], SegmentKind.PARAGRAPH)
        numbers = {x.text_zh: x.decision and x.decision.number for x in ms.list_segments(s, mid)}
        assert numbers == {"一": None, "三": 1, "二": 2}


def test_merge_refuses_a_decision_and_split_makes_the_rest_a_paragraph(demo_db, mid):
    a, d = fill(demo_db, mid, [("甲", "А"), ("决议", "Решение", P.JOINT, SegmentKind.DECISION)])
    with pytest.raises(ValidationError, match="decision"), demo_db.unit() as s:
        me.merge_segments(s, a, d)
    with demo_db.unit() as s:
        first, second = me.split_segment(s, d, 1, 3)
        assert first.kind is SegmentKind.DECISION and second.kind is SegmentKind.PARAGRAPH


def test_restore_revision(demo_db, mid):
    (sid,) = fill(demo_db, mid, [("旧文", "Старый текст")])
    with demo_db.unit() as s:
        me.save_texts(s, sid, "新文", "Новый текст")
        old = ms.segment_history(s, sid)[-1]
        back = me.restore_revision(s, sid, old.id)
        assert (back.text_zh, back.text_ru) == ("旧文", "Старый текст")
        assert ms.segment_history(s, sid)[0].action is RevisionAction.RESTORE


def test_agenda_item_must_belong_to_the_session(demo_db, mid):
    from app.core.models import AgendaItem

    (sid,) = fill(demo_db, mid, [("甲", "А")])
    with demo_db.unit() as s:
        other = s.execute(select(AgendaItem.id)).scalars().first()
    with pytest.raises(ValidationError) as e, demo_db.unit() as s:
        me.set_agenda_item(s, sid, other)
    assert e.value.field == "agenda_item_id"


def test_too_long_text_is_refused_and_nothing_saved(demo_db, mid):
    (sid,) = fill(demo_db, mid, [("甲", "А")])
    with pytest.raises(ValidationError) as e, demo_db.unit() as s:
        me.save_texts(s, sid, "字" * (me.MAX_TEXT + 1), "Б")
    assert e.value.field == "text_zh"
    assert texts(demo_db, mid) == [("甲", "А")]
