"""What the main window offers between sessions: the reminders panel (View → Reminders, shown at
start-up when something is due this week) and opening a reminder's record in its tab."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from app.i18n import _
from app.ui.widgets.reminders_panel import OPENERS, RemindersDock


def install(window) -> None:
    """Add the reminders dock and its View-menu action to the main window."""
    dock = RemindersDock(window.ctx, window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.reminders = dock
    action = dock.toggleViewAction()
    action.setObjectName("action_reminders")
    window.view_menu.insertAction(window.language_menu.menuAction(), action)
    window.act_reminders = action
    dock.panel.openRequested.connect(lambda r: open_reminder(window, r))
    dock.panel.refresh()
    dock.setVisible(bool(dock.panel.items))
    search = QAction(window)
    search.setObjectName("action_search_everything")
    search.setShortcut(QKeySequence("Ctrl+K"))
    search.triggered.connect(lambda: search_everything(window))
    window.edit_menu.addAction(search)
    window.act_search_everything = search


#: (tab class, how it shows a record) per kind of search hit
HIT_OPENERS = {
    "decision": ("DecisionsView", lambda v, i: v.select_id(i)),
    "note": ("DecisionsView", lambda v, i: v.select_id(i)),
    "letter": ("CorrespondenceView", lambda v, i: v.select_id(i)),
    "segment": ("MinutesView", None),
    "agenda_item": ("AgendaView", None),
    "exchange": ("ExchangesView", lambda v, i: v.register.select_item(i)),
    "person": ("PeopleView", lambda v, i: v.select_person(i)),
    "expense": ("ExpensesView", None),
}


def search_everything(window):
    """Open the search box; a chosen hit opens its record."""
    from app.ui.dialogs.search_dialog import SearchDialog

    if not window.ctx.has_db:
        return None
    dlg = SearchDialog(window.ctx, window)
    dlg.openRequested.connect(lambda hit: open_hit(window, hit))
    window.search_dialog = dlg
    dlg.open()
    return dlg


def open_hit(window, hit) -> bool:
    name, show = HIT_OPENERS.get(hit.kind, (None, None))
    view = window.view_named(name) if name else None
    if view is None:
        return False
    window.tabs.setCurrentWidget(view)
    view.refresh_if_stale()
    if show is None:
        return True
    try:
        return show(view, hit.record_id) is not False
    except (AttributeError, TypeError):
        return False


def open_reminder(window, reminder) -> bool:
    """Show the reminder's record in its tab; False when the tab cannot find it."""
    name, show = OPENERS[reminder.kind]
    view = window.view_named(name)
    if view is None:
        return False
    window.tabs.setCurrentWidget(view)
    view.refresh_if_stale()
    try:
        found = show(view, reminder.record_id)
    except (AttributeError, TypeError):
        found = False
    return found is not False


def retranslate(window) -> None:
    if hasattr(window, "act_reminders"):
        window.act_reminders.setText(_("&Reminders"))
        window.act_search_everything.setText(_("&Search everything…"))
