"""Export what a table shows (its columns, its filters, its order) to an XLSX or CSV file, with the
headers in the interface language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from app.core.errors import CoreError
from app.core.services.tables import write_table
from app.i18n import _
from app.ui.models.query_model import QueryTableModel
from app.ui.widgets import messages


def table_of(model: QueryTableModel) -> tuple[list[str], Iterator[list[object]]]:
    """(headers, rows) of everything the model holds, page by page. A column may give the value
    to export in ``extra["export"]`` (a date rather than its display text)."""
    headers = model.headers()
    getters = [c.extra.get("export", c.value) for c in model.columns]

    def rows() -> Iterator[list[object]]:
        for r in range(model.total):
            item = model.row_at(r)
            if item is not None:
                yield [g(item) for g in getters]

    return headers, rows()


def export_model(model: QueryTableModel, path: str | Path, title: str = "") -> int:
    headers, rows = table_of(model)
    return write_table(path, headers, rows, title)


def ask_path(parent: QWidget, suggested: str) -> str:
    """The file to export to (with .xlsx or .csv added from the chosen filter), or ""."""
    xlsx, csv = _("Excel workbook (*.xlsx)"), _("CSV, comma-separated (*.csv)")
    path, chosen = QFileDialog.getSaveFileName(parent, _("Export"), suggested, f"{xlsx};;{csv}")
    if path and Path(path).suffix.lower() not in (".xlsx", ".csv"):
        path += ".csv" if chosen == csv else ".xlsx"
    return path


def export_with_dialog(parent: QWidget, model: QueryTableModel, suggested: str, title: str = "") -> str:
    """Ask for a file and export; returns the path written, or "" (cancelled or failed: said why)."""
    path = ask_path(parent, suggested)
    if not path:
        return ""
    try:
        export_model(model, path, title)
    except CoreError as exc:
        messages.error(parent, exc.message)
        return ""
    return path
