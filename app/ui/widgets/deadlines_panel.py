"""The steps before the selected session: notice, confirmation, preparatory meeting, each with its
due date and whether it is done, due soon or late. A step is recorded as done today (or taken back);
the offsets are the database's settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
)

from app.core.enums import DeadlineKind
from app.core.errors import CoreError
from app.core.services.agenda import deadlines
from app.core.services.agenda.deadlines import DeadlineData
from app.i18n import _, format_date
from app.ui.views import agenda_text as fmt
from app.ui.widgets import messages
from app.ui.widgets.retranslate import Retranslatable


class DeadlinesPanel(Retranslatable, QGroupBox):
    settingsRequested = Signal()  # noqa: N815

    def __init__(self, ctx, today: Callable[[], dt.date], parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        self.setObjectName("deadlines_panel")
        self.meeting_id: int | None = None
        self.items: list[DeadlineData] = []
        grid = QGridLayout(self)
        self.rows: dict[DeadlineKind, tuple[QLabel, QLabel, QLabel, QToolButton]] = {}
        self.other_day_actions = {}
        for r, kind in enumerate(DeadlineKind):
            name, due, state = QLabel(), QLabel(), QLabel()
            name.setWordWrap(True)
            due.setObjectName(f"deadline_due_{kind.value}")
            state.setObjectName(f"deadline_state_{kind.value}")
            state.setWordWrap(True)
            button = QToolButton()
            button.setObjectName(f"deadline_toggle_{kind.value}")
            button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _c=False, k=kind: self.toggle(k))
            menu = QMenu(button)
            other_day = menu.addAction("")
            other_day.setObjectName(f"deadline_other_day_{kind.value}")
            other_day.triggered.connect(lambda _c=False, k=kind: self.done_on_other_day(k))
            button.setMenu(menu)
            self.other_day_actions[kind] = other_day
            when = QVBoxLayout()
            when.setSpacing(0)
            when.addWidget(due)
            when.addWidget(state)
            grid.addWidget(name, r, 0)
            grid.addLayout(when, r, 1)
            grid.addWidget(button, r, 2)
            self.rows[kind] = (name, due, state, button)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.settings_button = QPushButton()
        self.settings_button.setObjectName("deadline_settings")
        self.settings_button.clicked.connect(self.settingsRequested)
        grid.addWidget(self.settings_button, len(DeadlineKind), 2)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #666666;")
        grid.addWidget(self.note, len(DeadlineKind), 0, 1, 2)
        self.retranslate_ui()

    def set_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        if meeting_id is None:
            self.items = []
        else:
            self.items = self.ctx.read(deadlines.deadlines, meeting_id, self.today())
        self._show()

    def deadline(self, kind: DeadlineKind) -> DeadlineData | None:
        return next((d for d in self.items if d.kind is kind), None)

    def _show(self) -> None:
        for kind, (name, due, state, button) in self.rows.items():
            name.setText(kind.label)
            d = self.deadline(kind)
            button.setEnabled(d is not None)
            self.other_day_actions[kind].setText(_("Done on another day…"))
            if d is None:
                due.setText("")
                state.setText("")
                button.setText(_("Done"))
                continue
            due.setText(format_date(d.due))
            state.setText(fmt.deadline_state(d))
            color = fmt.state_color(d.state)
            state.setStyleSheet(f"color: {color.name()}; font-weight: bold;" if color else "")
            button.setText(_("Reopen") if d.done_on else _("Done today"))
            button.setToolTip(
                _("Take back the record that this step was done") if d.done_on
                else _("Record that this step was done today")
            )  # fmt: skip
        offsets = self.ctx.read(deadlines.get_offsets) if self.ctx.has_db else None
        if offsets is not None:
            self.note.setText(
                _(
                    "Counted back from the opening day: {notice}, {confirmation} and {preparatory} days."
                ).format(
                    notice=offsets.notice, confirmation=offsets.confirmation, preparatory=offsets.preparatory
                )
            )

    def toggle(self, kind: DeadlineKind) -> None:
        d = self.deadline(kind)
        if self.meeting_id is None or d is None:
            return
        today = self.today()
        try:
            self.ctx.write(deadlines.record_done, self.meeting_id, kind,
                           None if d.done_on else today, today)  # fmt: skip
        except CoreError as exc:
            messages.error(self, exc.message)

    def done_on_other_day(self, kind: DeadlineKind) -> None:
        if self.meeting_id is None:
            return
        from app.ui.dialogs.done_date_dialog import DoneDateDialog

        DoneDateDialog(self.ctx, self.meeting_id, kind, self.today(), self).exec()

    def retranslate_ui(self) -> None:
        self.setTitle(_("Before the session"))
        self.settings_button.setText(_("Offsets…"))
        self.settings_button.setToolTip(_("How many days before the opening each step is due"))
        self._show()
