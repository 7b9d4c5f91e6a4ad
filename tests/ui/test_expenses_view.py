"""The Expenses tab through the GUI: add both kinds of expenses and see who bears them, refuse a bad
amount next to the field, confirm a far date, correct an expense, filter, budgets, rates, the
statement and the workbook, and a language switch."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate

from app.core.services.expenses import records as service
from app.core.services.expenses.records import ExpenseFilter
from app.i18n import format_money
from app.ui.dialogs.budget_dialog import BudgetDialog
from app.ui.dialogs.expense_dialog import ExpenseDialog
from app.ui.dialogs.rate_dialog import RateDialog
from app.ui.widgets import messages
from tests.ui.typing import type_text


def expenses_view(window):
    i = next(i for i, v in enumerate(window.views) if v.objectName() == "ExpensesView")
    window.tabs.setCurrentIndex(i)
    return window.views[i]


def summary_cell(view, label: str, currency: str) -> str:
    """What the summary shows for a row label and a currency column."""
    m = view.summary_model
    col = m.headers.index(currency)
    row = next(r for r in range(m.rowCount()) if m.text(r, 0).strip() == label)
    return m.text(row, col)


def session_of(view, ordinal: int) -> int:
    return next(mid for mid, m in view._meetings.items() if m.ordinal == ordinal)


def fill(dialog: ExpenseDialog, *, kind: int, delegation: str | None = None, category: str, amount: str,
         currency: str, ru: str = "", zh: str = "", day: dt.date | None = None) -> None:  # fmt: skip
    dialog.kind.setCurrentIndex(kind)
    if delegation is not None:
        side_id = next(s.id for s in dialog._sides if s.code == delegation)
        dialog.delegation.setCurrentIndex(dialog.delegation.findData(side_id))
    dialog.category.setCurrentIndex(dialog.category.findData(category))
    dialog.amount.clear()
    type_text(dialog.amount, amount)
    dialog.currency.set_currency(currency)
    if zh:
        type_text(dialog.description_zh, zh)
    if ru:
        type_text(dialog.description_ru, ru)
    if day is not None:
        dialog.spent_on.setDate(QDate(day.year, day.month, day.day))


def save(dialog) -> None:
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()


def test_adding_expenses_of_both_kinds_changes_what_each_side_bears(qtbot, demo_window, monkeypatch):
    view = expenses_view(demo_window)
    view.select_session(session_of(view, 2))  # Moscow: the Soviet side hosts
    before_org = summary_cell(view, "Organisation costs", "SUR")
    rows = view.model.rowCount()
    start = view._meetings[view.meeting_id].start_date
    shown_payers: list[str] = []

    def organisation(dialog: ExpenseDialog):
        fill(dialog, kind=0, category="reception", amount="12,500.50", currency="SUR",
             ru="Приём в честь китайской делегации", day=start)  # fmt: skip
        shown_payers.append(dialog.payer.text())
        save(dialog)
        return dialog.result()

    monkeypatch.setattr(ExpenseDialog, "exec", organisation)
    view.add_button.click()
    assert view.model.rowCount() == rows + 1
    assert "USSR" in shown_payers[0] and "host" in shown_payers[0]
    org = Decimal(before_org.replace("SUR", "").replace(",", "").strip()) + Decimal("12500.50")
    assert summary_cell(view, "Organisation costs", "SUR") == format_money(org, "SUR")
    added = view.current()
    assert added is not None and added.amount == Decimal("12500.50")
    assert view._side_name(added.payer_side_id) == "USSR"

    def delegation(dialog: ExpenseDialog):
        fill(dialog, kind=1, delegation="CN", category="transport", amount="860", currency="SUR",
             zh="代表团市内交通", day=start)  # fmt: skip
        shown_payers.append(dialog.payer.text())
        save(dialog)
        return dialog.result()

    monkeypatch.setattr(ExpenseDialog, "exec", delegation)
    demo_window.act_new.trigger()  # the Edit menu's New record
    assert view.model.rowCount() == rows + 2
    assert "PRC" in shown_payers[1] and "own delegation" in shown_payers[1]
    e = view.current()
    assert e.description_zh == "代表团市内交通" and view._side_name(e.payer_side_id) == "PRC"
    # the Chinese side bears its delegation's transport in roubles
    assert view.model.index(view.table.currentIndex().row(), 5).data() == format_money(Decimal(860), "SUR")
    assert "SUR" in view.sums.text()


def test_a_bad_amount_is_refused_with_the_message_under_the_field(qtbot, demo_ctx):
    dialog = ExpenseDialog(demo_ctx, 1)
    qtbot.addWidget(dialog)
    dialog.show()
    count = demo_ctx.read(service.count_expenses, ExpenseFilter())
    type_text(dialog.description_ru, "Такси")
    for amount, words in [("12.345", "at most 2 decimals"), ("-5", "greater than zero"), ("abc", "not an amount"),
                          ("0", "greater than zero")]:  # fmt: skip
        dialog.amount.clear()
        type_text(dialog.amount, amount)
        save(dialog)
        assert dialog.isVisible()
        assert words in dialog.errors.message("amount")
        assert dialog.findChild(type(dialog.labels["amount"]), "error_amount").isVisible()
    dialog.currency.set_currency("ABC")
    dialog.amount.clear()
    type_text(dialog.amount, "10")
    save(dialog)
    assert "ISO 4217" in dialog.errors.message("currency")
    assert demo_ctx.read(service.count_expenses, ExpenseFilter()) == count


def test_amounts_are_typed_the_russian_way_in_russian(qtbot, demo_ctx):
    from app.i18n.qt import apply_language

    apply_language("ru")
    dialog = ExpenseDialog(demo_ctx, 1)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.amount.placeholderText().endswith("1\u00a0234,50")
    fill(dialog, kind=0, category="printing", amount="1 234,50", currency="CNY", ru="Печать приглашений")
    save(dialog)
    assert not dialog.isVisible(), dialog.errors.shown()
    assert dialog.saved.amount == Decimal("1234.50")
    dialog2 = ExpenseDialog(demo_ctx, 1)
    qtbot.addWidget(dialog2)
    fill(dialog2, kind=0, category="printing", amount="1,234.50", currency="CNY", ru="Печать")
    save(dialog2)
    assert "1\u00a0234,50" in dialog2.errors.message("amount")  # the example shows how to type it


def test_a_delegation_cost_without_a_delegation_is_refused(qtbot, demo_ctx):
    dialog = ExpenseDialog(demo_ctx, 1)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, kind=1, category="lodging", amount="100", currency="CNY", zh="住宿")
    dialog.delegation.setCurrentIndex(0)  # "choose the delegation"
    assert "choose" in dialog.payer.text()
    save(dialog)
    assert "delegation it belongs to" in dialog.errors.message("delegation_side_id")


def test_a_far_date_is_saved_only_when_the_user_confirms(qtbot, demo_ctx, monkeypatch):
    dialog = ExpenseDialog(demo_ctx, 1)
    qtbot.addWidget(dialog)
    dialog.show()
    count = demo_ctx.read(service.count_expenses, ExpenseFilter())
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda parent, text, title=None: asked.append(text) or False)
    fill(dialog, kind=0, category="other", amount="10", currency="CNY", zh="杂费", day=dt.date(2001, 1, 1))
    save(dialog)
    assert asked and "Save it anyway?" in asked[0]
    assert "more than 60 days" in dialog.errors.message("spent_on")
    assert demo_ctx.read(service.count_expenses, ExpenseFilter()) == count
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    save(dialog)
    assert not dialog.isVisible()
    assert demo_ctx.read(service.count_expenses, ExpenseFilter()) == count + 1


def test_a_correction_is_entered_against_the_selected_expense(qtbot, demo_window, monkeypatch):
    view = expenses_view(demo_window)
    view.select_session(session_of(view, 1))
    row = next(r for r in range(view.model.rowCount()) if view.model.index(r, 2).data() == "Venue")
    view.table.selectRow(row)
    venue = view.current()
    assert view.correct_button.isEnabled()

    def correct(dialog: ExpenseDialog):
        assert not dialog.currency.isEnabled() and not dialog.kind.isEnabled()
        type_text(dialog.amount, "1500")
        type_text(dialog.reason, "discount")
        save(dialog)
        return dialog.result()

    monkeypatch.setattr(ExpenseDialog, "exec", correct)
    view.correct_button.click()
    c = view.current()
    assert c.is_correction and c.amount == Decimal("-1500.00") and c.correction_of_id == venue.id
    assert summary_cell(view, "Venue", "CNY") == format_money(venue.amount - 1500, "CNY")
    assert not view.correct_button.isEnabled()  # a correction is not corrected again


def test_filters_and_sums_per_currency(qtbot, demo_window):
    view = expenses_view(demo_window)
    view.select_session(session_of(view, 1))
    everything = view.sums.text()
    assert "¥" in everything and "SUR" in everything
    view.currency_box.setCurrentIndex(view.currency_box.findData("SUR"))
    assert "¥" not in view.sums.text() and "SUR" in view.sums.text()
    assert all("SUR" in view.model.index(r, 5).data() for r in range(view.model.rowCount()))
    view.currency_box.setCurrentIndex(0)
    cn = next(s.id for s in view._sides.values() if s.code == "CN")
    view.side_box.setCurrentIndex(view.side_box.findData(cn))
    assert all(view.model.index(r, 3).data() == "PRC" for r in range(view.model.rowCount()))
    view.kind_box.setCurrentIndex(view.kind_box.findData("delegation"))
    assert view.model.rowCount() == 1
    view.kind_box.setCurrentIndex(0)
    view.side_box.setCurrentIndex(0)
    view.category_box.setCurrentIndex(view.category_box.findData("reception"))
    assert {view.model.index(r, 2).data() for r in range(view.model.rowCount())} == {"Reception costs"}


def test_deleting_an_expense_after_confirmation(qtbot, demo_window, monkeypatch):
    view = expenses_view(demo_window)
    view.select_session(session_of(view, 2))
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    view.table.selectRow(0)
    total = view.model.rowCount()
    view.delete_button.click()
    assert view.model.rowCount() == total - 1


def test_budgets_and_rates_through_their_dialogs(qtbot, demo_window, monkeypatch):
    view = expenses_view(demo_window)
    view.select_session(session_of(view, 2))
    budgets = view.budget_model.rowCount()

    def set_budget(dialog: BudgetDialog):
        dialog.category.setCurrentIndex(dialog.category.findData("printing"))
        dialog.side.setCurrentIndex(dialog.side.findData(next(s.id for s in dialog._sides if s.code == "SU")))
        dialog.currency.set_currency("SUR")
        type_text(dialog.amount, "20,000")
        save(dialog)
        return dialog.result()

    monkeypatch.setattr(BudgetDialog, "exec", set_budget)
    view.budget_add.click()
    assert view.budget_model.rowCount() == budgets + 1
    row = next(r for r in range(view.budget_model.rowCount()) if view.budget_model.text(r, 1) == "Printing")
    assert view.budget_model.text(row, 2) == format_money(Decimal(20000), "SUR")
    assert view.budget_model.text(row, 3) == format_money(Decimal("24780.50"), "SUR")  # overspent
    assert view.budget_model.rows[row].colours

    assert "Enter a dated rate" in view.converted.text()

    def set_rate(dialog: RateDialog):
        dialog.source.set_currency("SUR")
        dialog.target.set_currency("CNY")
        type_text(dialog.rate, "0.0852")
        save(dialog)
        return dialog.result()

    monkeypatch.setattr(RateDialog, "exec", set_rate)
    view.rate_add.click()
    assert view.rate_model.rowCount() == 1
    text = view.converted.text()
    # USD has no rate into CNY yet: no converted total is made up
    assert "no rate for USD" in text and "0.0852" in text

    def set_usd(dialog: RateDialog):
        dialog.source.set_currency("USD")
        dialog.target.set_currency("CNY")
        type_text(dialog.rate, "7.1")
        save(dialog)
        return dialog.result()

    monkeypatch.setattr(RateDialog, "exec", set_usd)
    view.rate_add.click()
    text = view.converted.text()
    # CNY 41,880 + SUR 294,000 × 0.0852 + USD 2,160 × 7.1 for the Chinese side, SUR 299,780.50 × 0.0852
    # (rounded to the fen: 25,541.30) for the Soviet side
    assert "Converted total of the session in CNY: CN¥107,806.10" in text and "1 USD = 7.1 CNY" in text
    assert "PRC: CN¥82,264.80" in text and "USSR: CN¥25,541.30" in text


def test_statement_preview_print_and_save(qtbot, demo_window, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    view = expenses_view(demo_window)
    view.select_session(session_of(view, 1))
    view.doc_lang.setCurrentIndex(view.doc_lang.findData("ru"))
    view.statement_button.click()
    preview = view.preview  # non-modal, deleted when closed
    assert preview.page_count() >= 2
    assert preview.suggested_name == "statement-1-ru.pdf"
    saved = preview.save_to(tmp_path / "statement")
    assert saved.read_bytes()[:5] == b"%PDF-"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(150)  # enough for a test, and quick (1200 dpi takes seconds a page)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert preview.print_to(printer) == preview.page_count()
    preview.close()


def test_workbook_export(qtbot, demo_window, tmp_path):
    from openpyxl import load_workbook

    view = expenses_view(demo_window)
    view.select_session(session_of(view, 1))
    path = view.export_xlsx(str(tmp_path / "expenses"))
    assert path is not None and path.suffix == ".xlsx"
    wb = load_workbook(path)
    assert wb.worksheets[0].max_row > 10


@pytest.mark.parametrize(
    "lang, tab, column, amount", [("ru", "Расходы", "Сумма", "SUR"), ("zh_CN", "费用", "金额", "¥")]
)
def test_the_tab_follows_a_language_switch(qtbot, demo_window, lang, tab, column, amount):
    view = expenses_view(demo_window)
    view.select_session(session_of(view, 1))
    demo_window.set_language(lang)
    assert demo_window.tabs.tabText(demo_window.tabs.currentIndex()) == tab
    assert view.model.headers()[5] == column
    cells = [view.model.index(r, 5).data() for r in range(view.model.rowCount())]
    assert any(amount in c for c in cells)
    assert view.panels.tabText(0) in ("Что несёт каждая сторона", "各方承担的费用")
    assert view.summary_model.headers[0] in ("Сторона", "承担方")
    labels = [view.summary_model.text(r, 0).strip() for r in range(view.summary_model.rowCount())]
    assert ("Помещение" in labels) if lang == "ru" else ("会场" in labels)
    assert view.kind_box.itemText(0) in ("Организация и делегации", "组织费用和代表团费用")
    assert view.session_box.currentText().startswith("Заседание № 1" if lang == "ru" else "第1次会议")
    assert view.add_button.text() in ("&Добавить…", "新增(&A)…")
    demo_window.set_language("en")
    assert view.model.headers()[5] == "Amount"
    assert view.kind_box.itemText(0) == "Organisation and delegation"
