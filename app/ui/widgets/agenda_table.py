"""The agenda of one session as a table that can be reordered by drag and drop and with Ctrl+Up /
Ctrl+Down. The view only asks for a move (``moveRequested(item id, new place)``); the numbering
follows once the agenda is saved and reloaded."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from app.core.services.agenda.items import AgendaItemData
from app.i18n import N_, _
from app.ui.models.list_model import ListTableModel
from app.ui.models.query_model import ALIGN_CENTER, Column
from app.ui.views import agenda_text as fmt

MIME = "application/x-commission-desk-agenda-item"


def _missing(text: str) -> str:
    return text or _("— missing —")


def _title_font(item: AgendaItemData, lang: str) -> QFont | None:
    if getattr(item, f"title_{lang}"):
        return None
    f = QFont()
    f.setItalic(True)
    return f


def _clip_icon():
    from PySide6.QtWidgets import QApplication, QStyle

    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)


def _columns(side_name) -> list[Column]:
    missing_color = lambda lang: lambda i: fmt.LATE if not getattr(i, f"title_{lang}") else None  # noqa: E731
    return [
        Column("number", N_("No."), lambda i: i.number, align=ALIGN_CENTER,
               header_tooltip=N_("Items are numbered in agenda order; drag them or press Ctrl+Up / Ctrl+Down to move them")),
        Column("title_zh", N_("Title in Chinese"), lambda i: _missing(i.title_zh), tooltip=lambda i: i.title_zh,
               foreground=missing_color("zh"), extra={"font": lambda i: _title_font(i, "zh")}),
        Column("title_ru", N_("Title in Russian"), lambda i: _missing(i.title_ru), tooltip=lambda i: i.title_ru,
               foreground=missing_color("ru"), extra={"font": lambda i: _title_font(i, "ru")}),
        Column("side", N_("Proposed by"), lambda i: side_name(i.proposing_side_id)),
        Column("topic", N_("Topic"), lambda i: str(i.topic.number or "—"), align=ALIGN_CENTER,
               tooltip=lambda i: i.topic.label),
        Column("presenter", N_("Presenter"), lambda i: i.presenter(fmt.lang())),
        Column("slot", N_("Time slot"), lambda i: fmt.slot(i.day, i.start_time, i.end_time),
               tooltip=lambda i: fmt.slot(i.day, i.start_time, i.end_time, weekday=True)),
        Column("status", N_("Status"), lambda i: i.status.label),
        Column("materials", "", lambda i: str(i.materials) if i.materials else "", align=ALIGN_CENTER,
               header_tooltip=N_("Supplementary materials attached to the item"),
               extra={"header_icon": _clip_icon}),
    ]  # fmt: skip


class AgendaModel(ListTableModel):
    """The items of one session; rows can be dragged (as the item's id)."""

    def __init__(self, side_name, parent=None) -> None:
        super().__init__(_columns(side_name), parent)

    def flags(self, index):
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self):  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self):  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self):  # noqa: N802
        return [MIME]

    def mimeData(self, indexes):  # noqa: N802
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        if rows:
            data.setData(MIME, str(self.rows[rows[0]].id).encode())
        return data

    def dropMimeData(self, data, action, row, column, parent):  # noqa: N802
        return False  # the view handles the drop and asks for the move


class AgendaTable(QTableView):
    #: (item id, new 0-based place)
    moveRequested = Signal(int, int)  # noqa: N815

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("agenda_table")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def setModel(self, model) -> None:  # noqa: N802
        super().setModel(model)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        for col, c in enumerate(model.columns):
            stretch = c.key in ("title_zh", "title_ru")
            mode = QHeaderView.ResizeMode.Stretch if stretch else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(col, mode)

    def current_item(self) -> AgendaItemData | None:
        idx = self.currentIndex()
        if not idx.isValid() or not self.selectionModel().hasSelection():
            return None
        return self.model().row_at(idx.row())

    def select_item(self, item_id: int) -> None:
        row = self.model().find_row(lambda i: i.id == item_id)
        if row >= 0:
            self.selectRow(row)
            self.scrollTo(self.model().index(row, 0))

    # --- keyboard ----------------------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:  # noqa: N802
        mods = event.modifiers()
        if mods & Qt.KeyboardModifier.ControlModifier and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            item = self.current_item()
            if item is not None:
                step = -1 if event.key() == Qt.Key.Key_Up else 1
                target = item.position + step
                if 0 <= target < self.model().rowCount():
                    self.moveRequested.emit(item.id, target)
            event.accept()
            return
        super().keyPressEvent(event)

    # --- drag and drop -----------------------------------------------------------------------------

    def drop_target(self, pos) -> int:
        """The place (0-based, in the list without the dragged item) a drop at ``pos`` asks for."""
        index = self.indexAt(pos)
        if not index.isValid():
            return self.model().rowCount()
        rect = self.visualRect(index)
        return index.row() + (1 if pos.y() > rect.center().y() else 0)

    def dropEvent(self, event) -> None:  # noqa: N802
        data = event.mimeData()
        if not data.hasFormat(MIME) or event.source() not in (None, self):
            event.ignore()
            return
        try:
            item_id = int(bytes(data.data(MIME)).decode())
        except ValueError:
            event.ignore()
            return
        row = self.model().find_row(lambda i: i.id == item_id)
        target = self.drop_target(event.position().toPoint())
        if row < 0:
            event.ignore()
            return
        if target > row:
            target -= 1
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        if target != row:
            # after the drag has finished: the move reloads the model
            QTimer.singleShot(0, lambda: self.moveRequested.emit(item_id, target))

    def index_of(self, item_id: int) -> QModelIndex:
        row = self.model().find_row(lambda i: i.id == item_id)
        return self.model().index(row, 0) if row >= 0 else QModelIndex()
