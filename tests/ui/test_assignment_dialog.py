"""The assignment dialog on the record-dialog base: its tabs come from the declared field groups, an
error brings its field's tab forward, and a stale save shows both versions (the people by name)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QDialogButtonBox

from app.core.services.experts import assignments as experts
from app.core.services.experts.query import AssignmentFilter, search_assignments
from app.ui.dialogs.assignment_dialog import GROUPS, TAB_MAIN, TAB_TERMS, AssignmentDialog
from app.ui.dialogs.conflict_dialog import MINE, THEIRS, ConflictDialog
from tests.ui.test_conflicts import in_other_window, when_shown
from tests.ui.typing import type_text


def assignment_of(ctx, name: str):
    row = ctx.read(search_assignments, AssignmentFilter(text=name))[0]
    return ctx.read(experts.get_assignment, row.id)


def test_the_tabs_are_the_declared_groups_and_an_error_brings_its_tab_forward(qtbot, demo_ctx):
    dialog = AssignmentDialog(demo_ctx, assignment_of(demo_ctx, "Медведев"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Assignment", "Terms and notes", "Procedure", "Attachments"]  # fmt: skip
    assert dialog.labels["terms_ru"].text().replace("&", "") == "Terms of engagement in Russian"
    assert dialog.tabs.widget(TAB_TERMS).isAncestorOf(dialog.widgets["notes"])
    assert [f.name for f in dialog.fields] == [n for g in GROUPS for c in g.columns for n in c]
    dialog.tabs.setCurrentIndex(TAB_TERMS)
    dialog.widgets["host_organisation_zh"].clear()
    dialog.widgets["host_organisation_ru"].clear()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible() and dialog.tabs.currentIndex() == TAB_MAIN
    assert "host organisation" in dialog.errors.message("host_organisation_zh")


def test_a_stale_save_shows_both_versions_and_saves_the_choice(qtbot, demo_ctx, demo_db_path):
    a = assignment_of(demo_ctx, "Медведев")
    dialog = AssignmentDialog(demo_ctx, a)
    qtbot.addWidget(dialog)
    dialog.widgets["place_ru"].clear()
    type_text(dialog.widgets["place_ru"], "Ухань")
    in_other_window(demo_db_path, lambda s: experts.save_assignment(
        s, replace(experts.get_assignment(s, a.id), notes="Заметки коллеги")))  # fmt: skip

    def choose(dlg: ConflictDialog) -> None:
        assert set(dlg.fields) == {"place_ru", "notes"}
        assert dlg.field_labels["place_ru"].text() == "Place in Russian"
        assert dlg.texts["notes_theirs"].text() == "Заметки коллеги"
        assert dlg.choice("place_ru") == MINE and dlg.choice("notes") == THEIRS
        dlg.save_button.click()

    seen = when_shown(qtbot, choose)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert seen and dialog.result() == dialog.DialogCode.Accepted
    assert dialog.widgets["notes"].toPlainText() == "Заметки коллеги"  # the chosen value, in the form
    stored = demo_ctx.read(experts.get_assignment, a.id)
    assert (stored.place_ru, stored.notes) == ("Ухань", "Заметки коллеги")
    assert stored.version == a.version + 2


def test_the_people_of_a_conflict_are_named(qtbot, demo_ctx):
    a = assignment_of(demo_ctx, "Медведев")
    dialog = AssignmentDialog(demo_ctx, a)
    qtbot.addWidget(dialog)
    names = dialog.describe("person_ids", tuple(p.id for p in a.people))
    assert names == "; ".join(p.name("en") for p in a.people)
    assert dialog._field_label("person_ids") == "People sent"


def test_a_step_saves_the_form_first_and_a_later_save_goes_against_the_new_version(
    qtbot, demo_ctx, monkeypatch
):
    from app.core.models.experts import AssignmentStatus as S
    from app.ui.dialogs.step_dialog import StepDialog

    a = assignment_of(demo_ctx, "Медведев")
    dialog = AssignmentDialog(demo_ctx, a)
    qtbot.addWidget(dialog)
    type_text(dialog.widgets["notes"], "Ждём ответа.")
    asked = []
    monkeypatch.setattr(StepDialog, "exec", lambda step: asked.append(step.target()) or 0)
    dialog.step_buttons[S.INVITED].click()
    assert asked == [S.INVITED]
    stored = demo_ctx.read(experts.get_assignment, a.id)
    assert stored.notes.endswith("Ждём ответа.") and stored.version == a.version + 1
    assert dialog.assignment.version == stored.version and not dialog._dirty
    dialog.widgets["place_ru"].setText("Ухань")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.result() == dialog.DialogCode.Accepted  # no conflict with its own save
    assert demo_ctx.read(experts.get_assignment, a.id).place_ru == "Ухань"


def test_the_persons_history_opens_from_the_people_list(qtbot, demo_ctx, monkeypatch):
    from app.ui.dialogs.person_history_dialog import PersonHistoryDialog

    a = assignment_of(demo_ctx, "Медведев")
    dialog = AssignmentDialog(demo_ctx, a)
    qtbot.addWidget(dialog)
    assert not dialog.person_history.isEnabled()
    dialog.people_list.setCurrentIndex(dialog.people_model.index(0))
    assert dialog.person_history.isEnabled()
    opened = []
    monkeypatch.setattr(PersonHistoryDialog, "exec", lambda d: opened.append(d.person_id) or 0)
    dialog.person_history.click()
    assert opened == [a.people[0].id]
