"""Record a step of an assignment's procedure: which step, its date, who handled it on each side,
and the reason when steps are skipped or the assignment is cancelled."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from app.core.errors import CoreError
from app.core.models.experts import AssignmentStatus as S
from app.core.services import people as people_service
from app.core.services.experts import procedure as experts_procedure
from app.core.services.experts.assignments import AssignmentData, NeedsOverride, StepData
from app.i18n import _, current_language, pgettext
from app.ui.dialogs.override_dialog import ask_override_reason
from app.ui.widgets.date_edit import DateEdit
from app.ui.widgets.form import FieldErrors
from app.ui.widgets.retranslate import Retranslatable


class StepDialog(Retranslatable, QDialog):
    """``saved`` holds the assignment after the step was recorded."""

    def __init__(self, ctx, assignment: AssignmentData, target: S | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.assignment = assignment
        self.saved: AssignmentData | None = None
        self.setObjectName("StepDialog")
        self.setMinimumWidth(560)
        self.statuses = experts_procedure.next_statuses(assignment.status)
        self.status = QComboBox()
        self.status.setObjectName("step_status")
        self.date = DateEdit(dt.date.today())
        self.date.setObjectName("step_date")
        self.sending_person = QComboBox()
        self.sending_person.setObjectName("sending_person_id")
        self.sending_text = QLineEdit()
        self.sending_text.setObjectName("sending_text")
        self.receiving_person = QComboBox()
        self.receiving_person.setObjectName("receiving_person_id")
        self.receiving_text = QLineEdit()
        self.receiving_text.setObjectName("receiving_text")
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(90)
        self.skip_note = QLabel()
        self.skip_note.setWordWrap(True)
        self.skip_note.setStyleSheet("color: #8a5a00;")

        general = QLabel()
        self.errors = FieldErrors(general)
        self.labels = {k: QLabel() for k in ("status", "date", "reason", "sp", "st", "rp", "rt")}
        form = QFormLayout()
        self.errors.add_row(form, "status", self.labels["status"], self.status)
        self.errors.add_row(form, "date", self.labels["date"], self.date)
        self.sending_box = QGroupBox()
        sform = QFormLayout(self.sending_box)
        self.errors.add_row(sform, "sending_person_id", self.labels["sp"], self.sending_person)
        self.errors.add_row(sform, "sending_text", self.labels["st"], self.sending_text)
        self.receiving_box = QGroupBox()
        rform = QFormLayout(self.receiving_box)
        self.errors.add_row(rform, "receiving_person_id", self.labels["rp"], self.receiving_person)
        self.errors.add_row(rform, "receiving_text", self.labels["rt"], self.receiving_text)
        rsn = QFormLayout()
        self.errors.add_row(rsn, "reason", self.labels["reason"], self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.sending_box)
        lay.addWidget(self.receiving_box)
        lay.addWidget(self.skip_note)
        lay.addLayout(rsn)
        lay.addWidget(general)
        lay.addWidget(self.buttons)
        self._people = {
            "sending": ctx.read(people_service.search_people, "", assignment.sending_side_id),
            "receiving": ctx.read(people_service.search_people, "", assignment.receiving_side_id),
        }
        self.status.currentIndexChanged.connect(lambda _i: self._update_note())
        self.retranslate_ui()
        if target is not None and target in self.statuses:
            self.status.setCurrentIndex(self.statuses.index(target))
        self._update_note()
        self.date.setFocus()

    def target(self) -> S | None:
        i = self.status.currentIndex()
        return self.statuses[i] if 0 <= i < len(self.statuses) else None

    def _fill_people(self, combo: QComboBox, people: list) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("—", None)
        lang = current_language()
        for p in people:
            org = p.organisation(lang)
            combo.addItem(f"{p.name(lang)} — {org}" if org else p.name(lang), p.id)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

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

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Record a step of the procedure"))
        current = self.status.currentIndex()
        self.status.blockSignals(True)
        self.status.clear()
        for s in self.statuses:
            self.status.addItem(_("Cancel the assignment") if s == S.CANCELLED else s.label, s.value)
        self.status.setCurrentIndex(max(0, current))
        self.status.blockSignals(False)
        for key, text in (("status", _("Step")), ("date", _("Date")), ("reason", _("Reason")),
                          ("sp", _("Person")), ("st", _("or as text")), ("rp", _("Person")),
                          ("rt", _("or as text"))):  # fmt: skip
            self.labels[key].setText(text)
        self.sending_box.setTitle(_("Handled by the sending side"))
        self.receiving_box.setTitle(_("Handled by the receiving side"))
        self._fill_people(self.sending_person, self._people["sending"])
        self._fill_people(self.receiving_person, self._people["receiving"])
        self._update_note()

    def step(self) -> StepData:
        return StepData(
            status=self.target() or "",
            date=self.date.value(),
            sending_person_id=self.sending_person.currentData(),
            sending_text=self.sending_text.text(),
            receiving_person_id=self.receiving_person.currentData(),
            receiving_text=self.receiving_text.text(),
            reason=self.reason.toPlainText(),
        )

    def accept(self) -> None:
        self.errors.clear()
        step = self.step()
        override = ""
        while True:
            try:
                self.saved = self.ctx.write(
                    experts_procedure.advance,
                    self.assignment.id,
                    step,
                    override_reason=override,
                )
            except NeedsOverride as exc:
                override = ask_override_reason(self, exc.warnings)
                if not override:
                    return
                continue
            except CoreError as exc:
                self.errors.show(exc.field, exc.message)
                return
            break
        super().accept()
