"""How many days before the opening each step is due, and what counts as "due soon"."""

from __future__ import annotations

from app.core.fields import Field, FieldKind
from app.core.services.agenda import deadlines
from app.core.services.agenda.deadlines import Offsets
from app.i18n import N_, _
from app.ui.dialogs.record_dialog import RecordDialog

_DAYS = {"kind": FieldKind.INT, "maximum": deadlines.MAX_OFFSET}


class DeadlineSettingsDialog(RecordDialog):
    fields = (
        Field("notice", N_("Notice with the proposed agenda, days before"), **_DAYS),
        Field("confirmation", N_("Confirmation and additions, days before"), **_DAYS),
        Field("preparatory", N_("Secretaries' preparatory meeting, days before"), **_DAYS),
        Field("due_soon", N_("A step is “due soon” this many days ahead"), **_DAYS),
    )
    minimum_width = 0

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, ctx.read(deadlines.get_offsets), parent)
        self.spins = self.widgets

    def first_focus(self):
        return None

    def title(self) -> str:
        return _("Deadlines before a session")

    def write(self, values) -> Offsets:
        offsets = Offsets(**values)
        self.ctx.write(deadlines.set_offsets, offsets)
        return offsets
