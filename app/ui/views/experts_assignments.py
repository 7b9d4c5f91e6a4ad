"""The assignments page of the Experts tab: who is sent where and for how long, filtered by the
tab's filter bar, with the steps of the procedure and each person's history."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout

from app.core.errors import CoreError
from app.core.models.experts import AssignmentPurpose, AssignmentStatus
from app.core.services import commission as commission_service
from app.core.services.experts import assignments as experts
from app.core.services.experts import procedure as experts_procedure
from app.core.services.experts.query import AssignmentFilter, count_assignments, search_assignments
from app.i18n import _, current_language, ngettext
from app.ui.dialogs.assignment_dialog import AssignmentDialog
from app.ui.dialogs.person_history_dialog import PersonHistoryDialog
from app.ui.dialogs.step_dialog import StepDialog
from app.ui.models.query_model import QueryTableModel
from app.ui.views.experts_columns import assignment_columns
from app.ui.views.page import RegisterPage, one_line_rows, register_table
from app.ui.widgets import messages
from app.ui.widgets.column_chooser import fit_columns, needs_fit


def experts_table(name: str, model: QueryTableModel):
    t = register_table(name, model)
    one_line_rows(t)
    t.horizontalHeader().setStretchLastSection(True)
    return t


class AssignmentsPage(RegisterPage):
    """``filter`` (the tab's), ``today`` and ``horizon`` (the alerts' days ahead) are set by the tab."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.filter = AssignmentFilter()
        self.today = dt.date.today()
        self.horizon = 30
        self._active = False  # no query before the tab's first refresh (sorting the header reloads)
        self._side_names: dict[str, str] = {}
        model = QueryTableModel(
            assignment_columns(self._side_name, lambda: self.today, lambda: self.horizon), self._fetch, self._count,
            self,
        )  # fmt: skip
        model.sort_key = "start"
        table = experts_table("assignments_table", model)
        table.sortByColumn(7, Qt.SortOrder.AscendingOrder)
        header = table.horizontalHeader()
        keys = [c.key for c in model.columns]
        for visual, key in enumerate(("start", "end"), start=2):  # the dates in view without scrolling
            header.moveSection(header.visualIndex(keys.index(key)), visual)
        self.set_table(table, model)
        self.new_button = QPushButton()
        self.new_button.setObjectName("assignment_new")
        self.new_button.clicked.connect(self.new_record)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("assignment_edit")
        self.edit_button.clicked.connect(self.edit_record)
        self.step_button = QPushButton()
        self.step_button.setObjectName("assignment_step")
        self.step_button.clicked.connect(self.next_step)
        self.history_button = QPushButton()
        self.history_button.setObjectName("assignment_history")
        self.history_button.clicked.connect(self._history_of_current)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("assignment_delete")
        self.delete_button.clicked.connect(self.delete_record)
        self.summary = QLabel()
        self.summary.setObjectName("assignments_summary")
        row = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.step_button, self.history_button, self.delete_button):
            row.addWidget(b)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.addLayout(row)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.summary)
        self.retranslate_ui()

    # --- data ------------------------------------------------------------------------------------

    def _side_name(self, code: str) -> str:
        return self._side_names.get(code, code)

    def set_sides(self, sides) -> None:
        """The sides' short names in the current language, for the direction column."""
        lang = current_language()
        names = {s.code: s.short_name(lang) for s in sides}
        if names != self._side_names:  # the direction column is fitted to the sides' names
            self._side_names = names
            self.table.setProperty("fitted_language", None)

    def _fetch(self, offset: int, limit: int, sort: str | None, desc: bool):
        if not (self._active and self.ctx.has_db):
            return []
        return self.ctx.read(
            search_assignments, self.filter, sort=sort, descending=desc, offset=offset, limit=limit,
            lang=current_language(),
        )  # fmt: skip

    def _count(self) -> int:
        return self.ctx.read(count_assignments, self.filter) if self._active and self.ctx.has_db else 0

    def reload(self, note: str = "") -> None:
        """Query again; ``note`` follows the count (the quota whose assignments are shown)."""
        self._active = True
        self.model.reload()
        self.update_summary(note)
        self.fit()

    def fit(self) -> None:
        """Widths for the current language (again after a switch): the names and organisations by
        a number of characters, the short columns as wide as what they show."""
        if not needs_fit(self.table):
            return
        keys = [c.key for c in self.model.columns]
        chars = {"people": 22, "organisation": 24, "place": 9, "speciality": 14}
        content = {"status", "direction", "purpose", "place", "start", "end", "term", "term_end", "session"}
        labels = {"purpose": [p.label for p in AssignmentPurpose], "status": [s.label for s in AssignmentStatus]}
        fit_columns(self.table, chars={i: chars[k] for i, k in enumerate(keys) if k in chars},
                    content=[i for i, k in enumerate(keys) if k in content], cap_chars=34,
                    values={i: labels[k] for i, k in enumerate(keys) if k in labels})  # fmt: skip

    def update_summary(self, note: str = "") -> None:
        n = self.model.total
        text = ngettext("{n} assignment", "{n} assignments", n).format(n=n)
        self.summary.setText(f"{text} · {note}" if note else text)

    def update_buttons(self) -> None:
        a = self.current()
        self.new_button.setEnabled(self.ctx.has_db)
        self.edit_button.setEnabled(a is not None)
        self.history_button.setEnabled(a is not None)
        self.delete_button.setEnabled(a is not None)
        self.step_button.setEnabled(a is not None and not a.status.is_final)

    def select_assignment(self, assignment_id: int) -> None:
        self.select_id(assignment_id)

    def context_buttons(self) -> list[QPushButton]:
        return [self.edit_button, self.step_button, self.history_button, self.delete_button]

    # --- actions ---------------------------------------------------------------------------------

    def new_record(self) -> None:
        dlg = AssignmentDialog(self.ctx, parent=self)
        if dlg.exec() and dlg.saved is not None:
            self.refreshWanted.emit()
            self.select_assignment(dlg.saved.id)
            self.status.emit(_("The assignment was added."))
        elif dlg.saved is not None:  # saved, then a step recorded, then closed
            self.refreshWanted.emit()

    def open_assignment(self, assignment_id: int, select: bool | None = None) -> None:
        """Open the assignment in its dialog; then select it in the table (by default if the table is
        in view)."""
        if select is None:
            select = self.isVisible()
        try:
            a = self.ctx.read(experts.get_assignment, assignment_id)
        except CoreError as exc:
            messages.error(self, exc.message)
            return
        AssignmentDialog(self.ctx, a, parent=self).exec()
        self.refreshWanted.emit()
        if select:
            self.select_assignment(assignment_id)

    def edit_record(self) -> None:
        a = self.current()
        if a is not None:
            self.open_assignment(a.id)

    def next_step(self) -> None:
        row = self.current()
        if row is None:
            return
        try:
            a = self.ctx.read(experts.get_assignment, row.id)
        except CoreError as exc:
            messages.error(self, exc.message)
            return
        following = experts_procedure.next_statuses(a.status)
        if not following:
            return
        dlg = StepDialog(self.ctx, a, following[0], self)
        if dlg.exec() and dlg.saved is not None:
            self.refreshWanted.emit()
            self.select_assignment(row.id)
            self.status.emit(
                _("{names}: {status}.").format(
                    names=dlg.saved.names(current_language()), status=dlg.saved.status.label
                )
            )

    def delete_record(self) -> None:
        a = self.current()
        if a is None:
            return
        names = a.names(current_language())
        text = _("Delete the assignment of {names} to {host}, with its steps and attachments?").format(
            names=names, host=a.host_organisation(current_language())
        )
        if a.status not in (AssignmentStatus.PROPOSED, AssignmentStatus.CANCELLED):
            text += "\n" + _("To keep its record, cancel it instead.")
        if not messages.confirm(self, text):
            return
        try:
            self.ctx.write(experts.delete_assignment, a.id)
        except CoreError as exc:
            messages.error(self, exc.message)

    def _history_of_current(self) -> None:
        a = self.current()
        if a is None or not a.people:
            return
        if len(a.people) == 1:
            self.show_history(a.people[0].id)
            return
        menu = QMenu(self)
        lang = current_language()
        for p in a.people:
            menu.addAction(p.name(lang), lambda pid=p.id: self.show_history(pid))
        menu.exec(self.history_button.mapToGlobal(QPoint(0, self.history_button.height())))

    def show_history(self, person_id: int) -> None:
        PersonHistoryDialog(self.ctx, person_id, self).exec()
        self.refreshWanted.emit()

    # --- language --------------------------------------------------------------------------------

    def relabel(self) -> None:
        """What the tab retranslates once it may read the database: the sides' names, the cells and
        the widths for the new language."""
        if self.ctx.has_db and self._side_names:
            self.set_sides(self.ctx.read(commission_service.get_sides))
        self.model.retranslate()
        self.table.setProperty("fitted_language", None)  # the side names have changed
        self.fit()
        self.update_summary()

    def retranslate_ui(self) -> None:
        self.new_button.setText(_("&New assignment…"))
        self.edit_button.setText(_("&Edit…"))
        self.step_button.setText(_("Next s&tep…"))
        self.step_button.setToolTip(_("Record the next step of the procedure"))
        self.history_button.setText(_("Person's &history…"))
        self.delete_button.setText(_("&Delete"))
