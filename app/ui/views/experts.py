"""The Experts tab: who is sent where, for how long, against which quota, and what needs an answer.

Three pages share the filters (search, direction, purpose, status, session, period): the table of
assignments, the table of quotas, and the timeline. The alerts panel on the right lists what
needs attention; double-click opens the assignment.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import Change
from app.core.errors import CoreError
from app.core.models.experts import AssignmentStatus
from app.core.services import commission as commission_service
from app.core.services.agenda import sessions as meetings_service
from app.core.services.experts import alerts as experts_alerts
from app.core.services.experts import assignments as experts
from app.core.services.experts import procedure as experts_procedure
from app.core.services.experts import quotas as experts_quotas
from app.core.services.experts.query import AssignmentFilter, count_assignments, search_assignments
from app.i18n import N_, _, current_language, ngettext
from app.ui.dialogs.alert_settings_dialog import AlertSettingsDialog
from app.ui.dialogs.assignment_dialog import AssignmentDialog
from app.ui.dialogs.person_history_dialog import PersonHistoryDialog
from app.ui.dialogs.quota_dialog import QuotaDialog
from app.ui.dialogs.step_dialog import StepDialog
from app.ui.models.query_model import QueryTableModel
from app.ui.views.base import View
from app.ui.views.experts_columns import assignment_columns, quota_columns
from app.ui.views.experts_timeline import TimelinePanel
from app.ui.widgets import messages
from app.ui.widgets.alerts_panel import AlertsPanel
from app.ui.widgets.experts_filters import ExpertsFilterBar
from app.ui.widgets.table_export import export_with_dialog

PAGE_ASSIGNMENTS, PAGE_QUOTAS, PAGE_TIMELINE = range(3)


def _table(name: str, model: QueryTableModel) -> QTableView:
    t = QTableView()
    t.setObjectName(name)
    t.setModel(model)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setSortingEnabled(True)
    t.setAlternatingRowColors(True)
    t.verticalHeader().setVisible(False)
    t.verticalHeader().setDefaultSectionSize(t.fontMetrics().height() + 8)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    t.horizontalHeader().setStretchLastSection(True)
    t.setWordWrap(False)
    return t


class ExpertsView(View):
    TITLE = N_("Experts")
    CONCERNS = frozenset(
        {Change.EXPERTS, Change.PEOPLE, Change.COMMISSION, Change.MEETINGS, Change.DECISIONS, Change.SETTINGS}
    )

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("ExpertsView")
        self.today = dt.date.today()
        self._side_names: dict[str, str] = {}
        self._horizon = 30
        self._filter = AssignmentFilter()
        self._timeline_stale = True

        self.filters = ExpertsFilterBar()
        self.filters.changed.connect(self._on_filter)
        self.export_button = QPushButton()
        self.export_button.setObjectName("experts_export")
        self.export_button.clicked.connect(self.export)
        self.print_button = QPushButton()
        self.print_button.setObjectName("experts_print")
        self.print_button.clicked.connect(self.print_list)
        self.filters.extra.addWidget(self.export_button)
        self.filters.extra.addWidget(self.print_button)

        self.pages = QTabWidget()
        self.pages.setObjectName("experts_pages")
        self.pages.addTab(self._assignments_page(), "")
        self.pages.addTab(self._quotas_page(), "")
        self.timeline = TimelinePanel(ctx)
        self.timeline.view.assignmentActivated.connect(self.open_assignment)
        self.timeline.view.personActivated.connect(self.show_history)
        self.pages.addTab(self.timeline, "")
        self.pages.currentChanged.connect(self._on_page)

        self.alerts = AlertsPanel()
        self.alerts.alertActivated.connect(self.open_assignment)
        self.alerts.settingsRequested.connect(self.edit_alert_settings)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.pages)
        split.addWidget(self.alerts)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([900, 300])
        self.pages.setMinimumWidth(300)
        self.alerts.setMinimumWidth(120)
        lay = QVBoxLayout(self)
        lay.addWidget(self.filters)
        lay.addWidget(split, 1)
        self.retranslate_ui()

    # --- pages -------------------------------------------------------------------------------------

    def _assignments_page(self) -> QWidget:
        page = QWidget()
        self.model = QueryTableModel(
            assignment_columns(self._side_name, lambda: self.today, lambda: self._horizon),
            self._fetch,
            self._count,
            self,
        )
        self.model.sort_key = "start"
        self.table = _table("assignments_table", self.model)
        self.table.sortByColumn(7, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(lambda _i: self.edit_record())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.new_button = QPushButton()
        self.new_button.setObjectName("assignment_new")
        self.new_button.clicked.connect(self.new_assignment)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("assignment_edit")
        self.edit_button.clicked.connect(self.edit_assignment)
        self.step_button = QPushButton()
        self.step_button.setObjectName("assignment_step")
        self.step_button.clicked.connect(self.next_step)
        self.history_button = QPushButton()
        self.history_button.setObjectName("assignment_history")
        self.history_button.clicked.connect(self._history_of_current)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("assignment_delete")
        self.delete_button.clicked.connect(self.delete_assignment)
        self.summary = QLabel()
        self.summary.setObjectName("assignments_summary")
        row = QHBoxLayout()
        for b in (
            self.new_button,
            self.edit_button,
            self.step_button,
            self.history_button,
            self.delete_button,
        ):
            row.addWidget(b)
        row.addStretch(1)
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.addLayout(row)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.summary)
        return page

    def _quotas_page(self) -> QWidget:
        page = QWidget()
        self.quota_model = QueryTableModel(quota_columns(), self._fetch_quotas, self._count_quotas, self)
        self.quota_model.sort_key = "period_from"
        self.quota_table = _table("quotas_table", self.quota_model)
        self.quota_table.doubleClicked.connect(lambda _i: self.edit_quota())
        self.quota_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.quota_model.modelReset.connect(self._update_buttons)
        self.quota_new = QPushButton()
        self.quota_new.setObjectName("quota_new")
        self.quota_new.clicked.connect(self.new_quota)
        self.quota_edit = QPushButton()
        self.quota_edit.setObjectName("quota_edit")
        self.quota_edit.clicked.connect(self.edit_quota)
        self.quota_delete = QPushButton()
        self.quota_delete.setObjectName("quota_delete")
        self.quota_delete.clicked.connect(self.delete_quota)
        self.quota_show = QPushButton()
        self.quota_show.setObjectName("quota_show")
        self.quota_show.clicked.connect(self.show_quota_assignments)
        row = QHBoxLayout()
        for b in (self.quota_new, self.quota_edit, self.quota_delete, self.quota_show):
            row.addWidget(b)
        row.addStretch(1)
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.addLayout(row)
        lay.addWidget(self.quota_table, 1)
        return page

    # --- data --------------------------------------------------------------------------------------

    def _side_name(self, code: str) -> str:
        return self._side_names.get(code, code)

    def _fetch(self, offset: int, limit: int, sort: str | None, desc: bool):
        if not self.ctx.has_db:
            return []
        return self.ctx.read(
            search_assignments, self._filter, sort=sort, descending=desc, offset=offset, limit=limit,
            lang=current_language(),
        )  # fmt: skip

    def _count(self) -> int:
        return self.ctx.read(count_assignments, self._filter) if self.ctx.has_db else 0

    def _fetch_quotas(self, offset: int, limit: int, sort: str | None, desc: bool):
        if not self.ctx.has_db:
            return []
        return self.ctx.read(
            experts_quotas.list_quotas, sending_side_id=self._filter.sending_side_id, sort=sort, descending=desc,
            offset=offset, limit=limit,
        )  # fmt: skip

    def _count_quotas(self) -> int:
        if not self.ctx.has_db:
            return 0
        return self.ctx.read(experts_quotas.count_quotas, sending_side_id=self._filter.sending_side_id)

    def refresh(self) -> None:
        self.today = dt.date.today()
        if self.ctx.has_db:
            sides = self.ctx.read(commission_service.get_sides)
            lang = current_language()
            self._side_names = {s.code: s.short_name(lang) for s in sides}
            self.filters.set_choices(sides, self.ctx.read(meetings_service.list_meetings))
            self._horizon = self.ctx.read(experts_alerts.alert_settings)[0]
            self.alerts.set_alerts(self.ctx.read(experts_alerts.alerts, self.today))
        else:
            self.filters.set_choices([], [])
            self.alerts.set_alerts([])
        self._filter = self.filters.filter()
        self._reload_tables()

    def _reload_tables(self) -> None:
        self.model.reload()
        self.quota_model.reload()
        self._update_summary()
        self._timeline_stale = True
        if self.pages.currentIndex() == PAGE_TIMELINE:
            self._refresh_timeline()
        self._size_columns()

    def _size_columns(self) -> None:
        # the quotas are few: their columns follow their contents and headers (in any language)
        self.quota_table.resizeColumnsToContents()
        if getattr(self, "_sized", False) or not self.model.total:
            return
        self._sized = True
        widths = {0: 110, 1: 230, 2: 110, 3: 175, 4: 260, 5: 95, 6: 180, 7: 90, 8: 90, 9: 75, 10: 95}
        for c, w in widths.items():
            self.table.setColumnWidth(c, w)

    def _refresh_timeline(self) -> None:
        self._timeline_stale = False
        self.timeline.refresh(self._filter, self.today)

    def _on_filter(self) -> None:
        self._filter = self.filters.filter()
        self._reload_tables()

    def _on_page(self, index: int) -> None:
        if index == PAGE_TIMELINE and self._timeline_stale:
            self._refresh_timeline()
        self._update_buttons()

    def _update_summary(self) -> None:
        n = self.model.total
        self.summary.setText(ngettext("{n} assignment", "{n} assignments", n).format(n=n))

    def current(self):
        idx = self.table.currentIndex()
        if not idx.isValid() or not self.table.selectionModel().hasSelection():
            return None
        return self.model.row_of(idx)

    def current_quota(self):
        idx = self.quota_table.currentIndex()
        if not idx.isValid() or not self.quota_table.selectionModel().hasSelection():
            return None
        return self.quota_model.row_of(idx)

    def select_assignment(self, assignment_id: int) -> None:
        row = self.model.find_row(lambda r: r.id == assignment_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _update_buttons(self) -> None:
        a = self.current()
        has_db = self.ctx.has_db
        self.new_button.setEnabled(has_db)
        self.edit_button.setEnabled(a is not None)
        self.history_button.setEnabled(a is not None)
        self.delete_button.setEnabled(a is not None)
        self.step_button.setEnabled(a is not None and not a.status.is_final)
        q = self.current_quota()
        self.quota_new.setEnabled(has_db)
        for b in (self.quota_edit, self.quota_delete, self.quota_show):
            b.setEnabled(q is not None)
        self.export_button.setEnabled(has_db)
        self.print_button.setEnabled(has_db)
        self.actionsChanged.emit()

    # --- actions: assignments -----------------------------------------------------------------------

    def new_assignment(self) -> None:
        dlg = AssignmentDialog(self.ctx, parent=self)
        if dlg.exec() and dlg.saved is not None:
            self.refresh_if_stale()
            self.select_assignment(dlg.saved.id)
            self.status.emit(_("The assignment was added."))
        elif dlg.saved is not None:  # saved, then a step recorded, then closed
            self.refresh_if_stale()

    def open_assignment(self, assignment_id: int) -> None:
        try:
            a = self.ctx.read(experts.get_assignment, assignment_id)
        except CoreError as exc:
            messages.error(self, exc.message)
            return
        AssignmentDialog(self.ctx, a, parent=self).exec()
        self.refresh_if_stale()
        if self.pages.currentIndex() == PAGE_ASSIGNMENTS:
            self.select_assignment(assignment_id)

    def edit_assignment(self) -> None:
        a = self.current()
        if a is not None:
            self.open_assignment(a.id)

    def next_step(self) -> None:
        row = self.current()
        if row is None:
            return
        try:
            a = self.ctx.read(experts.get_assignment, row.id)
        except CoreError as exc:
            messages.error(self, exc.message)
            return
        following = experts_procedure.next_statuses(a.status)
        if not following:
            return
        dlg = StepDialog(self.ctx, a, following[0], self)
        if dlg.exec() and dlg.saved is not None:
            self.refresh_if_stale()
            self.select_assignment(row.id)
            self.status.emit(
                _("{names}: {status}.").format(
                    names=dlg.saved.names(current_language()), status=dlg.saved.status.label
                )
            )

    def delete_assignment(self) -> None:
        a = self.current()
        if a is None:
            return
        names = a.names(current_language())
        text = _("Delete the assignment of {names} to {host}, with its steps and attachments?").format(
            names=names, host=a.host_organisation(current_language())
        )
        if a.status not in (AssignmentStatus.PROPOSED, AssignmentStatus.CANCELLED):
            text += "\n" + _("To keep its record, cancel it instead.")
        if not messages.confirm(self, text):
            return
        try:
            self.ctx.write(experts.delete_assignment, a.id)
        except CoreError as exc:
            messages.error(self, exc.message)

    def _table_menu(self, pos: QPoint) -> None:
        """Right click on an assignment: the same actions as the buttons above the table."""
        if self.current() is None:
            return
        menu = QMenu(self)
        for button in (self.edit_button, self.step_button, self.history_button, self.delete_button):
            action = menu.addAction(button.text().replace("&", ""), button.click)
            action.setEnabled(button.isEnabled())
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def _history_of_current(self) -> None:
        a = self.current()
        if a is None or not a.people:
            return
        if len(a.people) == 1:
            self.show_history(a.people[0].id)
            return
        menu = QMenu(self)
        lang = current_language()
        for p in a.people:
            menu.addAction(p.name(lang), lambda pid=p.id: self.show_history(pid))
        menu.exec(self.history_button.mapToGlobal(QPoint(0, self.history_button.height())))

    def show_history(self, person_id: int) -> None:
        PersonHistoryDialog(self.ctx, person_id, self).exec()
        self.refresh_if_stale()

    # --- actions: quotas ---------------------------------------------------------------------------

    def new_quota(self) -> None:
        dlg = QuotaDialog(self.ctx, parent=self)
        if dlg.exec() and dlg.saved is not None:
            self.refresh_if_stale()

    def edit_quota(self) -> None:
        q = self.current_quota()
        if q is None:
            return
        if QuotaDialog(self.ctx, q, parent=self).exec():
            self.refresh_if_stale()

    def delete_quota(self) -> None:
        q = self.current_quota()
        if q is None:
            return
        if not messages.confirm(
            self, _("Delete the quota “{quota}”?").format(quota=q.label(current_language()))
        ):
            return
        try:
            self.ctx.write(experts_quotas.delete_quota, q.id)
        except CoreError as exc:
            messages.error(self, exc.message)

    def show_quota_assignments(self) -> None:
        """The assignments that count against the selected quota."""
        q = self.current_quota()
        if q is None:
            return
        self.filters.search.clear()
        self._filter = AssignmentFilter(quota_id=q.id)
        self.pages.setCurrentIndex(PAGE_ASSIGNMENTS)
        self.model.reload()
        self._update_summary()
        self.summary.setText(self.summary.text() + " · " + q.label(current_language()))

    # --- alerts, export, print ---------------------------------------------------------------------

    def edit_alert_settings(self) -> None:
        AlertSettingsDialog(self.ctx, self).exec()
        self.refresh_if_stale()

    def export(self) -> None:
        page = self.pages.currentIndex()
        model = self.quota_model if page == PAGE_QUOTAS else self.model
        title = _("Quotas") if page == PAGE_QUOTAS else _("Assignments")
        name = f"{title}-{self.today.isoformat()}.xlsx"
        path = export_with_dialog(self, model, name, title)
        if path:
            self.status.emit(_("Exported to {path}.").format(path=path))

    def print_list(self) -> None:
        from app.ui.dialogs.experts_pdf_dialog import ExpertsPdfDialog

        f = self._filter
        start = f.period_from or self.today
        end = f.period_to or start + dt.timedelta(days=30)
        ExpertsPdfDialog(self.ctx, start, end, self).exec()

    # --- Edit menu -----------------------------------------------------------------------------------

    def _on_quotas(self) -> bool:
        return self.pages.currentIndex() == PAGE_QUOTAS

    def can_new(self) -> bool:
        return self.ctx.has_db

    def can_edit(self) -> bool:
        return (self.current_quota() if self._on_quotas() else self.current()) is not None

    def can_delete(self) -> bool:
        return self.can_edit()

    def can_find(self) -> bool:
        return True

    def new_record(self) -> None:
        self.new_quota() if self._on_quotas() else self.new_assignment()

    def edit_record(self) -> None:
        self.edit_quota() if self._on_quotas() else self.edit_assignment()

    def delete_record(self) -> None:
        self.delete_quota() if self._on_quotas() else self.delete_assignment()

    def focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    # --- language ------------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        for i, text in enumerate((_("Assignments"), _("Quotas"), _("Timeline"))):
            self.pages.setTabText(i, text)
        self.new_button.setText(_("&New assignment…"))
        self.edit_button.setText(_("&Edit…"))
        self.step_button.setText(_("Next s&tep…"))
        self.step_button.setToolTip(_("Record the next step of the procedure"))
        self.history_button.setText(_("Person's &history…"))
        self.delete_button.setText(_("&Delete"))
        self.quota_new.setText(_("New &quota…"))
        self.quota_edit.setText(_("&Edit…"))
        self.quota_delete.setText(_("&Delete"))
        self.quota_show.setText(_("Show its assignments"))
        self.export_button.setText(_("E&xport…"))
        self.export_button.setToolTip(_("Export the table shown to an XLSX or CSV file"))
        self.print_button.setText(_("&Print list…"))
        self.print_button.setToolTip(
            _("The list of experts on site in a period, as a PDF in Chinese or Russian")
        )
        if self.ctx.has_db and self._side_names:
            lang = current_language()
            sides = self.ctx.read(commission_service.get_sides)
            self._side_names = {s.code: s.short_name(lang) for s in sides}
        self.model.retranslate()
        self.quota_model.retranslate()
        self.quota_table.resizeColumnsToContents()
        self._update_summary()
        self._update_buttons()
        if self.pages.currentIndex() == PAGE_TIMELINE:
            self._refresh_timeline()
        else:
            self._timeline_stale = True
