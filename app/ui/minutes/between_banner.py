"""The banner above the minutes editor that offers the decisions the chairmen took between sessions
for this session's protocol: "2 decisions taken between sessions await this protocol [Append]"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.core.errors import CoreError
from app.core.services.decisions import records as decisions
from app.i18n import _, ngettext
from app.ui.widgets.retranslate import Retranslatable


class BetweenSessionsBanner(Retranslatable, QWidget):
    #: decisions were appended: the tab reloads the minutes
    appended = Signal()

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("minutes_between_sessions")
        self.minutes = None
        self.waiting: list = []
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton()
        self.button.setObjectName("minutes_append_between")
        self.button.clicked.connect(self.append_all)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.button)
        self.setStyleSheet("#minutes_between_sessions { background: #e3f2fd; }")
        self.hide()
        self.retranslate_ui()

    def show_for(self, minutes) -> None:
        """Offer the decisions awaiting these minutes (nothing for signed or absent minutes)."""
        self.minutes = minutes
        if minutes is None or minutes.locked or not self.ctx.has_db:
            self.waiting = []
        else:
            self.waiting = self.ctx.read(decisions.awaiting_protocol, minutes.meeting_id)
        self.setVisible(bool(self.waiting))
        self.retranslate_ui()

    def append_all(self) -> None:
        if self.minutes is None:
            return
        try:
            for d in self.waiting:
                self.ctx.write(decisions.append_to_minutes, self.minutes.id, d.id)
        except CoreError as exc:
            self.label.setText(exc.message)
            return
        self.waiting = []
        self.hide()
        self.appended.emit()

    def retranslate_ui(self) -> None:
        n = len(self.waiting)
        self.label.setText(
            ngettext(
                "{n} decision taken by the chairmen between sessions awaits this protocol.",
                "{n} decisions taken by the chairmen between sessions await this protocol.",
                n,
            ).format(n=n)
        )
        self.button.setText(_("&Append to the minutes"))
