"""Add or edit one person."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from app.core.errors import CoreError
from app.core.services import commission as commission_service
from app.core.services import people as people_service
from app.core.services.people import PersonData
from app.i18n import N_, _, current_language
from app.ui.widgets.form import FieldErrors
from app.ui.widgets.retranslate import Retranslatable

FIELDS = [
    ("side_id", N_("Side")),
    ("name_zh", N_("Name in Chinese")),
    ("name_ru", N_("Name in Russian")),
    ("name_latin", N_("Name in Latin letters")),
    ("organisation_zh", N_("Organisation in Chinese")),
    ("organisation_ru", N_("Organisation in Russian")),
    ("position_zh", N_("Position in Chinese")),
    ("position_ru", N_("Position in Russian")),
    ("notes", N_("Notes")),
]


class PersonDialog(Retranslatable, QDialog):
    def __init__(self, ctx, person: PersonData | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person = person
        self.saved: PersonData | None = None
        self.setObjectName("PersonDialog")
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        lay.addLayout(form)
        general = QLabel()
        self.errors = FieldErrors(general)
        self.labels: dict[str, QLabel] = {}
        self.widgets: dict[str, object] = {}
        for field, _label in FIELDS:
            if field == "side_id":
                w = QComboBox()
            elif field == "notes":
                w = QPlainTextEdit()
                w.setTabChangesFocus(True)
                w.setMaximumHeight(90)
            else:
                w = QLineEdit()
            w.setObjectName(field)
            label = QLabel()
            self.labels[field] = label
            self.widgets[field] = w
            self.errors.add_row(form, field, label, w)
        lay.addWidget(general)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self._sides = ctx.read(commission_service.get_sides)
        self._fill_sides()
        if person is not None:
            self._load(person)
        self.retranslate_ui()
        self.widgets["name_zh"].setFocus()

    def _fill_sides(self) -> None:
        combo: QComboBox = self.widgets["side_id"]
        current = combo.currentData()
        combo.clear()
        lang = current_language()
        for s in self._sides:
            combo.addItem(f"{s.short_name(lang)} ({s.code})", s.id)
        if current is not None:
            combo.setCurrentIndex(max(0, combo.findData(current)))

    def _load(self, p: PersonData) -> None:
        combo: QComboBox = self.widgets["side_id"]
        combo.setCurrentIndex(max(0, combo.findData(p.side_id)))
        for field, _label in FIELDS:
            if field == "side_id":
                continue
            w = self.widgets[field]
            value = getattr(p, field)
            if isinstance(w, QPlainTextEdit):
                w.setPlainText(value)
            else:
                w.setText(value)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Edit person") if self.person else _("New person"))
        for field, label in FIELDS:
            self.labels[field].setText(_(label))
        self._fill_sides()

    def data(self) -> PersonData:
        values = {}
        for field, _label in FIELDS:
            w = self.widgets[field]
            if field == "side_id":
                values[field] = w.currentData()
            elif isinstance(w, QPlainTextEdit):
                values[field] = w.toPlainText()
            else:
                values[field] = w.text()
        if self.person is not None:
            values["id"] = self.person.id
        return PersonData(**values)

    def accept(self) -> None:
        self.errors.clear()
        data = self.data()
        try:
            if self.person is None:
                self.saved = self.ctx.write(people_service.add_person, data)
            else:
                self.saved = self.ctx.write(people_service.update_person, data)
        except CoreError as exc:
            self.errors.show(exc.field, exc.message)
            return
        super().accept()
