"""Stale saves refused in the records that were still saved without a version check (issue 16,
point 1): the commission and its sides, budgets, exchange rates, a delegation member's role and the
decision fields edited in the minutes. Two sessions on one database, each its own engine as two
windows or two processes would be: the later save of an older copy is a conflict with both
versions, and a save against the version now stored goes through."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from app.core.db import Database
from app.core.enums import DecisionStatus, DelegationRole, SegmentKind
from app.core.errors import ConflictError
from app.core.services import commission
from app.core.services.agenda import sessions
from app.core.services.expenses import summary
from app.core.services.minutes import edit, records


@pytest.fixture
def two(demo_db_path):
    a = Database.open(demo_db_path)
    b = Database.open(demo_db_path)
    yield a, b
    a.close()
    b.close()


def _meeting(db):
    with db.unit() as s:
        return sessions.meeting_by_ordinal(s, 2)


def test_the_commission_and_its_sides(two):
    a, b = two
    with a.unit() as s:
        in_a = commission.get_commission(s)
    with b.unit() as s:
        in_b = commission.get_commission(s)
        side = replace(in_b.sides[1], name_full_en="Their full name")
        commission.save_commission(s, replace(in_b, sides=(in_b.sides[0], side)))
    mine = replace(in_a, name_en="My commission")
    with pytest.raises(ConflictError) as info, a.unit() as s:
        commission.save_commission(s, mine)
    exc = info.value
    assert set(exc.fields) == {"name_en", "side2.name_full_en"}
    assert exc.theirs["side2.name_full_en"] == "Their full name"
    assert "changed by someone else" in exc.message
    with a.unit() as s:  # nothing of A's; then A saves its merge against the version now stored
        assert commission.get_commission(s).name_en == in_a.name_en
        merged = replace(mine, sides=(in_a.sides[0], replace(in_a.sides[1], name_full_en="Their full name")))
        saved = commission.save_commission(s, replace(merged, version=exc.version))
    assert (saved.name_en, saved.sides[1].name_full_en) == ("My commission", "Their full name")
    assert saved.version > exc.version


def test_an_agency_changed_meanwhile_is_a_conflict_too(two):
    a, b = two
    with a.unit() as s:
        in_a = commission.get_commission(s)
    with b.unit() as s:
        in_b = commission.get_commission(s)
        first = replace(
            in_b.sides[0], agencies=(*in_b.sides[0].agencies, commission.AgencyData("新机构", "Новое"))
        )
        commission.save_commission(s, replace(in_b, sides=(first, in_b.sides[1])))
    with pytest.raises(ConflictError) as info, a.unit() as s:
        commission.save_commission(s, in_a)
    assert info.value.fields == ["side1.agencies"]


def test_a_budget(two):
    a, b = two
    meeting = _meeting(a)
    with a.unit() as s:
        side = commission.get_sides(s)[0]
        line = summary.set_budget(
            s, summary.BudgetInput(meeting.id, side.id, "printing", "CNY", Decimal("1000")), "en"
        )
    form = summary.BudgetInput(
        meeting.id, side.id, line.category, "CNY", Decimal("1500"), line.id, line.version
    )
    with b.unit() as s:
        summary.set_budget(s, replace(form, amount=Decimal("1200")), "en")
    with pytest.raises(ConflictError) as info, a.unit() as s:
        summary.set_budget(s, form, "en")
    assert info.value.fields == ["amount"]
    assert (info.value.mine["amount"], info.value.theirs["amount"]) == (Decimal("1500"), Decimal("1200"))
    with a.unit() as s:
        saved = summary.set_budget(s, replace(form, version=info.value.version), "en")
    assert saved.budget == Decimal("1500")


def test_an_exchange_rate(two):
    a, b = two
    meeting = _meeting(a)
    with a.unit() as s:
        rate = summary.set_rate(
            s, summary.RateInput(meeting.id, meeting.end_date, "RUB", "CNY", Decimal("0.08")), "en"
        )
    form = summary.RateInput(
        meeting.id, meeting.end_date, "RUB", "CNY", Decimal("0.09"), rate.id, rate.version
    )
    with b.unit() as s:
        summary.set_rate(s, replace(form, rate=Decimal("0.085")), "en")
    with pytest.raises(ConflictError) as info, a.unit() as s:
        summary.set_rate(s, form, "en")
    assert info.value.fields == ["rate"]
    with a.unit() as s:
        assert summary.set_rate(s, replace(form, version=info.value.version), "en").rate == Decimal("0.09")


def test_a_delegation_members_role(two):
    a, b = two
    meeting = _meeting(a)
    with a.unit() as s:
        member = next(m for m in sessions.members(s, meeting.id) if m.role is not DelegationRole.HEAD)
    other = next(r for r in DelegationRole if r not in (DelegationRole.HEAD, member.role))
    with b.unit() as s:
        sessions.set_member_role(s, member.id, other, member.version)
    with pytest.raises(ConflictError) as info, a.unit() as s:
        sessions.set_member_role(
            s, member.id, member.role if member.role is not other else other, member.version
        )
    assert info.value.theirs["role"] is other
    with a.unit() as s:
        saved = sessions.set_member_role(s, member.id, member.role, info.value.version)
    assert saved.role is member.role


def _decision_segment(db):
    with db.unit() as s:
        meeting = _meeting(db)
        minutes = records.get_minutes(s, meeting.id)
        return next(
            seg
            for seg in records.list_segments(s, minutes.id)
            if seg.kind is SegmentKind.DECISION and seg.decision
        )


def test_decision_fields_edited_in_the_minutes(two):
    a, b = two
    seg = _decision_segment(a)
    read = seg.decision
    with b.unit() as s:  # the other window sets the status and the first agency
        edit.save_decision(s, seg.id, status=DecisionStatus.DONE, agency1_ru="Их ведомство", read=read)
    with pytest.raises(ConflictError) as info, a.unit() as s:  # A's stale copy of the same field
        edit.save_decision(s, seg.id, agency1_ru="Моё ведомство", read=read)
    assert (info.value.mine["agency1_ru"], info.value.theirs["agency1_ru"]) == (
        "Моё ведомство",
        "Их ведомство",
    )
    with a.unit() as s:  # a field nobody else changed is saved, stale version or not
        saved = edit.save_decision(s, seg.id, agency2_ru="Второе ведомство", read=read)
    assert (saved.agency1_ru, saved.agency2_ru, saved.status) == (
        "Их ведомство",
        "Второе ведомство",
        DecisionStatus.DONE,
    )
    with a.unit() as s:  # and the status B set cannot be overwritten from the stale copy either
        with pytest.raises(ConflictError):
            edit.save_decision(s, seg.id, status=DecisionStatus.OPEN, read=read)


def test_a_decision_in_the_decisions_register(two):
    from app.core.services.decisions import records as decisions

    a, b = two
    with a.unit() as s:
        d = next(x for x in decisions.list_decisions(s) if not x.superseded_by_id)
    form = decisions.DecisionInput(
        meeting_id=d.meeting_id, text_zh=d.text_zh, text_ru=d.text_ru, agency1_zh=d.agency1_zh,
        agency1_ru=d.agency1_ru, agency2_zh=d.agency2_zh, agency2_ru=d.agency2_ru, deadline=d.deadline,
        status=d.status, decided_on=d.decided_on, superseded_by_id=d.superseded_by_id, version=d.version,
    )  # fmt: skip
    with b.unit() as s:
        decisions.update_decision(s, d.id, replace(form, agency2_ru="Их ведомство"))
    with pytest.raises(ConflictError) as info, a.unit() as s:
        decisions.update_decision(s, d.id, replace(form, agency1_ru="Моё ведомство"))
    assert set(info.value.fields) == {"agency1_ru", "agency2_ru"}
    with a.unit() as s:
        merged = replace(
            form, agency1_ru="Моё ведомство", agency2_ru="Их ведомство", version=info.value.version
        )
        saved = decisions.update_decision(s, d.id, merged)
    assert (saved.agency1_ru, saved.agency2_ru) == ("Моё ведомство", "Их ведомство")
