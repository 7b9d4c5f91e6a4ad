"""Assignments: validation, the procedure step by step, skipping with and without a reason,
search by person or organisation, history, and refusing to delete what is referenced."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.errors import ValidationError
from app.core.models import AgendaItem, DelegationMember
from app.core.models.experts import AssignmentPurpose as P
from app.core.models.experts import AssignmentStatus as S
from app.core.services import people
from app.core.services.experts import assignments as experts
from app.core.services.experts import history as experts_history
from app.core.services.experts import procedure as experts_procedure
from app.core.services.experts.assignments import NeedsOverride, StepData
from app.core.services.experts.query import AssignmentFilter, count_assignments, search_assignments
from tests.core.experts_helpers import TODAY, expert, make_world

D = dt.timedelta


@pytest.fixture
def world(db):
    with db.unit() as s:
        return make_world(s)


def save(db, data, **kw):
    kw.setdefault("today", TODAY)
    if data.id is None:
        kw.setdefault("proposed", StepData(S.PROPOSED, TODAY - D(30)))
    with db.unit() as s:
        return experts.save_assignment(s, data, **kw)


def step(db, assignment_id, status, date, **kw):
    reason = kw.pop("reason", "")
    with db.unit() as s:
        return experts_procedure.advance(
            s, assignment_id, StepData(status, date, reason=reason, **kw), today=TODAY
        )


def test_a_new_assignment_is_proposed_with_its_first_step(db, world):
    a = save(db, expert(world, "smirnov", "ivanov"), proposed=StepData(S.PROPOSED, TODAY - D(3)))
    assert a.status is S.PROPOSED
    assert [st.status for st in a.steps] == [S.PROPOSED]
    assert a.steps[0].date == TODAY - D(3)
    assert a.names("ru") == "И. П. Смирнов, С. Н. Иванов"
    assert a.start_date == TODAY + D(30)
    assert a.term_end == a.end_date == TODAY + D(30 + 364)


def test_the_procedure_goes_step_by_step_and_records_dates_and_handlers(db, world):
    a = save(db, expert(world, planned_start=TODAY - D(10)), proposed=StepData(S.PROPOSED, TODAY - D(60)))
    sok, liu = world.people["sokolova"], world.people["liu"]
    step(db, a.id, S.INVITED, TODAY - D(50), sending_person_id=sok, receiving_text="外事处")
    step(db, a.id, S.ACCEPTED, TODAY - D(40), receiving_person_id=liu)
    step(db, a.id, S.TRAVEL_ARRANGED, TODAY - D(20))
    a = step(db, a.id, S.ON_SITE, TODAY - D(8))
    assert a.status is S.ON_SITE and a.actual_start == TODAY - D(8)
    assert a.start_date == TODAY - D(8)
    a = step(db, a.id, S.COMPLETED, TODAY)
    assert a.status is S.COMPLETED and a.actual_end == TODAY and a.end_date == TODAY
    assert [st.status for st in a.steps] == list(experts.PROCEDURE)
    invited = a.steps[1]
    assert invited.handler("sending", "ru") == "М. И. Соколова"
    assert invited.handler("receiving", "zh") == "外事处"
    assert a.steps[2].handler("receiving", "zh") == "刘淑珍"
    with pytest.raises(ValidationError) as exc:
        step(db, a.id, S.CANCELLED, TODAY, reason="late")
    assert exc.value.field == "status" and "over" in exc.value.message


def test_skipping_a_step_without_a_reason_is_refused_and_changes_nothing(db, world):
    a = save(db, expert(world, planned_start=TODAY - D(5)))
    with pytest.raises(ValidationError) as exc:
        step(db, a.id, S.ON_SITE, TODAY - D(2))
    assert exc.value.field == "reason"
    assert "“Invited”, “Accepted”, “Travel arranged”" in exc.value.message
    with db.unit() as s:
        again = experts.get_assignment(s, a.id)
    assert again.status is S.PROPOSED and len(again.steps) == 1 and again.actual_start is None


def test_skipping_a_step_with_a_reason_records_what_was_skipped_and_why(db, world):
    a = save(db, expert(world, planned_start=TODAY - D(5)))
    a = step(db, a.id, S.ACCEPTED, TODAY - D(2), reason="Приглашение вручено на заседании")
    assert a.status is S.ACCEPTED
    assert a.steps[-1].skipped == (S.INVITED,)
    assert a.steps[-1].reason == "Приглашение вручено на заседании"


@pytest.mark.parametrize(
    ("target", "date", "reason", "field"),
    [
        (S.PROPOSED, TODAY, "", "status"),  # going back
        (S.INVITED, TODAY + D(1), "", "date"),  # in the future
        (S.INVITED, TODAY - D(30), "", "date"),  # before the previous step
        (S.INVITED, None, "", "date"),
        (S.CANCELLED, TODAY, "", "reason"),  # cancelling needs a reason
        ("nonsense", TODAY, "", "status"),
    ],
)
def test_bad_steps_are_refused_with_the_field_named(db, world, target, date, reason, field):
    a = save(db, expert(world), proposed=StepData(S.PROPOSED, TODAY - D(10)))
    with pytest.raises(ValidationError) as exc:
        step(db, a.id, target, date, reason=reason)
    assert exc.value.field == field


def test_a_step_handler_must_belong_to_the_side_named(db, world):
    a = save(db, expert(world))
    with pytest.raises(ValidationError) as exc:
        step(db, a.id, S.INVITED, TODAY, sending_person_id=world.people["liu"])
    assert exc.value.field == "sending_person_id" and "Лю Шучжэнь" not in exc.value.message


def test_cancelling_records_the_reason_and_the_last_step_can_be_undone(db, world):
    a = save(db, expert(world))
    step(db, a.id, S.INVITED, TODAY)
    a = step(db, a.id, S.CANCELLED, TODAY, reason="по состоянию здоровья")
    assert a.status is S.CANCELLED and a.steps[-1].reason == "по состоянию здоровья"
    with db.unit() as s:
        a = experts_procedure.revert_last_step(s, a.id)
    assert a.status is S.INVITED and len(a.steps) == 2
    with db.unit() as s:
        experts_procedure.revert_last_step(s, a.id)
        with pytest.raises(ValidationError):
            experts_procedure.revert_last_step(s, a.id)


def test_undoing_arrival_clears_the_actual_start(db, world):
    a = save(db, expert(world, planned_start=TODAY - D(3)))
    a = step(db, a.id, S.ON_SITE, TODAY - D(2), reason="срочный вызов")
    with db.unit() as s:
        a = experts_procedure.revert_last_step(s, a.id)
    assert a.actual_start is None and a.start_date == TODAY - D(3)


# --- bad input ----------------------------------------------------------------------------------


def test_the_errors_of_an_assignment_name_their_field_and_save_nothing(db, world):
    cases = {
        "sending_side_id": dict(sending_side_id=None),
        "receiving_side_id": dict(receiving_side_id=world.su),
        "people": dict(person_ids=()),
        "purpose": dict(purpose="tourism"),
        "host_organisation_zh": dict(host_organisation_zh=" ", host_organisation_ru=""),
        "planned_start": dict(planned_start=None),
        "planned_end": dict(planned_end=TODAY),
        "term_limit_days": dict(term_limit_days=0),
        "extension_reason": dict(extension_days=30),
        "actual_start": dict(actual_start=TODAY),
    }
    for field, change in cases.items():
        with pytest.raises(ValidationError) as exc:
            save(db, expert(world, **change))
        assert exc.value.field == field, (field, exc.value.message)
    with db.unit() as s:
        assert count_assignments(s, AssignmentFilter()) == 0


def test_a_person_sent_by_a_side_they_do_not_belong_to_is_refused(db, world):
    with pytest.raises(ValidationError) as exc:
        save(db, expert(world, "smirnov", "wang"))
    assert exc.value.field == "people"
    assert "Wang Deming" in exc.value.message and "СССР" in exc.value.message  # English UI: Latin names
    from app import i18n

    i18n.set_language("ru")
    with pytest.raises(ValidationError) as exc:
        save(db, expert(world, "smirnov", "wang"))
    assert "Ван Дэмин" in exc.value.message


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(start=st.dates(dt.date(1950, 1, 1), dt.date(1970, 1, 1)), back=st.integers(1, 4000))
def test_an_end_before_the_start_is_always_refused(db, world, start, back):
    with pytest.raises(ValidationError) as exc:
        save(db, expert(world, planned_start=start, planned_end=start - D(back)))
    assert exc.value.field == "planned_end"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(term=st.integers(-10_000, 0))
def test_a_term_limit_of_zero_or_less_is_always_refused(db, world, term):
    with pytest.raises(ValidationError) as exc:
        save(db, expert(world, term_limit_days=term))
    assert exc.value.field == "term_limit_days"


def test_a_stay_beyond_the_term_limit_is_a_warning_that_a_recorded_reason_overrides(db, world):
    data = expert(world, term_limit_days=30, planned_end=TODAY + D(30 + 40))
    with pytest.raises(NeedsOverride) as exc:
        save(db, data)
    assert [w.code for w in exc.value.warnings] == ["term_exceeded"]
    assert "41 days" in exc.value.message and "30 days" in exc.value.message
    a = save(db, data, override_reason="Продление согласовано письмом от 2 сентября")
    assert [(o.code, o.reason) for o in a.overrides] == [
        ("term_exceeded", "Продление согласовано письмом от 2 сентября")
    ]
    # the same warning is not asked again; an extension covers the stay
    a = save(db, replace(data, id=a.id, notes="ok"))
    a = save(db, replace(data, id=a.id, extension_days=11, extension_reason="письмо от 2 сентября"))
    assert a.term_end == a.end_date


# --- search and history ---------------------------------------------------------------------------


def test_search_finds_an_assignment_by_person_or_organisation_in_either_language(db, world):
    a = save(db, expert(world, "smirnov", "ivanov"))
    with db.unit() as s:
        for text in ("смирнов", "СМИРНОВ", "斯米尔诺夫", "smirnov", "завод № 112", "一一二厂", "шэньян"):
            assert [r.id for r in search_assignments(s, AssignmentFilter(text=text))] == [a.id], text
        assert count_assignments(s, AssignmentFilter(text="карпова")) == 0


def test_the_search_text_follows_the_people_of_the_assignment_and_their_names(db, world):
    a = save(db, expert(world, "smirnov"))
    save(db, replace(a, person_ids=(world.people["karpova"],), steps=(), overrides=()))
    with db.unit() as s:
        assert count_assignments(s, AssignmentFilter(text="смирнов")) == 0
        assert count_assignments(s, AssignmentFilter(text="карпова")) == 1
    with db.unit() as s:
        p = people.get_person(s, world.people["karpova"])
        people.update_person(s, replace(p, name_ru="Н. В. Карпова-Белова"))
    with db.unit() as s:
        assert count_assignments(s, AssignmentFilter(text="белова")) == 1


def test_filters_by_side_purpose_status_period_and_session(db, world):
    a = save(db, expert(world))
    b = save(db, expert(world, "karpova", purpose=P.AIDE, planned_start=TODAY + D(400), decision_id=None))
    with db.unit() as s:

        def ids(**kw):
            return {r.id for r in search_assignments(s, AssignmentFilter(**kw))}

        assert ids(sending_side_id=world.su) == {a.id, b.id}
        assert ids(sending_side_id=world.cn) == set()
        assert ids(purpose=P.AIDE.value) == {b.id}
        assert ids(status="active") == {a.id, b.id}
        assert ids(status=S.ON_SITE.value) == set()
        assert ids(period_from=TODAY + D(400), period_to=TODAY + D(410)) == {b.id}
        assert ids(period_to=TODAY + D(30)) == {a.id}
        assert ids(meeting_id=world.meeting) == {a.id}  # through its decision


def test_a_person_in_an_assignment_cannot_be_deleted(db, world):
    save(db, expert(world, "smirnov"))
    with db.unit() as s, pytest.raises(ValidationError) as exc:
        people.delete_person(s, world.people["smirnov"])
    assert "expert assignments (1)" in exc.value.message


def test_deleting_an_assignment_removes_its_steps_and_attachments(db, world, tmp_path):
    from app.core.services import attachments

    a = save(db, expert(world))
    f = tmp_path / "приглашение.txt"
    f.write_text("Приглашение", encoding="utf-8")
    with db.unit() as s:
        attachments.add_file(s, experts.OWNER_KIND, a.id, f)
    with db.unit() as s:
        experts.delete_assignment(s, a.id)
    with db.unit() as s:
        assert attachments.list_attachments(s, experts.OWNER_KIND, a.id) == []
        assert count_assignments(s, AssignmentFilter()) == 0


def test_history_gathers_delegations_assignments_and_presentations(db, world):
    a = save(db, expert(world, "smirnov"))
    with db.unit() as s:
        s.add(DelegationMember(meeting_id=world.meeting, side_id=world.su, person_id=world.people["smirnov"],
                               role="expert"))  # fmt: skip
        s.add(AgendaItem(meeting_id=world.meeting, title_zh="关于火炮设计", title_ru="О проектировании артиллерии",
                         presenter_id=world.people["smirnov"], day=dt.date(1958, 3, 4)))  # fmt: skip
    with db.unit() as s:
        h = experts_history.person_history(s, world.people["smirnov"])
    kinds = [e.kind.value for e in h.entries]
    assert kinds == ["assignment", "presentation", "delegation"]
    assert h.entries[0].assignment_id == a.id
    assert h.entries[1].describe("ru") == "Session 1: О проектировании артиллерии"
    assert h.entries[2].what("zh") == "北京"
