"""One page of a tab: a register over a query model and its table.

A tab (``View``) is a thin shell: it owns the pages, shows them (side by side, one above the other
or as sub-tabs), refreshes them when a change concerns it (``View.CONCERNS``) and forwards the Edit
menu to the page in view. A page owns its widgets and does one job; ``RegisterPage`` gives every
page over a table the same selection, enabled-state, context-menu and language plumbing.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QWidget,
)

from app.i18n import current_language
from app.ui.widgets.retranslate import Retranslatable


def register_table(name: str, model, *, sortable: bool = True) -> QTableView:
    """The table of a register: whole rows selected one at a time, no row numbers."""
    t = QTableView()
    t.setObjectName(name)
    t.setModel(model)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setSortingEnabled(sortable)
    t.setAlternatingRowColors(True)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return t


def one_line_rows(table: QTableView) -> None:
    """Rows one line high, a long text cut at the right with "…" (with word wrap on, Qt shows only
    the first wrapped line, cut after a word where more would fit)."""
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setWordWrap(False)


def selected_row(table: QTableView, model=None):
    """The record of the selected row, or None when nothing is selected."""
    idx = table.currentIndex()
    if not idx.isValid() or not table.selectionModel().hasSelection():
        return None
    model = model if model is not None else table.model()
    return model.row_of(idx) if hasattr(model, "row_of") else model.row_at(idx.row())


def select_row(table: QTableView, model, record_id: int, row_id=lambda r: r.id) -> bool:
    """Select and show the row of the record with this id; False when it is not in the table."""
    row = model.find_row(lambda r: row_id(r) == record_id)
    if row < 0:
        return False
    table.selectRow(row)
    table.scrollTo(model.index(row, 0))
    return True


class Forward:
    """An attribute of a tab shell that is an attribute of one of its pages."""

    def __init__(self, page: str, name: str) -> None:
        self.page, self.name = page, name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return getattr(getattr(obj, self.page), self.name)


def forward(page: str, names: str):
    """Class decorator of a tab shell: these attributes (space-separated; ``alias:name`` when the
    page calls it otherwise) are its page's, for the main window and the tests that reach the
    widgets through the tab."""

    def decorate(cls):
        for entry in names.split():
            alias, _colon, name = entry.partition(":")
            setattr(cls, alias, Forward(page, name or alias))
        return cls

    return decorate


class RegisterPage(Retranslatable, QWidget):
    """A page over a query model and its table.

    Subclasses build their widgets, then call ``set_table(table, model)``; they implement
    ``update_buttons()`` (the enabled state of their own buttons), ``refresh()`` and
    ``retranslate_ui()``, and may list ``context_buttons()`` for the table's right-click menu.
    """

    #: the selection or what can be done changed (the shell re-emits it to the main window)
    actionsChanged = Signal()  # noqa: N815
    #: a short message for the status bar
    status = Signal(str)
    #: a dialog of the page may have changed the database: the shell refreshes now if it is stale
    refreshWanted = Signal()  # noqa: N815

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table: QTableView | None = None
        self.model = None

    def set_table(self, table: QTableView, model, *, edit_on_double_click: bool = True) -> None:
        self.table, self.model = table, model
        if edit_on_double_click:
            table.doubleClicked.connect(lambda _i: self.edit_record())
        table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        model.modelReset.connect(self._update_buttons)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)

    def with_detail(self, name: str) -> QSplitter:
        """The table over ``self.detail``, a text pane that :meth:`_show_detail` fills with the
        selected record (three quarters of the height to the table)."""
        self.detail = QTextBrowser()
        self.detail.setObjectName(name)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_detail())
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        return splitter

    def _show_detail(self) -> None:
        """Fill ``self.detail`` (pages made :meth:`with_detail` say how)."""

    def set_detail(self, title: str, zh: str, ru: str, *, heading: str = "", more: Iterable[str] = ()) -> None:
        """The detail pane of a bilingual record: ``title`` in bold, the text in the interface's
        language, the other in italics, then ``more`` lines (under ``heading`` in bold if given)."""
        first, second = (zh, ru) if current_language() == "zh_CN" else (ru, zh)
        parts = [f"<b>{_html(title)}</b>", _html(first), f"<i>{_html(second)}</i>" if second else ""]
        more = [_html(line) for line in more]
        if more and heading:
            parts.append(f"<b>{_html(heading)}</b>")
        self.detail.setHtml("<br>".join(p for p in [*parts, *more] if p))

    # --- selection -------------------------------------------------------------------------------

    def current(self):
        return selected_row(self.table, self.model)

    def select_id(self, record_id: int) -> bool:
        return select_row(self.table, self.model, record_id, self.row_id)

    def row_id(self, row) -> int:
        """The id :meth:`select_id` looks for in a row (a row that wraps its record says where)."""
        return row.id

    def can_new(self) -> bool:
        return self.ctx.has_db

    def can_edit(self) -> bool:
        return self.current() is not None

    def can_delete(self) -> bool:
        return self.current() is not None

    def _update_buttons(self) -> None:
        self.update_buttons()
        self.actionsChanged.emit()

    def update_buttons(self) -> None:
        """Enable the page's buttons for the selection and the database."""

    # --- the right-click menu: the same actions as the buttons ------------------------------------

    def context_buttons(self) -> list[QPushButton]:
        return []

    def _context_menu(self, pos: QPoint) -> None:
        buttons = self.context_buttons()
        if not buttons or self.current() is None:
            return
        menu = QMenu(self)
        for button in buttons:
            action = menu.addAction(button.text().replace("&", ""), button.click)
            action.setEnabled(button.isEnabled())
        menu.exec(self.table.viewport().mapToGlobal(pos))

    # --- what subclasses provide ------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload what the page shows."""

    def new_record(self) -> None:
        pass

    def edit_record(self) -> None:
        pass

    def delete_record(self) -> None:
        pass

    def retranslate_ui(self) -> None:
        pass



def _html(text: str) -> str:
    """Plain text for a rich-text pane: escaped, its line breaks kept."""
    from html import escape

    return escape(text or "").replace("\n", "<br>")
