"""The tabs not in view are built in idle time once the window is up (issue 18): one per turn of the
event loop, the tab in view staying current, none of them reading the database before it is shown;
a click on one then shows it with its rows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from app.ui.lazy_tabs import IdleBuilder


def test_the_other_tabs_are_built_in_idle_time_and_shown_by_a_click(qtbot, demo_window, monkeypatch):
    window = demo_window
    views = window.views
    current = window.tabs.currentIndex()
    assert [views.is_built(i) for i in range(len(views))].count(True) == 1  # the tab in view alone
    built_per_turn = []
    builder_built = IdleBuilder._build_one

    def counting(builder) -> None:
        before = sum(views.is_built(i) for i in range(len(views)))
        builder_built(builder)
        built_per_turn.append(sum(views.is_built(i) for i in range(len(views))) - before)

    monkeypatch.setattr(IdleBuilder, "_build_one", counting)
    window.build_tabs_when_idle(0)
    window.build_tabs_when_idle(0)  # asked twice: one builder
    assert len(window.findChildren(IdleBuilder)) == 1
    qtbot.waitUntil(lambda: all(views.is_built(i) for i in range(len(views))), timeout=20000)
    assert max(built_per_turn) == 1  # one tab per turn of the event loop
    assert window.tabs.currentIndex() == current
    others = [views[i] for i in range(len(views)) if i != current]
    assert all(window.tabs.indexOf(v) >= 0 for v in others)
    assert all(v._stale and not v.isVisible() for v in others)  # built, not yet refreshed
    qtbot.waitUntil(lambda: not window.findChild(IdleBuilder).timer.isActive())

    index = views.index_of("ExchangesView")
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    view = views[index]
    assert window.tabs.currentWidget() is view and not view._stale
    table = view.findChild(QTableView, "exchanges_table")
    assert table.isVisible() and table.model().rowCount() > 0
