"""Offer the deferred items of the previous session for the new session's agenda."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListView, QVBoxLayout

from app.core.errors import CoreError
from app.core.services.agenda import items as agenda
from app.core.services.agenda.items import AgendaItemData
from app.i18n import _, current_language
from app.ui.widgets import messages
from app.ui.widgets.retranslate import Retranslatable


class CarryOverDialog(Retranslatable, QDialog):
    def __init__(self, ctx, meeting_id: int, candidates: list[AgendaItemData], parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.candidates = candidates
        self.copied: list[AgendaItemData] = []
        self.setObjectName("CarryOverDialog")
        self.setMinimumWidth(560)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.model = QStandardItemModel(self)
        for item in candidates:
            row = QStandardItem()
            row.setCheckable(True)
            row.setCheckState(Qt.CheckState.Checked)
            row.setEditable(False)
            row.setData(item.id, Qt.ItemDataRole.UserRole)
            self.model.appendRow(row)
        self.list = QListView()
        self.list.setObjectName("carry_over_list")
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.text)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.buttons)
        self.retranslate_ui()

    def checked_ids(self) -> list[int]:
        return [
            self.model.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(self.model.rowCount())
            if self.model.item(r).checkState() == Qt.CheckState.Checked
        ]

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Carry over deferred items"))
        self.text.setText(_("These items were deferred at the previous session. Put the checked ones on "
                            "this session's agenda (with their materials)?"))  # fmt: skip
        lang = current_language()
        for r, item in enumerate(self.candidates):
            self.model.item(r).setText(item.title(lang))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Add to the agenda"))

    def accept(self) -> None:
        ids = self.checked_ids()
        if ids:
            try:
                self.copied = self.ctx.write(agenda.copy_items, self.meeting_id, ids)
            except CoreError as exc:
                messages.error(self, exc.message)
                return
        super().accept()
