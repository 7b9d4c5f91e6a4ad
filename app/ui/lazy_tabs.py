"""Tabs built when first shown: the main window shows its tab bar at once and builds a tab's view
(importing its module) the first time the tab is shown or the view is asked for. Until then the
tab holds an empty placeholder; the view takes its place in the tab widget once built, so that
``tabs.widget(i)``, ``currentWidget()`` and ``setCurrentWidget(view)`` deal with the view itself.

``MainWindow.views`` is a :class:`LazyViews`: ``views[i]`` and iterating build on demand (tests and
scripts reach into the views that way); the window itself only touches :meth:`LazyViews.built`.

Once the window is up, :class:`IdleBuilder` builds the other tabs in idle time, one per turn of the
event loop (what the user does in between is answered in between), so that a click on a tab only
shows it: its query and its paint, not the construction of its widgets (issue 18).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QTabWidget, QWidget

from app.ui.views.registry import TABS, Tab


class Placeholder(QWidget):
    """The page of a tab whose view is not built yet."""

    def __init__(self, tab: Tab) -> None:
        super().__init__()
        self.tab = tab
        self.setObjectName(f"{tab.class_name}Placeholder")


class LazyViews:
    """The views of the tabs, in order, each built when first asked for."""

    def __init__(self, tabs: QTabWidget, build: Callable[[Tab], QWidget]) -> None:
        self.tabs = tabs
        self._build = build
        self.entries: list[Tab] = list(TABS)
        self._views: list[QWidget | None] = [None] * len(self.entries)
        for tab in self.entries:
            tabs.addTab(Placeholder(tab), "")

    def __len__(self) -> int:
        return len(self.entries)

    def __getitem__(self, index: int):
        view = self._views[index]
        if view is None:
            view = self._views[index] = self._build(self.entries[index])
            self._put_in_place(index, view)
        return view

    def __iter__(self) -> Iterator:
        return (self[i] for i in range(len(self)))

    def is_built(self, index: int) -> bool:
        return self._views[index] is not None

    def built(self) -> list:
        return [v for v in self._views if v is not None]

    def index_of(self, class_name: str) -> int:
        return next((i for i, tab in enumerate(self.entries) if tab.class_name == class_name), -1)

    def _put_in_place(self, index: int, view: QWidget) -> None:
        put_in_place(self.tabs, index, view)


class IdleBuilder(QObject):
    """Builds the views not built yet, one each time the event loop has nothing else to do,
    starting ``delay_ms`` after it is made (once the window and its first tab are up); each is
    polished by its style too, and stays hidden and unrefreshed until its tab is shown."""

    def __init__(self, views: LazyViews, parent: QObject, delay_ms: int = 500) -> None:
        super().__init__(parent)
        self.views = views
        self.timer = QTimer(self)
        self.timer.setInterval(0)  # "when idle": after the events waiting, one view per timeout
        self.timer.timeout.connect(self._build_one)
        QTimer.singleShot(delay_ms, self, self.timer.start)

    def _build_one(self) -> None:
        """Import the next view's module, or (the next turn) build the view: the two halves of
        what the first click on its tab would cost, each in a turn of its own."""
        index = next((i for i in range(len(self.views)) if not self.views.is_built(i)), None)
        if index is None:
            self.timer.stop()
            return
        module = self.views.entries[index].module
        if module not in sys.modules:
            importlib.import_module(module)
            return
        self.views[index].ensurePolished()


def put_in_place(tabs, index: int, widget: QWidget) -> None:
    """``widget`` takes the place of the placeholder at ``index`` of the QTabWidget ``tabs``, with
    its title, without another tab being shown meanwhile (the same tab stays current)."""
    placeholder = tabs.widget(index)
    current = tabs.currentIndex() == index
    blocked = tabs.blockSignals(True)  # the same tab stays current: nothing to announce
    try:
        tabs.insertTab(index, widget, tabs.tabText(index))  # the placeholder moves to index + 1
        if current:
            tabs.setCurrentIndex(index)
        tabs.removeTab(index + 1)
    finally:
        tabs.blockSignals(blocked)
    placeholder.deleteLater()
