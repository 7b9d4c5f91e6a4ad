"""Agenda items: titles in two languages, proposing side, topic, presenter, time slot, status,
materials, reordering with the numbering following, and carry-over from the previous session."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from app.core.enums import AgendaStatus, DelegationRole, Topic
from app.core.errors import ValidationError
from app.core.models import AgendaItem, Attachment, Blob
from app.core.services import attachments
from app.core.services.agenda import items as agenda
from app.core.services.agenda import sessions as meetings
from app.core.services.agenda.items import AgendaItemForm
from tests.core.agenda_helpers import person_id, side_id, third_session


@pytest.fixture
def session3(demo_db):
    """A third session with two heads, and the demo database."""
    with demo_db.unit() as s:
        m = third_session(s)
        meetings.add_member(s, m.id, side_id(s, "CN"), person_id(s, "Wang Zhenguo"), DelegationRole.HEAD)
        meetings.add_member(s, m.id, side_id(s, "SU"), person_id(s, "A. P. Gromov"), DelegationRole.HEAD)
        meetings.add_member(s, m.id, side_id(s, "SU"), person_id(s, "P. M. Orlov"), DelegationRole.EXPERT)
    return demo_db, m


def form(s, m, **kw) -> AgendaItemForm:
    values = dict(
        meeting_id=m.id,
        title_zh="关于交换技术资料",
        title_ru="Об обмене технической документацией",
        proposing_side_id=side_id(s, "SU"),
        topic=Topic.MATERIALS,
        presenter_id=person_id(s, "P. M. Orlov"),
        day=m.start_date + dt.timedelta(days=1),
        start_time=dt.time(9, 30),
        duration_minutes=90,
        status=AgendaStatus.PROPOSED,
    )
    values.update(kw)
    return AgendaItemForm(**values)


def test_adding_an_item_appends_it_with_the_next_number(session3):
    db, m = session3
    with db.unit() as s:
        item = agenda.add_item(s, form(s, m, notes="  с приложением  "))
        assert item.number == 2 and item.proposing_code == "SU" and item.topic is Topic.MATERIALS
        assert item.presenter("ru") == "П. М. Орлов" and item.end_time == dt.time(11, 0)
        assert item.notes == "с приложением" and item.missing_title is None


def test_a_missing_counterpart_is_flagged_not_refused(session3):
    db, m = session3
    with db.unit() as s:
        only_ru = agenda.add_item(s, form(s, m, title_zh=""))
        only_zh = agenda.add_item(s, form(s, m, title_ru="  "))
        assert only_ru.missing_title == "zh" and only_ru.title("zh") == only_ru.title_ru
        assert only_zh.missing_title == "ru"


@pytest.mark.parametrize(
    "change, field",
    [
        (dict(title_zh="", title_ru=" \n "), "title_zh"),
        (dict(title_ru="я" * 1001), "title_ru"),
        (dict(proposing_side_id=None), "proposing_side_id"),
        (dict(topic="11"), "topic"),
        (dict(status="postponed"), "status"),
        (dict(presenter_id="not in delegation"), "presenter_id"),
        (dict(day=dt.date(2031, 5, 11)), "day"),  # the day before the opening
        (dict(day=dt.date(2031, 5, 17)), "day"),  # the day after the closing
        (dict(day=None), "day"),  # a start time without a day
        (dict(duration_minutes=0), "duration_minutes"),
        (dict(duration_minutes=-30), "duration_minutes"),
        (dict(duration_minutes=13 * 60), "duration_minutes"),
        (dict(start_time=dt.time(23, 30), duration_minutes=60), "duration_minutes"),
    ],
)
def test_bad_items_are_refused_and_nothing_is_saved(session3, change, field):
    db, m = session3
    with db.unit() as s:
        if change.get("presenter_id") == "not in delegation":
            change = dict(presenter_id=person_id(s, "Chen Zhigang"))
        bad = form(s, m, **change)
    with pytest.raises(ValidationError) as info, db.unit() as s:
        agenda.add_item(s, bad)
    assert info.value.field == field and info.value.message
    with db.unit() as s:
        assert len(agenda.list_items(s, m.id)) == 1


def test_a_slot_outside_the_session_names_its_dates(session3):
    db, m = session3
    with pytest.raises(ValidationError) as info, db.unit() as s:
        agenda.add_item(s, form(s, m, day=dt.date(2031, 6, 1)))
    assert "12 May 2031" in info.value.message and "16 May 2031" in info.value.message


def test_an_item_without_a_slot_is_fine(session3):
    db, m = session3
    with db.unit() as s:
        item = agenda.add_item(
            s, form(s, m, day=None, start_time=None, duration_minutes=None, presenter_id=None)
        )
        assert item.day is None and item.end_time is None and item.presenter("zh") == ""


def test_editing_an_item(session3):
    db, m = session3
    with db.unit() as s:
        item = agenda.add_item(s, form(s, m))
        changed = agenda.update_item(
            s,
            replace(
                form(s, m), id=item.id, status=AgendaStatus.AGREED, topic=Topic.WARRANTIES, title_ru="Иное"
            ),
        )
        assert changed.status is AgendaStatus.AGREED and changed.topic is Topic.WARRANTIES
        assert changed.title_ru == "Иное" and changed.number == item.number


def test_reordering_renumbers(session3):
    db, m = session3
    with db.unit() as s:
        ids = [agenda.list_items(s, m.id)[0].id]
        for t in ("А", "Б", "В"):
            ids.append(agenda.add_item(s, form(s, m, title_ru=t)).id)
        items = agenda.move_item(s, ids[3], 1)
        assert [i.title_ru for i in items][1:] == ["В", "А", "Б"]
        assert [i.number for i in items] == [1, 2, 3, 4]
        items = agenda.move_item(s, ids[3], 99)  # clamped to the end
        assert [i.title_ru for i in items][-1] == "В"
        items = agenda.reorder(s, m.id, list(reversed(ids)))
        assert [i.id for i in items] == list(reversed(ids)) and items[0].number == 1
        with pytest.raises(ValidationError):
            agenda.reorder(s, m.id, ids[:2])
        agenda.delete_item(s, ids[2])  # "Б"
        items = agenda.list_items(s, m.id)
        assert [i.number for i in items] == [1, 2, 3] and "Б" not in [i.title_ru for i in items]


def test_materials_are_attached_counted_and_deleted_with_the_item(session3, tmp_path):
    db, m = session3
    f = tmp_path / "Перечень.txt"
    f.write_text("образцы", encoding="utf-8")
    with db.unit() as s:
        item = agenda.add_item(s, form(s, m))
        attachments.add_file(s, agenda.OWNER_KIND, item.id, f)
        assert agenda.get_item(s, item.id).materials == 1
        agenda.delete_item(s, item.id)
        assert attachments.list_attachments(s, agenda.OWNER_KIND, item.id) == []


def test_an_unreadable_material_is_refused(tmp_path):
    with pytest.raises(ValidationError) as info:
        attachments.read_file(tmp_path / "missing.pdf")
    assert "missing.pdf" in info.value.message


def test_the_standing_item_is_added_once(session3):
    db, m = session3
    with db.unit() as s:
        agenda.add_standing_item(s, m.id)
        assert sum(i.is_standing for i in agenda.list_items(s, m.id)) == 1


def test_carry_over_offers_and_copies_deferred_items_with_their_materials(demo_db):
    with demo_db.unit() as s:
        m1 = meetings.meeting_by_ordinal(s, 1)
        deferred = next(i for i in agenda.list_items(s, m1.id) if i.status is AgendaStatus.DEFERRED)
        attachments.add_bytes(s, agenda.OWNER_KIND, deferred.id, "Опыт.txt", "текст".encode())
        # the second session already carries the deferred item over: nothing more to offer
        assert agenda.deferred_candidates(s, meetings.meeting_by_ordinal(s, 2).id) == []
        m3 = third_session(s)
        m2 = meetings.meeting_by_ordinal(s, 2)
        s.execute(
            select(AgendaItem).where(AgendaItem.meeting_id == m2.id)
        ).scalars().first().status = "deferred"
        s.flush()
        offered = agenda.deferred_candidates(s, m3.id)
        assert [i.meeting_id for i in offered] == [m2.id]
        copied = agenda.copy_items(s, m3.id, [i.id for i in offered])
        assert copied[0].carried_from_id == offered[0].id and copied[0].number == 2
        assert copied[0].status is AgendaStatus.PROPOSED and copied[0].day is None
        assert agenda.deferred_candidates(s, m3.id) == []
        # the first session's deferred item, copied: its materials come along, stored once
        copy = agenda.copy_items(s, m3.id, [deferred.id])[0]
        assert [a.filename for a in attachments.list_attachments(s, agenda.OWNER_KIND, copy.id)] == [
            "Опыт.txt"
        ]
        assert copy.presenter_id is None  # 张建平 is not in the third session's delegations
        sha = attachments.list_attachments(s, agenda.OWNER_KIND, copy.id)[0].sha256
        assert s.execute(select(func.count()).select_from(Blob).where(Blob.sha256 == sha)).scalar() == 1
        assert s.execute(select(func.count(Attachment.id)).where(Attachment.blob_sha256 == sha)).scalar() == 2
