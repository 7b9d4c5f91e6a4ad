"""Print the list of experts on site in a period (Chinese or Russian): choose the period and the
language, then preview, print or save the PDF the command line would write."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from app.core.errors import CoreError
from app.i18n import _
from app.ui.widgets import messages
from app.ui.widgets.date_edit import DateEdit
from app.ui.widgets.doc_language import DocLanguageCombo
from app.ui.widgets.form import FieldErrors
from app.ui.widgets.retranslate import Retranslatable


def make_pdf(ctx, date_from: dt.date, date_to: dt.date, lang: str) -> bytes:
    from app.reports.experts import experts_on_site

    return ctx.read(experts_on_site, date_from, date_to, lang)


class ExpertsPdfDialog(Retranslatable, QDialog):
    def __init__(self, ctx, date_from: dt.date, date_to: dt.date, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("ExpertsPdfDialog")
        self.data: bytes | None = None
        self.date_from = DateEdit(date_from)
        self.date_from.setObjectName("pdf_from")
        self.date_to = DateEdit(max(date_from, date_to))
        self.date_to.setObjectName("pdf_to")
        self.language = DocLanguageCombo("experts_pdf")
        self.language.setObjectName("pdf_language")
        self.labels = {k: QLabel() for k in ("from", "to", "lang")}
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        general = QLabel()
        self.errors = FieldErrors(general)
        form = QFormLayout()
        self.errors.add_row(form, "date_from", self.labels["from"], self.date_from)
        self.errors.add_row(form, "date_to", self.labels["to"], self.date_to)
        self.errors.add_row(form, "lang", self.labels["lang"], self.language)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(form)
        lay.addWidget(general)
        lay.addWidget(self.buttons)
        self.retranslate_ui()

    def file_name(self) -> str:
        lang = self.language.currentData()
        return f"experts-{self.date_from.value().isoformat()}-{self.date_to.value().isoformat()}-{lang}.pdf"

    def build(self) -> bytes | None:
        self.errors.clear()
        start, end = self.date_from.value(), self.date_to.value()
        if end < start:
            self.errors.show("date_to", _("The period ends before it starts."))
            return None
        try:
            self.data = make_pdf(self.ctx, start, end, self.language.currentData())
        except CoreError as exc:
            messages.error(self, exc.message)
            return None
        return self.data

    def accept(self) -> None:
        if self.build() is None:
            return
        super().accept()
        from app.ui.dialogs.pdf_preview import show_pdf

        show_pdf(self.parent(), self.data, self.file_name(), _("List of experts on site"))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Print the list of experts on site"))
        self.intro.setText(
            _("Everyone expected, on site or leaving in the period, for the host side's security and "
              "hospitality services.")
        )  # fmt: skip
        self.labels["from"].setText(_("Period from"))
        self.labels["to"].setText(_("Period to"))
        self.labels["lang"].setText(_("Language of the document"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Preview…"))
