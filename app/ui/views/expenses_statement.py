"""The documents of the Expenses tab for the session chosen in the tab: the statement, previewed,
printed or saved as PDF, and the workbook for accountants, in Chinese or Russian."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from app.core.services.expenses import summary as summary_service
from app.i18n import _
from app.ui.widgets import messages
from app.ui.widgets.doc_language import DocLanguageCombo
from app.ui.widgets.retranslate import Retranslatable


class StatementBar(Retranslatable, QWidget):
    status = Signal(str)

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting = None
        self.preview = None
        self.doc_lang_label = QLabel()
        self.doc_lang = DocLanguageCombo("expenses_statement")
        self.doc_lang.setObjectName("expenses_doc_lang")
        self.doc_lang_label.setBuddy(self.doc_lang)
        self.statement_button = QPushButton()
        self.statement_button.setObjectName("expenses_statement")
        self.statement_button.clicked.connect(self.show_statement)
        self.xlsx_button = QPushButton()
        self.xlsx_button.setObjectName("expenses_xlsx")
        self.xlsx_button.clicked.connect(lambda: self.export_xlsx())
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for w in (self.doc_lang_label, self.doc_lang, self.statement_button, self.xlsx_button):
            lay.addWidget(w)
        self.retranslate_ui()

    def set_session(self, meeting) -> None:
        self.meeting = meeting
        on = self.ctx.has_db and meeting is not None
        self.statement_button.setEnabled(on)
        self.xlsx_button.setEnabled(on)

    def statement_pdf(self, lang: str) -> tuple[bytes, str, str]:
        from app.i18n.wording import session_title
        from app.reports.statement import build_statement

        m = self.meeting
        data = self.ctx.read(summary_service.statement, m.id)
        pdf = build_statement(data, lang)
        title = _("Statement of expenses, session {number}").format(number=m.ordinal)
        return pdf, f"statement-{m.ordinal}-{lang}.pdf", f"{title} ({session_title(m.ordinal, lang)})"

    def show_statement(self) -> None:
        if self.meeting is None:
            return
        from app.ui.dialogs.pdf_preview import show_pdf

        pdf, name, title = self.statement_pdf(self.doc_lang.currentData())
        self.preview = show_pdf(self, pdf, name, title)

    def export_xlsx(self, path: str | None = None) -> Path | None:
        m = self.meeting
        if m is None:
            return None
        from app.reports.statement_xlsx import statement_xlsx

        lang = self.doc_lang.currentData()
        if not path:
            path, _f = QFileDialog.getSaveFileName(
                self,
                _("Export for accountants"),
                f"expenses-{m.ordinal}-{lang}.xlsx",
                _("Excel workbooks (*.xlsx)"),
            )
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_suffix(".xlsx")
        try:
            target.write_bytes(self.ctx.read(statement_xlsx, m.id, lang))
        except OSError as exc:
            messages.error(
                self, _("Cannot write “{path}”: {reason}").format(path=target, reason=exc.strerror or exc)
            )
            return None
        self.status.emit(_("Saved {path}").format(path=target))
        return target

    def retranslate_ui(self) -> None:
        self.doc_lang.follow_language()
        self.doc_lang_label.setText(_("Document:"))
        self.statement_button.setText(_("S&tatement…"))
        self.statement_button.setToolTip(_("Preview, print or save the statement of the session as PDF"))
        self.xlsx_button.setText(_("E&xport for accountants…"))
