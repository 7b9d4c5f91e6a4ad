"""The quotas page of the Experts tab: how many experts and days each side may send in a period,
filtered by the sending side chosen in the tab's filter bar."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout

from app.core.errors import CoreError
from app.core.services.experts import quotas as experts_quotas
from app.i18n import _, current_language
from app.ui.dialogs.quota_dialog import QuotaDialog
from app.ui.models.query_model import QueryTableModel
from app.ui.views.experts_assignments import experts_table
from app.ui.views.experts_columns import quota_columns
from app.ui.views.page import RegisterPage
from app.ui.widgets import messages


class QuotasPage(RegisterPage):
    #: "Show its assignments" on this quota
    assignmentsWanted = Signal(object)  # noqa: N815

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.sending_side_id: int | None = None
        self._active = False  # no query before the tab's first refresh (sorting the header reloads)
        self._stale = False  # reloaded while hidden: reload when shown
        model = QueryTableModel(quota_columns(), self._fetch, self._count, self)
        model.sort_key = "period_from"
        self.set_table(experts_table("quotas_table", model), model)
        self.new_button = QPushButton()
        self.new_button.setObjectName("quota_new")
        self.new_button.clicked.connect(self.new_record)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("quota_edit")
        self.edit_button.clicked.connect(self.edit_record)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("quota_delete")
        self.delete_button.clicked.connect(self.delete_record)
        self.show_button = QPushButton()
        self.show_button.setObjectName("quota_show")
        self.show_button.clicked.connect(self.show_assignments)
        row = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.delete_button, self.show_button):
            row.addWidget(b)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.addLayout(row)
        lay.addWidget(self.table, 1)
        self.retranslate_ui()

    def _fetch(self, offset: int, limit: int, sort: str | None, desc: bool):
        if not (self._active and self.ctx.has_db):
            return []
        return self.ctx.read(
            experts_quotas.list_quotas, sending_side_id=self.sending_side_id, sort=sort, descending=desc,
            offset=offset, limit=limit,
        )  # fmt: skip

    def _count(self) -> int:
        if not (self._active and self.ctx.has_db):
            return 0
        return self.ctx.read(experts_quotas.count_quotas, sending_side_id=self.sending_side_id)

    def reload(self) -> None:
        """Query again; while another page of the tab is in view, when this one is next shown."""
        self._active = True
        if self.isHidden():
            self._stale = True
            return
        self._stale = False
        self.model.reload()
        # the quotas are few: their columns follow their contents and headers (in any language)
        self.table.resizeColumnsToContents()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self.reload()

    def update_buttons(self) -> None:
        q = self.current()
        self.new_button.setEnabled(self.ctx.has_db)
        for b in (self.edit_button, self.delete_button, self.show_button):
            b.setEnabled(q is not None)

    # --- actions ---------------------------------------------------------------------------------

    def new_record(self) -> None:
        dlg = QuotaDialog(self.ctx, parent=self)
        if dlg.exec() and dlg.saved is not None:
            self.refreshWanted.emit()

    def edit_record(self) -> None:
        q = self.current()
        if q is None:
            return
        if QuotaDialog(self.ctx, q, parent=self).exec():
            self.refreshWanted.emit()

    def delete_record(self) -> None:
        q = self.current()
        if q is None:
            return
        if not messages.confirm(
            self, _("Delete the quota “{quota}”?").format(quota=q.label(current_language()))
        ):
            return
        try:
            self.ctx.write(experts_quotas.delete_quota, q.id)
        except CoreError as exc:
            messages.error(self, exc.message)

    def show_assignments(self) -> None:
        q = self.current()
        if q is not None:
            self.assignmentsWanted.emit(q)

    def relabel(self) -> None:
        """What the tab retranslates once it may read the database: the cells and the widths."""
        self.model.retranslate()
        self.table.resizeColumnsToContents()

    def retranslate_ui(self) -> None:
        self.new_button.setText(_("New &quota…"))
        self.edit_button.setText(_("&Edit…"))
        self.delete_button.setText(_("&Delete"))
        self.show_button.setText(_("Show its assignments"))
