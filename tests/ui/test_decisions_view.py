"""The Decisions tab through the GUI: the register, filters, a decision between sessions, a note,
a refused entry, the report, and a language switch."""

from __future__ import annotations

from app.core.services.decisions import records as service
from app.i18n.qt import apply_language
from app.ui.dialogs.decision_dialog import DecisionDialog, NoteDialog
from app.ui.views.decisions import DecisionsView
from tests.ui.typing import type_text


def decisions_view(window) -> DecisionsView:
    i = next(i for i, v in enumerate(window.views) if isinstance(v, DecisionsView))
    window.tabs.setCurrentIndex(i)
    return window.views[i]


def test_the_register_shows_every_decision_and_filters_overdue(qtbot, demo_window):
    view = decisions_view(demo_window)
    total = view.model.rowCount()
    assert total >= 8
    view.status_box.setCurrentIndex(view.status_box.findData("overdue"))
    assert 0 < view.model.rowCount() < total
    assert all("late" in view.model.index(r, 5).data() for r in range(view.model.rowCount()))
    view.status_box.setCurrentIndex(0)
    view.due_box.setValue(3650)
    assert 0 < view.model.rowCount() < total


def test_a_decision_between_sessions_and_a_follow_up_note(qtbot, demo_window, monkeypatch):
    view = decisions_view(demo_window)
    before = view.model.rowCount()

    def fill_decision(dialog: DecisionDialog):
        type_text(dialog.widgets["text_zh"], "双方主席商定提前交付样品。")
        type_text(dialog.widgets["text_ru"], "Председатели договорились ускорить передачу образцов.")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        return dialog.result()

    monkeypatch.setattr(DecisionDialog, "exec", fill_decision)
    view.add_button.click()
    assert view.model.rowCount() == before + 1
    d = view.current()
    assert d is not None and d.between_sessions and "Председатели" in d.text_ru

    def fill_note(dialog: NoteDialog):
        type_text(dialog.widgets["text_ru"], "Образцы отправлены поездом.")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        return dialog.result()

    monkeypatch.setattr(NoteDialog, "exec", fill_note)
    view.note_button.click()
    assert "Образцы отправлены" in view.detail.toPlainText()


def test_a_decision_without_text_is_refused_and_nothing_is_saved(qtbot, demo_ctx):
    count = len(demo_ctx.read(service.list_decisions))
    dialog = DecisionDialog(demo_ctx, meeting_id=None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.isVisible()
    assert "at least one language" in dialog.errors.message("text_zh")
    assert len(demo_ctx.read(service.list_decisions)) == count


def test_the_report_and_a_language_switch(qtbot, demo_window):
    view = decisions_view(demo_window)
    pdf, name, _title = view.report_pdf("zh")
    assert pdf.startswith(b"%PDF") and name.endswith("-zh.pdf")
    apply_language("ru")
    assert view.report_button.text().replace("&", "").startswith("Отчёт")
    assert "Состояние" in view.model.headers() or "Статус" in view.model.headers()
    assert view.register.status_label.text().replace("&", "") == "Состояние:"
    apply_language("zh_CN")
    assert "期限" in view.model.headers()
    assert view.add_button.text().startswith("会间决议")


def test_the_minutes_editor_offers_the_decisions_taken_between_sessions(qtbot, demo_window):
    from app.ui.views.minutes import MinutesView

    i = next(i for i, v in enumerate(demo_window.views) if isinstance(v, MinutesView))
    demo_window.tabs.setCurrentIndex(i)
    view = demo_window.views[i]
    combo = view.session_combo
    for j in range(combo.count()):
        combo.setCurrentIndex(j)
        if view.between_banner.isVisible():
            break
    banner = view.between_banner
    assert banner.isVisible() and "2 decisions" in banner.label.text()
    before = len(view.doc.segments)
    banner.button.click()
    assert not banner.isVisible()
    assert len(view.doc.segments) == before + 2
