"""Every tab on the large database: its first rows and a text filter, each against the raw sqlite3
query that fetches the same page (and its count), in the same run (issue 18: a tab answers while
the finger is still on the key: under 100 ms; the Exchanges and Experts tabs at most 3× the raw query).

What is measured is what a user waits for: from the click to the first rows on screen (the tab
built, its query run, the table painted). What a tab works out after its rows are shown (a summary
line's counts by status, the alerts of the Experts tab: :mod:`app.ui.widgets.deferred`) is
measured apart, as "complete", and drained before the next measurement. Remembered answers
(``ctx.cached``) are forgotten before each measurement: every figure is a first open after a change.

In the window itself the tabs not in view are built in idle time once it is up (issue 18): a click
on a tab then shows a tab already built, and runs its query and its paint. That click, in a real
main window after a change of the tab's register, is measured too (``test_a_click_on_a_tab``),
beside the construction of the tab on its own, which stays the first figure.

Run: python -m pytest -m benchmark tests/benchmarks/test_large_tabs.py -s
"""

from __future__ import annotations

import sqlite3
import time

import pytest

from app.core.models.base import like_pattern
from tests.benchmarks.conftest import Targets, load

pytestmark = pytest.mark.benchmark

MINUTES_SESSION = 3  # the large demo's oldest session: minutes of 60 segments
PAGE = 250
#: tab -> (table, filter, order of the raw page, the text typed into its search field or None)
TABS = {
    "AgendaView": ("agenda_items", "e.meeting_id = (SELECT id FROM meetings ORDER BY start_date DESC LIMIT 1)",
                   "e.position", None),
    "ExchangesView": ("exchanges", "", "e.requested_on DESC, e.id DESC", "справочник"),
    "ExpertsView": ("assignments", "", "e.start_date DESC, e.id DESC", "иванов"),
    # one session at a time (the newest); its text filter is measured by test_expenses_speed.py
    "ExpensesView": ("expenses", "e.meeting_id = (SELECT id FROM meetings ORDER BY start_date DESC LIMIT 1)",
                     "e.spent_on DESC, e.id DESC", None),
    "MinutesView": ("minutes_segments", f"e.minutes_id = (SELECT m.id FROM minutes m JOIN meetings g ON "
                    f"g.id = m.meeting_id WHERE g.ordinal = {MINUTES_SESSION})", "e.position", None),
    "PeopleView": ("people", "", "e.name_ru", "иванов"),
}  # fmt: skip
RATIO_TARGETS = {"ExchangesView": 3.0, "ExpertsView": 3.0}
#: seconds to the first rows: under 100 ms for every tab, the issue's 50 ms for the Exchanges tab
OPEN_TARGETS = {"ExchangesView": 0.05}


def best_of(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def raw(path, tab: str, text: str | None = None) -> int:
    """The baseline: the count and the first page, straight from sqlite3."""
    table, where, order, _text = TABS[tab]
    conditions, params = [where] if where else [], ()
    if text:
        conditions.append("e.search_text LIKE ? ESCAPE '\\'")
        params = (like_pattern(text),)
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    con = sqlite3.connect(path)
    try:
        count = con.execute(f"SELECT count(*) FROM {table} e {where}", params).fetchone()[0]  # noqa: S608
        rows = con.execute(
            f"SELECT e.* FROM {table} e {where} ORDER BY {order} LIMIT {PAGE}", params
        ).fetchall()  # noqa: S608
    finally:
        con.close()
    assert count >= len(rows)
    return count


def settle(qapp, quiet: float = 0.3) -> None:
    """Run the event loop until nothing is left to do for ``quiet`` seconds (the deferred work)."""
    deadline = time.perf_counter() + quiet
    while time.perf_counter() < deadline:
        qapp.processEvents()
        time.sleep(0.005)


def first_rows(view) -> int:
    from PySide6.QtWidgets import QAbstractItemView

    if type(view).__name__ == "MinutesView":
        return len(view.editor.rows)
    return max((v.model().rowCount() for v in view.findChildren(QAbstractItemView) if v.model() is not None
                and v.isVisible()), default=0)  # fmt: skip


class AfterPaint:
    """The time spent in the work a tab defers until its rows are painted (a summary line's counts,
    the alerts: :func:`app.ui.widgets.deferred.after_paint`). It runs in a turn of the event loop
    after the paint, which may be the same ``processEvents()`` that painted the rows: the rows were
    on screen before it started, so a figure "to the first rows" leaves it out (``taken()``)."""

    def __init__(self, monkeypatch) -> None:
        from app.ui.widgets import deferred

        self.wall = self.cpu = 0.0
        run = deferred._AfterPaint._run

        def timed(obj) -> None:
            t, c = time.perf_counter(), time.process_time()
            try:
                run(obj)
            finally:
                self.wall += time.perf_counter() - t
                self.cpu += time.process_time() - c

        monkeypatch.setattr(deferred._AfterPaint, "_run", timed)

    def start(self) -> None:
        self.wall = self.cpu = 0.0

    def taken(self) -> tuple[float, float]:
        return self.wall, self.cpu


@pytest.fixture
def after_paint(monkeypatch) -> AfterPaint:
    return AfterPaint(monkeypatch)


@pytest.fixture(scope="module")
def large_ctx(large_template):
    from app.core.db import Database
    from app.ui.application import init_application
    from app.ui.context import AppContext

    init_application()
    db = Database.open(large_template.path)
    yield AppContext(db), large_template.path
    db.close()


@pytest.mark.parametrize("tab", list(TABS))
def test_a_tab_on_the_large_database(qapp, large_ctx, tab, after_paint):
    import importlib

    from PySide6.QtWidgets import QWidget

    from app.ui.widgets.search import SearchField

    ctx, path = large_ctx
    module = importlib.import_module(f"app.ui.views.{tab.removesuffix('View').lower()}")
    classes = {tab: getattr(module, tab)}
    views = []
    complete: list[float] = []  # first rows, then what the tab works out after them
    cpu: list[float] = []  # the process's CPU time to the first rows (what a loaded machine does not inflate)

    def open_tab():
        ctx.forget_cached()
        after_paint.start()
        t, c = time.perf_counter(), time.process_time()
        view = classes[tab](ctx)
        view.resize(1300, 800)
        view.show()
        qapp.processEvents()
        if tab == "MinutesView":  # the session of 60 segments, as the user picks it
            combo = view.session_combo
            i = next(i for i in range(combo.count()) if combo.itemData(i) == minutes_meeting)
            combo.setCurrentIndex(i)
            combo.activated.emit(i)
            qapp.processEvents()
        assert first_rows(view) > 0
        later_wall, later_cpu = after_paint.taken()  # begun once the rows were painted
        shown = time.perf_counter() - t - later_wall
        cpu.append(time.process_time() - c - later_cpu)
        views.append(view)
        waiting = [w for w in [view, *view.findChildren(QWidget)] if hasattr(w, "_summary_pending")
                   or hasattr(w, "_alerts_pending")]  # fmt: skip
        more = time.perf_counter()
        qapp.processEvents()
        while any(getattr(w, "_summary_pending", False) or getattr(w, "_alerts_pending", False) for w in waiting):
            qapp.processEvents()
        complete.append(shown + later_wall + time.perf_counter() - more)
        settle(qapp)
        return shown

    text = TABS[tab][3]
    con = sqlite3.connect(path)
    minutes_meeting = con.execute("SELECT id FROM meetings WHERE ordinal = ?", (MINUTES_SESSION,)).fetchone()[
        0
    ]
    con.close()
    opens = sorted(open_tab() for _ in range(3))
    ours = opens[0]
    base = best_of(lambda: raw(path, tab))
    print(f"\n{tab} open, large database: first rows {ours * 1000:.0f} ms (range {ours * 1000:.0f}–{opens[-1] * 1000:.0f}; "
          f"{min(cpu) * 1000:.0f} ms CPU), complete "
          f"{min(complete) * 1000:.0f} ms, raw sqlite3 {base * 1000:.1f} ms, ratio {ours / base:.1f} ({load()})")  # fmt: skip
    filtered = None
    if text is not None:
        view = views[-1]
        search = next(s for s in view.findChildren(SearchField) if s.isVisible())
        timings, fcpu = [], []
        unfiltered = first_rows(view)

        def filter_tab():
            search.blockSignals(True)
            search.clear()
            search.blockSignals(False)
            search._emit()
            settle(qapp)
            ctx.forget_cached()
            search.setText(text)
            t, c = time.perf_counter(), time.process_time()
            search._emit()  # as if the user paused typing: one filter of the table
            qapp.processEvents()
            timings.append(time.perf_counter() - t)
            fcpu.append(time.process_time() - c)
            settle(qapp)

        best_of(filter_tab)
        filtered = min(timings)
        shown = first_rows(view)
        fbase = best_of(lambda: raw(path, tab, text))
        print(f"{tab} filter “{text}”: {filtered * 1000:.0f} ms ({min(fcpu) * 1000:.0f} ms CPU), raw sqlite3 {fbase * 1000:.1f} ms, "
              f"ratio {filtered / fbase:.1f} (rows shown {unfiltered} → {shown}, raw count {raw(path, tab, text)})")  # fmt: skip
        assert 0 < shown <= unfiltered
    for v in views:
        v.close()
        v.deleteLater()
    qapp.processEvents()
    assert ours < 10 and (filtered is None or filtered < 5)  # no worse than before the work on speed
    targets = Targets()
    targets.check(f"{tab} open, seconds", ours, OPEN_TARGETS.get(tab, 0.1))
    if tab in RATIO_TARGETS:
        targets.check(f"{tab} open, ratio to the raw query", ours / base, RATIO_TARGETS[tab])
    if filtered is not None:
        targets.check(f"{tab} filter, seconds", filtered, 0.1)
    targets.done()


@pytest.mark.parametrize("tab", list(RATIO_TARGETS))
def test_a_click_on_a_tab_in_the_window(qapp, large_ctx, tab, after_paint):
    """The main window up, its other tabs built in idle time (as the start does), the tab's register
    changed while another tab is in view: from the click on the tab to its first rows painted."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from app.core.changes import Change
    from app.ui.main_window import MainWindow

    ctx, path = large_ctx
    window = MainWindow(ctx)
    window.resize(1366, 768)
    window.show()
    qapp.processEvents()
    window.build_tabs_when_idle(0)
    deadline = time.perf_counter() + 120
    while not all(window.views.is_built(i) for i in range(len(window.views))) and time.perf_counter() < deadline:
        qapp.processEvents()
    index = window.views.index_of(tab)
    view = window.views[index]
    other = 0 if index else 1
    register = {"ExchangesView": Change.EXCHANGES, "ExpertsView": Change.EXPERTS}[tab]
    bar = window.tabs.tabBar()
    times, cpu = [], []
    for _ in range(4):
        window.tabs.setCurrentIndex(other)
        settle(qapp)
        ctx.announce(frozenset({register}))  # as after an edit: the tab is stale, its answers forgotten
        ctx.forget_cached()
        after_paint.start()
        t, c = time.perf_counter(), time.process_time()
        QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        qapp.processEvents()
        assert window.tabs.currentIndex() == index and first_rows(view) > 0
        later_wall, later_cpu = after_paint.taken()
        times.append(time.perf_counter() - t - later_wall)
        cpu.append(time.process_time() - c - later_cpu)
        settle(qapp)
    window.close()
    window.deleteLater()
    qapp.processEvents()
    base = best_of(lambda: raw(path, tab))
    ours = min(times)
    times_ms = sorted(x * 1000 for x in times)
    print(f"\n{tab} click in the window (built in idle time): first rows {ours * 1000:.0f} ms "
          f"(median {times_ms[len(times_ms) // 2]:.0f}, range {times_ms[0]:.0f}–{times_ms[-1]:.0f}; "
          f"{min(cpu) * 1000:.0f} ms CPU), raw sqlite3 {base * 1000:.1f} ms, ratio {ours / base:.1f} ({load()})")  # fmt: skip
    assert ours < 10
    targets = Targets()
    targets.check(f"{tab} click, seconds", ours, OPEN_TARGETS.get(tab, 0.1))
    targets.check(f"{tab} click, ratio to the raw query", ours / base, RATIO_TARGETS[tab])
    targets.done()
