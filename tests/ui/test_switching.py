"""Every tab survives another database being opened while it is hidden, then a language switch."""

from __future__ import annotations

import logging


def test_every_tab_after_a_new_database_and_a_language_switch(qtbot, demo_window, tmp_path, caplog):
    w = demo_window
    for i in range(w.tabs.count()):  # every tab has shown the demo
        w.tabs.setCurrentIndex(i)
        qtbot.wait(10)
    w.tabs.setCurrentIndex(w.tabs.count() - 1)
    with caplog.at_level(logging.ERROR):
        assert w.open_path(tmp_path / "empty.sqlite3", create=True)
        for lang in ("ru", "zh_CN", "en"):
            w.set_language(lang)
        for i in range(w.tabs.count()):
            w.tabs.setCurrentIndex(i)
            qtbot.wait(10)
        w.set_language("ru")
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]
    assert w.tabs.tabText(0) == "Повестка дня"
