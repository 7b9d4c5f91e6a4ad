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


def test_hits_in_the_minutes_the_agenda_and_the_expenses_open_their_record(qtbot, demo_window, demo_ctx):
    from sqlalchemy import select

    from app.core.models import AgendaItem, Expense, Minutes, Segment
    from app.core.services.search import everything

    def first(session):
        seg = session.execute(
            select(Segment.id, Segment.uuid, Segment.text_ru).join(Minutes).where(Segment.text_ru != "").limit(1)
        ).one()
        item = session.execute(select(AgendaItem.id, AgendaItem.title_ru).where(AgendaItem.title_ru != "")).first()
        exp = session.execute(select(Expense.id, Expense.description_ru).where(Expense.description_ru != "")).first()
        return seg, item, exp

    seg, item, exp = demo_ctx.read(first)
    for kind, record_id, text in (("segment", seg[0], seg[2]), ("agenda_item", item[0], item[1]),
                                  ("expense", exp[0], exp[1])):  # fmt: skip
        hits = demo_ctx.read(everything.search, text[:30])
        hit = next(h for h in hits if h.kind == kind and h.record_id == record_id)
        assert between.open_hit(demo_window, hit), kind
        view = demo_window.current_view()
        if kind == "segment":
            assert type(view).__name__ == "MinutesView" and view.editor.current_uuid == seg[1]
        elif kind == "agenda_item":
            assert view.agenda.current().id == record_id
        else:
            assert type(view).__name__ == "ExpensesView" and view.register.current().id == record_id
