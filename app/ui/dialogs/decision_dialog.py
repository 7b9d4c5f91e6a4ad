"""Edit a decision of the register (agencies, deadline, status, superseding), enter one the
chairmen took between sessions, or add a dated follow-up note."""

from __future__ import annotations

import datetime as dt

from app.core.enums import DecisionStatus
from app.core.services.decisions import records as service
from app.core.services.decisions.fields import DECISION, NOTE
from app.core.services.decisions.records import DecisionInput, NoteInput
from app.i18n import _
from app.i18n.wording import session_name
from app.ui.dialogs.record_dialog import RecordDialog

_DECISION_FIELDS = ("meeting_id", "decided_on", "text_zh", "text_ru", "agency1_zh", "agency1_ru", "agency2_zh",
                    "agency2_ru", "deadline", "status", "superseded_by_id")  # fmt: skip


def decision_label(ordinal: int, number: int) -> str:
    return _("Decision {session}/{number}").format(session=ordinal, number=number)


class DecisionDialog(RecordDialog):
    fields = tuple(DECISION[n] for n in _DECISION_FIELDS)
    minimum_width = 560

    def __init__(self, ctx, decision=None, meeting_id: int | None = None, parent=None) -> None:
        self._meeting_id = meeting_id
        super().__init__(ctx, decision, parent)

    def setup(self) -> None:
        from app.core.services.agenda import sessions as meetings

        self._meetings = self.ctx.read(meetings.list_meetings, newest_first=False)
        self._choices = self.ctx.read(service.decision_choices)
        self.widgets["status"].currentIndexChanged.connect(lambda _i: self._follow_status())

    def options(self, field):
        if field.name == "meeting_id":
            return [(session_name(m.ordinal), m.id) for m in self._meetings]
        if field.name == "superseded_by_id":
            own = self.record.id if self.record is not None else None
            return [("—", None)] + [(decision_label(o, n), i) for i, o, n in self._choices if i != own]
        return ()

    def defaults(self) -> None:
        if self._meeting_id is not None:
            self.set_value("meeting_id", self._meeting_id)
        self.set_value("decided_on", dt.date.today())
        self._follow_status()

    def load(self, record) -> None:
        super().load(record)
        self.set_value("superseded_by_id", record.superseded_by_id)
        self.widgets["meeting_id"].setEnabled(False)
        for name in ("text_zh", "text_ru", "decided_on"):
            self.widgets[name].setEnabled(not record.in_minutes)
        self._follow_status()

    def _follow_status(self) -> None:
        superseded = self.value("status") == DecisionStatus.SUPERSEDED.value
        self.widgets["superseded_by_id"].setEnabled(superseded)

    def title(self) -> str:
        if self.record is None:
            return _("New decision taken between sessions")
        return decision_label(self.record.ordinal, self.record.number)

    def data(self, values) -> DecisionInput:
        return DecisionInput(
            meeting_id=values["meeting_id"], text_zh=values["text_zh"], text_ru=values["text_ru"],
            agency1_zh=values["agency1_zh"], agency1_ru=values["agency1_ru"], agency2_zh=values["agency2_zh"],
            agency2_ru=values["agency2_ru"], deadline=values["deadline"], status=values["status"],
            decided_on=values["decided_on"], superseded_by_id=values["superseded_by_id"],
        )  # fmt: skip

    def write(self, values):
        if self.record is None:
            return self.ctx.write(service.add_decision, self.data(values))
        return self.ctx.write(service.update_decision, self.record.id, self.data(values))


class NoteDialog(RecordDialog):
    fields = tuple(NOTE)

    def __init__(self, ctx, decision, note=None, parent=None) -> None:
        self.decision = decision
        super().__init__(ctx, note, parent)

    def defaults(self) -> None:
        self.set_value("noted_on", dt.date.today())

    def first_focus(self):
        return self.widgets["text_zh"]

    def title(self) -> str:
        label = decision_label(self.decision.ordinal, self.decision.number)
        return _("Follow-up note: {decision}").format(decision=label)

    def write(self, values):
        data = NoteInput(values["noted_on"], values["text_zh"], values["text_ru"])
        if self.record is None:
            return self.ctx.write(service.add_note, self.decision.id, data)
        return self.ctx.write(service.update_note, self.record.id, data)
