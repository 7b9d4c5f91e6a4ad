"""A large import in the window (issue 16, point 7): the file is read and written a batch at a
time with a progress bar; Cancel, clicked after batches were written, leaves nothing written."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QPushButton

from app.core.services import tables
from app.core.services.exchanges import transfer as xio
from app.core.services.exchanges.fields import EXCHANGE
from app.ui.dialogs.column_mapping_dialog import ColumnMappingDialog
from app.ui.widgets.progress import ProgressDialog
from tests.ui.test_exchanges_view import exchanges_view, total


def test_cancel_after_written_batches_leaves_nothing(qtbot, demo_window, tmp_path, monkeypatch):
    view = exchanges_view(demo_window)
    ctx = demo_window.ctx
    before = total(ctx)
    path = tmp_path / "many.xlsx"
    columns = ("kind", "from_side_id", "to_side_id", "title_ru", "requested_on")
    rows = (["Book", "SU", "CN", f"Справочник № {i}", "2020-01-01"] for i in range(1200))
    tables.write_table(path, [EXCHANGE[c].header for c in columns], rows)
    monkeypatch.setattr(xio, "BATCH", 200)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    seen: list[tuple[int, int]] = []

    def map_columns(dialog: ColumnMappingDialog):
        assert dialog.preview_box.title() == "The file: 1200 rows"
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        return dialog.result()

    original = ProgressDialog.__call__

    def progress(self, done: int, total_rows: int) -> None:
        seen.append((done, total_rows))
        if done >= 800:  # four batches written: the user clicks Cancel
            self.findChild(QPushButton).click()
        original(self, done, total_rows)

    monkeypatch.setattr(ColumnMappingDialog, "exec", map_columns)
    monkeypatch.setattr(ProgressDialog, "__call__", progress)
    statuses: list[str] = []
    view.register.status.connect(statuses.append)
    view.register.import_button.click()
    assert seen[:2] == [(0, 1200), (200, 1200)] and seen[-1][0] == 800
    assert statuses == ["Cancelled: nothing was changed."]
    assert total(ctx) == before
