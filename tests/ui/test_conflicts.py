"""A stale save through the GUI (issue 16, point 1): another window saved the record after this one
opened it; saving shows both versions field by field, and what the user chooses is saved."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.core.db import Database
from app.core.services.exchanges import records as service
from app.core.services.exchanges import search
from app.core.services.exchanges.search import ExchangeFilter
from app.ui.dialogs.conflict_dialog import MINE, THEIRS, ConflictDialog
from app.ui.dialogs.exchange_dialog import ExchangeDialog
from tests.ui.typing import type_text


def first_item(ctx):
    return ctx.read(search.search_exchanges, ExchangeFilter(), limit=1)[0]


def in_other_window(path, fn) -> None:
    """``fn(session)`` in another window: its own engine on the file, as another process has."""
    other = Database.open(path)
    try:
        with other.unit() as s:
            fn(s)
    finally:
        other.close()


def other_window_saves(path, item_id: int, **values) -> None:
    """Another window saves the item."""
    in_other_window(path, lambda s: service.update_exchange(s, replace(service.get_exchange(s, item_id), **values)))


def when_shown(qtbot, handle) -> list:
    """Run ``handle(dialog)`` on the conflict dialog once it is shown (it runs modally)."""
    seen: list = []

    def look() -> None:
        dlg = QApplication.activeModalWidget()
        if isinstance(dlg, ConflictDialog):
            seen.append(dlg)
            handle(dlg)
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)
    return seen


def test_a_stale_save_shows_both_versions_and_saves_the_choice(qtbot, demo_ctx, demo_db_path):
    item = first_item(demo_ctx)
    dialog = ExchangeDialog(demo_ctx, item)
    qtbot.addWidget(dialog)
    dialog.widgets["title_ru"].clear()
    type_text(dialog.widgets["title_ru"], "Новое название")
    other_window_saves(demo_db_path, item.id, notes="Заметки коллеги", quantity=item.quantity + 1)

    def choose(dlg: ConflictDialog) -> None:
        assert dlg.isVisible() and dlg.windowTitle() == "Changed by someone else"
        assert "Someone else saved this record" in dlg.intro.text()
        assert set(dlg.fields) == {"title_ru", "notes", "quantity"}
        assert dlg.field_labels["notes"].text() == "Notes"
        assert dlg.texts["title_ru_mine"].text() == "Новое название"
        assert dlg.texts["title_ru_theirs"].text() == item.title_ru
        assert dlg.texts["notes_mine"].text() == (item.notes or "(empty)")
        assert dlg.texts["notes_theirs"].text() == "Заметки коллеги"
        # what I changed starts on my version, what I did not change on the saved one
        assert dlg.choice("title_ru") == MINE
        assert dlg.choice("notes") == THEIRS and dlg.choice("quantity") == THEIRS
        dlg.findChild(type(dlg.save_button), "save").click()

    seen = when_shown(qtbot, choose)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert seen, "the conflict dialog was not shown"
    assert dialog.result() == dialog.DialogCode.Accepted
    stored = demo_ctx.read(service.get_exchange, item.id)
    assert stored.title_ru == "Новое название"
    assert stored.notes == "Заметки коллеги" and stored.quantity == item.quantity + 1
    assert stored.version == item.version + 2


def test_all_mine_overwrites_knowingly_and_cancel_saves_nothing(qtbot, demo_ctx, demo_db_path):
    item = first_item(demo_ctx)
    dialog = ExchangeDialog(demo_ctx, item)
    qtbot.addWidget(dialog)
    dialog.widgets["notes"].setPlainText("Мои заметки")
    other_window_saves(demo_db_path, item.id, notes="Заметки коллеги")

    seen = when_shown(qtbot, lambda dlg: dlg.reject())
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert seen and dialog.result() != dialog.DialogCode.Accepted  # back to the form, nothing saved
    assert demo_ctx.read(service.get_exchange, item.id).notes == "Заметки коллеги"

    def all_mine(dlg: ConflictDialog) -> None:
        dlg.all_mine.click()
        assert dlg.choice("notes") == MINE
        dlg.save_button.click()

    seen = when_shown(qtbot, all_mine)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert seen and dialog.result() == dialog.DialogCode.Accepted
    assert demo_ctx.read(service.get_exchange, item.id).notes == "Мои заметки"


def test_the_minutes_autosave_never_drops_typed_text_on_a_conflict(qtbot, demo_window, demo_db_path):
    from PySide6.QtCore import Qt

    from app.core.enums import SegmentStatus
    from app.core.services.minutes import edit as me

    view = demo_window.view_named("MinutesView")
    demo_window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.isVisible() and view.session_combo.count() == 2)
    second = view.session_combo.findText("Session 2", Qt.MatchFlag.MatchStartsWith)
    view.session_combo.setCurrentIndex(second)
    view.session_combo.activated.emit(second)
    qtbot.waitUntil(lambda: len(view.editor.rows) == len(view.doc.segments) > 0)
    seg = next(s for s in view.doc.segments if s.status is SegmentStatus.DRAFT)
    row = view.editor.rows[seg.uuid]

    in_other_window(demo_db_path, lambda s: me.save_texts(s, seg.id, "另一位同事的文字。", None))  # meanwhile

    def choose(dlg: ConflictDialog) -> None:
        assert dlg.buttons.button(QDialogButtonBox.StandardButton.Cancel) is None  # a choice is needed
        dlg.reject()  # Escape does not drop the typed text either
        assert dlg.isVisible()
        assert dlg.fields == ["text_zh"]
        assert dlg.field_labels["text_zh"].text() == "Chinese text"
        assert dlg.texts["text_zh_mine"].text() == seg.text_zh + "补充一句。"
        assert dlg.texts["text_zh_theirs"].text() == "另一位同事的文字。"
        assert dlg.choice("text_zh") == MINE
        dlg.save_button.click()

    seen = when_shown(qtbot, choose)
    cell = row.cell("zh")
    cell.setFocus()
    cursor = cell.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    cell.setTextCursor(cursor)
    type_text(cell, "补充一句。")
    qtbot.waitUntil(lambda: bool(seen), timeout=4000)
    qtbot.waitUntil(lambda: not view.doc.autosaver.pending, timeout=4000)
    with view.ctx.db.unit() as s:
        from app.core.services.minutes import records as ms

        stored = ms.get_segment(s, seg.id)
    assert stored.text_zh == seg.text_zh + "补充一句。"
    assert row.cell("zh").text() == stored.text_zh


def test_every_record_dialog_shows_a_conflict_the_same_way(qtbot, demo_ctx, demo_db_path):
    """The record-dialog base (here the person's form): the chosen values go into the form and are
    saved against the version now stored."""
    from app.core.services import people
    from app.ui.dialogs.person_dialog import PersonDialog

    person = demo_ctx.read(people.search_people, "")[0]
    dialog = PersonDialog(demo_ctx, person)
    qtbot.addWidget(dialog)
    dialog.widgets["position_ru"].setText("Заместитель председателя")
    in_other_window(demo_db_path, lambda s: people.update_person(
        s, replace(person, notes="Телефон: 2-15-40", position_ru="Советник", version=None)))  # fmt: skip

    def choose(dlg: ConflictDialog) -> None:
        assert set(dlg.fields) == {"notes", "position_ru"}
        assert dlg.field_labels["position_ru"].text() == "Position in Russian"
        assert dlg.texts["position_ru_theirs"].text() == "Советник"
        assert dlg.choice("position_ru") == MINE and dlg.choice("notes") == THEIRS
        dlg.save_button.click()

    seen = when_shown(qtbot, choose)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert seen and dialog.result() == dialog.DialogCode.Accepted
    assert dialog.widgets["notes"].toPlainText() == "Телефон: 2-15-40"  # the chosen value, in the form
    stored = demo_ctx.read(people.get_person, person.id)
    assert (stored.position_ru, stored.notes) == ("Заместитель председателя", "Телефон: 2-15-40")


def test_a_stale_expense_save_shows_both_versions_and_keeps_the_amount_typed(qtbot, demo_ctx, demo_db_path):
    from decimal import Decimal

    from app.core.services.expenses import records as expenses
    from app.ui.dialogs.expense_dialog import ExpenseDialog

    e = next(x for x in demo_ctx.read(expenses.search_expenses, expenses.ExpenseFilter())
             if not x.is_correction and x.receipts == 0)  # fmt: skip
    dialog = ExpenseDialog(demo_ctx, e.meeting_id, expense=e)
    qtbot.addWidget(dialog)
    dialog.description_ru.clear()
    type_text(dialog.description_ru, "Новое описание")
    fields = ("meeting_id", "kind", "category", "delegation_side_id", "currency", "spent_on",
              "description_zh", "correction_reason")  # fmt: skip
    data = expenses.ExpenseInput(**{f: getattr(e, f) for f in fields}, amount=e.amount + 10,
                                 description_ru=e.description_ru, id=e.id, version=e.version)  # fmt: skip
    in_other_window(demo_db_path, lambda s: expenses.update_expense(s, data, confirmed=True))

    def choose(dlg: ConflictDialog) -> None:
        assert set(dlg.fields) >= {"description_ru", "amount"}
        assert dlg.choice("description_ru") == MINE and dlg.choice("amount") == THEIRS
        dlg.save_button.click()

    seen = when_shown(qtbot, choose)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert seen and dialog.result() == dialog.DialogCode.Accepted, dialog.errors.shown()
    stored = demo_ctx.read(expenses.get_expense, e.id)
    assert stored.description_ru == "Новое описание" and stored.amount == e.amount + Decimal(10)
