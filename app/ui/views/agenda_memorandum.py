"""The memorandum to the other side, from the Agenda tab: issuing it (the notice recorded as sent
today) and its PDF in Chinese or Russian to preview, print or save."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.errors import CoreError
from app.core.services.agenda import deadlines
from app.i18n import _
from app.ui.views import agenda_text as fmt
from app.ui.widgets import messages


class MemorandumActions:
    """``view`` is the AgendaView: its ``current_meeting()``, ``today()`` and ``status``."""

    def __init__(self, view) -> None:
        self.view = view

    def default_doc_lang(self) -> str:
        from app.ui.widgets.doc_language import doc_language

        return doc_language("memorandum")

    def issue(self) -> None:
        v = self.view
        m = v.current_meeting()
        if m is None:
            return
        text = _("Issue the memorandum for {session}? The notice with the proposed agenda is recorded as sent "
                 "today, and the session's status becomes “{status}”.").format(
            session=fmt.session_title(m), status=_("Memorandum sent"))  # fmt: skip
        if not messages.confirm(v, text):
            return
        try:
            v.ctx.write(deadlines.issue_memorandum, m.id, v.today())
        except CoreError as exc:
            messages.error(v, exc.message)
            return
        v.status.emit(_("The memorandum for {session} was issued.").format(session=fmt.session_title(m)))

    def pdf(self, lang: str) -> bytes | None:
        v = self.view
        m = v.current_meeting()
        if m is None:
            return None
        from app.reports.memorandum import memorandum_pdf

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return v.ctx.read(memorandum_pdf, m.id, lang)
        except CoreError as exc:
            QApplication.restoreOverrideCursor()
            messages.error(v, exc.message)
            return None
        finally:
            if QApplication.overrideCursor() is not None:
                QApplication.restoreOverrideCursor()

    def preview(self, lang: str) -> None:
        v = self.view
        m = v.current_meeting()
        data = self.pdf(lang)
        if data is None:
            return
        from app.ui.dialogs.pdf_preview import show_pdf

        title = _("Memorandum — {session} ({language})").format(
            session=fmt.session_title(m), language=_("Chinese") if lang == "zh" else _("Russian")
        )
        v.preview = show_pdf(v, data, f"memorandum-{m.ordinal}-{lang}.pdf", title)
