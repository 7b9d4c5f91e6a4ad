"""The commission's settings for the Exchanges register: when an item counts as overdue, the
warranty horizon, and the list of confidentiality markings."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from app.core.errors import CoreError
from app.core.services import markings as markings_service
from app.core.services.exchanges import records as service
from app.core.services.exchanges.records import ExchangeRules
from app.i18n import N_, _, current_language
from app.ui.dialogs.marking_dialog import MarkingDialog
from app.ui.widgets import messages
from app.ui.widgets.form import FieldErrors
from app.ui.widgets.retranslate import Retranslatable

RULES = (
    ("overdue_days", N_("Promised but not sent: overdue after")),
    ("unacknowledged_days", N_("Sent but not acknowledged: overdue after")),
    ("warranty_horizon_days", N_("Warranties that expire within")),
)


class MarkingListModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: list[markings_service.MarkingData] = []

    def set_items(self, items) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        m = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{m.name_zh} / {m.name_ru}" + (f" / {m.name_en}" if m.name_en else "")
        if role == Qt.ItemDataRole.UserRole:
            return m
        return None


class ExchangeSettingsDialog(Retranslatable, QDialog):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("ExchangeSettingsDialog")
        self.ctx = ctx
        rules = ctx.read(service.get_rules)
        self.rules_box = QGroupBox()
        form = QFormLayout(self.rules_box)
        general = QLabel()
        self.errors = FieldErrors(general)
        self.labels: dict[str, QLabel] = {}
        self.spins: dict[str, QSpinBox] = {}
        for field, _label in RULES:
            spin = QSpinBox()
            spin.setObjectName(field)
            spin.setRange(1, 3650)
            spin.setValue(getattr(rules, field))
            label = QLabel()
            self.labels[field] = label
            self.spins[field] = spin
            self.errors.add_row(form, field, label, spin)

        self.markings_box = QGroupBox()
        self.model = MarkingListModel(self)
        self.list = QListView()
        self.list.setObjectName("markings_list")
        self.list.setModel(self.model)
        self.list.doubleClicked.connect(lambda _i: self.rename())
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add)
        self.rename_button = QPushButton()
        self.rename_button.clicked.connect(self.rename)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete)
        self.up_button = QPushButton("↑")
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button = QPushButton("↓")
        self.down_button.clicked.connect(lambda: self.move(1))
        buttons = QVBoxLayout()
        for b in (self.add_button, self.rename_button, self.delete_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        row = QHBoxLayout(self.markings_box)
        row.addWidget(self.list, 1)
        row.addLayout(buttons)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.rules_box)
        lay.addWidget(self.markings_box, 1)
        lay.addWidget(general)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.reload()
        self.retranslate_ui()

    def reload(self, select_id: int | None = None) -> None:
        self.model.set_items(self.ctx.read(markings_service.list_markings))
        if select_id is not None:
            row = next((i for i, m in enumerate(self.model.items) if m.id == select_id), -1)
            if row >= 0:
                self.list.setCurrentIndex(self.model.index(row))

    def selected(self):
        idx = self.list.currentIndex()
        return self.model.items[idx.row()] if idx.isValid() else None

    def add(self) -> None:
        dlg = MarkingDialog(self.ctx, parent=self)
        if dlg.exec() and dlg.saved:
            self.reload(dlg.saved.id)

    def rename(self) -> None:
        m = self.selected()
        if m is None:
            return
        dlg = MarkingDialog(self.ctx, m, parent=self)
        if dlg.exec() and dlg.saved:
            self.reload(m.id)

    def delete(self) -> None:
        m = self.selected()
        if m is None:
            return
        name = m.name(current_language())
        if not messages.confirm(self, _("Delete the marking “{name}”?").format(name=name)):
            return
        try:
            self.ctx.write(markings_service.delete_marking, m.id)
        except CoreError as exc:
            messages.error(self, exc.message)
            return
        self.reload()

    def move(self, step: int) -> None:
        m = self.selected()
        if m is not None:
            self.ctx.write(markings_service.move_marking, m.id, step)
            self.reload(m.id)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Exchanges: settings"))
        self.rules_box.setTitle(_("Alerts"))
        for field, label in RULES:
            self.labels[field].setText(_(label))
            self.spins[field].setSuffix(" " + _("days"))
        self.markings_box.setTitle(_("Confidentiality markings"))
        self.add_button.setText(_("Add…"))
        self.rename_button.setText(_("Rename…"))
        self.delete_button.setText(_("Delete"))
        self.up_button.setToolTip(_("Move up"))
        self.down_button.setToolTip(_("Move down"))

    def accept(self) -> None:
        self.errors.clear()
        rules = ExchangeRules(**{f: s.value() for f, s in self.spins.items()})
        try:
            self.ctx.write(service.save_rules, rules)
        except CoreError as exc:
            self.errors.show(exc.field, exc.message)
            return
        super().accept()
