"""GUI fixtures: a fresh QSettings, the shipped fonts, a context and a main window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication

from app.ui.application import init_application


@pytest.fixture(scope="session")
def qapp_cls():
    return QApplication


@pytest.fixture(autouse=True)
def _qt_state(qapp):
    init_application()
    QSettings().clear()
    yield
    from app.i18n.qt import apply_language

    # pytest-qt closed the test's widgets and called deleteLater(), but outside an event loop Qt
    # deletes nothing: closed windows would pile up for the rest of the run, and every language
    # switch (the one below included) would retranslate all of them. Delete them now.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    apply_language("en")
    QSettings().clear()


@pytest.fixture
def ctx(db):
    from app.ui.context import AppContext

    return AppContext(db)


@pytest.fixture
def demo_ctx(demo_db):
    from app.ui.context import AppContext

    return AppContext(demo_db)


@pytest.fixture
def window(qtbot, ctx):
    from app.ui.main_window import MainWindow

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def demo_window(qtbot, demo_ctx):
    from app.ui.main_window import MainWindow

    w = MainWindow(demo_ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def minutes_view(qtbot, demo_window):
    """The Minutes tab on the demo's second session (headings, initialled and ordinary segments),
    as a user opens it."""
    from PySide6.QtCore import Qt

    v = demo_window.view_named("MinutesView")
    demo_window.tabs.setCurrentWidget(v)
    qtbot.waitUntil(lambda: v.isVisible() and v.session_combo.count() == 2)
    second = v.session_combo.findText("Session 2", Qt.MatchFlag.MatchStartsWith)
    v.session_combo.setCurrentIndex(second)
    v.session_combo.activated.emit(second)
    qtbot.waitUntil(lambda: len(v.editor.rows) == len(v.doc.segments) > 0)
    return v
