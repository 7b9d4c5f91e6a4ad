"""A table model over a short list of plain records (a session's agenda, a delegation): the whole list
is held, columns are declared as for :class:`QueryTableModel` (headers are N_() msgids translated
when painted)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.i18n import _
from app.ui.models.query_model import Column

_R = Qt.ItemDataRole
#: the roles a column may answer, and the Column attribute that answers each
_GETTERS = {_R.ToolTipRole: "tooltip", _R.ForegroundRole: "foreground", _R.BackgroundRole: "background",
            _R.DecorationRole: "decoration"}  # fmt: skip
_ANSWERED = frozenset({*_GETTERS, _R.TextAlignmentRole, _R.FontRole, _R.UserRole})


class ListTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        # each cell's text, formatted once: a view fitted to its contents asks for every cell many
        # times (the agenda's session list: 14,000 calls at twenty years of sessions)
        self._texts: dict[tuple[int, int], str] = {}

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._texts.clear()
        self.endResetModel()

    def row_at(self, row: int) -> Any | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def find_row(self, predicate: Callable[[Any], bool]) -> int:
        return next((i for i, r in enumerate(self.rows) if predicate(r)), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        # a table fitted to its contents asks every cell for a dozen roles on each pass: those no
        # column answers return at once
        if role == Qt.ItemDataRole.DisplayRole:
            key = (index.row(), index.column())
            text = self._texts.get(key)
            if text is None:
                if not index.isValid() or not 0 <= index.row() < len(self.rows):
                    return None
                v = self.columns[index.column()].value(self.rows[index.row()])
                text = self._texts[key] = "" if v is None else v if isinstance(v, str) else str(v)
            return text
        if role not in _ANSWERED or not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(col.align)
        item = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return item
        if role == Qt.ItemDataRole.FontRole:
            getter = col.extra.get("font")
        else:
            getter = getattr(col, _GETTERS[role])
        return None if getter is None else getter(item)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            col = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return _(col.header)
            if role == Qt.ItemDataRole.ToolTipRole and col.header_tooltip:
                return _(col.header_tooltip)
            if role == Qt.ItemDataRole.DecorationRole and "header_icon" in col.extra:
                return col.extra["header_icon"]()
        return None

    def retranslate(self) -> None:
        """Headers and labels are translated when painted: ask the views to repaint them."""
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        self._texts.clear()
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1))

    def headers(self) -> list[str]:
        return [_(c.header) for c in self.columns]
