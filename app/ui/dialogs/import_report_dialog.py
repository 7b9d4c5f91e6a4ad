"""An import that was refused: every bad row with its column and the reason, to correct the file."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from app.core.errors import ImportRefused
from app.i18n import N_, _
from app.ui.widgets.retranslate import Retranslatable

HEADERS = (N_("Row"), N_("Column"), N_("Reason"))


class RowErrorModel(QAbstractTableModel):
    def __init__(self, refusal: ImportRefused, parent=None) -> None:
        super().__init__(parent)
        self.rows = refusal.rows

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (str(r.row), r.column, r.message)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 2))

    def as_text(self) -> str:
        return "\n".join(f"{r.row}\t{r.column}\t{r.message}" for r in self.rows)


class ImportReportDialog(Retranslatable, QDialog):
    def __init__(self, refusal: ImportRefused, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("ImportReportDialog")
        self.refusal = refusal
        self.message = QLabel()
        self.message.setObjectName("report_message")
        self.message.setWordWrap(True)
        self.model = RowErrorModel(refusal, self)
        self.table = QTableView()
        self.table.setObjectName("report_table")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        lay = QVBoxLayout(self)
        lay.addWidget(self.message)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.buttons)
        self.resize(860, 460)
        self.retranslate_ui()

    def copy(self) -> None:
        QApplication.clipboard().setText(self.refusal.message + "\n" + self.model.as_text())

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Import refused"))
        self.message.setText(self.refusal.message)
        self.copy_button.setText(_("Copy the report"))
        self.model.retranslate()
        self.table.resizeRowsToContents()
