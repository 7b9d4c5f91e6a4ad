"""Alerts (past the term, ending soon, unanswered invitations, overlaps), the date arithmetic behind
them, and the demo's register."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.models.experts import AssignmentStatus as S
from app.core.services.experts import alerts as experts_alerts
from app.core.services.experts import assignments as experts
from app.core.services.experts import procedure as experts_procedure
from app.core.services.experts import quotas as experts_quotas
from app.core.services.experts.alerts import AlertKind
from app.core.services.experts.assignments import NeedsOverride, StepData
from app.core.services.experts.dates import overlaps, stay_days, term_end
from app.core.services.experts.query import AssignmentFilter, search_assignments
from tests.core.experts_helpers import TODAY, expert, make_world

D = dt.timedelta


@pytest.fixture
def world(db):
    with db.unit() as s:
        return make_world(s)


def on_site(db, world, key, started_ago, term, **kw):
    """An assignment whose person arrived ``started_ago`` days before TODAY."""
    start = TODAY - D(started_ago)
    with db.unit() as s:
        a = experts.save_assignment(
            s,
            expert(world, key, planned_start=start, term_limit_days=term, **kw),
            today=TODAY,
            proposed=StepData(S.PROPOSED, start - D(60)),
            override_reason=kw.pop("override", "") or "test",
        )
        return experts_procedure.advance(s, a.id, StepData(S.ON_SITE, start, reason="прибыл"), today=TODAY)


def kinds(db, today=TODAY):
    with db.unit() as s:
        return [(a.kind, a.assignment_id) for a in experts_alerts.alerts(s, today)]


# --- date arithmetic --------------------------------------------------------------------------------


@given(start=st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)), days=st.integers(1, 5000))
def test_a_term_of_n_days_is_a_stay_of_n_days(start, days):
    assert stay_days(start, term_end(start, days)) == days
    assert term_end(start, days, 10) == term_end(start, days + 10)


@given(
    a=st.dates(dt.date(1950, 1, 1), dt.date(1970, 1, 1)),
    la=st.integers(0, 800),
    b=st.dates(dt.date(1950, 1, 1), dt.date(1970, 1, 1)),
    lb=st.integers(0, 800),
)
def test_overlap_is_symmetric_and_means_a_shared_day(a, la, b, lb):
    a_end, b_end = a + D(la), b + D(lb)
    shared = {a + D(i) for i in range(la + 1)} & {b + D(i) for i in range(lb + 1)}
    assert overlaps(a, a_end, b, b_end) == overlaps(b, b_end, a, a_end) == bool(shared)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(started_ago=st.integers(0, 400), term=st.integers(1, 400), horizon=st.integers(1, 60))
def test_past_the_term_or_ending_soon_exactly_when_the_dates_say_so(db, world, started_ago, term, horizon):
    with db.unit() as s:
        for a in search_assignments(s, AssignmentFilter()):
            experts.delete_assignment(s, a.id)
        experts_alerts.save_alert_settings(s, horizon, 21)
    a = on_site(db, world, "smirnov", started_ago, term)
    last_day = TODAY - D(started_ago) + D(term - 1)
    found = dict((k, i) for k, i in kinds(db) if i == a.id)
    if last_day < TODAY:
        assert AlertKind.OVER_TERM in found
    elif (last_day - TODAY).days <= horizon:
        assert AlertKind.ENDING in found
    else:
        assert not found


# --- the alerts -------------------------------------------------------------------------------------


def test_past_the_term_and_ending_soon(db, world):
    over = on_site(db, world, "smirnov", 100, 90)
    soon = on_site(db, world, "ivanov", 80, 90)
    later = on_site(db, world, "karpova", 10, 365)
    with db.unit() as s:
        alerts = experts_alerts.alerts(s, TODAY)
    by_id = {a.assignment_id: a for a in alerts}
    assert by_id[over.id].kind is AlertKind.OVER_TERM and by_id[over.id].days == 11
    assert by_id[over.id].message("ru") == (
        "И. П. Смирнов (Государственный завод № 112): the term ended on 21 Aug 1958, 11 days ago."
    )
    assert by_id[soon.id].kind is AlertKind.ENDING and by_id[soon.id].days == 9
    assert later.id not in by_id
    assert alerts[0].kind is AlertKind.OVER_TERM  # the most pressing first


def test_an_extension_moves_the_end_of_the_term(db, world):
    a = on_site(db, world, "smirnov", 100, 90)
    assert kinds(db) == [(AlertKind.OVER_TERM, a.id)]
    with db.unit() as s:
        current = experts.get_assignment(s, a.id)
        a = experts.save_assignment(
            s, replace(current, extension_days=60, extension_reason="письмо ГКЭС № 12"), today=TODAY
        )
    assert a.term_end == TODAY + D(49)
    assert kinds(db) == []


def test_the_horizon_is_a_setting(db, world):
    a = on_site(db, world, "smirnov", 40, 90)  # ends in 50 days
    assert kinds(db) == []
    with db.unit() as s:
        experts_alerts.save_alert_settings(s, 60, 21)
        assert experts_alerts.alert_settings(s) == (60, 21)
    assert kinds(db) == [(AlertKind.ENDING, a.id)]


def test_invitations_unanswered_past_the_set_number_of_days(db, world):
    with db.unit() as s:
        a = experts.save_assignment(
            s, expert(world), today=TODAY, proposed=StepData(S.PROPOSED, TODAY - D(60))
        )
        experts_procedure.advance(s, a.id, StepData(S.INVITED, TODAY - D(25)), today=TODAY)
    assert kinds(db) == [(AlertKind.UNANSWERED, a.id)]
    with db.unit() as s:
        experts_alerts.save_alert_settings(s, 30, 30)
    assert kinds(db) == []
    with db.unit() as s:
        experts_alerts.save_alert_settings(s, 30, 21)
        experts_procedure.advance(s, a.id, StepData(S.ACCEPTED, TODAY), today=TODAY)
    assert kinds(db) == []


def test_bad_alert_settings_are_refused(db, world):
    from app.core.errors import ValidationError

    with db.unit() as s, pytest.raises(ValidationError) as exc:
        experts_alerts.save_alert_settings(s, 0, 21)
    assert exc.value.field == "horizon"


def test_an_overlap_warns_when_saving_and_stays_an_alert(db, world):
    first = on_site(db, world, "smirnov", 10, 365)
    data = expert(world, "smirnov", host_organisation_zh="第十研究所", host_organisation_ru="10-й НИИ",
                  planned_start=TODAY + D(20), planned_end=TODAY + D(25), term_limit_days=7)  # fmt: skip
    with db.unit() as s, pytest.raises(NeedsOverride) as exc:
        experts.save_assignment(s, data, today=TODAY, proposed=StepData(S.PROPOSED, TODAY))
    assert [w.code for w in exc.value.warnings] == ["overlap"]
    assert "И. П. Смирнов" not in exc.value.message and "I. P. Smirnov" in exc.value.message
    assert "Государственный завод № 112" in exc.value.message
    with db.unit() as s:
        second = experts.save_assignment(s, data, today=TODAY, proposed=StepData(S.PROPOSED, TODAY),
                                         override_reason="доклад согласован")  # fmt: skip
    assert kinds(db) == [(AlertKind.OVERLAP, first.id)]
    with db.unit() as s:
        alert = experts_alerts.alerts(s, TODAY)[0]
    assert alert.other_assignment_id == second.id
    assert "10-й НИИ" in alert.message("ru") and "第十研究所" in alert.message("zh")
    # a cancelled assignment overlaps nothing
    with db.unit() as s:
        experts_procedure.advance(s, second.id, StepData(S.CANCELLED, TODAY, reason="отменено"), today=TODAY)
    assert kinds(db) == []


def test_adjacent_stays_do_not_overlap(db, world):
    first = on_site(db, world, "smirnov", 10, 30)  # until TODAY + 19
    with db.unit() as s:
        experts.save_assignment(
            s, expert(world, "smirnov", planned_start=TODAY + D(20), term_limit_days=10), today=TODAY,
            proposed=StepData(S.PROPOSED, TODAY),
        )  # fmt: skip
    assert first.end_date == TODAY + D(19)
    assert kinds(db) == [(AlertKind.ENDING, first.id)]  # ends soon, but overlaps nothing


# --- the demo -------------------------------------------------------------------------------------


def test_the_demo_register(demo_db):
    from tests.conftest import DEMO_TODAY

    with demo_db.unit() as s:
        rows = search_assignments(s, AssignmentFilter())
        quotas = {q.decision_ref[1] if q.decision_ref else None: q for q in experts_quotas.list_quotas(s)}
        alerts = experts_alerts.alerts(s, DEMO_TODAY)
        all_quotas = experts_quotas.list_quotas(s)
    assert 55 <= len(rows) <= 65
    assert set(Counter(r.status for r in rows)) == set(S)
    directions = Counter(r.sending_code for r in rows)
    assert directions["SU"] > 20 and directions["CN"] > 15
    assert len(all_quotas) == 3 and {5, 6} <= set(quotas)
    nearly = [q for q in all_quotas if 0 < q.left <= 1]
    assert nearly, [(q.label("ru"), q.left) for q in all_quotas]
    assert all(q.left >= 0 for q in all_quotas)
    found = Counter(a.kind for a in alerts)
    assert found[AlertKind.OVER_TERM] >= 2
    assert found[AlertKind.ENDING] >= 2
    assert found[AlertKind.UNANSWERED] >= 1
    assert found[AlertKind.OVERLAP] == 1
    for r in rows:
        for p in r.people:
            assert p.name_zh and p.name_ru and p.name_latin
        assert r.host_organisation_zh and r.host_organisation_ru and r.place_zh and r.place_ru
