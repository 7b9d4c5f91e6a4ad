"""Add or edit an agenda item: titles in both languages, proposing side, topic, presenter, time
slot, status, notes and supplementary materials."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
)

from app.core.enums import AgendaStatus, Topic
from app.core.errors import CoreError
from app.core.services import commission as commission_service
from app.core.services.agenda import items as agenda
from app.core.services.agenda import sessions as meetings
from app.core.services.agenda.items import AgendaItemData, AgendaItemForm
from app.core.services.agenda.sessions import MeetingData
from app.i18n import N_, _, current_language
from app.ui.views import agenda_text as fmt
from app.ui.widgets.attachments import AttachmentsWidget
from app.ui.widgets.day_combo import DayCombo
from app.ui.widgets.form import FieldErrors
from app.ui.widgets.retranslate import Retranslatable

FIELDS = [
    ("title_zh", N_("Title in Chinese")),
    ("title_ru", N_("Title in Russian")),
    ("proposing_side_id", N_("Proposed by")),
    ("topic", N_("Topic")),
    ("presenter_id", N_("Presenter")),
    ("day", N_("Day")),
    ("start_time", N_("Start time")),
    ("duration_minutes", N_("Duration")),
    ("status", N_("Status")),
    ("notes", N_("Notes")),
    ("attachments", N_("Materials")),
]


class AgendaItemDialog(Retranslatable, QDialog):
    def __init__(self, ctx, meeting: MeetingData, item: AgendaItemData | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting = meeting
        self.item = item
        self.saved: AgendaItemData | None = None
        self.setObjectName("AgendaItemDialog")
        self.setMinimumWidth(640)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        lay.addLayout(form)
        general = QLabel()
        self.errors = FieldErrors(general)
        self.labels: dict[str, QLabel] = {}
        self.widgets: dict[str, object] = {}
        for field, _label in FIELDS:
            if field in ("title_zh", "title_ru", "notes"):
                w = QPlainTextEdit()
                # examples of content in the language of the field, not interface text
                w.setPlaceholderText({"title_zh": "关于……", "title_ru": "О …"}.get(field, ""))
                w.setTabChangesFocus(True)
                w.setMaximumHeight(60)
            elif field == "start_time":
                w = QTimeEdit()
                w.setDisplayFormat("HH:mm")
                w.setTime(QTime(9, 30))
            elif field == "duration_minutes":
                w = QSpinBox()
                w.setRange(0, agenda.MAX_MINUTES)
                w.setSingleStep(15)
                w.setSpecialValueText("—")
            elif field == "day":
                w = DayCombo()
            elif field == "attachments":
                w = AttachmentsWidget(ctx, agenda.OWNER_KIND, item.id if item else None)
            else:
                w = QComboBox()
            w.setObjectName(field)
            label = QLabel()
            self.labels[field] = label
            self.widgets[field] = w
            self.errors.add_row(form, field, label, w)
            if field == "title_ru":
                self.counterpart = QLabel()
                self.counterpart.setObjectName("counterpart_hint")
                self.counterpart.setWordWrap(True)
                self.counterpart.setStyleSheet("color: #a05a00;")
                form.addRow("", self.counterpart)
        lay.addWidget(general)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

        self._sides = ctx.read(commission_service.get_sides)
        self._members = ctx.read(meetings.members, meeting.id)
        w = self.widgets
        for s in self._sides:
            w["proposing_side_id"].addItem("", s.id)
        for t in Topic:
            w["topic"].addItem("", t.value)
        for st in AgendaStatus:
            w["status"].addItem("", st.value)
        w["presenter_id"].addItem("", None)
        for m in self._members:
            w["presenter_id"].addItem("", m.person_id)
        n = (meeting.end_date - meeting.start_date).days + 1
        w["day"].set_days([meeting.start_date + dt.timedelta(days=k) for k in range(n)], allow_none=True)
        w["day"].currentIndexChanged.connect(self._day_changed)
        w["title_zh"].textChanged.connect(self._update_counterpart)
        w["title_ru"].textChanged.connect(self._update_counterpart)
        if item is not None:
            self._load(item)
        else:
            combo = w["proposing_side_id"]
            combo.setCurrentIndex(max(0, combo.findData(meeting.host_side_id)))
            w["topic"].setCurrentIndex(w["topic"].findData(Topic.OTHER.value))
            w["duration_minutes"].setValue(60)
        self._day_changed()
        self.retranslate_ui()
        w["title_zh"].setFocus()

    def _load(self, i: AgendaItemData) -> None:
        w = self.widgets
        w["title_zh"].setPlainText(i.title_zh)
        w["title_ru"].setPlainText(i.title_ru)
        w["notes"].setPlainText(i.notes)
        for field, value in (("proposing_side_id", i.proposing_side_id), ("topic", i.topic.value),
                             ("presenter_id", i.presenter_id), ("status", i.status.value)):  # fmt: skip
            combo: QComboBox = w[field]
            combo.setCurrentIndex(max(0, combo.findData(value)))
        w["day"].set_day(i.day)
        if i.start_time is not None:
            w["start_time"].setTime(QTime(i.start_time.hour, i.start_time.minute))
        w["duration_minutes"].setValue(i.duration_minutes or 0)

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

    def retranslate_ui(self) -> None:
        if self.item is None:
            self.setWindowTitle(
                _("New agenda item — {session}").format(session=fmt.session_title(self.meeting))
            )
        else:
            self.setWindowTitle(_("Agenda item {number} — {session}").format(
                number=self.item.number, session=fmt.session_title(self.meeting)))  # fmt: skip
        for field, label in FIELDS:
            self.labels[field].setText(_(label))
        w = self.widgets
        lang = current_language()
        for i, s in enumerate(self._sides):
            w["proposing_side_id"].setItemText(i, f"{s.short_name(lang)} ({s.code})")
        for i, t in enumerate(Topic):
            w["topic"].setItemText(i, t.label)
        for i, st in enumerate(AgendaStatus):
            w["status"].setItemText(i, st.label)
        codes = {s.id: s.short_name(lang) for s in self._sides}
        w["presenter_id"].setItemText(0, _("— none yet —"))
        for i, m in enumerate(self._members, start=1):
            w["presenter_id"].setItemText(i, f"{m.name(lang)} — {codes.get(m.side_id, '')}, {m.role.label}")
        w["day"].none_text = _("— not scheduled —")
        w["day"].retranslate()
        w["duration_minutes"].setSuffix(" " + _("min"))
        self._update_counterpart()

    def form(self) -> AgendaItemForm:
        w = self.widgets
        day = w["day"].day()
        start = duration = None
        if day is not None:
            t = w["start_time"].time()
            start = dt.time(t.hour(), t.minute())
            duration = w["duration_minutes"].value() or None
        return AgendaItemForm(
            meeting_id=self.meeting.id,
            title_zh=w["title_zh"].toPlainText(),
            title_ru=w["title_ru"].toPlainText(),
            proposing_side_id=w["proposing_side_id"].currentData(),
            topic=w["topic"].currentData(),
            presenter_id=w["presenter_id"].currentData(),
            day=day,
            start_time=start,
            duration_minutes=duration,
            status=w["status"].currentData(),
            notes=w["notes"].toPlainText(),
            id=self.item.id if self.item else None,
        )

    def accept(self) -> None:
        self.errors.clear()
        form = self.form()
        materials: AttachmentsWidget = self.widgets["attachments"]

        def save(session):
            if form.id is None:
                item = agenda.add_item(session, form)
            else:
                item = agenda.update_item(session, form)
            materials.save_pending(session, item.id)
            return agenda.get_item(session, item.id)

        try:
            self.saved = self.ctx.write(save)
        except CoreError as exc:
            self.errors.show(exc.field, exc.message)
            return
        super().accept()
