"""Add or edit a glossary term pair."""

from __future__ import annotations

from dataclasses import replace

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

from app.core.enums import TermStatus
from app.core.errors import CoreError
from app.core.services.minutes import glossary
from app.core.services.minutes.glossary import TermData
from app.i18n import _
from app.ui.widgets.form import FieldErrors
from app.ui.widgets.retranslate import Retranslatable


class GlossaryTermDialog(Retranslatable, QDialog):
    def __init__(self, ctx, term: TermData | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.term = term
        self.saved: TermData | None = None
        self.setObjectName("GlossaryTermDialog")
        self.setMinimumWidth(460)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        lay.addLayout(form)
        general = QLabel()
        self.errors = FieldErrors(general)
        self.zh = QLineEdit()
        self.zh.setObjectName("term_zh")
        self.ru = QLineEdit()
        self.ru.setObjectName("term_ru")
        self.note = QPlainTextEdit()
        self.note.setObjectName("term_note")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(80)
        self.status = QComboBox()
        self.status.setObjectName("term_status")
        for st in TermStatus:
            self.status.addItem("", st.value)  # Qt keeps a str enum as a plain string
        self.labels = {k: QLabel() for k in ("zh", "ru", "note", "status")}
        for key, w in (("zh", self.zh), ("ru", self.ru), ("note", self.note), ("status", self.status)):
            self.errors.add_row(form, key, self.labels[key], w)
        lay.addWidget(general)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        if term is not None:
            self.zh.setText(term.zh)
            self.ru.setText(term.ru)
            self.note.setPlainText(term.note)
            self.status.setCurrentIndex(self.status.findData(term.status.value))
        self.retranslate_ui()
        self.zh.setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Edit glossary term") if self.term else _("New glossary term"))
        self.labels["zh"].setText(_("Term in &Chinese:"))
        self.labels["ru"].setText(_("Term in &Russian:"))
        self.labels["note"].setText(_("&Note:"))
        self.labels["status"].setText(_("&Status:"))
        for i in range(self.status.count()):
            self.status.setItemText(i, TermStatus(self.status.itemData(i)).label)

    def data(self) -> TermData:
        base = self.term or TermData()
        return replace(
            base,
            zh=self.zh.text(),
            ru=self.ru.text(),
            note=self.note.toPlainText(),
            status=TermStatus(self.status.currentData() or TermStatus.PREFERRED.value),
        )

    def accept(self) -> None:
        self.errors.clear()
        try:
            self.saved = self.ctx.write(glossary.save_term, self.data())
        except CoreError as exc:
            self.errors.show(exc.field, exc.message)
            return
        super().accept()
