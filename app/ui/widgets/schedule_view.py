"""The programme of a session day by day: agenda items in their slots and the other events, with
overlapping slots flagged in red."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import CoreError
from app.core.services.agenda import schedule as schedule_service
from app.core.services.agenda.schedule import Entry, Schedule
from app.core.services.agenda.sessions import MeetingData
from app.i18n import N_, _, ngettext, wording
from app.ui.dialogs.event_dialog import EventDialog
from app.ui.views import agenda_text as fmt
from app.ui.widgets import messages
from app.ui.widgets.retranslate import Retranslatable

HEADERS = [N_("Time"), N_("Programme"), N_("Kind"), N_("Presenter or place")]
OVERLAP_BG = QColor("#fde7e9")
DAY_BG = QColor("#e8edf3")


@dataclass(frozen=True)
class Row:
    """A day heading (entry None) or an entry of the programme."""

    title: str = ""
    entry: Entry | None = None
    outside: bool = False
    day: object = None


class ScheduleModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.schedule: Schedule | None = None
        self.rows: list[Row] = []

    def set_schedule(self, schedule: Schedule | None) -> None:
        self.beginResetModel()
        self.schedule = schedule
        self.rows = []
        if schedule is not None:
            for d in schedule.days:
                self.rows.append(Row(day=d.day, outside=d.outside))
                self.rows += [Row(entry=e) for e in d.entries]
            if schedule.unscheduled:
                self.rows.append(Row(title="unscheduled"))
                self.rows += [Row(entry=e) for e in schedule.unscheduled]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        return None

    def _day_text(self, row: Row) -> str:
        if row.entry is None and row.day is None:
            return _("Not scheduled yet")
        text = wording.weekday_date(row.day, full=True)
        if row.outside:
            text += "  " + _("(outside the session)")
        return text

    def _overlap_text(self, e: Entry) -> str:
        names = []
        for key in e.overlaps:
            other = self.schedule.entry(key) if self.schedule else None
            if other is not None:
                names.append(self._what(other))
        return _("Overlaps with: {entries}").format(entries="; ".join(names))

    @staticmethod
    def _what(e: Entry) -> str:
        if e.item is not None:
            return _("Item {number}. {title}").format(number=e.item.number, title=e.item.title(fmt.lang()))
        return e.event.title(fmt.lang()) or e.event.kind.label

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if row.entry is None:
            if role == Qt.ItemDataRole.DisplayRole and col == 0:
                return self._day_text(row)
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(DAY_BG)
            if role == Qt.ItemDataRole.FontRole:
                f = QFont()
                f.setBold(True)
                return f
            return None
        e = row.entry
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                if e.start_time is None:
                    return ""
                end = e.end_time
                return wording.time_range(e.start_time, end)
            if col == 1:
                return self._what(e)
            if col == 2:
                return _("Agenda item") if e.item is not None else e.event.kind.label
            if col == 3:
                return e.item.presenter(fmt.lang()) if e.item is not None else e.event.place(fmt.lang())
        if role == Qt.ItemDataRole.BackgroundRole and e.overlaps:
            return QBrush(OVERLAP_BG)
        if role == Qt.ItemDataRole.ForegroundRole and e.overlaps and col == 0:
            return QBrush(fmt.LATE)
        if role == Qt.ItemDataRole.ToolTipRole:
            if e.overlaps:
                return self._overlap_text(e)
            if col == 1:
                return self._what(e)
        if role == Qt.ItemDataRole.UserRole:
            return e
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(HEADERS) - 1))


class ScheduleView(Retranslatable, QWidget):
    """Emits ``itemRequested(item id)`` when an agenda item row is opened."""

    itemRequested = Signal(int)  # noqa: N815

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting: MeetingData | None = None
        self.model = ScheduleModel(self)
        self.table = QTableView()
        self.table.setObjectName("schedule_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.summary = QLabel()
        self.summary.setObjectName("schedule_summary")
        self.add_button = QPushButton()
        self.add_button.setObjectName("event_add")
        self.add_button.clicked.connect(self.add_event)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        for b in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        self.retranslate_ui()

    def set_meeting(self, meeting: MeetingData | None) -> None:
        self.meeting = meeting
        sched = self.ctx.read(schedule_service.schedule, meeting.id) if meeting is not None else None
        self.model.set_schedule(sched)
        self.table.clearSpans()
        for r, row in enumerate(self.model.rows):
            if row.entry is None:
                self.table.setSpan(r, 0, 1, len(HEADERS))
        if not getattr(self, "_sized", False) and self.model.rows:
            self._sized = True
            self.table.setColumnWidth(0, 110)
            self.table.setColumnWidth(2, 130)
            self.table.setColumnWidth(3, 200)
        self._update_summary()
        self._update_buttons()

    def current_entry(self) -> Entry | None:
        idx = self.table.currentIndex()
        if not idx.isValid():
            return None
        return self.model.rows[idx.row()].entry

    def _update_summary(self) -> None:
        sched = self.model.schedule
        if sched is None:
            self.summary.setText("")
            return
        if sched.overlaps:
            text = ngettext("{n} slot overlaps another", "{n} slots overlap others", sched.overlaps).format(
                n=sched.overlaps
            )
            self.summary.setStyleSheet("color: #b00020; font-weight: bold;")
        else:
            text = _("No overlapping slots.")
            self.summary.setStyleSheet("")
        self.summary.setText(text)

    def _update_buttons(self) -> None:
        e = self.current_entry()
        self.add_button.setEnabled(self.meeting is not None)
        self.edit_button.setEnabled(e is not None)
        self.delete_button.setEnabled(e is not None and e.event is not None)

    def add_event(self) -> None:
        if self.meeting is not None:
            EventDialog(self.ctx, self.meeting, parent=self).exec()

    def edit_selected(self) -> None:
        e = self.current_entry()
        if e is None:
            return
        if e.item is not None:
            self.itemRequested.emit(e.item.id)
        else:
            EventDialog(self.ctx, self.meeting, e.event, parent=self).exec()

    def delete_selected(self) -> None:
        e = self.current_entry()
        if e is None or e.event is None:
            return
        title = e.event.title(fmt.lang()) or e.event.kind.label
        if not messages.confirm(
            self, _("Delete the event “{title}” from the programme?").format(title=title)
        ):
            return
        try:
            self.ctx.write(schedule_service.delete_event, e.event.id)
        except CoreError as exc:
            messages.error(self, exc.message)

    def retranslate_ui(self) -> None:
        self.add_button.setText(_("Add event…"))
        self.edit_button.setText(_("Edit…"))
        self.delete_button.setText(_("Delete event"))
        self.model.retranslate()
        self._update_summary()
