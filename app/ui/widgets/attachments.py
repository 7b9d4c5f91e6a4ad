"""The attachments of one record: add files, open them, save a copy, remove them.

Used by every register (agenda materials, exchanges, assignments, expense receipts). The files
live in the database, keyed by their content hash; opening one writes it to a private temporary
folder and hands it to the system's viewer.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import CoreError
from app.core.services import attachments as service
from app.core.services.attachments import AttachmentData
from app.i18n import _, format_number
from app.ui.widgets import messages
from app.ui.widgets.retranslate import Retranslatable

_open_dir: tempfile.TemporaryDirectory | None = None


def human_size(n: int) -> str:
    if n < 1024:
        return _("{n} bytes").format(n=format_number(n))
    if n < 1024 * 1024:
        return _("{n} KB").format(n=format_number(round(n / 1024, 1)))
    return _("{n} MB").format(n=format_number(round(n / 1024 / 1024, 1)))


class AttachmentListModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: list[AttachmentData] = []

    def set_items(self, items: list[AttachmentData]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        a = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{a.filename}  ({human_size(a.size)})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{a.filename}\n{a.mime_type}\nSHA-256 {a.sha256}"
        if role == Qt.ItemDataRole.UserRole:
            return a
        return None


class AttachmentsWidget(Retranslatable, QWidget):
    """Attachments of (owner_kind, owner_id). Until the record exists (owner_id None) it keeps
    the chosen files as *pending* and :meth:`save_pending` attaches them after the record is saved."""

    changed = Signal()

    def __init__(self, ctx, owner_kind: str, owner_id: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.owner_kind = owner_kind
        self.owner_id = owner_id
        self.pending: list[Path] = []
        self.read_only = False
        self.model = AttachmentListModel(self)
        self.list = QListView()
        self.list.setObjectName("attachments_list")
        self.list.setModel(self.model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.doubleClicked.connect(lambda _i: self.open_selected())
        self.list.setMinimumHeight(70)
        self.add_button = QPushButton()
        self.add_button.setObjectName("attachments_add")
        self.add_button.clicked.connect(self.choose_files)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_selected)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save_selected)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.open_button, self.save_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.list)
        lay.addLayout(buttons)
        self.list.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.reload()
        self.retranslate_ui()

    # --- data ----------------------------------------------------------------------------------

    def set_owner(self, owner_id: int | None) -> None:
        self.owner_id = owner_id
        self.pending.clear()
        self.reload()

    def reload(self) -> None:
        items: list[AttachmentData] = []
        if self.owner_id is not None and self.ctx.has_db:
            items = self.ctx.read(service.list_attachments, self.owner_kind, self.owner_id)
        pending = [
            AttachmentData(
                -1 - i, "", self.owner_kind, -1, p.name, "", p.stat().st_size if p.exists() else 0, ""
            )
            for i, p in enumerate(self.pending)
        ]
        self.model.set_items(items + pending)
        self._update_buttons()

    def filenames(self) -> list[str]:
        return [a.filename for a in self.model.items]

    def selected(self) -> AttachmentData | None:
        idx = self.list.currentIndex()
        return self.model.items[idx.row()] if idx.isValid() else None

    # --- actions -------------------------------------------------------------------------------

    def choose_files(self) -> None:
        paths, _f = QFileDialog.getOpenFileNames(self, _("Attach files"))
        self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> bool:
        """Attach files now (or keep them pending until the record is saved). False on an error."""
        for p in paths:
            try:
                service.read_file(p)  # unreadable files are refused now, with the reason
            except CoreError as exc:
                messages.error(self, exc.message)
                return False
        if self.owner_id is None:
            self.pending.extend(paths)
        else:
            try:
                for p in paths:
                    self.ctx.write(service.add_file, self.owner_kind, self.owner_id, p)
            except CoreError as exc:
                messages.error(self, exc.message)
                return False
        self.reload()
        self.changed.emit()
        return True

    def save_pending(self, session, owner_id: int) -> None:
        """Attach the pending files inside the caller's unit of work (the record's own save)."""
        for p in self.pending:
            service.add_file(session, self.owner_kind, owner_id, p)

    def open_selected(self) -> None:
        a = self.selected()
        if a is None:
            return
        if a.id < 0:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.pending[-1 - a.id])))
            return
        global _open_dir
        if _open_dir is None:
            _open_dir = tempfile.TemporaryDirectory(prefix="commission-desk-")
        folder = Path(_open_dir.name) / a.sha256[:16]
        folder.mkdir(exist_ok=True)
        try:
            target = self.ctx.read(service.open_copy, a.id, folder)
        except CoreError as exc:
            messages.error(self, exc.message)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    def save_selected(self, target: str | None = None) -> None:
        a = self.selected()
        if a is None or a.id < 0:
            return
        if not target:
            target, _f = QFileDialog.getSaveFileName(self, _("Save a copy"), a.filename)
        if not target:
            return
        try:
            self.ctx.read(service.save_copy, a.id, target)
        except CoreError as exc:
            messages.error(self, exc.message)

    def remove_selected(self) -> None:
        a = self.selected()
        if a is None:
            return
        if a.id < 0:
            del self.pending[-1 - a.id]
        else:
            if not messages.confirm(self, _("Remove the attachment “{name}”?").format(name=a.filename)):
                return
            try:
                self.ctx.write(service.remove_attachment, a.id)
            except CoreError as exc:
                messages.error(self, exc.message)
                return
        self.reload()
        self.changed.emit()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self._update_buttons()

    def _update_buttons(self) -> None:
        a = self.selected()
        self.add_button.setEnabled(not self.read_only)
        self.open_button.setEnabled(a is not None)
        self.save_button.setEnabled(a is not None and a.id >= 0)
        self.remove_button.setEnabled(a is not None and not self.read_only)

    def retranslate_ui(self) -> None:
        self.add_button.setText(_("Attach…"))
        self.open_button.setText(_("Open"))
        self.save_button.setText(_("Save a copy…"))
        self.remove_button.setText(_("Remove"))
        self.list.setToolTip(_("Double-click a file to open it."))
        self.model.layoutChanged.emit()
