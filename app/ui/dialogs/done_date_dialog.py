"""Record that a step before a session was done on a given day (not necessarily today)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from app.core.changes import Change
from app.core.enums import DeadlineKind
from app.core.errors import CoreError
from app.core.services.agenda import deadlines
from app.i18n import _
from app.ui.widgets.date_edit import from_qdate, to_qdate
from app.ui.widgets.form import FieldErrors
from app.ui.widgets.retranslate import Retranslatable


class DoneDateDialog(Retranslatable, QDialog):
    def __init__(self, ctx, meeting_id: int, kind: DeadlineKind, today: dt.date, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.kind = kind
        self.today = today
        self.setObjectName("DoneDateDialog")
        self.setMinimumWidth(420)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        lay.addLayout(form)
        general = QLabel()
        self.errors = FieldErrors(general)
        self.date = QDateEdit()
        self.date.setObjectName("done_on")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setDate(to_qdate(today))
        self.notes = QLineEdit()
        self.notes.setObjectName("notes")
        self.date_label, self.notes_label = QLabel(), QLabel()
        self.errors.add_row(form, "done_on", self.date_label, self.date)
        self.errors.add_row(form, "notes", self.notes_label, self.notes)
        lay.addWidget(general)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.kind.label)
        self.date_label.setText(_("Done on"))
        self.notes_label.setText(_("Note"))
        self.notes.setPlaceholderText(_("e.g. the reference number of the note"))

    def accept(self) -> None:
        self.errors.clear()
        try:
            self.ctx.write({Change.MEETINGS}, deadlines.record_done, self.meeting_id, self.kind,
                           from_qdate(self.date.date()), self.today, self.notes.text())  # fmt: skip
        except CoreError as exc:
            self.errors.show(exc.field, exc.message)
            return
        super().accept()
