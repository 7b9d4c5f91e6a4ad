"""Enter a dated exchange rate for a session, to see converted totals (only when asked)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from app.core.changes import Change
from app.core.errors import CoreError
from app.core.services.expenses import summary as service
from app.core.services.expenses.summary import RateData, RateInput
from app.i18n import N_, _, current_language
from app.i18n.wording import format_rate
from app.ui.dialogs.expense_dialog import date_format
from app.ui.widgets.currency_box import CurrencyBox
from app.ui.widgets.form import FieldErrors
from app.ui.widgets.retranslate import Retranslatable

FIELDS = [
    ("from_currency", N_("From currency")),
    ("to_currency", N_("To currency")),
    ("rate", N_("Rate")),
    ("rate_date", N_("Date of the rate")),
]


class RateDialog(Retranslatable, QDialog):
    def __init__(self, ctx, meeting_id: int, day: dt.date, rate: RateData | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.saved: RateData | None = None
        self.setObjectName("RateDialog")
        self.setMinimumWidth(420)
        lay = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        lay.addWidget(self.intro)
        form = QFormLayout()
        lay.addLayout(form)
        general = QLabel()
        self.errors = FieldErrors(general)
        self.source = CurrencyBox()
        self.target = CurrencyBox()
        self.rate = QLineEdit()
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.labels: dict[str, QLabel] = {}
        widgets = {
            "from_currency": self.source,
            "to_currency": self.target,
            "rate": self.rate,
            "rate_date": self.day,
        }
        for field, _label in FIELDS:
            label = QLabel()
            self.labels[field] = label
            widgets[field].setObjectName(field)
            self.errors.add_row(form, field, label, widgets[field])
        lay.addWidget(general)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        if rate is not None:
            self.source.set_currency(rate.from_currency)
            self.target.set_currency(rate.to_currency)
            self.rate.setText(format_rate(rate.rate))
            day = rate.rate_date
        else:
            self.source.set_currency("RUB")
            self.target.set_currency("CNY")
        self.day.setDate(QDate(day.year, day.month, day.day))
        self.retranslate_ui()
        self.rate.setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Exchange rate"))
        self.intro.setText(
            _(
                "Totals stay per currency. With a rate, the tab and the statement also show a converted "
                "total, together with this rate and its date."
            )
        )
        for field, label in FIELDS:
            self.labels[field].setText(_(label))
        self.rate.setPlaceholderText(_("1 unit of the first currency in the second, e.g. {example}").format(
            example=format_rate(Decimal("0.0852"))))  # fmt: skip
        self.day.setDisplayFormat(date_format())
        self.source.retranslate_ui()
        self.target.retranslate_ui()

    def data(self) -> RateInput:
        q = self.day.date()
        return RateInput(
            meeting_id=self.meeting_id,
            rate_date=dt.date(q.year(), q.month(), q.day()),
            from_currency=self.source.currency(),
            to_currency=self.target.currency(),
            rate=self.rate.text(),
        )

    def accept(self) -> None:
        self.errors.clear()
        try:
            self.saved = self.ctx.write(Change.EXPENSES, service.set_rate, self.data(), current_language())
        except CoreError as exc:
            self.errors.show(exc.field, exc.message)
            return
        super().accept()
