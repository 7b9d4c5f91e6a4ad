"""The timeline page of the Experts tab: zoom, a jump to today, the legend, and the timeline itself,
filtered like the assignments table. Without a period filter it shows a year back and two ahead.

It reads its people when shown: a filter set (or a language switch) while another page is in view
is read when the timeline is next shown."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.models.experts import AssignmentStatus
from app.core.services.experts.query import AssignmentFilter, timeline_bars, timeline_people
from app.i18n import N_, _, current_language, format_date, ngettext
from app.ui.widgets.retranslate import Retranslatable
from app.ui.widgets.timeline import OVER_TERM_COLOR, STATUS_COLORS, TODAY_COLOR, TimelineView

ZOOMS = ((N_("Weeks"), 8.0), (N_("Months"), 2.0), (N_("Quarters"), 0.8), (N_("Years"), 0.3))
BEFORE, AFTER = 365, 730


class TimelinePanel(Retranslatable, QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.filter = AssignmentFilter()
        self.zoom = QComboBox()
        self.zoom.setObjectName("timeline_zoom")
        for _label, _px in ZOOMS:
            self.zoom.addItem("")
        self.zoom.setCurrentIndex(1)
        self.zoom.currentIndexChanged.connect(lambda i: self.view.set_zoom(ZOOMS[i][1]))
        self.today_button = QPushButton()
        self.today_button.setObjectName("timeline_today")
        self.today_button.clicked.connect(lambda: self.view.scroll_to_date(self.view.today))
        self.legend = QLabel()
        self.legend.setObjectName("timeline_legend")
        self.zoom_label = QLabel()
        self.summary = QLabel()
        self.view = TimelineView()
        bar = QHBoxLayout()
        bar.addWidget(self.zoom_label)
        bar.addWidget(self.zoom)
        bar.addWidget(self.today_button)
        bar.addSpacing(12)
        bar.addWidget(self.legend, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.summary)
        self._first = True
        self._wanted: tuple[AssignmentFilter, dt.date | None] | None = None  # the filter to read, once shown
        self.retranslate_ui()

    def set_filter(self, f: AssignmentFilter, today: dt.date | None = None) -> None:
        """Show the people of ``f``: now if the timeline is in view, else when it is next shown."""
        self._wanted = (f, today)
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        """Read the people of the filter last set."""
        f, today = self._wanted or (self.filter, None)
        self._wanted = None
        self.refresh(f, today)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._wanted is not None:  # after the tab's own refresh, which may set another filter
            QTimer.singleShot(0, self, lambda: self._wanted is not None and self.reload())

    def period(self, f: AssignmentFilter) -> tuple[dt.date, dt.date]:
        today = self.view.today
        start = f.period_from or today - dt.timedelta(days=BEFORE)
        end = f.period_to or today + dt.timedelta(days=AFTER)
        return start, max(start, end)

    def refresh(self, f: AssignmentFilter, today: dt.date | None = None) -> None:
        if today is not None:
            self.view.today = today
        start, end = self.period(f)
        self.filter = replace(f, period_from=start, period_to=end)
        if not self.ctx.has_db:
            self.view.set_data([], lambda ids: {}, start, end)
            return
        people = self.ctx.read(timeline_people, self.filter, current_language())
        query = self.filter

        def loader(ids: list[int]):
            return self.ctx.read(timeline_bars, ids, query)

        self.view.set_data(people, loader, start, end)
        if self._first:
            self._first = False
            self.view.scroll_to_date(self.view.today)
        self._update_summary()

    def _update_summary(self) -> None:
        n = len(self.view.people)
        text = ngettext("{n} person", "{n} people", n).format(n=n)
        start, end = self.filter.period_from, self.filter.period_to
        if start and end:
            text += "  ·  " + _("{from_} to {to}").format(from_=format_date(start), to=format_date(end))
        self.summary.setText(text)

    def retranslate_ui(self) -> None:
        self.zoom_label.setText(_("Scale:"))
        for i, (label, _px) in enumerate(ZOOMS):
            self.zoom.setItemText(i, _(label))
        self.today_button.setText(_("Go to today"))
        chips = [
            f"<span style='background:{STATUS_COLORS[s]}'>&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;{s.label}"
            for s in AssignmentStatus
        ]
        chips.append(f"<span style='color:{OVER_TERM_COLOR}'>▨</span>&nbsp;{_('Past the term limit')}")
        chips.append(f"<span style='color:{TODAY_COLOR}'>┃</span>&nbsp;{_('Today')}")
        self.legend.setText("&nbsp;&nbsp; ".join(chips))
        self.legend.setWordWrap(True)
        self._update_summary()
        if self.view.people or self._wanted is not None:  # the names sort otherwise in another language
            self.set_filter(*(self._wanted or (self.filter, None)))
