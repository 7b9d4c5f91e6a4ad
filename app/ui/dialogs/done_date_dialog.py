"""Record that a step before a session was done on a given day (not necessarily today)."""

from __future__ import annotations

import datetime as dt

from app.core.enums import DeadlineKind
from app.core.fields import Field, FieldKind
from app.core.services.agenda import deadlines
from app.i18n import N_, _
from app.ui.dialogs.record_dialog import RecordDialog


class DoneDateDialog(RecordDialog):
    fields = (
        Field("done_on", N_("Done on"), FieldKind.DATE, required=True),
        Field("notes", N_("Note")),
    )
    minimum_width = 420

    def __init__(self, ctx, meeting_id: int, kind: DeadlineKind, today: dt.date, parent=None) -> None:
        self.meeting_id = meeting_id
        self.kind = kind
        self.today = today
        super().__init__(ctx, None, parent)
        self.date, self.notes = self.widgets["done_on"], self.widgets["notes"]

    def defaults(self) -> None:
        self.set_value("done_on", self.today)

    def first_focus(self):
        return None

    def title(self) -> str:
        return self.kind.label

    def retranslate_extra(self) -> None:
        self.widgets["notes"].setPlaceholderText(_("e.g. the reference number of the note"))

    def write(self, values) -> None:
        self.ctx.write(deadlines.record_done, self.meeting_id, self.kind,
                       values["done_on"], self.today, values["notes"])  # fmt: skip
