"""The Exchanges tab through the GUI: add an item through the form, bad input refused next to the
field, filters and search, sorting, columns remembered, export and import, warranties, balance,
settings, and a language switch."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from app.core.services.exchanges import records as service
from app.core.services.exchanges import search
from app.core.services.exchanges.search import ExchangeFilter
from app.ui.dialogs.column_mapping_dialog import ColumnMappingDialog
from app.ui.dialogs.exchange_dialog import ExchangeDialog
from app.ui.dialogs.import_report_dialog import ImportReportDialog
from app.ui.widgets import messages
from tests.ui.typing import type_text


def exchanges_view(window):
    window.tabs.setCurrentIndex(1)
    view = window.views[1]
    assert type(view).__name__ == "ExchangesView"
    return view


def column(view, key: str) -> int:
    return next(i for i, c in enumerate(view.register.model.columns) if c.key == key)


def cells(view, key: str) -> list[str]:
    model = view.register.model
    c = column(view, key)
    return [model.index(r, c).data() for r in range(model.rowCount())]


def set_date(widget, d: dt.date) -> None:
    if not widget.check.isChecked():
        widget.check.click()
    widget.edit.setDate(QDate(d.year, d.month, d.day))


def pick(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def save(dialog) -> None:
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()


def total(ctx, **flt) -> int:
    return ctx.read(search.count_exchanges, ExchangeFilter(**flt))


# --- the form --------------------------------------------------------------------------------


def test_adding_an_item_through_the_form_shows_it_in_the_table(qtbot, demo_window, monkeypatch):
    view = exchanges_view(demo_window)
    before = view.register.model.rowCount()
    today = dt.date.today()

    def fill_and_save(dialog: ExchangeDialog):
        pick(dialog.widgets["kind"], "standard")
        sides = {s.code: s.id for s in dialog._sides}
        pick(dialog.widgets["from_side_id"], sides["SU"])
        pick(dialog.widgets["to_side_id"], sides["CN"])
        type_text(dialog.widgets["title_zh"], "螺纹量规 技术条件")
        type_text(dialog.widgets["title_ru"], "Калибры для метрической резьбы. Технические условия")
        type_text(dialog.widgets["reference"], "ГОСТ 2016-55")
        dialog.widgets["quantity"].clear()
        qtbot.keyClicks(dialog.widgets["quantity"], "4")
        set_date(dialog.widgets["requested_on"], today - dt.timedelta(days=20))
        set_date(dialog.widgets["promised_on"], today - dt.timedelta(days=10))
        assert dialog.status_label.text() == "Promised"
        set_date(dialog.widgets["sent_on"], today)
        assert dialog.status_label.text() == "Sent"
        assert not dialog.warranty_box.isEnabled()
        save(dialog)
        return dialog.result()

    monkeypatch.setattr(ExchangeDialog, "exec", fill_and_save)
    view.register.clear_filters()
    demo_window.act_new.trigger()
    assert view.register.model.rowCount() == before + 1
    item = view.register.current()
    assert (
        item is not None and item.reference == "ГОСТ 2016-55" and item.status == "sent" and item.quantity == 4
    )
    row = view.register.table.currentIndex().row()
    assert view.register.model.index(row, column(view, "title")).data() == (
        "Калибры для метрической резьбы. Технические условия"
    )
    assert view.register.model.index(row, column(view, "status")).data() == "Sent"
    assert f"{before + 1} register entries" in view.register.summary.text()


def test_bad_input_shows_the_message_under_the_field_and_saves_nothing(qtbot, demo_ctx):
    before = total(demo_ctx)
    dialog = ExchangeDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.widgets["title_ru"], "Справочник конструктора")

    dialog.widgets["quantity"].setText("-3")
    save(dialog)
    assert dialog.isVisible()
    assert dialog.errors.message("quantity") == "The quantity must be a whole number greater than zero."
    assert dialog.findChild(type(dialog.status_label), "error_quantity").isVisible()

    dialog.widgets["quantity"].setText("2")
    pick(dialog.widgets["to_side_id"], dialog.widgets["from_side_id"].currentData())
    save(dialog)
    assert dialog.errors.message("to_side_id") == "An item cannot go from a side to itself."
    assert dialog.errors.message("quantity") == ""  # the earlier message is gone

    dialog.widgets["to_side_id"].setCurrentIndex(1 - dialog.widgets["from_side_id"].currentIndex())
    set_date(dialog.widgets["requested_on"], dt.date.today() - dt.timedelta(days=5))
    set_date(dialog.widgets["promised_on"], dt.date.today() - dt.timedelta(days=9))
    save(dialog)
    assert "cannot be earlier than" in dialog.errors.message("promised_on")
    assert total(demo_ctx) == before


def test_the_warranty_opens_for_apparatus_and_shows_the_expiry(qtbot, demo_ctx):
    dialog = ExchangeDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.warranty_box.isEnabled()
    assert not dialog.widgets["published"].isEnabled() or dialog.widgets["published"].currentData() is True
    pick(dialog.widgets["kind"], "apparatus")
    assert dialog.warranty_box.isEnabled()
    assert dialog.widgets["published"].currentText() == "—" and not dialog.widgets["published"].isEnabled()
    set_date(dialog.widgets["warranty_start"], dt.date(2026, 1, 31))
    dialog.widgets["warranty_months"].setValue(1)
    assert dialog.expiry_label.text() == "28 Feb 2026"
    type_text(dialog.widgets["title_ru"], "Оптиметр")
    save(dialog)
    assert dialog.saved is not None and dialog.saved.warranty_expires == dt.date(2026, 2, 28)


def test_editing_an_item_keeps_its_attachments_and_changes_its_status(qtbot, demo_window, monkeypatch):
    view = exchanges_view(demo_window)
    reg = view.register
    pick(reg.status_filter, "promised")
    reg.table.selectRow(0)
    item = reg.current()

    def receive(dialog: ExchangeDialog):
        assert dialog.widgets["title_ru"].text() == item.title_ru
        set_date(dialog.widgets["sent_on"], dt.date.today())
        set_date(dialog.widgets["received_on"], dt.date.today())
        save(dialog)
        return dialog.result()

    monkeypatch.setattr(ExchangeDialog, "exec", receive)
    demo_window.act_edit.trigger()
    assert demo_window.ctx.read(service.get_exchange, item.id).status == "received"
    assert item.id not in [x.id for x in (reg.model.row_at(r) for r in range(reg.model.rowCount()))]


def test_deleting_an_item_from_the_edit_menu(qtbot, demo_window, monkeypatch):
    view = exchanges_view(demo_window)
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    view.register.table.selectRow(0)
    item = view.register.current()
    before = view.register.model.rowCount()
    demo_window.act_delete.trigger()
    assert view.register.model.rowCount() == before - 1
    assert item.id not in [x.id for x in (view.register.model.row_at(r) for r in range(before - 1))]


# --- filters, search, sorting, columns ----------------------------------------------------------


def test_filters_and_search_run_in_sql_and_the_summary_follows(qtbot, demo_window):
    view = exchanges_view(demo_window)
    reg = view.register
    ctx = demo_window.ctx
    everything = reg.model.rowCount()
    assert everything == total(ctx) > 200
    counts = ctx.read(search.status_counts, ExchangeFilter())
    assert reg.summary.text().startswith(f"{everything} register entries")  # the count at once,
    # the counts by status in the next turn of the event loop
    qtbot.waitUntil(lambda: f"Acknowledged {counts[service.ExchangeStatus.ACKNOWLEDGED]}" in reg.summary.text())

    type_text(reg.search, "гост 9150")
    qtbot.waitUntil(lambda: reg.model.rowCount() < everything, timeout=2000)
    assert all("ГОСТ 9150" in r for r in cells(view, "reference"))

    reg.search.clear()
    qtbot.waitUntil(lambda: reg.model.rowCount() == everything, timeout=2000)
    cn = next(s.id for s in ctx.read(__import__("app.core.services.commission", fromlist=["x"]).get_sides)
              if s.code == "CN")  # fmt: skip
    pick(reg.direction, cn)
    assert reg.model.rowCount() == total(ctx, from_side_id=cn)
    assert set(cells(view, "from_side_id")) == {"PRC"}
    pick(reg.kind, "sample")
    assert set(cells(view, "kind")) == {"Standard product or sample"}
    assert reg.model.rowCount() == total(ctx, from_side_id=cn, kind="sample")
    reg.clear_filters()
    pick(reg.status_filter, "declined")
    assert set(cells(view, "status")) == {"Declined"}
    reg.clear_filters()
    meeting2 = reg.session.itemData(2)
    pick(reg.session, meeting2)
    assert set(cells(view, "meeting_id")) == {"2"}
    reg.clear_filters()
    reg.overdue.click()
    late = ctx.read(search.count_overdue)
    assert reg.model.rowCount() == late > 0
    assert all(cells(view, "overdue"))
    assert reg.summary.text().startswith(f"{late} register entries")
    qtbot.waitUntil(lambda: f"overdue: {late}" in reg.summary.text())


def test_clicking_a_header_sorts_in_sql(qtbot, demo_window):
    view = exchanges_view(demo_window)
    reg = view.register
    header = reg.table.horizontalHeader()
    x = header.sectionViewportPosition(column(view, "quantity")) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    first = [int(v) for v in cells(view, "quantity")[:300]]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    second = [int(v) for v in cells(view, "quantity")[:300]]
    assert {reg.model.sort_key} == {"quantity"}
    assert (first == sorted(first) and second == sorted(second, reverse=True)) or (
        first == sorted(first, reverse=True) and second == sorted(second)
    )


def test_columns_can_be_shown_hidden_and_moved_and_are_remembered(qtbot, demo_ctx):
    from app.ui.views.exchanges import ExchangesView

    view = ExchangesView(demo_ctx)
    qtbot.addWidget(view)
    chooser = view.register.chooser
    assert "uuid" not in chooser.visible_keys() and "title" in chooser.visible_keys()
    chooser.set_visible("uuid", True)
    chooser.set_visible("kind", False)
    header = view.register.table.horizontalHeader()
    header.moveSection(header.visualIndex(column(view, "quantity")), 0)
    keys = chooser.visible_keys()
    assert keys[0] == "quantity" and "uuid" in keys and "kind" not in keys
    from PySide6.QtWidgets import QMenu

    menu = QMenu()
    chooser.populate(menu)
    texts = [a.text() for a in menu.actions() if a.isCheckable()]
    assert texts[0] == "Quantity" and "Record ID" in texts
    view.close_view()

    again = ExchangesView(demo_ctx)
    qtbot.addWidget(again)
    assert again.register.chooser.visible_keys() == keys
    again.register.chooser.reset()
    assert again.register.chooser.visible_keys()[0] == "reference"


# --- export and import ------------------------------------------------------------------------------


def test_export_writes_the_current_view(qtbot, demo_window, tmp_path, monkeypatch):
    view = exchanges_view(demo_window)
    reg = view.register
    pick(reg.kind, "apparatus")
    reg.chooser.set_visible("uuid", True)
    target = tmp_path / "apparatus.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    reg.export_button.click()
    rows = list(load_workbook(target).worksheets[0].iter_rows(values_only=True))
    assert list(rows[0]) == [service.FIELD_LABELS[k] for k in reg.chooser.visible_keys()]
    assert "Quantity" in rows[0]  # the full label, which an import recognises
    assert len(rows) - 1 == reg.model.rowCount() == total(demo_window.ctx, kind="apparatus")
    kind_col = reg.chooser.visible_keys().index("kind")
    assert {r[kind_col] for r in rows[1:]} == {"Measuring apparatus"}


def test_import_goes_through_the_mapping_and_refuses_bad_rows_with_a_report(
    qtbot, demo_window, tmp_path, monkeypatch
):
    view = exchanges_view(demo_window)
    reg = view.register
    ctx = demo_window.ctx
    before = total(ctx)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "Вид,Отправитель,Получатель,Наименование,Кол-во,Дата запроса\n"
        "Книга,СССР,КНР,Справочник,2,2026-01-05\n"
        "Книга,СССР,СССР,Справочник,0,2026-01-05\n",
        encoding="utf-8-sig",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    mapped: list[dict] = []

    def map_columns(dialog: ColumnMappingDialog):
        # "Наименование" and "Кол-во" are not the app's headers: the user picks them
        dialog.set_column("title_ru", 3)
        dialog.set_column("quantity", 4)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        mapped.append(dialog.mapping())
        return dialog.result()

    reports: list[list[tuple[str, str, str]]] = []

    def show_report(dialog: ImportReportDialog):
        m = dialog.model
        reports.append([tuple(m.index(r, c).data() for c in range(3)) for r in range(m.rowCount())])
        return 0

    monkeypatch.setattr(ColumnMappingDialog, "exec", map_columns)
    monkeypatch.setattr(ImportReportDialog, "exec", show_report)
    reg.import_button.click()
    assert mapped[0]["kind"] == 0 and mapped[0]["title_ru"] == 3
    assert reports == [[("3", "Получатель", "An item cannot go from a side to itself.")]]
    assert total(ctx) == before

    good = tmp_path / "good.csv"
    good.write_text(bad.read_text(encoding="utf-8-sig").rsplit("\n", 2)[0] + "\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
    shown: list[str] = []
    monkeypatch.setattr(messages, "info", lambda parent, text, title=None: shown.append(text))
    reg.import_button.click()
    assert total(ctx) == before + 1 and "1 item imported (1 new, 0 updated)" in shown[0]
    assert reg.model.rowCount() == before + 1


def test_a_file_in_the_wrong_encoding_is_refused_with_a_message(qtbot, demo_window, tmp_path, monkeypatch):
    view = exchanges_view(demo_window)
    legacy = tmp_path / "legacy.csv"
    legacy.write_bytes("Вид,Отправитель\nКнига,СССР\n".encode("cp1251"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(legacy), ""))
    errors: list[str] = []
    monkeypatch.setattr(messages, "error", lambda parent, text, title=None: errors.append(text))
    view.register.import_button.click()
    assert errors and "UTF-8" in errors[0]


# --- warranties, balance, settings ---------------------------------------------------------------


def test_the_warranties_page_shows_expiring_and_expired_within_the_horizon(qtbot, demo_window):
    view = exchanges_view(demo_window)
    view.pages.setCurrentIndex(1)
    page = view.warranties
    ctx = demo_window.ctx
    assert page.model.rowCount() == total(ctx, warranty="alert") > 0
    page.show_combo.setCurrentIndex(page.show_combo.findData("expired"))
    assert page.model.rowCount() == total(ctx, warranty="expired") > 0
    assert all("expired" in page.model.index(r, 1).data() for r in range(page.model.rowCount()))
    page.show_combo.setCurrentIndex(page.show_combo.findData("expiring"))
    page.horizon.setValue(3650)
    assert page.model.rowCount() == total(ctx, warranty="expiring", horizon_days=3650)
    assert (
        "expire within 3650 days" in page.summary.text() or "expires within 3650 days" in page.summary.text()
    )


def test_the_balance_page_per_session_and_overall(qtbot, demo_window):
    view = exchanges_view(demo_window)
    view.pages.setCurrentIndex(2)
    page = view.balance
    ctx = demo_window.ctx
    overall = ctx.read(search.balance)
    model = page.model
    last = model.rowCount() - 1
    assert model.headerData(last, Qt.Orientation.Vertical) == "Total"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "PRC\nsent"
    assert model.index(last, 0).data() == str(overall.total.sent[overall.sides[0].id].items)
    page.session.setCurrentIndex(page.session.findData(page.session.itemData(1)))
    first = ctx.read(search.balance, page.session.itemData(1))
    assert model.index(model.rowCount() - 1, 3).data() == str(first.total.sent[first.sides[1].id].items)


def test_settings_change_what_counts_as_overdue(qtbot, demo_window, monkeypatch):
    from app.ui.dialogs.exchange_settings_dialog import ExchangeSettingsDialog

    view = exchanges_view(demo_window)
    reg = view.register
    reg.overdue.click()
    before = reg.model.rowCount()

    def stricter(dialog: ExchangeSettingsDialog):
        dialog.spins["overdue_days"].setValue(5)
        dialog.spins["unacknowledged_days"].setValue(5)
        save(dialog)
        return dialog.result()

    monkeypatch.setattr(ExchangeSettingsDialog, "exec", stricter)
    reg.settings_button.click()
    assert reg.model.rowCount() > before


def test_a_new_marking_is_offered_in_the_form(qtbot, demo_ctx, monkeypatch):
    from app.ui.dialogs.exchange_settings_dialog import ExchangeSettingsDialog
    from app.ui.dialogs.marking_dialog import MarkingDialog

    settings = ExchangeSettingsDialog(demo_ctx)
    qtbot.addWidget(settings)

    def fill(dialog: MarkingDialog):
        type_text(dialog.edits["name_zh"], "绝密")
        type_text(dialog.edits["name_ru"], "Особой важности")
        save(dialog)
        return dialog.result()

    monkeypatch.setattr(MarkingDialog, "exec", fill)
    settings.add_button.click()
    assert settings.model.rowCount() == 5
    dialog = ExchangeDialog(demo_ctx)
    qtbot.addWidget(dialog)
    combo = dialog.widgets["marking_id"]
    assert "Особой важности" in [combo.itemText(i) for i in range(combo.count())]


# --- language ----------------------------------------------------------------------------------------


def test_the_tab_follows_a_language_switch(qtbot, demo_window):
    view = exchanges_view(demo_window)
    reg = view.register
    model = reg.model
    kind = column(view, "kind")
    header = lambda c: model.headerData(c, Qt.Orientation.Horizontal)  # noqa: E731
    pick(reg.kind, "handbook")
    assert header(kind) == "Kind" and model.index(0, kind).data() == "Handbook"
    for page in (1, 2, 0):  # every page has been seen once
        view.pages.setCurrentIndex(page)

    demo_window.language_actions["zh_CN"].trigger()
    assert demo_window.tabs.tabText(1) == "资料交换"
    assert header(kind) == "类型" and model.index(0, kind).data() == "手册"
    assert reg.kind.currentText() == "手册" and reg.kind.itemText(0) == "全部类型"
    assert reg.summary.text().startswith("共")
    assert view.pages.tabText(1) == "质量保证"
    assert reg.model.index(0, column(view, "from_side_id")).data() in ("苏联", "中国")
    assert view.balance.model.headerData(0, Qt.Orientation.Horizontal).endswith("发出")

    demo_window.language_actions["ru"].trigger()
    assert header(kind) == "Вид" and model.index(0, kind).data() == "Справочник"
    assert reg.status_filter.itemText(0) == "Любое состояние"
    assert "записей" in reg.summary.text() or "записи" in reg.summary.text()
    assert view.warranties.summary.text() and "дн." in view.warranties.summary.text()
    title = column(view, "title")
    assert model.index(0, title).data() == model.row_at(0).title_ru

    demo_window.language_actions["en"].trigger()
    assert header(kind) == "Kind" and reg.kind.currentText() == "Handbook"


def test_a_new_item_keeps_the_files_attached_in_the_form(qtbot, demo_window, tmp_path, monkeypatch):
    from app.core.services import attachments

    view = exchanges_view(demo_window)
    inventory = tmp_path / "опись.txt"
    inventory.write_text("1. Оптиметр ИКВ — 1 шт.\n", encoding="utf-8")

    def fill_and_save(dialog: ExchangeDialog):
        pick(dialog.widgets["kind"], "apparatus")
        type_text(dialog.widgets["title_ru"], "Оптиметр ИКВ")
        assert dialog.attachments.add_files([inventory])  # pending until the item exists
        save(dialog)
        return dialog.result()

    monkeypatch.setattr(ExchangeDialog, "exec", fill_and_save)
    view.register.clear_filters()
    demo_window.act_new.trigger()
    item = view.register.current()
    assert item is not None and item.title_ru == "Оптиметр ИКВ" and item.attachment_count == 1
    files = demo_window.ctx.read(attachments.list_attachments, service.OWNER_KIND, item.id)
    assert [f.filename for f in files] == ["опись.txt"]


def test_the_mapping_dialog_refuses_to_go_on_without_the_needed_columns(qtbot, tmp_path):
    from app.core.services.exchanges import transfer as exchanges_io

    path = tmp_path / "list.csv"
    path.write_text(
        "Вид,Отправитель,Получатель,Дата запроса,Наименование\nКнига,СССР,КНР,2026-01-05,X\n",
        encoding="utf-8",
    )
    dialog = ColumnMappingDialog(exchanges_io.read_file(path))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.mapping() == {"kind": 0, "from_side_id": 1, "to_side_id": 2, "requested_on": 3}
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and "Title in Chinese" in dialog.errors.general.text()
    dialog.set_column("title_ru", 4)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.result() == dialog.DialogCode.Accepted
