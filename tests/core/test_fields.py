"""The field declarations every register reads: labels, validation, selections."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app import i18n
from app.core.enums import AgendaStatus
from app.core.errors import ValidationError
from app.core.fields import Field, FieldKind, Register
from app.i18n import N_

REG = Register(
    "sample",
    (
        Field("title", N_("Title"), required=True, max_length=5),
        Field("quantity", N_("Quantity"), FieldKind.INT, minimum=1),
        Field("amount", N_("Amount"), FieldKind.DECIMAL, minimum=Decimal("0.01")),
        Field("on", N_("Date"), FieldKind.DATE),
        Field("status", N_("Status"), FieldKind.CHOICE, choices=AgendaStatus),
        Field("uuid", N_("Record ID"), FieldKind.UUID, read_only=True, column=False, shared=True),
        Field("internal", N_("Notes"), FieldKind.LONG_TEXT, shared=False),
    ),
)


def test_selections():
    assert [f.name for f in REG.columns()] == ["title", "quantity", "amount", "on", "status", "internal"]
    assert "uuid" not in [f.name for f in REG.editable()]
    assert "internal" not in [f.name for f in REG.shared()]
    assert "title" in REG and REG["title"].required
    with pytest.raises(ValueError):
        Register("twice", (Field("a", "A"), Field("a", "A")))


def test_valid_record_passes():
    REG.validate(
        {
            "title": "abc",
            "quantity": 2,
            "amount": Decimal("1.5"),
            "on": dt.date(1957, 12, 14),
            "status": "agreed",
        }
    )


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"title": "  "}, "title"),
        ({"title": "abcdef"}, "title"),
        ({"title": "a", "quantity": 0}, "quantity"),
        ({"title": "a", "quantity": True}, "quantity"),
        ({"title": "a", "amount": "x"}, "amount"),
        ({"title": "a", "amount": Decimal("0")}, "amount"),
        ({"title": "a", "on": "1957-12-14"}, "on"),
        ({"title": "a", "status": "nonsense"}, "status"),
    ],
)
def test_broken_rule_names_its_field(values, field):
    with pytest.raises(ValidationError) as info:
        REG.validate(values)
    assert info.value.field == field


def test_message_translated_when_shown():
    with pytest.raises(ValidationError) as info:
        REG.validate({"title": ""})
    english = info.value.message
    i18n.set_language("ru")
    russian = info.value.message
    assert english != russian and "«" in russian


def test_the_quick_tests_pass_only_what_the_declared_rules_pass():
    """Register.validate lets a field's quick test (built once per field) pass the common values
    without Field.validate: a value it passes must break no declared rule, in every register."""
    import importlib

    from app.core.fields import _quick_test

    modules = ["app.core.services.attachments"] + [
        f"app.core.services.{m}.fields" for m in ("expenses", "experts", "exchanges", "decisions", "correspondence")
    ]
    registers = [
        o for m in modules for o in vars(importlib.import_module(m)).values() if isinstance(o, Register)
    ]
    assert len(registers) >= 5
    samples = [None, "", " ", "  \n", "x", "x" * 5000, "Книга", 0, -1, 1, 12, 10**9, True, False, 1.0, 2.5,
               Decimal("3"), dt.date(2026, 1, 1), dt.datetime(2026, 1, 1, 12), AgendaStatus.AGREED, "agreed",
               "book", "BOOK", "1958-03-12"]  # fmt: skip
    checked = 0
    for register in registers:
        for f in register:
            passes = _quick_test(f)
            for value in samples:
                if passes(value):
                    f.validate(value)  # raises if the quick test was wrong
                    checked += 1
    assert checked > 100


def test_the_column_tests_pass_only_columns_whose_every_value_the_quick_test_passes():
    """Register.rows_to_validate tests an import's batch of rows a column at a time: a column its
    test passes must hold no value the field's quick test (and so its declared rules) would stop,
    in every register; a row with such a value is among the rows to validate."""
    import importlib
    import itertools

    from app.core.fields import _column_test, _quick_test

    modules = ["app.core.services.attachments"] + [
        f"app.core.services.{m}.fields" for m in ("expenses", "experts", "exchanges", "decisions", "correspondence")
    ]
    registers = [
        o for m in modules for o in vars(importlib.import_module(m)).values() if isinstance(o, Register)
    ]
    samples = [None, "", " ", "x", "x" * 5000, "Книга", 0, -1, 1, 12, 10**9, True, False, 1.0, 2.5,
               Decimal("3"), dt.date(2026, 1, 1), dt.datetime(2026, 1, 1, 12), AgendaStatus.AGREED, "agreed",
               "book", "BOOK", "1958-03-12", 600, 601, 1_000_000, 1_000_001]  # fmt: skip
    columns = [[]] + [[v] for v in samples] + [list(c) for c in itertools.combinations(samples, 2)]
    passed = 0
    for register in registers:
        for f in register:
            whole, quick = _column_test(f), _quick_test(f)
            for col in columns:
                if whole(col):
                    assert all(quick(v) for v in col), (register.name, f.name, col)
                    passed += 1
            names = [f.name]
            bad = [i for i, v in enumerate(samples) if not quick(v)]
            assert register.rows_to_validate({f.name: samples}, names) == set(bad)
    assert passed > 1000
