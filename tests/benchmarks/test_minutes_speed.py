"""How the minutes editor scales: opening, moving a segment and typing in minutes of 500 segments,
as ratios against the same actions in minutes of 50 segments measured in the same run."""

from __future__ import annotations

import time

import pytest

from app.core.services.minutes import edit as me
from tests.benchmarks.conftest import Targets
from tests.core.minutes_helpers import new_minutes
from tests.ui.typing import type_text

pytestmark = pytest.mark.benchmark

ZH = "苏方同意将15名苏联技术专家在华工作的期限延长至2年，具体名单由双方联络机构商定。"
RU = (
    "Советская сторона согласна продлить до 2 лет срок работы в КНР 15 советских технических специалистов; "
    "конкретный список согласовывается органами связи Сторон."
)


def _minutes(db, n: int, ordinal: int) -> int:
    meeting_id, minutes_id = new_minutes(db, ordinal)
    with db.unit() as s:
        for _ in range(n):
            me.insert_segment(s, minutes_id, None, text_zh=ZH, text_ru=RU)
    return meeting_id


def _measure(qtbot, view, meeting_id) -> dict[str, float]:
    out = {}
    i = view.session_combo.findData(meeting_id)
    view.session_combo.setCurrentIndex(i)
    t, cpu = time.perf_counter(), time.process_time()
    view.session_combo.activated.emit(i)
    qtbot.wait(1)
    out["open"] = time.perf_counter() - t  # the first screen of rows, ready to type in
    qtbot.waitUntil(lambda: not view.editor._waiting, timeout=60000)
    out["all rows"] = time.perf_counter() - t  # every row created, in batches, the window alive meanwhile
    # the same in CPU time, which a machine shared with other work does not stretch as it does the clock
    out["all rows, CPU"] = time.process_time() - cpu
    middle = view.editor.order[len(view.editor.order) // 2]
    view.editor.focus_segment(middle, "zh")
    t = time.perf_counter()
    view.segments.move_current(1)
    out["move"] = time.perf_counter() - t
    cell = view.editor.rows[middle].cell("ru")
    view.editor.focus_segment(middle, "ru")
    t = time.perf_counter()
    type_text(cell, "и своевременно")
    out["typing"] = (time.perf_counter() - t) / len("и своевременно")
    view.doc.autosaver.flush()
    return out


@pytest.fixture
def demo_window(qtbot, demo_db):
    from PySide6.QtCore import QSettings

    from app.ui.application import init_application
    from app.ui.context import AppContext
    from app.ui.main_window import MainWindow

    init_application()
    QSettings().clear()
    w = MainWindow(AppContext(demo_db))
    qtbot.addWidget(w)
    w.resize(1300, 850)
    w.show()
    qtbot.waitExposed(w)
    yield w
    QSettings().clear()


def test_minutes_editor_scales(qtbot, demo_window, capsys):
    view = demo_window.view_named("MinutesView")
    db = view.ctx.db
    small = _minutes(db, 50, 80)
    large = _minutes(db, 500, 81)
    demo_window.tabs.setCurrentWidget(view)
    view.refresh()
    qtbot.waitUntil(lambda: view.session_combo.findData(large) >= 0)
    base = _measure(qtbot, view, small)
    big = _measure(qtbot, view, large)
    ratios = {k: big[k] / base[k] for k in base}
    with capsys.disabled():
        print()
        for k in base:
            print(f"minutes editor {k}: 50 segments {base[k] * 1000:.1f} ms, 500 segments {big[k] * 1000:.1f} ms, "
                  f"ratio {ratios[k]:.1f}")  # fmt: skip
    assert ratios["open"] < 6  # the first screen does not wait for all the rows
    assert ratios["all rows"] < 30  # ten times the segments: some ten to twenty times the work, not a hundred
    assert ratios["move"] < 5
    assert ratios["typing"] < 3  # typing does not depend on the length of the minutes
    assert big["typing"] < 0.05
    targets = Targets()  # issue 18: 500 segments, every row ready, in under a second
    targets.check("minutes editor, 500 segments, all rows (CPU seconds)", big["all rows, CPU"], 1.0)
    targets.done()
