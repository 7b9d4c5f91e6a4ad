"""The editor as a separate process for the crash test: it opens the real main window offscreen,
types into the minutes of the second session (Chinese, then Russian, then Chinese…) and reports
every character it typed, with the time, on stdout, until it is killed.

    python -m tests.ui.crash_child DB_PATH
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET = "在下次会议前交流使用"
CHUNKS = (("zh", "双方商定继续交流经验并互派专家考察"), ("ru", " Стороны продолжат обмен опытом"))


def main(path: str) -> None:
    from PySide6.QtCore import Qt, QTimer

    from app.core.db import Database
    from app.ui.application import init_application
    from app.ui.context import AppContext
    from app.ui.main_window import MainWindow
    from tests.ui.typing import type_text

    app = init_application()
    ctx = AppContext(Database.open(path))
    window = MainWindow(ctx)
    window.resize(1300, 850)
    window.show()
    view = window.view_named("MinutesView")
    window.tabs.setCurrentWidget(view)
    app.processEvents()
    i = view.session_combo.findText("Session 2", Qt.MatchFlag.MatchStartsWith)
    view.session_combo.setCurrentIndex(i)
    view.session_combo.activated.emit(i)
    app.processEvents()
    row = next(r for r in view.editor.rows.values() if TARGET in r.cell("zh").text())
    print(f"ready {row.uuid}", flush=True)
    keys = [(lang, ch) for _ in range(1000) for lang, text in CHUNKS for ch in text]
    state = {"n": 0}

    def step() -> None:
        lang, ch = keys[state["n"]]
        cell = row.cell(lang)
        if not cell.hasFocus():
            view.editor.focus_segment(row.uuid, lang)
            c = cell.textCursor()
            c.movePosition(c.MoveOperation.End)
            cell.setTextCursor(c)
        type_text(cell, ch)
        state["n"] += 1
        print(f"typed {lang} {time.monotonic():.4f} {ch}", flush=True)

    timer = QTimer()
    timer.setInterval(40)
    timer.timeout.connect(step)
    timer.start()
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1])
