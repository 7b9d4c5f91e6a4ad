"""The Exchanges table takes its columns from the register's declaration."""

from __future__ import annotations

from app.core.fields import Field, FieldKind
from app.core.services.exchanges.data import ExchangeData
from app.core.services.exchanges.fields import EXCHANGE
from app.ui.models.query_model import ALIGN_CENTER, ALIGN_RIGHT
from app.ui.views.exchange_columns import HIDDEN_BY_DEFAULT, register_columns


def test_one_column_per_declared_column_field_in_the_declared_order():
    assert [c.key for c in register_columns()] == [f.name for f in EXCHANGE.columns()]
    assert HIDDEN_BY_DEFAULT == set(EXCHANGE.hidden())
    quantity = next(c for c in register_columns() if c.key == "quantity")
    assert quantity.header == "Qty" and quantity.header_tooltip == "Quantity"


def test_a_declared_field_gets_a_column_by_its_kind():
    reg = EXCHANGE.with_fields(Field("meeting_ordinal", "Session No.", FieldKind.INT))
    col = register_columns(reg)[-1]
    assert col.key == "meeting_ordinal" and col.header == "Session No." and col.align == ALIGN_RIGHT
    assert col.value(ExchangeData(meeting_ordinal=3)) == 3
    sent = next(c for c in register_columns() if c.key == "sent_on")
    assert sent.align == ALIGN_CENTER


def test_the_assignments_table_follows_the_experts_declaration():
    import datetime as dt

    from app.core.services.experts.fields import ASSIGNMENT
    from app.ui.views.experts_columns import assignment_columns

    columns = assignment_columns(lambda code: code, dt.date.today, lambda: 30)
    assert [c.key for c in columns] == [f.name for f in ASSIGNMENT.columns()]
    assert [c.header for c in columns] == [f.msgid for f in ASSIGNMENT.columns()]
