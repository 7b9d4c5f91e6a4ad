"""What the main window offers between sessions: the reminders panel (View → Reminders, shown at
start-up when something is due this week) and opening a reminder's record in its tab."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton

from app.i18n import _
from app.ui.widgets.reminders_panel import OPENERS, OVERDUE_COLOUR, RemindersDock


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
    button = QToolButton(window)
    button.setObjectName("reminders_button")
    button.setAutoRaise(True)
    button.clicked.connect(lambda: dock.setVisible(not dock.isVisible()))
    window.statusBar().addPermanentWidget(button)
    window.reminders_button = button
    dock.panel.filled.connect(lambda: _update_button(window))
    dock.panel.refresh()
    # At start-up the panel opens beside the tabs only where both fit (a wide screen); on a laptop
    # the status bar says what is due and its button opens the panel, so no tab is squeezed.
    dock.setVisible(bool(dock.panel.items) and wide_enough())
    search = QAction(window)
    search.setObjectName("action_search_everything")
    search.setShortcut(QKeySequence("Ctrl+K"))
    search.triggered.connect(lambda: search_everything(window))
    window.edit_menu.addAction(search)
    window.act_search_everything = search


#: the narrowest screen on which the reminders panel opens beside the tabs at start-up
WIDE_SCREEN = 1600


def wide_enough() -> bool:
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen()
    return screen is not None and screen.availableGeometry().width() >= WIDE_SCREEN


def _update_button(window) -> None:
    """The status bar's reminders button: the panel's summary, red when something is overdue."""
    panel, button = window.reminders.panel, window.reminders_button
    button.setVisible(bool(panel.items))
    button.setText(panel.summary.text())
    button.setToolTip(_("Show or hide the reminders (View → Reminders)"))
    late = any(r.overdue for r in panel.items)
    button.setStyleSheet(f"color: {OVERDUE_COLOUR};" if late else "")


def _show_segment(window, view, hit) -> bool:
    place = _place(window, hit)
    if place is None:
        return False
    i = view.session_combo.findData(place.meeting_id)
    if i < 0:
        return False
    if view.session_combo.currentIndex() != i or view.doc.meeting_id != place.meeting_id:
        view.session_combo.setCurrentIndex(i)
        view._open_session()
    view.editor.focus_segment(place.uuid)
    return True


def _show_agenda_item(window, view, hit) -> bool:
    place = _place(window, hit)
    if place is None:
        return False
    view.sessions.select(place.meeting_id)
    view.pages.setCurrentWidget(view.agenda)
    view.agenda.table.select_item(hit.record_id)
    item = view.agenda.current()
    return item is not None and item.id == hit.record_id


def _show_expense(window, view, hit) -> bool:
    place = _place(window, hit)
    if place is None:
        return False
    view.select_session(place.meeting_id)
    view.register.select_expense(hit.record_id)
    return True


def _place(window, hit):
    from app.core.services.search import everything

    return window.ctx.read(everything.locate, hit.kind, hit.record_id)


#: (tab class, how it shows a record: (window, view, hit) -> found) per kind of search hit
HIT_OPENERS = {
    "decision": ("DecisionsView", lambda w, v, h: v.select_id(h.record_id)),
    "note": ("DecisionsView", lambda w, v, h: v.select_id(h.record_id)),
    "letter": ("CorrespondenceView", lambda w, v, h: v.select_id(h.record_id)),
    "segment": ("MinutesView", _show_segment),
    "agenda_item": ("AgendaView", _show_agenda_item),
    "exchange": ("ExchangesView", lambda w, v, h: v.register.select_item(h.record_id)),
    "person": ("PeopleView", lambda w, v, h: v.select_person(h.record_id)),
    "expense": ("ExpensesView", _show_expense),
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
    try:
        return show(window, view, hit) is not False
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
