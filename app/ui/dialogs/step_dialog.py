"""Record a step of an assignment's procedure: which step, its date, who handled it on each side,
and the reason when steps are skipped or the assignment is cancelled."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QGroupBox, QLabel

from app.core.fields import Field, FieldKind
from app.core.models.experts import AssignmentStatus as S
from app.core.services import people as people_service
from app.core.services.experts import procedure as experts_procedure
from app.core.services.experts.assignments import AssignmentData, NeedsOverride, StepData
from app.i18n import N_, _, current_language, pgettext
from app.ui.dialogs.override_dialog import ask_override_reason
from app.ui.dialogs.record_dialog import KeepOpen, RecordDialog

_SENDING = ("sending_person_id", "sending_text")
_RECEIVING = ("receiving_person_id", "receiving_text")


class StepDialog(RecordDialog):
    """``saved`` holds the assignment after the step was recorded."""

    fields = (
        Field("status", N_("Step"), FieldKind.REF, ref="status"),
        Field("date", N_("Date"), FieldKind.DATE, required=True),
        Field("sending_person_id", N_("Person"), FieldKind.REF, ref="person"),
        Field("sending_text", N_("or as text")),
        Field("receiving_person_id", N_("Person"), FieldKind.REF, ref="person"),
        Field("receiving_text", N_("or as text")),
        Field("reason", N_("Reason"), FieldKind.LONG_TEXT),
    )
    ok_button = QDialogButtonBox.StandardButton.Ok
    minimum_width = 560
    long_text_height = 90

    def __init__(self, ctx, assignment: AssignmentData, target: S | None = None, parent=None) -> None:
        self.assignment = assignment
        self.statuses = experts_procedure.next_statuses(assignment.status)
        super().__init__(ctx, None, parent)
        w = self.widgets
        self.status, self.date, self.reason = w["status"], w["date"], w["reason"]
        self.sending_person, self.sending_text = w["sending_person_id"], w["sending_text"]
        self.receiving_person, self.receiving_text = w["receiving_person_id"], w["receiving_text"]
        self.status.setObjectName("step_status")
        self.date.setObjectName("step_date")
        if target is not None and target in self.statuses:
            self.status.setCurrentIndex(self.statuses.index(target))
        self._update_note()

    def form_for(self, name: str) -> QFormLayout:
        if name in _SENDING + _RECEIVING:
            sending = name in _SENDING
            if not hasattr(self, "sending_box" if sending else "receiving_box"):
                box = QGroupBox()
                setattr(self, "sending_box" if sending else "receiving_box", box)
                setattr(self, "_sending_form" if sending else "_receiving_form", QFormLayout(box))
                self.main_layout.addWidget(box)
            return self._sending_form if sending else self._receiving_form
        if name == "reason":
            self.skip_note = QLabel()
            self.skip_note.setWordWrap(True)
            self.skip_note.setStyleSheet("color: #8a5a00;")
            self.main_layout.addWidget(self.skip_note)
            form = QFormLayout()
            self.main_layout.addLayout(form)
            return form
        return super().form_for(name)

    def setup(self) -> None:
        a = self.assignment
        self._people = {
            "sending": self.ctx.read(people_service.search_people, "", a.sending_side_id),
            "receiving": self.ctx.read(people_service.search_people, "", a.receiving_side_id),
        }
        self.widgets["status"].currentIndexChanged.connect(lambda _i: self._update_note())

    def options(self, field):
        if field.name == "status":
            return [(_("Cancel the assignment") if s == S.CANCELLED else s.label, s.value) for s in self.statuses]
        lang = current_language()
        out = [("—", None)]
        for p in self._people["sending" if field.name in _SENDING else "receiving"]:
            org = p.organisation(lang)
            out.append((f"{p.name(lang)} — {org}" if org else p.name(lang), p.id))
        return out

    def first_focus(self):
        return self.widgets["date"]

    def target(self) -> S | None:
        i = self.widgets["status"].currentIndex()
        return self.statuses[i] if 0 <= i < len(self.statuses) else None

    def _update_note(self) -> None:
        target = self.target()
        if target is None:
            self.skip_note.setText("")
            return
        skipped = experts_procedure.skipped_steps(self.assignment.status, target)
        sep = pgettext("list separator", ", ")
        if skipped:
            self.skip_note.setText(
                _("This skips {steps}: the reason is required.").format(
                    steps=sep.join(pgettext("quoted", "“{text}”").format(text=s.label) for s in skipped)
                )
            )
        elif target == S.CANCELLED:
            self.skip_note.setText(_("Give the reason for the cancellation."))
        else:
            self.skip_note.setText("")
        self.skip_note.setVisible(bool(self.skip_note.text()))

    def title(self) -> str:
        return _("Record a step of the procedure")

    def retranslate_extra(self) -> None:
        self.sending_box.setTitle(_("Handled by the sending side"))
        self.receiving_box.setTitle(_("Handled by the receiving side"))
        self._update_note()

    def step(self) -> StepData:
        v = self.values()
        v["status"] = self.target() or ""
        return StepData(**v)

    def write(self, values) -> AssignmentData:
        step = self.step()
        override = ""
        while True:
            try:
                return self.ctx.write(experts_procedure.advance, self.assignment.id, step,
                                      override_reason=override)  # fmt: skip
            except NeedsOverride as exc:
                override = ask_override_reason(self, exc.warnings)
                if not override:
                    raise KeepOpen from None
