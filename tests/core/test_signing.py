"""Signing the minutes: canonical content and fingerprint, readiness, recording, the lock."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from app.core.enums import MeetingStatus, MinutesStatus, SegmentKind, SegmentPart, SegmentStatus
from app.core.errors import ValidationError
from app.core.models import Decision, Meeting, Minutes, Person, Segment
from app.core.services.minutes import content as mc
from app.core.services.minutes import edit as minutes_edit
from app.core.services.minutes import signing
from tests.core.signing_helpers import drop_guards, heads, make_minutes

P, K = SegmentPart, SegmentKind
SMALL = [
    (P.PREAMBLE, K.PARAGRAPH, "会议于北京举行。", "Заседание состоялось в Пекине."),
    (P.JOINT, K.DECISION, "双方交换120项技术条件。", "Стороны обмениваются 120 техническими условиями."),
    (P.FIRST, K.DECISION, "苏方派遣专家25名。", "Советская сторона направляет 25 специалистов."),
]


def _fields(db, meeting_id, **kw) -> mc.SigningFields:
    with db.unit() as s:
        f = mc.signing_defaults(s, meeting_id)
    return replace(f, **kw)


def _sign(db, meeting_id, **kw):
    with db.unit() as s:
        return signing.record_signing(s, meeting_id, _fields(db, meeting_id, **kw))


# --- canonical content -----------------------------------------------------------------------


def test_the_canonical_content_is_sorted_compact_json_and_the_fingerprint_its_sha256(demo_db):
    mid, _ = make_minutes(demo_db, rows=SMALL)
    with demo_db.unit() as s:
        c = mc.build_content(s, mid)
    data = mc.canonical_bytes(c)
    obj = json.loads(data)
    assert data == json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    assert obj["format"] == "commission-desk/minutes/1"
    assert [s["decision"] for s in obj["segments"]] == [None, 1, 2]
    assert obj["signing"]["place"] == {"zh": "北京", "ru": "Пекине"}
    assert [p["side"] for p in obj["signing"]["signatories"]] == ["CN", "SU"]
    assert obj["delegations"][0]["role"] == "head"
    assert mc.fingerprint(c) == hashlib.sha256(data).hexdigest()
    assert mc.from_json(obj) == c
    assert mc.short_fingerprint("3f9a06c2b1d477e0" + "0" * 48) == "3F9A 06C2 B1D4 77E0"


def _content() -> mc.MinutesContent:
    bi = mc.Bi
    side = mc.SideInfo(1, "CN", "zh", bi("中华人民共和国", "КНР"), bi("中国", "КНР"), bi("政府", "Правительство"),
                       bi("代表团", "Делегация"))  # fmt: skip
    other = replace(side, position=2, code="SU", language="ru")
    person = mc.PersonInfo("CN", bi("王", "Ван"), bi("副部长", "замминистра"), bi("部", "министерство"))
    return mc.MinutesContent(
        commission=bi("委员会", "Комиссия"), ordinal=1, host="CN", city=bi("北京", "Пекин"), venue=bi(),
        start=dt.date(1958, 3, 3), end=dt.date(1958, 3, 7), sides=(side, other), delegations=(person,),
        segments=tuple(mc.ContentSegment(p, k, bi(zh, ru), n) for (p, k, zh, ru), n in zip(SMALL, (None, 1, 2), strict=True)),
        signing=mc.SigningInfo(dt.date(1958, 3, 7), bi("北京", "Пекине"), (person, None)),
    )  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(index=hs.integers(0, 2), lang=hs.sampled_from(["zh", "ru"]), extra=hs.text(min_size=1, max_size=5))
def test_any_change_of_a_text_changes_the_fingerprint(index, lang, extra):
    c = _content()
    seg = c.segments[index]
    changed_text = replace(seg.text, **{lang: seg.text.get(lang) + extra})
    changed = replace(c, segments=tuple(replace(x, text=changed_text) if x is seg else x for x in c.segments))
    assert mc.fingerprint(changed) != mc.fingerprint(c)
    assert mc.fingerprint(_content()) == mc.fingerprint(c)  # the same content, the same fingerprint
    data = mc.canonical_bytes(changed)
    assert mc.canonical_bytes(mc.from_json(json.loads(data))) == data


# --- readiness -------------------------------------------------------------------------------


def test_readiness_lists_what_is_missing(demo_db):
    rows = [*SMALL, (P.SECOND, K.PARAGRAPH, "", "Текст без перевода.")]
    mid, minutes_id = make_minutes(demo_db, rows=rows, status=SegmentStatus.TRANSLATED)
    with demo_db.unit() as s:
        problems = signing.readiness(s, mid)
    messages = [p.message for p in problems]
    assert "Segment 4: The Chinese text is empty." in messages
    assert "Segment 1 is not agreed yet (Translated)." in messages
    assert {p.number for p in problems} == {1, 2, 3, 4}
    with demo_db.unit() as s:
        s.execute(
            select(Decision).where(Decision.meeting_id == mid, Decision.number == 2)
        ).scalar_one().number = 7
    with demo_db.unit() as s:
        assert "Segment 3: Decision No. 7 follows No. 1: decisions are numbered in order." in [
            p.message for p in signing.readiness(s, mid)
        ]


def test_signing_is_refused_while_the_minutes_are_not_ready(demo_db):
    mid, _ = make_minutes(demo_db, rows=SMALL, status=SegmentStatus.CHECKED)
    with pytest.raises(signing.NotReady) as err:
        _sign(demo_db, mid)
    assert len(err.value.problems) == 3
    assert err.value.message.startswith(
        "The minutes are not ready for signature: Segment 1 is not agreed yet"
    )
    with demo_db.unit() as s:
        assert not s.execute(select(Minutes).where(Minutes.meeting_id == mid)).scalar_one().locked


def test_empty_minutes_cannot_be_signed(demo_db):
    mid, _ = make_minutes(demo_db, rows=[])
    with pytest.raises(signing.NotReady, match="no text yet"):
        _sign(demo_db, mid)


@pytest.mark.parametrize(
    "change, field",
    [
        (dict(date=None), "date"),
        (dict(date=dt.date(1959, 3, 1)), "date"),
        (dict(place_zh="  "), "place_zh"),
        (dict(place_ru=""), "place_ru"),
        (dict(signatory1_id=None), "signatory1"),
        (dict(signatory2_id=None), "signatory2"),
    ],
)
def test_bad_signing_fields_are_refused_next_to_the_field(demo_db, change, field):
    mid, _ = make_minutes(demo_db, rows=SMALL)
    with pytest.raises(ValidationError) as err:
        _sign(demo_db, mid, **change)
    assert err.value.field == field


def test_a_signatory_must_belong_to_the_side_he_signs_for(demo_db):
    mid, _ = make_minutes(demo_db, rows=SMALL)
    head1, head2 = heads(demo_db, mid)
    with pytest.raises(ValidationError) as err:
        _sign(demo_db, mid, signatory1_id=head2, signatory2_id=head1)
    assert err.value.field == "signatory1"


# --- recording and the lock ------------------------------------------------------------------


def test_recording_the_signing_stores_the_content_its_fingerprint_and_locks(demo_db):
    mid, minutes_id = make_minutes(demo_db, rows=SMALL)
    when = dt.datetime(1959, 3, 6, 15, 0, tzinfo=dt.UTC)
    with demo_db.unit() as s:
        planned = mc.fingerprint(mc.build_content(s, mid))
        data = signing.record_signing(s, mid, _fields(demo_db, mid, place_ru="Пекине"), signed_at=when)
    assert data.locked and data.status is MinutesStatus.SIGNED
    assert data.signed_on == dt.date(1959, 3, 6) and data.signed_at == when
    assert data.fingerprint == planned  # the proofs printed before showed the same fingerprint
    with demo_db.unit() as s:
        row = s.get(Minutes, minutes_id)
        assert hashlib.sha256(row.signed_content.encode()).hexdigest() == row.fingerprint
        assert {seg.status for seg in row.segments} == {SegmentStatus.INITIALLED.value}
        assert s.get(Meeting, mid).status == MeetingStatus.MINUTES_SIGNED.value
        assert signing.record_problem(s, row) == ""
    with pytest.raises(ValidationError, match="were signed on"):
        _sign(demo_db, mid)


def _signed(demo_db):
    mid, minutes_id = make_minutes(demo_db, rows=SMALL)
    _sign(demo_db, mid)
    return mid, minutes_id


@pytest.mark.parametrize(
    "change",
    [
        lambda s, m: setattr(m.segments[0], "text_ru", "Другой текст."),
        lambda s, m: setattr(m.segments[1], "status", SegmentStatus.AGREED.value),
        lambda s, m: s.delete(m.segments[2]),
        lambda s, m: s.add(Segment(minutes_id=m.id, position=9, text_zh="新", text_ru="Новый")),
        lambda s, m: setattr(m, "place_ru", "Москве"),
        lambda s, m: setattr(m, "locked", False),
        lambda s, m: s.delete(m),
        lambda s, m: setattr(m.segments[1].decision, "number", 5),
        lambda s, m: setattr(m.segments[1].decision, "text_zh", "改"),
    ],
)
def test_signed_minutes_refuse_every_change_whoever_writes(demo_db, change):
    _mid, minutes_id = _signed(demo_db)
    with pytest.raises(ValidationError, match="signed; they can no longer be changed"):
        with demo_db.unit() as s:
            change(s, s.get(Minutes, minutes_id))


def test_signed_decisions_are_still_tracked_and_the_marking_can_be_set(demo_db):
    mid, minutes_id = _signed(demo_db)
    with demo_db.unit() as s:
        m = s.get(Minutes, minutes_id)
        m.marking_zh, m.marking_ru = "秘密", "Секретно"
        d = m.segments[1].decision
        d.status, d.deadline = "done", dt.date(1960, 1, 1)
    with demo_db.unit() as s:
        assert signing.record_problem(s, s.get(Minutes, minutes_id)) == ""


def test_later_prints_keep_the_signed_content_when_people_change(demo_db):
    mid, minutes_id = _signed(demo_db)
    head1, _ = heads(demo_db, mid)
    with demo_db.unit() as s:
        before = signing.print_source(s, mid)
        s.get(Person, head1).position_ru = "министр"
    with demo_db.unit() as s:
        after = signing.print_source(s, mid)
    assert after.content == before.content and after.fingerprint == before.fingerprint and not after.problem


def test_a_record_changed_behind_the_lock_is_detected(demo_db):
    mid, minutes_id = _signed(demo_db)
    forge = text("UPDATE minutes_segments SET text_ru = 'Подделка.' WHERE minutes_id = :m AND position = 1")
    with pytest.raises(IntegrityError, match="cannot be changed"), demo_db.engine.begin() as conn:
        conn.execute(forge, {"m": minutes_id})  # the triggers refuse it
    drop_guards(demo_db)
    with demo_db.engine.begin() as conn:  # someone drops them and edits the file with another tool
        conn.execute(text("UPDATE minutes_segments SET text_ru = 'Подделка.' WHERE minutes_id = :m AND position = 1"),
                     {"m": minutes_id})  # fmt: skip
    with demo_db.unit() as s:
        assert signing.record_problem(s, s.get(Minutes, minutes_id)) == (
            "The text of these minutes in the database was changed after signing."
        )
    with demo_db.engine.begin() as conn:
        conn.execute(text("UPDATE minutes SET signed_content = replace(signed_content, '120', '121') WHERE id = :m"),
                     {"m": minutes_id})  # fmt: skip
    with demo_db.unit() as s:
        assert "no longer matches their fingerprint" in signing.record_problem(s, s.get(Minutes, minutes_id))


@pytest.mark.parametrize(
    "op",
    [
        lambda s, seg: minutes_edit.save_texts(s, seg, "改了", None),
        lambda s, seg: minutes_edit.reopen(s, seg, "Ошибка в тексте"),
        lambda s, seg: minutes_edit.set_status(s, seg, SegmentStatus.AGREED),
        lambda s, seg: minutes_edit.move_segment(s, seg, 1),
    ],
)
def test_the_editors_services_refuse_to_change_signed_minutes_with_a_clear_message(demo_db, op):
    _mid, minutes_id = _signed(demo_db)
    with demo_db.unit() as s:
        seg = s.execute(
            select(Segment.id).where(Segment.minutes_id == minutes_id, Segment.position == 0)
        ).scalar_one()
    with pytest.raises(ValidationError) as err:
        with demo_db.unit() as s:
            op(s, seg)
    assert "signed" in err.value.message and "can no longer be changed" in err.value.message
