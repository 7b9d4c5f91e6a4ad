"""A large import shows its progress with a Cancel button; Cancel leaves nothing written."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QPushButton

from app.core.services.exchanges import transfer as exchanges_io
from app.ui.dialogs.column_mapping_dialog import ColumnMappingDialog
from app.ui.widgets import messages
from app.ui.widgets.progress import ProgressDialog
from tests.ui.test_exchanges_view import exchanges_view, total


def _file(tmp_path, n: int):
    path = tmp_path / "many.csv"
    lines = ["Kind,From,To,Title in Chinese,Title in Russian,Quantity,Date requested"]
    lines += [f"Book,SU,CN,手册 {i},Справочник № {i},1,2026-01-05" for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _accept_mapping(dialog: ColumnMappingDialog):
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    return dialog.result()


def test_cancel_during_a_large_import_writes_nothing(qtbot, demo_window, tmp_path, monkeypatch):
    reg = exchanges_view(demo_window).register
    before = total(demo_window.ctx)
    monkeypatch.setattr(exchanges_io, "BATCH", 20)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(_file(tmp_path, 200)), ""))
    monkeypatch.setattr(ColumnMappingDialog, "exec", _accept_mapping)
    seen: list[tuple[int, int]] = []
    real_call = ProgressDialog.__call__

    def call(self, done, total):
        seen.append((done, total))
        if done >= total * 3 // 4:  # after rows were written: the user clicks Cancel
            self.show()
            self.findChild(QPushButton).click()
        real_call(self, done, total)

    monkeypatch.setattr(ProgressDialog, "__call__", call)
    shown: list[str] = []
    reg.status.connect(shown.append)
    reg.import_button.click()
    # read, checked and written a batch at a time: cancelled after batches were written
    assert seen and seen[-1][0] >= 150 and seen[-1][1] == 200
    assert total(demo_window.ctx) == before
    assert shown and "nothing was changed" in shown[-1]


def test_a_large_import_reports_its_progress_to_the_end(qtbot, demo_window, tmp_path, monkeypatch):
    reg = exchanges_view(demo_window).register
    before = total(demo_window.ctx)
    monkeypatch.setattr(exchanges_io, "BATCH", 50)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(_file(tmp_path, 120)), ""))
    monkeypatch.setattr(ColumnMappingDialog, "exec", _accept_mapping)
    monkeypatch.setattr(messages, "info", lambda *a, **k: None)
    values: list[int] = []
    real_call = ProgressDialog.__call__

    def call(self, done, total):
        real_call(self, done, total)
        values.append(self.value())

    monkeypatch.setattr(ProgressDialog, "__call__", call)
    reg.import_button.click()
    assert values[0] == 0 and values[-1] == 100 and values == sorted(values)
    assert total(demo_window.ctx) == before + 120
