"""Search everything through the GUI: Ctrl+K opens the box, typing finds records in either script,
Enter opens the record in its tab; the box speaks the interface language."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.i18n.qt import apply_language
from app.ui import between
from tests.ui.typing import type_text


def test_ctrl_k_finds_a_letter_and_opens_it(qtbot, demo_window):
    demo_window.act_search_everything.trigger()
    dlg = demo_window.search_dialog
    qtbot.waitExposed(dlg)
    type_text(dlg.box, "ГКЭС")
    dlg.run()
    assert dlg.results.count() > 0 and all(
        "ГКЭС" in dlg.results.item(i).text() for i in range(dlg.results.count())
    )
    hit = dlg.hits[0]
    qtbot.keyClick(dlg.box, Qt.Key.Key_Return)
    view = demo_window.current_view()
    assert type(view).__name__ == "CorrespondenceView" and view.current().id == hit.record_id


def test_chinese_search_opens_a_decision_and_the_box_is_translated(qtbot, demo_window):
    apply_language("zh_CN")
    dlg = between.search_everything(demo_window)
    assert dlg.windowTitle() == "全面搜索"
    dlg.box.setText("统一标准")
    dlg.run()
    row = next(i for i, h in enumerate(dlg.hits) if h.kind == "decision")
    assert dlg.results.item(row).text().startswith("决议")
    dlg.results.setCurrentRow(row)
    dlg.open_current()
    assert demo_window.current_view().current().id == dlg.hits[row].record_id
