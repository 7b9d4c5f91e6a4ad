"""Every "document language" choice starts at the interface language (Chinese for the Chinese
interface, Russian otherwise) and then remembers the last choice."""

from __future__ import annotations

import datetime as dt

import pytest

from app.i18n.qt import apply_language


@pytest.mark.parametrize("lang, expected", [("zh_CN", "zh"), ("ru", "ru"), ("en", "ru")])
def test_the_document_language_starts_at_the_interface_language(qtbot, demo_ctx, lang, expected):
    from app.ui.dialogs.experts_pdf_dialog import ExpertsPdfDialog
    from app.ui.main_window import MainWindow

    apply_language(lang)
    w = MainWindow(demo_ctx)
    qtbot.addWidget(w)
    assert w.view_named("ExpensesView").doc_lang.currentData() == expected
    assert w.view_named("DecisionsView").doc_lang.currentData() == expected  # the report on implementation
    dlg = ExpertsPdfDialog(demo_ctx, dt.date(2026, 1, 1), dt.date(2026, 3, 1), w)
    qtbot.addWidget(dlg)
    assert dlg.language.currentData() == expected


def test_the_last_choice_is_remembered_and_a_switch_follows_until_then(qtbot, demo_ctx):
    from app.ui.main_window import MainWindow

    apply_language("zh_CN")
    w = MainWindow(demo_ctx)
    qtbot.addWidget(w)
    combo = w.view_named("ExpensesView").doc_lang
    assert combo.currentData() == "zh"
    w.set_language("ru")
    assert combo.currentData() == "ru"  # as after a fresh start in Russian
    w.set_language("zh_CN")
    assert combo.currentData() == "zh"
    combo.setCurrentIndex(combo.findData("ru"))
    combo.activated.emit(combo.currentIndex())
    w.set_language("en")
    w.set_language("zh_CN")
    assert combo.currentData() == "ru"
    w2 = MainWindow(demo_ctx)
    qtbot.addWidget(w2)
    assert w2.view_named("ExpensesView").doc_lang.currentData() == "ru"
