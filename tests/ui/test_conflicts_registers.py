"""Stale saves through the GUI in the records checked last (issue 16, point 1): the commission
dialog (a side's field changed in another window) and the budget dialog show both versions, and
what the user chooses is saved."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtWidgets import QDialogButtonBox

from app.core.services import commission
from app.core.services.agenda import sessions
from app.core.services.expenses import summary
from app.ui.dialogs.budget_dialog import BudgetDialog
from app.ui.dialogs.commission_dialog import CommissionDialog
from app.ui.dialogs.conflict_dialog import MINE, THEIRS, ConflictDialog
from tests.ui.test_conflicts import in_other_window, when_shown
from tests.ui.typing import type_text


def test_the_commission_dialog_shows_a_sides_field_changed_meanwhile(qtbot, demo_ctx, demo_db_path):
    dialog = CommissionDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.names["en"].clear()
    type_text(dialog.names["en"], "My commission")

    def theirs(s) -> None:
        data = commission.get_commission(s)
        side = replace(data.sides[1], name_full_en="Their full name")
        commission.save_commission(s, replace(data, sides=(data.sides[0], side)))

    in_other_window(demo_db_path, theirs)

    def choose(dlg: ConflictDialog) -> None:
        try:
            assert set(dlg.fields) == {"name_en", "side2.name_full_en"}
            assert dlg.field_labels["side2.name_full_en"].text() == "Second side: Full name in English"
            assert dlg.texts["side2.name_full_en_theirs"].text() == "Their full name"
            assert dlg.choice("name_en") == MINE and dlg.choice("side2.name_full_en") == THEIRS
        finally:
            dlg.save_button.click()

    seen = when_shown(qtbot, choose)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert seen, "the conflict dialog was not shown"
    assert dialog.result() == dialog.DialogCode.Accepted
    stored = demo_ctx.read(commission.get_commission)
    assert (stored.name_en, stored.sides[1].name_full_en) == ("My commission", "Their full name")


def test_the_budget_dialog_shows_the_amount_saved_meanwhile(qtbot, demo_ctx, demo_db_path):
    meeting = demo_ctx.read(sessions.meeting_by_ordinal, 2)
    side = demo_ctx.read(commission.get_sides)[0]
    line = demo_ctx.write(
        summary.set_budget, summary.BudgetInput(meeting.id, side.id, "printing", "CNY", Decimal("1000")), "en"
    )
    dialog = BudgetDialog(demo_ctx, meeting.id, line)
    qtbot.addWidget(dialog)
    dialog.amount.clear()
    type_text(dialog.amount, "1500")
    form = summary.BudgetInput(meeting.id, side.id, "printing", "CNY", Decimal("1200"), line.id, line.version)
    in_other_window(demo_db_path, lambda s: summary.set_budget(s, form, "en"))

    def choose(dlg: ConflictDialog) -> None:
        try:
            assert dlg.fields == ["amount"] and dlg.choice("amount") == MINE
        finally:
            dlg.save_button.click()

    seen = when_shown(qtbot, choose)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert seen, "the conflict dialog was not shown"
    assert dialog.result() == dialog.DialogCode.Accepted
    lines = demo_ctx.read(summary.budget_lines, meeting.id)
    assert next(b for b in lines if b.id == line.id).budget == Decimal("1500")
