"""The Procedure tab of the assignment dialog: the steps taken so far, a button for each next step,
undoing the last one, and the warnings overridden on the way.

A mixin of :class:`app.ui.dialogs.assignment_dialog.AssignmentDialog`, which provides ``ctx``,
``assignment``, ``w`` (its field widgets), ``save()`` (from RecordDialog: the form saved, the
dialog left open), ``_after_write()`` and ``_update_term_note()``.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import CoreError
from app.core.models.experts import AssignmentStatus
from app.core.services.experts import procedure as experts_procedure
from app.i18n import _, format_date
from app.ui.dialogs.assignment_form import StepsModel
from app.ui.dialogs.step_dialog import StepDialog
from app.ui.widgets import messages

S = AssignmentStatus


class ProcedureTab:
    """Builds and keeps up to date the Procedure tab; records and undoes steps."""

    def _procedure_tab(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        self.status_label.setStyleSheet("font-weight: bold;")
        self.steps_model = StepsModel(self)
        self.steps_table = QTableView()
        self.steps_table.setObjectName("steps_table")
        self.steps_table.setModel(self.steps_model)
        self.steps_table.verticalHeader().setVisible(False)
        self.steps_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.steps_table.horizontalHeader().setStretchLastSection(True)
        self.steps_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.step_buttons: dict[S, QPushButton] = {}
        row = QHBoxLayout()
        for s in (*experts_procedure.PROCEDURE[1:], S.CANCELLED):
            b = QPushButton()
            b.setObjectName(f"step_{s.value}")
            b.clicked.connect(lambda _c=False, s=s: self.record_step(s))
            self.step_buttons[s] = b
            row.addWidget(b)
        row.addStretch(1)
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("undo_step")
        self.undo_button.clicked.connect(self.undo_step)
        row.addWidget(self.undo_button)
        self.step_hint = QLabel()
        self.step_hint.setWordWrap(True)
        self.overrides_label = QLabel()
        self.overrides_label.setObjectName("overrides_label")
        self.overrides_label.setWordWrap(True)
        self.overrides_label.setStyleSheet("color: #8a5a00;")
        lay.addWidget(self.status_label)
        lay.addWidget(self.steps_table, 1)
        lay.addLayout(row)
        lay.addWidget(self.step_hint)
        lay.addWidget(self.overrides_label)
        return page

    def _update_procedure(self) -> None:
        a = self.assignment
        status = a.status if a is not None else S.PROPOSED
        self.status_label.setText(_("Status: {status}").format(status=status.label))
        self.steps_model.set_steps(a.steps if a is not None else ())
        allowed = set(experts_procedure.next_statuses(status))
        for s, b in self.step_buttons.items():
            b.setEnabled(s in allowed)
        self.undo_button.setEnabled(a is not None and len(a.steps) > 1)
        started = status in (S.ON_SITE, S.COMPLETED, S.CANCELLED)
        self.w["actual_start"].setEnabled(started)
        self.w["actual_end"].setEnabled(status in (S.COMPLETED, S.CANCELLED))
        if a is not None and a.overrides:
            lines = [
                _("{date}: “{warning}” — {reason}").format(
                    date=format_date(o.date), warning=o.message, reason=o.reason
                )
                for o in a.overrides
            ]
            self.overrides_label.setText(_("Warnings overridden:") + "\n" + "\n".join(lines))
        else:
            self.overrides_label.setText("")
        self._update_term_note()

    def record_step(self, target: S) -> None:
        if (self.assignment is None or self._dirty) and not self.save():
            return
        dlg = StepDialog(self.ctx, self.assignment, target, self)
        if dlg.exec() and dlg.saved is not None:
            self._after_write(dlg.saved)

    def undo_step(self) -> None:
        if self.assignment is None:
            return
        last = self.assignment.steps[-1]
        if not messages.confirm(self, _("Undo the step “{step}” of {date}?").format(
                step=last.status.label, date=format_date(last.date))):  # fmt: skip
            return
        try:
            saved = self.ctx.write(experts_procedure.revert_last_step, self.assignment.id)
        except CoreError as exc:
            messages.error(self, exc.message)
            return
        self._after_write(saved)

    def _retranslate_procedure(self) -> None:
        for s, b in self.step_buttons.items():
            b.setText(_("Cancel…") if s == S.CANCELLED else _("{step}…").format(step=s.label))
        self.undo_button.setText(_("Undo last step"))
        self.step_hint.setText(
            _("Each step records its date and who handled it on each side. Skipping a step needs a reason.")
        )
        self.steps_model.retranslate()
