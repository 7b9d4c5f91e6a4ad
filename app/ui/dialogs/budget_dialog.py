"""Set the budget of a side for a category and currency at a session (replacing an earlier one)."""

from __future__ import annotations

from app.core.fields import Field, FieldKind
from app.core.models import ExpenseCategory
from app.core.services import commission as commission_service
from app.core.services.expenses import summary as service
from app.core.services.expenses.summary import BudgetInput, BudgetLine
from app.core.services.money import format_amount_example
from app.i18n import N_, _, current_language, format_amount
from app.ui.dialogs.record_dialog import RecordDialog
from app.ui.widgets.currency_box import CurrencyBox


class BudgetDialog(RecordDialog):
    fields = (
        Field("side_id", N_("Side"), FieldKind.REF, ref="side"),
        Field("category", N_("Category"), FieldKind.CHOICE, choices=ExpenseCategory),
        Field("currency", N_("Currency")),
        Field("amount", N_("Budget"), FieldKind.MONEY),
    )
    minimum_width = 420

    def __init__(self, ctx, meeting_id: int, budget: BudgetLine | None = None, parent=None) -> None:
        self.meeting_id = meeting_id
        self.budget = budget
        super().__init__(ctx, budget, parent)
        w = self.widgets
        self.side, self.category, self.currency, self.amount = (
            w["side_id"], w["category"], w["currency"], w["amount"]
        )

    def make_editor(self, field):
        return CurrencyBox(ctx=self.ctx) if field.name == "currency" else super().make_editor(field)

    def setup(self) -> None:
        self._sides = self.ctx.read(commission_service.get_sides)

    def options(self, field):
        lang = current_language()
        return [(s.short_name(lang), s.id) for s in self._sides]

    def load(self, budget: BudgetLine) -> None:
        self.set_value("side_id", budget.side_id)
        self.set_value("category", budget.category)
        self.set_value("currency", budget.currency)
        self.set_value("amount", format_amount(budget.budget, budget.currency, current_language()))

    def first_focus(self):
        return self.widgets["amount"]

    def title(self) -> str:
        return _("Budget")

    def retranslate_extra(self) -> None:
        self.widgets["amount"].setPlaceholderText(
            _("for example {example}").format(example=format_amount_example())
        )

    def data(self) -> BudgetInput:
        v = self.values()
        return BudgetInput(meeting_id=self.meeting_id, side_id=v["side_id"], category=v["category"],
                           currency=v["currency"], amount=v["amount"],
                           id=self.budget.id if self.budget else None, version=self.record_version())  # fmt: skip

    def write(self, values) -> BudgetLine:
        return self.ctx.write(service.set_budget, self.data(), current_language())
