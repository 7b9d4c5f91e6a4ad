"""Add or edit an expense, or enter a correction of one.

A :class:`RecordDialog` over the register's declaration
(:data:`app.core.services.expenses.fields.EXPENSE`): one row per declared field, with its label,
required mark and declared rules. This module keeps what is particular to an expense: the payer is
shown, never typed (it follows from the kind, the session's host and the delegation); the
delegation is asked only for a delegation's cost; the amount is typed in the interface language's
way (``1 234,50`` in Russian, ``1,234.50`` in Chinese or English); a correction shows what it
corrects and keeps the session, kind, category and currency of the original; an expense dated far
from its session is saved only once the user confirms.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import fields as dataclass_fields
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from app.core.fields import Field, FieldKind
from app.core.models import ExpenseKind
from app.core.services import commission as commission_service
from app.core.services.agenda import sessions as meetings_service
from app.core.services.expenses import records as service
from app.core.services.expenses.fields import EXPENSE, SHOWN_IN_FORM
from app.core.services.expenses.records import ExpenseData, ExpenseInput, ExpenseWarning
from app.core.services.money import format_amount_example
from app.i18n import _, current_language, format_amount, format_date, format_money, wording
from app.ui.dialogs.record_dialog import RecordDialog
from app.ui.widgets import combo, messages
from app.ui.widgets.attachments import AttachmentsWidget
from app.ui.widgets.currency_box import CurrencyBox

#: texts typed on one line in this form (the declaration allows several)
_ONE_LINE = ("description_zh", "description_ru", "correction_reason")
_INPUT_FIELDS = frozenset(f.name for f in dataclass_fields(ExpenseInput))
#: what a correction keeps from the expense it corrects
_KEPT = ("meeting_id", "kind", "delegation_side_id", "category", "currency")


def session_label(m) -> str:
    return _("{session} · {city} · {dates}").format(
        session=wording.session_name(m.ordinal), city=m.city(current_language()), dates=format_date(m.start_date)
    )


def form_fields() -> tuple[Field, ...]:
    """The rows of the form: the editable fields of the register and the read-only ones it shows."""
    return tuple(f for f in EXPENSE if (not f.read_only and f.stored) or f.name in SHOWN_IN_FORM)


class ExpenseDialog(RecordDialog):
    fields = form_fields()
    minimum_width = 560

    def __init__(
        self,
        ctx,
        meeting_id: int | None = None,
        expense: ExpenseData | None = None,
        correction_of: ExpenseData | None = None,
        parent=None,
    ) -> None:
        self.expense = expense
        if expense is not None and expense.is_correction:
            correction_of = ctx.read(service.get_expense, expense.correction_of_id)
        self.original = correction_of
        self.meeting_id = meeting_id
        self.fields = form_fields()  # read now: the declaration is the one place a field is added
        super().__init__(ctx, expense, parent)
        self._set_correction_mode()

    # --- the widgets the tests and the tab reach by name ----------------------------------------------

    meeting = property(lambda self: self.widgets["meeting_id"])
    kind = property(lambda self: self.widgets["kind"])
    delegation = property(lambda self: self.widgets["delegation_side_id"])
    category = property(lambda self: self.widgets["category"])
    spent_on = property(lambda self: self.widgets["spent_on"])
    amount = property(lambda self: self.widgets["amount"])
    currency = property(lambda self: self.widgets["currency"])
    description_zh = property(lambda self: self.widgets["description_zh"])
    description_ru = property(lambda self: self.widgets["description_ru"])
    reason = property(lambda self: self.widgets["correction_reason"])
    payer = property(lambda self: self.widgets["payer_side_id"])
    corrects = property(lambda self: self.widgets["correction_of_id"])
    receipts = property(lambda self: self.widgets["receipts"])

    # --- editors -------------------------------------------------------------------------------------

    def make_editor(self, field: Field) -> QWidget:
        name = field.name
        if name == "correction_of_id":
            w = QLabel()
            w.setWordWrap(True)
            return w
        if name == "payer_side_id":
            return QLabel()
        if name == "receipts":
            return AttachmentsWidget(self.ctx, service.OWNER_KIND, self.expense.id if self.expense else None)
        if name == "currency":
            return CurrencyBox(ctx=self.ctx)
        if name in _ONE_LINE:
            return QLineEdit()
        return super().make_editor(field)

    def setup(self) -> None:
        self._meetings = {m.id: m for m in self.ctx.read(meetings_service.list_meetings)}
        self._sides = self.ctx.read(commission_service.get_sides)
        for name in ("meeting_id", "kind", "delegation_side_id"):
            self.widgets[name].currentIndexChanged.connect(self._update_payer)
        self.widgets["kind"].currentIndexChanged.connect(self._update_enabled)

    def options(self, field: Field):
        if field.name == "meeting_id":
            return [(session_label(m), m.id) for m in sorted(self._meetings.values(), key=lambda m: -m.ordinal)]
        if field.ref == "side":
            lang = current_language()
            return [(_("— choose the delegation —"), None),
                    *((_("Delegation of {side}").format(side=s.short_name(lang)), s.id) for s in self._sides)]  # fmt: skip
        return [("—", None)]

    def fill_options(self) -> None:
        for f in self.fields:
            box = self.widgets[f.name]
            if not isinstance(box, QComboBox) or isinstance(box, CurrencyBox):
                continue
            if f.kind is FieldKind.CHOICE:
                combo.refill(box, [(m.label, m.value) for m in (f.choices or ())])
            elif f.kind is FieldKind.REF:
                combo.refill(box, list(self.options(f)))

    def value(self, name: str) -> Any:
        w = self.widgets[name]
        if isinstance(w, QLabel | AttachmentsWidget):
            return None
        if isinstance(w, QComboBox) and not isinstance(w, CurrencyBox):
            return combo.value(w)
        return super().value(name)

    def set_value(self, name: str, value: Any) -> None:
        w = self.widgets[name]
        if isinstance(w, QLabel | AttachmentsWidget):
            return
        if name == "amount" and isinstance(value, int | Decimal):  # typed without its sign
            currency = self.value("currency") or "CNY"
            value = format_amount(abs(value), currency, current_language())
        if isinstance(w, QComboBox) and not isinstance(w, CurrencyBox):
            combo.select(w, getattr(value, "value", value))
        else:
            super().set_value(name, value)

    def defaults(self) -> None:
        """A new expense of the session in view, or a correction of ``original``."""
        if self.original is not None:
            for name in _KEPT:
                self.set_value(name, getattr(self.original, name))
        elif self.meeting_id is not None:
            self.set_value("meeting_id", self.meeting_id)
        self.set_value("spent_on", self._default_day())
        self._update_enabled()
        self._update_payer()

    def load(self, record: ExpenseData) -> None:
        self.set_value("currency", record.currency)  # first: the amount is written in its currency
        super().load(record)
        self._update_enabled()
        self._update_payer()

    def _default_day(self) -> dt.date:
        """Today, unless the session is far from today: then its first day (its last day for a
        correction, which comes after the expense)."""
        m = self._meetings.get(self.value("meeting_id"))
        today = dt.date.today()
        if m is None or m.start_date - dt.timedelta(days=30) <= today <= m.end_date + dt.timedelta(days=30):
            return today
        if self.original is not None:
            return max(m.end_date, self.original.spent_on)
        return m.start_date

    def first_focus(self) -> QWidget | None:
        return self.widgets["amount" if self.original else "description_zh"]

    # --- what follows from what ----------------------------------------------------------------------

    def _show_row(self, name: str, visible: bool) -> None:
        row, _role = self.form_layout.getWidgetPosition(self.labels[name])
        if row >= 0:
            self.form_layout.setRowVisible(row, visible)

    def _set_correction_mode(self) -> None:
        correction = self.original is not None
        for name in ("correction_of_id", "correction_reason"):
            self._show_row(name, correction)
        for name in _KEPT:
            w = self.widgets[name]
            w.setEnabled(not correction and (name != "delegation_side_id" or self._is_delegation()))

    def _is_delegation(self) -> bool:
        return self.value("kind") == ExpenseKind.DELEGATION.value

    def _update_enabled(self) -> None:
        if getattr(self, "original", None) is None:
            self.delegation.setEnabled(self._is_delegation())
        self._show_row("delegation_side_id", self._is_delegation())

    def _update_payer(self) -> None:
        """The payer, derived by the commission's rule, shown read-only."""
        lang = current_language()
        m = self._meetings.get(self.value("meeting_id"))
        if m is None:
            self.payer.setText("—")
            return
        if not self._is_delegation():
            side = next((s for s in self._sides if s.id == m.host_side_id), None)
            text = _("{side}, the host of the session").format(side=side.short_name(lang) if side else "?")
        else:
            side = next((s for s in self._sides if s.id == self.value("delegation_side_id")), None)
            text = (
                _("{side}, for its own delegation").format(side=side.short_name(lang))
                if side
                else _("the side of the delegation (choose it above)")
            )
        self.payer.setText(text)

    # --- language ------------------------------------------------------------------------------------

    def title(self) -> str:
        if self.original is not None:
            return _("Edit correction") if self.expense else _("New correction")
        return _("Edit expense") if self.expense else _("New expense")

    def retranslate_extra(self) -> None:
        self.amount.setPlaceholderText(_("for example {example}").format(example=format_amount_example()))
        lang = current_language()  # the amount typed, as the new language writes numbers
        self.amount.setText(wording.retype_number(self.amount.text(), getattr(self, "_typed_in", lang), lang))
        self._typed_in = lang
        self.description_zh.setPlaceholderText(_("Either language is enough"))
        self.description_ru.setPlaceholderText(_("Either language is enough"))
        self.reason.setPlaceholderText(_("Why the expense is reduced: refund, error, discount…"))
        self.payer.setToolTip(
            _(
                "Set by the commission's rule: the host side bears the costs of organising the session, "
                "each side those of its own delegation."
            )
        )
        if self.original is not None:
            o = self.original
            remaining = self.ctx.read(service.remaining, o.id)
            self.corrects.setText(
                _("{description}, {date}: {amount} (remaining {remaining})").format(
                    description=o.description(current_language()),
                    date=format_date(o.spent_on),
                    amount=format_money(o.amount, o.currency),
                    remaining=format_money(remaining, o.currency),
                )
            )
        self._update_payer()

    # --- saving --------------------------------------------------------------------------------------

    def describe(self, name: str, value: Any) -> str:
        if name == "amount" and isinstance(value, int | Decimal):
            return wording.format_amount(abs(value), self.value("currency") or "CNY")
        return super().describe(name, value)

    def data(self, values: dict[str, Any] | None = None) -> ExpenseInput:
        v = self.values() if values is None else values
        given = {k: x for k, x in v.items() if k in _INPUT_FIELDS}  # a field declared later goes along
        return ExpenseInput(**{
            **given,
            "delegation_side_id": v["delegation_side_id"] if self._is_delegation() else None,
            "correction_of_id": self.original.id if self.original else None,
            "id": self.expense.id if self.expense else None,
            "version": self.record_version() if self.expense else None,
        })

    def write(self, values: dict[str, Any]) -> ExpenseData:
        data = self.data(values)
        confirmed = False
        while True:
            try:
                return self.ctx.write(self._save, data, confirmed)
            except ExpenseWarning as warning:
                if not confirmed and messages.confirm(self, warning.message):
                    confirmed = True
                    continue
                raise

    def _save(self, session, data: ExpenseInput, confirmed: bool) -> ExpenseData:
        lang = current_language()
        if data.id is None:
            saved = service.add_expense(session, data, confirmed=confirmed, lang=lang)
        else:
            saved = service.update_expense(session, data, confirmed=confirmed, lang=lang)
        self.receipts.save_pending(session, saved.id)
        return saved
