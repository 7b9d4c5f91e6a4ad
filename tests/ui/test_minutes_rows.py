"""The proofing view before signing: every row is as tall as its longer text, in both columns,
after a session change, a language switch, a font change and a resize."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication


def clipped(view) -> list[tuple]:
    """Cells whose text does not fit (they would scroll inside themselves), or rows whose two
    cells differ in height, or cells taller than their text by more than a line."""
    out = []
    for row in view.editor.rows.values():
        if row.isHidden():
            continue
        heights = {c.height() for c in row.cells.values()}
        if len(heights) != 1:
            out.append(("uneven", row.cell("ru").text()[:30], heights))
        for c in row.cells.values():
            lines = c.document().documentLayout().documentSize().height()  # Qt's own line count
            margin = c.document().documentMargin()
            if c.verticalScrollBar().value() > 0 or lines * c.fontMetrics().lineSpacing() + 2 * margin > c.height():
                out.append(("clipped", c.lang, c.text()[:30], c.height()))
        tallest = max(c.ideal_height() for c in row.cells.values())
        if abs(row.cell("zh").height() - tallest) > 1:
            out.append(("stale", row.cell("ru").text()[:30], row.cell("zh").height(), tallest))
    return out


def settle(qtbot, view) -> None:
    """Row heights are right once the layouts have run (within half a second), and stay so."""
    try:
        qtbot.waitUntil(lambda: clipped(view) == [], timeout=500)
    except Exception:
        pass
    assert clipped(view) == []
    qtbot.wait(100)
    assert clipped(view) == []


def choose(qtbot, view, index: int) -> None:
    view.session_combo.setCurrentIndex(index)
    view.session_combo.activated.emit(index)
    qtbot.waitUntil(lambda: len(view.editor.rows) == len(view.doc.segments) > 0)
    qtbot.wait(50)


def test_row_heights_follow_the_text_after_every_change(qtbot, demo_window):
    w = demo_window
    w.resize(1366, 740)
    view = w.view_named("MinutesView")
    w.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.isVisible() and view.session_combo.count() == 2)
    qtbot.wait(50)
    assert clipped(view) == []
    for index in (0, 1, 0, 1):  # another session, and back
        choose(qtbot, view, index)
        assert clipped(view) == [], view.session_combo.currentText()
        assert any(r.cell("ru").height() > 2 * r.cell("ru").fontMetrics().lineSpacing()
                   for r in view.editor.rows.values())  # fmt: skip
    for lang in ("ru", "zh_CN", "en"):
        w.set_language(lang)
        settle(qtbot, view)
    w.resize(1000, 700)  # narrower: more lines
    settle(qtbot, view)
    w.resize(1366, 740)
    settle(qtbot, view)
    app = QApplication.instance()
    old = QFont(app.font())
    try:
        bigger = QFont(old)
        bigger.setPointSizeF(old.pointSizeF() * 1.4)
        app.setFont(bigger)
        settle(qtbot, view)
    finally:
        app.setFont(old)


def test_signed_minutes_offer_no_add_buttons(qtbot, demo_window):
    view = demo_window.view_named("MinutesView")
    demo_window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.isVisible() and view.session_combo.count() == 2)
    states = {}
    for index in (0, 1):
        choose(qtbot, view, index)
        buttons = [d.add_button for d in view.editor.dividers.values()]
        states[view.doc.locked] = [b.isVisible() for b in buttons]
    assert states == {True: [False] * len(buttons), False: [True] * len(buttons)}


def test_an_empty_database_says_what_to_do_first_in_the_menus_own_words(qtbot, window):
    from app.i18n.qt import apply_language

    view = window.view_named("MinutesView")
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(view.empty.isVisible)
    assert "this session" not in view.empty.text.text()
    assert view.empty.text.text() == "Set up the commission and its two sides first (File → Commission and sides…)."
    assert not view.start_agenda_button.isVisible()
    apply_language("zh_CN")
    menu = window.act_commission.text().replace("(&C)", "")
    file_menu = window.file_menu.title().replace("(&F)", "")
    assert f"{file_menu} → {menu}" in view.empty.text.text()
