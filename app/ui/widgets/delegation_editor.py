"""The two delegations of a session, side by side: add people of each side with a role, change a
role, take someone out. The head of each delegation is marked; a missing head is said plainly."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.enums import DelegationRole
from app.core.errors import CoreError
from app.core.services.agenda import sessions as meetings
from app.core.services.agenda.sessions import MemberData
from app.core.services.commission import SideData
from app.i18n import N_, _, current_language, ngettext
from app.ui.dialogs.member_dialog import MemberDialog
from app.ui.models.list_model import ListTableModel
from app.ui.models.query_model import Column
from app.ui.views import agenda_text as fmt
from app.ui.widgets import messages
from app.ui.widgets.retranslate import Retranslatable


def _bold_head(m: MemberData):
    if m.role is not DelegationRole.HEAD:
        return None
    f = QFont()
    f.setBold(True)
    return f


def _columns() -> list[Column]:
    return [
        Column("name", N_("Name"), lambda m: m.name(fmt.lang()), extra={"font": _bold_head},
               tooltip=lambda m: "\n".join(x for x in (m.name_zh, m.name_ru, m.name_latin) if x)),
        Column("role", N_("Role"), lambda m: m.role.label),
        Column("position", N_("Position"), lambda m: m.job(fmt.lang()),
               tooltip=lambda m: m.organisation_zh if fmt.lang().startswith("zh") else m.organisation_ru),
    ]  # fmt: skip


class DelegationPanel(Retranslatable, QFrame):
    def __init__(self, ctx, side: SideData, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.side = side
        self.meeting_id: int | None = None
        self.setObjectName(f"delegation_{side.code}")
        self.model = ListTableModel(_columns(), self)
        self.table = QTableView()
        self.table.setObjectName(f"members_{side.code}")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        # positions run long in Russian ("заместитель министра…"): they wrap rather than being cut
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # names and roles as wide as what they show; the position takes the rest of the width and
        # wraps (at the width of a 1366-pixel laptop a Russian position did not fit on one line)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit_role())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.warning = QLabel()
        self.warning.setStyleSheet("color: #b00020;")
        self.warning.setWordWrap(True)
        self.add_button = QPushButton()
        self.add_button.setObjectName(f"member_add_{side.code}")
        self.add_button.clicked.connect(self.add_member)
        self.role_button = QPushButton()
        self.role_button.clicked.connect(self.edit_role)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_member)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.role_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.heading = QLabel()
        self.heading.setObjectName(f"delegation_title_{side.code}")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold;")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.heading)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.warning)
        lay.addLayout(buttons)
        self.retranslate_ui()

    def set_members(self, meeting_id: int | None, members: list[MemberData]) -> None:
        self.meeting_id = meeting_id
        self.model.set_rows([m for m in members if m.side_id == self.side.id])
        self._update_warning()
        self._update_buttons()

    def current(self) -> MemberData | None:
        idx = self.table.currentIndex()
        if not idx.isValid() or not self.table.selectionModel().hasSelection():
            return None
        return self.model.row_at(idx.row())

    def _update_warning(self) -> None:
        has_head = any(m.role is DelegationRole.HEAD for m in self.model.rows)
        text = "" if has_head or self.meeting_id is None else _("No head of delegation yet.")
        self.warning.setText(text)
        self.warning.setVisible(bool(text))

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.meeting_id is not None)
        has = self.current() is not None
        self.role_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    def add_member(self) -> None:
        if self.meeting_id is None:
            return
        dlg = MemberDialog(self.ctx, self.meeting_id, self.side, parent=self)
        dlg.exec()

    def edit_role(self) -> None:
        m = self.current()
        if m is None:
            return
        MemberDialog(self.ctx, self.meeting_id, self.side, m, parent=self).exec()

    def remove_member(self) -> None:
        m = self.current()
        if m is None:
            return
        name = m.name(current_language())
        if not messages.confirm(self, _("Take {name} out of the delegation?").format(name=name)):
            return
        try:
            self.ctx.write(meetings.remove_member, m.id)
        except CoreError as exc:
            messages.error(self, exc.message)

    def retranslate_ui(self) -> None:
        lang = current_language()
        n = len(self.model.rows)
        title = self.side.delegation_title(lang) or self.side.short_name(lang)
        self.heading.setText(f"{title} ({ngettext('{n} person', '{n} people', n).format(n=n)})")
        self.add_button.setText(_("Add…"))
        self.role_button.setText(_("Change role…"))
        self.remove_button.setText(_("Take out"))
        self._update_warning()
        self.model.retranslate()


class DelegationEditor(Retranslatable, QWidget):
    """Both delegations of the selected session."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.panels: dict[int, DelegationPanel] = {}
        self.lay = QHBoxLayout(self)
        self.lay.setContentsMargins(0, 0, 0, 0)

    def set_sides(self, sides: list[SideData]) -> None:
        if [p.side for p in self.panels.values()] == sides:
            return
        for p in self.panels.values():
            p.setParent(None)
            p.deleteLater()
        self.panels = {}
        for s in sides:
            panel = DelegationPanel(self.ctx, s, self)
            self.panels[s.id] = panel
            self.lay.addWidget(panel, 1)

    def panel(self, code: str) -> DelegationPanel:
        return next(p for p in self.panels.values() if p.side.code == code)

    def set_meeting(self, meeting_id: int | None) -> None:
        members = self.ctx.read(meetings.members, meeting_id) if meeting_id is not None else []
        for p in self.panels.values():
            p.set_members(meeting_id, members)
            p.retranslate_ui()

    def retranslate_ui(self) -> None:
        for p in self.panels.values():
            p.retranslate_ui()
