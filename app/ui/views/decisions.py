"""The Decisions tab: the register of every decision of every session, tracked until carried out.

Its own tab rather than a page of the Agenda tab: the register spans all sessions (open decisions of
the first session are followed up long after the Agenda has moved on to the next one), and its
filters (session, side, agency, status, due within N days) would crowd the Agenda's session view.
A thin shell over :class:`DecisionRegisterPage`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from app.core.changes import Change
from app.i18n import N_
from app.ui.views.base import View
from app.ui.views.decisions_register import DecisionRegisterPage
from app.ui.views.page import forward


@forward(
    "register",
    "model table detail search session_box side_box agency_box status_box due_box "
    "add_button edit_button note_button delete_button report_button doc_lang current select_id "
    "report_pdf counts",
)
class DecisionsView(View):
    TITLE = N_("Decisions")
    CONCERNS = frozenset({Change.DECISIONS, Change.MINUTES, Change.MEETINGS, Change.COMMISSION})

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("DecisionsView")
        self.register = DecisionRegisterPage(ctx)
        self.register.actionsChanged.connect(self.actionsChanged)
        self.register.status.connect(self.status)
        self.register.refreshWanted.connect(self.refresh_if_stale)
        lay = QVBoxLayout(self)
        lay.addWidget(self.register)

    def refresh(self) -> None:
        self.register.refresh()

    def record_page(self):
        return self.register

    def search_field(self):
        return self.register.search

    def retranslate_ui(self) -> None:
        self.register.relabel()
