"""What every tab of the main window offers the main window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from app.core.changes import Change
from app.ui.context import AppContext
from app.ui.widgets.retranslate import Retranslatable


class View(Retranslatable, QWidget):
    """A tab. Subclasses set ``TITLE`` (an N_() msgid) and ``CONCERNS`` (the changes that make them
    refresh), and implement the record actions they support; the main window's Edit menu calls
    them and greys out what a tab does not support. A shell over register pages names the page in
    view (:meth:`record_page`) and its search field (:meth:`search_field`) and gets the actions."""

    TITLE = ""
    CONCERNS: frozenset[Change] = frozenset()
    #: emitted when what the Edit menu can do changes (selection, database)
    actionsChanged = Signal()  # noqa: N815
    #: a short message for the status bar
    status = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        self._retranslate_pending = False
        ctx.changed.connect(self._on_changed)

    def title(self) -> str:
        from app.i18n import _

        return _(self.TITLE)

    # --- refreshing: only when a change concerns this view, and lazily while it is hidden ------

    def _on_changed(self, changes: frozenset[Change]) -> None:
        if Change.DATABASE in changes or changes & self.CONCERNS:
            self._stale = True
            if self.isVisible():
                self.refresh_if_stale()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh_if_stale()

    def refresh_if_stale(self) -> None:
        if self._stale:
            self._stale = False
            self.refresh()
            if self._retranslate_pending:
                self._retranslate_pending = False
                self.retranslate_ui()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        # A hidden view that waits for a refresh may hold records of a database that is no
        # longer open: it retranslates after its refresh, when it is shown again.
        if event.type() == QEvent.Type.LanguageChange and self._stale and not self.isVisible():
            self._retranslate_pending = True
            QWidget.changeEvent(self, event)
            return
        super().changeEvent(event)

    def refresh(self) -> None:
        """Reload what the view shows from the database."""

    # --- record actions (Edit menu): the page in view's, by default ---------------------------

    def record_page(self):
        """The page (a :class:`~app.ui.views.page.RegisterPage`) the Edit menu's New, Edit and
        Delete act on, or None: a shell over pages returns the one in view."""
        return None

    def search_field(self) -> QLineEdit | None:
        """The field Edit → Find goes to, or None."""
        return None

    def can_new(self) -> bool:
        page = self.record_page()
        return page is not None and page.can_new()

    def can_edit(self) -> bool:
        page = self.record_page()
        return page is not None and page.can_edit()

    def can_delete(self) -> bool:
        page = self.record_page()
        return page is not None and page.can_delete()

    def can_find(self) -> bool:
        return self.search_field() is not None

    def new_record(self) -> None:
        page = self.record_page()
        if page is not None:
            page.new_record()

    def edit_record(self) -> None:
        page = self.record_page()
        if page is not None:
            page.edit_record()

    def delete_record(self) -> None:
        page = self.record_page()
        if page is not None:
            page.delete_record()

    def focus_search(self) -> None:
        field = self.search_field()
        if field is not None:
            field.setFocus()
            field.selectAll()

    def edit_actions(self) -> list:
        """QActions this tab puts at the top of the main window's Edit menu while it is the
        current tab (the minutes editor's Undo and Redo, for instance)."""
        return []
