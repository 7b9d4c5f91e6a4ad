"""Reminders across the registers: decisions, letters, exchanges promised, experts' terms and the
steps before a session; snoozing."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.errors import ValidationError
from app.core.services import reminders as service
from app.core.services.reminders import ReminderKind
from tests.conftest import DEMO_TODAY


def test_the_demo_has_reminders_from_every_register(demo_db):
    with demo_db.unit() as s:
        items = service.reminders(s, DEMO_TODAY)
    kinds = {r.kind for r in items}
    assert {ReminderKind.DECISION, ReminderKind.LETTER, ReminderKind.EXCHANGE, ReminderKind.EXPERT} <= kinds
    assert all(r.due <= DEMO_TODAY + dt.timedelta(days=service.HORIZON) for r in items)
    assert [r.due for r in items] == sorted(r.due for r in items)
    late = next(r for r in items if r.kind is ReminderKind.DECISION and r.overdue)
    assert late.days < 0 and "overdue by" in late.when()
    assert late.what("zh") != late.what("ru")


def test_the_steps_before_a_session_are_reminded(demo_db):
    # a week before the second session's confirmation step, it is due
    with demo_db.unit() as s:
        days = [DEMO_TODAY + dt.timedelta(days=d) for d in range(0, 30)]
        found = [r for d in days for r in service.reminders(s, d) if r.kind is ReminderKind.DEADLINE]
    assert found


def test_a_snoozed_reminder_comes_back_on_its_day(demo_db):
    with demo_db.unit() as s:
        first = service.reminders(s, DEMO_TODAY)[0]
        with pytest.raises(ValidationError):
            service.snooze(s, first.key, DEMO_TODAY, today=DEMO_TODAY)
        service.snooze(s, first.key, DEMO_TODAY + dt.timedelta(days=2), today=DEMO_TODAY)
    with demo_db.unit() as s:
        assert first.key not in {r.key for r in service.reminders(s, DEMO_TODAY)}
        assert first.key in {r.key for r in service.reminders(s, DEMO_TODAY, snoozed=True)}
        assert first.key in {r.key for r in service.reminders(s, DEMO_TODAY + dt.timedelta(days=2))}
