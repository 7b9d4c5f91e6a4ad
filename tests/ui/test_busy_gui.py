"""While a save waits for another program's write, the window keeps repainting (its timers run, a
busy cursor shows) and the save then succeeds."""

from __future__ import annotations

import sqlite3
import threading
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.core.changes import Change, changes
from app.core.models import Setting


@changes(Change.SETTINGS)
def _save_setting(s, key: str) -> None:
    s.add(Setting(key=key, value=1))


def test_the_window_keeps_living_while_a_save_waits_for_another_program(window, qtbot, db_path):
    held = threading.Event()

    def other_program():
        con = sqlite3.connect(db_path, isolation_level=None)
        con.execute("BEGIN IMMEDIATE")
        held.set()
        time.sleep(1.5)
        con.execute("COMMIT")
        con.close()

    threading.Thread(target=other_program, daemon=True).start()
    assert held.wait(5)
    ticks: list[float] = []
    cursors: list[bool] = []
    timer = QTimer()
    timer.timeout.connect(lambda: (ticks.append(time.monotonic()), cursors.append(QApplication.overrideCursor() is not None)))
    timer.start(50)
    start = time.monotonic()
    window.ctx.write(_save_setting, "busy-test")
    timer.stop()
    assert time.monotonic() - start > 1.0
    assert len(ticks) > 10 and any(cursors)  # the event loop ran, with a busy cursor
    assert QApplication.overrideCursor() is None
    assert window.ctx.read(lambda s: s.query(Setting).filter_by(key="busy-test").count()) == 1
