"""Create or edit a session: number, host side, city and venue in both languages, dates, status."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox

from app.core.enums import MeetingStatus
from app.core.fields import Field, FieldKind
from app.core.services import commission as commission_service
from app.core.services.agenda import sessions as meetings
from app.core.services.agenda.sessions import MeetingData, MeetingForm
from app.i18n import N_, _, current_language
from app.ui.dialogs.record_dialog import RecordDialog


class SessionDialog(RecordDialog):
    fields = (
        Field("ordinal", N_("Session number"), FieldKind.INT, minimum=0, maximum=999),
        Field("host_side_id", N_("Host side"), FieldKind.REF, ref="side"),
        Field("city_zh", N_("City in Chinese")),
        Field("city_ru", N_("City in Russian")),
        Field("city_ru_in", N_("City after «в» (Russian)")),
        Field("city_en", N_("City in English")),
        Field("venue_zh", N_("Venue in Chinese")),
        Field("venue_ru", N_("Venue in Russian")),
        Field("venue_en", N_("Venue in English")),
        Field("start_date", N_("Opening day"), FieldKind.DATE, required=True),
        Field("end_date", N_("Closing day"), FieldKind.DATE, required=True),
        Field("status", N_("Status"), FieldKind.CHOICE, choices=MeetingStatus),
        Field("notes", N_("Notes"), FieldKind.LONG_TEXT),
    )
    minimum_width = 520
    long_text_height = 70

    def __init__(self, ctx, meeting: MeetingData | None = None, parent=None) -> None:
        self.meeting = meeting
        super().__init__(ctx, meeting, parent)

    def add_widgets(self, layout) -> None:
        self.standing = QCheckBox()
        self.standing.setObjectName("standing_item")
        self.standing.setChecked(True)
        self.standing.setVisible(self.meeting is None)
        layout.addWidget(self.standing)

    def setup(self) -> None:
        self._sides = self.ctx.read(commission_service.get_sides)
        self.widgets["start_date"].dateChanged.connect(self._start_changed)

    def options(self, field):
        lang = current_language()
        return [(f"{s.short_name(lang)} ({s.code})", s.id) for s in self._sides]

    def defaults(self) -> None:
        self.set_value("ordinal", self.ctx.read(meetings.next_ordinal))
        previous = self.ctx.read(meetings.list_meetings)
        start = dt.date.today() + dt.timedelta(days=60)
        if previous:
            # sessions usually alternate between the two capitals
            last = previous[0]
            other = next((s for s in self._sides if s.id != last.host_side_id), None)
            if other is not None:
                self.set_value("host_side_id", other.id)
            start = max(start, last.end_date + dt.timedelta(days=30))
        start -= dt.timedelta(days=start.weekday())
        self.set_value("start_date", start)
        self.set_value("end_date", start + dt.timedelta(days=4))

    def _start_changed(self, q: QDate) -> None:
        end = self.widgets["end_date"]
        if self.meeting is None and end.date() < q:
            end.setDate(q.addDays(4))

    def first_focus(self):
        return None

    def title(self) -> str:
        if self.meeting is None:
            return _("New session")
        return _("Edit session {number}").format(number=self.meeting.ordinal)

    def retranslate_extra(self) -> None:
        self.standing.setText(_("Open the agenda with the standing item “Report on the implementation of "
                                "the decisions of the previous session”"))  # fmt: skip

    def form(self) -> MeetingForm:
        v = self.values()
        v["ordinal"] = v["ordinal"] or None
        v.pop("id", None)
        return MeetingForm(**v, id=self.meeting.id if self.meeting else None,
                           version=self.record_version() if self.meeting else None)  # fmt: skip

    def write(self, values) -> MeetingData:
        if self.meeting is None:
            return self.ctx.write(meetings.create_meeting, self.form(),
                                  standing_item=self.standing.isChecked())  # fmt: skip
        return self.ctx.write(meetings.update_meeting, self.form())
