"""Add or edit a quota: how many people of which purposes one side sends to the other in a period,
by which decision."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QWidget

from app.core.fields import Field, FieldKind
from app.core.models.experts import AssignmentPurpose
from app.core.services import commission as commission_service
from app.core.services.experts import quotas as experts_quotas
from app.core.services.experts.query import decision_choices
from app.core.services.experts.quotas import QuotaData
from app.i18n import N_, _, current_language
from app.ui.dialogs.record_dialog import RecordDialog


class QuotaDialog(RecordDialog):
    fields = (
        Field("sending_side_id", N_("Sending side"), FieldKind.REF, ref="side"),
        Field("receiving_side_id", N_("Receiving side"), FieldKind.REF, ref="side"),
        Field("purposes", N_("Purposes")),
        Field("speciality_zh", N_("Speciality in Chinese")),
        Field("speciality_ru", N_("Speciality in Russian")),
        Field("number", N_("Number of people"), FieldKind.INT, maximum=100000),
        Field("period_from", N_("Period from"), FieldKind.DATE, required=True),
        Field("period_to", N_("Period to"), FieldKind.DATE, required=True),
        Field("max_term_days", N_("Longest stay, days"), FieldKind.INT, maximum=3660),
        Field("decision_id", N_("Decision"), FieldKind.REF, ref="decision"),
        Field("notes", N_("Notes"), FieldKind.LONG_TEXT),
    )
    unchecked = frozenset({"purposes"})
    minimum_width = 620

    def __init__(self, ctx, quota: QuotaData | None = None, parent=None) -> None:
        self.quota = quota
        super().__init__(ctx, quota, parent)
        self.w = self.widgets

    def make_editor(self, field):
        if field.name == "purposes":
            box = QWidget()
            grid = QGridLayout(box)
            grid.setContentsMargins(0, 0, 0, 0)
            self.purpose_boxes: dict[AssignmentPurpose, QCheckBox] = {}
            for i, p in enumerate(AssignmentPurpose):
                cb = QCheckBox()
                cb.setObjectName(f"purpose_{p.value}")
                self.purpose_boxes[p] = cb
                grid.addWidget(cb, i // 2, i % 2)
            return box
        w = super().make_editor(field)
        if field.name == "max_term_days":
            w.setSpecialValueText("—")
        elif field.name == "decision_id":
            w.setMaximumWidth(460)
        return w

    def value(self, name: str):
        if name == "purposes":
            return tuple(p for p, cb in self.purpose_boxes.items() if cb.isChecked())
        return super().value(name)

    def set_value(self, name: str, value) -> None:
        if name == "purposes":
            for p, cb in self.purpose_boxes.items():
                cb.setChecked(p in value)
        else:
            super().set_value(name, value)

    def add_widgets(self, layout) -> None:
        self.usage = QLabel()
        self.usage.setObjectName("quota_dialog_usage")
        layout.addWidget(self.usage)

    def setup(self) -> None:
        self._sides = self.ctx.read(commission_service.get_sides)
        self._decisions = self.ctx.read(decision_choices)
        self.widgets["sending_side_id"].currentIndexChanged.connect(self._sending_changed)

    def options(self, field):
        lang = current_language()
        if field.name != "decision_id":
            return [(f"{s.short_name(lang)} ({s.code})", s.id) for s in self._sides]
        out = [("—", None)]
        for d in self._decisions:
            text = d.text(lang)
            out.append((f"{d.meeting_ordinal}/{d.number} — {text if len(text) <= 60 else text[:58] + '…'}", d.id))
        return out

    def fill_options(self) -> None:
        super().fill_options()
        decision = self.widgets["decision_id"]
        lang = current_language()
        for i, d in enumerate(self._decisions, start=1):
            decision.setItemData(i, d.text(lang), Qt.ItemDataRole.ToolTipRole)

    def defaults(self) -> None:
        today = dt.date.today()
        self.set_value("period_from", today)
        self.set_value("period_to", today.replace(year=today.year + 1) - dt.timedelta(days=1))
        if len(self._sides) > 1:
            self.widgets["receiving_side_id"].setCurrentIndex(1)

    def _sending_changed(self, _i: int) -> None:
        sending = self.widgets["sending_side_id"].currentData()
        receiving = self.widgets["receiving_side_id"]
        if receiving.currentData() == sending:
            other = next((s.id for s in self._sides if s.id != sending), None)
            receiving.setCurrentIndex(max(0, receiving.findData(other)))

    def first_focus(self):
        return None

    def title(self) -> str:
        return _("Edit quota") if self.quota else _("New quota")

    def retranslate_extra(self) -> None:
        for p, cb in self.purpose_boxes.items():
            cb.setText(p.label)
        if self.quota is not None:
            q = self.quota
            self.usage.setText(
                _("{number} agreed: {used} used, {planned} planned, {left} left.").format(
                    number=q.number, used=q.used, planned=q.planned, left=q.left
                )
            )

    def data(self) -> QuotaData:
        v = self.values()
        v["max_term_days"] = v["max_term_days"] or None
        return QuotaData(**v, id=self.quota.id if self.quota else None,
                         version=self.record_version() if self.quota else None)  # fmt: skip

    def write(self, values) -> QuotaData:
        return self.ctx.write(experts_quotas.save_quota, self.data())
