"""The Minutes tab, driven as a user drives it: typing in both columns, split and merge, undo and
redo, moving with the keyboard, statuses, the checks and the glossary."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.core.enums import SegmentKind, SegmentStatus
from app.core.services.agenda.sessions import meeting_by_ordinal
from app.core.services.minutes import records as ms
from tests.ui.typing import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def view(minutes_view):
    return minutes_view


def db_segments(view):
    with view.ctx.db.unit() as s:
        return ms.list_segments(s, view.doc.minutes.id)


def row_with(view, text: str):
    return next(r for r in view.editor.rows.values() if text in r.cell("zh").text())


def put_cursor(cell, position: int) -> None:
    cell.setFocus()
    c = cell.textCursor()
    c.setPosition(position)
    cell.setTextCursor(c)


def test_typing_in_both_columns_is_saved_within_two_seconds_and_undone(qtbot, view):
    last = view.editor.rows[view.editor.order[-1]]
    put_cursor(last.cell("zh"), 0)
    qtbot.keyClick(last.cell("zh"), Qt.Key.Key_Return, CTRL)  # insert a segment after
    qtbot.waitUntil(lambda: len(view.doc.segments) == 19)
    new = view.editor.current_row()
    assert new is not None and new.cell("zh").text() == ""
    type_text(new.cell("zh"), "双方商定下次会议的日期。")
    qtbot.keyClick(new.cell("zh"), Qt.Key.Key_Tab)  # Tab goes to the other language
    assert new.cell("ru").hasFocus()
    type_text(new.cell("ru"), "Стороны согласовали дату следующего заседания.")
    qtbot.waitUntil(
        lambda: any(s.text_ru == "Стороны согласовали дату следующего заседания." for s in db_segments(view)),
        timeout=2500,
    )
    saved = next(s for s in db_segments(view) if s.uuid == new.uuid)
    assert saved.text_zh == "双方商定下次会议的日期。"
    assert view.save_state.text() in ("All changes saved", "Saving…")
    # Ctrl+Z takes the typing back, Ctrl+Shift+Z brings it again
    assert view.actions_.undo.text() == "&Undo Typing"
    qtbot.keyClick(new.cell("ru"), Qt.Key.Key_Z, CTRL)
    assert new.cell("ru").text() == ""
    qtbot.keyClick(new.cell("ru"), Qt.Key.Key_Z, CTRL | SHIFT)
    assert new.cell("ru").text() == "Стороны согласовали дату следующего заседания."


def test_split_at_the_cursors_merge_undo_redo(qtbot, view):
    row = row_with(view, "在下次会议前交流使用")
    zh, ru = row.cell("zh").text(), row.cell("ru").text()
    put_cursor(row.cell("ru"), ru.index("обменяться"))
    put_cursor(row.cell("zh"), zh.index("在下次"))
    n = len(view.doc.segments)
    qtbot.keyClick(row.cell("zh"), Qt.Key.Key_T, CTRL)
    qtbot.waitUntil(lambda: len(view.doc.segments) == n + 1)
    i = view.doc.index_of(row.uuid)
    first, second = view.doc.segments[i], view.doc.segments[i + 1]
    assert first.text_zh == "双方同意，" and second.text_zh.startswith("在下次会议前")
    assert first.text_ru == "Стороны договорились до следующего заседания" and second.text_ru.startswith(
        "обменяться"
    )
    assert view.actions_.undo.text() == "&Undo Split segment"
    assert view.editor.current_uuid == second.uuid  # the cursor follows the second half
    view.actions_.undo.trigger()
    assert len(view.doc.segments) == n
    assert (view.doc.get(row.uuid).text_zh, view.doc.get(row.uuid).text_ru) == (zh, ru)
    assert row.cell("zh").text() == zh
    view.actions_.redo.trigger()
    assert len(view.doc.segments) == n + 1
    # merge them again, with the keyboard, and undo that
    view.editor.focus_segment(row.uuid, "zh")
    qtbot.keyClick(row.cell("zh"), Qt.Key.Key_J, CTRL)
    assert len(view.doc.segments) == n
    merged = view.doc.get(row.uuid)
    assert merged.text_zh == zh and merged.text_ru == ru
    assert row.cell("zh").text() == zh
    view.actions_.undo.trigger()
    assert len(view.doc.segments) == n + 1
    assert len(db_segments(view)) == n + 1


def test_move_with_the_keyboard_and_the_edit_menu_names_it(qtbot, view, demo_window):
    row = row_with(view, "苏方通报")
    before = list(view.doc.segments)
    i = view.doc.index_of(row.uuid)
    put_cursor(row.cell("ru"), 3)
    qtbot.keyClick(row.cell("ru"), Qt.Key.Key_Down, CTRL)
    assert view.doc.index_of(row.uuid) == i + 1
    assert [s.uuid for s in db_segments(view)].index(row.uuid) == i + 1
    assert row.cell("ru").hasFocus() and row.cell("ru").textCursor().position() == 3
    texts = [a.text() for a in demo_window.edit_menu.actions()]
    assert "&Undo Move segment down" in texts
    qtbot.keyClick(row.cell("ru"), Qt.Key.Key_Up, CTRL)
    qtbot.keyClick(row.cell("ru"), Qt.Key.Key_Up, CTRL)
    assert view.doc.index_of(row.uuid) == i - 1
    for _ in range(3):
        view.actions_.undo.trigger()
    assert [s.uuid for s in view.doc.segments] == [s.uuid for s in before]
    assert [s.uuid for s in db_segments(view)] == [s.uuid for s in before]


def test_enter_and_arrows_move_between_rows(qtbot, view):
    order = view.editor.visible_order()
    first = view.editor.rows[order[0]]
    put_cursor(first.cell("zh"), 0)
    qtbot.keyClick(first.cell("zh"), Qt.Key.Key_Return)
    assert view.editor.current_uuid == order[1]
    second = view.editor.rows[order[1]]
    assert second.cell("zh").hasFocus()
    qtbot.keyClick(second.cell("zh"), Qt.Key.Key_Up)  # on the first line: the row above
    assert view.editor.current_uuid == order[0]
    qtbot.keyClick(first.cell("zh"), Qt.Key.Key_Backtab)
    assert view.editor.current_uuid == order[0]


def test_rows_keep_their_heights_in_step(qtbot, view):
    row = row_with(view, "双方听取了")
    qtbot.waitUntil(lambda: row.cell("zh").height() == row.cell("ru").height() > 30)
    short = row_with(view, "一、共同决议")
    assert short.cell("zh").height() == short.cell("ru").height() < row.cell("zh").height()


def test_statuses_lock_and_reopen_with_a_reason(qtbot, view, monkeypatch):
    from app.ui.dialogs.reopen_segment_dialog import ReopenSegmentDialog

    row = row_with(view, "苏方通报")  # checked by the other side
    put_cursor(row.cell("zh"), 0)
    qtbot.keyClick(row.cell("zh"), Qt.Key.Key_4, CTRL)  # agreed
    assert view.doc.get(row.uuid).status is SegmentStatus.AGREED
    qtbot.keyClick(row.cell("zh"), Qt.Key.Key_5, CTRL)  # initialled
    assert view.doc.get(row.uuid).status is SegmentStatus.INITIALLED
    assert row.cell("zh").isReadOnly() and row.cell("ru").isReadOnly()
    before = row.cell("zh").text()
    type_text(row.cell("zh"), "改")
    assert row.cell("zh").text() == before
    # a draft cannot jump to "initialled"
    draft = row_with(view, "在下次会议前交流使用")
    view.editor.focus_segment(draft.uuid, "zh")
    assert not view.actions_.status[SegmentStatus.INITIALLED].isEnabled()

    def fill_and_accept(dialog):
        dialog.accept()  # no reason: refused, next to the field
        assert "why" in dialog.errors.message("reason")
        type_text(dialog.reason, "Уточнение формулировки по просьбе советской стороны")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ReopenSegmentDialog, "exec", fill_and_accept)
    view.editor.focus_segment(row.uuid, "zh")
    view.actions_.reopen.trigger()
    assert view.doc.get(row.uuid).status is SegmentStatus.AGREED
    assert not row.cell("zh").isReadOnly()
    with view.ctx.db.unit() as s:
        assert "Уточнение" in ms.segment_history(s, view.doc.id_of(row.uuid))[0].reason


def test_filter_not_agreed(qtbot, view):
    view.filter_combo.setCurrentIndex(view.filter_combo.findData("not_agreed"))
    view.filter_combo.activated.emit(view.filter_combo.currentIndex())
    visible = [view.editor.rows[u].segment for u in view.editor.visible_order()]
    assert visible and all(s.status.rank < SegmentStatus.AGREED.rank for s in visible)
    assert len(visible) < len(view.doc.segments)


def test_check_finding_is_listed_and_jumps_to_its_segment(qtbot, view):
    view.side.setCurrentWidget(view.checks_panel)
    model = view.checks_panel.model
    assert model.rowCount() == 1
    text = model.data(model.index(0))
    assert "Numbers differ: 2 only in the Chinese text, 3 only in the Russian text." in text
    rect = view.checks_panel.list.visualRect(model.index(0))
    qtbot.mouseClick(view.checks_panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    seg = view.current_segment()
    assert seg is not None and seg.kind is SegmentKind.DECISION and "延长至2年" in seg.text_zh
    # fixing the Russian text clears the finding
    row = view.editor.current_row()
    cell = row.cell("ru")
    text = cell.text()
    put_cursor(cell, text.index("3 лет"))
    c = cell.textCursor()
    c.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor)
    cell.setTextCursor(c)
    type_text(cell, "2")
    qtbot.waitUntil(lambda: view.checks_panel.model.rowCount() == 0, timeout=4000)
    assert view.checks_panel.summary.text() == "All checks pass."


def test_decision_fields(qtbot, view):
    row = row_with(view, "中方同意接待")
    view.editor.focus_segment(row.uuid, "zh")
    panel = view.segment_panel
    assert panel.decision_box.isVisible()
    field = panel.agency["agency2_ru"]
    field.setFocus()
    field.selectAll()
    type_text(field, "Министерство оборонной промышленности СССР")
    field.editingFinished.emit()
    decision = view.doc.get(row.uuid).decision
    assert decision.agency2_ru == "Министерство оборонной промышленности СССР"
    panel.no_deadline.setChecked(True)
    assert view.doc.get(row.uuid).decision.deadline is None


def test_glossary_term_highlight_and_panel(qtbot, view, monkeypatch):
    from app.ui.dialogs.glossary_term_dialog import GlossaryTermDialog

    def fill(dialog):
        type_text(dialog.zh, "下次会议")
        type_text(dialog.ru, "следующее заседание")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(GlossaryTermDialog, "exec", fill)
    view.side.setCurrentWidget(view.glossary_panel)
    qtbot.mouseClick(view.glossary_panel.add_button, Qt.MouseButton.LeftButton)
    assert any(t.zh == "下次会议" for t in view.doc.terms)
    row = row_with(view, "在下次会议前交流使用")
    view.editor.focus_segment(row.uuid, "zh")
    here = view.glossary_panel.here_model
    found = {here.data(here.index(i, 0)): here.data(here.index(i, 1)) for i in range(here.rowCount())}
    assert found["下次会议"] == "✓ следующее заседание"


def test_find_and_replace_in_one_language(qtbot, view):
    view.show_replace()
    bar = view.find_bar
    assert bar.isVisible()
    bar.scope.setCurrentIndex(bar.scope.findData(("ru",)))
    bar.find.setText("Стороны")
    bar.replace.setText("Обе стороны")
    n = view.finder.replace_all()
    assert n >= 3
    assert "Обе стороны" in row_with(view, "在下次会议前交流使用").cell("ru").text()
    initialled = row_with(view, "双方听取了")  # initialled: left as it is
    assert "Стороны заслушали" in initialled.cell("ru").text()
    view.actions_.undo.trigger()
    assert "Стороны договорились" in row_with(view, "在下次会议前交流使用").cell("ru").text()


def test_counts_per_language(qtbot, view):
    qtbot.waitUntil(lambda: "Chinese:" in view.counts.text() and "0 words" not in view.counts.text())
    assert "Russian:" in view.counts.text()


def test_history_shows_who_and_restores(qtbot, view, monkeypatch):
    from app.ui.dialogs.segment_history_dialog import SegmentHistoryDialog

    row = row_with(view, "在下次会议前交流使用")
    original = row.cell("zh").text()
    put_cursor(row.cell("zh"), len(original))
    type_text(row.cell("zh"), "补充")
    view.doc.autosaver.flush()

    def restore_oldest(dialog):
        model = dialog.model
        assert model.rowCount() >= 2 and model.data(model.index(0, 2)) == "Edited"
        dialog.table.selectRow(model.rowCount() - 1)
        assert dialog.zh.toPlainText() == original
        dialog.restore()
        return dialog.result()

    monkeypatch.setattr(SegmentHistoryDialog, "exec", restore_oldest)
    view.editor.focus_segment(row.uuid, "zh")
    view.actions_.history.trigger()
    assert row.cell("zh").text() == original
    assert view.doc.get(row.uuid).text_zh == original


def test_ru_on_the_left(qtbot, view):
    row = next(iter(view.editor.rows.values()))
    view.actions_.swap.trigger()
    assert row.order == ("ru", "zh")
    qtbot.waitUntil(lambda: row.cell("ru").x() < row.cell("zh").x())
    view.actions_.swap.trigger()
    assert row.order == ("zh", "ru")


def test_everything_follows_a_language_switch(qtbot, view, demo_window):
    row = row_with(view, "在下次会议前交流使用")
    type_text(row.cell("zh"), "补")
    demo_window.set_language("zh_CN")
    assert view.actions_.undo.text() == "撤销“输入”(&U)"
    assert demo_window.tabs.tabText(demo_window.tabs.indexOf(view)) == "会议纪要"
    assert view.side.tabText(1) == "术语表"
    assert view.session_combo.currentText().startswith("第2次会议")
    assert "中文" in view.counts.text()
    demo_window.set_language("ru")
    assert view.side.tabText(1) == "Глоссарий"
    assert view.editor.dividers[next(iter(view.editor.dividers))].label.text() == "Преамбула"


def test_start_from_the_agenda_and_import(qtbot, demo_window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    v = demo_window.view_named("MinutesView")
    with v.ctx.db.unit() as s:  # a third session with an agenda and no minutes
        from app.core.models import AgendaItem, Meeting

        m2 = meeting_by_ordinal(s, 2)
        import datetime as dt

        m = Meeting(ordinal=3, host_side_id=m2.host_side_id, city_zh="北京", city_ru="Пекин",
                    start_date=dt.date(2027, 6, 7), end_date=dt.date(2027, 6, 11))  # fmt: skip
        s.add(m)
        s.flush()
        s.add(
            AgendaItem(
                meeting_id=m.id, title_zh="关于交换资料", title_ru="Об обмене материалами", status="agreed"
            )
        )
    demo_window.tabs.setCurrentWidget(v)
    qtbot.waitUntil(lambda: v.session_combo.count() == 3)
    i = v.session_combo.findText("Session 3", Qt.MatchFlag.MatchStartsWith)
    v.session_combo.setCurrentIndex(i)
    v.session_combo.activated.emit(i)
    assert v.pages.currentWidget() is v.empty
    qtbot.mouseClick(v.start_agenda_button, Qt.MouseButton.LeftButton)
    assert v.pages.currentWidget() is v.splitter
    texts = [s.text_zh for s in v.doc.segments]
    assert "关于交换资料" in texts and any("一式两份" in t for t in texts)
    csv = tmp_path / "t.csv"
    csv.write_text("zh,ru\n补充条款,Дополнительное положение\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(csv), ""))
    n = len(v.doc.segments)
    qtbot.mouseClick(v.import_button, Qt.MouseButton.LeftButton)
    assert len(v.doc.segments) == n + 1
    bad = tmp_path / "bad.csv"
    bad.write_bytes("zh,ru\n甲,乙\n".encode("gbk"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    shown = []
    monkeypatch.setattr("app.ui.widgets.messages.error", lambda _p, text, *a: shown.append(text))
    qtbot.mouseClick(v.import_button, Qt.MouseButton.LeftButton)
    assert shown and "UTF-8" in shown[0]
    assert len(v.doc.segments) == n + 1


def test_drag_a_row_by_its_grip_and_drop_it_elsewhere(qtbot, view):
    from PySide6.QtCore import QMimeData, QPointF
    from PySide6.QtGui import QDropEvent

    from app.ui.minutes.row import MIME

    moving = row_with(view, "苏方通报")
    target = row_with(view, "中方提出，请苏方同意")
    qtbot.waitUntil(lambda: target.geometry().height() > 0)
    mime = QMimeData()
    mime.setData(MIME, moving.uuid.encode())
    pos = QPointF(target.geometry().center().x(), target.geometry().top() + 3)
    event = QDropEvent(
        pos, Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    view.editor.container.dropEvent(event)
    i = view.doc.index_of(moving.uuid)
    assert view.doc.segments[i + 1].uuid == target.uuid
    assert view.doc.get(moving.uuid).part is view.doc.get(target.uuid).part
    assert view.actions_.undo.text() == "&Undo Move segment"
    view.actions_.undo.trigger()
    assert view.doc.index_of(moving.uuid) != i


def test_signed_minutes_are_read_only(qtbot, demo_window):
    import datetime as dt

    from app.core.changes import Change
    from app.core.models import Minutes

    v = demo_window.view_named("MinutesView")
    with v.ctx.db.unit() as s:
        m = s.query(Minutes).filter_by(meeting_id=meeting_by_ordinal(s, 1).id).one()
        if not m.locked:  # the demo signs them (issue 8); signed minutes refuse any change
            m.locked, m.status, m.signed_on, m.place_zh, m.place_ru = (
                True,
                "signed",
                dt.date(2026, 7, 3),
                "北京",
                "Пекин",
            )
    v.ctx.announce(Change.MINUTES)
    demo_window.tabs.setCurrentWidget(v)
    i = v.session_combo.findText("Session 1", Qt.MatchFlag.MatchStartsWith)
    v.session_combo.setCurrentIndex(i)
    v.session_combo.activated.emit(i)
    qtbot.waitUntil(lambda: v.doc.locked and v.signed_banner.isVisible())
    assert "signed on" in v.signed_banner.text()
    row = next(iter(v.editor.rows.values()))
    assert row.cell("zh").isReadOnly()
    v.editor.focus_segment(row.uuid, "zh")
    assert not v.actions_.insert.isEnabled() and not v.actions_.delete.isEnabled()


def test_a_finding_accepted_as_intended_no_longer_fails(qtbot, view):
    view.side.setCurrentWidget(view.checks_panel)
    panel = view.checks_panel
    panel.list.setCurrentIndex(panel.model.index(0))
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    assert view.doc.report.passed
    assert panel.summary.text().startswith("All checks pass.")
    panel.show_accepted.setChecked(True)
    assert "(accepted as intended)" in panel.model.data(panel.model.index(0))


def test_text_typed_just_before_another_database_is_opened_goes_into_the_first(qtbot, view, another_db):
    from app.core.db import Database

    first_db = view.ctx.db
    row = row_with(view, "在下次会议前交流使用")
    put_cursor(row.cell("ru"), len(row.cell("ru").text()))
    type_text(row.cell("ru"), " Срочно.")
    assert view.doc.autosaver.pending  # not saved yet
    other = another_db()
    view.ctx.set_database(other)
    qtbot.waitUntil(lambda: not view.editor.rows)
    with first_db.unit() as s:
        from app.core.models import Segment

        assert s.query(Segment).filter_by(uuid=row.uuid).one().text_ru.endswith(" Срочно.")
    assert not view.actions_.undo.isEnabled()
    # back to the first database: the Agenda tab (hidden, not refreshed yet) still names its
    # sessions and would fail on the next language switch otherwise
    view.ctx.set_database(Database.open(first_db.path))
    other.close()


def test_export_from_the_tab(qtbot, view, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    out = tmp_path / "minutes"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    text = (tmp_path / "minutes.csv").read_text(encoding="utf-8-sig")
    assert text.startswith("zh,ru,kind,part") and "延长至2年" in text


def test_no_line_of_zeros_before_the_first_count(qtbot, view):
    """No minutes shown (the tab is built before a session is read): no counts, not '0 words'."""
    qtbot.waitUntil(lambda: "Chinese:" in view.counts.text())
    view.status_line.show_counts([], {})
    assert view.counts.text() == ""
