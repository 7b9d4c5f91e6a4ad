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
from app.i18n import _, current_language, format_number
from app.ui.widgets import messages
from app.ui.widgets.retranslate import Retranslatable

_open_dir: tempfile.TemporaryDirectory | None = None


def human_size(n: int) -> str:
    if n < 1024:
        return _("{n} bytes").format(n=format_number(n))
    if n < 1024 * 1024:
        return _("{n} KB").format(n=format_number(round(n / 1024, 1)))
    return _("{n} MB").format(n=format_number(round(n / 1024 / 1024, 1)))


def shown_title(a: AttachmentData) -> str:
    """The title shown in the list: the one in the interface's language, else the other one."""
    first, second = (a.title_ru, a.title_zh) if current_language().startswith("ru") else (a.title_zh, a.title_ru)
    return first or second


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
            title = shown_title(a)
            name = f"{a.filename}  ({human_size(a.size)})"
            return f"{title} — {name}" if title else name
        if role == Qt.ItemDataRole.ToolTipRole:
            titles = [t for t in (a.title_zh, a.title_ru) if t]
            return "\n".join([*titles, a.filename, a.mime_type, f"SHA-256 {a.sha256}"])
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
        #: files chosen before the record exists, with their titles (Chinese, Russian)
        self.pending: list[tuple[Path, str, str]] = []
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
        self.titles_button = QPushButton()
        self.titles_button.setObjectName("attachments_titles")
        self.titles_button.clicked.connect(self.edit_titles)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_selected)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save_selected)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.titles_button, self.open_button, self.save_button, self.remove_button):
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
                -1 - i, "", self.owner_kind, -1, p.name, "", p.stat().st_size if p.exists() else 0, "", zh, ru
            )
            for i, (p, zh, ru) in enumerate(self.pending)
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
        """Attach… : choose files, then say what each is called (filled in from its name)."""
        paths, _f = QFileDialog.getOpenFileNames(self, _("Attach files"))
        for p in paths:
            try:
                service.read_file(p)  # an unreadable file is refused before its titles are asked
            except CoreError as exc:
                messages.error(self, exc.message)
                return
            titles = self.ask_titles(Path(p))
            if titles is not None:
                self.add_files([Path(p)], titles)

    def ask_titles(self, path: Path) -> tuple[str, str] | None:
        """The titles of a file about to be attached (None if the user cancels)."""
        from app.ui.dialogs.attachment_title_dialog import AttachmentTitleDialog

        zh, ru = service.default_titles(path.name)
        draft = AttachmentData(-1, "", self.owner_kind, -1, path.name, "", 0, "", zh, ru)
        dialog = AttachmentTitleDialog(self.ctx, draft, self)
        return dialog.saved if dialog.exec() else None

    def edit_titles(self) -> bool:
        """Titles… : rename the selected material in both languages."""
        from app.ui.dialogs.attachment_title_dialog import AttachmentTitleDialog

        a = self.selected()
        if a is None or self.read_only:
            return False
        row = self.list.currentIndex().row()
        dialog = AttachmentTitleDialog(self.ctx, a, self)
        if not dialog.exec():
            return False
        if a.id < 0:
            path = self.pending[-1 - a.id][0]
            self.pending[-1 - a.id] = (path, *dialog.saved)
        self.reload()
        self.list.setCurrentIndex(self.model.index(row))
        self.changed.emit()
        return True

    def add_files(self, paths: list[Path], titles: tuple[str, str] | None = None) -> bool:
        """Attach files now (or keep them pending until the record is saved). False on an error.

        ``titles`` (Chinese, Russian) name them; without, they are guessed from the file names."""
        for p in paths:
            try:
                service.read_file(p)  # unreadable files are refused now, with the reason
            except CoreError as exc:
                messages.error(self, exc.message)
                return False
        named = [(p, *(titles or service.default_titles(p.name))) for p in paths]
        if self.owner_id is None:
            self.pending.extend(named)
        else:
            try:
                for p, zh, ru in named:
                    self.ctx.write(service.add_file, self.owner_kind, self.owner_id, p, title_zh=zh, title_ru=ru)
            except CoreError as exc:
                messages.error(self, exc.message)
                return False
        self.reload()
        self.changed.emit()
        return True

    def save_pending(self, session, owner_id: int) -> None:
        """Attach the pending files inside the caller's unit of work (the record's own save)."""
        for p, zh, ru in self.pending:
            service.add_file(session, self.owner_kind, owner_id, p, title_zh=zh, title_ru=ru)

    def open_selected(self) -> None:
        a = self.selected()
        if a is None:
            return
        if a.id < 0:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.pending[-1 - a.id][0])))
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
        self.titles_button.setEnabled(a is not None and not self.read_only)
        self.open_button.setEnabled(a is not None)
        self.save_button.setEnabled(a is not None and a.id >= 0)
        self.remove_button.setEnabled(a is not None and not self.read_only)

    def retranslate_ui(self) -> None:
        self.add_button.setText(_("Attach…"))
        self.titles_button.setText(_("Titles…"))
        self.titles_button.setToolTip(_("What the documents call this material in Chinese and in Russian"))
        self.open_button.setText(_("Open"))
        self.save_button.setText(_("Save a copy…"))
        self.remove_button.setText(_("Remove"))
        self.list.setToolTip(_("Double-click a file to open it."))
        self.model.layoutChanged.emit()
