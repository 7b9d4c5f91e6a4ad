"""The Experts tab: who is sent where, for how long, against which quota, and what needs an answer.

A thin shell: the filter bar (search, direction, purpose, status, session, period) is shared by
three pages — the assignments (``experts_assignments``), the quotas (``experts_quotas``) and the
timeline (``experts_timeline``). The alerts panel on the right lists what needs attention;
double-click opens the assignment.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QSplitter, QTabWidget, QVBoxLayout

from app.core.changes import Change
from app.core.services import commission as commission_service
from app.core.services.agenda import sessions as meetings_service
from app.core.services.experts import alerts as experts_alerts
from app.core.services.experts.query import AssignmentFilter
from app.i18n import N_, _, current_language
from app.ui.dialogs.alert_settings_dialog import AlertSettingsDialog
from app.ui.views.base import View
from app.ui.views.experts_assignments import AssignmentsPage
from app.ui.views.experts_quotas import QuotasPage
from app.ui.views.experts_timeline import TimelinePanel
from app.ui.views.page import forward
from app.ui.widgets.alerts_panel import AlertsPanel
from app.ui.widgets.deferred import after_paint
from app.ui.widgets.experts_filters import ExpertsFilterBar
from app.ui.widgets.table_export import export_with_dialog

PAGE_ASSIGNMENTS, PAGE_QUOTAS, PAGE_TIMELINE = range(3)
#: What the alerts depend on (the names of the people in them, the alert settings); remembered
#: until one of these changes
ALERTS_DEPEND = frozenset({Change.EXPERTS, Change.PEOPLE, Change.SETTINGS})


# the pages' widgets, as the tests and older callers reach them through the tab
@forward("assignments", "model table summary new_button edit_button step_button history_button "
         "delete_button current select_assignment next_step show_history")  # fmt: skip
@forward("quotas", "current_quota:current quota_model:model quota_table:table quota_new:new_button "
         "quota_edit:edit_button quota_delete:delete_button quota_show:show_button")  # fmt: skip
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
        self._filter = AssignmentFilter()
        self._timeline_stale = True
        self._alerts_pending = False

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

        self.assignments = AssignmentsPage(ctx, self._side_name)
        self.quotas = QuotasPage(ctx)
        self.quotas.assignmentsWanted.connect(self.show_quota_assignments)
        for page in (self.assignments, self.quotas):
            page.actionsChanged.connect(self._update_buttons)
            page.status.connect(self.status)
            page.refreshWanted.connect(self.refresh_if_stale)
        self.timeline = TimelinePanel(ctx)
        self.timeline.view.assignmentActivated.connect(self.open_assignment)
        self.timeline.view.personActivated.connect(self.assignments.show_history)
        self.pages = QTabWidget()
        self.pages.setObjectName("experts_pages")
        for page in (self.assignments, self.quotas, self.timeline):
            self.pages.addTab(page, "")
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

    # --- data --------------------------------------------------------------------------------------

    def _side_name(self, code: str) -> str:
        return self._side_names.get(code, code)

    def refresh(self) -> None:
        self.today = self.assignments.today = dt.date.today()
        if self.ctx.has_db:
            sides = self.ctx.read(commission_service.get_sides)
            lang = current_language()
            names = {s.code: s.short_name(lang) for s in sides}
            if names != self._side_names:  # the direction column is fitted to the sides' names
                self._side_names = names
                self.assignments.table.setProperty("fitted_language", None)
            self.filters.set_choices(sides, self.ctx.read(meetings_service.list_meetings))
            self.assignments.horizon = self.ctx.read(experts_alerts.alert_settings)[0]
        else:
            self.filters.set_choices([], [])
            self.alerts.set_alerts([])
        self._set_filter(self.filters.filter())
        if self.ctx.has_db and not self._alerts_pending:
            # the alerts read the whole register: after the first rows are on screen
            self._alerts_pending = True
            after_paint(self.assignments.table.viewport(), self._show_alerts)

    def _show_alerts(self) -> None:
        self._alerts_pending = False
        if self.ctx.has_db:
            self.alerts.set_alerts(self.ctx.cached(ALERTS_DEPEND, experts_alerts.alerts, self.today))

    def _set_filter(self, f: AssignmentFilter, note: str = "") -> None:
        self._filter = self.assignments.filter = f
        self.quotas.sending_side_id = f.sending_side_id
        self.assignments.reload(note)
        self.quotas.reload()
        self._timeline_stale = True
        if self.pages.currentIndex() == PAGE_TIMELINE:
            self._refresh_timeline()

    def _refresh_timeline(self) -> None:
        self._timeline_stale = False
        self.timeline.refresh(self._filter, self.today)

    def _on_filter(self) -> None:
        self._set_filter(self.filters.filter())

    def _on_page(self, index: int) -> None:
        if index == PAGE_TIMELINE and self._timeline_stale:
            self._refresh_timeline()
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.export_button.setEnabled(self.ctx.has_db)
        self.print_button.setEnabled(self.ctx.has_db)
        self.actionsChanged.emit()

    def open_assignment(self, assignment_id: int) -> None:
        self.assignments.open_assignment(assignment_id, select=self.pages.currentIndex() == PAGE_ASSIGNMENTS)

    def show_quota_assignments(self, quota) -> None:
        """The assignments that count against the quota."""
        self.filters.search.clear()
        self.pages.setCurrentIndex(PAGE_ASSIGNMENTS)
        self._filter = self.assignments.filter = AssignmentFilter(quota_id=quota.id)
        self.assignments.reload(quota.label(current_language()))

    # --- alerts, export, print ---------------------------------------------------------------------

    def edit_alert_settings(self) -> None:
        AlertSettingsDialog(self.ctx, self).exec()
        self.refresh_if_stale()

    def export(self) -> None:
        on_quotas = self._on_quotas()
        model = self.quotas.model if on_quotas else self.assignments.model
        title = _("Quotas") if on_quotas else _("Assignments")
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

    # --- Edit menu: the page in view -----------------------------------------------------------------

    def _on_quotas(self) -> bool:
        return self.pages.currentIndex() == PAGE_QUOTAS

    def _page(self):
        return self.quotas if self._on_quotas() else self.assignments

    def can_new(self) -> bool:
        return self.ctx.has_db

    def can_edit(self) -> bool:
        return self._page().can_edit()

    def can_delete(self) -> bool:
        return self._page().can_delete()

    def can_find(self) -> bool:
        return True

    def new_record(self) -> None:
        self._page().new_record()

    def edit_record(self) -> None:
        self._page().edit_record()

    def delete_record(self) -> None:
        self._page().delete_record()

    def focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    # --- language ------------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        for i, text in enumerate((_("Assignments"), _("Quotas"), _("Timeline"))):
            self.pages.setTabText(i, text)
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
        self.assignments.model.retranslate()
        self.assignments.table.setProperty("fitted_language", None)  # the side names have changed
        self.assignments.fit()
        self.quotas.model.retranslate()
        self.quotas.table.resizeColumnsToContents()
        self.assignments.update_summary()
        self._update_buttons()
        if self.pages.currentIndex() == PAGE_TIMELINE:
            self._refresh_timeline()
        else:
            self._timeline_stale = True
