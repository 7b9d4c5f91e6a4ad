"""The audit trail through the GUI (issue 16, point 12): the user's name set on this laptop, a
record's history from its dialog, and the export of a history and of the whole trail."""

from __future__ import annotations

from dataclasses import replace

from openpyxl import load_workbook
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.core import audit
from app.core.services import audit as audit_service
from app.core.services.exchanges import records as service
from app.core.services.exchanges import search
from app.core.services.exchanges.search import ExchangeFilter
from app.i18n.qt import apply_language
from app.ui.dialogs import history_dialog, user_name_dialog
from app.ui.dialogs.exchange_dialog import ExchangeDialog
from app.ui.dialogs.history_dialog import HistoryDialog
from app.ui.dialogs.user_name_dialog import UserNameDialog
from tests.ui.typing import type_text


def test_the_user_name_is_a_setting_of_the_laptop_and_names_every_change(qtbot, demo_window, monkeypatch):
    dlg_seen = []

    def fill(dlg: UserNameDialog):
        dlg_seen.append(dlg)
        dlg.name.clear()
        type_text(dlg.name, "Ли  Мин")
        dlg.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        return dlg.result()

    monkeypatch.setattr(UserNameDialog, "exec", fill)
    try:
        demo_window.act_user_name.trigger()
        assert dlg_seen and QSettings().value("user/name") == "Ли Мин"
        assert audit.user_name() == "Ли Мин"
        ctx = demo_window.ctx
        item = ctx.read(search.search_exchanges, ExchangeFilter(), limit=1)[0]
        ctx.write(service.update_exchange, replace(item, notes="Проверено"))
        history = ctx.read(audit_service.history_of, item.uuid)
        assert history[-1].user_name == "Ли Мин" and history[-1].fields == (("notes", item.notes, "Проверено"),)
    finally:
        audit.set_user_name(None)


def test_a_record_s_history_from_its_dialog_and_exported(qtbot, demo_ctx, tmp_path, monkeypatch):
    audit.set_user_name("Ван Ли")
    try:
        item = demo_ctx.read(search.search_exchanges, ExchangeFilter(), limit=1)[0]
        demo_ctx.write(service.update_exchange, replace(item, notes="Первая заметка", quantity=item.quantity + 2))
        item = demo_ctx.read(service.get_exchange, item.id)
    finally:
        audit.set_user_name(None)
    apply_language("ru")
    dialog = ExchangeDialog(demo_ctx, item)
    qtbot.addWidget(dialog)
    assert dialog.history.isVisibleTo(dialog) and dialog.history.text() == "История…"

    shown: list[HistoryDialog] = []

    def look():
        w = QApplication.activeModalWidget()
        if isinstance(w, HistoryDialog):
            shown.append(w)
            model = w.model
            rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
            headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
            assert headers[0] == "Когда"
            changed = [r for r in rows if r[3] == "Примечания"]
            assert changed and changed[0][5] == "Первая заметка" and changed[0][1] == "Ван Ли"
            assert changed[0][2] == "Изменение"
            assert any(r[3] == "Количество" and r[5] == str(item.quantity) for r in rows)
            monkeypatch.setattr(history_dialog, "ask_path", lambda *_a: str(tmp_path / "h.xlsx"))
            w.export_button.click()
            w.reject()
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)
    dialog.history.click()
    assert shown
    sheet = load_workbook(tmp_path / "h.xlsx").active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][:2] == ["Время (UTC)", "Пользователь"]
    assert any(r[5] == "Примечания" and r[7] == "Первая заметка" and r[1] == "Ван Ли" for r in values[1:])
    assert all(r[3] == item.uuid for r in values[1:])


def test_a_new_record_has_no_history_button_and_the_whole_trail_exports(qtbot, demo_window, tmp_path, monkeypatch):
    dialog = ExchangeDialog(demo_window.ctx)
    qtbot.addWidget(dialog)
    assert not dialog.history.isVisibleTo(dialog)
    monkeypatch.setattr(user_name_dialog, "ask_path", lambda *_a: str(tmp_path / "all.csv"))
    said: list[str] = []
    monkeypatch.setattr(user_name_dialog.messages, "info", lambda _p, text, *a: said.append(text))
    demo_window.act_export_history.trigger()
    assert said and "all.csv" in said[0]
    text = (tmp_path / "all.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("Time (UTC),User,Register,Record ID,Action")
    assert ",Exchanges," in text and ",Creation," in text
