"""A read-only table model over a short list of prepared rows (summaries, budgets, rates).

For registers that can grow large use :class:`QueryTableModel`; this one is for the few rows a
summary has. The view builds the rows (already translated and formatted) and hands them over in
one go with :meth:`set_rows`; a language switch simply builds them again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.ui.models.query_model import ALIGN_LEFT, ALIGN_RIGHT


@dataclass
class Row:
    cells: Sequence[str]
    bold: bool = False
    #: indentation level of the first cell (0, 1, 2)
    level: int = 0
    background: str | None = None
    #: a colour per cell index (e.g. an overdrawn budget in red)
    colours: dict[int, str] = field(default_factory=dict)
    tooltip: str = ""
    data: Any = None


class RowsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []
        self.rows: list[Row] = []
        #: columns after the first are amounts: right-aligned
        self.right_from = 1
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, headers: Sequence[str], rows: Sequence[Row], right_from: int = 1) -> None:
        self.beginResetModel()
        self.headers = list(headers)
        self.rows = list(rows)
        self.right_from = right_from
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            text = row.cells[col] if col < len(row.cells) else ""
            return ("    " * row.level + text) if col == 0 else text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN_RIGHT if col >= self.right_from else ALIGN_LEFT)
        if role == Qt.ItemDataRole.FontRole and row.bold:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole and row.background:
            return QBrush(QColor(row.background))
        if role == Qt.ItemDataRole.ForegroundRole and col in row.colours:
            return QBrush(QColor(row.colours[col]))
        if role == Qt.ItemDataRole.ToolTipRole and row.tooltip:
            return row.tooltip
        if role == Qt.ItemDataRole.UserRole:
            return row.data
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None

    def text(self, row: int, column: int) -> str:
        """What a cell shows (for tests and copying)."""
        return self.data(self.index(row, column)) or ""
