"""The assignments' fields are declared once (services/experts/fields.py): the service checks the
declared lengths, ranges and choices, and names the field."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.errors import ValidationError
from app.core.models.experts import AssignmentStatus as S
from app.core.services.experts import assignments as experts
from app.core.services.experts.assignments import StepData
from app.core.services.experts.fields import ASSIGNMENT
from tests.core.experts_helpers import TODAY, expert, make_world


@pytest.fixture
def world(db):
    with db.unit() as s:
        return make_world(s)


def refused(db, data) -> ValidationError:
    with pytest.raises(ValidationError) as info, db.unit() as s:
        experts.save_assignment(s, data, today=TODAY, proposed=StepData(S.PROPOSED, TODAY - dt.timedelta(30)))
    return info.value


def test_a_text_over_its_declared_length_is_refused_with_the_field_name(db, world):
    limit = ASSIGNMENT["place_ru"].max_length
    error = refused(db, expert(world, place_ru="М" * (limit + 1)))
    assert error.field == "place_ru"
    assert str(limit) in error.message and "Place in Russian" in error.message


def test_declared_ranges_keep_their_words(db, world):
    assert refused(db, expert(world, extension_days=-1)).message == "An extension cannot be negative."
    assert (
        refused(db, expert(world, term_limit_days=99_999)).message == "A term limit cannot exceed ten years."
    )


def test_the_table_s_columns_are_the_declared_ones():
    assert [f.name for f in ASSIGNMENT.columns()] == [
        "status", "people", "direction", "purpose", "organisation", "place", "speciality", "start", "end",
        "term", "term_end", "session",
    ]  # fmt: skip
