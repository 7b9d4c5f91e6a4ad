"""Add or edit an assignment: who is sent where, for what and for how long, against which quota;
its procedure step by step; its attachments (invitations, acceptances…).

A :class:`RecordDialog` over the register's declaration
(:data:`app.core.services.experts.fields.ASSIGNMENT`): the fields, their labels and required marks
come from it, in the tabs ``GROUPS`` declares (a field named there appears with the editor of its
kind). This module keeps what is particular to an assignment: the people sent (a list and a picker,
with each person's history), the quotas that match the sides, purpose and start (the first one
chosen for a new assignment, with what it has left), the term's last day, the Procedure tab
(:mod:`.assignment_procedure`: steps recorded from within the dialog, which saves first) and the
attachments. The service checks the declared rules (the sides first), and asks for a reason before
overdrawing a quota or overlapping another assignment.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.core.fields import Field
from app.core.models.experts import AssignmentStatus
from app.core.services import commission as commission_service
from app.core.services import people as people_service
from app.core.services.agenda import sessions as meetings_service
from app.core.services.experts import assignments as experts
from app.core.services.experts import quotas as experts_quotas
from app.core.services.experts.assignments import AssignmentData, NeedsOverride, PersonRef
from app.core.services.experts.fields import ASSIGNMENT, MAX_TERM_DAYS
from app.core.services.experts.query import decision_choices
from app.i18n import N_, _, current_language, format_date, wording
from app.ui.dialogs import openers
from app.ui.dialogs.assignment_form import ChosenPeopleModel
from app.ui.dialogs.assignment_procedure import ProcedureTab
from app.ui.dialogs.override_dialog import ask_override_reason
from app.ui.dialogs.people_picker import PeoplePickerDialog
from app.ui.dialogs.person_history_dialog import PersonHistoryDialog
from app.ui.dialogs.record_dialog import FieldGroup, KeepOpen, RecordDialog
from app.ui.widgets.attachments import AttachmentsWidget
from app.ui.widgets.date_edit import DateEdit

S = AssignmentStatus

#: the label of each field the form may type in, from the register's declaration
LABELS = {f.name: f.msgid for f in ASSIGNMENT.editable()}
#: the tabs of the dialog and the fields of each, by column
GROUPS = (
    FieldGroup(N_("Assignment"), (
        ("sending_side_id", "receiving_side_id", "people", "purpose", "speciality_zh", "speciality_ru",
         "host_organisation_zh", "host_organisation_ru", "place_zh", "place_ru"),
        ("planned_start", "planned_end", "term_limit_days", "extension_days", "extension_reason", "actual_start",
         "actual_end", "meeting_id", "decision_id", "quota_id"),
    ), stretch=(5, 4)),
    FieldGroup(N_("Terms and notes"), (("terms_zh", "terms_ru", "notes"),), fill=True),
    FieldGroup(N_("Procedure")),
    FieldGroup(N_("Attachments")),
)  # fmt: skip
TAB_MAIN, TAB_TERMS, TAB_PROCEDURE, TAB_FILES = range(4)


class AssignmentDialog(ProcedureTab, RecordDialog):
    """``saved`` holds the assignment as last stored (after Save, or after a step was recorded)."""

    fields = tuple(ASSIGNMENT[name] for group in GROUPS for column in group.columns for name in column)
    groups = GROUPS
    minimum_width = 0
    #: the service checks the declared rules in its own order (the sides, then the people…)
    unchecked = frozenset(f.name for f in fields)

    def __init__(self, ctx, assignment: AssignmentData | None = None, parent=None) -> None:
        self._dirty = False
        self._quota_touched = assignment is not None
        self._quotas: list = []
        super().__init__(ctx, assignment, parent)
        self._dirty = False
        self.resize(1040, 600)

    @property
    def assignment(self) -> AssignmentData | None:
        return self.record

    @property
    def w(self) -> dict[str, QWidget]:
        return self.widgets

    # --- the form ----------------------------------------------------------------------------------

    def make_editor(self, field: Field) -> QWidget:
        name = field.name
        if name == "people":
            self.people_model = ChosenPeopleModel(self)
            self.people_list = QListView()
            self.people_list.setModel(self.people_model)
            self.people_list.setFixedHeight(96)
            self.people_list.selectionModel().selectionChanged.connect(
                lambda *_: self._update_people_buttons()
            )
            return self.people_list
        if name == "planned_start":
            return DateEdit(dt.date.today())
        if name == "extension_reason":
            return QLineEdit()
        w = super().make_editor(field)
        if isinstance(w, QSpinBox):
            w.setRange(0, MAX_TERM_DAYS)
            if name == "term_limit_days":
                w.setSpecialValueText("—")
        return w

    def add_after_field(self, name: str, form: QFormLayout) -> None:
        if name == "people":
            row = QHBoxLayout()
            self.add_people = QPushButton()
            self.add_people.setObjectName("add_people")
            self.add_people.clicked.connect(self.choose_people)
            self.remove_person = QPushButton()
            self.remove_person.clicked.connect(self._remove_person)
            self.person_history = QPushButton()
            self.person_history.setObjectName("person_history")
            self.person_history.clicked.connect(self.show_person_history)
            for b in (self.add_people, self.remove_person, self.person_history):
                row.addWidget(b)
            row.addStretch(1)
            form.addRow("", row)
        elif name == "quota_id":
            self.quota_usage = QLabel()
            self.quota_usage.setObjectName("quota_usage")
            self.term_note = QLabel()
            self.term_note.setObjectName("term_note")
            for label in (self.quota_usage, self.term_note):
                label.setWordWrap(True)
                form.addRow("", label)

    def make_tab(self, group: FieldGroup) -> QWidget:
        if group is GROUPS[TAB_PROCEDURE]:
            return self._procedure_tab()
        self.attachments = AttachmentsWidget(
            self.ctx, experts.OWNER_KIND, self.record.id if self.record else None
        )
        return self.attachments

    def setup(self) -> None:
        self._sides = self.ctx.read(commission_service.get_sides)
        self._meetings = self.ctx.read(meetings_service.list_meetings)
        self._decisions = self.ctx.read(decision_choices)
        w = self.widgets
        for combo in ("meeting_id", "decision_id", "quota_id"):  # long texts: the combo may show them cut
            w[combo].setMaximumWidth(420)
            w[combo].setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            w[combo].setMinimumContentsLength(16)
        w["sending_side_id"].currentIndexChanged.connect(self._sending_changed)
        for f in ("receiving_side_id", "purpose"):
            w[f].currentIndexChanged.connect(lambda _i: self._fill_quotas())
        w["planned_start"].valueChanged.connect(lambda _v: self._fill_quotas())
        w["quota_id"].currentIndexChanged.connect(lambda _i: self._update_quota_usage())
        w["quota_id"].activated.connect(lambda _i: setattr(self, "_quota_touched", True))
        w["decision_id"].currentIndexChanged.connect(self._decision_changed)
        for f in (
            "planned_start",
            "planned_end",
            "actual_start",
            "actual_end",
            "term_limit_days",
            "extension_days",
        ):
            w[f].valueChanged.connect(lambda _v: self._update_term_note())
        self._connect_dirty()

    def _connect_dirty(self) -> None:
        def mark(*_a) -> None:
            self._dirty = True

        for w in self.widgets.values():
            if isinstance(w, QComboBox):
                w.currentIndexChanged.connect(mark)
            elif isinstance(w, QLineEdit | QPlainTextEdit):
                w.textChanged.connect(mark)
            elif isinstance(w, QSpinBox | DateEdit):
                w.valueChanged.connect(mark)
        self.people_model.modelReset.connect(mark)
        self.people_model.rowsRemoved.connect(mark)

    # --- choices -----------------------------------------------------------------------------------

    def options(self, field: Field):
        lang = current_language()
        if field.ref == "side":
            return [(f"{s.short_name(lang)} ({s.code})", s.id) for s in self._sides]
        if field.ref == "meeting":
            return [("—", None), *((_("{session}, {city}, {date}").format(
                session=wording.session_name(m.ordinal), city=m.city(lang), date=format_date(m.start_date)), m.id)
                for m in self._meetings)]  # fmt: skip
        if field.ref == "decision":
            return [("—", None), *((f"{d.meeting_ordinal}/{d.number} — {_short(d.text(lang))}", d.id)
                                   for d in self._decisions)]  # fmt: skip
        if field.ref == "quota":
            return [(_("— not under a quota —"), None), *((q.label(lang), q.id) for q in self._quotas)]
        return []

    def fill_options(self) -> None:
        super().fill_options()
        decision: QComboBox = self.widgets["decision_id"]
        for i, d in enumerate(self._decisions, start=1):  # the whole text on hover
            decision.setItemData(i, d.text(current_language()), Qt.ItemDataRole.ToolTipRole)
        self._fill_quotas()

    def _fill_quotas(self) -> None:
        """The quotas that match the sides, the purpose and the start."""
        w = self.widgets
        self._quotas = self.ctx.read(
            experts_quotas.matching_quotas, w["sending_side_id"].currentData(), w["receiving_side_id"].currentData(),
            w["purpose"].currentData(), w["planned_start"].value(),
        )  # fmt: skip
        combo: QComboBox = w["quota_id"]
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, value in self.options(ASSIGNMENT["quota_id"]):
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        if combo.currentData() is None and not self._quota_touched and combo.count() > 1:
            combo.setCurrentIndex(1)  # a new assignment counts against the first matching quota
        combo.blockSignals(False)
        self._update_quota_usage()

    # --- values ------------------------------------------------------------------------------------

    def value(self, name: str) -> Any:
        if name == "people":
            return self.people_model.ids()
        if name == "term_limit_days":
            return self.widgets[name].value() or None
        return super().value(name)

    def set_value(self, name: str, value: Any) -> None:
        if name == "people":
            self.people_model.set_people(value or ())
        else:
            super().set_value(name, value)

    def defaults(self) -> None:
        self.widgets["term_limit_days"].setValue(365)
        if self.widgets["sending_side_id"].count() > 1:
            self.widgets["receiving_side_id"].setCurrentIndex(1)
        self._update_procedure()

    def load(self, a: AssignmentData) -> None:
        for f in self.fields:  # each field from the record, without reacting to each
            w = self.widgets[f.name]
            w.blockSignals(True)
            self.set_value(f.name, getattr(a, f.name))
            w.blockSignals(False)
        self._fill_quotas()
        self.set_value("quota_id", a.quota_id)
        self._update_procedure()

    def data(self, values: dict[str, Any] | None = None) -> AssignmentData:
        """What the form says, as the assignment the service saves."""
        values = dict(self.values() if values is None else values)
        people = values.pop("people")
        return replace(
            self.record or AssignmentData(), person_ids=people, version=self.record_version(), **values
        )

    # --- reacting ----------------------------------------------------------------------------------

    def _sending_changed(self, _index: int) -> None:
        sending = self.widgets["sending_side_id"].currentData()
        receiving: QComboBox = self.widgets["receiving_side_id"]
        if receiving.currentData() == sending:
            other = next((s.id for s in self._sides if s.id != sending), None)
            receiving.setCurrentIndex(max(0, receiving.findData(other)))
        self._fill_quotas()

    def _decision_changed(self, _index: int) -> None:
        decision_id = self.widgets["decision_id"].currentData()
        d = next((x for x in self._decisions if x.id == decision_id), None)
        meeting: QComboBox = self.widgets["meeting_id"]
        if d is not None and meeting.currentData() is None:
            meeting.setCurrentIndex(max(0, meeting.findData(d.meeting_id)))

    def _update_quota_usage(self) -> None:
        qid = self.widgets["quota_id"].currentData()
        q = next((x for x in self._quotas if x.id == qid), None)
        if q is None:
            self.quota_usage.setText("")
            return
        a = self.assignment
        counted = a is not None and a.quota_id == q.id and a.status != S.CANCELLED
        asked = 0 if counted else len(self.people_model.people)
        text = _("{number} agreed: {used} used, {planned} planned, {left} left.").format(
            number=q.number, used=q.used, planned=q.planned, left=q.left
        )
        if q.left - asked < 0:
            text += " " + _("This assignment would overdraw it.")
            self.quota_usage.setStyleSheet("color: #b00020;")
        else:
            self.quota_usage.setStyleSheet("")
        self.quota_usage.setText(text)

    def _update_term_note(self) -> None:
        w = self.widgets
        start = w["actual_start"].value() or w["planned_start"].value()
        term = w["term_limit_days"].value() + w["extension_days"].value()
        if start is None or term <= 0:
            self.term_note.setText("")
            return
        last = start + dt.timedelta(days=term - 1)
        status = self.assignment.status if self.assignment is not None else S.PROPOSED
        if status == S.ON_SITE and last < dt.date.today():
            self.term_note.setText(_("The term ended on {date}.").format(date=format_date(last)))
            self.term_note.setStyleSheet("color: #b00020; font-weight: bold;")
        else:
            self.term_note.setText(_("The term ends on {date}.").format(date=format_date(last)))
            self.term_note.setStyleSheet("")

    def _update_people_buttons(self) -> None:
        has = self.people_list.currentIndex().isValid()
        self.remove_person.setEnabled(has)
        self.person_history.setEnabled(has)

    # --- the people --------------------------------------------------------------------------------

    def choose_people(self) -> None:
        side = self.widgets["sending_side_id"].currentData()
        if side is None:
            return
        dlg = PeoplePickerDialog(self.ctx, side, set(self.people_model.ids()), self)
        if dlg.exec():
            chosen = dlg.chosen()
            self.people_model.add(
                [PersonRef(p.id, p.side_id, p.name_zh, p.name_ru, p.name_latin) for p in chosen]
            )
            self._update_quota_usage()

    def _remove_person(self) -> None:
        self.people_model.remove(self.people_list.currentIndex().row())
        self._update_people_buttons()
        self._update_quota_usage()

    def show_person_history(self) -> None:
        idx = self.people_list.currentIndex()
        if idx.isValid():
            PersonHistoryDialog(self.ctx, self.people_model.people[idx.row()].id, self).exec()

    # --- saving ------------------------------------------------------------------------------------

    def write(self, values: dict[str, Any]) -> AssignmentData:
        data = self.data(values)
        pending = self.attachments

        def save(session, override: str):
            saved = experts.save_assignment(session, data, override_reason=override)
            if data.id is None:
                pending.save_pending(session, saved.id)
            return saved

        override = ""
        while True:
            try:
                saved = self.ctx.write(save, override)
            except NeedsOverride as exc:
                override = ask_override_reason(self, exc.warnings)
                if not override:
                    raise KeepOpen from exc
                continue
            break
        if data.id is None:
            self.attachments.set_owner(saved.id)
        self._after_write(saved)
        return saved

    def _after_write(self, saved: AssignmentData) -> None:
        """The form shows ``saved`` (after Save, or after a step was recorded)."""
        self.saved_as(saved)
        self.saved = saved
        for f in ("actual_start", "actual_end"):
            self.widgets[f].blockSignals(True)
            self.set_value(f, getattr(saved, f))
            self.widgets[f].blockSignals(False)
        self._update_procedure()
        self._fill_quotas()
        self.set_value("quota_id", saved.quota_id)
        self._dirty = False

    # --- a stale save: the people by name ----------------------------------------------------------

    def _field_label(self, name: str) -> str:
        return _(LABELS.get("people" if name == "person_ids" else name, "")) or name

    def describe(self, name: str, value: Any) -> str:
        if name == "person_ids":
            lang = current_language()
            return "; ".join(self.ctx.read(people_service.get_person, i).name(lang) for i in value or ())
        return super().describe(name, value)

    def apply_merged(self, values: dict[str, Any]) -> None:
        if "person_ids" in values:
            people = [self.ctx.read(people_service.get_person, i) for i in values["person_ids"] or ()]
            self.set_value(
                "people", [PersonRef(p.id, p.side_id, p.name_zh, p.name_ru, p.name_latin) for p in people]
            )
        super().apply_merged(values)

    # --- language ----------------------------------------------------------------------------------

    def title(self) -> str:
        if self.assignment is None:
            return _("New assignment")
        return _("Assignment: {names}").format(names=self.assignment.names(current_language()))

    def retranslate_extra(self) -> None:
        self.add_people.setText(_("Add…"))
        self.remove_person.setText(_("Remove"))
        self.person_history.setText(_("Person's history…"))
        self._retranslate_procedure()
        self.widgets["extension_reason"].setPlaceholderText(_("who agreed the extension, and when"))
        self.widgets["host_organisation_zh"].setPlaceholderText(_("in Chinese or in Russian, or both"))
        self._update_procedure()
        self._update_people_buttons()


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:58] + "…"


def open_assignment(ctx, assignment: AssignmentData, parent=None) -> bool:
    """Open ``assignment`` in its dialog; True if it was saved."""
    return bool(AssignmentDialog(ctx, assignment, parent).exec())


openers.register("assignment", open_assignment)
