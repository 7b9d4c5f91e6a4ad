"""The Expenses tab: the costs of a session, who bears them by the commission's rule, budgets, rates
and the statement.

A thin shell: choose a session, and its pages follow it — the register (``expenses_register``:
the expenses, their filters and sums), the panels below it (``expenses_budgets``: what each side
bears, budgets, rates and converted totals) and the documents (``expenses_statement``: the
statement and the workbook for accountants, in Chinese or Russian).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout

from app.core.changes import Change
from app.core.services import commission as commission_service
from app.core.services.agenda import sessions as meetings_service
from app.i18n import N_, _
from app.ui.dialogs.expense_dialog import session_label
from app.ui.views.base import View
from app.ui.views.expenses_budgets import ExpensePanels
from app.ui.views.expenses_register import ExpenseRegisterPage
from app.ui.views.expenses_statement import StatementBar
from app.ui.views.page import forward
from app.ui.widgets import combo as combo_values
from app.ui.widgets.split import SharedSplitter


# the pages' widgets, as the tests and older callers reach them through the tab
@forward("register", "model table sums search add_button correct_button edit_button delete_button side_box "
         "kind_box category_box currency_box current select_expense correct_record _side_name")
@forward("panels", "summary_model budget_model rate_model converted budget_add rate_add")
@forward("statement", "doc_lang statement_button xlsx_button preview statement_pdf show_statement export_xlsx")
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

        self.session_label = QLabel()
        self.session_box = QComboBox()
        self.session_box.setObjectName("expenses_session")
        self.session_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.session_box.setMinimumContentsLength(16)
        self.session_box.currentIndexChanged.connect(lambda _i: self._show_session())
        self.session_label.setBuddy(self.session_box)
        self.statement = StatementBar(ctx)
        self.statement.status.connect(self.status)
        top = QHBoxLayout()
        top.addWidget(self.session_label)
        top.addWidget(self.session_box, 1)
        top.addSpacing(12)
        top.addWidget(self.statement)

        self.register = ExpenseRegisterPage(ctx)
        self.register.actionsChanged.connect(self.actionsChanged)
        self.register.status.connect(self.status)
        self.register.refreshWanted.connect(self.refresh_if_stale)
        self.register.sessionWanted.connect(self.select_session)
        self.panels = ExpensePanels(ctx)
        self.panels.refreshWanted.connect(self.refresh_if_stale)

        splitter = SharedSplitter(Qt.Orientation.Vertical, (3, 2))
        splitter.addWidget(self.register)
        splitter.addWidget(self.panels)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(splitter, 1)
        self.retranslate_ui()

    # --- the session -----------------------------------------------------------------------------

    @property
    def meeting_id(self) -> int | None:
        return combo_values.value(self.session_box)

    def refresh(self) -> None:
        if not self.ctx.has_db:
            self._meetings, self._sides = {}, {}
        else:
            self._meetings = {m.id: m for m in self.ctx.read(meetings_service.list_meetings)}
            self._sides = {s.id: s for s in self.ctx.read(commission_service.get_sides)}
        self._fill_sessions()
        self._show_session()

    def _fill_sessions(self) -> None:
        combo_values.refill(self.session_box, [(session_label(m), m.id) for m in self._meetings.values()])

    def _show_session(self) -> None:
        meeting = self._meetings.get(self.meeting_id)
        self.register.set_session(self.meeting_id, self._sides)
        self.panels.set_session(meeting)
        self.statement.set_session(meeting)

    def select_session(self, meeting_id: int) -> None:
        i = self.session_box.findData(meeting_id)
        if i >= 0:
            self.session_box.setCurrentIndex(i)

    # --- record actions: the register's ------------------------------------------------------------

    def record_page(self):
        return self.register

    def search_field(self):
        return self.register.search

    # --- language --------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.session_label.setText(_("&Session:"))
        if self.ctx.has_db:
            self._fill_sessions()
        self.register.relabel()
        self.panels.relabel()
