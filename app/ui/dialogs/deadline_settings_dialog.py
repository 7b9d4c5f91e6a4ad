"""How many days before the opening each step is due, and what counts as "due soon"."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout

from app.core.errors import CoreError
from app.core.services.agenda import deadlines
from app.core.services.agenda.deadlines import Offsets
from app.i18n import N_, _
from app.ui.widgets.form import FieldErrors
from app.ui.widgets.retranslate import Retranslatable

FIELDS = [
    ("notice", N_("Notice with the proposed agenda, days before")),
    ("confirmation", N_("Confirmation and additions, days before")),
    ("preparatory", N_("Secretaries' preparatory meeting, days before")),
    ("due_soon", N_("A step is “due soon” this many days ahead")),
]


class DeadlineSettingsDialog(Retranslatable, QDialog):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("DeadlineSettingsDialog")
        lay = QVBoxLayout(self)
        form = QFormLayout()
        lay.addLayout(form)
        general = QLabel()
        self.errors = FieldErrors(general)
        self.labels: dict[str, QLabel] = {}
        self.spins: dict[str, QSpinBox] = {}
        current = ctx.read(deadlines.get_offsets)
        for field, _label in FIELDS:
            spin = QSpinBox()
            spin.setObjectName(field)
            spin.setRange(0, deadlines.MAX_OFFSET)
            spin.setValue(getattr(current, field))
            label = QLabel()
            self.labels[field] = label
            self.spins[field] = spin
            self.errors.add_row(form, field, label, spin)
        lay.addWidget(general)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Deadlines before a session"))
        for field, label in FIELDS:
            self.labels[field].setText(_(label))

    def accept(self) -> None:
        self.errors.clear()
        offsets = Offsets(**{f: s.value() for f, s in self.spins.items()})
        try:
            self.ctx.write(deadlines.set_offsets, offsets)
        except CoreError as exc:
            self.errors.show(exc.field, exc.message)
            return
        super().accept()
