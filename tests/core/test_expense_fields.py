"""The expenses' fields are declared once (services/expenses/fields.py)."""

from __future__ import annotations

import pytest

from app.core.errors import ValidationError
from app.core.models import Expense
from app.core.services.expenses.fields import COLUMN_OF, EXPENSE, INTERNAL_COLUMNS


def test_every_model_column_is_declared_or_deliberately_internal():
    columns = set(Expense.__table__.columns.keys())
    declared = {COLUMN_OF.get(f.name, f.name) for f in EXPENSE.stored()}
    assert declared <= columns, f"declared but not on the model: {declared - columns}"
    assert columns - declared == INTERNAL_COLUMNS


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"kind": "bribe"}, "kind", "Choose the kind of expense."),
        ({"kind": "organisation", "category": None}, "category", "Choose the category of the expense."),
    ],
)
def test_declared_rules_keep_the_register_s_own_words(values, field, message):
    with pytest.raises(ValidationError) as info:
        EXPENSE.validate(values, ("kind", "category"))
    assert info.value.field == field and info.value.message == message


def test_required_marks():
    assert {f.name for f in EXPENSE if f.required} == {
        "meeting_id", "kind", "category", "spent_on", "amount", "currency",
    }  # fmt: skip
