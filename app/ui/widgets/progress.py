"""A long action with a progress bar and a Cancel button: a callable ``progress(done, total)`` for
the core's batch operations (a large import). Cancel raises :class:`Cancelled` from inside the
action, so that its unit of work rolls back and nothing is written."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from app.core.errors import Cancelled
from app.i18n import _


class ProgressDialog(QProgressDialog):
    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(label, _("Cancel"), 0, 100, parent)
        self.setWindowTitle(_("Commission Desk"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(300)  # a small file shows no dialog at all
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setValue(0)

    def __call__(self, done: int, total: int) -> None:
        if total > 0:
            self.setValue(min(100, done * 100 // total))
        QApplication.processEvents()
        if self.wasCanceled():
            raise Cancelled()
