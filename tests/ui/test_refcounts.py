"""PySide6 6.12 on Python 3.11 gives None and True back without a reference on every void call and
every emit; the application guards against the crash that follows (app/ui/refcounts.py)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer


def test_thousands_of_void_calls_and_emits_do_not_crash(qapp):
    o = QObject()
    t = QTimer()
    t.timeout.connect(lambda: None)
    for _ in range(20000):  # far more than the reference counts of None and True at start
        o.setObjectName("x")
        t.timeout.emit()
    assert o.objectName() == "x"
