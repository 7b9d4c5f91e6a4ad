"""The filters of the Experts tab: search, direction, purpose, status, session and period."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.core.models.experts import AssignmentPurpose, AssignmentStatus
from app.core.services.experts.query import ACTIVE, AssignmentFilter
from app.i18n import _, current_language, wording
from app.ui.widgets.date_edit import DateEdit
from app.ui.widgets.retranslate import Retranslatable
from app.ui.widgets.search import SearchField


class ExpertsFilterBar(Retranslatable, QWidget):
    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._sides: list = []
        self._meetings: list = []
        self.search = SearchField()
        self.search.setMinimumWidth(120)
        self.search.setObjectName("experts_search")
        self.search.searchChanged.connect(lambda _t: self.changed.emit())
        self.direction = QComboBox()
        self.direction.setObjectName("experts_direction")
        self.purpose = QComboBox()
        self.purpose.setObjectName("experts_purpose")
        self.status = QComboBox()
        self.status.setObjectName("experts_status")
        self.meeting = QComboBox()
        self.meeting.setObjectName("experts_session")
        self.period = QCheckBox()
        self.period.setObjectName("experts_period")
        today = dt.date.today()
        self.period_from = DateEdit(today)
        self.period_from.setObjectName("experts_period_from")
        self.period_to = DateEdit(today + dt.timedelta(days=90))
        self.period_to.setObjectName("experts_period_to")
        for combo in (self.direction, self.purpose, self.status, self.meeting):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            # long labels must not force the window wide: the combos shrink and show them elided
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
        self.period.toggled.connect(self._period_toggled)
        for d in (self.period_from, self.period_to):
            d.valueChanged.connect(lambda _v: self.period.isChecked() and self.changed.emit())
        self.labels = {k: QLabel() for k in ("search", "direction", "purpose", "status", "session", "to")}
        self.labels["search"].setBuddy(self.search)
        row1 = QHBoxLayout()
        row1.setContentsMargins(0, 0, 0, 0)
        row1.addWidget(self.labels["search"])
        row1.addWidget(self.search, 3)
        for key, combo in (("direction", self.direction), ("purpose", self.purpose), ("status", self.status)):
            row1.addWidget(self.labels[key])
            row1.addWidget(combo, 1)
        row2 = QHBoxLayout()
        row2.setContentsMargins(0, 0, 0, 0)
        row2.addWidget(self.labels["session"])
        row2.addWidget(self.meeting, 1)
        row2.addSpacing(12)
        row2.addWidget(self.period)
        row2.addWidget(self.period_from)
        row2.addWidget(self.labels["to"])
        row2.addWidget(self.period_to)
        row2.addStretch(2)
        self.extra = QHBoxLayout()  # the view adds its buttons here
        row2.addLayout(self.extra)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(row1)
        lay.addLayout(row2)
        self._period_toggled(False)
        self.retranslate_ui()

    def _period_toggled(self, on: bool) -> None:
        self.period_from.setEnabled(on)
        self.period_to.setEnabled(on)
        self.changed.emit()

    def set_choices(self, sides: list, meetings: list) -> None:
        self._sides, self._meetings = sides, meetings
        self._fill()

    def _refill(self, combo: QComboBox, items: list[tuple[str, object]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _fill(self) -> None:
        lang = current_language()
        directions = [(_("Both directions"), None)]
        for s in self._sides:
            others = [o for o in self._sides if o.id != s.id]
            if others:
                directions.append((f"{s.short_name(lang)} → {others[0].short_name(lang)}", s.id))
        self._refill(self.direction, directions)
        self._refill(
            self.purpose, [(_("All purposes"), None)] + [(p.label, p.value) for p in AssignmentPurpose]
        )
        self._refill(
            self.status,
            [(_("All statuses"), None), (_("Active (not completed or cancelled)"), ACTIVE)]
            + [(s.label, s.value) for s in AssignmentStatus],
        )
        self._refill(
            self.meeting,
            [(_("All sessions"), None)]
            + [
                (_("{session}, {city}").format(session=wording.session_name(m.ordinal), city=m.city(lang)), m.id)
                for m in self._meetings
            ],
        )

    def filter(self) -> AssignmentFilter:
        on = self.period.isChecked()
        return AssignmentFilter(
            sending_side_id=self.direction.currentData(),
            purpose=self.purpose.currentData(),
            status=self.status.currentData(),
            period_from=self.period_from.value() if on else None,
            period_to=self.period_to.value() if on else None,
            meeting_id=self.meeting.currentData(),
            text=self.search.text(),
        )

    def set_period(self, start: dt.date | None, end: dt.date | None) -> None:
        self.blockSignals(True)
        if start is not None:
            self.period_from.set_value(start)
        if end is not None:
            self.period_to.set_value(end)
        self.period.setChecked(start is not None or end is not None)
        self.blockSignals(False)
        self.changed.emit()

    def retranslate_ui(self) -> None:
        self.labels["search"].setText(_("&Search:"))
        self.search.setPlaceholderText(_("Person or organisation, in any language"))
        self.labels["direction"].setText(_("Direction:"))
        self.labels["purpose"].setText(_("Purpose:"))
        self.labels["status"].setText(_("Status:"))
        self.labels["session"].setText(_("Session:"))
        self.labels["to"].setText(_("to"))
        self.period.setText(_("Period from"))
        self._fill()
