"""Add or rename one confidentiality marking."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from app.core.errors import CoreError
from app.core.services import markings as service
from app.core.services.markings import MarkingData
from app.i18n import N_, _
from app.ui.widgets.form import FieldErrors
from app.ui.widgets.retranslate import Retranslatable

FIELDS = (("name_zh", N_("In Chinese")), ("name_ru", N_("In Russian")), ("name_en", N_("In English")))


class MarkingDialog(Retranslatable, QDialog):
    def __init__(self, ctx, marking: MarkingData | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("MarkingDialog")
        self.ctx = ctx
        self.marking = marking
        self.saved: MarkingData | None = None
        lay = QVBoxLayout(self)
        form = QFormLayout()
        lay.addLayout(form)
        general = QLabel()
        self.errors = FieldErrors(general)
        self.labels: dict[str, QLabel] = {}
        self.edits: dict[str, QLineEdit] = {}
        for field, _label in FIELDS:
            edit = QLineEdit(getattr(marking, field) if marking else "")
            edit.setObjectName(field)
            label = QLabel()
            self.labels[field] = label
            self.edits[field] = edit
            self.errors.add_row(form, field, label, edit)
        lay.addWidget(general)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Rename the marking") if self.marking else _("New marking"))
        for field, label in FIELDS:
            self.labels[field].setText(_(label))

    def accept(self) -> None:
        self.errors.clear()
        data = MarkingData(**{f: e.text() for f, e in self.edits.items()},
                           id=self.marking.id if self.marking else None)  # fmt: skip
        fn = service.update_marking if self.marking else service.add_marking
        try:
            self.saved = self.ctx.write(fn, data)
        except CoreError as exc:
            self.errors.show(exc.field, exc.message)
            return
        super().accept()
