"""Create or edit a session: number, host side, city and venue in both languages, dates, status."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
)

from app.core.enums import MeetingStatus
from app.core.errors import CoreError
from app.core.services import commission as commission_service
from app.core.services.agenda import sessions as meetings
from app.core.services.agenda.sessions import MeetingData, MeetingForm
from app.i18n import N_, _, current_language
from app.ui.widgets.form import FieldErrors
from app.ui.widgets.retranslate import Retranslatable

FIELDS = [
    ("ordinal", N_("Session number")),
    ("host_side_id", N_("Host side")),
    ("city_zh", N_("City in Chinese")),
    ("city_ru", N_("City in Russian")),
    ("venue_zh", N_("Venue in Chinese")),
    ("venue_ru", N_("Venue in Russian")),
    ("start_date", N_("Opening day")),
    ("end_date", N_("Closing day")),
    ("status", N_("Status")),
    ("notes", N_("Notes")),
]


def to_qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class SessionDialog(Retranslatable, QDialog):
    def __init__(self, ctx, meeting: MeetingData | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting = meeting
        self.saved: MeetingData | None = None
        self.setObjectName("SessionDialog")
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        lay.addLayout(form)
        general = QLabel()
        self.errors = FieldErrors(general)
        self.labels: dict[str, QLabel] = {}
        self.widgets: dict[str, object] = {}
        for field, _label in FIELDS:
            if field == "ordinal":
                w = QSpinBox()
                w.setRange(0, 999)
            elif field in ("host_side_id", "status"):
                w = QComboBox()
            elif field in ("start_date", "end_date"):
                w = QDateEdit()
                w.setCalendarPopup(True)
                w.setDisplayFormat("yyyy-MM-dd")
                w.setMinimumDate(QDate(1900, 1, 1))
            elif field == "notes":
                w = QPlainTextEdit()
                w.setTabChangesFocus(True)
                w.setMaximumHeight(70)
            else:
                w = QLineEdit()
            w.setObjectName(field)
            label = QLabel()
            self.labels[field] = label
            self.widgets[field] = w
            self.errors.add_row(form, field, label, w)
        self.standing = QCheckBox()
        self.standing.setObjectName("standing_item")
        self.standing.setChecked(True)
        self.standing.setVisible(meeting is None)
        lay.addWidget(self.standing)
        lay.addWidget(general)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self._sides = ctx.read(commission_service.get_sides)
        for status in MeetingStatus:
            self.widgets["status"].addItem("", status.value)
        self.widgets["start_date"].dateChanged.connect(self._start_changed)
        if meeting is not None:
            self._load(meeting)
        else:
            self._defaults()
        self.retranslate_ui()

    def _defaults(self) -> None:
        self.widgets["ordinal"].setValue(self.ctx.read(meetings.next_ordinal))
        previous = self.ctx.read(meetings.list_meetings)
        start = dt.date.today() + dt.timedelta(days=60)
        self._fill_sides()
        if previous:
            # sessions usually alternate between the two capitals
            last = previous[0]
            other = next((s for s in self._sides if s.id != last.host_side_id), None)
            if other is not None:
                combo = self.widgets["host_side_id"]
                combo.setCurrentIndex(max(0, combo.findData(other.id)))
            start = max(start, last.end_date + dt.timedelta(days=30))
        start -= dt.timedelta(days=start.weekday())
        self.widgets["start_date"].setDate(to_qdate(start))
        self.widgets["end_date"].setDate(to_qdate(start + dt.timedelta(days=4)))

    def _start_changed(self, q: QDate) -> None:
        end = self.widgets["end_date"]
        if self.meeting is None and end.date() < q:
            end.setDate(q.addDays(4))

    def _fill_sides(self) -> None:
        combo: QComboBox = self.widgets["host_side_id"]
        current = combo.currentData()
        combo.clear()
        lang = current_language()
        for s in self._sides:
            combo.addItem(f"{s.short_name(lang)} ({s.code})", s.id)
        if current is not None:
            combo.setCurrentIndex(max(0, combo.findData(current)))

    def _load(self, m: MeetingData) -> None:
        self._fill_sides()
        self.widgets["ordinal"].setValue(m.ordinal)
        combo: QComboBox = self.widgets["host_side_id"]
        combo.setCurrentIndex(max(0, combo.findData(m.host_side_id)))
        for f in ("city_zh", "city_ru", "venue_zh", "venue_ru"):
            self.widgets[f].setText(getattr(m, f))
        self.widgets["start_date"].setDate(to_qdate(m.start_date))
        self.widgets["end_date"].setDate(to_qdate(m.end_date))
        status: QComboBox = self.widgets["status"]
        status.setCurrentIndex(max(0, status.findData(m.status.value)))
        self.widgets["notes"].setPlainText(m.notes)

    def retranslate_ui(self) -> None:
        if self.meeting is None:
            self.setWindowTitle(_("New session"))
        else:
            self.setWindowTitle(_("Edit session {number}").format(number=self.meeting.ordinal))
        for field, label in FIELDS:
            self.labels[field].setText(_(label))
        status: QComboBox = self.widgets["status"]
        for i, s in enumerate(MeetingStatus):
            status.setItemText(i, s.label)
        self.standing.setText(_("Open the agenda with the standing item “Report on the implementation of "
                                "the decisions of the previous session”"))  # fmt: skip
        self._fill_sides()

    def form(self) -> MeetingForm:
        w = self.widgets
        ordinal = w["ordinal"].value()
        return MeetingForm(
            ordinal=ordinal or None,
            host_side_id=w["host_side_id"].currentData(),
            city_zh=w["city_zh"].text(),
            city_ru=w["city_ru"].text(),
            venue_zh=w["venue_zh"].text(),
            venue_ru=w["venue_ru"].text(),
            start_date=from_qdate(w["start_date"].date()),
            end_date=from_qdate(w["end_date"].date()),
            status=w["status"].currentData(),
            notes=w["notes"].toPlainText(),
            id=self.meeting.id if self.meeting else None,
        )

    def accept(self) -> None:
        self.errors.clear()
        form = self.form()
        try:
            if self.meeting is None:
                self.saved = self.ctx.write(
                    meetings.create_meeting, form, standing_item=self.standing.isChecked()
                )
            else:
                self.saved = self.ctx.write(meetings.update_meeting, form)
        except CoreError as exc:
            self.errors.show(exc.field, exc.message)
            return
        super().accept()
