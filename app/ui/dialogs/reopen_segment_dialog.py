"""Reopen an initialled segment: the reason is asked for and kept in the segment's history."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

from app.core.errors import CoreError
from app.core.services.minutes import edit as minutes_edit
from app.i18n import _
from app.ui.widgets.form import FieldErrors
from app.ui.widgets.retranslate import Retranslatable


class ReopenSegmentDialog(Retranslatable, QDialog):
    def __init__(self, ctx, segment_id: int, texts: tuple[str, str], parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.segment_id = segment_id
        self.saved = None
        self.setObjectName("ReopenSegmentDialog")
        self.setMinimumWidth(480)
        lay = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        lay.addWidget(self.intro)
        self.quote = QLabel("\n".join(t for t in texts if t)[:400])
        self.quote.setWordWrap(True)
        self.quote.setStyleSheet("color: #555; background: #f4f4f4; padding: 6px;")
        lay.addWidget(self.quote)
        self.reason_label = QLabel()
        lay.addWidget(self.reason_label)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reopen_reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(100)
        self.reason_label.setBuddy(self.reason)
        lay.addWidget(self.reason)
        err = QLabel()
        lay.addWidget(err)
        self.errors = FieldErrors()
        self.errors.register("reason", self.reason, err)
        self.general = QLabel()
        self.errors.general = self.general
        self.general.setStyleSheet("color: #b00020;")
        self.general.setWordWrap(True)
        self.general.hide()
        lay.addWidget(self.general)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.retranslate_ui()
        self.reason.setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Reopen an initialled segment"))
        self.intro.setText(
            _(
                "Both heads of delegation initialled this segment. Reopening it unlocks it for changes; "
                "it will have to be agreed and initialled again. The reason is kept in its history."
            )
        )
        self.reason_label.setText(_("&Reason for reopening:"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("&Reopen"))

    def accept(self) -> None:
        self.errors.clear()
        try:
            self.saved = self.ctx.write(minutes_edit.reopen, self.segment_id, self.reason.toPlainText())
        except CoreError as exc:
            self.errors.show(exc.field, exc.message)
            return
        super().accept()
