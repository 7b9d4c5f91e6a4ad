"""Add or edit an event of a session's programme: arrival, opening, site visit, reception, signing
ceremony, departure or another event."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.enums import EventKind
from app.core.errors import CoreError
from app.core.services.agenda import items as agenda
from app.core.services.agenda import schedule
from app.core.services.agenda.schedule import EventData, EventForm
from app.core.services.agenda.sessions import MeetingData
from app.i18n import N_, _
from app.ui.widgets.day_combo import DayCombo
from app.ui.widgets.form import FieldErrors
from app.ui.widgets.retranslate import Retranslatable

FIELDS = [
    ("kind", N_("Kind")),
    ("title_zh", N_("Title in Chinese")),
    ("title_ru", N_("Title in Russian")),
    ("place_zh", N_("Place in Chinese")),
    ("place_ru", N_("Place in Russian")),
    ("day", N_("Day")),
    ("start_time", N_("Start time")),
    ("duration_minutes", N_("Duration")),
    ("notes", N_("Notes")),
]


class EventDialog(Retranslatable, QDialog):
    def __init__(self, ctx, meeting: MeetingData, event: EventData | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting = meeting
        self.original = event
        self.saved: EventData | None = None
        self.setObjectName("EventDialog")
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        lay.addLayout(form)
        general = QLabel()
        self.errors = FieldErrors(general)
        self.labels: dict[str, QLabel] = {}
        self.widgets: dict[str, object] = {}
        self.timed = QCheckBox()
        self.timed.setObjectName("timed")
        self.timed.setChecked(True)
        for field, _label in FIELDS:
            if field == "kind":
                w = QComboBox()
            elif field == "day":
                w = DayCombo()
                w.note = self._day_note
            elif field == "start_time":
                self.time_edit = QTimeEdit()
                self.time_edit.setDisplayFormat("HH:mm")
                self.time_edit.setTime(QTime(10, 0))
                w = QWidget()
                row = QHBoxLayout(w)
                row.setContentsMargins(0, 0, 0, 0)
                row.addWidget(self.timed)
                row.addWidget(self.time_edit)
                row.addStretch(1)
            elif field == "duration_minutes":
                w = QSpinBox()
                w.setRange(0, agenda.MAX_MINUTES)
                w.setSingleStep(15)
                w.setSpecialValueText("—")
            elif field == "notes":
                w = QPlainTextEdit()
                w.setTabChangesFocus(True)
                w.setMaximumHeight(60)
            else:
                w = QLineEdit()
            w.setObjectName(field)
            label = QLabel()
            self.labels[field] = label
            self.widgets[field] = w
            self.errors.add_row(form, field, label, w)
        lay.addWidget(general)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        w = self.widgets
        for k in EventKind:
            w["kind"].addItem("", k.value)
        first = meeting.start_date - dt.timedelta(days=schedule.MARGIN_DAYS)
        n = (meeting.end_date - meeting.start_date).days + 1 + 2 * schedule.MARGIN_DAYS
        w["day"].set_days([first + dt.timedelta(days=k) for k in range(n)])
        self.timed.toggled.connect(self._timed_changed)
        if event is not None:
            self._load(event)
        else:
            w["day"].set_day(meeting.start_date)
        self._timed_changed()
        self.retranslate_ui()

    def _load(self, e: EventData) -> None:
        w = self.widgets
        w["kind"].setCurrentIndex(max(0, w["kind"].findData(e.kind.value)))
        for f in ("title_zh", "title_ru", "place_zh", "place_ru"):
            w[f].setText(getattr(e, f))
        w["day"].set_day(e.day)
        self.timed.setChecked(e.start_time is not None)
        if e.start_time is not None:
            self.time_edit.setTime(QTime(e.start_time.hour, e.start_time.minute))
        w["duration_minutes"].setValue(e.duration_minutes or 0)
        w["notes"].setPlainText(e.notes)

    def _day_note(self, d: dt.date) -> str:
        if d < self.meeting.start_date:
            return _("(before the session)")
        if d > self.meeting.end_date:
            return _("(after the session)")
        return ""

    def _timed_changed(self, *_a) -> None:
        self.time_edit.setEnabled(self.timed.isChecked())
        self.widgets["duration_minutes"].setEnabled(self.timed.isChecked())

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("New event") if self.original is None else _("Edit event"))
        for field, label in FIELDS:
            self.labels[field].setText(_(label))
        w = self.widgets
        for i, k in enumerate(EventKind):
            w["kind"].setItemText(i, k.label)
        w["day"].retranslate()
        self.timed.setText(_("at"))
        w["duration_minutes"].setSuffix(" " + _("min"))

    def form(self) -> EventForm:
        w = self.widgets
        start = duration = None
        if self.timed.isChecked():
            t = self.time_edit.time()
            start = dt.time(t.hour(), t.minute())
            duration = w["duration_minutes"].value() or None
        return EventForm(
            meeting_id=self.meeting.id,
            kind=w["kind"].currentData(),
            title_zh=w["title_zh"].text(),
            title_ru=w["title_ru"].text(),
            place_zh=w["place_zh"].text(),
            place_ru=w["place_ru"].text(),
            day=w["day"].day(),
            start_time=start,
            duration_minutes=duration,
            notes=w["notes"].toPlainText(),
            id=self.original.id if self.original else None,
        )

    def accept(self) -> None:
        self.errors.clear()
        form = self.form()
        try:
            if form.id is None:
                self.saved = self.ctx.write(schedule.add_event, form)
            else:
                self.saved = self.ctx.write(schedule.update_event, form)
        except CoreError as exc:
            self.errors.show(exc.field, exc.message)
            return
        super().accept()
