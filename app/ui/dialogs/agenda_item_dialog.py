"""Add or edit an agenda item: titles in both languages, proposing side, topic, presenter, time
slot, status, notes and supplementary materials."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QLabel, QSpinBox, QTimeEdit

from app.core.enums import AgendaStatus, Topic
from app.core.fields import Field, FieldKind
from app.core.services import commission as commission_service
from app.core.services.agenda import items as agenda
from app.core.services.agenda import sessions as meetings
from app.core.services.agenda.items import AgendaItemData, AgendaItemForm
from app.core.services.agenda.sessions import MeetingData
from app.i18n import N_, _, current_language
from app.ui.dialogs.record_dialog import RecordDialog
from app.ui.views import agenda_text as fmt
from app.ui.widgets.attachments import AttachmentsWidget
from app.ui.widgets.day_combo import DayCombo

#: examples of content in the language of the field, not interface text
_EXAMPLES = {"title_zh": "关于……", "title_ru": "О …"}


class AgendaItemDialog(RecordDialog):
    fields = (
        Field("title_zh", N_("Title in Chinese"), FieldKind.LONG_TEXT),
        Field("title_ru", N_("Title in Russian"), FieldKind.LONG_TEXT),
        Field("proposing_side_id", N_("Proposed by"), FieldKind.REF, ref="side"),
        Field("topic", N_("Topic"), FieldKind.CHOICE, choices=Topic),
        Field("presenter_id", N_("Presenter"), FieldKind.REF, ref="person"),
        Field("day", N_("Day"), FieldKind.DATE),
        Field("start_time", N_("Start time")),
        Field("duration_minutes", N_("Duration"), FieldKind.INT, maximum=agenda.MAX_MINUTES),
        Field("status", N_("Status"), FieldKind.CHOICE, choices=AgendaStatus),
        Field("notes", N_("Notes"), FieldKind.LONG_TEXT),
        Field("attachments", N_("Materials")),
    )
    unchecked = frozenset({"start_time", "attachments"})
    minimum_width = 640
    long_text_height = 60

    def __init__(self, ctx, meeting: MeetingData, item: AgendaItemData | None = None, parent=None) -> None:
        self.meeting = meeting
        self.item = item
        super().__init__(ctx, item, parent)

    def make_editor(self, field):
        if field.name == "start_time":
            w = QTimeEdit()
            w.setDisplayFormat("HH:mm")
            w.setTime(QTime(9, 30))
            return w
        if field.name == "day":
            return DayCombo()
        if field.name == "attachments":
            return AttachmentsWidget(self.ctx, agenda.OWNER_KIND, self.item.id if self.item else None)
        w = super().make_editor(field)
        if field.name in _EXAMPLES:
            w.setPlaceholderText(_EXAMPLES[field.name])
        if isinstance(w, QSpinBox):
            w.setSingleStep(15)
            w.setSpecialValueText("—")
        return w

    def add_after_field(self, name, form) -> None:
        if name == "title_ru":
            self.counterpart = QLabel()
            self.counterpart.setObjectName("counterpart_hint")
            self.counterpart.setWordWrap(True)
            self.counterpart.setStyleSheet("color: #a05a00;")
            form.addRow("", self.counterpart)

    def value(self, name: str):
        scheduled = self.widgets["day"].day() is not None
        if name == "start_time":
            t = self.widgets["start_time"].time()
            return dt.time(t.hour(), t.minute()) if scheduled else None
        if name == "duration_minutes":
            return (self.widgets[name].value() or None) if scheduled else None
        if name == "attachments":
            return None
        return super().value(name)

    def set_value(self, name: str, value) -> None:
        if name == "start_time":
            if value is not None:
                self.widgets[name].setTime(QTime(value.hour, value.minute))
        elif name != "attachments":
            super().set_value(name, value)

    def setup(self) -> None:
        m = self.meeting
        self._sides = self.ctx.read(commission_service.get_sides)
        self._members = self.ctx.read(meetings.members, m.id)
        w = self.widgets
        n = (m.end_date - m.start_date).days + 1
        w["day"].set_days([m.start_date + dt.timedelta(days=k) for k in range(n)], allow_none=True)
        w["day"].currentIndexChanged.connect(self._day_changed)
        w["title_zh"].textChanged.connect(self._update_counterpart)
        w["title_ru"].textChanged.connect(self._update_counterpart)

    def options(self, field):
        lang = current_language()
        if field.name == "proposing_side_id":
            return [(f"{s.short_name(lang)} ({s.code})", s.id) for s in self._sides]
        codes = {s.id: s.short_name(lang) for s in self._sides}
        people = [(f"{m.name(lang)} — {codes.get(m.side_id, '')}, {m.role.label}", m.person_id)
                  for m in self._members]  # fmt: skip
        return [(_("— none yet —"), None), *people]

    def defaults(self) -> None:
        self.set_value("proposing_side_id", self.meeting.host_side_id)
        self.set_value("topic", Topic.OTHER)
        self.set_value("duration_minutes", 60)
        self._day_changed()

    def load(self, item: AgendaItemData) -> None:
        super().load(item)
        self._day_changed()

    def _day_changed(self, *_args) -> None:
        scheduled = self.widgets["day"].day() is not None
        self.widgets["start_time"].setEnabled(scheduled)
        self.widgets["duration_minutes"].setEnabled(scheduled)

    def _update_counterpart(self) -> None:
        zh = self.widgets["title_zh"].toPlainText().strip()
        ru = self.widgets["title_ru"].toPlainText().strip()
        if zh and not ru:
            text = _("The Russian title is missing: the Russian memorandum will print the Chinese one.")
        elif ru and not zh:
            text = _("The Chinese title is missing: the Chinese memorandum will print the Russian one.")
        else:
            text = ""
        self.counterpart.setText(text)
        self.counterpart.setVisible(bool(text))

    def title(self) -> str:
        session = fmt.session_title(self.meeting)
        if self.item is None:
            return _("New agenda item — {session}").format(session=session)
        return _("Agenda item {number} — {session}").format(number=self.item.number, session=session)

    def retranslate_extra(self) -> None:
        self.widgets["day"].none_text = _("— not scheduled —")
        self.widgets["day"].retranslate()
        self.widgets["duration_minutes"].setSuffix(" " + _("min"))
        self._update_counterpart()

    def form(self) -> AgendaItemForm:
        v = self.values()
        del v["attachments"]
        return AgendaItemForm(meeting_id=self.meeting.id, **v, id=self.item.id if self.item else None,
                              version=self.record_version() if self.item else None)  # fmt: skip

    def write(self, values) -> AgendaItemData:
        form = self.form()
        materials: AttachmentsWidget = self.widgets["attachments"]

        def save(session):
            fn = agenda.add_item if form.id is None else agenda.update_item
            item = fn(session, form)
            materials.save_pending(session, item.id)
            return agenda.get_item(session, item.id)

        return self.ctx.write(save)
