"""File → Conflicts…: the fields both sides changed since they last agreed, resolved field by field.

Each row is one field of one record: ours (this side's value before the bundle), theirs (the other
side's), and what the record holds now. Keep ours, take theirs, or type the agreed value and use
it; the resolution goes back to the other side in the next bundle.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.core.errors import CoreError
from app.core.sync import conflicts
from app.i18n import _
from app.ui.widgets import messages
from app.ui.widgets.retranslate import Retranslatable


class ConflictsDialog(Retranslatable, QDialog):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("ConflictsDialog")
        self.resize(960, 480)
        self.items: list[conflicts.ConflictData] = []
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("conflicts_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)
        self.keep = QPushButton()
        self.keep.setObjectName("keep_ours")
        self.keep.clicked.connect(lambda: self.resolve("ours"))
        self.take = QPushButton()
        self.take.setObjectName("take_theirs")
        self.take.clicked.connect(lambda: self.resolve("theirs"))
        self.edit = QLineEdit()
        self.edit.setObjectName("edited_value")
        self.use = QPushButton()
        self.use.setObjectName("use_edited")
        self.use.clicked.connect(lambda: self.resolve("edited"))
        row = QHBoxLayout()
        row.addWidget(self.keep)
        row.addWidget(self.take)
        row.addWidget(self.edit, 1)
        row.addWidget(self.use)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addWidget(self.table, 1)
        lay.addLayout(row)
        lay.addWidget(buttons)
        self.retranslate_ui()
        self._ready = True
        self.reload()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Conflicts with the other side"))
        self.intro.setText(_(
            "Both sides changed these fields since their last exchange. Until you resolve a field, it holds "
            "the first side's value on both sides. Your choice goes to the other side in the next bundle."))  # fmt: skip
        self.table.setHorizontalHeaderLabels(
            [_("Register"), _("Record"), _("Field"), _("Ours"), _("Theirs"), _("Now")]
        )
        self.keep.setText(_("&Keep ours"))
        self.take.setText(_("&Take theirs"))
        self.edit.setPlaceholderText(_("the agreed value"))
        self.use.setText(_("&Use this value"))
        if getattr(self, "_ready", False):  # registers and fields named, and columns sized, in the new language
            self.reload()

    def reload(self) -> None:
        self.items = self.ctx.read(conflicts.open_conflicts)
        self.table.setRowCount(len(self.items))
        for r, c in enumerate(self.items):
            cells = (c.register_label, c.record, c.field_label, c.show(c.ours), c.show(c.theirs), c.show(c.current))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, col, item)
        self.table.resizeColumnsToContents()
        for col in range(self.table.columnCount()):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 260))
        header = self.table.horizontalHeader()  # the last column takes the rest again, as on opening
        header.setStretchLastSection(False)
        header.setStretchLastSection(True)
        if self.items:
            self.table.selectRow(0)
        self._selected()

    def current(self) -> conflicts.ConflictData | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def _selected(self) -> None:
        c = self.current()
        for w in (self.keep, self.take, self.edit, self.use):  # a reference is chosen, not typed
            w.setEnabled(c is not None and (w in (self.keep, self.take) or not c.is_reference))
        typed = c is not None and c.current is not None and not c.is_reference
        self.edit.setText(conflicts.shown(c.current) if typed else "")

    def resolve(self, choice: str) -> None:
        c = self.current()
        if c is None:
            return
        try:
            value = conflicts.parse(c, self.edit.text()) if choice == "edited" else None
            self.ctx.write(conflicts.resolve, c.id, choice, value)
        except CoreError as exc:
            messages.error(self, exc.message)
            return
        self.reload()
