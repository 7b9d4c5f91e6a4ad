"""The Exchanges tab: the register, the warranties, and the balance between the sides."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.core.changes import Change
from app.i18n import N_, _
from app.ui.views.base import View
from app.ui.views.exchanges_balance import BalancePage
from app.ui.views.exchanges_register import ExchangeRegisterPage
from app.ui.views.exchanges_warranties import WarrantiesPage


class ExchangesView(View):
    TITLE = N_("Exchanges")
    CONCERNS = frozenset({Change.EXCHANGES, Change.COMMISSION, Change.MEETINGS, Change.AGENDA, Change.DECISIONS,
                          Change.SETTINGS, Change.ATTACHMENTS})  # fmt: skip

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("ExchangesView")
        self.register = ExchangeRegisterPage(ctx)
        self.warranties = WarrantiesPage(ctx)
        self.balance = BalancePage(ctx)
        self.pages = QTabWidget()
        self.pages.setObjectName("exchanges_pages")
        for page in (self.register, self.warranties, self.balance):
            self.pages.addTab(page, "")
        self.register.actionsChanged.connect(self.actionsChanged)
        self.warranties.actionsChanged.connect(self.actionsChanged)
        self.register.status.connect(self.status)
        self.warranties.editRequested.connect(self.register.edit_record)
        self._stale_pages: set[QWidget] = set()
        self.pages.currentChanged.connect(self._on_page)
        lay = QVBoxLayout(self)
        lay.addWidget(self.pages)
        self.retranslate_ui()

    def refresh(self) -> None:
        """Refresh the page in view; the others when they are next shown."""
        self._stale_pages = {self.register, self.warranties, self.balance}
        self._refresh_current()

    def _refresh_current(self) -> None:
        page = self.pages.currentWidget()
        if page in self._stale_pages:
            self._stale_pages.discard(page)
            page.refresh()

    def _on_page(self, _index: int) -> None:
        self._refresh_current()
        self.actionsChanged.emit()

    # --- Edit menu -----------------------------------------------------------------------------

    def _on_register(self) -> bool:
        return self.pages.currentWidget() is self.register

    def can_new(self) -> bool:
        return self.ctx.has_db

    def can_edit(self) -> bool:
        page = self.pages.currentWidget()
        return page is not self.balance and page.current() is not None

    def can_delete(self) -> bool:
        return self._on_register() and self.register.current() is not None

    def can_find(self) -> bool:
        return True

    def new_record(self) -> None:
        self.register.new_record()

    def edit_record(self) -> None:
        if self.pages.currentWidget() is self.warranties:
            item = self.warranties.current()
            if item is not None:
                self.register.edit_record(item)
        else:
            self.register.edit_record()

    def delete_record(self) -> None:
        if self._on_register():
            self.register.delete_record()

    def focus_search(self) -> None:
        self.pages.setCurrentWidget(self.register)
        self.register.search.setFocus()
        self.register.search.selectAll()

    def close_view(self) -> bool:
        self.register.chooser.save()
        return True

    def retranslate_ui(self) -> None:
        self.pages.setTabText(0, _("Register"))
        self.pages.setTabText(1, _("Warranties"))
        self.pages.setTabText(2, _("Balance"))
