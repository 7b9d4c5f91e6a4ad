"""A register's fields are declared once: the dialog, the table's columns and the export's headers
read the declaration. Every declared field shows where it is marked to, and a field added to the
declaration (a test-only one here) appears in all three without touching them."""

from __future__ import annotations

import csv
from contextlib import contextmanager
from io import BytesIO

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from app.core.fields import Field, FieldKind, Register
from app.core.services.exchanges.fields import EXCHANGE
from app.core.services.expenses.fields import EXPENSE
from app.core.services.experts.fields import ASSIGNMENT
from app.ui.widgets.mnemonics import plain


@contextmanager
def declared(register: Register, *extra: Field):
    """The register with ``extra`` declared at its end, as if one line had been added to it."""
    before = (register.fields, register._by_name)
    grown = register.with_fields(*extra)
    object.__setattr__(register, "fields", grown.fields)
    object.__setattr__(register, "_by_name", grown._by_name)
    try:
        yield
    finally:
        object.__setattr__(register, "fields", before[0])
        object.__setattr__(register, "_by_name", before[1])


def headers(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


# --- the exchanges -------------------------------------------------------------------------------------


def exchange_places(ctx, db_path_for_export):
    from app.core.services.exchanges import transfer
    from app.ui.dialogs.exchange_dialog import ExchangeDialog
    from app.ui.views.exchange_columns import register_columns

    dialog = ExchangeDialog(ctx)
    columns = {c.key: c.header for c in register_columns()}
    ctx.read(transfer.export_file, db_path_for_export)
    with open(db_path_for_export, encoding="utf-8-sig", newline="") as fh:
        exported = next(csv.reader(fh))
    return dialog, columns, exported


def test_every_declared_exchange_field_shows_where_it_is_marked_to(qtbot, demo_ctx, tmp_path):
    dialog, columns, exported = exchange_places(demo_ctx, tmp_path / "all.csv")
    qtbot.addWidget(dialog)
    for f in EXCHANGE.editable():
        assert f.name in dialog.widgets and plain(dialog.labels[f.name].text()) == plain(f.label), f.name
    assert list(columns) == [f.name for f in EXCHANGE.columns()]
    assert exported == [f.header for f in EXCHANGE.exported()]


def test_a_field_added_to_the_exchanges_declaration_appears_in_dialog_table_and_export(qtbot, ctx, tmp_path):
    extra = Field("customs_ref", "Customs reference", FieldKind.TEXT, max_length=40, header_msgid="Customs ref.")
    with declared(EXCHANGE, extra):
        dialog, columns, exported = exchange_places(ctx, tmp_path / "empty.csv")
        qtbot.addWidget(dialog)
        assert plain(dialog.labels["customs_ref"].text()) == "Customs reference"
        assert dialog.widgets["customs_ref"].maxLength() == 40
        assert dialog.item_box.isAncestorOf(dialog.widgets["customs_ref"])
        assert columns["customs_ref"] == "Customs reference"
        assert exported[-1] == "Customs ref."
    assert "customs_ref" not in EXCHANGE


# --- the expenses -------------------------------------------------------------------------------------------


def expense_places(ctx):
    from app.core.services.expenses import summary
    from app.reports.statement_xlsx import build_workbook
    from app.ui.dialogs.expense_dialog import ExpenseDialog
    from app.ui.views.expenses_register import ExpenseRegisterPage

    dialog = ExpenseDialog(ctx, 1)
    page = ExpenseRegisterPage(ctx)
    sheet = load_workbook(BytesIO(build_workbook(ctx.read(summary.statement, 1), "ru"))).worksheets[0]
    exported = [c.value for c in next(sheet.iter_rows(max_row=1))]
    return dialog, page, exported


def test_every_declared_expense_field_shows_where_it_is_marked_to(qtbot, demo_ctx):
    from app.i18n import doc_gettext

    dialog, page, exported = expense_places(demo_ctx)
    qtbot.addWidget(dialog)
    qtbot.addWidget(page)
    for f in EXPENSE.editable():
        if f.stored:
            assert f.name in dialog.widgets and plain(dialog.labels[f.name].text()) == plain(f.label), f.name
    assert sorted(c.key for c in page.model.columns) == sorted(f.name for f in EXPENSE.columns())
    assert set(headers(page.model)) == {f.column_label for f in EXPENSE.columns()}
    _d = doc_gettext("ru")
    assert set(exported[1:]) == {_d(f.header_msgid or f.msgid) for f in EXPENSE.exported()}
    assert exported[0] == _d("No.")  # the row number, not a field


def test_a_field_added_to_the_expenses_declaration_appears_in_dialog_table_and_statement(qtbot, demo_ctx):
    extra = Field("invoice_no", "Invoice number", FieldKind.TEXT, max_length=30)
    with declared(EXPENSE, extra):
        dialog, page, exported = expense_places(demo_ctx)
        qtbot.addWidget(dialog)
        qtbot.addWidget(page)
        assert plain(dialog.labels["invoice_no"].text()) == "Invoice number"
        assert dialog.widgets["invoice_no"].maxLength() == 30
        assert headers(page.model)[-1] == "Invoice number"
        assert exported[-1] == "Invoice number"
        assert dialog.data().amount == ""  # the form still makes an ExpenseInput
    assert "invoice_no" not in EXPENSE


# --- the assignments ----------------------------------------------------------------------------------------


@pytest.fixture
def experts_columns():
    from app.ui.views.experts_columns import assignment_columns

    return lambda: assignment_columns(lambda code: code, lambda: None, lambda: 30)


def test_the_assignments_table_and_dialog_labels_come_from_the_declaration(experts_columns):
    from app.ui.dialogs.assignment_dialog import LABELS

    assert [c.key for c in experts_columns()] == [f.name for f in ASSIGNMENT.columns()]
    assert LABELS == {f.name: f.msgid for f in ASSIGNMENT.editable()}
    extra = Field("visa_no", "Visa number", FieldKind.TEXT, column=True)
    with declared(ASSIGNMENT, extra):
        columns = experts_columns()
        assert columns[-1].key == "visa_no" and columns[-1].header == "Visa number"
