"""Typing any text, as a user's keyboard or input method would.

``qtbot.keyClicks`` goes through QTest, which only knows ASCII keys (and aborts the process on
anything else), so Chinese and Russian are typed here as key events carrying their text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` character by character (Enter for a newline)."""
    widget.setFocus()
    for ch in text:
        if ch == "\n":
            key, chars = Qt.Key.Key_Return, "\r"
        elif ch.isascii() and ch.isalnum():
            key, chars = getattr(Qt.Key, f"Key_{ch.upper()}"), ch
        elif ch == " ":
            key, chars = Qt.Key.Key_Space, ch
        else:
            key, chars = Qt.Key.Key_unknown, ch
        for etype in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(etype, key, Qt.KeyboardModifier.NoModifier, chars))
