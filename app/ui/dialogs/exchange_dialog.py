"""Add or edit one item of the Exchanges register.

A :class:`RecordDialog` over the register's declaration
(:data:`app.core.services.exchanges.fields.EXCHANGE`): its fields are the editable fields of the
register, with their labels, required marks, limits and declared rules. This module keeps only what
is particular to an exchange: the layout in group boxes, the status shown as the dates give it
(never typed), the warranty fields open only for measuring apparatus and technical materiel, the
agenda items and decisions of the chosen session, and the files attached to the item.

A field added to the register's declaration appears here in the "Item exchanged" box with the
editor of its kind, without touching this module.
"""

from __future__ import annotations

from dataclasses import fields as dataclass_fields
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.enums import ExchangeKind
from app.core.fields import Field, FieldKind
from app.core.services import commission as commission_service
from app.core.services import markings as markings_service
from app.core.services.agenda import sessions as meetings_service
from app.core.services.exchanges import records as service
from app.core.services.exchanges.data import ExchangeData
from app.core.services.exchanges.fields import DATE_FIELDS, EXCHANGE, WARRANTY_FIELDS
from app.i18n import _, current_language, format_date, wording
from app.ui.dialogs.record_dialog import RecordDialog
from app.ui.widgets import combo
from app.ui.widgets.attachments import AttachmentsWidget
from app.ui.widgets.date_edit import OptionalDateEdit

#: the order of the "Item exchanged" box (fields declared later follow in declaration order)
ITEM_FIELDS = ("kind", "from_side_id", "to_side_id", "title_zh", "title_ru", "title_original", "reference",
               "quantity", "published", "marking_id", "channel", "meeting_id", "agenda_item_id", "decision_id")  # fmt: skip
_ORDER = {name: i for i, name in enumerate((*ITEM_FIELDS, *DATE_FIELDS, *WARRANTY_FIELDS, "notes"))}
_DATA_FIELDS = frozenset(f.name for f in dataclass_fields(ExchangeData))


def session_label(m) -> str:
    return _("{session} ({city})").format(session=wording.session_name(m.ordinal), city=m.city(current_language()))


def elide(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def dialog_fields() -> tuple[Field, ...]:
    """The editable fields of the register, in the order of the form."""
    editable = EXCHANGE.editable()
    return tuple(sorted(editable, key=lambda f: _ORDER.get(f.name, len(_ORDER))))


class ExchangeDialog(RecordDialog):
    fields = dialog_fields()
    minimum_width = 0

    def __init__(self, ctx, item: ExchangeData | None = None, parent=None) -> None:
        self.fields = dialog_fields()  # read now: the declaration is the one place a field is added
        super().__init__(ctx, item, parent)
        self._on_kind()
        from app.ui.dialogs.screen_fit import available

        room = available()
        self.resize(min(1000, room.width()), min(self.sizeHint().height(), room.height()))

    @property
    def item(self) -> ExchangeData | None:
        return self.record

    # --- layout: the item on the left, dates and warranty on the right, notes below ------------------

    def add_widgets_above(self, layout: QVBoxLayout) -> None:
        self.item_box = QGroupBox()
        self.dates_box = QGroupBox()
        self.warranty_box = QGroupBox()
        self.notes_box = QGroupBox()
        self._forms = {box: QFormLayout(box) for box in (self.item_box, self.dates_box, self.warranty_box,
                                                          self.notes_box)}  # fmt: skip
        right = QVBoxLayout()
        right.addWidget(self.dates_box)
        right.addWidget(self.warranty_box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(self.item_box, 3)
        columns.addLayout(right, 2)
        layout.addLayout(columns)
        layout.addWidget(self.notes_box)

    def form_for(self, name: str) -> QFormLayout:
        if name in WARRANTY_FIELDS:
            box = self.warranty_box
        elif name in DATE_FIELDS:
            box = self.dates_box
        elif name == "notes":
            box = self.notes_box
        else:
            box = self.item_box
        return self._forms[box]

    def add_after_field(self, name: str, form: QFormLayout) -> None:
        if name == DATE_FIELDS[-1]:
            self.status_label = QLabel()
            self.status_label.setObjectName("status_label")
            self.status_caption = QLabel()
            form.addRow(self.status_caption, self.status_label)
        elif name == WARRANTY_FIELDS[-1]:
            self.expiry_label = QLabel()
            self.expiry_label.setObjectName("expiry_label")
            self.expiry_caption = QLabel()
            form.addRow(self.expiry_caption, self.expiry_label)
        elif name == "notes":
            self.attachments = AttachmentsWidget(self.ctx, service.OWNER_KIND, self.item.id if self.item else None)
            self.attachments.list.setMaximumHeight(70)
            self.attachments_label = QLabel()
            form.addRow(self.attachments_label, self.attachments)

    def make_editor(self, field: Field) -> QWidget:
        name = field.name
        if field.kind is FieldKind.DATE:
            w = OptionalDateEdit()
            w.changed.connect(self._update_status if name in DATE_FIELDS else self._update_expiry)
            return w
        if name == "quantity":
            w = QLineEdit()
            w.setAlignment(Qt.AlignmentFlag.AlignRight)
            w.setMaximumWidth(120)
            return w
        if name == "warranty_months":
            w = QSpinBox()
            w.setRange(0, int(field.maximum or 0))
            w.setSpecialValueText("—")
            w.valueChanged.connect(self._update_expiry)
            return w
        if name == "published":
            return QComboBox()
        w = super().make_editor(field)
        if isinstance(w, QPlainTextEdit):
            w.setFixedHeight(60 if name == "notes" else 66)
        return w

    # --- choices -------------------------------------------------------------------------------------

    def setup(self) -> None:
        read = self.ctx.read
        self._sides = read(commission_service.get_sides)
        self._markings = read(markings_service.list_markings)
        self._meetings = read(meetings_service.list_meetings, newest_first=False)
        self._agenda = read(service.agenda_choices)
        self._decisions = read(service.decision_choices)
        self.widgets["kind"].currentIndexChanged.connect(self._on_kind)
        self.widgets["meeting_id"].currentIndexChanged.connect(lambda _i: self._fill_links())

    def options(self, field: Field):
        lang = current_language()
        if field.ref == "side":
            return [(f"{s.short_name(lang)} ({s.code})", s.id) for s in self._sides]
        if field.ref == "marking":
            return [("—", None), *((m.name(lang), m.id) for m in self._markings)]
        if field.ref == "meeting":
            return [("—", None), *((session_label(m), m.id) for m in self._meetings)]
        return [("—", None)]

    def fill_options(self) -> None:
        for f in self.fields:
            if f.name in ("agenda_item_id", "decision_id"):
                continue
            box = self.widgets[f.name]
            if f.name == "published":
                entries = [(_("Published"), True), (_("Unpublished"), False), ("—", None)]
            elif f.kind is FieldKind.CHOICE:
                none = [] if f.required else [("—", None)]
                entries = [*none, *((m.label, m.value) for m in (f.choices or ()))]
            elif f.kind is FieldKind.REF:
                entries = list(self.options(f))
            else:
                continue
            combo.refill(box, entries)
        self._fill_links()

    def _fill_links(self) -> None:
        lang = current_language()
        meeting = combo.value(self.widgets["meeting_id"])
        agenda = [a for a in self._agenda if meeting is None or a.meeting_id == meeting]
        decisions = [d for d in self._decisions if meeting is None or d.meeting_id == meeting]
        ordinals = {m.id: m.ordinal for m in self._meetings}

        def prefix(choice) -> str:
            return "" if meeting is not None else f"[{ordinals.get(choice.meeting_id, '?')}] "

        def decision(d) -> str:
            return elide(prefix(d) + _("No. {number}: {text}").format(number=d.number, text=d.text(lang)))

        combo.refill(
            self.widgets["agenda_item_id"],
            [("—", None), *((elide(f"{prefix(a)}{a.number}. {a.text(lang)}"), a.id) for a in agenda)],
            ["", *(a.text(lang) for a in agenda)],
        )
        combo.refill(
            self.widgets["decision_id"],
            [("—", None), *((decision(d), d.id) for d in decisions)],
            ["", *(d.text(lang) for d in decisions)],
        )

    # --- values --------------------------------------------------------------------------------------

    def value(self, name: str) -> Any:
        w = self.widgets[name]
        if isinstance(w, QComboBox):
            return combo.value(w)
        if name == "quantity":  # a whole number, or the text for the declared rule to refuse
            text = w.text().strip().replace(" ", "").replace("\u00a0", "")
            try:
                return int(text) if text else None
            except ValueError:
                return text
        if name == "warranty_months":
            return w.value() or None
        return super().value(name)

    def set_value(self, name: str, value: Any) -> None:
        w = self.widgets[name]
        if isinstance(w, QComboBox):
            if name in ("agenda_item_id", "decision_id"):
                self._fill_links()
            combo.select(w, getattr(value, "value", value))
        else:
            super().set_value(name, value)

    def defaults(self) -> None:
        """A new item goes, by default, from the other side to this secretariat's side."""
        for f in self.fields:
            if f.default is not None:
                self.set_value(f.name, f.default)
        if len(self._sides) == 2:
            ours = 0 if current_language() == "zh_CN" else 1
            self.set_value("from_side_id", self._sides[1 - ours].id)
            self.set_value("to_side_id", self._sides[ours].id)
        self.set_value("quantity", 1)
        self.set_value("requested_on", date.today())

    def first_focus(self) -> QWidget | None:
        return self.widgets["title_zh" if current_language() == "zh_CN" else "title_ru"]

    # --- live feedback -------------------------------------------------------------------------------

    def _kind(self) -> ExchangeKind:
        return ExchangeKind(combo.value(self.widgets["kind"]))

    def _on_kind(self, *_a) -> None:
        if not hasattr(self, "expiry_label"):
            return
        kind = self._kind()
        self.warranty_box.setEnabled(kind.has_warranty)
        published = self.widgets["published"]
        published.setEnabled(kind.is_document)
        if not kind.is_document:
            combo.select(published, None)
        elif combo.value(published) is None:
            combo.select(published, True)
        self._update_expiry()

    def _update_status(self) -> None:
        if not hasattr(self, "status_label") or any(f not in self.widgets for f in DATE_FIELDS):
            return
        dates = {f: self.widgets[f].date() for f in DATE_FIELDS}
        status = service.status_of(replace(ExchangeData(), **dates))
        self.status_label.setText(status.label if status else _("no date yet"))

    def _update_expiry(self, *_a) -> None:
        if not hasattr(self, "expiry_label"):
            return
        if not self._kind().has_warranty:
            self.expiry_label.setText(_("no warranty for this kind"))
            return
        expiry = service.warranty_expiry(self.value("warranty_start"), self.widgets["warranty_months"].value())
        self.expiry_label.setText(format_date(expiry) if expiry else "—")

    # --- language ------------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Edit exchange item") if self.item else _("New exchange item")

    def retranslate_extra(self) -> None:
        self.item_box.setTitle(_("Item exchanged"))
        self.dates_box.setTitle(_("Dates"))
        self.warranty_box.setTitle(_("Warranty (apparatus and materiel)"))
        self.notes_box.setTitle(_("Notes and attachments"))
        self.status_caption.setText(EXCHANGE["status"].label)
        self.expiry_caption.setText(EXCHANGE["warranty_expires"].label)
        self.attachments_label.setText(EXCHANGE["attachments"].label)
        self.widgets["quantity"].setPlaceholderText(_("copies, pieces"))
        self.widgets["reference"].setPlaceholderText(_("e.g. ГОСТ 2789-59, letter No."))
        self._update_status()
        self._update_expiry()

    # --- saving --------------------------------------------------------------------------------------

    def data(self, values: dict[str, Any] | None = None) -> ExchangeData:
        """What the form says, as the record the service saves."""
        values = dict(self.values() if values is None else values)
        if not self._kind().has_warranty:
            for f in WARRANTY_FIELDS:
                values.pop(f, None)
        values = {k: v for k, v in values.items() if k in _DATA_FIELDS}
        if self.item is not None:
            values.update(id=self.item.id, uuid=self.item.uuid, version=self.record_version())
        return ExchangeData(**values)

    def write(self, values: dict[str, Any]) -> ExchangeData:
        return self.ctx.write(self._save, self.data(values))

    def _save(self, session, data: ExchangeData) -> ExchangeData:
        if data.id is None:
            saved = service.add_exchange(session, data)
            self.attachments.save_pending(session, saved.id)
            return service.get_exchange(session, saved.id)
        return service.update_exchange(session, data)
