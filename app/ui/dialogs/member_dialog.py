"""Put a person in a side's delegation with a role, or change a member's role."""

from __future__ import annotations

from app.core.enums import DelegationRole
from app.core.fields import Field, FieldKind
from app.core.services import people as people_service
from app.core.services.agenda import sessions as meetings
from app.core.services.agenda.sessions import MemberData
from app.core.services.commission import SideData
from app.i18n import N_, _, current_language
from app.ui.dialogs.record_dialog import RecordDialog


class MemberDialog(RecordDialog):
    fields = (
        Field("person_id", N_("Person"), FieldKind.REF, ref="person"),
        Field("role", N_("Role"), FieldKind.CHOICE, choices=DelegationRole),
    )

    def __init__(self, ctx, meeting_id: int, side: SideData, member: MemberData | None = None, parent=None):
        self.meeting_id = meeting_id
        self.side = side
        self.member = member
        super().__init__(ctx, member, parent)
        self.person, self.role = self.widgets["person_id"], self.widgets["role"]
        self.person.setEnabled(member is None)

    def setup(self) -> None:
        if self.member is not None:
            self._people = []
            return
        seated = {m.person_id for m in self.ctx.read(meetings.members, self.meeting_id)}
        everyone = self.ctx.read(people_service.search_people, "", self.side.id, sort="name_ru")
        self._people = [p for p in everyone if p.id not in seated]

    def options(self, field):
        lang = current_language()
        if self.member is not None:
            return [(self.member.name(lang), self.member.person_id)]
        out = []
        for p in self._people:
            job = p.position(lang)
            out.append((f"{p.name(lang)} — {job}" if job else p.name(lang), p.id))
        return out

    def defaults(self) -> None:
        members = self.ctx.read(meetings.members, self.meeting_id, self.side.id)
        has_head = any(m.role is DelegationRole.HEAD for m in members)
        self.set_value("role", DelegationRole.MEMBER if has_head else DelegationRole.HEAD)

    def first_focus(self):
        return None

    def title(self) -> str:
        lang = current_language()
        if self.member is None:
            delegation = self.side.delegation_title(lang) or self.side.short_name(lang)
            return _("Add to the delegation — {delegation}").format(delegation=delegation)
        return _("Role in the delegation — {name}").format(name=self.member.name(lang))

    def retranslate_extra(self) -> None:
        self.widgets["person_id"].setPlaceholderText(_("Everyone of this side is already in the delegation"))

    def write(self, values) -> MemberData:
        role = values["role"]
        if self.member is None:
            return self.ctx.write(meetings.add_member, self.meeting_id, self.side.id,
                                  values["person_id"], role)  # fmt: skip
        return self.ctx.write(meetings.set_member_role, self.member.id, role, self.record_version())
