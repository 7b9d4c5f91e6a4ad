"""While a write waits for another program to finish writing to the database (BEGIN IMMEDIATE, up
to a few seconds), the window keeps repainting and shows a busy cursor; what the user types or
clicks meanwhile waits too, so that nothing runs in the middle of a unit of work."""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication

from app.core.db import busy as db_busy

_cursor_shown = False
_processing = False


def _wait(waited: float | None) -> None:
    global _cursor_shown, _processing
    if _processing:  # a write started by a timer while another waits: it waits without repainting
        return
    if waited is None:
        if _cursor_shown:
            QApplication.restoreOverrideCursor()
            _cursor_shown = False
        return
    if not _cursor_shown:
        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.BusyCursor))
        _cursor_shown = True
    _processing = True
    try:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents, 20)
    finally:
        _processing = False


def install() -> None:
    """Keep the interface alive while a write waits for the database."""
    db_busy.busy_waiter = _wait
