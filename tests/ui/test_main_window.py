"""The main window: opens on a fresh database, switches language at once, remembers its state."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.ui.dialogs.person_dialog import PersonDialog
from app.ui.main_window import MainWindow
from app.ui.widgets.mnemonics import plain

EXPECTED_TABS = {
    "en": ["Agenda", "Exchanges", "Experts", "Expenses", "Minutes", "People", "Decisions", "Liaison log"],
}


def tab_titles(window) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_opens_on_a_fresh_database(window):
    assert tab_titles(window) == EXPECTED_TABS["en"]
    assert menu_titles(window) == ["&File", "&Edit", "&View", "&Help"]
    assert "Commission Desk" in window.windowTitle()
    assert "commission.sqlite3" in window.db_label.text()


def test_language_switch_changes_every_visible_string_at_once(qtbot, demo_window):
    w = demo_window
    w.tabs.setCurrentIndex(5)
    dialog = PersonDialog(w.ctx, parent=w)
    qtbot.addWidget(dialog)
    dialog.show()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert plain(dialog.labels["name_zh"].text()) == "Name in Chinese"  # with a mnemonic of its own
    people = w.views[5]
    header_en = people.model.headerData(0, Qt.Orientation.Horizontal)

    w.language_actions["zh_CN"].trigger()
    titles = tab_titles(w)
    assert titles[5] == "人员" and titles[0] == "议程"
    assert menu_titles(w)[0].startswith("文件")
    assert plain(dialog.labels["name_zh"].text()) == "中文姓名"
    assert dialog.windowTitle() == "新增人员"
    assert save.text() == "保存"  # Qt's own button, from qtbase_zh_CN
    assert people.model.headerData(0, Qt.Orientation.Horizontal) != header_en
    assert people.summary.text().startswith("共")

    w.language_actions["ru"].trigger()
    assert tab_titles(w)[5] == "Участники"
    assert plain(dialog.labels["name_zh"].text()) == "Имя по-китайски"
    assert save.text() == "Сохранить"
    assert menu_titles(w)[0] == "&Файл"

    w.language_actions["en"].trigger()
    assert tab_titles(w) == EXPECTED_TABS["en"]
    assert plain(dialog.labels["name_zh"].text()) == "Name in Chinese"
    assert save.text() == "Save"
    assert QSettings().value("language") == "en"


def test_the_language_choice_is_remembered(demo_window):
    demo_window.language_actions["ru"].trigger()
    assert QSettings().value("language") == "ru"
    from app.ui.application import choose_language

    assert choose_language(None) == "ru"
    assert choose_language("zh_CN") == "zh_CN"


def test_window_state_and_last_tab_are_remembered(qtbot, ctx):
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.resize(760, 520)
    qtbot.waitUntil(lambda: w.width() == 760)
    w.tabs.setCurrentIndex(5)
    w.close()
    w2 = MainWindow(ctx)
    qtbot.addWidget(w2)
    assert w2.tabs.currentIndex() == 5
    assert (w2.width(), w2.height()) == (760, 520)


def test_standard_shortcuts(window):
    from PySide6.QtGui import QKeySequence

    assert window.act_open_db.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert window.act_quit.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
    assert window.act_find.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)


def test_a_passing_message_gets_the_whole_status_bar_and_a_long_path_is_shortened(qtbot, window):
    """'Backup written: …' is read whole: the database label steps aside while it shows, and
    the label shortens a long path in its middle (the tooltip has it whole)."""
    window.show()
    qtbot.waitExposed(window)
    assert window.db_label.isVisible()
    window.statusBar().showMessage("Backup written: " + "x" * 150, 300)
    assert not window.db_label.isVisible()
    qtbot.waitUntil(window.db_label.isVisible, timeout=3000)
    assert window.db_label.toolTip() == window.ctx.db.location
    assert window.db_label.fontMetrics().horizontalAdvance(window.db_label.text()) < 600
