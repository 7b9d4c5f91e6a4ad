"""Add or rename one confidentiality marking."""

from __future__ import annotations

from app.core.fields import Field
from app.core.services import markings as service
from app.core.services.markings import MarkingData
from app.i18n import N_, _
from app.ui.dialogs.record_dialog import RecordDialog


class MarkingDialog(RecordDialog):
    fields = (
        Field("name_zh", N_("In Chinese")),
        Field("name_ru", N_("In Russian")),
        Field("name_en", N_("In English")),
    )
    minimum_width = 420

    def __init__(self, ctx, marking: MarkingData | None = None, parent=None) -> None:
        self.marking = marking
        super().__init__(ctx, marking, parent)
        self.edits = self.widgets

    def first_focus(self):
        return None

    def title(self) -> str:
        return _("Rename the marking") if self.marking else _("New marking")

    def write(self, values) -> MarkingData:
        data = MarkingData(**values, id=self.marking.id if self.marking else None,
                           version=self.record_version() if self.marking else None)  # fmt: skip
        fn = service.update_marking if self.marking else service.add_marking
        return self.ctx.write(fn, data)
