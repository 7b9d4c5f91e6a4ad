"""Add or edit a glossary term pair, with its note and status."""

from __future__ import annotations

from dataclasses import replace

from app.core.enums import TermStatus
from app.core.fields import Field, FieldKind
from app.core.services.minutes import glossary
from app.core.services.minutes.glossary import TermData
from app.i18n import N_, _
from app.ui.dialogs.record_dialog import RecordDialog


class GlossaryTermDialog(RecordDialog):
    fields = (
        Field("zh", N_("Term in &Chinese:")),
        Field("ru", N_("Term in &Russian:")),
        Field("note", N_("&Note:"), FieldKind.LONG_TEXT),
        Field("status", N_("&Status:"), FieldKind.CHOICE, choices=TermStatus),
    )

    def __init__(self, ctx, term: TermData | None = None, parent=None) -> None:
        super().__init__(ctx, term, parent)
        self.term = term
        self.zh, self.ru, self.note, self.status = (self.widgets[n] for n in ("zh", "ru", "note", "status"))
        self.widgets["zh"].setObjectName("term_zh")
        self.widgets["ru"].setObjectName("term_ru")
        self.widgets["note"].setObjectName("term_note")
        self.widgets["status"].setObjectName("term_status")

    def title(self) -> str:
        return _("Edit glossary term") if self.record else _("New glossary term")

    def data(self) -> TermData:
        values = self.values()
        status = TermStatus(values["status"] or TermStatus.PREFERRED.value)
        return replace(self.record or TermData(), zh=values["zh"], ru=values["ru"], note=values["note"],
                       status=status, version=self.record_version())  # fmt: skip

    def write(self, values) -> TermData:
        return self.ctx.write(glossary.save_term, self.data())
