"""The record-dialog base: a form built from declared fields, validated, saved, retranslated."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QLabel, QPlainTextEdit, QSpinBox

from app.core.enums import MeetingStatus
from app.core.errors import ValidationError
from app.core.fields import Field, FieldKind
from app.core.services import people as people_service
from app.i18n import N_
from app.i18n.qt import apply_language
from app.ui.dialogs.record_dialog import FieldGroup, RecordDialog
from app.ui.widgets.currency_box import CurrencyBox
from app.ui.widgets.date_edit import DateEdit, OptionalDateEdit
from app.ui.widgets.mnemonics import plain
from tests.ui.typing import type_text


class NoteDialog(RecordDialog):
    fields = (
        Field("name_zh", N_("Name in Chinese"), required=True, max_length=20),
        Field("number", N_("Number of people"), FieldKind.INT, maximum=50),
        Field("opening", N_("Opening day"), FieldKind.DATE),
        Field("status", N_("Status"), FieldKind.CHOICE, choices=MeetingStatus),
        Field("side_id", N_("Side"), FieldKind.REF, ref="side"),
        Field("notes", N_("&Notes"), FieldKind.LONG_TEXT),
        Field("urgent", N_("Urgent"), FieldKind.BOOL),
    )

    def __init__(self, ctx, saved_values: list, refuse: str | None = None, parent=None) -> None:
        self.saved_values = saved_values
        self.refuse = refuse
        super().__init__(ctx, None, parent)

    def options(self, field):
        return [("CN", 1), ("SU", 2)]

    def defaults(self) -> None:
        self.set_value("side_id", 2)
        self.set_value("status", MeetingStatus.PLANNED)

    def title(self) -> str:
        return "Note"

    def write(self, values):
        def save(session, values):
            if self.refuse:
                raise ValidationError("The number is taken.", field=self.refuse)
            self.saved_values.append(values)
            return values

        return self.ctx.write(save, values)


def save(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_the_form_is_built_from_the_fields_and_saves_what_is_typed(qtbot, ctx):
    saved: list = []
    dialog = NoteDialog(ctx, saved)
    qtbot.addWidget(dialog)
    dialog.show()
    w = dialog.widgets
    assert isinstance(w["number"], QSpinBox) and w["number"].maximum() == 50
    assert isinstance(w["opening"], DateEdit) and isinstance(w["notes"], QPlainTextEdit)
    assert isinstance(w["status"], QComboBox) and isinstance(w["urgent"], QCheckBox)
    assert [w["side_id"].itemText(i) for i in range(2)] == ["CN", "SU"] and w["side_id"].currentData() == 2
    # every label gets a mnemonic of its own (the msgid's & where it has one)
    assert dialog.labels["name_zh"].text() == "&Name in Chinese" and dialog.labels["name_zh"].font().bold()
    assert dialog.labels["notes"].buddy() is w["notes"]  # the & of “&Notes” is its mnemonic
    assert dialog.windowTitle() == "Note"
    type_text(w["name_zh"], "王振国")
    w["number"].setValue(7)
    w["opening"].set_value(dt.date(1958, 3, 12))
    type_text(w["notes"], "Один\nдва")
    w["urgent"].setChecked(True)
    save(dialog)
    assert not dialog.isVisible() and dialog.result()
    assert saved == [{
        "name_zh": "王振国", "number": 7, "opening": dt.date(1958, 3, 12), "status": "planned",
        "side_id": 2, "notes": "Один\nдва", "urgent": True,
    }]  # fmt: skip
    assert dialog.saved == saved[0]


def test_a_required_field_left_empty_shows_the_translated_message_and_saves_nothing(qtbot, ctx):
    apply_language("ru")
    saved: list = []
    dialog = NoteDialog(ctx, saved)
    qtbot.addWidget(dialog)
    dialog.show()
    save(dialog)
    assert dialog.isVisible() and saved == []
    assert dialog.errors.message("name_zh") == "Заполните поле «Имя по-китайски»."
    assert dialog.findChild(QLabel, "error_name_zh").isVisible()
    type_text(dialog.widgets["name_zh"], "王")
    save(dialog)
    assert not dialog.isVisible() and len(saved) == 1


def test_the_service_validation_error_highlights_its_field(qtbot, ctx):
    saved: list = []
    dialog = NoteDialog(ctx, saved, refuse="number")
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.widgets["name_zh"], "王")
    save(dialog)
    assert dialog.isVisible() and saved == []
    assert dialog.errors.message("number") == "The number is taken."
    assert dialog.widgets["number"].property("invalid") is True
    assert dialog.errors.message("name_zh") == ""
    # a message for no field of the form goes to the error label under the form
    dialog.refuse = "elsewhere"
    save(dialog)
    assert dialog.general_error.isVisible() and dialog.general_error.text() == "The number is taken."
    assert not dialog.findChild(QLabel, "error_number").isVisible()


def test_a_language_switch_retranslates_the_labels_and_the_choices(qtbot, ctx):
    dialog = NoteDialog(ctx, [])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.widgets["status"].setCurrentIndex(dialog.widgets["status"].findData("held"))
    apply_language("zh_CN")
    assert dialog.labels["name_zh"].text() == "中文姓名(&N)"  # the letter of “Name in Chinese”
    assert plain(dialog.labels["number"].text()) == "人数"
    assert dialog.widgets["status"].currentText() == MeetingStatus.HELD.label
    assert dialog.widgets["status"].currentData() == "held"  # the choice is kept
    apply_language("en")
    assert dialog.labels["name_zh"].text() == "&Name in Chinese"


def test_the_persons_history_opens_an_assignment_through_the_registered_opener(qtbot, demo_ctx):
    from app.ui.dialogs import openers
    from app.ui.dialogs.assignment_dialog import open_assignment
    from app.ui.dialogs.person_history_dialog import PersonHistoryDialog

    assert openers.get("assignment") is open_assignment
    belov = next(p for p in demo_ctx.read(people_service.search_people, "Белов", None) if p.name_ru == "И. В. Белов")
    opened = []
    dialog = PersonHistoryDialog(demo_ctx, belov.id, open_assignment=lambda ctx, a, parent: opened.append(a.id))
    qtbot.addWidget(dialog)
    m = dialog.model
    role = Qt.ItemDataRole.UserRole
    row = next(r for r in range(m.rowCount()) if getattr(m.index(r, 0).data(role), "assignment_id", None))
    dialog._open(m.index(row, 0))
    assert opened == [m.index(row, 0).data(role).assignment_id]


class PaymentDialog(RecordDialog):
    """The editors a register's dialog brings itself (a currency, an optional date) and a rule
    across fields."""

    fields = (
        Field("amount", N_("Amount"), FieldKind.MONEY, required=True),
        Field("currency", N_("Currency")),
        Field("paid_on", N_("Date"), FieldKind.DATE),
    )

    def __init__(self, ctx, saved_values: list, parent=None) -> None:
        self.saved_values = saved_values
        super().__init__(ctx, None, parent)

    def make_editor(self, field):
        if field.name == "currency":
            return CurrencyBox()
        if field.name == "paid_on":
            return OptionalDateEdit()
        return super().make_editor(field)

    def check(self, values) -> None:
        if values["currency"] == "USD" and values["paid_on"] is None:
            raise ValidationError("A payment in dollars needs its date.", field="paid_on")

    def write(self, values):
        self.saved_values.append(values)
        return values


def test_a_dialogs_own_editors_and_a_rule_across_fields(qtbot, ctx):
    saved: list = []
    dialog = PaymentDialog(ctx, saved)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.widgets["amount"], "1 234,50")  # the service reads it, not the form
    dialog.set_value("currency", "USD")
    save(dialog)
    assert saved == [] and dialog.errors.message("paid_on") == "A payment in dollars needs its date."
    dialog.set_value("paid_on", dt.date(1958, 3, 12))
    save(dialog)
    assert saved == [{"amount": "1 234,50", "currency": "USD", "paid_on": dt.date(1958, 3, 12)}]


class TabbedDialog(NoteDialog):
    """Declared field groups become tabs; a tab without fields is the dialog's own."""

    groups = (
        FieldGroup(N_("General"), (("name_zh", "side_id"), ("opening", "status"))),
        FieldGroup(N_("Notes"), (("notes",),), fill=True),
        FieldGroup(N_("Files")),
    )

    def make_tab(self, group):
        self.own_tab = QLabel("files")
        return self.own_tab


def test_declared_groups_are_tabs_and_an_error_brings_its_tab_forward(qtbot, ctx):
    saved: list = []
    dialog = TabbedDialog(ctx, saved)
    qtbot.addWidget(dialog)
    tabs = dialog.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["General", "Notes", "Files"]
    assert tabs.widget(2) is dialog.own_tab
    assert tabs.widget(1).isAncestorOf(dialog.widgets["notes"])
    assert dialog.widgets["notes"].maximumHeight() > dialog.long_text_height  # it fills its tab
    for name in ("number", "urgent"):  # named by no group: the first tab
        assert tabs.widget(0).isAncestorOf(dialog.widgets[name])
    tabs.setCurrentIndex(1)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert tabs.currentIndex() == 0 and dialog.errors.message("name_zh") and not saved
    type_text(dialog.widgets["name_zh"], "甲")
    assert dialog.save() and len(saved) == 1
    assert dialog.result() == 0  # saved, and the dialog left open


def test_a_text_longer_than_its_field_shows_its_beginning(qtbot, ctx):
    """Loaded into a narrow field, a long name shows how it begins, not its last words (the field
    that has the focus on opening has its text selected, as usual)."""

    class Focused(NoteDialog):
        def first_focus(self):
            return self.widgets["number"]

    dialog = Focused(ctx, [])
    qtbot.addWidget(dialog)
    name = "Государственный коми"  # the field's 20 characters
    field = dialog.widgets["name_zh"]
    field.setFixedWidth(field.fontMetrics().horizontalAdvance(name) // 2)
    dialog.set_value("name_zh", name)
    dialog.show()
    assert field.cursorPosition() == 0 and field.text() == name
    assert field.cursorRect().left() < field.fontMetrics().horizontalAdvance("Г") + 10
