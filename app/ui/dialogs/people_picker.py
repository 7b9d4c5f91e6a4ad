"""Choose people of one side from the People register: search as you type, tick the ones to take."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListView, QVBoxLayout

from app.core.services import people as people_service
from app.i18n import _, current_language, ngettext
from app.ui.widgets.retranslate import Retranslatable
from app.ui.widgets.search import SearchField

LIMIT = 500


class PeopleListModel(QAbstractListModel):
    """People with a tick box; ``checked`` survives a new search."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: list = []
        self.checked: dict[int, object] = {}

    def set_items(self, items: list) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        p = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            lang = current_language()
            other = p.name_ru if lang.startswith("zh") else p.name_zh
            org = p.organisation(lang)
            text = f"{p.name(lang)}  ({other})" if other else p.name(lang)
            return f"{text} — {org}" if org else text
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if p.id in self.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.UserRole:
            return p
        return None

    def flags(self, index):
        return super().flags(index) | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        p = self.items[index.row()]
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.checked[p.id] = p
        else:
            self.checked.pop(p.id, None)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def toggle(self, row: int) -> None:
        idx = self.index(row)
        state = Qt.CheckState.Unchecked if self.items[row].id in self.checked else Qt.CheckState.Checked
        self.setData(idx, state.value, Qt.ItemDataRole.CheckStateRole)


class PeoplePickerDialog(Retranslatable, QDialog):
    def __init__(self, ctx, side_id: int, already: set[int] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.side_id = side_id
        self.already = already or set()
        self.setObjectName("PeoplePickerDialog")
        self.resize(560, 520)
        self.search = SearchField()
        self.search.setObjectName("picker_search")
        self.search.searchChanged.connect(self.reload)
        self.model = PeopleListModel(self)
        self.list = QListView()
        self.list.setObjectName("picker_list")
        self.list.setModel(self.model)
        self.list.doubleClicked.connect(lambda i: self.model.toggle(i.row()))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.count = QLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.hint)
        lay.addWidget(self.search)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.count)
        lay.addWidget(self.buttons)
        self.model.dataChanged.connect(lambda *_: self._update_count())
        self.reload("")
        self.retranslate_ui()
        self.search.setFocus()

    def reload(self, text: str = "") -> None:
        found = self.ctx.read(people_service.search_people, text, self.side_id, limit=LIMIT)
        self.model.set_items([p for p in found if p.id not in self.already])
        self._update_count()

    def chosen(self) -> list:
        return list(self.model.checked.values())

    def check(self, person_id: int) -> None:
        for row, p in enumerate(self.model.items):
            if p.id == person_id:
                self.model.setData(
                    self.model.index(row), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
                )

    def _update_count(self) -> None:
        n = len(self.model.checked)
        self.count.setText(ngettext("{n} person chosen", "{n} people chosen", n).format(n=n))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Choose people"))
        self.hint.setText(_("Only people of the sending side are listed. Tick the people to send."))
        self.search.setPlaceholderText(_("Name, organisation or position, in any language"))
        self._update_count()
        self.model.layoutChanged.emit()
