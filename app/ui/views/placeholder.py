"""A tab whose register has not landed yet: it says what will come there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout

from app.i18n import _
from app.ui.views.base import View


class PlaceholderView(View):
    def __init__(self, ctx, title: str, text: str, parent=None) -> None:
        super().__init__(ctx, parent)
        self.TITLE = title
        self._text = text
        self.setObjectName(f"placeholder_{title}")
        lay = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.setFixedWidth(620)
        lay.addStretch(1)
        lay.addWidget(self.heading)
        lay.addWidget(self.body, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addStretch(2)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(_(self.TITLE))
        self.body.setText(_(self._text))
