"""A table model over a SQL query, fetched page by page as the view needs rows.

The model knows the number of rows (one COUNT query) and asks for a page of rows only when the
view paints a row of it, so a register of 100,000 records opens as fast as one of a hundred and
the scroll bar covers all of it. Sorting and filtering run in SQL: the view changes the sort key
or its filters and calls :meth:`reload`.

Columns are declared once, with an untranslated header (``N_``) that is translated whenever the
header is painted, so a language switch only needs :meth:`retranslate`.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.i18n import _

ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ALIGN_CENTER = Qt.AlignmentFlag.AlignCenter


@dataclass
class Column:
    """``key`` is the sort key handed to the fetch function; ``header`` is an N_() msgid."""

    key: str
    header: str
    value: Callable[[Any], Any]
    align: Qt.AlignmentFlag = ALIGN_LEFT
    sortable: bool = True
    tooltip: Callable[[Any], str] | None = None
    foreground: Callable[[Any], Any] | None = None
    background: Callable[[Any], Any] | None = None
    decoration: Callable[[Any], Any] | None = None
    header_tooltip: str = ""
    extra: dict = field(default_factory=dict)


_UNSET = object()
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_USER = Qt.ItemDataRole.UserRole.value
#: the roles a column may answer, and its attribute that does
_ROLE_GETTERS = {
    Qt.ItemDataRole.ToolTipRole.value: "tooltip",
    Qt.ItemDataRole.ForegroundRole.value: "foreground",
    Qt.ItemDataRole.BackgroundRole.value: "background",
    Qt.ItemDataRole.DecorationRole.value: "decoration",
}


def _getter(col: Column, role) -> Callable[[Any], Any] | None:
    name = _ROLE_GETTERS.get(role if isinstance(role, int) else role.value)
    return None if name is None else getattr(col, name)


#: fetch(offset, limit, sort_key, descending) -> rows
FetchFn = Callable[[int, int, str | None, bool], Sequence[Any]]
CountFn = Callable[[], int]


class QueryTableModel(QAbstractTableModel):
    PAGE_SIZE = 250
    MAX_PAGES = 40
    MAX_TEXTS = 50_000  # cells whose text is kept

    def __init__(self, columns: Sequence[Column], fetch: FetchFn, count: CountFn, parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._fetch = fetch
        self._count = count
        self._total = 0
        self._pages: OrderedDict[int, list[Any]] = OrderedDict()
        self._texts: dict[tuple[int, int], str] = {}
        self.sort_key: str | None = None
        self.descending = False
        self._sort_column = -1

    # --- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Count again and forget every fetched page (after a filter, sort or data change)."""
        self.beginResetModel()
        self._pages.clear()
        self._texts.clear()
        self._total = self._count()
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._texts.clear()
        self._total = 0
        self.endResetModel()

    def _page(self, number: int) -> list[Any]:
        page = self._pages.get(number)
        if page is None:
            page = list(self._fetch(number * self.PAGE_SIZE, self.PAGE_SIZE, self.sort_key, self.descending))
            self._pages[number] = page
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page

    def row_at(self, row: int) -> Any | None:
        if row < 0 or row >= self._total:
            return None
        page = self._page(row // self.PAGE_SIZE)
        i = row % self.PAGE_SIZE
        return page[i] if i < len(page) else None

    def row_of(self, index: QModelIndex) -> Any | None:
        return self.row_at(index.row()) if index.isValid() else None

    def find_row(self, predicate: Callable[[Any], bool], limit: int = 5000) -> int:
        """The first row (among the first ``limit``) for which ``predicate`` holds, or -1."""
        for r in range(min(self._total, limit)):
            item = self.row_at(r)
            if item is not None and predicate(item):
                return r
        return -1

    @property
    def total(self) -> int:
        return self._total

    # --- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def text(self, row: int, column: int) -> str | None:
        """What the cell shows (None past the rows fetched), worked out once until a reload or a
        language switch."""
        key = (row, column)
        text = self._texts.get(key)
        if text is None:
            item = self.row_at(row)
            if item is None:
                return None
            v = self.columns[column].value(item)
            text = "" if v is None else v if isinstance(v, str) else str(v)
            if len(self._texts) >= self.MAX_TEXTS:
                self._texts.clear()
            self._texts[key] = text
        return text

    def _value(self, row: int, column: int, role: int, item: Any = _UNSET) -> tuple[Any, Any]:
        """(what the cell answers for ``role``, None for nothing; the row's item). A table's paint
        asks each cell for a dozen roles: those no column answers cost no row look-up (``item``:
        the row's item when a role before needed it), and a cell's text is worked out once."""
        if role == _DISPLAY:
            return self.text(row, column), item
        col = self.columns[column]
        if role == _ALIGNMENT:
            return int(col.align), item
        getter = _getter(col, role)
        if getter is None and role != _USER:
            return None, item
        if item is _UNSET:
            item = self.row_at(row)
        return (None if item is None else item if getter is None else getter(item)), item

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        return self._value(index.row(), index.column(), role if isinstance(role, int) else role.value)[0]

    def multiData(self, index, roleDataSpan) -> None:  # noqa: N802, N803 (Qt's names)
        # The table's delegate asks for seven roles of each cell in one call: answered here in
        # Python at once rather than by seven calls of data() from C++ (a quarter of a paint).
        # The span is reused from cell to cell: a role without an answer is cleared.
        if not index.isValid():
            return
        row, column, item = index.row(), index.column(), _UNSET
        for i in range(len(roleDataSpan)):
            slot = roleDataSpan[i]
            v, item = self._value(row, column, slot.role(), item)
            if v is None:
                slot.clearData()
            else:
                slot.setData(v)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            col = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return _(col.header)
            if role == Qt.ItemDataRole.ToolTipRole and col.header_tooltip:
                return _(col.header_tooltip)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self.columns)) or not self.columns[column].sortable:
            return
        self._sort_column = column
        self.sort_key = self.columns[column].key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def retranslate(self) -> None:
        """Headers and enum labels are translated when shown: just ask the view to repaint."""
        self._texts.clear()
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._total:
            self.dataChanged.emit(self.index(0, 0), self.index(self._total - 1, len(self.columns) - 1))

    def headers(self) -> list[str]:
        return [_(c.header) for c in self.columns]
