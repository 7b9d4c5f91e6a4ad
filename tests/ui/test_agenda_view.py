"""The Agenda tab through the GUI: sessions, delegations, agenda items, reordering, materials, the
programme, deadlines, the memorandum preview and the language switch."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QToolButton

from app.core.enums import DelegationRole, EventKind, MeetingStatus
from app.core.services.agenda import items as agenda
from app.core.services.agenda import schedule
from app.core.services.agenda import sessions as meetings
from app.core.services.agenda.schedule import EventForm
from app.ui.dialogs.agenda_item_dialog import AgendaItemDialog
from app.ui.dialogs.member_dialog import MemberDialog
from app.ui.dialogs.session_dialog import SessionDialog
from app.ui.widgets import messages
from app.ui.widgets.agenda_table import MIME
from tests.ui.attach import answer_titles_dialog
from tests.ui.typing import type_text


def agenda_view(window):
    window.tabs.setCurrentIndex(0)
    view = window.views[0]
    assert type(view).__name__ == "AgendaView"
    return view


def cells(model, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def save(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def fill_session(dialog: SessionDialog) -> bool:
    type_text(dialog.widgets["city_zh"], "北京")
    type_text(dialog.widgets["city_ru"], "Пекин")
    type_text(dialog.widgets["venue_zh"], "人民大会堂")
    type_text(dialog.widgets["venue_ru"], "Дом народных собраний")
    save(dialog)
    return dialog.result()


def add_member(monkeypatch, view, code: str, name_latin: str, role: DelegationRole) -> None:
    def fill(dialog: MemberDialog):
        person = next(p for p in dialog._people if p.name_latin == name_latin)
        dialog.person.setCurrentIndex(dialog.person.findData(person.id))
        dialog.role.setCurrentIndex(dialog.role.findData(role.value))
        save(dialog)
        return dialog.result()

    monkeypatch.setattr(MemberDialog, "exec", fill)
    view.pages.setCurrentWidget(view.delegations)
    view.delegations.panel(code).add_button.click()


def add_item(monkeypatch, view, title_zh: str, title_ru: str, presenter_latin: str | None = None) -> None:
    def fill(dialog: AgendaItemDialog):
        type_text(dialog.widgets["title_zh"], title_zh)
        type_text(dialog.widgets["title_ru"], title_ru)
        if presenter_latin:
            member = next(m for m in dialog._members if m.name_latin == presenter_latin)
            combo = dialog.widgets["presenter_id"]
            combo.setCurrentIndex(combo.findData(member.person_id))
        save(dialog)
        return dialog.result()

    monkeypatch.setattr(AgendaItemDialog, "exec", fill)
    view.pages.setCurrentWidget(view.agenda)
    view.agenda.add_button.click()


def test_preparing_a_session_from_scratch(qtbot, demo_window, monkeypatch, tmp_path):
    view = agenda_view(demo_window)
    assert cells(view.sessions.model, 0) == ["2", "1"]  # newest first

    # a new session, through the dialog
    monkeypatch.setattr(SessionDialog, "exec", fill_session)
    view.sessions.new_button.click()
    assert cells(view.sessions.model, 0)[0] == "3"
    assert view.current_meeting().ordinal == 3
    assert view.heading.text() == "Session 3 — Beijing" or view.heading.text().startswith("Session 3")
    # the standing first item is there
    assert cells(view.agenda.model, 2) == ["Доклад о ходе выполнения решений предыдущего заседания"]

    # delegations: both heads and a secretary
    add_member(monkeypatch, view, "CN", "Wang Zhenguo", DelegationRole.HEAD)
    add_member(monkeypatch, view, "CN", "Liu Shuzhen", DelegationRole.SECRETARY)
    add_member(monkeypatch, view, "SU", "A. P. Gromov", DelegationRole.HEAD)
    cn = view.delegations.panel("CN")
    assert cells(cn.model, 0) == ["Wang Zhenguo", "Liu Shuzhen"] or cells(cn.model, 0) == [
        "Ван Чжэньго",
        "Лю Шучжэнь",
    ]
    assert cells(cn.model, 1) == ["Head of delegation", "Secretary"]
    assert not cn.warning.isVisible()

    # three items
    add_item(monkeypatch, view, "关于交换技术资料", "Об обмене технической документацией", "Liu Shuzhen")
    add_item(monkeypatch, view, "关于派遣专家", "О направлении специалистов")
    add_item(monkeypatch, view, "关于保证期", "О гарантийных сроках", "A. P. Gromov")
    table = view.agenda.table
    assert cells(view.agenda.model, 0) == ["1", "2", "3", "4"]
    assert view.agenda.current().title_ru == "О гарантийных сроках"

    # reorder with the keyboard: the last item moves up twice, the numbering follows
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert cells(view.agenda.model, 2)[1:] == [
        "О гарантийных сроках", "Об обмене технической документацией", "О направлении специалистов",
    ]  # fmt: skip
    assert cells(view.agenda.model, 0) == ["1", "2", "3", "4"]
    assert view.agenda.current().number == 2  # the moved item stays selected
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert cells(view.agenda.model, 2)[2] == "О гарантийных сроках"
    with demo_window.ctx.db.unit() as s:
        stored = [i.title_ru for i in agenda.list_items(s, view.current_meeting().id)]
    assert stored == cells(view.agenda.model, 2)

    # attach a file to the selected item
    f = tmp_path / "Перечень образцов.txt"
    f.write_text("образцы", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(f)], ""))
    answer_titles_dialog(qtbot, zh="标准样品清单")
    view.agenda.materials.add_button.click()
    assert view.agenda.materials.filenames() == ["Перечень образцов.txt"]
    row = view.agenda.table.currentIndex().row()
    assert view.agenda.model.index(row, 8).data() == "1"  # the materials column counts it
    copy = tmp_path / "copy.txt"
    view.agenda.materials.list.setCurrentIndex(view.agenda.materials.model.index(0))
    view.agenda.materials.save_selected(str(copy))
    assert copy.read_text(encoding="utf-8") == "образцы"

    # the memorandum can be issued now, and previewed
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    view.issue_button.click()
    assert view.current_meeting().status is MeetingStatus.MEMORANDUM_SENT
    assert view.deadlines.rows[next(iter(view.deadlines.rows))][2].text().startswith("Done on")
    view.preview_memorandum("ru")
    assert view.preview is not None and view.preview.page_count() >= 2
    view.preview.close()


def test_the_headers_follow_a_language_switch(qtbot, demo_window):
    view = agenda_view(demo_window)
    model = view.agenda.model
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Title in Chinese"
    assert view.pages.tabText(0) == "Agenda"
    status_en = view.sessions.model.index(0, 2).data()

    demo_window.language_actions["zh_CN"].trigger()
    assert model.headerData(1, Qt.Orientation.Horizontal) == "中文标题"
    assert model.headerData(7, Qt.Orientation.Horizontal) == "状态"
    assert view.sessions.model.headerData(3, Qt.Orientation.Horizontal) == "下一步"
    assert view.pages.tabText(1) == "代表团名单"
    assert view.deadlines.title() == "会前各阶段"
    assert view.sessions.model.index(0, 2).data() == "备忘录已送交" != status_en
    assert "年" in view.details.text()  # dates by Babel in Chinese
    assert view.schedule.model.headerData(0, Qt.Orientation.Horizontal) == "时间"

    demo_window.language_actions["ru"].trigger()
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Название по-китайски"
    assert view.pages.tabText(2) == "Программа заседания"
    assert view.heading.text().startswith("Заседание № 2")
    assert "дек" in view.details.text() or "г." in view.details.text()
    assert view.issue_button.text() == "Отправить меморандум…"

    demo_window.language_actions["en"].trigger()
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Title in Chinese"


def test_bad_session_input_is_shown_next_to_the_field(qtbot, demo_ctx):
    dialog = SessionDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.widgets["city_zh"], "北京")
    type_text(dialog.widgets["city_ru"], "Пекин")
    dialog.widgets["ordinal"].setValue(2)  # exists
    save(dialog)
    assert dialog.isVisible()
    assert "already a session number 2" in dialog.errors.message("ordinal")
    assert dialog.findChild(QLabel, "error_ordinal").isVisible()
    dialog.widgets["ordinal"].setValue(3)
    start = dialog.widgets["start_date"].date()
    dialog.widgets["end_date"].setDate(start.addDays(-1))
    save(dialog)
    assert dialog.isVisible() and "cannot end before it opens" in dialog.errors.message("end_date")
    assert dialog.errors.message("ordinal") == ""
    assert len(demo_ctx.read(meetings.list_meetings)) == 2


def test_bad_item_input_and_the_missing_counterpart(qtbot, demo_ctx):
    m = demo_ctx.read(meetings.meeting_by_ordinal, 2)
    dialog = AgendaItemDialog(demo_ctx, m)
    qtbot.addWidget(dialog)
    dialog.show()
    save(dialog)
    assert dialog.isVisible() and "Chinese or in Russian" in dialog.errors.message("title_zh")
    type_text(dialog.widgets["title_ru"], "О новом вопросе")
    assert dialog.counterpart.isVisible() and "Chinese title is missing" in dialog.counterpart.text()
    type_text(dialog.widgets["title_zh"], "关于新问题")
    assert not dialog.counterpart.isVisible()
    before = len(demo_ctx.read(agenda.list_items, m.id))
    save(dialog)
    assert not dialog.isVisible()
    assert len(demo_ctx.read(agenda.list_items, m.id)) == before + 1


def test_a_missing_title_is_flagged_in_the_table(qtbot, demo_window, demo_ctx):
    view = agenda_view(demo_window)
    m = view.current_meeting()
    item = demo_ctx.read(agenda.list_items, m.id)[2]
    demo_ctx.write(agenda.update_item, agenda.AgendaItemForm(
        m.id, item.title_zh, "", item.proposing_side_id, item.topic, item.presenter_id, item.day,
        item.start_time, item.duration_minutes, item.status, id=item.id,
    ))  # fmt: skip
    view.refresh()
    assert view.agenda.model.index(2, 2).data() == "— missing —"
    assert "lacks a title" in view.agenda.summary.text()


def test_drag_and_drop_reorders(qtbot, demo_window):
    view = agenda_view(demo_window)
    table = view.agenda.table
    before = cells(view.agenda.model, 2)
    moved = view.agenda.model.rows[4]
    mime = QMimeData()
    mime.setData(MIME, str(moved.id).encode())
    target = table.visualRect(view.agenda.model.index(1, 1)).topLeft() + QPoint(5, 2)  # upper half of row 2
    event = QDropEvent(QPointF(target), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)  # fmt: skip
    table.dropEvent(event)
    qtbot.waitUntil(lambda: cells(view.agenda.model, 2) != before, timeout=2000)
    after = cells(view.agenda.model, 2)
    assert after[1] == before[4]
    assert after[2:5] == before[1:4] and after[5:] == before[5:]
    assert cells(view.agenda.model, 0) == [str(n) for n in range(1, len(after) + 1)]


def test_the_programme_flags_overlaps(qtbot, demo_window, demo_ctx):
    view = agenda_view(demo_window)
    view.pages.setCurrentWidget(view.schedule)
    assert view.schedule.summary.text() == "No overlapping slots."
    m = view.current_meeting()
    demo_ctx.write(schedule.add_event,
                   EventForm(m.id, EventKind.SITE_VISIT, title_ru="Посещение НИИ", day=m.start_date,
                             start_time=dt.time(11, 0), duration_minutes=60))  # fmt: skip
    assert "overlap" in view.schedule.summary.text()
    rows = [r for r in view.schedule.model.rows if r.entry is not None and r.entry.overlaps]
    assert len(rows) == 2  # 11:00-12:00 overlaps 11:30-13:00 and only touches 10:00-11:00
    row = view.schedule.model.rows.index(rows[0])
    tip = view.schedule.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Overlaps with")
    # the day headings span the table
    first_day = next(i for i, r in enumerate(view.schedule.model.rows) if r.entry is None)
    assert view.schedule.table.columnSpan(first_day, 0) == 4


def test_recording_a_step_moves_the_status(qtbot, demo_window):
    view = agenda_view(demo_window)
    assert view.current_meeting().ordinal == 2
    state = view.deadlines.findChild(QLabel, "deadline_state_confirmation")
    assert state.text().startswith("Due in")
    view.deadlines.findChild(QToolButton, "deadline_toggle_confirmation").click()
    assert state.text().startswith("Done on")
    assert view.current_meeting().status is MeetingStatus.CONFIRMED
    assert cells(view.sessions.model, 2)[0] == "Confirmed"
    view.deadlines.findChild(QToolButton, "deadline_toggle_confirmation").click()
    assert view.current_meeting().status is MeetingStatus.MEMORANDUM_SENT


def test_a_session_with_decisions_cannot_be_deleted(qtbot, demo_window, monkeypatch):
    view = agenda_view(demo_window)
    errors: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    monkeypatch.setattr(messages, "error", lambda parent, text, title=None: errors.append(text))
    view.sessions.select_id(view.sessions.model.rows[1].meeting.id)
    view.sessions.delete_button.click()
    assert errors and "decisions" in errors[0]
    assert cells(view.sessions.model, 0) == ["2", "1"]


def test_issuing_is_refused_without_heads(qtbot, demo_window, monkeypatch):
    view = agenda_view(demo_window)
    errors: list[str] = []
    monkeypatch.setattr(SessionDialog, "exec", fill_session)
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    monkeypatch.setattr(messages, "error", lambda parent, text, title=None: errors.append(text))
    view.sessions.new_button.click()
    view.issue_button.click()
    assert errors and "no head" in errors[0]
    view.preview_memorandum("zh")
    assert len(errors) == 2 and view.preview is None
    assert view.delegations.panel("CN").warning.text() == "No head of delegation yet."


@pytest.mark.parametrize("lang", ["zh_CN", "ru"])
def test_screenshots(qtbot, demo_window, tmp_path, lang):
    """The tab renders in both languages (the PNGs are for a person to look at)."""
    view = agenda_view(demo_window)
    demo_window.language_actions[lang].trigger()
    demo_window.resize(1200, 780)
    for page in (view.agenda, view.delegations, view.schedule):
        view.pages.setCurrentWidget(page)
        qtbot.wait(10)
        assert not demo_window.grab().isNull()


def test_adding_an_event_to_the_programme(qtbot, demo_window, monkeypatch):
    from app.ui.dialogs.event_dialog import EventDialog

    view = agenda_view(demo_window)
    view.pages.setCurrentWidget(view.schedule)
    before = len(view.schedule.model.rows)

    def fill(dialog: EventDialog):
        dialog.widgets["kind"].setCurrentIndex(dialog.widgets["kind"].findData(EventKind.RECEPTION.value))
        type_text(dialog.widgets["title_ru"], "Ответный приём")
        type_text(dialog.widgets["title_zh"], "答谢招待会")
        dialog.widgets["day"].set_day(dialog.meeting.end_date - dt.timedelta(days=1))
        dialog.time_edit.setTime(dialog.time_edit.time().fromString("19:00", "HH:mm"))
        dialog.widgets["duration_minutes"].setValue(120)
        save(dialog)
        assert dialog.errors.shown() == []
        return dialog.result()

    monkeypatch.setattr(EventDialog, "exec", fill)
    view.schedule.add_button.click()
    assert len(view.schedule.model.rows) == before + 1
    titles = [view.schedule.model.index(r, 1).data() for r in range(len(view.schedule.model.rows))]
    assert "Ответный приём" in titles
    row = titles.index("Ответный приём")
    assert view.schedule.model.index(row, 0).data() == "19:00–21:00"
    assert view.schedule.model.index(row, 2).data() == "Reception"


def test_an_event_dialog_refuses_an_other_event_without_a_title(qtbot, demo_ctx):
    from app.ui.dialogs.event_dialog import EventDialog

    m = demo_ctx.read(meetings.meeting_by_ordinal, 2)
    dialog = EventDialog(demo_ctx, m)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.widgets["kind"].setCurrentIndex(dialog.widgets["kind"].findData(EventKind.OTHER.value))
    save(dialog)
    assert dialog.isVisible() and "Say what the event is" in dialog.errors.message("title_zh")


def test_editing_an_item_keeps_its_slot_and_presenter(qtbot, demo_ctx):
    m = demo_ctx.read(meetings.meeting_by_ordinal, 2)
    item = demo_ctx.read(agenda.list_items, m.id)[3]
    dialog = AgendaItemDialog(demo_ctx, m, item)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.widgets["day"].day() == item.day
    assert dialog.widgets["presenter_id"].currentData() == item.presenter_id
    assert dialog.widgets["day"].currentText() != "— not scheduled —"
    save(dialog)
    assert not dialog.isVisible()
    again = demo_ctx.read(agenda.get_item, item.id)
    assert (again.day, again.start_time, again.duration_minutes, again.presenter_id, again.topic, again.status) == (
        item.day, item.start_time, item.duration_minutes, item.presenter_id, item.topic, item.status,
    )  # fmt: skip


def test_a_new_session_offers_the_deferred_items(qtbot, demo_window, demo_ctx, monkeypatch):
    from app.ui.dialogs.carry_over_dialog import CarryOverDialog

    m2 = demo_ctx.read(meetings.meeting_by_ordinal, 2)
    item = demo_ctx.read(agenda.list_items, m2.id)[6]
    demo_ctx.write(agenda.update_item, agenda.AgendaItemForm(
        m2.id, item.title_zh, item.title_ru, item.proposing_side_id, item.topic, item.presenter_id, item.day,
        item.start_time, item.duration_minutes, "deferred", id=item.id,
    ))  # fmt: skip
    offered: list[str] = []

    def accept(dialog: CarryOverDialog):
        offered.extend(dialog.model.item(r).text() for r in range(dialog.model.rowCount()))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(SessionDialog, "exec", fill_session)
    monkeypatch.setattr(CarryOverDialog, "exec", accept)
    view = agenda_view(demo_window)
    view.sessions.new_button.click()
    assert offered == [item.title_ru]
    assert view.current_meeting().ordinal == 3
    assert cells(view.agenda.model, 2) == [
        "Доклад о ходе выполнения решений предыдущего заседания", item.title_ru,
    ]  # fmt: skip
    # the carried item came with its materials
    assert cells(view.agenda.model, 8)[1] == "1"


def test_the_edit_menu_adds_an_item_to_the_selected_session(qtbot, demo_window, monkeypatch):
    opened: list[str] = []

    def cancel(dialog: AgendaItemDialog):
        opened.append(dialog.windowTitle())
        return 0

    monkeypatch.setattr(AgendaItemDialog, "exec", cancel)
    view = agenda_view(demo_window)
    view.agenda.table.setFocus()
    assert demo_window.act_new.isEnabled()
    demo_window.act_new.trigger()
    assert opened == ["New agenda item — Session 2"]


def test_a_step_done_on_another_day_and_the_offsets(qtbot, demo_window, monkeypatch):
    from app.ui.dialogs.deadline_settings_dialog import DeadlineSettingsDialog
    from app.ui.dialogs.done_date_dialog import DoneDateDialog

    view = agenda_view(demo_window)
    today = view.today()
    seen: list[str] = []

    def in_the_future_then_yesterday(dialog: DoneDateDialog):
        dialog.date.setDate(dialog.date.date().addDays(1))
        save(dialog)
        seen.append(dialog.errors.message("done_on"))
        dialog.date.setDate(dialog.date.date().addDays(-2))
        type_text(dialog.notes, "No 17")
        save(dialog)
        return dialog.result()

    monkeypatch.setattr(DoneDateDialog, "exec", in_the_future_then_yesterday)
    view.deadlines.other_day_actions[
        next(k for k in view.deadlines.rows if k.value == "confirmation")
    ].trigger()
    assert seen == ["A step cannot be recorded as done in the future."]
    state = view.deadlines.findChild(QLabel, "deadline_state_confirmation")
    yesterday = today - dt.timedelta(days=1)
    from app.i18n import format_date

    assert state.text() == f"Done on {format_date(yesterday)}"

    def longer_notice(dialog: DeadlineSettingsDialog):
        dialog.spins["notice"].setValue(10)  # not before the confirmation: refused next to the field
        save(dialog)
        seen.append(dialog.errors.message("notice"))
        dialog.spins["notice"].setValue(45)
        save(dialog)
        return dialog.result()

    monkeypatch.setattr(DeadlineSettingsDialog, "exec", longer_notice)
    view.deadlines.settings_button.click()
    assert "before the confirmation" in seen[-1]
    due = view.deadlines.findChild(QLabel, "deadline_due_notice")
    assert due.text() == format_date(view.current_meeting().start_date - dt.timedelta(days=45))
    assert "45" in view.deadlines.note.text()


def test_an_unreadable_material_is_refused_with_a_message(qtbot, demo_window, monkeypatch, tmp_path):
    view = agenda_view(demo_window)
    view.agenda.table.selectRow(3)
    errors: list[str] = []
    monkeypatch.setattr(messages, "error", lambda parent, text, title=None: errors.append(text))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(tmp_path)], ""))
    before = view.agenda.materials.filenames()
    view.agenda.materials.add_button.click()
    assert errors and "is not a file that can be attached" in errors[0]
    assert view.agenda.materials.filenames() == before
