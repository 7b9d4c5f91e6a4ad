"""Add or edit an assignment: who is sent where, for what and for how long, against which quota;
its procedure step by step; its attachments (invitations, acceptances…)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import ConflictError, CoreError
from app.core.models.experts import AssignmentPurpose, AssignmentStatus
from app.core.services import commission as commission_service
from app.core.services import people as people_service
from app.core.services.agenda import sessions as meetings_service
from app.core.services.experts import assignments as experts
from app.core.services.experts import quotas as experts_quotas
from app.core.services.experts.assignments import AssignmentData, NeedsOverride, PersonRef
from app.core.services.experts.query import decision_choices
from app.i18n import N_, _, current_language, format_date, wording
from app.ui.dialogs import openers
from app.ui.dialogs.assignment_form import ChosenPeopleModel
from app.ui.dialogs.assignment_procedure import ProcedureTab
from app.ui.dialogs.conflict_dialog import ConflictDialog, plain
from app.ui.dialogs.history_dialog import add_history_button
from app.ui.dialogs.override_dialog import ask_override_reason
from app.ui.dialogs.people_picker import PeoplePickerDialog
from app.ui.dialogs.person_history_dialog import PersonHistoryDialog
from app.ui.widgets.attachments import AttachmentsWidget
from app.ui.widgets.date_edit import DateEdit
from app.ui.widgets.form import FieldErrors
from app.ui.widgets.retranslate import Retranslatable

S = AssignmentStatus

LABELS = {
    "sending_side_id": N_("Sending side"),
    "receiving_side_id": N_("Receiving side"),
    "people": N_("People sent"),
    "purpose": N_("Purpose"),
    "speciality_zh": N_("Speciality in Chinese"),
    "speciality_ru": N_("Speciality in Russian"),
    "host_organisation_zh": N_("Host organisation in Chinese"),
    "host_organisation_ru": N_("Host organisation in Russian"),
    "place_zh": N_("Place in Chinese"),
    "place_ru": N_("Place in Russian"),
    "place_en": N_("Place in English"),
    "planned_start": N_("Planned start"),
    "planned_end": N_("Planned end"),
    "term_limit_days": N_("Term limit, days"),
    "extension_days": N_("Extension, days"),
    "extension_reason": N_("Extension agreed by"),
    "actual_start": N_("Actual start"),
    "actual_end": N_("Actual end"),
    "meeting_id": N_("Session"),
    "decision_id": N_("Decision"),
    "quota_id": N_("Quota"),
    "terms_zh": N_("Terms of engagement in Chinese"),
    "terms_ru": N_("Terms of engagement in Russian"),
    "notes": N_("Notes"),
}
TAB_MAIN, TAB_TERMS, TAB_PROCEDURE, TAB_FILES = range(4)


class AssignmentDialog(ProcedureTab, Retranslatable, QDialog):
    """``saved`` holds the assignment as last stored (after Save, or after a step was recorded)."""

    def __init__(self, ctx, assignment: AssignmentData | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.assignment = assignment
        self.saved: AssignmentData | None = None
        self._dirty = False
        self._quota_touched = assignment is not None
        self.setObjectName("AssignmentDialog")
        self.resize(1040, 600)
        self._sides = ctx.read(commission_service.get_sides)
        self._meetings = ctx.read(meetings_service.list_meetings)
        self._decisions = ctx.read(decision_choices)
        self._quotas: list = []

        general = QLabel()
        self.errors = FieldErrors(general)
        self.labels: dict[str, QLabel] = {k: QLabel() for k in LABELS}
        self.w: dict[str, QWidget] = {}
        self.tabs = QTabWidget()
        self.tabs.addTab(self._main_tab(), "")
        self.tabs.addTab(self._terms_tab(), "")
        self.tabs.addTab(self._procedure_tab(), "")
        self.attachments = AttachmentsWidget(ctx, experts.OWNER_KIND, assignment.id if assignment else None)
        self.tabs.addTab(self.attachments, "")
        self._field_tab = {f: TAB_TERMS for f in ("terms_zh", "terms_ru", "notes")}

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.history = add_history_button(self, self.buttons, assignment.uuid if assignment else None,
                                          lambda f: _(LABELS.get(f, "")))  # fmt: skip
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(general)
        lay.addWidget(self.buttons)

        self._fill_combos()
        if assignment is not None:
            self._load(assignment)
        else:
            self._new_defaults()
        self._connect_dirty()
        self.retranslate_ui()
        self._dirty = False

    # --- layout --------------------------------------------------------------------------------

    def _row(self, form: QFormLayout, field: str, widget: QWidget) -> None:
        widget.setObjectName(field)
        self.w[field] = widget
        self.errors.add_row(form, field, self.labels[field], widget)

    def _main_tab(self) -> QWidget:
        page = QWidget()
        left, right = QFormLayout(), QFormLayout()
        self._row(left, "sending_side_id", QComboBox())
        self._row(left, "receiving_side_id", QComboBox())
        people_box = QWidget()
        pl = QVBoxLayout(people_box)
        pl.setContentsMargins(0, 0, 0, 0)
        self.people_model = ChosenPeopleModel(self)
        self.people_list = QListView()
        self.people_list.setObjectName("people_list")
        self.people_list.setModel(self.people_model)
        self.people_list.setFixedHeight(96)
        pb = QHBoxLayout()
        self.add_people = QPushButton()
        self.add_people.setObjectName("add_people")
        self.add_people.clicked.connect(self.choose_people)
        self.remove_person = QPushButton()
        self.remove_person.clicked.connect(self._remove_person)
        self.person_history = QPushButton()
        self.person_history.setObjectName("person_history")
        self.person_history.clicked.connect(self.show_person_history)
        for b in (self.add_people, self.remove_person, self.person_history):
            pb.addWidget(b)
        pb.addStretch(1)
        pl.addWidget(self.people_list)
        pl.addLayout(pb)
        people_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        people_error = QLabel()
        people_error.setObjectName("error_people")
        pl.addWidget(people_error)
        self.labels["people"].setBuddy(self.people_list)
        left.addRow(self.labels["people"], people_box)
        self.errors.register("people", self.people_list, people_error)
        self.w["people"] = people_box
        self._row(left, "purpose", QComboBox())
        for f in ("speciality_zh", "speciality_ru", "host_organisation_zh", "host_organisation_ru",
                  "place_zh", "place_ru", "place_en"):  # fmt: skip
            self._row(left, f, QLineEdit())
        self._row(right, "planned_start", DateEdit(dt.date.today()))
        self._row(right, "planned_end", DateEdit(optional=True))
        term = QSpinBox()
        term.setRange(0, 3660)
        term.setSpecialValueText("—")
        self._row(right, "term_limit_days", term)
        ext = QSpinBox()
        ext.setRange(0, 3660)
        self._row(right, "extension_days", ext)
        self._row(right, "extension_reason", QLineEdit())
        self._row(right, "actual_start", DateEdit(optional=True))
        self._row(right, "actual_end", DateEdit(optional=True))
        self._row(right, "meeting_id", QComboBox())
        self._row(right, "decision_id", QComboBox())
        self._row(right, "quota_id", QComboBox())
        self.quota_usage = QLabel()
        self.quota_usage.setObjectName("quota_usage")
        self.quota_usage.setWordWrap(True)
        right.addRow("", self.quota_usage)
        self.term_note = QLabel()
        self.term_note.setObjectName("term_note")
        self.term_note.setWordWrap(True)
        right.addRow("", self.term_note)
        for combo in ("meeting_id", "decision_id", "quota_id"):
            self.w[combo].setMaximumWidth(420)
        grid = QHBoxLayout(page)
        for form, stretch in ((left, 5), (right, 4)):
            column = QVBoxLayout()
            column.addLayout(form)
            column.addStretch(1)
            grid.addLayout(column, stretch)
            if form is left:
                grid.addSpacing(16)
        self.w["sending_side_id"].currentIndexChanged.connect(self._sending_changed)
        for f in ("receiving_side_id", "purpose"):
            self.w[f].currentIndexChanged.connect(lambda _i: self._fill_quotas())
        self.w["planned_start"].valueChanged.connect(lambda _v: self._fill_quotas())
        self.w["quota_id"].currentIndexChanged.connect(lambda _i: self._update_quota_usage())
        self.w["quota_id"].activated.connect(lambda _i: setattr(self, "_quota_touched", True))
        self.w["decision_id"].currentIndexChanged.connect(self._decision_changed)
        for f in ("planned_start", "planned_end", "actual_start", "actual_end"):
            self.w[f].valueChanged.connect(lambda _v: self._update_term_note())
        for f in ("term_limit_days", "extension_days"):
            self.w[f].valueChanged.connect(lambda _v: self._update_term_note())
        self.people_list.selectionModel().selectionChanged.connect(lambda *_: self._update_people_buttons())
        return page

    def _terms_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        for f in ("terms_zh", "terms_ru", "notes"):
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            self._row(form, f, edit)
        return page

    # --- filling --------------------------------------------------------------------------------

    def _fill_combos(self) -> None:
        lang = current_language()
        for f in ("sending_side_id", "receiving_side_id"):
            combo: QComboBox = self.w[f]
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for s in self._sides:
                combo.addItem(f"{s.short_name(lang)} ({s.code})", s.id)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        purpose: QComboBox = self.w["purpose"]
        current = purpose.currentData()
        purpose.blockSignals(True)
        purpose.clear()
        for p in AssignmentPurpose:
            purpose.addItem(p.label, p.value)
        purpose.setCurrentIndex(max(0, purpose.findData(current)))
        purpose.blockSignals(False)
        meeting: QComboBox = self.w["meeting_id"]
        current = meeting.currentData()
        meeting.blockSignals(True)
        meeting.clear()
        meeting.addItem("—", None)
        for m in self._meetings:
            meeting.addItem(
                _("{session}, {city}, {date}").format(
                    session=wording.session_name(m.ordinal), city=m.city(lang), date=format_date(m.start_date)
                ),
                m.id,
            )
        meeting.setCurrentIndex(max(0, meeting.findData(current)))
        meeting.blockSignals(False)
        decision: QComboBox = self.w["decision_id"]
        current = decision.currentData()
        decision.blockSignals(True)
        decision.clear()
        decision.addItem("—", None)
        for d in self._decisions:
            text = d.text(lang)
            short = text if len(text) <= 60 else text[:58] + "…"
            decision.addItem(f"{d.meeting_ordinal}/{d.number} — {short}", d.id)
            decision.setItemData(decision.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        decision.setCurrentIndex(max(0, decision.findData(current)))
        decision.blockSignals(False)
        self._fill_quotas()

    def _fill_quotas(self) -> None:
        combo: QComboBox = self.w["quota_id"]
        current = combo.currentData()
        self._quotas = self.ctx.read(
            experts_quotas.matching_quotas,
            self.w["sending_side_id"].currentData(),
            self.w["receiving_side_id"].currentData(),
            self.w["purpose"].currentData(),
            self.w["planned_start"].value(),
        )
        lang = current_language()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(_("— not under a quota —"), None)
        for q in self._quotas:
            combo.addItem(q.label(lang), q.id)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        if combo.currentData() is None and not self._quota_touched and combo.count() > 1:
            combo.setCurrentIndex(1)  # a new assignment counts against the first matching quota
        combo.blockSignals(False)
        self._update_quota_usage()

    def _new_defaults(self) -> None:
        self.w["term_limit_days"].setValue(365)
        sending: QComboBox = self.w["sending_side_id"]
        if sending.count() > 1:
            self.w["receiving_side_id"].setCurrentIndex(1)
        self._update_procedure()

    def _load(self, a: AssignmentData) -> None:
        for f in ("sending_side_id", "receiving_side_id", "meeting_id", "decision_id"):
            combo: QComboBox = self.w[f]
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(getattr(a, f))))
            combo.blockSignals(False)
        purpose: QComboBox = self.w["purpose"]
        purpose.setCurrentIndex(max(0, purpose.findData(a.purpose.value if a.purpose else None)))
        self.people_model.set_people(a.people)
        for f in ("speciality_zh", "speciality_ru", "host_organisation_zh", "host_organisation_ru", "place_zh",
                  "place_ru", "place_en", "extension_reason"):  # fmt: skip
            self.w[f].setText(getattr(a, f))
        for f in ("planned_start", "planned_end", "actual_start", "actual_end"):
            self.w[f].set_value(getattr(a, f))
        self.w["term_limit_days"].setValue(a.term_limit_days or 0)
        self.w["extension_days"].setValue(a.extension_days or 0)
        for f in ("terms_zh", "terms_ru", "notes"):
            self.w[f].setPlainText(getattr(a, f))
        self._fill_quotas()
        quota: QComboBox = self.w["quota_id"]
        quota.setCurrentIndex(max(0, quota.findData(a.quota_id)))
        self._update_procedure()

    def _connect_dirty(self) -> None:
        def mark(*_a) -> None:
            self._dirty = True

        for w in self.w.values():
            if isinstance(w, QComboBox):
                w.currentIndexChanged.connect(mark)
            elif isinstance(w, QLineEdit):
                w.textChanged.connect(mark)
            elif isinstance(w, QPlainTextEdit):
                w.textChanged.connect(mark)
            elif isinstance(w, (QSpinBox, DateEdit)):
                w.valueChanged.connect(mark)
        self.people_model.modelReset.connect(mark)
        self.people_model.rowsRemoved.connect(mark)

    # --- reacting ------------------------------------------------------------------------------

    def _sending_changed(self, _index: int) -> None:
        sending = self.w["sending_side_id"].currentData()
        receiving: QComboBox = self.w["receiving_side_id"]
        if receiving.currentData() == sending:
            other = next((s.id for s in self._sides if s.id != sending), None)
            receiving.setCurrentIndex(max(0, receiving.findData(other)))
        self._fill_quotas()

    def _decision_changed(self, _index: int) -> None:
        decision_id = self.w["decision_id"].currentData()
        d = next((x for x in self._decisions if x.id == decision_id), None)
        meeting: QComboBox = self.w["meeting_id"]
        if d is not None and meeting.currentData() is None:
            meeting.setCurrentIndex(max(0, meeting.findData(d.meeting_id)))

    def _update_quota_usage(self) -> None:
        qid = self.w["quota_id"].currentData()
        q = next((x for x in self._quotas if x.id == qid), None)
        if q is None:
            self.quota_usage.setText("")
            return
        counted = (
            self.assignment is not None
            and self.assignment.quota_id == q.id
            and self.assignment.status != S.CANCELLED
        )
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
        start = self.w["actual_start"].value() or self.w["planned_start"].value()
        term = self.w["term_limit_days"].value() + self.w["extension_days"].value()
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

    # --- actions -------------------------------------------------------------------------------

    def choose_people(self) -> None:
        side = self.w["sending_side_id"].currentData()
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
        if not idx.isValid():
            return
        PersonHistoryDialog(self.ctx, self.people_model.people[idx.row()].id, self).exec()

    def _after_write(self, saved: AssignmentData) -> None:
        self.assignment = self.saved = saved
        for f in ("actual_start", "actual_end"):
            self.w[f].blockSignals(True)
            self.w[f].set_value(getattr(saved, f))
            self.w[f].blockSignals(False)
        self._update_procedure()
        self._fill_quotas()
        quota: QComboBox = self.w["quota_id"]
        quota.setCurrentIndex(max(0, quota.findData(saved.quota_id)))
        self._dirty = False

    # --- saving --------------------------------------------------------------------------------

    def data(self) -> AssignmentData:
        w = self.w
        base = self.assignment or AssignmentData()
        return replace(
            base,
            sending_side_id=w["sending_side_id"].currentData(),
            receiving_side_id=w["receiving_side_id"].currentData(),
            person_ids=self.people_model.ids(),
            purpose=w["purpose"].currentData(),
            **{f: w[f].text() for f in ("speciality_zh", "speciality_ru", "host_organisation_zh",
                                        "host_organisation_ru", "place_zh", "place_ru", "place_en",
                                        "extension_reason")},
            **{f: w[f].value() for f in ("planned_start", "planned_end", "actual_start", "actual_end")},
            term_limit_days=w["term_limit_days"].value() or None,
            extension_days=w["extension_days"].value(),
            meeting_id=w["meeting_id"].currentData(),
            decision_id=w["decision_id"].currentData(),
            quota_id=w["quota_id"].currentData(),
            **{f: w[f].toPlainText() for f in ("terms_zh", "terms_ru", "notes")},
        )  # fmt: skip

    def _save(self) -> bool:
        """Save what the form shows; False (with the message shown) if it cannot be saved."""
        self.errors.clear()
        data = self.data()
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
                    return False
                continue
            except ConflictError as exc:  # saved by someone else meanwhile: both versions shown
                merged = self._resolve(exc)
                if merged is None:
                    return False
                data = replace(data, **merged, version=exc.version)
                continue
            except CoreError as exc:
                self._show_error(exc.field, exc.message)
                return False
            break
        if data.id is None:
            self.attachments.set_owner(saved.id)
        self._after_write(saved)
        return True

    def _resolve(self, exc: ConflictError) -> dict | None:
        """The values to save after a conflict (the user's choice), or None to go back to the form."""
        if exc.version is None:
            self._show_error(None, exc.message)
            return None
        if not exc.fields:
            return {}
        lang = current_language()

        def describe(name: str, value) -> str:
            if name == "person_ids":
                return "; ".join(self.ctx.read(people_service.get_person, i).name(lang) for i in value or ())
            box = self.w.get(name)
            if isinstance(box, QComboBox) and value is not None and box.findData(value) >= 0:
                return box.itemText(box.findData(value))
            return wording.short_date(value) if isinstance(value, dt.date) else plain(value)

        def label(name: str) -> str:
            return _(LABELS.get("people" if name == "person_ids" else name, "")) or name

        dlg = ConflictDialog(exc, label, describe, parent=self)
        return dlg.merged() if dlg.exec() == QDialog.DialogCode.Accepted else None

    def _show_error(self, field: str | None, message: str) -> None:
        self.tabs.setCurrentIndex(self._field_tab.get(field or "", TAB_MAIN))
        self.errors.show(field, message)

    def accept(self) -> None:
        if self._save():
            super().accept()

    # --- language -------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        if self.assignment is None:
            self.setWindowTitle(_("New assignment"))
        else:
            names = self.assignment.names(current_language())
            self.setWindowTitle(_("Assignment: {names}").format(names=names))
        for f, text in LABELS.items():
            self.labels[f].setText(_(text))
        for i, text in enumerate((_("Assignment"), _("Terms and notes"), _("Procedure"), _("Attachments"))):
            self.tabs.setTabText(i, text)
        self.add_people.setText(_("Add…"))
        self.remove_person.setText(_("Remove"))
        self.person_history.setText(_("Person's history…"))
        self._retranslate_procedure()
        self.w["extension_reason"].setPlaceholderText(_("who agreed the extension, and when"))
        self.w["host_organisation_zh"].setPlaceholderText(_("in Chinese or in Russian, or both"))
        self._fill_combos()
        self._update_procedure()
        self._update_people_buttons()


def open_assignment(ctx, assignment: AssignmentData, parent=None) -> bool:
    """Open ``assignment`` in its dialog; True if it was saved."""
    return bool(AssignmentDialog(ctx, assignment, parent).exec())


openers.register("assignment", open_assignment)
