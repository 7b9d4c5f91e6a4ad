"""Warnings a user may go ahead with (an overdrawn quota, a stay beyond the term…): they are shown
with a field for the reason, which is recorded with the record. Errors never come here."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

from app.i18n import _
from app.ui.widgets.form import FieldErrors
from app.ui.widgets.retranslate import Retranslatable


class OverrideDialog(Retranslatable, QDialog):
    def __init__(self, warnings: list, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("OverrideDialog")
        self.setMinimumWidth(520)
        self.warnings = warnings
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.list = QLabel()
        self.list.setObjectName("override_warnings")
        self.list.setWordWrap(True)
        self.list.setStyleSheet("color: #8a5a00; padding: 6px;")
        self.reason_label = QLabel()
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("override_reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(100)
        self.error = QLabel()
        self.errors = FieldErrors(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addWidget(self.list)
        lay.addWidget(self.reason_label)
        lay.addWidget(self.reason)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.retranslate_ui()
        self.reason.setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Go ahead despite a warning?"))
        self.intro.setText(_("Please check:"))
        self.list.setText("\n".join(f"• {w.message}" for w in self.warnings))
        self.reason_label.setText(_("Reason for going ahead (recorded with the assignment):"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Go ahead"))

    def accept(self) -> None:
        if not self.reason.toPlainText().strip():
            self.errors.show(None, _("Give the reason, or cancel."))
            return
        super().accept()


def ask_override_reason(parent, warnings: list) -> str:
    """The reason the user gives to go ahead despite ``warnings``, or "" if they cancel."""
    dlg = OverrideDialog(warnings, parent)
    if dlg.exec():
        return dlg.reason.toPlainText().strip()
    return ""
