"""The Experts tab: who is sent where, for how long, against which quota, and what needs an answer.

A thin shell: the filter bar (search, direction, purpose, status, session, period) is shared by
three pages — the assignments (``experts_assignments``), the quotas (``experts_quotas``) and the
timeline (``experts_timeline``) — with Export and Print beside it (``experts_output``). The alerts
panel on the right lists what needs attention; double-click opens the assignment. The Edit menu
acts on the quotas when they are in view, else on the assignments.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout

from app.core.changes import Change
from app.core.services import commission as commission_service
from app.core.services.agenda import sessions as meetings_service
from app.core.services.experts import alerts as experts_alerts
from app.core.services.experts.query import AssignmentFilter
from app.i18n import N_, _, current_language
from app.ui.dialogs.alert_settings_dialog import AlertSettingsDialog
from app.ui.views.base import View
from app.ui.views.experts_assignments import AssignmentsPage
from app.ui.views.experts_output import ExpertsOutput
from app.ui.views.experts_quotas import QuotasPage
from app.ui.views.experts_timeline import TimelinePanel
from app.ui.views.page import forward
from app.ui.widgets.alerts_panel import AlertsPanel
from app.ui.widgets.deferred import after_paint
from app.ui.widgets.experts_filters import ExpertsFilterBar

PAGE_ASSIGNMENTS, PAGE_QUOTAS, PAGE_TIMELINE = range(3)
#: What the alerts depend on (the names of the people in them, the alert settings); remembered
#: until one of these changes
ALERTS_DEPEND = frozenset({Change.EXPERTS, Change.PEOPLE, Change.SETTINGS})
#: What the filters offer (the directions between the sides, the sessions) is read from
CHOICES_DEPEND = frozenset({Change.COMMISSION, Change.MEETINGS})


# the pages' widgets, as the tests, the benchmarks and older callers reach them through the tab
@forward("assignments", "model table summary new_button edit_button step_button history_button "
         "delete_button current select_assignment next_step show_history open_assignment")  # fmt: skip
@forward("quotas", "current_quota:current quota_model:model quota_table:table quota_new:new_button "
         "quota_edit:edit_button quota_delete:delete_button quota_show:show_button")  # fmt: skip
@forward("output", "export_button print_button export print_list")
@forward("timeline", "_refresh_timeline:reload")
class ExpertsView(View):
    TITLE = N_("Experts")
    CONCERNS = frozenset(
        {Change.EXPERTS, Change.PEOPLE, Change.COMMISSION, Change.MEETINGS, Change.DECISIONS, Change.SETTINGS}
    )

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("ExpertsView")
        self.today = dt.date.today()
        self._alerts_pending = False
        self._stale_reads = {"choices", "horizon"}  # what refresh() reads again (_on_changed)
        self.filters = ExpertsFilterBar()
        self.filters.changed.connect(self._on_filter)
        self.output = ExpertsOutput(self)
        self.filters.extra.addWidget(self.output)
        self.actionsChanged.connect(self.output.update_buttons)

        self.assignments = AssignmentsPage(ctx)
        self.quotas = QuotasPage(ctx)
        self.quotas.assignmentsWanted.connect(self.show_quota_assignments)
        for page in (self.assignments, self.quotas):
            page.actionsChanged.connect(self.actionsChanged)
            page.status.connect(self.status)
            page.refreshWanted.connect(self.refresh_if_stale)
        self.timeline = TimelinePanel(ctx)
        self.timeline.view.assignmentActivated.connect(self.open_assignment)
        self.timeline.view.personActivated.connect(self.assignments.show_history)
        self.pages = QTabWidget()
        self.pages.setObjectName("experts_pages")
        for page in (self.assignments, self.quotas, self.timeline):
            self.pages.addTab(page, "")
        self.pages.currentChanged.connect(lambda _i: self.actionsChanged.emit())

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

    def _on_changed(self, changes: frozenset[Change]) -> None:
        # the filters' sides and sessions, and the alerts' horizon: read again only when they change
        if Change.DATABASE in changes:
            self._stale_reads |= {"choices", "horizon"}
        if changes & CHOICES_DEPEND:
            self._stale_reads.add("choices")
        if Change.SETTINGS in changes:
            self._stale_reads.add("horizon")
        super()._on_changed(changes)

    def refresh(self) -> None:
        self.today = self.assignments.today = dt.date.today()
        if self.ctx.has_db:
            if "choices" in self._stale_reads:
                sides = self.ctx.read(commission_service.get_sides)
                self.assignments.set_sides(sides)
                self.filters.set_choices(sides, self.ctx.read(meetings_service.list_meetings))
            if "horizon" in self._stale_reads:
                self.assignments.horizon = self.ctx.read(experts_alerts.alert_settings)[0]
            self._stale_reads.clear()
        else:
            self.filters.set_choices([], [])
            self.alerts.set_alerts([])
            self._stale_reads = {"choices", "horizon"}
        self._on_filter()
        if self.ctx.has_db and not self._alerts_pending:
            # the alerts read the whole register: after the first rows are on screen
            self._alerts_pending = True
            after_paint(self.assignments.table.viewport(), self._show_alerts)

    def _show_alerts(self) -> None:
        self._alerts_pending = False
        if self.ctx.has_db:
            self.alerts.set_alerts(self.ctx.cached(ALERTS_DEPEND, experts_alerts.alerts, self.today))

    def _on_filter(self) -> None:
        """The filter bar's filter to every page (the timeline reads it when in view)."""
        f = self.filters.filter()
        self.assignments.filter = f
        self.quotas.sending_side_id = f.sending_side_id
        self.assignments.reload()
        self.quotas.reload()
        self.timeline.set_filter(f, self.today)

    def show_quota_assignments(self, quota) -> None:
        """The assignments that count against the quota."""
        self.filters.search.clear()
        self.pages.setCurrentWidget(self.assignments)
        self.assignments.filter = AssignmentFilter(quota_id=quota.id)
        self.assignments.reload(quota.label(current_language()))

    def edit_alert_settings(self) -> None:
        AlertSettingsDialog(self.ctx, self).exec()
        self.refresh_if_stale()

    # --- Edit menu: the page in view -----------------------------------------------------------------

    def record_page(self):
        return self.quotas if self.pages.currentWidget() is self.quotas else self.assignments

    def search_field(self):
        return self.filters.search

    def retranslate_ui(self) -> None:
        for i, text in enumerate((_("Assignments"), _("Quotas"), _("Timeline"))):
            self.pages.setTabText(i, text)
        self.assignments.relabel()
        self.quotas.relabel()
        self.actionsChanged.emit()
