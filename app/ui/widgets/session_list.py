"""The sessions of the commission, newest first, with their status and what is due next."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from app.core.services.agenda.deadlines import SessionOverview
from app.i18n import N_, _
from app.ui.models.list_model import ListTableModel
from app.ui.models.query_model import ALIGN_CENTER, Column
from app.ui.views import agenda_text as fmt
from app.ui.views.page import RegisterPage


def _columns() -> list[Column]:
    return [
        Column("ordinal", N_("No."), lambda o: o.meeting.ordinal, align=ALIGN_CENTER,
               header_tooltip=N_("The session's number")),
        # the dates on two lines when they run long, leaving room for what is due next
        Column("session", N_("Session"), lambda o: f"{o.meeting.city(fmt.lang())}\n{_dates(o)}",
               tooltip=lambda o: fmt.session_place(o.meeting)),
        Column("status", N_("Status"), lambda o: o.meeting.status.label),
        Column("next", N_("Next"), lambda o: fmt.next_step(o.next),
               foreground=lambda o: fmt.next_step_color(o.next), header_tooltip=N_("What is due next")),
    ]  # fmt: skip


def _dates(o) -> str:
    dates = fmt.session_dates(o.meeting)
    return dates.replace(" – ", " –\n", 1) if len(dates) > 16 else dates


class SessionList(RegisterPage):
    """Emits ``selected`` with the chosen session's id (or None); the page's New, Edit and Delete
    ask the tab (``newRequested``, ``editRequested``, ``deleteRequested``)."""

    selected = Signal(object)
    newRequested = Signal()  # noqa: N815
    editRequested = Signal()  # noqa: N815
    deleteRequested = Signal()  # noqa: N815

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.model = ListTableModel(_columns(), self)
        self.table = QTableView()
        self.table.setObjectName("sessions_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(2, 110)
        self.set_table(self.table, self.model)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._emit())
        self.new_button = QPushButton()
        self.new_button.setObjectName("session_new")
        self.new_button.clicked.connect(self.new_record)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("session_edit")
        self.edit_button.clicked.connect(self.edit_record)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("session_delete")
        self.delete_button.clicked.connect(self.delete_record)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.title)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        self._last: int | None = -1
        self.retranslate_ui()

    def set_sessions(self, rows: list[SessionOverview], keep: int | None = None) -> None:
        """Show ``rows``; select session ``keep`` (or the current one, else the first planned one)."""
        current = keep if keep is not None else self.current_id()
        sm = self.table.selectionModel()
        sm.blockSignals(True)
        self.model.set_rows(rows)
        row = self.model.find_row(lambda o: o.meeting.id == current) if current is not None else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        sm.blockSignals(False)
        self.table.viewport().update()
        self._emit(force=True)

    def row_id(self, row: SessionOverview) -> int:
        return row.meeting.id

    def current_id(self) -> int | None:
        c = self.current()
        return c.meeting.id if c else None

    def new_record(self) -> None:
        self.newRequested.emit()

    def edit_record(self) -> None:
        self.editRequested.emit()

    def delete_record(self) -> None:
        self.deleteRequested.emit()

    def context_buttons(self) -> list[QPushButton]:
        return [self.edit_button, self.delete_button]

    def _emit(self, force: bool = False) -> None:
        self.update_buttons()
        mid = self.current_id()
        if force or mid != self._last:
            self._last = mid
            self.selected.emit(mid)

    def update_buttons(self) -> None:
        has = self.current() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def retranslate_ui(self) -> None:
        self.title.setText(_("Sessions"))
        self.new_button.setText(_("&New session…"))
        self.edit_button.setText(_("Edit session…"))
        self.delete_button.setText(_("Delete session"))
        self.model.retranslate()
