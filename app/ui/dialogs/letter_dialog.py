"""Enter or edit a letter of the liaison log: date, from and to, references, subject and summary in
either language, reply-by date, status, the decisions, exchanges and assignments it concerns and its
attachments."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QLabel

from app.core.fields import Field, FieldKind
from app.core.services.correspondence import links
from app.core.services.correspondence import records as service
from app.core.services.correspondence.fields import LETTER
from app.core.services.correspondence.records import LetterInput
from app.i18n import N_, _, current_language
from app.ui.dialogs.record_dialog import RecordDialog
from app.ui.widgets.attachments import AttachmentsWidget
from app.ui.widgets.letter_links import LetterLinksWidget

_NAMES = ("letter_date", "from_agency_id", "to_agency_id", "our_ref", "their_ref", "subject_zh", "subject_ru",
          "summary_zh", "summary_ru", "reply_by", "status")  # fmt: skip


class LetterDialog(RecordDialog):
    fields = (
        *(LETTER[n] for n in _NAMES),
        Field("links", N_("Concerns"), FieldKind.TEXT),
        Field("attachments", N_("Attachments"), FieldKind.TEXT),
    )
    minimum_width = 720
    unchecked = frozenset({"attachments", "links"})
    long_text_height = 70

    def make_editor(self, field):
        if field.name == "attachments":
            return AttachmentsWidget(self.ctx, service.OWNER_KIND, self.record.id if self.record else None)
        if field.name == "links":
            return LetterLinksWidget(self.ctx.read(links.link_targets))
        editor = super().make_editor(field)
        if isinstance(editor, QComboBox):  # long agency names: the dialog need not be as wide as they are
            editor.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            editor.setMinimumContentsLength(24)
        return editor

    def setup(self) -> None:
        self._agencies = self.ctx.read(service.agencies)

    def options(self, field):
        lang = current_language()
        if field.name in ("from_agency_id", "to_agency_id"):
            return [(a.name(lang), a.id) for a in self._agencies]
        return ()

    def value(self, name):
        if name in ("attachments", "links"):
            return None
        return super().value(name)

    def defaults(self) -> None:
        self.set_value("letter_date", dt.date.today())
        if len(self._agencies) > 1:
            other = next((a for a in self._agencies if a.side != self._agencies[0].side), None)
            if other is not None:
                self.set_value("to_agency_id", other.id)

    def load(self, record) -> None:
        for name in _NAMES:
            self.set_value(name, getattr(record, name))
        self.links.set_links(record.decision_ids, record.exchange_ids, record.assignment_ids)

    def add_widgets_above(self, layout) -> None:
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)

    def retranslate_extra(self) -> None:
        self.hint.setText(_("A letter or note from a liaison agency of one side to one of the other side."))

    def title(self) -> str:
        return _("Letter of the liaison log") if self.record else _("New letter")

    @property
    def links(self) -> LetterLinksWidget:
        return self.widgets["links"]

    def data(self, values) -> LetterInput:
        return LetterInput(
            **{n: values[n] for n in _NAMES},
            decision_ids=self.links.ids(links.DECISION),
            exchange_ids=self.links.ids(links.EXCHANGE),
            assignment_ids=self.links.ids(links.ASSIGNMENT),
        )

    def write(self, values):
        data = self.data(values)
        files: AttachmentsWidget = self.widgets["attachments"]
        record = self.record

        def save(session):
            if record is None:
                letter = service.add_letter(session, data)
            else:
                letter = service.update_letter(session, record.id, data)
            files.save_pending(session, letter.id)
            return service.get_letter(session, letter.id)

        return self.ctx.write(save)
