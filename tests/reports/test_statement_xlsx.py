"""The workbook for accountants: numbers as numbers, each amount in its currency's format."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import load_workbook

from app.core.services.agenda import sessions as meetings
from app.core.services.expenses import summary as expense_summary
from app.reports.statement_xlsx import build_workbook, excel_currency_format


def test_amounts_are_numbers_with_currency_formats(demo_db):
    with demo_db.unit() as s:
        data = expense_summary.statement(s, meetings.meeting_by_ordinal(s, 1).id)
    for lang in ("zh", "ru"):
        wb = load_workbook(io.BytesIO(build_workbook(data, lang)))
        ws = wb.worksheets[0]
        headers = [c.value for c in ws[1]]
        amount_col = headers.index("金额" if lang == "zh" else "Сумма") + 1
        currency_col = amount_col + 1
        sums: dict[str, Decimal] = {}
        for row in range(2, ws.max_row + 1):
            cell = ws.cell(row=row, column=amount_col)
            currency = ws.cell(row=row, column=currency_col).value
            assert isinstance(cell.value, (int, float)), cell.value
            assert cell.number_format == excel_currency_format(currency, lang)
            sums[currency] = sums.get(currency, Decimal(0)) + Decimal(str(cell.value))
        assert ws.max_row - 1 == len(data.expenses)
        assert {c: v.quantize(Decimal("0.01")) for c, v in sums.items()} == data.totals
        assert ws.cell(row=2, column=2).is_date
        names = wb.sheetnames
        assert len(names) == 4  # expenses, summary, budgets, rates
    assert excel_currency_format("CNY", "zh") == '"¥"#,##0.00'
    assert excel_currency_format("RUB", "ru") == '#,##0.00"\u00a0₽"'
    assert excel_currency_format("JPY", "zh") == '"JP¥"#,##0'
