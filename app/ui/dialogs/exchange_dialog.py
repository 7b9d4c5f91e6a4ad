"""Add or edit one item of the Exchanges register.

Labels, required marks and limits come from the register's declaration
(:data:`app.core.services.exchanges.fields.EXCHANGE`); this module only lays the fields out.

The status is shown as the dates give it, never typed; the warranty fields open only for
measuring apparatus and technical materiel. Bad input gets its message under the field and
nothing is saved.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
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

from app.core.enums import ExchangeChannel, ExchangeKind
from app.core.errors import ConflictError, CoreError, ValidationError
from app.core.fields import FieldKind
from app.core.services import commission as commission_service
from app.core.services import markings as markings_service
from app.core.services.agenda import sessions as meetings_service
from app.core.services.exchanges import records as service
from app.core.services.exchanges.data import ExchangeData
from app.core.services.exchanges.fields import DATE_FIELDS, EXCHANGE, WARRANTY_FIELDS
from app.i18n import N_, _, current_language, format_date, wording
from app.ui.dialogs.conflict_dialog import ConflictDialog
from app.ui.dialogs.history_dialog import add_history_button
from app.ui.widgets import combo
from app.ui.widgets.attachments import AttachmentsWidget
from app.ui.widgets.date_edit import OptionalDateEdit
from app.ui.widgets.form import FieldErrors
from app.ui.widgets.retranslate import Retranslatable

ITEM_FIELDS = ("kind", "from_side_id", "to_side_id", "title_zh", "title_ru", "title_original", "reference",
               "quantity", "published", "marking_id", "channel", "meeting_id", "agenda_item_id", "decision_id")  # fmt: skip
TEXT_FIELDS = tuple(f for f in ITEM_FIELDS if EXCHANGE[f].kind is FieldKind.TEXT)


def session_label(m) -> str:
    return _("{session} ({city})").format(session=wording.session_name(m.ordinal), city=m.city(current_language()))


def elide(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class ExchangeDialog(Retranslatable, QDialog):
    def __init__(self, ctx, item: ExchangeData | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.item = item
        self.saved: ExchangeData | None = None
        self.setObjectName("ExchangeDialog")
        self._load_choices()
        self.labels: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}
        general = QLabel()
        general.setObjectName("error_general")
        self.errors = FieldErrors(general)

        item_box = QGroupBox()
        self.item_box = item_box
        form = QFormLayout(item_box)
        for f in ITEM_FIELDS:
            self._add(form, f, self._make_widget(f))
        self.dates_box = QGroupBox()
        dform = QFormLayout(self.dates_box)
        for f in DATE_FIELDS:
            w = OptionalDateEdit()
            w.changed.connect(self._update_status)
            self._add(dform, f, w)
        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        self.status_caption = QLabel()
        dform.addRow(self.status_caption, self.status_label)

        self.warranty_box = QGroupBox()
        wform = QFormLayout(self.warranty_box)
        for f in WARRANTY_FIELDS:
            if f == "warranty_start":
                w = OptionalDateEdit()
                w.changed.connect(self._update_expiry)
            elif f == "warranty_months":
                w = QSpinBox()
                w.setRange(0, int(EXCHANGE[f].maximum or 0))
                w.setSpecialValueText("—")
                w.valueChanged.connect(self._update_expiry)
            else:
                w = QPlainTextEdit()
                w.setTabChangesFocus(True)
                w.setFixedHeight(66)
            self._add(wform, f, w)
        self.expiry_label = QLabel()
        self.expiry_label.setObjectName("expiry_label")
        self.expiry_caption = QLabel()
        wform.addRow(self.expiry_caption, self.expiry_label)

        notes = QPlainTextEdit()
        notes.setTabChangesFocus(True)
        notes.setFixedHeight(60)
        self.notes_box = QGroupBox()
        nform = QFormLayout(self.notes_box)
        self._add(nform, "notes", notes)
        self.attachments = AttachmentsWidget(ctx, service.OWNER_KIND, item.id if item else None)
        self.attachments.list.setMaximumHeight(70)
        self.attachments_label = QLabel()
        nform.addRow(self.attachments_label, self.attachments)

        right = QVBoxLayout()
        right.addWidget(self.dates_box)
        right.addWidget(self.warranty_box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(item_box, 3)
        columns.addLayout(right, 2)
        lay = QVBoxLayout(self)
        lay.addLayout(columns)
        lay.addWidget(self.notes_box)
        lay.addWidget(general)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.history = add_history_button(self, self.buttons, item.uuid if item else None,
                                          lambda f: EXCHANGE[f].label)  # fmt: skip
        lay.addWidget(self.buttons)

        self._fill_combos()
        self.widgets["kind"].currentIndexChanged.connect(self._on_kind)
        self.widgets["meeting_id"].currentIndexChanged.connect(lambda _i: self._fill_links())
        if item is not None:
            self._load(item)
        else:
            self._defaults()
        self._on_kind()
        self.retranslate_ui()
        from app.ui.dialogs.screen_fit import available, fit_on_screen

        fit_on_screen(self)
        room = available()
        self.resize(min(1000, room.width()), min(self.sizeHint().height(), room.height()))
        self.widgets["title_zh" if current_language() == "zh_CN" else "title_ru"].setFocus()

    # --- building ----------------------------------------------------------------------------

    def _add(self, form: QFormLayout, field: str, widget: QWidget) -> None:
        widget.setObjectName(field)
        label = QLabel()
        if EXCHANGE[field].required:
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        self.labels[field] = label
        self.widgets[field] = widget
        self.errors.add_row(form, field, label, widget)

    def _make_widget(self, field: str) -> QWidget:
        declared = EXCHANGE[field]
        if field in TEXT_FIELDS:
            w = QLineEdit()
            if declared.max_length:
                w.setMaxLength(declared.max_length)
            return w
        if field == "quantity":
            w = QLineEdit()
            w.setAlignment(Qt.AlignmentFlag.AlignRight)
            w.setMaximumWidth(120)
            return w
        return QComboBox()

    def _load_choices(self) -> None:
        read = self.ctx.read
        self._sides = read(commission_service.get_sides)
        self._markings = read(markings_service.list_markings)
        self._meetings = read(meetings_service.list_meetings, newest_first=False)
        self._agenda = read(service.agenda_choices)
        self._decisions = read(service.decision_choices)

    def _combo(self, field: str) -> QComboBox:
        return self.widgets[field]  # type: ignore[return-value]

    def _refill(
        self, field: str, entries: list[tuple[str, object]], tooltips: list[str] | None = None
    ) -> None:
        combo.refill(self._combo(field), entries, tooltips)

    def _fill_combos(self) -> None:
        lang = current_language()
        self._refill("kind", [(k.label, k.value) for k in ExchangeKind])
        sides = [(f"{s.short_name(lang)} ({s.code})", s.id) for s in self._sides]
        self._refill("from_side_id", sides)
        self._refill("to_side_id", sides)
        self._refill("published", [(_("Published"), True), (_("Unpublished"), False), ("—", None)])
        self._refill("marking_id", [("—", None), *((m.name(lang), m.id) for m in self._markings)])
        self._refill("channel", [("—", None), *((c.label, c.value) for c in ExchangeChannel)])
        self._refill("meeting_id", [("—", None), *((session_label(m), m.id) for m in self._meetings)])
        self._fill_links()

    def _fill_links(self) -> None:
        lang = current_language()
        meeting = combo.value(self._combo("meeting_id"))
        agenda = [a for a in self._agenda if meeting is None or a.meeting_id == meeting]
        decisions = [d for d in self._decisions if meeting is None or d.meeting_id == meeting]
        ordinals = {m.id: m.ordinal for m in self._meetings}

        def prefix(choice) -> str:
            return "" if meeting is not None else f"[{ordinals.get(choice.meeting_id, '?')}] "

        self._refill(
            "agenda_item_id",
            [("—", None), *((elide(f"{prefix(a)}{a.number}. {a.text(lang)}"), a.id) for a in agenda)],
            ["", *(a.text(lang) for a in agenda)],
        )
        self._refill(
            "decision_id",
            [
                ("—", None),
                *(
                    (
                        elide(
                            prefix(d) + _("No. {number}: {text}").format(number=d.number, text=d.text(lang))
                        ),
                        d.id,
                    )
                    for d in decisions
                ),
            ],  # fmt: skip
            ["", *(d.text(lang) for d in decisions)],
        )

    def _defaults(self) -> None:
        """A new item goes, by default, from the other side to this secretariat's side."""
        if len(self._sides) == 2:
            ours = 0 if current_language() == "zh_CN" else 1
            self._set_combo("from_side_id", self._sides[1 - ours].id)
            self._set_combo("to_side_id", self._sides[ours].id)
        self.widgets["quantity"].setText("1")
        self.widgets["requested_on"].set_date(date.today())

    def _set_combo(self, field: str, value) -> None:
        combo.select(self._combo(field), value)

    def _load(self, x: ExchangeData) -> None:
        for f in ("kind", "from_side_id", "to_side_id", "marking_id", "channel", "meeting_id"):
            self._set_combo(f, getattr(x, f))
        self._fill_links()
        self._set_combo("agenda_item_id", x.agenda_item_id)
        self._set_combo("decision_id", x.decision_id)
        self._set_combo("published", x.published)
        for f in TEXT_FIELDS:
            self.widgets[f].setText(getattr(x, f))
        self.widgets["quantity"].setText(str(x.quantity))
        for f in (*DATE_FIELDS, "warranty_start"):
            self.widgets[f].set_date(getattr(x, f))
        self.widgets["warranty_months"].setValue(x.warranty_months or 0)
        self.widgets["warranty_terms_zh"].setPlainText(x.warranty_terms_zh)
        self.widgets["warranty_terms_ru"].setPlainText(x.warranty_terms_ru)
        self.widgets["notes"].setPlainText(x.notes)

    # --- live feedback -------------------------------------------------------------------------

    def _kind(self) -> ExchangeKind:
        return ExchangeKind(combo.value(self._combo("kind")))

    def _on_kind(self, *_a) -> None:
        kind = self._kind()
        self.warranty_box.setEnabled(kind.has_warranty)
        published = self._combo("published")
        published.setEnabled(kind.is_document)
        if not kind.is_document:
            combo.select(published, None)
        elif combo.value(published) is None:
            combo.select(published, True)
        self._update_expiry()

    def _update_status(self) -> None:
        dates = {f: self.widgets[f].date() for f in DATE_FIELDS}
        status = service.status_of(replace(ExchangeData(), **dates))
        self.status_label.setText(status.label if status else _("no date yet"))

    def _update_expiry(self, *_a) -> None:
        if not self._kind().has_warranty:
            self.expiry_label.setText(_("no warranty for this kind"))
            return
        expiry = service.warranty_expiry(
            self.widgets["warranty_start"].date(), self.widgets["warranty_months"].value()
        )
        self.expiry_label.setText(format_date(expiry) if expiry else "—")

    # --- language ------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Edit exchange item") if self.item else _("New exchange item"))
        self.item_box.setTitle(_("Item exchanged"))
        self.dates_box.setTitle(_("Dates"))
        self.warranty_box.setTitle(_("Warranty (apparatus and materiel)"))
        self.notes_box.setTitle(_("Notes and attachments"))
        for f, label in self.labels.items():
            label.setText(EXCHANGE[f].label)
        self.status_caption.setText(EXCHANGE["status"].label)
        self.expiry_caption.setText(EXCHANGE["warranty_expires"].label)
        self.attachments_label.setText(EXCHANGE["attachments"].label)
        self.widgets["quantity"].setPlaceholderText(_("copies, pieces"))
        self.widgets["reference"].setPlaceholderText(_("e.g. ГОСТ 2789-59, letter No."))
        self._fill_combos()
        self._update_status()
        self._update_expiry()

    # --- saving --------------------------------------------------------------------------------

    def data(self) -> ExchangeData:
        """What the form says; a ValidationError for a quantity that is not a number."""
        values: dict = {}
        for f in ("kind", "from_side_id", "to_side_id", "marking_id", "channel", "meeting_id", "agenda_item_id",
                  "decision_id", "published"):  # fmt: skip
            values[f] = combo.value(self._combo(f))
        for f in TEXT_FIELDS:
            values[f] = self.widgets[f].text()
        text = self.widgets["quantity"].text().strip().replace(" ", "").replace("\u00a0", "")
        if not text:
            values["quantity"] = None
        else:
            try:
                values["quantity"] = int(text)
            except ValueError:
                raise ValidationError(
                    EXCHANGE["quantity"].error_msgid or N_("{label}: a number is expected."),
                    field="quantity",
                    label=EXCHANGE["quantity"].label,
                ) from None
        for f in DATE_FIELDS:
            values[f] = self.widgets[f].date()
        if self._kind().has_warranty:
            values["warranty_start"] = self.widgets["warranty_start"].date()
            values["warranty_months"] = self.widgets["warranty_months"].value() or None
            values["warranty_terms_zh"] = self.widgets["warranty_terms_zh"].toPlainText()
            values["warranty_terms_ru"] = self.widgets["warranty_terms_ru"].toPlainText()
        values["notes"] = self.widgets["notes"].toPlainText()
        if self.item is not None:
            values["id"] = self.item.id
            values["uuid"] = self.item.uuid
            values["version"] = self.item.version
        return ExchangeData(**values)

    def _save(self, session, data: ExchangeData) -> ExchangeData:
        if data.id is None:
            saved = service.add_exchange(session, data)
            self.attachments.save_pending(session, saved.id)
            return service.get_exchange(session, saved.id)
        return service.update_exchange(session, data)

    def accept(self) -> None:
        self.errors.clear()
        try:
            data = self.data()
            while True:
                try:
                    self.saved = self.ctx.write(self._save, data)
                    break
                except ConflictError as exc:  # someone else saved meanwhile: both versions shown
                    merged = self._resolve(exc)
                    if merged is None:
                        return
                    data = replace(data, **merged, version=exc.version)
        except CoreError as exc:
            self.errors.show(exc.field, exc.message)
            return
        super().accept()

    def _resolve(self, exc: ConflictError) -> dict | None:
        """The values to save after a conflict (the user's choice), or None to go back to the form."""
        if exc.version is None:  # a race within the save itself: saving again shows the versions
            self.errors.show(None, exc.message)
            return None
        if not exc.fields:  # saved meanwhile with the same values
            return {}
        base = {f: getattr(self.item, f) for f in exc.mine} if self.item is not None else None
        dlg = ConflictDialog(exc, lambda f: EXCHANGE[f].label, self._describe, base=base, parent=self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return None
        return dlg.merged()

    def _describe(self, name: str, value) -> str:
        """A value of field ``name`` as the form shows it."""
        if value is None or value == "":
            return ""
        if isinstance(self.widgets.get(name), QComboBox):
            box = self._combo(name)
            i = box.findData(value)
            if i >= 0:
                return box.itemText(i)
        if isinstance(value, date):
            return wording.short_date(value)
        return str(value)
