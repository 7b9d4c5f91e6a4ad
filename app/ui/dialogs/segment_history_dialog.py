"""The history of a segment: who saved it and when, the texts as they were, and restoring one."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import CoreError
from app.core.services.minutes import edit as minutes_edit
from app.core.services.minutes import records as minutes_service
from app.core.services.minutes.records import RevisionData
from app.i18n import N_, _, format_datetime
from app.ui.minutes.icons import status_icon
from app.ui.widgets import messages
from app.ui.widgets.retranslate import Retranslatable

_ROOT = QModelIndex()
HEADERS = (N_("Saved"), N_("By"), N_("What"), N_("Status"))


class RevisionsModel(QAbstractTableModel):
    def __init__(self, revisions: list[RevisionData], parent=None) -> None:
        super().__init__(parent)
        self.revisions = revisions

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.revisions)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else 4

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self.revisions[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                format_datetime(r.saved_at, "short"),
                r.author,
                r.action.label + (f" — {r.reason}" if r.reason else ""),
                r.status.label,
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2 and r.reason:
            return r.reason
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 3:
            return status_icon(r.status)
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(HEADERS[section])
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
        if self.revisions:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.revisions) - 1, 3))


class SegmentHistoryDialog(Retranslatable, QDialog):
    def __init__(self, ctx, segment_id: int, can_restore: bool, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.segment_id = segment_id
        self.restored = None
        self.setObjectName("SegmentHistoryDialog")
        self.resize(860, 560)
        self.model = RevisionsModel(ctx.read(minutes_service.segment_history, segment_id), self)
        self.table = QTableView()
        self.table.setObjectName("history_table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.zh = QPlainTextEdit()
        self.zh.setObjectName("history_zh")
        self.ru = QPlainTextEdit()
        self.ru.setObjectName("history_ru")
        for w in (self.zh, self.ru):
            w.setReadOnly(True)
        texts = QWidget()
        tl = QHBoxLayout(texts)
        tl.setContentsMargins(0, 0, 0, 0)
        self.zh_label, self.ru_label = QLabel(), QLabel()
        for label, w in ((self.zh_label, self.zh), (self.ru_label, self.ru)):
            box = QVBoxLayout()
            box.addWidget(label)
            box.addWidget(w)
            tl.addLayout(box)
        self.reason = QLabel()
        self.reason.setObjectName("history_reason")
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("background: #fff4ce; padding: 4px;")
        self.reason.hide()
        below = QWidget()
        bl = QVBoxLayout(below)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.reason)
        bl.addWidget(texts, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(below)
        split.setSizes([260, 260])
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("history_restore")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setVisible(can_restore)
        lay = QVBoxLayout(self)
        lay.addWidget(split, 1)
        lay.addWidget(self.buttons)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show(cur.row()))
        if self.model.revisions:
            self.table.selectRow(0)
        self.retranslate_ui()

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.model.revisions):
            r = self.model.revisions[row]
            self.zh.setPlainText(r.text_zh)
            self.ru.setPlainText(r.text_ru)
            self.reason.setText(_("Reason: {reason}").format(reason=r.reason))
            self.reason.setVisible(bool(r.reason))
            self.restore_button.setEnabled(row > 0)

    def current(self) -> RevisionData | None:
        row = self.table.currentIndex().row()
        return self.model.revisions[row] if 0 <= row < len(self.model.revisions) else None

    def restore(self) -> None:
        r = self.current()
        if r is None:
            return
        try:
            self.restored = self.ctx.write(minutes_edit.restore_revision, self.segment_id, r.id)
        except CoreError as exc:
            messages.error(self, exc.message)
            return
        self.accept()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("History of the segment"))
        self.zh_label.setText(_("Chinese text as it was"))
        self.ru_label.setText(_("Russian text as it was"))
        self.restore_button.setText(_("&Restore this version"))
        self.model.retranslate()
