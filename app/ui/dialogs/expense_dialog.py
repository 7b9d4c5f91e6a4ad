"""Add or edit an expense, or enter a correction of one.

The payer is shown, never typed: it follows from the kind, the session's host and the delegation.
The amount is typed in the interface language's way (``1 234,50`` in Russian, ``1,234.50`` in
Chinese or English). An expense dated far from its session is saved only once the user confirms.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from app.core.errors import ConflictError, CoreError
from app.core.models import ExpenseCategory, ExpenseKind
from app.core.services import commission as commission_service
from app.core.services.agenda import sessions as meetings_service
from app.core.services.expenses import records as service
from app.core.services.expenses.fields import EXPENSE
from app.core.services.expenses.records import ExpenseData, ExpenseInput, ExpenseWarning
from app.core.services.money import format_amount_example
from app.i18n import _, current_language, format_amount, format_date, format_money, wording
from app.ui.dialogs.conflict_dialog import ConflictDialog
from app.ui.dialogs.history_dialog import add_history_button
from app.ui.widgets import messages
from app.ui.widgets.attachments import AttachmentsWidget
from app.ui.widgets.currency_box import CurrencyBox
from app.ui.widgets.form import FieldErrors
from app.ui.widgets.retranslate import Retranslatable

#: The form's rows: (the row's key, the declared field it shows); labels and required marks come
#: from the declaration (:data:`app.core.services.expenses.fields.EXPENSE`).
FIELDS = [
    ("corrects", EXPENSE["correction_of_id"]),
    ("meeting_id", EXPENSE["meeting_id"]),
    ("kind", EXPENSE["kind"]),
    ("delegation_side_id", EXPENSE["delegation_side_id"]),
    ("payer", EXPENSE["payer_side_id"]),
    ("category", EXPENSE["category"]),
    ("spent_on", EXPENSE["spent_on"]),
    ("amount", EXPENSE["amount"]),
    ("currency", EXPENSE["currency"]),
    ("description_zh", EXPENSE["description_zh"]),
    ("description_ru", EXPENSE["description_ru"]),
    ("correction_reason", EXPENSE["correction_reason"]),
    ("attachments", EXPENSE["receipts"]),
]


def date_format() -> str:
    lang = current_language()
    return "yyyy年M月d日" if lang == "zh_CN" else "dd.MM.yyyy" if lang == "ru" else "d MMM yyyy"


def session_label(m) -> str:
    return _("{session} · {city} · {dates}").format(
        session=wording.session_name(m.ordinal), city=m.city(current_language()), dates=format_date(m.start_date)
    )


class ExpenseDialog(Retranslatable, QDialog):
    def __init__(
        self,
        ctx,
        meeting_id: int | None = None,
        expense: ExpenseData | None = None,
        correction_of: ExpenseData | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.expense = expense
        if expense is not None and expense.is_correction:
            correction_of = ctx.read(service.get_expense, expense.correction_of_id)
        self.original = correction_of
        self.saved: ExpenseData | None = None
        self.setObjectName("ExpenseDialog")
        self.setMinimumWidth(560)
        self._meetings = {m.id: m for m in ctx.read(meetings_service.list_meetings)}
        self._sides = ctx.read(commission_service.get_sides)

        lay = QVBoxLayout(self)
        form = QFormLayout()
        lay.addLayout(form)
        general = QLabel()
        general.setObjectName("error_general")
        self.errors = FieldErrors(general)
        self.labels: dict[str, QLabel] = {}
        self.widgets: dict[str, object] = {}
        self.corrects = QLabel()
        self.corrects.setWordWrap(True)
        self.meeting = QComboBox()
        self.kind = QComboBox()
        self.delegation = QComboBox()
        self.payer = QLabel()
        self.payer.setObjectName("payer")
        self.category = QComboBox()
        self.spent_on = QDateEdit()
        self.spent_on.setCalendarPopup(True)
        self.amount = QLineEdit()
        self.currency = CurrencyBox(ctx=ctx)
        self.description_zh = QLineEdit()
        self.description_ru = QLineEdit()
        self.reason = QLineEdit()
        self.receipts = AttachmentsWidget(ctx, service.OWNER_KIND, expense.id if expense else None)
        widgets = {
            "corrects": self.corrects, "meeting_id": self.meeting, "kind": self.kind,
            "delegation_side_id": self.delegation, "payer": self.payer, "category": self.category,
            "spent_on": self.spent_on, "amount": self.amount, "currency": self.currency,
            "description_zh": self.description_zh, "description_ru": self.description_ru,
            "correction_reason": self.reason, "attachments": self.receipts,
        }  # fmt: skip
        for field, declared in FIELDS:
            w = widgets[field]
            w.setObjectName(field)
            label = QLabel()
            if declared.required:
                font = label.font()
                font.setBold(True)
                label.setFont(font)
            self.labels[field] = label
            self.widgets[field] = w
            self.errors.add_row(form, field, label, w)
        self._form = form
        lay.addWidget(general)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.history = add_history_button(self, self.buttons, expense.uuid if expense else None,
                                          lambda f: EXPENSE[f].label)  # fmt: skip
        lay.addWidget(self.buttons)

        self._fill_combos()
        self._load(meeting_id)
        for signal in (self.meeting.currentIndexChanged, self.kind.currentIndexChanged,
                       self.delegation.currentIndexChanged):  # fmt: skip
            signal.connect(self._update_payer)
        self.kind.currentIndexChanged.connect(self._update_enabled)
        self._set_correction_mode()
        self.retranslate_ui()
        (self.amount if self.original else self.description_zh).setFocus()

    # --- filling -------------------------------------------------------------------------------

    def _fill_combos(self) -> None:
        lang = current_language()
        keep = (self.meeting.currentData(), self.kind.currentData(), self.delegation.currentData(),
                self.category.currentData())  # fmt: skip
        for combo in (self.meeting, self.kind, self.delegation, self.category):
            combo.blockSignals(True)
            combo.clear()
        for m in sorted(self._meetings.values(), key=lambda m: -m.ordinal):
            self.meeting.addItem(session_label(m), m.id)
        for k in ExpenseKind:
            self.kind.addItem(k.label, k.value)
        self.delegation.addItem(_("— choose the delegation —"), None)
        for s in self._sides:
            self.delegation.addItem(_("Delegation of {side}").format(side=s.short_name(lang)), s.id)
        for c in ExpenseCategory:
            self.category.addItem(c.label, c.value)
        for combo, value in zip((self.meeting, self.kind, self.delegation, self.category), keep, strict=True):
            if value is not None:
                combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)

    def _select(self, combo: QComboBox, value) -> None:
        combo.setCurrentIndex(max(0, combo.findData(value)))

    def _load(self, meeting_id: int | None) -> None:
        source = self.expense or self.original
        lang = current_language()
        if source is not None:
            self._select(self.meeting, source.meeting_id)
            self._select(self.kind, source.kind.value)
            self._select(self.delegation, source.delegation_side_id)
            self._select(self.category, source.category.value)
            self.currency.set_currency(source.currency)
        elif meeting_id is not None:
            self._select(self.meeting, meeting_id)
        if self.expense is not None:
            e = self.expense
            self.spent_on.setDate(QDate(e.spent_on.year, e.spent_on.month, e.spent_on.day))
            self.amount.setText(format_amount(abs(e.amount), e.currency, lang))
            self.description_zh.setText(e.description_zh)
            self.description_ru.setText(e.description_ru)
            self.reason.setText(e.correction_reason)
        else:
            day = self._default_day()
            self.spent_on.setDate(QDate(day.year, day.month, day.day))
        self._update_enabled()
        self._update_payer()

    def _default_day(self) -> dt.date:
        """Today, unless the session is far from today: then its first day (its last day for a
        correction, which comes after the expense)."""
        m = self._meetings.get(self.meeting.currentData())
        today = dt.date.today()
        if m is None or m.start_date - dt.timedelta(days=30) <= today <= m.end_date + dt.timedelta(days=30):
            return today
        if self.original is not None:
            return max(m.end_date, self.original.spent_on)
        return m.start_date

    def _set_correction_mode(self) -> None:
        correction = self.original is not None
        for field in ("corrects", "correction_reason"):
            self._form.setRowVisible(self._row_of(field), correction)
        for w in (self.meeting, self.kind, self.delegation, self.category, self.currency):
            w.setEnabled(not correction and (w is not self.delegation or self._is_delegation()))
        if correction:
            self.currency.setEnabled(False)

    def _row_of(self, field: str) -> int:
        return [f for f, _l in FIELDS].index(field)

    def _is_delegation(self) -> bool:
        return self.kind.currentData() == ExpenseKind.DELEGATION.value

    def _update_enabled(self) -> None:
        if self.original is None:
            self.delegation.setEnabled(self._is_delegation())
        self._form.setRowVisible(self._row_of("delegation_side_id"), self._is_delegation())

    def _update_payer(self) -> None:
        """The payer, derived by the commission's rule, shown read-only."""
        lang = current_language()
        m = self._meetings.get(self.meeting.currentData())
        if m is None:
            self.payer.setText("—")
            return
        if not self._is_delegation():
            side = next((s for s in self._sides if s.id == m.host_side_id), None)
            text = _("{side}, the host of the session").format(side=side.short_name(lang) if side else "?")
        else:
            side = next((s for s in self._sides if s.id == self.delegation.currentData()), None)
            text = (
                _("{side}, for its own delegation").format(side=side.short_name(lang))
                if side
                else _("the side of the delegation (choose it above)")
            )
        self.payer.setText(text)

    # --- language ------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        if self.original is not None:
            title = _("Edit correction") if self.expense else _("New correction")
        else:
            title = _("Edit expense") if self.expense else _("New expense")
        self.setWindowTitle(title)
        for field, declared in FIELDS:
            self.labels[field].setText(declared.label)
        self._fill_combos()
        self.spent_on.setLocale(QLocale())  # month names in the language now in use
        self.spent_on.calendarWidget().setLocale(QLocale())
        self.spent_on.setDisplayFormat(date_format())
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
        self.currency.retranslate_ui()
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

    # --- saving --------------------------------------------------------------------------------

    def data(self) -> ExpenseInput:
        q = self.spent_on.date()
        return ExpenseInput(
            meeting_id=self.meeting.currentData(),
            kind=self.kind.currentData(),
            category=self.category.currentData(),
            delegation_side_id=self.delegation.currentData() if self._is_delegation() else None,
            amount=self.amount.text(),
            currency=self.currency.currency(),
            spent_on=dt.date(q.year(), q.month(), q.day()),
            description_zh=self.description_zh.text(),
            description_ru=self.description_ru.text(),
            correction_of_id=self.original.id if self.original else None,
            correction_reason=self.reason.text(),
            id=self.expense.id if self.expense else None,
            version=self.expense.version if self.expense else None,
        )

    def _save(self, session, data: ExpenseInput, confirmed: bool) -> ExpenseData:
        lang = current_language()
        if data.id is None:
            saved = service.add_expense(session, data, confirmed=confirmed, lang=lang)
        else:
            saved = service.update_expense(session, data, confirmed=confirmed, lang=lang)
        self.receipts.save_pending(session, saved.id)
        return saved

    def accept(self) -> None:
        self.errors.clear()
        data = self.data()
        confirmed = False
        while True:
            try:
                self.saved = self.ctx.write(self._save, data, confirmed)
            except ExpenseWarning as warning:
                if not confirmed and messages.confirm(self, warning.message):
                    confirmed = True
                    continue
                self.errors.show(warning.field, warning.message)
                return
            except ConflictError as exc:  # someone else saved meanwhile: both versions shown
                merged = self._resolve(exc)
                if merged is None:
                    return
                data = replace(data, **merged, version=exc.version)
                continue
            except CoreError as exc:
                self.errors.show(exc.field, exc.message)
                return
            break
        super().accept()

    def _resolve(self, exc: ConflictError) -> dict | None:
        """The values to save after a conflict (the user's choice), or None to go back to the form."""
        if exc.version is None:  # a race within the save itself: saving again shows the versions
            self.errors.show(None, exc.message)
            return None
        if not exc.fields:
            return {}
        base = {f: getattr(self.expense, f) for f in exc.mine} if self.expense is not None else None
        combos = {"meeting_id": self.meeting, "kind": self.kind, "category": self.category,
                  "delegation_side_id": self.delegation}  # fmt: skip

        def describe(name: str, value) -> str:
            if value is None or value == "":
                return ""
            if name in combos and combos[name].findData(value) >= 0:
                return combos[name].itemText(combos[name].findData(value))
            if name == "spent_on":
                return wording.short_date(value)
            if name == "amount":
                return wording.format_amount(abs(value), exc.mine.get("currency") or "CNY")
            return str(value)

        dlg = ConflictDialog(exc, lambda f: EXPENSE[f].label, describe, base=base, parent=self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return None
        merged = dlg.merged()
        merged["amount"] = abs(merged["amount"])  # typed without its sign, as in the form
        return merged
