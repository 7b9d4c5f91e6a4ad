"""The lower pages of the Expenses tab, for the session chosen in the tab: what each side bears,
budgets against spending, and the exchange rates with the converted totals."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import CoreError
from app.core.services.expenses import summary as summary_service
from app.i18n import _
from app.ui.dialogs.budget_dialog import BudgetDialog
from app.ui.dialogs.rate_dialog import RateDialog
from app.ui.models.rows_model import RowsModel
from app.ui.views.expense_panels import budget_rows, conversion_lines, rate_rows, summary_rows
from app.ui.widgets import messages
from app.ui.widgets.retranslate import Retranslatable


def _small_table(model, name: str) -> QTableView:
    t = QTableView()
    t.setObjectName(name)
    t.setModel(model)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setStretchLastSection(False)
    return t


def _fit(table: QTableView) -> None:
    """Every column as wide as what it shows, labels at least 320 px (after every reset)."""
    header = table.horizontalHeader()
    for c in range(1, table.model().columnCount()):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
    if table.model().columnCount():
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        table.resizeColumnToContents(0)
        table.setColumnWidth(0, max(table.columnWidth(0) + 16, 320))


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


def _selected(table: QTableView):
    idx = table.currentIndex()
    if not idx.isValid() or not table.selectionModel().hasSelection():
        return None
    return table.model().data(idx, Qt.ItemDataRole.UserRole)


class ExpensePanels(Retranslatable, QTabWidget):
    #: a dialog may have changed the database: the tab refreshes now if it is stale
    refreshWanted = Signal()  # noqa: N815

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting = None
        self._data = None  # the statement last read (a language switch shows it again)
        self.setObjectName("expenses_panels")
        self.summary_model = RowsModel(self)
        self.summary_table = _small_table(self.summary_model, "expenses_summary")
        self.addTab(self.summary_table, "")

        self.budget_model = RowsModel(self)
        self.budget_table = _small_table(self.budget_model, "expenses_budgets")
        self.budget_table.doubleClicked.connect(lambda _i: self.edit_budget())
        self.budget_table.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons())
        self.budget_add = QPushButton()
        self.budget_add.setObjectName("expenses_budget_set")
        self.budget_add.clicked.connect(self.set_budget)
        self.budget_remove = QPushButton()
        self.budget_remove.clicked.connect(self.remove_budget)
        self.addTab(_with_buttons(self.budget_table, self.budget_add, self.budget_remove), "")

        self.rate_model = RowsModel(self)
        self.rate_table = _small_table(self.rate_model, "expenses_rates")
        self.rate_table.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons())
        self.rate_table.doubleClicked.connect(lambda _i: self.enter_rate(_selected(self.rate_table)))
        self.converted = QLabel()
        self.converted.setObjectName("expenses_converted")
        self.converted.setWordWrap(True)
        self.converted.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rate_add = QPushButton()
        self.rate_add.setObjectName("expenses_rate_enter")
        self.rate_add.clicked.connect(lambda: self.enter_rate())
        self.rate_remove = QPushButton()
        self.rate_remove.clicked.connect(self.remove_rate)
        rates_page = _with_buttons(self.rate_table, self.rate_add, self.rate_remove)
        rates_page.layout().insertWidget(0, self.converted)
        self.addTab(rates_page, "")
        self.retranslate_ui()

    @property
    def meeting_id(self) -> int | None:
        return self.meeting.id if self.meeting is not None else None

    def set_session(self, meeting) -> None:
        self.meeting = meeting
        self._data = None
        self.reload()

    def reload(self) -> None:
        if not self.ctx.has_db or self.meeting is None:
            for m in (self.summary_model, self.budget_model, self.rate_model):
                m.set_rows([], [])
            self.converted.setText("")
            self.update_buttons()
            return
        self._data = self.ctx.read(summary_service.statement, self.meeting.id, with_lines=False)
        self._show(self._data)

    def relabel(self) -> None:
        """After a language switch: the same statement, its rows in the new language."""
        if self.ctx.has_db and self.meeting is not None and self._data is not None:
            self._show(self._data)
        else:
            self.reload()

    def _show(self, data) -> None:
        for table, model, rows in ((self.summary_table, self.summary_model, summary_rows(data)),
                                   (self.budget_table, self.budget_model, budget_rows(data)),
                                   (self.rate_table, self.rate_model, rate_rows(data))):  # fmt: skip
            model.set_rows(*rows)
            _fit(table)
        self.converted.setText("\n".join(conversion_lines(data)))
        self.update_buttons()

    def update_buttons(self) -> None:
        has_session = self.ctx.has_db and self.meeting is not None
        self.budget_add.setEnabled(has_session)
        self.rate_add.setEnabled(has_session)
        self.budget_remove.setEnabled(_selected(self.budget_table) is not None)
        self.rate_remove.setEnabled(_selected(self.rate_table) is not None)

    # --- budgets and rates -----------------------------------------------------------------------

    def set_budget(self, budget=None) -> None:
        if self.meeting is None:
            return
        dlg = BudgetDialog(self.ctx, self.meeting.id, budget or None, parent=self)
        dlg.exec()
        self.refreshWanted.emit()

    def edit_budget(self) -> None:
        budget = _selected(self.budget_table)
        if budget is not None:
            self.set_budget(budget)

    def remove_budget(self) -> None:
        budget = _selected(self.budget_table)
        if budget is None or not messages.confirm(self, _("Remove this budget?")):
            return
        try:
            self.ctx.write(summary_service.remove_budget, budget.id)
        except CoreError as exc:
            messages.error(self, exc.message)

    def enter_rate(self, rate=None) -> None:
        m = self.meeting
        if m is None:
            return
        dlg = RateDialog(self.ctx, m.id, m.end_date, rate, parent=self)
        dlg.exec()
        self.refreshWanted.emit()

    def remove_rate(self) -> None:
        rate = _selected(self.rate_table)
        if rate is None or not messages.confirm(
            self, _("Remove this rate? Totals will no longer be converted with it.")
        ):
            return
        try:
            self.ctx.write(summary_service.remove_rate, rate.id)
        except CoreError as exc:
            messages.error(self, exc.message)

    # --- language --------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """The labels; the rows are rebuilt by the tab (``reload``) when it is up to date."""
        self.setTabText(0, _("What each side bears"))
        self.setTabText(1, _("Budgets"))
        self.setTabText(2, _("Exchange rates"))
        self.budget_add.setText(_("Set a budget…"))
        self.budget_remove.setText(_("Remove budget"))
        self.rate_add.setText(_("Enter a rate…"))
        self.rate_remove.setText(_("Remove rate"))
