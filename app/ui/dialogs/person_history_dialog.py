"""Everything a person has done for the commission: delegations, assignments, presentations."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
)

from app.core.errors import CoreError
from app.core.services.experts import assignments as experts
from app.core.services.experts.history import HistoryEntry, HistoryKind, person_history
from app.i18n import N_, _, current_language, format_date, ngettext
from app.ui.dialogs import openers
from app.ui.widgets import messages
from app.ui.widgets.retranslate import Retranslatable

HEADERS = (N_("Activity"), N_("Start"), N_("End"), N_("Particulars"), N_("Role or purpose"), N_("Status"))


class HistoryModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.entries: list[HistoryEntry] = []

    def set_entries(self, entries) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        e = self.entries[index.row()]
        lang = current_language()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                e.kind.label,
                format_date(e.start, "short") if e.start else "",
                format_date(e.end, "short") if e.end else "",
                e.describe(lang),
                e.role.label if e.role is not None else "",
                e.status.label if e.status is not None else "",
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return "\n".join(x for x in (e.what_zh, e.what_ru) if x)
        if role == Qt.ItemDataRole.UserRole:
            return e
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        self.layoutChanged.emit()


class PersonHistoryDialog(Retranslatable, QDialog):
    """Double-clicking an assignment opens it, with ``open_assignment(ctx, assignment, parent)``
    (by default the opener the assignment dialog registers in :mod:`app.ui.dialogs.openers`)."""

    def __init__(self, ctx, person_id: int, parent=None, open_assignment=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.open_assignment = open_assignment
        self.person_id = person_id
        self.setObjectName("PersonHistoryDialog")
        self.resize(900, 460)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.summary = QLabel()
        self.model = HistoryModel(self)
        self.table = QTableView()
        self.table.setObjectName("history_table")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.summary)
        lay.addWidget(self.buttons)
        self.history = None
        self.reload()
        self.retranslate_ui()

    def reload(self) -> None:
        try:
            self.history = self.ctx.read(person_history, self.person_id)
        except CoreError as exc:
            messages.error(self, exc.message)
            return
        self.model.set_entries(self.history.entries)

    def _open(self, index) -> None:
        e: HistoryEntry | None = self.model.data(index, Qt.ItemDataRole.UserRole)
        if e is None or e.kind is not HistoryKind.ASSIGNMENT or e.assignment_id is None:
            return
        open_assignment = self.open_assignment or openers.get("assignment")
        if open_assignment is None:
            return
        try:
            a = self.ctx.read(experts.get_assignment, e.assignment_id)
        except CoreError as exc:
            messages.error(self, exc.message)
            return
        if open_assignment(self.ctx, a, self):
            self.reload()

    def retranslate_ui(self) -> None:
        lang = current_language()
        name = self.history.name(lang) if self.history else ""
        self.setWindowTitle(_("History of {name}").format(name=name))
        if self.history:
            other = self.history.name_ru if lang.startswith("zh") else self.history.name_zh
            self.heading.setText(f"{name}  ({other})" if other and other != name else name)
            counts = {k: sum(1 for e in self.history.entries if e.kind is k) for k in HistoryKind}
            self.summary.setText(
                "  ·  ".join(
                    t.format(n=counts[k])
                    for k, t in (
                        (HistoryKind.DELEGATION, ngettext("{n} delegation", "{n} delegations", counts[HistoryKind.DELEGATION])),
                        (HistoryKind.ASSIGNMENT, ngettext("{n} assignment", "{n} assignments", counts[HistoryKind.ASSIGNMENT])),
                        (HistoryKind.PRESENTATION, ngettext("{n} presentation", "{n} presentations", counts[HistoryKind.PRESENTATION])),
                    )
                )
            )  # fmt: skip
        self.model.retranslate()
