"""The register page of the Expenses tab: the expenses of the session chosen in the tab, filtered by
side, kind, category, currency and text (sorted in SQL), the actions on them, and the sums per
currency of what the filter shows."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout

from app.core.errors import CoreError
from app.core.models import ExpenseCategory, ExpenseKind
from app.core.services.expenses import records as service
from app.core.services.expenses.fields import EXPENSE
from app.core.services.expenses.records import ExpenseData, ExpenseFilter
from app.i18n import _, current_language, format_date, format_money, ngettext
from app.ui.dialogs.expense_dialog import ExpenseDialog
from app.ui.models.field_cells import declared_column
from app.ui.models.query_model import ALIGN_CENTER, Column, QueryTableModel
from app.ui.views.page import RegisterPage, register_table
from app.ui.widgets import combo as combo_values
from app.ui.widgets import messages
from app.ui.widgets.search import SearchField

CORRECTION_COLOUR = "#b00020"
#: the order of the table's columns (the declared fields marked ``column``; one declared later follows)
TABLE_ORDER = ("spent_on", "kind", "category", "payer_side_id", "description", "amount", "receipts")


class ExpenseRegisterPage(RegisterPage):
    #: a dialog saved an expense of another session: the tab shows that session
    sessionWanted = Signal(int)  # noqa: N815

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("ExpensesRegister")
        self.meeting_id: int | None = None
        self.sides: dict[int, object] = {}
        self.filter = ExpenseFilter()
        self._sized = False

        self.side_label, self.side_box = QLabel(), QComboBox()
        self.kind_label, self.kind_box = QLabel(), QComboBox()
        self.category_label, self.category_box = QLabel(), QComboBox()
        self.currency_label, self.currency_box = QLabel(), QComboBox()
        for name, box in (("side", self.side_box), ("kind", self.kind_box), ("category", self.category_box),
                          ("currency", self.currency_box)):  # fmt: skip
            box.setObjectName(f"expenses_filter_{name}")
            # as wide as the longest choice in the current language when there is room; narrower
            # only on a narrow window
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.setMinimumWidth(box.fontMetrics().averageCharWidth() * 8 + 24)
            box.currentIndexChanged.connect(self._on_filter)
        self.search = SearchField()
        self.search.setObjectName("expenses_search")
        self.search.searchChanged.connect(self._on_filter)
        filters = QHBoxLayout()
        for label, box in ((self.side_label, self.side_box), (self.kind_label, self.kind_box),
                           (self.category_label, self.category_box), (self.currency_label, self.currency_box)):  # fmt: skip
            label.setBuddy(box)
            filters.addWidget(label)
            filters.addWidget(box)
        filters.addWidget(self.search, 1)

        self.add_button = QPushButton()
        self.add_button.setObjectName("expenses_add")
        self.add_button.clicked.connect(self.new_record)
        self.correct_button = QPushButton()
        self.correct_button.setObjectName("expenses_correct")
        self.correct_button.clicked.connect(self.correct_record)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("expenses_edit")
        self.edit_button.clicked.connect(self.edit_record)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("expenses_delete")
        self.delete_button.clicked.connect(self.delete_record)
        actions = QHBoxLayout()
        for b in (self.add_button, self.correct_button, self.edit_button, self.delete_button):
            actions.addWidget(b)
        actions.addStretch(1)

        model = QueryTableModel(self._columns(), self._fetch, self._count, self)
        model.sort_key = "spent_on"
        table = register_table("expenses_table", model)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.set_table(table, model)
        self.sums = QLabel()
        self.sums.setObjectName("expenses_sums")
        self.sums.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(filters)
        lay.addLayout(actions)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.sums)
        self.retranslate_ui()

    def _columns(self) -> list[Column]:
        lang = current_language

        def description(e: ExpenseData) -> str:
            text = e.description(lang())
            if e.is_correction:
                return _("Correction: {reason}").format(reason=e.correction_reason) + (
                    f" — {text}" if text else ""
                )
            return text

        def red(e: ExpenseData):
            return QBrush(QColor(CORRECTION_COLOUR)) if e.is_correction else None

        cells = {
            "spent_on": dict(value=lambda e: format_date(e.spent_on)),
            "kind": dict(value=lambda e: e.kind.label),
            "category": dict(value=lambda e: e.category.label),
            "payer_side_id": dict(value=lambda e: self._side_name(e.payer_side_id)),
            "description": dict(value=description, tooltip=lambda e: "\n".join(
                x for x in (e.description_zh, e.description_ru, e.correction_reason) if x)),
            "amount": dict(value=lambda e: format_money(e.amount, e.currency), foreground=red),
            "receipts": dict(value=lambda e: str(e.receipts) if e.receipts else "", align=ALIGN_CENTER,
                             sortable=False),
        }  # fmt: skip
        fields = EXPENSE.ordered(EXPENSE.columns(), TABLE_ORDER)
        return [declared_column(f, **cells.get(f.name, {"sortable": False})) for f in fields]

    def _side_name(self, side_id: int | None) -> str:
        side = self.sides.get(side_id)
        return side.short_name(current_language()) if side else ""

    # --- data ----------------------------------------------------------------------------------

    def _fetch(self, offset: int, limit: int, sort: str | None, desc: bool):
        if not self.ctx.has_db or self.meeting_id is None:
            return []
        if sort == "description":
            sort = "description_zh" if current_language() == "zh_CN" else "description_ru"
        return self.ctx.read(
            service.search_expenses, self.filter, sort=sort, descending=desc, offset=offset, limit=limit
        )

    def _count(self) -> int:
        if not self.ctx.has_db or self.meeting_id is None:
            return 0
        return self.ctx.read(service.count_expenses, self.filter)

    def set_session(self, meeting_id: int | None, sides: dict[int, object]) -> None:
        """Show the expenses of this session (the filters keep what they can)."""
        self.meeting_id, self.sides = meeting_id, sides
        self.fill_filters()
        self.reload()

    def fill_filters(self) -> None:
        lang = current_language()
        currencies = (
            self.ctx.read(service.currencies_used, self.meeting_id)
            if self.ctx.has_db and self.meeting_id
            else []
        )
        fills = (
            (self.side_box, _("All sides"), [(s.short_name(lang), s.id) for s in self.sides.values()]),
            (self.kind_box, _("Organisation and delegation"), [(k.label, k.value) for k in ExpenseKind]),
            (self.category_box, _("All categories"), [(c.label, c.value) for c in ExpenseCategory]),
            (self.currency_box, _("All currencies"), [(c, c) for c in currencies]),
        )
        for box, everything, items in fills:
            combo_values.refill(box, [(everything, None), *items])
        self._read_filter()

    def _read_filter(self) -> None:
        kind, category = combo_values.value(self.kind_box), combo_values.value(self.category_box)
        self.filter = ExpenseFilter(
            meeting_id=self.meeting_id,
            side_id=combo_values.value(self.side_box),
            kind=ExpenseKind(kind) if kind else None,
            category=ExpenseCategory(category) if category else None,
            currency=combo_values.value(self.currency_box),
            text=self.search.text(),
        )

    def _on_filter(self, *_args) -> None:
        self._read_filter()
        self.model.reload()
        self._update_sums()

    def reload(self) -> None:
        self._read_filter()
        self.model.reload()
        self._update_sums()
        if not self._sized and self.model.total:
            self._autosize()

    def _autosize(self) -> None:
        """Fit the short columns to what they show (again after a language switch)."""
        self._sized = True
        for c in (0, 1, 2, 3, 5, 6):
            self.table.resizeColumnToContents(c)

    def _update_sums(self) -> None:
        n = self.model.total
        count = ngettext("{n} expense", "{n} expenses", n).format(n=n)
        if not self.ctx.has_db or self.meeting_id is None:
            self.sums.setText(_("No session yet: add one in the Agenda tab."))
            return
        totals = self.ctx.read(service.sums, self.filter)
        if not totals:
            self.sums.setText(count)
            return
        amounts = "   ".join(format_money(v, c) for c, v in totals.items())
        self.sums.setText(_("{count}; sums per currency: {amounts}").format(count=count, amounts=amounts))

    def update_buttons(self) -> None:
        e = self.current()
        self.add_button.setEnabled(self.can_new())
        self.edit_button.setEnabled(e is not None)
        self.delete_button.setEnabled(e is not None)
        self.correct_button.setEnabled(e is not None and not e.is_correction)

    def select_expense(self, expense_id: int) -> None:
        self.select_id(expense_id)

    # --- actions ---------------------------------------------------------------------------------

    def can_new(self) -> bool:
        return self.ctx.has_db and self.meeting_id is not None

    def _after_dialog(self, dlg: ExpenseDialog, message: str | None = None) -> None:
        self.refreshWanted.emit()
        if dlg.saved is not None:
            if dlg.saved.meeting_id != self.meeting_id:
                self.sessionWanted.emit(dlg.saved.meeting_id)
            self.select_expense(dlg.saved.id)
            if message:
                self.status.emit(message)

    def new_record(self) -> None:
        if not self.can_new():
            return
        dlg = ExpenseDialog(self.ctx, self.meeting_id, parent=self)
        if dlg.exec():
            self._after_dialog(dlg, _("The expense was added."))

    def correct_record(self) -> None:
        e = self.current()
        if e is None or e.is_correction:
            return
        dlg = ExpenseDialog(self.ctx, e.meeting_id, correction_of=e, parent=self)
        if dlg.exec():
            self._after_dialog(dlg, _("The correction was entered."))

    def edit_record(self) -> None:
        e = self.current()
        if e is None:
            return
        dlg = ExpenseDialog(self.ctx, e.meeting_id, expense=e, parent=self)
        dlg.exec()
        self._after_dialog(dlg)

    def delete_record(self) -> None:
        e = self.current()
        if e is None:
            return
        text = _("Delete the expense “{description}” of {amount}?").format(
            description=e.description(current_language()) or e.correction_reason,
            amount=format_money(e.amount, e.currency),
        )
        if not messages.confirm(self, text):
            return
        try:
            self.ctx.write(service.delete_expense, e.id)
        except CoreError as exc:
            messages.error(self, exc.message)
            return
        self.status.emit(_("The expense was deleted."))

    # --- language --------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """The labels; what comes from the database is relabelled by the tab (``relabel``)."""
        self.side_label.setText(_("Borne by:"))
        self.kind_label.setText(_("Cost type:"))
        self.category_label.setText(_("Category:"))
        self.currency_label.setText(_("Currency:"))
        self.search.setPlaceholderText(_("Search the descriptions"))
        self.add_button.setText(_("&Add…"))
        self.correct_button.setText(_("Co&rrection…"))
        self.correct_button.setToolTip(_("Reduce the selected expense by a separate entry with a reason"))
        self.edit_button.setText(_("&Edit…"))
        self.delete_button.setText(_("&Delete"))

    def relabel(self) -> None:
        """The filters, headers and sums in the new language (when the tab is up to date)."""
        if self.ctx.has_db:
            self.fill_filters()
        self.model.retranslate()
        if self.model.total:
            self._autosize()
        self._update_sums()
        self._update_buttons()
