"""What the main window offers between sessions: the reminders panel (View → Reminders, shown at
start-up when something is due this week) and opening a reminder's record in its tab."""

from __future__ import annotations

from PySide6.QtCore import Qt

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
