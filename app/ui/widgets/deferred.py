"""Work that can wait until the user sees the rows: a register's summary line, its alerts (issue 18).

``after_paint(widget, fn)`` runs ``fn`` in the turn of the event loop after ``widget`` (a table's
viewport) has painted, so that opening a tab shows its first rows at once and the counts or
alerts appear a moment later. A widget that is not shown paints nothing: then ``fn`` runs in the
next turn of the event loop. (The caller keeps one request pending at a time.)
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

#: In case the paint never comes (a window moved off screen): run anyway after this many ms
FALLBACK_MS = 150


class _AfterPaint(QObject):
    def __init__(self, widget: QWidget, fn: Callable[[], None]) -> None:
        super().__init__(widget)
        self.widget, self.fn, self.done = widget, fn, False
        widget.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._run)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if obj is self.widget and event.type() == QEvent.Type.Paint and not self.done:
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        if self.done:
            return
        self.done = True
        self.widget.removeEventFilter(self)
        self.deleteLater()
        self.fn()


def after_paint(widget: QWidget, fn: Callable[[], None]) -> None:
    """Run ``fn`` once ``widget`` has painted (next turn of the event loop if it is hidden)."""
    if widget.isVisible():
        _AfterPaint(widget, fn)
    else:
        QTimer.singleShot(0, widget, fn)
