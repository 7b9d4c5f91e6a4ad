"""The Expenses tab: the costs of a session, who bears them by the commission's rule, budgets, rates
and the statement.

Choose a session: the table lists its expenses (filtered by side, kind, category, currency and text,
sorted in SQL), the line under it sums what the filter shows per currency, and the tabs below show
what each side bears (organisation and delegation costs by category), spending against budgets,
and converted totals for the rates the user entered. The statement is previewed, printed or saved
in Chinese or Russian; the workbook for accountants is saved as XLSX.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import Change
from app.core.errors import CoreError
from app.core.models import ExpenseCategory, ExpenseKind
from app.core.services import commission as commission_service
from app.core.services.agenda import sessions as meetings_service
from app.core.services.expenses import records as service
from app.core.services.expenses import summary as summary_service
from app.core.services.expenses.records import ExpenseData, ExpenseFilter
from app.i18n import LANGUAGE_NAMES, N_, _, current_language, format_date, format_money, ngettext
from app.ui.dialogs.budget_dialog import BudgetDialog
from app.ui.dialogs.expense_dialog import ExpenseDialog, session_label
from app.ui.dialogs.rate_dialog import RateDialog
from app.ui.models.query_model import ALIGN_CENTER, ALIGN_RIGHT, Column, QueryTableModel
from app.ui.models.rows_model import RowsModel
from app.ui.views.base import View
from app.ui.views.expense_panels import budget_rows, conversion_lines, rate_rows, summary_rows
from app.ui.widgets import messages
from app.ui.widgets.search import SearchField

CORRECTION_COLOUR = "#b00020"


class ExpensesView(View):
    TITLE = N_("Expenses")
    CONCERNS = frozenset(
        {Change.EXPENSES, Change.MEETINGS, Change.COMMISSION, Change.ATTACHMENTS, Change.SETTINGS}
    )

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("ExpensesView")
        self._sides: dict[int, object] = {}
        self._meetings: dict[int, object] = {}
        self.filter = ExpenseFilter()

        # --- the session and the filters ---
        self.session_label = QLabel()
        self.session_box = QComboBox()
        self.session_box.setObjectName("expenses_session")
        self.session_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.session_box.setMinimumContentsLength(16)
        self.session_box.currentIndexChanged.connect(self._on_session)
        self.session_label.setBuddy(self.session_box)
        self.side_label, self.side_box = QLabel(), QComboBox()
        self.kind_label, self.kind_box = QLabel(), QComboBox()
        self.category_label, self.category_box = QLabel(), QComboBox()
        self.currency_label, self.currency_box = QLabel(), QComboBox()
        for name, box in (("side", self.side_box), ("kind", self.kind_box), ("category", self.category_box),
                          ("currency", self.currency_box)):  # fmt: skip
            box.setObjectName(f"expenses_filter_{name}")
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(6)
            box.currentIndexChanged.connect(self._on_filter)
        self.search = SearchField()
        self.search.setObjectName("expenses_search")
        self.search.searchChanged.connect(self._on_filter)

        filters = QHBoxLayout()
        for label, box in ((self.side_label, self.side_box), (self.kind_label, self.kind_box),
                           (self.category_label, self.category_box), (self.currency_label, self.currency_box)):  # fmt: skip
            label.setBuddy(box)
            filters.addWidget(label)
            filters.addWidget(box, 1)
        filters.addWidget(self.search, 2)

        # --- actions ---
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
        self.doc_lang_label = QLabel()
        self.doc_lang = QComboBox()
        self.doc_lang.setObjectName("expenses_doc_lang")
        self.doc_lang.addItem(LANGUAGE_NAMES["zh_CN"], "zh")
        self.doc_lang.addItem(LANGUAGE_NAMES["ru"], "ru")
        self.doc_lang_label.setBuddy(self.doc_lang)
        self.statement_button = QPushButton()
        self.statement_button.setObjectName("expenses_statement")
        self.statement_button.clicked.connect(self.show_statement)
        self.xlsx_button = QPushButton()
        self.xlsx_button.setObjectName("expenses_xlsx")
        self.xlsx_button.clicked.connect(self.export_xlsx)
        top = QHBoxLayout()
        top.addWidget(self.session_label)
        top.addWidget(self.session_box, 1)
        top.addSpacing(12)
        top.addWidget(self.doc_lang_label)
        top.addWidget(self.doc_lang)
        top.addWidget(self.statement_button)
        top.addWidget(self.xlsx_button)
        actions = QHBoxLayout()
        for b in (self.add_button, self.correct_button, self.edit_button, self.delete_button):
            actions.addWidget(b)
        actions.addStretch(1)

        # --- the expenses ---
        self.model = QueryTableModel(self._columns(), self._fetch, self._count, self)
        self.model.sort_key = "spent_on"
        self.table = QTableView()
        self.table.setObjectName("expenses_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit_record())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.sums = QLabel()
        self.sums.setObjectName("expenses_sums")
        self.sums.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        upper = QWidget()
        up = QVBoxLayout(upper)
        up.setContentsMargins(0, 0, 0, 0)
        up.addWidget(self.table, 1)
        up.addWidget(self.sums)

        # --- what each side bears, budgets, rates ---
        self.panels = QTabWidget()
        self.panels.setObjectName("expenses_panels")
        self.summary_model = RowsModel(self)
        self.summary_table = self._small_table(self.summary_model, "expenses_summary")
        self.panels.addTab(self.summary_table, "")
        self.budget_model = RowsModel(self)
        self.budget_table = self._small_table(self.budget_model, "expenses_budgets")
        self.budget_table.doubleClicked.connect(lambda _i: self.edit_budget())
        self.budget_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.budget_add = QPushButton()
        self.budget_add.setObjectName("expenses_budget_set")
        self.budget_add.clicked.connect(self.set_budget)
        self.budget_remove = QPushButton()
        self.budget_remove.clicked.connect(self.remove_budget)
        self.panels.addTab(self._with_buttons(self.budget_table, self.budget_add, self.budget_remove), "")
        self.rate_model = RowsModel(self)
        self.rate_table = self._small_table(self.rate_model, "expenses_rates")
        self.rate_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.rate_table.doubleClicked.connect(lambda _i: self.enter_rate(self._selected(self.rate_table)))
        self.converted = QLabel()
        self.converted.setObjectName("expenses_converted")
        self.converted.setWordWrap(True)
        self.converted.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rate_add = QPushButton()
        self.rate_add.setObjectName("expenses_rate_enter")
        self.rate_add.clicked.connect(lambda: self.enter_rate())
        self.rate_remove = QPushButton()
        self.rate_remove.clicked.connect(self.remove_rate)
        rates_page = self._with_buttons(self.rate_table, self.rate_add, self.rate_remove)
        rates_page.layout().insertWidget(0, self.converted)
        self.panels.addTab(rates_page, "")

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(self.panels)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(filters)
        lay.addLayout(actions)
        lay.addWidget(splitter, 1)
        self._sized = False
        self.retranslate_ui()

    # --- building blocks -----------------------------------------------------------------------

    @staticmethod
    def _small_table(model, name: str) -> QTableView:
        t = QTableView()
        t.setObjectName(name)
        t.setModel(model)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.verticalHeader().setVisible(False)
        t.horizontalHeader().setStretchLastSection(False)
        return t

    @staticmethod
    def _fit(table: QTableView) -> None:
        """Every column as wide as what it shows, labels at least 320 px (after every reset)."""
        header = table.horizontalHeader()
        for c in range(1, table.model().columnCount()):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        if table.model().columnCount():
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
            table.resizeColumnToContents(0)
            table.setColumnWidth(0, max(table.columnWidth(0) + 16, 320))

    @staticmethod
    def _with_buttons(table: QTableView, *buttons: QPushButton) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addWidget(table, 1)
        row = QHBoxLayout()
        for b in buttons:
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        return page

    @staticmethod
    def _selected(table: QTableView):
        idx = table.currentIndex()
        if not idx.isValid() or not table.selectionModel().hasSelection():
            return None
        return table.model().data(idx, Qt.ItemDataRole.UserRole)

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

        return [
            Column("spent_on", N_("Date"), lambda e: format_date(e.spent_on)),
            Column("kind", N_("Cost type"), lambda e: e.kind.label),
            Column("category", N_("Category"), lambda e: e.category.label),
            Column("payer", N_("Borne by"), lambda e: self._side_name(e.payer_side_id),
                   header_tooltip=N_("Derived by the commission's rule: the host bears the organisation, "
                                     "each side its own delegation.")),
            Column("description", N_("Description"), description,
                   tooltip=lambda e: "\n".join(x for x in (e.description_zh, e.description_ru, e.correction_reason) if x)),
            Column("amount", N_("Amount"), lambda e: format_money(e.amount, e.currency), align=ALIGN_RIGHT,
                   foreground=red),
            Column("receipts", N_("Receipts"), lambda e: str(e.receipts) if e.receipts else "", align=ALIGN_CENTER,
                   sortable=False),
        ]  # fmt: skip

    def _side_name(self, side_id: int | None) -> str:
        side = self._sides.get(side_id)
        return side.short_name(current_language()) if side else ""

    # --- data ----------------------------------------------------------------------------------

    @property
    def meeting_id(self) -> int | None:
        return self.session_box.currentData()

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

    def refresh(self) -> None:
        if not self.ctx.has_db:
            self._meetings, self._sides = {}, {}
        else:
            self._meetings = {m.id: m for m in self.ctx.read(meetings_service.list_meetings)}
            self._sides = {s.id: s for s in self.ctx.read(commission_service.get_sides)}
        self._fill_sessions()
        self._fill_filters()
        self._reload()

    def _fill_sessions(self) -> None:
        box = self.session_box
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        for m in self._meetings.values():
            box.addItem(session_label(m), m.id)
        if box.count():
            box.setCurrentIndex(max(0, box.findData(current)) if current is not None else 0)
        box.blockSignals(False)

    def _fill_filters(self) -> None:
        lang = current_language()
        currencies = (
            self.ctx.read(service.currencies_used, self.meeting_id)
            if self.ctx.has_db and self.meeting_id
            else []
        )
        fills = (
            (self.side_box, _("All sides"), [(s.short_name(lang), s.id) for s in self._sides.values()]),
            (self.kind_box, _("Organisation and delegation"), [(k.label, k.value) for k in ExpenseKind]),
            (self.category_box, _("All categories"), [(c.label, c.value) for c in ExpenseCategory]),
            (self.currency_box, _("All currencies"), [(c, c) for c in currencies]),
        )
        for box, everything, items in fills:
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(everything, None)
            for text, value in items:
                box.addItem(text, value)
            box.setCurrentIndex(max(0, box.findData(current)) if current is not None else 0)
            box.blockSignals(False)
        self._read_filter()

    def _read_filter(self) -> None:
        kind, category = self.kind_box.currentData(), self.category_box.currentData()
        self.filter = ExpenseFilter(
            meeting_id=self.meeting_id,
            side_id=self.side_box.currentData(),
            kind=ExpenseKind(kind) if kind else None,
            category=ExpenseCategory(category) if category else None,
            currency=self.currency_box.currentData(),
            text=self.search.text(),
        )

    def _on_session(self, _index: int) -> None:
        self._fill_filters()
        self._reload()

    def _on_filter(self, *_args) -> None:
        self._read_filter()
        self.model.reload()
        self._update_sums()

    def _reload(self) -> None:
        self._read_filter()
        self.model.reload()
        self._update_sums()
        self._update_panels()
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

    def _update_panels(self) -> None:
        if not self.ctx.has_db or self.meeting_id is None:
            for m in (self.summary_model, self.budget_model, self.rate_model):
                m.set_rows([], [])
            self.converted.setText("")
            return
        data = self.ctx.read(summary_service.statement, self.meeting_id, with_lines=False)
        for table, model, rows in ((self.summary_table, self.summary_model, summary_rows(data)),
                                   (self.budget_table, self.budget_model, budget_rows(data)),
                                   (self.rate_table, self.rate_model, rate_rows(data))):  # fmt: skip
            model.set_rows(*rows)
            self._fit(table)
        self.converted.setText("\n".join(conversion_lines(data)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_session = self.ctx.has_db and self.meeting_id is not None
        e = self.current()
        for b in (self.add_button, self.statement_button, self.xlsx_button, self.budget_add, self.rate_add):
            b.setEnabled(has_session)
        self.edit_button.setEnabled(e is not None)
        self.delete_button.setEnabled(e is not None)
        self.correct_button.setEnabled(e is not None and not e.is_correction)
        self.budget_remove.setEnabled(self._selected(self.budget_table) is not None)
        self.rate_remove.setEnabled(self._selected(self.rate_table) is not None)
        self.actionsChanged.emit()

    def current(self) -> ExpenseData | None:
        idx = self.table.currentIndex()
        if not idx.isValid() or not self.table.selectionModel().hasSelection():
            return None
        return self.model.row_of(idx)

    def select_expense(self, expense_id: int) -> None:
        row = self.model.find_row(lambda e: e.id == expense_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def select_session(self, meeting_id: int) -> None:
        i = self.session_box.findData(meeting_id)
        if i >= 0:
            self.session_box.setCurrentIndex(i)

    # --- record actions ------------------------------------------------------------------------

    def can_new(self) -> bool:
        return self.ctx.has_db and self.meeting_id is not None

    def can_edit(self) -> bool:
        return self.current() is not None

    def can_delete(self) -> bool:
        return self.current() is not None

    def can_find(self) -> bool:
        return True

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _after_dialog(self, dlg: ExpenseDialog, message: str | None = None) -> None:
        self.refresh_if_stale()
        if dlg.saved is not None:
            if dlg.saved.meeting_id != self.meeting_id:
                self.select_session(dlg.saved.meeting_id)
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
            self.ctx.write({Change.EXPENSES, Change.ATTACHMENTS}, service.delete_expense, e.id)
        except CoreError as exc:
            messages.error(self, exc.message)
            return
        self.status.emit(_("The expense was deleted."))

    # --- budgets and rates -----------------------------------------------------------------------

    def set_budget(self, budget=None) -> None:
        if self.meeting_id is None:
            return
        dlg = BudgetDialog(self.ctx, self.meeting_id, budget or None, parent=self)
        dlg.exec()
        self.refresh_if_stale()

    def edit_budget(self) -> None:
        budget = self._selected(self.budget_table)
        if budget is not None:
            self.set_budget(budget)

    def remove_budget(self) -> None:
        budget = self._selected(self.budget_table)
        if budget is None or not messages.confirm(self, _("Remove this budget?")):
            return
        try:
            self.ctx.write(Change.EXPENSES, summary_service.remove_budget, budget.id)
        except CoreError as exc:
            messages.error(self, exc.message)

    def enter_rate(self, rate=None) -> None:
        m = self._meetings.get(self.meeting_id)
        if m is None:
            return
        dlg = RateDialog(self.ctx, m.id, m.end_date, rate, parent=self)
        dlg.exec()
        self.refresh_if_stale()

    def remove_rate(self) -> None:
        rate = self._selected(self.rate_table)
        if rate is None or not messages.confirm(
            self, _("Remove this rate? Totals will no longer be converted with it.")
        ):
            return
        try:
            self.ctx.write(Change.EXPENSES, summary_service.remove_rate, rate.id)
        except CoreError as exc:
            messages.error(self, exc.message)

    # --- documents -------------------------------------------------------------------------------

    def statement_pdf(self, lang: str) -> tuple[bytes, str, str]:
        from app.i18n.wording import session_title
        from app.reports.statement import build_statement

        m = self._meetings[self.meeting_id]
        data = self.ctx.read(summary_service.statement, m.id)
        pdf = build_statement(data, lang)
        title = _("Statement of expenses, session {number}").format(number=m.ordinal)
        return pdf, f"statement-{m.ordinal}-{lang}.pdf", f"{title} ({session_title(m.ordinal, lang)})"

    def show_statement(self) -> None:
        if self.meeting_id is None:
            return
        from app.ui.dialogs.pdf_preview import show_pdf

        pdf, name, title = self.statement_pdf(self.doc_lang.currentData())
        self.preview = show_pdf(self, pdf, name, title)

    def export_xlsx(self, path: str | None = None) -> Path | None:
        if self.meeting_id is None:
            return None
        from app.reports.statement_xlsx import statement_xlsx

        lang = self.doc_lang.currentData()
        m = self._meetings[self.meeting_id]
        if not path:
            path, _f = QFileDialog.getSaveFileName(
                self,
                _("Export for accountants"),
                f"expenses-{m.ordinal}-{lang}.xlsx",
                _("Excel workbooks (*.xlsx)"),
            )
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_suffix(".xlsx")
        try:
            target.write_bytes(self.ctx.read(statement_xlsx, m.id, lang))
        except OSError as exc:
            messages.error(
                self, _("Cannot write “{path}”: {reason}").format(path=target, reason=exc.strerror or exc)
            )
            return None
        self.status.emit(_("Saved {path}").format(path=target))
        return target

    # --- language --------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.session_label.setText(_("&Session:"))
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
        self.doc_lang_label.setText(_("Document:"))
        self.statement_button.setText(_("S&tatement…"))
        self.statement_button.setToolTip(_("Preview, print or save the statement of the session as PDF"))
        self.xlsx_button.setText(_("E&xport for accountants…"))
        self.panels.setTabText(0, _("What each side bears"))
        self.panels.setTabText(1, _("Budgets"))
        self.panels.setTabText(2, _("Exchange rates"))
        self.budget_add.setText(_("Set a budget…"))
        self.budget_remove.setText(_("Remove budget"))
        self.rate_add.setText(_("Enter a rate…"))
        self.rate_remove.setText(_("Remove rate"))
        if self.ctx.has_db:
            self._fill_sessions()
            self._fill_filters()
        self.model.retranslate()
        if self.model.total:
            self._autosize()
        self._update_sums()
        self._update_panels()
        self._update_buttons()
