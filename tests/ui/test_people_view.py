"""The People tab through the GUI: add through the dialog, refuse bad input, search, delete."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.core.services import people as people_service
from app.ui.dialogs.person_dialog import PersonDialog
from app.ui.widgets import messages
from tests.ui.typing import type_text


def people_view(window):
    window.tabs.setCurrentIndex(5)
    return window.views[5]


def shown_names(view) -> list[str]:
    return [view.model.index(r, 0).data() for r in range(view.model.rowCount())]


def test_adding_a_person_through_the_dialog_shows_them_in_the_table(qtbot, demo_window, monkeypatch):
    view = people_view(demo_window)
    before = view.model.rowCount()

    def fill_and_save(dialog: PersonDialog):
        side = dialog.widgets["side_id"]
        side.setCurrentIndex(side.findData(next(s.id for s in dialog._sides if s.code == "SU")))
        type_text(dialog.widgets["name_zh"], "格·马·克雷洛夫")
        type_text(dialog.widgets["name_ru"], "Г. М. Крылов")
        type_text(dialog.widgets["position_ru"], "старший инженер")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        return dialog.result()

    monkeypatch.setattr(PersonDialog, "exec", fill_and_save)
    demo_window.act_new.trigger()
    assert view.model.rowCount() == before + 1
    assert "格·马·克雷洛夫" in shown_names(view)
    current = view.current()
    assert current is not None and current.name_ru == "Г. М. Крылов"


def test_a_bad_entry_shows_the_message_next_to_the_field_and_saves_nothing(qtbot, demo_ctx):
    dialog = PersonDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.widgets["name_latin"], "Nobody")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.isVisible()  # the dialog stays open
    assert "Chinese or in Russian" in dialog.errors.message("name_zh")
    assert dialog.findChild(type(dialog.labels["name_zh"]), "error_name_zh").isVisible()
    assert demo_ctx.read(people_service.count_people, "Nobody") == 0


def test_search_as_you_type(qtbot, demo_window):
    view = people_view(demo_window)
    total = view.model.rowCount()
    type_text(view.search, "орлов")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=2000)
    assert shown_names(view) == ["彼·米·奥尔洛夫"]
    view.search.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == total, timeout=2000)
    view.side_filter.setCurrentIndex(
        view.side_filter.findText("CN") if view.side_filter.findText("CN") >= 0 else 1
    )
    assert 0 < view.model.rowCount() < total


def test_deleting_a_referenced_person_is_refused_with_a_clear_message(qtbot, demo_window, monkeypatch):
    view = people_view(demo_window)
    errors: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    monkeypatch.setattr(messages, "error", lambda parent, text, title=None: errors.append(text))
    row = next(r for r in range(view.model.rowCount()) if view.model.index(r, 0).data() == "王振国")
    view.table.selectRow(row)
    total = view.model.rowCount()
    demo_window.act_delete.trigger()
    assert errors and "王振国" in errors[0] and "delegations" in errors[0]
    assert view.model.rowCount() == total


def test_deleting_an_unreferenced_person(qtbot, demo_window, monkeypatch):
    view = people_view(demo_window)
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    row = next(r for r in range(view.model.rowCount()) if view.model.index(r, 0).data() == "陈志刚")
    # 陈志刚 sits in the second session's delegation; add a free person and delete that one instead
    from app.core.services.people import PersonData

    cn = view.side_filter.itemData(1)
    demo_window.ctx.write(people_service.add_person, PersonData(side_id=cn, name_zh="临时人员"))
    row = next(r for r in range(view.model.rowCount()) if view.model.index(r, 0).data() == "临时人员")
    view.table.selectRow(row)
    total = view.model.rowCount()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert view.model.rowCount() == total - 1
    assert "临时人员" not in shown_names(view)
