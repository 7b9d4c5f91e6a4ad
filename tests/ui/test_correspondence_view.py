"""The Liaison log tab through the GUI: what awaits an answer, filters, a new letter, a refused
one, the export, and a language switch."""

from __future__ import annotations

import datetime as dt

from app.core.services.correspondence import records as service
from app.i18n.qt import apply_language
from app.ui.dialogs.letter_dialog import LetterDialog
from app.ui.views.correspondence import CorrespondenceView
from tests.ui.typing import type_text


def log_view(window) -> CorrespondenceView:
    i = next(i for i, v in enumerate(window.views) if isinstance(v, CorrespondenceView))
    window.tabs.setCurrentIndex(i)
    return window.views[i]


def test_the_log_says_what_awaits_an_answer_and_filters_overdue(qtbot, demo_window):
    view = log_view(demo_window)
    total = view.model.rowCount()
    assert total > 20
    assert "await" in view.awaiting_label.text() and "past the reply-by date" in view.awaiting_label.text()
    view.status_box.setCurrentIndex(view.status_box.findData("overdue"))
    overdue = view.model.rowCount()
    assert 0 < overdue < total
    assert all(view.model.index(r, 8).data() for r in range(overdue))  # days waiting shown


def test_a_new_letter_through_the_dialog_and_a_refused_one(qtbot, demo_window, monkeypatch):
    view = log_view(demo_window)
    before = view.model.rowCount()

    def fill(dialog: LetterDialog):
        type_text(dialog.widgets["subject_ru"], "О сроках поставки приборов")
        type_text(dialog.widgets["our_ref"], "二机联字第99号")
        dialog.set_value("reply_by", dt.date.today() + dt.timedelta(days=20))
        dialog.set_value("status", "sent")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        return dialog.result()

    monkeypatch.setattr(LetterDialog, "exec", fill)
    view.add_button.click()
    assert view.model.rowCount() == before + 1
    assert view.current().our_ref == "二机联字第99号"

    count = len(view.ctx.read(service.list_letters))
    dialog = LetterDialog(view.ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_value("to_agency_id", dialog.value("from_agency_id"))
    type_text(dialog.widgets["subject_zh"], "同方")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.isVisible()
    assert "other side" in dialog.errors.message("to_agency_id")
    assert len(view.ctx.read(service.list_letters)) == count


def test_export_and_language_switch(qtbot, demo_window, tmp_path):
    view = log_view(demo_window)
    target = view.export(str(tmp_path / "log.csv"))
    assert target is not None and target.read_text(encoding="utf-8-sig").count("\n") > 20
    apply_language("ru")
    assert "Отправитель" in view.model.headers()
    assert "ответа" in view.awaiting_label.text()
    apply_language("zh_CN")
    assert "日期" in view.model.headers()
    assert view.add_button.text().startswith("新")


def test_a_letter_concerns_several_decisions_an_exchange_and_an_assignment(qtbot, demo_window, monkeypatch):
    from app.core.services.correspondence import links

    view = log_view(demo_window)
    targets = view.ctx.read(links.link_targets)
    decisions = [t for t in targets if t.kind == links.DECISION][:2]
    exchange = next(t for t in targets if t.kind == links.EXCHANGE and t.ref)
    assignment = next(t for t in targets if t.kind == links.ASSIGNMENT)

    def fill(dialog: LetterDialog):
        type_text(dialog.widgets["subject_ru"], "О ходе выполнения решений")
        box = dialog.links
        for t in (*decisions, assignment):  # picked from the list
            box.choice.setCurrentIndex(box.index_of(*t.key))
            box.add_button.click()
        box.choice.setCurrentIndex(-1)
        box.choice.setEditText(exchange.ref)  # typed: the reference of the exchange
        box.add_button.click()
        assert box.list.count() == 4
        box.list.setCurrentRow(0)
        box.remove_button.click()  # and taken out again
        box.choice.setCurrentIndex(box.index_of(*decisions[0].key))
        box.add_button.click()
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        return dialog.result()

    monkeypatch.setattr(LetterDialog, "exec", fill)
    view.add_button.click()
    letter = view.current()
    assert set(letter.decision_ids) == {d.id for d in decisions}
    assert letter.exchange_ids == (exchange.id,) and letter.assignment_ids == (assignment.id,)
    # opened again, the dialog shows the four links
    dialog = LetterDialog(view.ctx, letter)
    qtbot.addWidget(dialog)
    assert dialog.links.list.count() == 4


def test_the_detail_pane_shows_the_selected_letter_in_both_languages(qtbot, demo_window):
    view = log_view(demo_window)
    view.table.selectRow(0)
    letter = view.current()
    text = view.detail.toPlainText()
    assert letter.subject("en") in text and letter.summary_ru in text and letter.summary_zh in text
    view.table.clearSelection()
    assert view.detail.toPlainText() == ""
