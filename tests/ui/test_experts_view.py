"""The Experts tab through the GUI: create an assignment through the dialog, advance its status, see
the quota change, see the timeline and the alerts, switch the language, export."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt

from app.core.models.experts import AssignmentStatus as S
from app.core.services.commission import get_sides
from app.core.services.experts import assignments as experts
from app.core.services.experts.query import AssignmentFilter, count_assignments, search_assignments
from app.ui.dialogs.assignment_dialog import AssignmentDialog
from app.ui.dialogs.people_picker import PeoplePickerDialog
from app.ui.dialogs.step_dialog import StepDialog
from app.ui.views import experts as experts_view
from app.ui.widgets import messages
from tests.ui.typing import type_text

EXPERTS_TAB = 2


def experts_tab(window):
    window.tabs.setCurrentIndex(EXPERTS_TAB)
    view = window.views[EXPERTS_TAB]
    assert type(view).__name__ == "ExpertsView"
    return view


def wait_for_alerts(qtbot, view) -> None:
    """The alerts come after the first rows are on screen (issue 18)."""
    qtbot.waitUntil(lambda: not view._alerts_pending)


def column(model, key: str) -> int:
    return next(i for i, c in enumerate(model.columns) if c.key == key)


def cell(model, row: int, key: str) -> str:
    return model.index(row, column(model, key)).data()


def quota_row(view, purpose_label: str) -> int:
    m = view.quota_model
    return next(r for r in range(m.rowCount()) if purpose_label in cell(m, r, "purposes"))


def pick_people(monkeypatch, *names_ru: str):
    """Make the people picker tick the people named (searching for each, as a user would)."""

    def fake_exec(picker: PeoplePickerDialog):
        for name in names_ru:
            picker.reload(name)
            assert picker.model.items, name
            picker.model.toggle(0)
        picker.buttons.button(picker.buttons.StandardButton.Ok).click()
        return picker.result()

    monkeypatch.setattr(PeoplePickerDialog, "exec", fake_exec)


def set_combo(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))
    assert combo.currentData() == data


def test_creating_an_assignment_through_the_dialog_uses_up_the_quota(qtbot, demo_window, monkeypatch):
    view = experts_tab(demo_window)
    view.pages.setCurrentIndex(experts_view.PAGE_QUOTAS)
    aides = quota_row(view, "Aide")
    assert cell(view.quota_model, aides, "left") == "1"
    before = view.model.rowCount()
    pick_people(monkeypatch, "Лебедева")
    seen = {}

    def fill_and_save(dialog: AssignmentDialog):
        su = next(s.id for s in dialog._sides if s.code == "SU")
        set_combo(dialog.w["sending_side_id"], su)
        set_combo(dialog.w["purpose"], "aide")
        dialog.add_people.click()
        assert dialog.people_model.rowCount() == 1
        type_text(dialog.w["host_organisation_zh"], "国营第二九六厂")
        type_text(dialog.w["host_organisation_ru"], "Государственный завод № 296")
        type_text(dialog.w["place_ru"], "Чунцин")
        dialog.w["planned_start"].set_value(dt.date.today() + dt.timedelta(days=20))
        dialog.w["term_limit_days"].setValue(365)
        seen["quota"] = dialog.w["quota_id"].currentText()
        seen["usage"] = dialog.quota_usage.text()
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        return dialog.result()

    monkeypatch.setattr(AssignmentDialog, "exec", fill_and_save)
    view.pages.setCurrentIndex(experts_view.PAGE_ASSIGNMENTS)
    view.new_button.click()
    assert "Aide" in seen["quota"] and "1 left" in seen["usage"]  # the matching quota was chosen
    assert view.model.rowCount() == before + 1
    current = view.current()
    assert current is not None and current.names("ru") == "А. Ф. Лебедева"
    assert cell(view.model, view.table.currentIndex().row(), "status") == "Proposed"
    view.pages.setCurrentIndex(experts_view.PAGE_QUOTAS)
    assert cell(view.quota_model, quota_row(view, "Aide"), "left") == "0"


def test_overdrawing_a_quota_asks_for_a_reason_and_records_it(qtbot, demo_window, monkeypatch):
    view = experts_tab(demo_window)
    pick_people(monkeypatch, "Лебедева", "Соколова")
    asked = []

    def reason(parent, warnings):
        asked.extend(w.message for w in warnings)
        return "Решение председателей комиссии"

    monkeypatch.setattr("app.ui.dialogs.assignment_dialog.ask_override_reason", reason)

    def fill_and_save(dialog: AssignmentDialog):
        set_combo(dialog.w["sending_side_id"], next(s.id for s in dialog._sides if s.code == "SU"))
        set_combo(dialog.w["purpose"], "aide")
        dialog.add_people.click()
        type_text(dialog.w["host_organisation_ru"], "Государственный завод № 296")
        dialog.w["planned_start"].set_value(dt.date.today() + dt.timedelta(days=20))
        assert "overdraw" in dialog.quota_usage.text()
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        return dialog.result()

    monkeypatch.setattr(AssignmentDialog, "exec", fill_and_save)
    view.new_button.click()
    assert asked and "overdraw the quota by 1" in asked[0]
    a = view.ctx.read(experts.get_assignment, view.current().id)
    assert a.overrides[0].reason == "Решение председателей комиссии"


def test_bad_input_is_shown_next_to_the_field_and_nothing_is_saved(qtbot, demo_ctx):
    total = demo_ctx.read(count_assignments, AssignmentFilter())
    dialog = AssignmentDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.isVisible()
    assert "at least one person" in dialog.errors.message("people")
    start = dt.date.today()
    smirnov = demo_ctx.read(search_assignments, AssignmentFilter(text="Смирнов"))[0].people
    set_combo(dialog.w["sending_side_id"], smirnov[0].side_id)
    dialog.people_model.set_people(smirnov)
    type_text(dialog.w["host_organisation_zh"], "国营第一一二厂")
    dialog.w["planned_start"].set_value(start)
    dialog.w["planned_end"].set_value(start - dt.timedelta(days=3))
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert "is before the planned start" in dialog.errors.message("planned_end")
    assert dialog.findChild(type(dialog.labels["planned_end"]), "error_planned_end").isVisible()
    dialog.w["planned_end"].clear_value()
    set_combo(dialog.w["sending_side_id"], next(s.id for s in dialog._sides if s.id != smirnov[0].side_id))
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert "not to the sending side" in dialog.errors.message("people")
    set_combo(dialog.w["sending_side_id"], smirnov[0].side_id)
    dialog.w["term_limit_days"].setValue(0)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert "greater than zero" in dialog.errors.message("term_limit_days")
    assert demo_ctx.read(count_assignments, AssignmentFilter()) == total


def test_advancing_the_status_from_the_table(qtbot, demo_window, monkeypatch):
    view = experts_tab(demo_window)
    type_text(view.filters.search, "Медведев")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=3000)
    view.table.selectRow(0)
    assert cell(view.model, 0, "status") == "Proposed"

    def record(dialog: StepDialog):
        assert dialog.target() == S.INVITED
        set_combo(
            dialog.sending_person,
            next(p.id for p in dialog._people["sending"] if p.name_ru == "М. И. Соколова"),
        )
        type_text(dialog.receiving_text, "外事处")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(StepDialog, "exec", record)
    view.step_button.click()
    assert cell(view.model, 0, "status") == "Invited"
    a = view.ctx.read(experts.get_assignment, view.model.row_at(0).id)
    assert a.steps[-1].handler("sending", "ru") == "М. И. Соколова" and a.steps[-1].receiving_text == "外事处"


def test_skipping_a_step_in_the_dialog_needs_a_reason(qtbot, demo_ctx, monkeypatch):
    row = demo_ctx.read(search_assignments, AssignmentFilter(text="Медведев"))[0]
    a = demo_ctx.read(experts.get_assignment, row.id)
    dialog = AssignmentDialog(demo_ctx, a)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(2)
    errors = []

    def record(step: StepDialog):
        assert step.target() == S.ACCEPTED
        assert "“Invited”" in step.skip_note.text()
        step.buttons.button(step.buttons.StandardButton.Ok).click()
        errors.append(step.errors.message("reason"))
        assert step.isVisible() or not step.isModal()
        type_text(step.reason, "Согласие получено на заседании")
        step.buttons.button(step.buttons.StandardButton.Ok).click()
        return step.result()

    monkeypatch.setattr(StepDialog, "exec", record)
    dialog.step_buttons[S.ACCEPTED].click()
    assert "give the reason" in errors[0]
    assert dialog.status_label.text() == "Status: Accepted"
    assert dialog.steps_model.rowCount() == 2
    assert "Skipped: Invited." in dialog.steps_model.index(1, 4).data()
    assert not dialog.step_buttons[S.INVITED].isEnabled() and dialog.step_buttons[S.ON_SITE].isEnabled()
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    dialog.undo_button.click()
    assert dialog.status_label.text() == "Status: Proposed"


def test_the_timeline_shows_people_and_their_bars(qtbot, demo_window, monkeypatch):
    view = experts_tab(demo_window)
    view.pages.setCurrentIndex(experts_view.PAGE_TIMELINE)
    tl = view.timeline.view
    tl.resize(1000, 600)
    qtbot.waitUntil(lambda: len(tl.people) > 40, timeout=3000)
    image = tl.viewport().grab()
    assert not image.isNull()
    assert tl.loads >= 1
    row = next(i for i, p in enumerate(tl.people) if p.name_ru == "И. П. Смирнов")
    tl.verticalScrollBar().setValue(row * tl.ROW_H)
    bar = tl.bars_of(tl.people[row].id)[0]
    assert bar.status == S.ON_SITE
    tl.scroll_to_date(bar.start + dt.timedelta(days=20))
    rect = tl.bar_rect(row, 0, 1, bar)
    pos = QPoint(int(rect.center().x()), int(rect.center().y()))
    assert tl.bar_at(pos) == bar
    assert "Государственный завод № 296" in tl.tooltip_text(bar) or "296" in tl.tooltip_text(bar)
    opened = []
    monkeypatch.setattr(experts_view.ExpertsView, "open_assignment", lambda self, aid: opened.append(aid))
    tl.assignmentActivated.disconnect()
    tl.assignmentActivated.connect(lambda aid: view.open_assignment(aid))
    qtbot.mouseDClick(tl.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert opened == [bar.assignment_id]
    # the filters apply: only the Chinese side's people
    cn = next(s.id for s in view.ctx.read(get_sides) if s.code == "CN")
    set_combo(view.filters.direction, cn)
    assert tl.people and all(p.side_id == cn for p in tl.people)


def test_alerts_panel_lists_what_needs_attention(qtbot, demo_window, monkeypatch):
    view = experts_tab(demo_window)
    wait_for_alerts(qtbot, view)
    texts = view.alerts.messages()
    assert any("the term ended on" in t for t in texts)
    assert any("no answer for" in t for t in texts)
    assert any("sent twice at once" in t for t in texts)
    opened = []
    monkeypatch.setattr(AssignmentDialog, "exec", lambda d: opened.append(d.assignment.id) or 0)
    view.alerts.list.doubleClicked.emit(view.alerts.model.index(0))
    assert opened == [view.alerts.model.alerts[0].assignment_id]


def test_switching_the_language_translates_the_tab(qtbot, demo_window):
    view = experts_tab(demo_window)
    view.pages.setCurrentIndex(experts_view.PAGE_TIMELINE)
    demo_window.set_language("ru")
    assert demo_window.tabs.tabText(EXPERTS_TAB) == "Специалисты"
    assert view.pages.tabText(0) == "Направления"
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == "Состояние"
    statuses = {cell(view.model, r, "status") for r in range(view.model.rowCount())}
    assert "На месте" in statuses and "On site" not in statuses
    assert "Сегодня" in view.timeline.legend.text()
    wait_for_alerts(qtbot, view)
    assert any("срок истёк" in t for t in view.alerts.messages())
    assert view.timeline.view.people[0].name("ru") in view.timeline.view._name(view.timeline.view.people[0])
    demo_window.set_language("zh_CN")
    assert demo_window.tabs.tabText(EXPERTS_TAB) == "专家"
    assert view.pages.tabText(2) == "时间轴"
    assert "在岗" in {cell(view.model, r, "status") for r in range(view.model.rowCount())}
    assert view.new_button.text() == "新建派遣(&N)…"


def test_search_and_filters(qtbot, demo_window):
    view = experts_tab(demo_window)
    total = view.model.rowCount()
    type_text(view.filters.search, "斯米尔诺夫")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=3000)
    view.filters.search.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == total, timeout=3000)
    type_text(view.filters.search, "завод № 296")
    qtbot.waitUntil(lambda: 0 < view.model.rowCount() < total, timeout=3000)
    view.filters.search.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == total, timeout=3000)
    set_combo(view.filters.status, "on_site")
    on_site = view.model.rowCount()
    assert 0 < on_site < total
    assert {cell(view.model, r, "status") for r in range(on_site)} == {"On site"}
    set_combo(view.filters.status, None)
    view.filters.period.setChecked(True)
    view.filters.period_from.set_value(dt.date.today() + dt.timedelta(days=100))
    view.filters.period_to.set_value(dt.date.today() + dt.timedelta(days=110))
    assert 0 < view.model.rowCount() < total


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_of_the_current_view_with_headers_in_the_interface_language(
    qtbot, demo_window, monkeypatch, tmp_path, suffix
):
    view = experts_tab(demo_window)
    demo_window.set_language("ru")
    set_combo(view.filters.status, "on_site")
    target = tmp_path / f"специалисты{suffix}"
    monkeypatch.setattr(
        "app.ui.widgets.table_export.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "")
    )
    view.export_button.click()
    assert target.exists()
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        ws = load_workbook(target).active
        rows = list(ws.iter_rows(values_only=True))
    else:
        import csv

        rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][0] == "Состояние" and "Принимающая организация" in rows[0]
    assert len(rows) == 1 + view.model.rowCount()
    assert {r[0] for r in rows[1:]} == {"На месте"}
    if suffix == ".xlsx":
        assert isinstance(rows[1][7], dt.datetime | dt.date)  # dates stay dates


def test_history_from_the_people_tab(qtbot, demo_window, monkeypatch):
    from app.ui.dialogs.person_history_dialog import PersonHistoryDialog

    people = demo_window.views[5]
    demo_window.tabs.setCurrentIndex(5)
    row = next(r for r in range(people.model.rowCount()) if people.model.index(r, 1).data() == "И. В. Белов")
    people.table.selectRow(row)
    seen = {}

    def look(dialog: PersonHistoryDialog):
        m = dialog.model
        seen["kinds"] = [m.index(r, 0).data() for r in range(m.rowCount())]
        seen["what"] = [m.index(r, 3).data() for r in range(m.rowCount())]
        seen["summary"] = dialog.summary.text()
        return 0

    monkeypatch.setattr(PersonHistoryDialog, "exec", look)
    people.history_button.click()
    assert {"Delegation", "Assignment", "Presentation"} <= set(seen["kinds"])
    assert "1 delegation" in seen["summary"] and "2 assignments" in seen["summary"]


def test_printing_the_list_of_experts_on_site(qtbot, demo_ctx):
    from app.ui.dialogs.experts_pdf_dialog import ExpertsPdfDialog
    from app.ui.dialogs.pdf_preview import PdfPreviewDialog

    today = dt.date.today()
    dialog = ExpertsPdfDialog(demo_ctx, today, today - dt.timedelta(days=1))
    qtbot.addWidget(dialog)
    dialog.date_to.set_value(today - dt.timedelta(days=5))
    assert dialog.build() is None and "ends before" in dialog.errors.message("date_to")
    dialog.date_to.set_value(today + dt.timedelta(days=30))
    dialog.language.setCurrentIndex(dialog.language.findData("ru"))
    data = dialog.build()
    assert data and data.startswith(b"%PDF")
    preview = PdfPreviewDialog(data, dialog.file_name())
    qtbot.addWidget(preview)
    assert preview.page_count() >= 2


def test_a_quota_through_its_dialog(qtbot, demo_window, monkeypatch):
    from app.ui.dialogs.quota_dialog import QuotaDialog

    view = experts_tab(demo_window)
    view.pages.setCurrentIndex(experts_view.PAGE_QUOTAS)
    before = view.quota_model.rowCount()
    shown = []

    def fill(dialog: QuotaDialog):
        set_combo(dialog.w["sending_side_id"], next(s.id for s in dialog._sides if s.code == "CN"))
        dialog.purpose_boxes[next(iter(dialog.purpose_boxes))].setChecked(False)
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        shown.append(dialog.errors.message("purposes"))
        for p, box in dialog.purpose_boxes.items():
            box.setChecked(p.value == "conference")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        shown.append(dialog.errors.message("number"))
        dialog.w["number"].setValue(12)
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        return dialog.result()

    monkeypatch.setattr(QuotaDialog, "exec", fill)
    demo_window.act_new.trigger()  # the Edit menu's New acts on the page shown
    assert "at least one purpose" in shown[0] and "greater than zero" in shown[1]
    assert view.quota_model.rowCount() == before + 1
    row = quota_row(view, "Conference")
    assert cell(view.quota_model, row, "number") == "12" and cell(view.quota_model, row, "left") == "12"


def test_alert_settings_change_what_needs_attention(qtbot, demo_window, monkeypatch):
    from app.ui.dialogs.alert_settings_dialog import AlertSettingsDialog

    view = experts_tab(demo_window)
    wait_for_alerts(qtbot, view)
    ending = sum(1 for a in view.alerts.model.alerts if a.kind.value == "ending")
    errors = []

    def fill(dialog: AlertSettingsDialog):
        dialog.horizon.setValue(0)
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        errors.append(dialog.errors.message("horizon"))
        dialog.horizon.setValue(10)
        dialog.reply.setValue(60)
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        return dialog.result()

    monkeypatch.setattr(AlertSettingsDialog, "exec", fill)
    view.alerts.settings_button.click()
    assert "from 1 to 730" in errors[0]
    wait_for_alerts(qtbot, view)
    kinds = [a.kind.value for a in view.alerts.model.alerts]
    assert 0 < kinds.count("ending") < ending
    assert "unanswered" not in kinds
