"""Set the budget of a side for a category and currency at a session (replacing an earlier one)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from app.core.errors import CoreError
from app.core.models import ExpenseCategory
from app.core.services import commission as commission_service
from app.core.services.expenses import summary as service
from app.core.services.expenses.summary import BudgetInput, BudgetLine
from app.core.services.money import format_amount_example
from app.i18n import N_, _, current_language, format_amount
from app.ui.widgets.currency_box import CurrencyBox
from app.ui.widgets.form import FieldErrors
from app.ui.widgets.retranslate import Retranslatable

FIELDS = [
    ("side_id", N_("Side")),
    ("category", N_("Category")),
    ("currency", N_("Currency")),
    ("amount", N_("Budget")),
]


class BudgetDialog(Retranslatable, QDialog):
    def __init__(self, ctx, meeting_id: int, budget: BudgetLine | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.budget = budget
        self.saved: BudgetLine | None = None
        self.setObjectName("BudgetDialog")
        self.setMinimumWidth(420)
        self._sides = ctx.read(commission_service.get_sides)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        lay.addLayout(form)
        general = QLabel()
        self.errors = FieldErrors(general)
        self.side = QComboBox()
        self.category = QComboBox()
        self.currency = CurrencyBox()
        self.amount = QLineEdit()
        self.labels: dict[str, QLabel] = {}
        self.widgets = {"side_id": self.side, "category": self.category, "currency": self.currency,
                        "amount": self.amount}  # fmt: skip
        for field, _label in FIELDS:
            label = QLabel()
            self.labels[field] = label
            self.widgets[field].setObjectName(field)
            self.errors.add_row(form, field, label, self.widgets[field])
        lay.addWidget(general)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self._fill()
        if budget is not None:
            self.side.setCurrentIndex(max(0, self.side.findData(budget.side_id)))
            self.category.setCurrentIndex(max(0, self.category.findData(budget.category.value)))
            self.currency.set_currency(budget.currency)
            self.amount.setText(format_amount(budget.budget, budget.currency, current_language()))
        self.retranslate_ui()
        self.amount.setFocus()

    def _fill(self) -> None:
        lang = current_language()
        keep = (self.side.currentData(), self.category.currentData())
        self.side.clear()
        for s in self._sides:
            self.side.addItem(s.short_name(lang), s.id)
        self.category.clear()
        for c in ExpenseCategory:
            self.category.addItem(c.label, c.value)
        for combo, value in zip((self.side, self.category), keep, strict=True):
            if value is not None:
                combo.setCurrentIndex(max(0, combo.findData(value)))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Budget"))
        for field, label in FIELDS:
            self.labels[field].setText(_(label))
        self._fill()
        self.currency.retranslate_ui()
        self.amount.setPlaceholderText(_("for example {example}").format(example=format_amount_example()))

    def data(self) -> BudgetInput:
        return BudgetInput(
            meeting_id=self.meeting_id,
            side_id=self.side.currentData(),
            category=self.category.currentData(),
            currency=self.currency.currency(),
            amount=self.amount.text(),
        )

    def accept(self) -> None:
        self.errors.clear()
        try:
            self.saved = self.ctx.write(service.set_budget, self.data(), current_language())
        except CoreError as exc:
            self.errors.show(exc.field, exc.message)
            return
        super().accept()
