"""The reminders panel through the GUI: shown at start-up, a double-click opens the record in its
tab, snoozing hides a reminder, and a language switch."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.core.services.reminders import ReminderKind
from app.i18n.qt import apply_language
from app.ui import between


def test_a_laptop_screen_shows_the_reminders_in_the_status_bar(qtbot, demo_window):
    """On a screen narrower than 1600 px (offscreen: 800) the panel stays closed at start-up, so
    that no tab is squeezed; the status bar's button says what is due and opens it."""
    dock, button = demo_window.reminders, demo_window.reminders_button
    assert not between.wide_enough() and not dock.isVisible()
    assert button.isVisible() and "overdue" in button.text()
    assert button.text() == dock.panel.summary.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dock.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not dock.isVisible()
    apply_language("ru")
    assert "просрочено" in button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # a hidden panel lists when shown (issue 18)
    assert dock.panel.tree.topLevelItemCount() == len(dock.panel.items) > 0
    assert "просрочено" in dock.panel.tree.topLevelItem(0).text(0)


def test_a_wide_screen_opens_the_panel_at_start_up(qtbot, demo_ctx, monkeypatch):
    monkeypatch.setattr(between, "wide_enough", lambda: True)
    from app.ui.main_window import MainWindow

    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.reminders.isVisible()


def test_the_panel_opens_a_decision(qtbot, demo_window):
    panel = demo_window.reminders.panel
    demo_window.reminders.show()
    assert panel.tree.topLevelItemCount() == len(panel.items) > 0
    row = next(i for i, r in enumerate(panel.items) if r.kind is ReminderKind.DECISION)
    item = panel.tree.topLevelItem(row)
    panel.tree.setCurrentItem(item)
    panel.open_button.click()
    view = demo_window.current_view()
    assert type(view).__name__ == "DecisionsView"
    assert view.current().id == panel.items[row].record_id


def test_snoozing_hides_the_reminder(qtbot, demo_window):
    panel = demo_window.reminders.panel
    demo_window.reminders.show()
    before = len(panel.items)
    key = panel.items[0].key
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    panel.week_button.click()
    assert len(panel.items) == before - 1 and key not in {r.key for r in panel.items}


def test_the_panel_speaks_the_interface_language(qtbot, demo_window):
    panel = demo_window.reminders.panel
    demo_window.reminders.show()
    apply_language("ru")
    assert demo_window.reminders.windowTitle() == "Напоминания"
    assert panel.tree.headerItem().text(0) == "Когда"
    assert "просрочено" in panel.tree.topLevelItem(0).text(0)
    apply_language("zh_CN")
    assert panel.tree.headerItem().text(1) == "登记册"
