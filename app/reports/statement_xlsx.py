"""The statement for accountants, as an XLSX workbook: every expense, the summary per side, the budgets
and the rates, with numbers as numbers and each amount cell in its currency's number format.

Headers are in the document's language (zh or ru); the number formats follow the currency
pattern of that locale (:mod:`app.i18n.wording`) (``"¥"#,##0.00``, ``#,##0.00 "₽"``), so a spreadsheet shows what the
statement prints, and the cells stay numbers that the accountants can sum.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal

from sqlalchemy.orm import Session

from app.core.fields import Field, FieldKind
from app.core.services.expenses import summary as expense_summary
from app.core.services.expenses.fields import EXPENSE
from app.core.services.expenses.summary import StatementData
from app.i18n import doc_gettext
from app.i18n.wording import (
    SHORT_DATE_PATTERNS,
    currency_digits,
    currency_pattern,
    currency_symbol,
    lang_key,
    session_title,
    short_date,
)

_NUMBER = re.compile(r"[#0,.]+")
#: the order of the columns of the "Expenses" sheet (the declared fields marked ``exported``; one
#: declared later follows)
SHEET_ORDER = ("spent_on", "payer_side_id", "kind", "category", "description", "correction_of_id",
               "correction_reason", "receipts", "amount", "currency", "uuid")  # fmt: skip


def _cell(f: Field, value, _d):
    """A value of a declared field as a cell: numbers and dates stay what they are, a choice its label."""
    if f.kind is FieldKind.CHOICE and f.choices is not None and value is not None:
        return _d(f.choices(getattr(value, "value", value)).msgid)
    if f.kind is FieldKind.BOOL and value is not None:
        return _d("yes") if value else _d("no")
    return value if value != "" else None


def excel_currency_format(currency: str, lang: str) -> str:
    """An Excel number format for amounts in ``currency`` as the locale writes them."""
    pattern = currency_pattern(lang)
    symbol = currency_symbol(currency, lang)
    digits = currency_digits(currency)
    number = "#,##0" + ("." + "0" * digits if digits else "")
    prefix, suffix = _NUMBER.split(pattern, maxsplit=1)
    affix = {}
    for name, text in (("prefix", prefix), ("suffix", suffix)):
        text = text.replace("¤", symbol)
        if text and symbol[-1:].isalpha() and name == "prefix" and not text.endswith(("\u00a0", " ")):
            text += "\u00a0"  # RUB 1,234.50, as the statement prints it
        affix[name] = f'"{text}"' if text else ""
    return f"{affix['prefix']}{number}{affix['suffix']}"


def _date_format(lang: str) -> str:
    """The short (table) date style as an Excel number format: yyyy-mm-dd, dd.mm.yyyy."""
    return SHORT_DATE_PATTERNS[lang_key(lang)].replace("M", "m")


def build_workbook(data: StatementData, lang: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    _d = doc_gettext(lang)
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="E8E8E8")
    wb = Workbook()
    wb.properties.creator = "Commission Desk"
    wb.properties.title = f"{_d('Statement of expenses')} · {session_title(data.meeting.ordinal, lang)}"
    wb.properties.subject = data.commission.name(lang)
    wb.properties.keywords = data.fingerprint
    sides = {s.side.id: s.side for s in data.sides}

    def sheet(ws, headers: list[str], widths: list[int]):
        ws.append(headers)
        for i, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = w
            cell = ws.cell(row=1, column=i)
            cell.font = bold
            cell.fill = head_fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.freeze_panes = "A2"

    def money(ws, row: int, column: int, amount: Decimal, currency: str, strong: bool = False) -> None:
        cell = ws.cell(row=row, column=column, value=amount)
        cell.number_format = excel_currency_format(currency, lang)
        if strong:
            cell.font = bold

    # every expense
    ws = wb.active
    ws.title = _d("Expenses")[:31]
    columns = EXPENSE.ordered(EXPENSE.exported(), SHEET_ORDER)
    sheet(
        ws,
        [_d("No."), *(_d(f.header_msgid or f.msgid) for f in columns)],
        [6, *(f.width or 16 for f in columns)],
    )
    expenses = sorted(data.expenses.values(), key=lambda e: (e.spent_on, e.id))
    for n, e in enumerate(expenses, start=1):
        original = data.expenses.get(e.correction_of_id) if e.correction_of_id else None
        cells = {
            "payer_side_id": sides[e.payer_side_id].short_name(lang),
            "kind": _d(e.kind.msgid),
            "category": _d(e.category.msgid),
            "description": e.description(lang),
            "correction_of_id": original.spent_on if original else None,
            "correction_reason": e.correction_reason or None,
            "amount": None,  # written below, in its currency's format
        }
        ws.append([n, *(cells[f.name] if f.name in cells else _cell(f, getattr(e, f.name, None), _d)
                        for f in columns)])  # fmt: skip
        r = ws.max_row
        for i, f in enumerate(columns, start=2):
            if f.kind is FieldKind.DATE or f.name == "correction_of_id":
                if ws.cell(row=r, column=i).value is not None:
                    ws.cell(row=r, column=i).number_format = _date_format(lang)
            elif f.name == "amount":
                money(ws, r, i, e.amount, e.currency)
    if expenses:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns) + 1)}{ws.max_row}"

    # what each side bears, by part and category, with totals per currency
    ws = wb.create_sheet(_d("Summary by side and currency")[:31])
    sheet(
        ws, [_d("Borne by"), _d("Kind"), _d("Category"), _d("Amount"), _d("Currency")], [16, 26, 30, 20, 10]
    )
    for s in data.ordered_sides(lang):
        name = s.side.short_name(lang)
        for part, kind in ((s.burden.organisation, "organisation"), (s.burden.delegation, "delegation")):
            label = _d("Organisation costs") if kind == "organisation" else _d("Delegation costs")
            for category, totals in part.by_category.items():
                for currency, amount in totals.items():
                    ws.append([name, label, _d(category.msgid), None, currency])
                    money(ws, ws.max_row, 4, amount, currency)
        for currency, amount in s.burden.totals.items():
            ws.append([_d("Total borne by {side}").format(side=name), None, None, None, currency])
            ws.cell(row=ws.max_row, column=1).font = bold
            money(ws, ws.max_row, 4, amount, currency, strong=True)
    for currency, amount in data.totals.items():
        ws.append([_d("All costs of the session"), None, None, None, currency])
        ws.cell(row=ws.max_row, column=1).font = bold
        money(ws, ws.max_row, 4, amount, currency, strong=True)
    for c in data.converted:
        if c.amount is None:
            continue
        rates = "; ".join(
            f"1 {r.from_currency} = {r.rate} {r.to_currency} ({short_date(r.rate_date, lang)})"
            for r in c.rates
        )
        ws.append([_d("Converted total"), rates, None, None, c.currency])
        money(ws, ws.max_row, 4, c.amount, c.currency, strong=True)

    # budgets and rates
    if data.budgets:
        ws = wb.create_sheet(_d("Budgets")[:31])
        sheet(ws, [_d("Borne by"), _d("Category"), _d("Currency"), _d("Budget"), _d("Spent"), _d("Remaining")],
              [16, 30, 10, 18, 18, 18])  # fmt: skip
        for b in data.budgets:
            ws.append([sides[b.side_id].short_name(lang), _d(b.category.msgid), b.currency])
            r = ws.max_row
            for col, value in ((4, b.budget), (5, b.spent), (6, b.remaining)):
                money(ws, r, col, value, b.currency)
    if data.rates:
        ws = wb.create_sheet(_d("Exchange rates")[:31])
        sheet(ws, [_d("Date"), _d("From currency"), _d("To currency"), _d("Rate")], [14, 10, 10, 16])
        for rate in data.rates:
            ws.append([rate.rate_date, rate.from_currency, rate.to_currency, rate.rate])
            ws.cell(row=ws.max_row, column=1).number_format = _date_format(lang)
            ws.cell(row=ws.max_row, column=4).number_format = "0.0000######"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def statement_xlsx(session: Session, meeting_id: int, lang: str) -> bytes:
    return build_workbook(expense_summary.statement(session, meeting_id), lang)
