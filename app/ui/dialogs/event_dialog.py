"""Add or edit an event of a session's programme: arrival, opening, site visit, reception, signing
ceremony, departure or another event."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QSpinBox, QTimeEdit, QWidget

from app.core.enums import EventKind
from app.core.fields import Field, FieldKind
from app.core.services.agenda import items as agenda
from app.core.services.agenda import schedule
from app.core.services.agenda.schedule import EventData, EventForm
from app.core.services.agenda.sessions import MeetingData
from app.i18n import N_, _
from app.ui.dialogs.record_dialog import RecordDialog
from app.ui.widgets.day_combo import DayCombo


class EventDialog(RecordDialog):
    fields = (
        Field("kind", N_("Kind"), FieldKind.CHOICE, choices=EventKind),
        Field("title_zh", N_("Title in Chinese")),
        Field("title_ru", N_("Title in Russian")),
        Field("place_zh", N_("Place in Chinese")),
        Field("place_ru", N_("Place in Russian")),
        Field("place_en", N_("Place in English")),
        Field("day", N_("Day"), FieldKind.DATE),
        Field("start_time", N_("Start time")),
        Field("duration_minutes", N_("Duration"), FieldKind.INT, maximum=agenda.MAX_MINUTES),
        Field("notes", N_("Notes"), FieldKind.LONG_TEXT),
    )
    unchecked = frozenset({"start_time"})
    minimum_width = 520
    long_text_height = 60

    def __init__(self, ctx, meeting: MeetingData, event: EventData | None = None, parent=None) -> None:
        self.meeting = meeting
        self.original = event
        super().__init__(ctx, event, parent)

    def make_editor(self, field):
        if field.name == "day":
            w = DayCombo()
            w.note = self._day_note
            return w
        if field.name == "start_time":
            self.timed = QCheckBox()
            self.timed.setObjectName("timed")
            self.timed.setChecked(True)
            self.time_edit = QTimeEdit()
            self.time_edit.setDisplayFormat("HH:mm")
            self.time_edit.setTime(QTime(10, 0))
            w = QWidget()
            row = QHBoxLayout(w)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(self.timed)
            row.addWidget(self.time_edit)
            row.addStretch(1)
            return w
        w = super().make_editor(field)
        if isinstance(w, QSpinBox):
            w.setSingleStep(15)
            w.setSpecialValueText("—")
        return w

    def value(self, name: str):
        if name == "start_time":
            if not self.timed.isChecked():
                return None
            t = self.time_edit.time()
            return dt.time(t.hour(), t.minute())
        if name == "duration_minutes" and not self.timed.isChecked():
            return None
        return super().value(name)

    def set_value(self, name: str, value) -> None:
        if name == "start_time":
            self.timed.setChecked(value is not None)
            if value is not None:
                self.time_edit.setTime(QTime(value.hour, value.minute))
        else:
            super().set_value(name, value)

    def setup(self) -> None:
        m = self.meeting
        first = m.start_date - dt.timedelta(days=schedule.MARGIN_DAYS)
        n = (m.end_date - m.start_date).days + 1 + 2 * schedule.MARGIN_DAYS
        self.widgets["day"].set_days([first + dt.timedelta(days=k) for k in range(n)])
        self.timed.toggled.connect(self._timed_changed)

    def defaults(self) -> None:
        self.set_value("day", self.meeting.start_date)
        self._timed_changed()

    def load(self, event: EventData) -> None:
        super().load(event)
        self._timed_changed()

    def first_focus(self):
        return None

    def _day_note(self, d: dt.date) -> str:
        if d < self.meeting.start_date:
            return _("(before the session)")
        if d > self.meeting.end_date:
            return _("(after the session)")
        return ""

    def _timed_changed(self, *_a) -> None:
        self.time_edit.setEnabled(self.timed.isChecked())
        self.widgets["duration_minutes"].setEnabled(self.timed.isChecked())

    def title(self) -> str:
        return _("New event") if self.original is None else _("Edit event")

    def retranslate_extra(self) -> None:
        self.timed.setText(_("at"))
        self.widgets["duration_minutes"].setSuffix(" " + _("min"))

    def form(self) -> EventForm:
        v = self.values()
        v["duration_minutes"] = v["duration_minutes"] or None
        return EventForm(meeting_id=self.meeting.id, **v, id=self.original.id if self.original else None,
                         version=self.record_version() if self.original else None)  # fmt: skip

    def write(self, values) -> EventData:
        form = self.form()
        fn = schedule.add_event if form.id is None else schedule.update_event
        return self.ctx.write(fn, form)
