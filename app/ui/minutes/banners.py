"""The banners above the minutes editor: the minutes are signed, and what was just refused."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel

from app.i18n import _, current_language, format_date

#: how long a refusal stays in view, in milliseconds
REFUSAL_MS = 8000


class Banners(QObject):
    """Two labels the tab lays out above the editor (each takes no room while hidden); written by
    the tab, which shows them again in a new language."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.signed = QLabel()
        self.signed.setObjectName("minutes_signed")
        self.signed.setWordWrap(True)
        self.signed.setStyleSheet("background: #e8f5e9; color: #1b5e20; padding: 6px;")
        self.signed.hide()
        self.refusal = QLabel()
        self.refusal.setObjectName("minutes_banner")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("background: #fff4ce; color: #5d4200; padding: 6px; border: 1px solid #e0c060;")
        self.refusal.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refusal.hide)

    def show_refusal(self, message: str) -> None:
        self.refusal.setText(message)
        self.refusal.show()
        self._timer.start(REFUSAL_MS)

    def show_signed(self, minutes) -> None:
        """The signing of these minutes, or nothing when they are not locked."""
        if minutes is None or not minutes.locked:
            self.signed.hide()
            return
        if minutes.signed_on:
            text = _("These minutes were signed on {date} in {place}; they can no longer be changed.").format(
                date=format_date(minutes.signed_on), place=minutes.place(current_language()) or "—"
            )
        else:
            text = _("These minutes are signed; they can no longer be changed.")
        self.signed.setText(text)
        self.signed.show()
