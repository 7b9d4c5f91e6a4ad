"""Add or edit a quota: how many people of which purposes one side sends to the other in a period,
by which decision."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import CoreError
from app.core.models.experts import AssignmentPurpose
from app.core.services import commission as commission_service
from app.core.services.experts import quotas as experts_quotas
from app.core.services.experts.query import decision_choices
from app.core.services.experts.quotas import QuotaData
from app.i18n import N_, _, current_language
from app.ui.widgets.date_edit import DateEdit
from app.ui.widgets.form import FieldErrors
from app.ui.widgets.retranslate import Retranslatable

LABELS = {
    "sending_side_id": N_("Sending side"),
    "receiving_side_id": N_("Receiving side"),
    "purposes": N_("Purposes"),
    "speciality_zh": N_("Speciality in Chinese"),
    "speciality_ru": N_("Speciality in Russian"),
    "number": N_("Number of people"),
    "period_from": N_("Period from"),
    "period_to": N_("Period to"),
    "max_term_days": N_("Longest stay, days"),
    "decision_id": N_("Decision"),
    "notes": N_("Notes"),
}


class QuotaDialog(Retranslatable, QDialog):
    def __init__(self, ctx, quota: QuotaData | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.quota = quota
        self.saved: QuotaData | None = None
        self.setObjectName("QuotaDialog")
        self.setMinimumWidth(620)
        self._sides = ctx.read(commission_service.get_sides)
        self._decisions = ctx.read(decision_choices)
        general = QLabel()
        self.errors = FieldErrors(general)
        self.labels = {k: QLabel() for k in LABELS}
        self.w: dict[str, QWidget] = {}
        form = QFormLayout()
        for f in ("sending_side_id", "receiving_side_id"):
            self._row(form, f, QComboBox())
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.purpose_boxes: dict[AssignmentPurpose, QCheckBox] = {}
        for i, p in enumerate(AssignmentPurpose):
            cb = QCheckBox()
            cb.setObjectName(f"purpose_{p.value}")
            self.purpose_boxes[p] = cb
            grid.addWidget(cb, i // 2, i % 2)
        self._row(form, "purposes", box)
        for f in ("speciality_zh", "speciality_ru"):
            self._row(form, f, QLineEdit())
        number = QSpinBox()
        number.setRange(0, 100000)
        self._row(form, "number", number)
        today = dt.date.today()
        self._row(form, "period_from", DateEdit(today))
        self._row(form, "period_to", DateEdit(today.replace(year=today.year + 1) - dt.timedelta(days=1)))
        term = QSpinBox()
        term.setRange(0, 3660)
        term.setSpecialValueText("—")
        self._row(form, "max_term_days", term)
        self._row(form, "decision_id", QComboBox())
        self.w["decision_id"].setMaximumWidth(460)
        notes = QPlainTextEdit()
        notes.setTabChangesFocus(True)
        notes.setMaximumHeight(80)
        self._row(form, "notes", notes)
        self.usage = QLabel()
        self.usage.setObjectName("quota_dialog_usage")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.usage)
        lay.addWidget(general)
        lay.addWidget(self.buttons)
        self.w["sending_side_id"].currentIndexChanged.connect(self._sending_changed)
        self._fill()
        if quota is not None:
            self._load(quota)
        elif len(self._sides) > 1:
            self.w["receiving_side_id"].setCurrentIndex(1)
        self.retranslate_ui()

    def _row(self, form: QFormLayout, field: str, widget: QWidget) -> None:
        widget.setObjectName(field)
        self.w[field] = widget
        self.errors.add_row(form, field, self.labels[field], widget)

    def _fill(self) -> None:
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
        decision: QComboBox = self.w["decision_id"]
        current = decision.currentData()
        decision.clear()
        decision.addItem("—", None)
        for d in self._decisions:
            text = d.text(lang)
            decision.addItem(
                f"{d.meeting_ordinal}/{d.number} — {text if len(text) <= 60 else text[:58] + '…'}", d.id
            )
            decision.setItemData(decision.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        decision.setCurrentIndex(max(0, decision.findData(current)))

    def _sending_changed(self, _i: int) -> None:
        sending = self.w["sending_side_id"].currentData()
        receiving: QComboBox = self.w["receiving_side_id"]
        if receiving.currentData() == sending:
            other = next((s.id for s in self._sides if s.id != sending), None)
            receiving.setCurrentIndex(max(0, receiving.findData(other)))

    def _load(self, q: QuotaData) -> None:
        for f in ("sending_side_id", "receiving_side_id", "decision_id"):
            combo: QComboBox = self.w[f]
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(getattr(q, f))))
            combo.blockSignals(False)
        for p, cb in self.purpose_boxes.items():
            cb.setChecked(p in q.purposes)
        self.w["speciality_zh"].setText(q.speciality_zh)
        self.w["speciality_ru"].setText(q.speciality_ru)
        self.w["number"].setValue(q.number or 0)
        self.w["period_from"].set_value(q.period_from)
        self.w["period_to"].set_value(q.period_to)
        self.w["max_term_days"].setValue(q.max_term_days or 0)
        self.w["notes"].setPlainText(q.notes)

    def data(self) -> QuotaData:
        w = self.w
        return QuotaData(
            sending_side_id=w["sending_side_id"].currentData(),
            receiving_side_id=w["receiving_side_id"].currentData(),
            purposes=tuple(p for p, cb in self.purpose_boxes.items() if cb.isChecked()),
            speciality_zh=w["speciality_zh"].text(),
            speciality_ru=w["speciality_ru"].text(),
            number=w["number"].value(),
            period_from=w["period_from"].value(),
            period_to=w["period_to"].value(),
            max_term_days=w["max_term_days"].value() or None,
            decision_id=w["decision_id"].currentData(),
            notes=w["notes"].toPlainText(),
            id=self.quota.id if self.quota else None,
        )

    def accept(self) -> None:
        self.errors.clear()
        try:
            self.saved = self.ctx.write(experts_quotas.save_quota, self.data())
        except CoreError as exc:
            self.errors.show(exc.field, exc.message)
            return
        super().accept()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Edit quota") if self.quota else _("New quota"))
        for f, text in LABELS.items():
            self.labels[f].setText(_(text))
        for p, cb in self.purpose_boxes.items():
            cb.setText(p.label)
        self._fill()
        if self.quota is not None:
            q = self.quota
            self.usage.setText(
                _("{number} agreed: {used} used, {planned} planned, {left} left.").format(
                    number=q.number, used=q.used, planned=q.planned, left=q.left
                )
            )
