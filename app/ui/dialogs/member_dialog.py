"""Put a person in a side's delegation with a role, or change a member's role."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from app.core.enums import DelegationRole
from app.core.errors import CoreError
from app.core.services import people as people_service
from app.core.services.agenda import sessions as meetings
from app.core.services.agenda.sessions import MemberData
from app.core.services.commission import SideData
from app.i18n import _, current_language
from app.ui.widgets.form import FieldErrors
from app.ui.widgets.retranslate import Retranslatable


class MemberDialog(Retranslatable, QDialog):
    def __init__(self, ctx, meeting_id: int, side: SideData, member: MemberData | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.side = side
        self.member = member
        self.saved: MemberData | None = None
        self.setObjectName("MemberDialog")
        self.setMinimumWidth(460)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        lay.addLayout(form)
        general = QLabel()
        self.errors = FieldErrors(general)
        self.person = QComboBox()
        self.person.setObjectName("person_id")
        self.role = QComboBox()
        self.role.setObjectName("role")
        self.person_label, self.role_label = QLabel(), QLabel()
        self.errors.add_row(form, "person_id", self.person_label, self.person)
        self.errors.add_row(form, "role", self.role_label, self.role)
        lay.addWidget(general)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        for r in DelegationRole:
            self.role.addItem("", r.value)
        if member is not None:
            self._people = []
            self.person.addItem("", member.person_id)
            self.person.setEnabled(False)
            self.role.setCurrentIndex(self.role.findData(member.role.value))
        else:
            seated = {m.person_id for m in ctx.read(meetings.members, meeting_id)}
            everyone = ctx.read(people_service.search_people, "", side.id, sort="name_ru")
            self._people = [p for p in everyone if p.id not in seated]
            for p in self._people:
                self.person.addItem("", p.id)
            has_head = any(
                m.role is DelegationRole.HEAD for m in ctx.read(meetings.members, meeting_id, side.id)
            )
            role = DelegationRole.MEMBER if has_head else DelegationRole.HEAD
            self.role.setCurrentIndex(self.role.findData(role.value))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        lang = current_language()
        delegation = self.side.delegation_title(lang) or self.side.short_name(lang)
        if self.member is None:
            self.setWindowTitle(_("Add to the delegation — {delegation}").format(delegation=delegation))
        else:
            self.setWindowTitle(_("Role in the delegation — {name}").format(name=self.member.name(lang)))
        self.person_label.setText(_("Person"))
        self.role_label.setText(_("Role"))
        for i, r in enumerate(DelegationRole):
            self.role.setItemText(i, r.label)
        if self.member is not None:
            self.person.setItemText(0, self.member.name(lang))
        else:
            for i, p in enumerate(self._people):
                job = p.position(lang)
                self.person.setItemText(i, f"{p.name(lang)} — {job}" if job else p.name(lang))
            self.person.setPlaceholderText(_("Everyone of this side is already in the delegation"))

    def accept(self) -> None:
        self.errors.clear()
        role = self.role.currentData()
        try:
            if self.member is None:
                self.saved = self.ctx.write(
                    meetings.add_member,
                    self.meeting_id,
                    self.side.id,
                    self.person.currentData(),
                    role,
                )
            else:
                self.saved = self.ctx.write(meetings.set_member_role, self.member.id, role)
        except CoreError as exc:
            self.errors.show(exc.field, exc.message)
            return
        super().accept()
