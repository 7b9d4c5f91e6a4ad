"""ctx.write(fn, …): runs a service in one unit of work and announces what the service declares."""

from __future__ import annotations

import pytest

from app.core.changes import Change
from app.core.errors import ValidationError
from app.core.services import commission as commission_service
from app.core.services import people as people_service
from app.core.services.people import PersonData


def test_write_announces_what_the_service_declares(demo_ctx):
    ctx = demo_ctx
    sides = ctx.read(commission_service.get_sides)
    heard: list = []
    ctx.changed.connect(heard.append)
    ctx.write(people_service.add_person, PersonData(side_id=sides[0].id, name_zh="王明"))
    assert heard == [frozenset({Change.PEOPLE})]


def test_a_dialogs_own_function_is_announced_with_what_it_called(demo_ctx):
    ctx = demo_ctx
    sides = ctx.read(commission_service.get_sides)
    heard: list = []
    ctx.changed.connect(heard.append)

    def save(session):
        return people_service.add_person(session, PersonData(side_id=sides[0].id, name_zh="李华"))

    assert ctx.write(save).name_zh == "李华"
    assert heard == [frozenset({Change.PEOPLE})]


def test_an_undeclared_service_is_refused_before_it_runs(demo_ctx):
    ctx = demo_ctx
    ran: list = []

    def undeclared(session):
        ran.append(1)

    undeclared.__module__ = "app.core.services.settings"
    with pytest.raises(TypeError, match="does not declare"):
        ctx.write(undeclared)
    with pytest.raises(TypeError, match="declares what it changes"):
        ctx.write(Change.PEOPLE, people_service.add_person)  # the old form
    assert ran == []


def test_a_refused_write_announces_nothing(demo_ctx):
    ctx = demo_ctx
    heard: list = []
    ctx.changed.connect(heard.append)
    with pytest.raises(ValidationError):
        ctx.write(people_service.add_person, PersonData(side_id=None, name_zh=""))
    assert heard == []
