"""The titles of an attached file in Chinese and Russian: what documents call the material.

Asked when a file is attached (filled in from the file name) and editable later. For a file not yet
attached (its record is not saved yet) the dialog only returns the titles; the record's save
attaches the file with them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from app.core.services import attachments as service
from app.core.services.attachments import AttachmentData
from app.i18n import _
from app.ui.dialogs.record_dialog import RecordDialog


class AttachmentTitleDialog(RecordDialog):
    fields = service.ATTACHMENT.fields
    minimum_width = 520

    def __init__(self, ctx, attachment: AttachmentData, parent=None) -> None:
        self.attachment = attachment
        super().__init__(ctx, attachment, parent)

    def add_widgets_above(self, layout: QVBoxLayout) -> None:
        self.file_label = QLabel()
        self.file_label.setObjectName("attachment_file")
        self.file_label.setWordWrap(True)
        layout.addWidget(self.file_label)

    def title(self) -> str:
        return _("Title of the attachment")

    def retranslate_extra(self) -> None:
        self.file_label.setText(_("File: {name}").format(name=self.attachment.filename))

    def write(self, values) -> tuple[str, str]:
        zh, ru = values["title_zh"] or "", values["title_ru"] or ""
        if self.attachment.id >= 0:
            self.ctx.write(service.set_titles, self.attachment.id, zh, ru)
        return " ".join(zh.split()), " ".join(ru.split())
