"""The Exchanges tab: the register, the warranties, and the balance between the sides."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.core.changes import Change
from app.i18n import N_, _
from app.ui.views.base import View
from app.ui.views.exchanges_balance import BalancePage
from app.ui.views.exchanges_register import ExchangeRegisterPage
from app.ui.views.exchanges_warranties import WarrantiesPage

PAGE_REGISTER, PAGE_WARRANTIES, PAGE_BALANCE = range(3)
#: What the register's filters offer (the directions between the sides, the sessions) is read from
CHOICES_DEPEND = frozenset({Change.COMMISSION, Change.MEETINGS})


class ExchangesView(View):
    TITLE = N_("Exchanges")
    CONCERNS = frozenset({Change.EXCHANGES, Change.COMMISSION, Change.MEETINGS, Change.AGENDA, Change.DECISIONS,
                          Change.SETTINGS, Change.ATTACHMENTS})  # fmt: skip

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("ExchangesView")
        self.register = ExchangeRegisterPage(ctx)
        self._warranties: WarrantiesPage | None = None
        self._balance: BalancePage | None = None
        self.pages = QTabWidget()
        self.pages.setObjectName("exchanges_pages")
        self.pages.addTab(self.register, "")
        # the warranties and the balance are built when first shown (or asked for): opening the tab
        # builds the register alone (issue 18)
        for name in ("warranties", "balance"):
            self.pages.addTab(QWidget(objectName=f"exchanges_{name}_placeholder"), "")
        self.register.actionsChanged.connect(self.actionsChanged)
        self.register.status.connect(self.status)
        self._stale_pages: set[int] = set()
        self.pages.currentChanged.connect(self._on_page)
        lay = QVBoxLayout(self)
        lay.addWidget(self.pages)
        self.retranslate_ui()

    @property
    def warranties(self) -> WarrantiesPage:
        if self._warranties is None:
            page = self._warranties = WarrantiesPage(self.ctx)
            page.actionsChanged.connect(self.actionsChanged)
            page.editRequested.connect(self.register.edit_record)
            self._put_in_place(PAGE_WARRANTIES, page)
        return self._warranties

    @property
    def balance(self) -> BalancePage:
        if self._balance is None:
            self._balance = BalancePage(self.ctx)
            self._put_in_place(PAGE_BALANCE, self._balance)
        return self._balance

    def _page(self, index: int):
        """The page at this index, built if it was not yet."""
        return (self.register, self.warranties, self.balance)[index] if 0 <= index < 3 else None

    def _put_in_place(self, index: int, page: QWidget) -> None:
        """The page takes its placeholder's place, the same sub-tab staying current."""
        from app.ui.lazy_tabs import put_in_place

        put_in_place(self.pages, index, page)

    def _on_changed(self, changes: frozenset[Change]) -> None:
        # the register's filters offer the sides and the sessions: read again only when they change
        if Change.DATABASE in changes or changes & CHOICES_DEPEND:
            self.register.choices_stale = True
        super()._on_changed(changes)

    def refresh(self) -> None:
        """Refresh the page in view; the others when they are next shown."""
        self._stale_pages = {PAGE_REGISTER, PAGE_WARRANTIES, PAGE_BALANCE}
        self._refresh_current()

    def _refresh_current(self) -> None:
        index = self.pages.currentIndex()
        page = self._page(index)
        if index in self._stale_pages:
            self._stale_pages.discard(index)
            page.refresh()

    def _on_page(self, _index: int) -> None:
        self._refresh_current()
        self.actionsChanged.emit()

    # --- Edit menu -----------------------------------------------------------------------------

    def _on_register(self) -> bool:
        return self.pages.currentIndex() == PAGE_REGISTER

    def can_new(self) -> bool:
        return self.ctx.has_db

    def can_edit(self) -> bool:
        index = self.pages.currentIndex()
        return index != PAGE_BALANCE and self._page(index).current() is not None

    def can_delete(self) -> bool:
        return self._on_register() and self.register.current() is not None

    def can_find(self) -> bool:
        return True

    def new_record(self) -> None:
        self.register.new_record()

    def edit_record(self) -> None:
        if self.pages.currentIndex() == PAGE_WARRANTIES:
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
