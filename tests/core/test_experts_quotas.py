"""Quotas: used, planned and left; the warning when an assignment would overdraw one; validation."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from app.core.errors import ValidationError
from app.core.models.experts import AssignmentPurpose as P
from app.core.models.experts import AssignmentStatus as S
from app.core.services.experts import assignments as experts
from app.core.services.experts import procedure as experts_procedure
from app.core.services.experts import quotas as experts_quotas
from app.core.services.experts.assignments import NeedsOverride, StepData
from tests.core.experts_helpers import TODAY, expert, make_world, quota

D = dt.timedelta


@pytest.fixture
def world(db):
    with db.unit() as s:
        return make_world(s)


def save(db, data, **kw):
    with db.unit() as s:
        return experts.save_assignment(
            s, data, today=TODAY, proposed=StepData(S.PROPOSED, TODAY - D(40)), **kw
        )


def usage(db, quota_id):
    with db.unit() as s:
        q = experts_quotas.get_quota(s, quota_id)
    return q.used, q.planned, q.left


def test_used_planned_and_left_follow_the_procedure(db, world):
    with db.unit() as s:
        q = experts_quotas.save_quota(s, quota(world, number=5))
    a = save(db, expert(world, "smirnov", "ivanov", quota_id=q.id, planned_start=TODAY - D(5)))
    assert usage(db, q.id) == (0, 2, 3)
    with db.unit() as s:
        experts_procedure.advance(s, a.id, StepData(S.ON_SITE, TODAY, reason="прибыли досрочно"), today=TODAY)
    assert usage(db, q.id) == (2, 0, 3)
    b = save(db, expert(world, "karpova", quota_id=q.id))
    assert usage(db, q.id) == (2, 1, 2)
    with db.unit() as s:
        experts_procedure.advance(s, b.id, StepData(S.CANCELLED, TODAY, reason="отказ"), today=TODAY)
    assert usage(db, q.id) == (2, 0, 3)


def test_overdrawing_a_quota_warns_with_the_numbers_and_a_reason_overrides_it(db, world):
    with db.unit() as s:
        q = experts_quotas.save_quota(s, quota(world, number=2))
    save(db, expert(world, "smirnov", quota_id=q.id))
    data = expert(world, "ivanov", "karpova", quota_id=q.id)
    with pytest.raises(NeedsOverride) as exc:
        save(db, data)
    (w,) = exc.value.warnings
    assert w.code == "quota_overdrawn"
    assert exc.value.message == (
        "This assignment would overdraw the quota by 1: 2 agreed, 0 used and 1 planned, 2 more asked."
    )
    assert exc.value.field == "override_reason"
    assert usage(db, q.id) == (0, 1, 1)  # nothing was saved
    a = save(db, data, override_reason="Решение председателей от 1 сентября")
    assert usage(db, q.id) == (0, 3, -1)
    assert a.overrides[0].code == "quota_overdrawn" and "overdraw" in a.overrides[0].message
    # editing something else does not ask again
    save_again = replace(a, notes="билеты заказаны")
    with db.unit() as s:
        experts.save_assignment(s, save_again, today=TODAY)


def test_the_quota_must_match_the_direction_and_purpose(db, world):
    with db.unit() as s:
        q = experts_quotas.save_quota(s, quota(world))
    for change in (
        dict(purpose=P.AIDE, person_ids=(world.people["karpova"],)),
        dict(sending_side_id=world.cn, receiving_side_id=world.su, person_ids=(world.people["wang"],)),
    ):
        with pytest.raises(ValidationError) as exc:
            save(db, expert(world, quota_id=q.id, **change))
        assert exc.value.field == "quota_id"


def test_a_term_longer_than_the_quota_allows_and_a_start_outside_its_period_are_warnings(db, world):
    with db.unit() as s:
        q = experts_quotas.save_quota(s, quota(world, max_term_days=90))
    with pytest.raises(NeedsOverride) as exc:
        save(db, expert(world, quota_id=q.id, term_limit_days=120, planned_start=dt.date(1961, 1, 1)))
    assert {w.code for w in exc.value.warnings} == {"quota_term", "quota_period"}
    assert "120 days" in exc.value.message and "90 days" in exc.value.message


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (dict(number=0), "number"),
        (dict(number=-3), "number"),
        (dict(purposes=()), "purposes"),
        (dict(receiving_side_id=None), "receiving_side_id"),
        (dict(period_to=dt.date(1958, 1, 1)), "period_to"),
        (dict(period_from=None), "period_from"),
        (dict(max_term_days=0), "max_term_days"),
    ],
)
def test_bad_quotas_are_refused(db, world, change, field):
    with db.unit() as s, pytest.raises(ValidationError) as exc:
        experts_quotas.save_quota(s, quota(world, **change))
    assert exc.value.field == field
    with db.unit() as s:
        assert experts_quotas.count_quotas(s) == 0


def test_a_quota_with_assignments_cannot_be_deleted_or_change_direction(db, world):
    with db.unit() as s:
        q = experts_quotas.save_quota(s, quota(world))
    save(db, expert(world, quota_id=q.id))
    with db.unit() as s, pytest.raises(ValidationError) as exc:
        experts_quotas.delete_quota(s, q.id)
    assert "expert assignments (1)" in exc.value.message
    with db.unit() as s, pytest.raises(ValidationError):
        experts_quotas.save_quota(s, replace(q, sending_side_id=world.cn, receiving_side_id=world.su))


def test_matching_quotas_and_the_label(db, world):
    with db.unit() as s:
        q = experts_quotas.save_quota(s, quota(world, purposes=(P.TECHNICAL_EXPERT, P.AIDE), number=25))
        experts_quotas.save_quota(s, quota(world, sending_side_id=world.cn, receiving_side_id=world.su))
        found = experts_quotas.matching_quotas(s, world.su, world.cn, P.AIDE, TODAY)
    assert [x.id for x in found] == [q.id]
    assert found[0].label("ru") == "Decision 1/5 — Technical expert, Aide, СССР → КНР: 25"
    # in English the sides' English short names where the commission gives them
    from app.core.models import Side

    with db.unit() as s:
        for side in s.query(Side):
            side.name_short_en = {"СССР": "USSR", "КНР": "PRC"}.get(side.name_short_ru, side.name_short_en)
        found = experts_quotas.matching_quotas(s, world.su, world.cn, P.AIDE, TODAY)
    assert found[0].direction("en") == "USSR → PRC" and found[0].direction("ru") == "СССР → КНР"
