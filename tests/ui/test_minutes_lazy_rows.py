"""Rows whose editors are made when first used (issue 18): until then a row shows its texts
through previews. A row looks the same before and after; a click, the keyboard, find and replace
reach rows not used yet, and nothing asks for all the editors at once."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from app.core.enums import SegmentKind, SegmentStatus
from tests.ui.test_minutes_view import db_segments
from tests.ui.typing import type_text


@pytest.fixture
def view(minutes_view):
    return minutes_view


def image(row) -> QImage:
    return row.grab().toImage()


def lazy_rows(view):
    return [r for r in view.editor.rows.values() if r.lazy]


@pytest.mark.parametrize("language", ["zh_CN", "ru"])
def test_a_row_looks_the_same_before_and_after_its_editors_are_made(qtbot, view, demo_window, language):
    demo_window.set_language(language)
    demo_window.resize(1366, 768)
    view.editor.set_terms([*view.doc.terms])
    qtbot.wait(100)
    rows = lazy_rows(view)
    assert len(rows) >= len(view.editor.rows) - 2  # opening the session made none (but the focused one)
    kinds = {(r.segment.kind is SegmentKind.HEADING, r.segment.status is SegmentStatus.INITIALLED) for r in rows}
    assert len(kinds) >= 3  # headings, initialled (locked, grey) and ordinary rows among them
    for row in rows:
        before, height = image(row), row.height()
        row.materialize()
        qtbot.wait(1)
        assert not row.lazy and row.height() == height, row.segment.text_zh[:20]
        assert image(row) == before, row.segment.text_zh[:20]


def test_an_empty_text_shows_its_placeholder_the_same(qtbot, view):
    row = next(r for r in lazy_rows(view) if r.segment.status is not SegmentStatus.INITIALLED)
    row.set_segment(replace(row.segment, text_ru=""), force_text=True)  # as a reload would
    qtbot.wait(1)
    assert row.lazy and row.text("ru") == ""
    before = image(row)
    row.materialize()
    assert row.cell("ru").placeholderText() and image(row) == before


def test_a_click_on_a_row_not_used_yet_puts_the_cursor_there_and_typing_is_saved(qtbot, view):
    row = next(r for r in reversed(lazy_rows(view)) if r.segment.status is not SegmentStatus.INITIALLED)
    view.editor.ensureWidgetVisible(row)
    qtbot.wait(10)
    preview = row._cells["ru"]
    qtbot.mouseClick(preview, Qt.MouseButton.LeftButton, pos=QPoint(8, 10))  # before the first word
    assert not row.lazy and row.cell("ru").hasFocus()
    assert view.editor.current_uuid == row.uuid
    assert row.cell("ru").textCursor().position() == 0
    type_text(row.cell("ru"), "Итак, ")
    qtbot.waitUntil(lambda: any(s.uuid == row.uuid and s.text_ru.startswith("Итак, ") for s in db_segments(view)),
                    timeout=3000)  # fmt: skip


def test_the_pointer_over_a_row_makes_its_editors(qtbot, view):
    row = lazy_rows(view)[0]
    view.editor.ensureWidgetVisible(row)
    qtbot.mouseMove(row._cells["zh"], QPoint(20, 10))
    qtbot.waitUntil(lambda: not row.lazy)
    assert row.cell("zh").isVisible() and row.cell("zh").geometry().height() == row.cell("ru").height()


def test_the_keyboard_reaches_rows_not_used_yet(qtbot, view):
    order = view.editor.visible_order()
    assert view.editor.rows[order[1]].lazy and view.editor.rows[order[-1]].lazy
    view.editor.focus_segment(order[0], "zh", cursor=0)
    first = view.editor.rows[order[0]]
    qtbot.keyClick(first.cell("zh"), Qt.Key.Key_Return)  # the next row
    second = view.editor.rows[order[1]]
    assert not second.lazy and second.cell("zh").hasFocus()
    qtbot.keyClick(second.cell("zh"), Qt.Key.Key_Tab)  # its other language
    assert second.cell("ru").hasFocus()
    qtbot.keyClick(second.cell("ru"), Qt.Key.Key_Tab)  # the next row's first language
    third = view.editor.rows[order[2]]
    assert third.cell("zh").hasFocus()
    # Tab into the editor from outside lands on a preview: its cell takes the focus
    fourth = view.editor.rows[order[3]]
    assert fourth.lazy
    fourth._cells["ru"].setFocus(Qt.FocusReason.TabFocusReason)
    assert not fourth.lazy and fourth.cell("ru").hasFocus() and view.editor.current_uuid == fourth.uuid


def test_find_and_replace_reach_rows_not_used_yet_and_make_only_those_they_change(qtbot, view):
    untouched = [r for r in lazy_rows(view) if "Стороны" not in r.text("ru")]
    bar = view.find_bar
    view.show_replace()
    bar.find.setText("Стороны")
    found = view.finder.matches()
    assert len(found) >= 3 and all(view.editor.rows[u].text(lang)[s:e].lower() == "стороны" for u, lang, s, e in found)
    assert view.finder.find(1)
    uuid, lang, start, end = view.finder.current
    assert view.editor.rows[uuid].cell(lang).textCursor().selectedText().lower() == "стороны"
    view.show_replace()
    bar.replace.setText("Обе стороны")
    assert view.finder.replace_all() >= 3
    assert all(r.lazy for r in untouched)  # rows without the text keep their previews
    locked = [r for r in view.editor.rows.values() if r.segment.status is SegmentStatus.INITIALLED]
    assert any("Стороны" in r.text("ru") for r in locked)  # initialled: left as they are


def test_typing_in_one_row_does_not_make_the_others(qtbot, view):
    before = len(lazy_rows(view))
    row = next(r for r in lazy_rows(view) if r.segment.status is not SegmentStatus.INITIALLED)
    view.editor.focus_segment(row.uuid, "zh")
    type_text(row.cell("zh"), "（草稿）")
    qtbot.wait(1200)  # the counts, the checks and the autosave have run
    assert len(lazy_rows(view)) == before - 1


def test_choosing_the_session_already_shown_keeps_it_as_it_is(qtbot, view):
    row = next(r for r in lazy_rows(view) if r.segment.status is not SegmentStatus.INITIALLED)
    view.editor.focus_segment(row.uuid, "ru", cursor=0)
    type_text(row.cell("ru"), "Итак, ")
    assert view.stack.canUndo()
    combo = view.session_combo
    combo.activated.emit(combo.currentIndex())  # the same session picked again: no reload
    assert view.stack.canUndo() and view.editor.rows[row.uuid] is row and not row.lazy
    other = next(i for i in range(combo.count()) if i != combo.currentIndex())
    combo.setCurrentIndex(other)
    combo.activated.emit(other)  # another session: opened, its rows not used yet
    qtbot.waitUntil(lambda: len(view.editor.rows) == len(view.doc.segments) > 0)
    assert not view.stack.canUndo() and row.uuid not in view.editor.rows
    assert all(r.lazy for r in view.editor.rows.values())


def test_the_glossary_panel_behind_another_tab_is_filled_when_shown(qtbot, view):
    panel = view.glossary_panel
    assert not panel.isVisible() and view.doc.terms
    view.side.setCurrentWidget(panel)
    qtbot.waitUntil(panel.isVisible)
    assert panel.model.rowCount() == len(view.doc.terms)
