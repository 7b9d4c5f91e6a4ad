"""The People tab: search as you type, add, edit, delete (refused while referenced)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout

from app.core.changes import Change
from app.core.errors import CoreError
from app.core.services import commission as commission_service
from app.core.services import people as people_service
from app.i18n import N_, _, current_language, ngettext
from app.ui.dialogs.person_dialog import PersonDialog
from app.ui.models.query_model import Column, QueryTableModel
from app.ui.views.base import View
from app.ui.views.page import register_table, select_row, selected_row
from app.ui.widgets import messages
from app.ui.widgets.column_chooser import fit_columns, needs_fit
from app.ui.widgets.search import SearchField


class PeopleView(View):
    TITLE = N_("People")
    CONCERNS = frozenset({Change.PEOPLE, Change.COMMISSION})

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("PeopleView")
        self._text = ""
        self._side_id: int | None = None
        self._side_codes: dict[int, str] = {}

        self.search = SearchField()
        self.search.setObjectName("people_search")
        self.search.searchChanged.connect(self._on_search)
        self.side_filter = QComboBox()
        self.side_filter.setObjectName("people_side_filter")
        self.side_filter.currentIndexChanged.connect(self._on_side)
        self.add_button = QPushButton()
        self.add_button.setObjectName("people_add")
        self.add_button.clicked.connect(self.new_record)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.edit_record)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete_record)
        self.history_button = QPushButton()
        self.history_button.setObjectName("people_history")
        self.history_button.clicked.connect(self.show_history)
        self.summary = QLabel()

        top = QHBoxLayout()
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search)
        top.addWidget(self.search_label)
        top.addWidget(self.search, 2)
        self.side_label = QLabel()
        top.addWidget(self.side_label)
        top.addWidget(self.side_filter)
        top.addStretch(1)
        top.addWidget(self.add_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.delete_button)
        top.addWidget(self.history_button)

        self.model = QueryTableModel(self._columns(), self._fetch, self._count, self)
        self.model.sort_key = "name_ru"
        self.table = register_table("people_table", self.model)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self._sides: dict = {}
        self.table.doubleClicked.connect(lambda _i: self.edit_record())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.summary)
        self.retranslate_ui()

    def _columns(self) -> list[Column]:
        lang = current_language
        return [
            Column("name_zh", N_("Name in Chinese"), lambda p: p.name_zh),
            Column("name_ru", N_("Name in Russian"), lambda p: p.name_ru),
            Column("name_latin", N_("Latin"), lambda p: p.name_latin),
            Column("side", N_("Side"), lambda p: self._side_name(p.side_code)),
            Column("organisation", N_("Organisation"), lambda p: p.organisation(lang()),
                   tooltip=lambda p: "\n".join(x for x in (p.organisation_zh, p.organisation_ru) if x)),
            Column("position", N_("Position"), lambda p: p.position(lang()),
                   tooltip=lambda p: "\n".join(x for x in (p.position_zh, p.position_ru) if x)),
        ]  # fmt: skip

    # --- data --------------------------------------------------------------------------------

    def _fetch(self, offset: int, limit: int, sort: str | None, desc: bool):
        if not self.ctx.has_db:
            return []
        return self.ctx.read(
            people_service.search_people,
            self._text,
            self._side_id,
            sort=self._sort_column(sort),
            descending=desc,
            offset=offset,
            limit=limit,
        )

    @staticmethod
    def _sort_column(sort: str | None) -> str:
        if sort in ("organisation", "position"):
            return f"{sort}_{'zh' if current_language() == 'zh_CN' else 'ru'}"
        return sort or "name_ru"

    def _count(self) -> int:
        if not self.ctx.has_db:
            return 0
        return self.ctx.read(people_service.count_people, self._text, self._side_id)

    def _side_name(self, code: str) -> str:
        side = self._sides.get(code)
        return side.short_name(current_language()) if side is not None else code

    def refresh(self) -> None:
        self._fill_sides()
        self.model.reload()
        self._update_summary()
        self._fit()

    def _fit(self) -> None:
        if needs_fit(self.table):
            fit_columns(self.table, content=(0, 1, 2, 3))

    def _fill_sides(self) -> None:
        sides = self.ctx.read(commission_service.get_sides) if self.ctx.has_db else []
        self._sides = {s.code: s for s in sides}
        self.side_filter.blockSignals(True)
        current = self.side_filter.currentData()
        self.side_filter.clear()
        self.side_filter.addItem(_("All sides"), None)
        lang = current_language()
        for s in sides:
            self.side_filter.addItem(s.short_name(lang), s.id)
        idx = self.side_filter.findData(current)
        self.side_filter.setCurrentIndex(idx if idx >= 0 else 0)
        self.side_filter.blockSignals(False)

    def _on_search(self, text: str) -> None:
        self._text = text
        self.model.reload()
        self._update_summary()

    def _on_side(self, _index: int) -> None:
        self._side_id = self.side_filter.currentData()
        self.model.reload()
        self._update_summary()

    def _update_summary(self) -> None:
        n = self.model.total
        self.summary.setText(ngettext("{n} person", "{n} people", n).format(n=n))

    def _update_buttons(self) -> None:
        has = self.current() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.history_button.setEnabled(has)
        self.add_button.setEnabled(self.ctx.has_db)
        self.actionsChanged.emit()

    def current(self):
        return selected_row(self.table, self.model)

    def select_person(self, person_id: int) -> None:
        select_row(self.table, self.model, person_id)

    # --- actions -----------------------------------------------------------------------------

    def can_new(self) -> bool:
        return self.ctx.has_db

    def can_edit(self) -> bool:
        return self.current() is not None

    def can_delete(self) -> bool:
        return self.current() is not None

    def can_find(self) -> bool:
        return True

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_record(self) -> None:
        dlg = PersonDialog(self.ctx, parent=self)
        if dlg.exec() and dlg.saved is not None:
            self.refresh_if_stale()
            self.select_person(dlg.saved.id)
            self.status.emit(_("{name} was added.").format(name=dlg.saved.name(current_language())))

    def edit_record(self) -> None:
        person = self.current()
        if person is None:
            return
        dlg = PersonDialog(self.ctx, person, parent=self)
        if dlg.exec() and dlg.saved is not None:
            self.refresh_if_stale()
            self.select_person(dlg.saved.id)

    def show_history(self) -> None:
        """Everything the person has done for the commission: delegations, assignments, presentations."""
        from app.ui.dialogs.person_history_dialog import PersonHistoryDialog

        person = self.current()
        if person is not None:
            PersonHistoryDialog(self.ctx, person.id, self).exec()

    def delete_record(self) -> None:
        person = self.current()
        if person is None:
            return
        name = person.name(current_language())
        if not messages.confirm(self, _("Delete {name} from the People register?").format(name=name)):
            return
        try:
            self.ctx.write(people_service.delete_person, person.id)
        except CoreError as exc:
            messages.error(self, exc.message)
            return
        self.status.emit(_("{name} was deleted.").format(name=name))

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.search_label.setText(_("&Search:"))
        self.search.setPlaceholderText(_("Name, organisation or position, in any language"))
        self.side_label.setText(_("Side:"))
        self.add_button.setText(_("&Add…"))
        self.edit_button.setText(_("&Edit…"))
        self.delete_button.setText(_("&Delete"))
        self.history_button.setText(_("Person's &history…"))
        self.history_button.setToolTip(_("Delegations, assignments and presentations of the person"))
        if self.ctx.has_db:
            self._fill_sides()  # the sides' names in the new language
        self.model.retranslate()
        self._fit()
        self._update_summary()
        self._update_buttons()
