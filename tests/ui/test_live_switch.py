"""After a live language switch the window looks exactly as after a fresh start in that language:
every tab's visible strings and column widths are compared."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTabWidget

from app.i18n.qt import apply_language
from tests.ui.snapshot import differences, snapshot

SIZE = (1366, 740)


def open_window(qtbot, ctx):
    from app.ui.main_window import MainWindow

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.resize(*SIZE)
    w.show()
    qtbot.waitExposed(w)
    return w


def settled(qtbot, widget) -> dict:
    """The snapshot once it no longer changes (rows load and counts arrive a moment later)."""
    qtbot.wait(40)
    qtbot.waitUntil(lambda: not any(t.isSingleShot() and t.isActive() for t in widget.findChildren(QTimer)),
                    timeout=3000)  # fmt: skip
    last = snapshot(widget)
    for _ in range(25):
        qtbot.wait(40)
        now = snapshot(widget)
        if now == last:
            return now
        last = now
    return last


def every_tab(qtbot, w) -> dict[str, dict]:
    """Every tab, and every page of the tabs that have pages of their own."""
    out = {}
    for i in range(w.tabs.count()):
        w.tabs.setCurrentIndex(i)
        view = w.tabs.widget(i)
        out[f"tab {i}"] = settled(qtbot, view)
        for pages in view.findChildren(QTabWidget):
            for j in range(pages.count()):
                pages.setCurrentIndex(j)
                out[f"tab {i}, {pages.objectName()} {j}"] = settled(qtbot, view)
            pages.setCurrentIndex(0)
    out["window"] = {"title": w.windowTitle(), "tabs": [w.tabs.tabText(i) for i in range(w.tabs.count())],
                     "menus": [a.text() for a in w.menuBar().actions()]}  # fmt: skip
    return out


@pytest.mark.parametrize("start, target", [("en", "ru"), ("ru", "zh_CN"), ("zh_CN", "en")])
def test_a_live_switch_looks_like_a_fresh_start(qtbot, demo_ctx, start, target):
    apply_language(target)
    fresh_window = open_window(qtbot, demo_ctx)
    fresh = every_tab(qtbot, fresh_window)
    fresh_window.close()
    apply_language(start)
    w = open_window(qtbot, demo_ctx)
    every_tab(qtbot, w)  # every tab has been shown in the first language
    w.set_language(target)
    qtbot.wait(60)
    switched = every_tab(qtbot, w)
    problems = [f"{tab}: {d}" for tab in fresh for d in differences(fresh[tab], switched[tab])]
    assert not problems, "\n".join(problems)
