"""Stale saves refused (issue 16, point 1): two sessions on one database, each its own engine as
two windows or two processes would be; the later save of an older copy is a conflict, never a
silent overwrite."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select, update

from app.core import audit
from app.core.db import Database
from app.core.errors import ConflictError
from app.core.models import AuditEntry, Exchange
from app.core.services.exchanges import records as service
from app.core.versions import flush
from tests.core.exchange_helpers import TODAY, make_setup


@pytest.fixture
def two(db):
    """Two clients on one database: two windows on a file, two secretaries on a server."""
    b = Database.open(db.location)
    yield db, b
    b.close()


def test_a_new_record_is_at_version_1_and_every_save_goes_up(db):
    setup = make_setup(db)
    item = setup.add(notes="first")
    assert item.version == 1
    with db.unit() as s:
        again = service.update_exchange(s, replace(item, notes="second"), today=TODAY)
    assert again.version == 2


def test_a_stale_save_is_refused_with_both_versions(two):
    a, b = two
    setup = make_setup(a)
    item = setup.add(title_ru="Справочник", notes="")
    with a.unit() as s:  # window A reads the item
        in_a = service.get_exchange(s, item.id, today=TODAY)
    with b.unit() as s:  # window B reads it, and saves its notes
        in_b = service.get_exchange(s, item.id, today=TODAY)
        service.update_exchange(s, replace(in_b, notes="B's notes"), today=TODAY)
    with pytest.raises(ConflictError) as info:  # A saves its stale copy
        with a.unit() as s:
            service.update_exchange(s, replace(in_a, title_ru="Справочник, том 2"), today=TODAY)
    exc = info.value
    assert exc.expected == 1 and exc.version == 2
    assert exc.mine["notes"] == "" and exc.theirs["notes"] == "B's notes"
    assert exc.mine["title_ru"] == "Справочник, том 2" and exc.theirs["title_ru"] == "Справочник"
    assert set(exc.fields) == {"notes", "title_ru"}
    assert exc.changed_by.startswith(audit.user_name())  # on a server "name (database user)"
    assert "changed by someone else" in exc.message
    with b.unit() as s:  # nothing of A's was written; B's notes are there
        stored = service.get_exchange(s, item.id, today=TODAY)
    assert (stored.notes, stored.title_ru, stored.version) == ("B's notes", "Справочник", 2)

    # A merges (B's notes, A's title) and saves against the version now stored
    merged = replace(in_a, title_ru="Справочник, том 2", notes="B's notes", version=exc.version)
    with a.unit() as s:
        saved = service.update_exchange(s, merged, today=TODAY)
    assert (saved.notes, saved.title_ru, saved.version) == ("B's notes", "Справочник, том 2", 3)


def test_a_write_racing_another_transaction_is_a_conflict(db):
    """Within one unit of work, SQLAlchemy's version_id_col refuses an UPDATE of a row changed
    since it was read (WHERE version = …), whoever changed it (on SQLite the other writer is kept
    out by the lock; on PostgreSQL it commits in between, as the raw UPDATE here does)."""
    item = make_setup(db).add()
    table = Exchange.__table__
    with pytest.raises(ConflictError):
        with db.unit() as s:
            row = s.get(Exchange, item.id)
            s.execute(
                update(table).where(table.c.id == item.id).values(notes="B", version=table.c.version + 1)
            )
            row.notes = "A"
            flush(s)
    with db.unit() as s:
        assert s.get(Exchange, item.id).notes == ""


def test_an_import_without_a_version_is_not_checked(db):
    setup = make_setup(db)
    item = setup.add()
    with db.unit() as s:
        service.update_exchange(s, replace(item, notes="x"), today=TODAY)
    with db.unit() as s:  # an import matched by UUID carries no version
        saved = service.update_exchange(s, replace(item, notes="y", version=None), today=TODAY)
    assert saved.notes == "y"


def test_every_change_leaves_its_trace_in_the_audit_trail(db):
    audit.set_user_name("Ли Мин")
    try:
        setup = make_setup(db)
        item = setup.add(notes="first")
        with db.unit() as s:
            service.update_exchange(s, replace(item, notes="second", quantity=3), today=TODAY)
        with db.unit() as s:
            service.delete_exchange(s, item.id)
        with db.unit() as s:
            rows = s.execute(
                select(AuditEntry).where(AuditEntry.record_uuid == item.uuid).order_by(AuditEntry.id)
            ).scalars().all()
    finally:
        audit.set_user_name(None)
    assert [r.action for r in rows] == ["insert", "update", "delete"]
    # on a server the database user too (current_user)
    assert {r.user_name for r in rows} == {"Ли Мин (postgres)" if db.is_server else "Ли Мин"}
    assert {r.register for r in rows} == {"exchanges"}
    import json

    assert json.loads(rows[1].changes) == {"notes": ["first", "second"], "quantity": [1, 3]}
    gone = json.loads(rows[2].changes)
    assert gone["notes"] == ["second", None] and gone["title_ru"][0] == "Справочник машиностроителя"
    assert all(r.at.tzinfo is not None for r in rows)


def test_a_stale_expense_save_is_refused_with_both_versions(db_path):
    from decimal import Decimal

    from app.core.services.expenses import records as expenses
    from app.core.services.expenses.records import ExpenseInput
    from tests.core.expense_setup import START, add_session, setup_commission

    a, b = Database.open(db_path), Database.open(db_path)
    try:
        with a.unit() as s:
            m1 = add_session(s, setup_commission(s), 1, "CN")
            e = expenses.add_expense(s, ExpenseInput(meeting_id=m1, amount="100", currency="CNY",
                                                     spent_on=START, description_ru="аренда зала"))  # fmt: skip
        assert e.version == 1

        def typed(data, **values) -> ExpenseInput:
            fields = ("meeting_id", "kind", "category", "delegation_side_id", "amount", "currency",
                      "spent_on", "description_zh", "description_ru", "id", "version")  # fmt: skip
            return ExpenseInput(**({f: getattr(data, f) for f in fields} | values))

        with b.unit() as s:
            expenses.update_expense(s, typed(e, amount="120"))
        with pytest.raises(ConflictError) as info:
            with a.unit() as s:
                expenses.update_expense(s, typed(e, description_ru="аренда зала, 2 дня"))
        exc = info.value
        assert exc.fields == ["amount", "description_ru"]
        assert exc.mine["amount"] == Decimal("100.00") and exc.theirs["amount"] == Decimal("120.00")
        with a.unit() as s:
            assert expenses.get_expense(s, e.id).amount == Decimal("120.00")
            saved = expenses.update_expense(
                s, typed(e, amount=Decimal("120"), description_ru="аренда зала, 2 дня", version=exc.version)
            )
        assert (saved.amount, saved.description_ru, saved.version) == (Decimal("120.00"), "аренда зала, 2 дня", 3)
    finally:
        a.close()
        b.close()


def test_a_stale_segment_save_is_refused_and_keeps_both_texts(db):
    from app.core.services.minutes import edit as me
    from tests.core.minutes_helpers import fill, new_minutes

    make_setup(db)
    _meeting, minutes_id = new_minutes(db)
    (seg_id,) = fill(db, minutes_id, [("第一段。", "Первый абзац.")])
    with db.unit() as s:
        read = me.segment_data(me.segment_row(s, seg_id))
        me.save_texts(s, seg_id, "别人改过的。", None, read.version)  # someone else, at the same version
    with pytest.raises(ConflictError) as info:
        with db.unit() as s:
            me.save_texts(s, seg_id, "我打的字。", None, read.version)
    assert info.value.mine == {"text_zh": "我打的字。", "text_ru": "Первый абзац."}
    assert info.value.theirs["text_zh"] == "别人改过的。" and info.value.fields == ["text_zh"]
    with db.unit() as s:
        saved = me.save_texts(s, seg_id, "我打的字。", None, info.value.version)
    assert saved.text_zh == "我打的字。"


def _form(cls, data, **values):
    import dataclasses

    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**({k: v for k, v in dataclasses.asdict(data).items() if k in names} | values))


def test_people_glossary_agenda_items_sessions_events_and_quotas_refuse_stale_saves(demo_db):
    from app.core.services import markings, people
    from app.core.services.agenda import items, schedule, sessions
    from app.core.services.agenda.items import AgendaItemForm
    from app.core.services.agenda.schedule import EventForm
    from app.core.services.agenda.sessions import MeetingForm
    from app.core.services.experts import quotas
    from app.core.services.minutes import glossary

    with demo_db.unit() as s:
        person = people.search_people(s, "")[0]
        term = glossary.list_terms(s)[0]
        meeting = sessions.meeting_by_ordinal(s, 2)
        item = items.list_items(s, meeting.id)[0]
        event = schedule.list_events(s, meeting.id)[0]
        quota = quotas.list_quotas(s)[0]
        marking = markings.list_markings(s)[0]
    cases = [
        (people.update_person, lambda d, **v: replace(d, **v), person, "notes"),
        (glossary.save_term, lambda d, **v: replace(d, **v), term, "note"),
        (items.update_item, lambda d, **v: _form(AgendaItemForm, d, **v), item, "notes"),
        (sessions.update_meeting, lambda d, **v: _form(MeetingForm, d, **v), meeting, "notes"),
        (schedule.update_event, lambda d, **v: _form(EventForm, d, **v), event, "notes"),
        (quotas.save_quota, lambda d, **v: replace(d, **v), quota, "notes"),
        (markings.update_marking, lambda d, **v: replace(d, **v), marking, "name_en"),
    ]
    for save, form, data, field in cases:
        assert data.version >= 1, save.__name__
        with demo_db.unit() as s:  # someone else saves
            save(s, form(data, **{field: "их"}))
        with pytest.raises(ConflictError) as info:  # the stale copy is refused
            with demo_db.unit() as s:
                save(s, form(data, **{field: "моё"}))
        assert info.value.fields == [field], save.__name__
        assert (info.value.mine[field], info.value.theirs[field]) == ("моё", "их")
        with demo_db.unit() as s:  # and saved against the version now stored
            saved = save(s, form(data, **{field: "моё"}, version=info.value.version))
        assert getattr(saved, field) == "моё" and saved.version == data.version + 2, save.__name__


def test_a_stale_assignment_save_is_refused(demo_db):
    from app.core.models import Assignment
    from app.core.services.experts import assignments as experts

    with demo_db.unit() as s:
        aid = s.execute(select(Assignment.id).where(Assignment.status == "proposed").limit(1)).scalar_one()
        read = experts.get_assignment(s, aid)
    with demo_db.unit() as s:
        experts.save_assignment(s, replace(read, notes="их", person_ids=tuple(reversed(read.person_ids))),
                                override_reason="test")  # fmt: skip
    with pytest.raises(ConflictError) as info:
        with demo_db.unit() as s:
            experts.save_assignment(s, replace(read, place_ru="Москва"), override_reason="test")
    assert set(info.value.fields) == {"notes", "place_ru"}  # the order of the people is no change
    with demo_db.unit() as s:
        saved = experts.save_assignment(s, replace(read, place_ru="Москва", version=info.value.version),
                                        override_reason="test")  # fmt: skip
    assert (saved.place_ru, saved.notes) == ("Москва", read.notes)
