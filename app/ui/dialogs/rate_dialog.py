"""Enter a dated exchange rate for a session, to see converted totals (only when asked)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtWidgets import QLabel

from app.core.fields import Field, FieldKind
from app.core.services.expenses import summary as service
from app.core.services.expenses.summary import RateData, RateInput
from app.i18n import N_, _, current_language
from app.i18n.wording import format_rate
from app.ui.dialogs.record_dialog import RecordDialog
from app.ui.widgets.currency_box import CurrencyBox


class RateDialog(RecordDialog):
    fields = (
        Field("from_currency", N_("From currency")),
        Field("to_currency", N_("To currency")),
        Field("rate", N_("Rate"), FieldKind.DECIMAL),
        Field("rate_date", N_("Date of the rate"), FieldKind.DATE, required=True),
    )
    minimum_width = 420

    def __init__(self, ctx, meeting_id: int, day: dt.date, rate: RateData | None = None, parent=None) -> None:
        self.meeting_id = meeting_id
        self._day = day
        super().__init__(ctx, rate, parent)
        w = self.widgets
        self.source, self.target, self.rate, self.day = (
            w["from_currency"], w["to_currency"], w["rate"], w["rate_date"]
        )

    def make_editor(self, field):
        if field.name in ("from_currency", "to_currency"):
            return CurrencyBox(ctx=self.ctx)
        return super().make_editor(field)

    def add_widgets_above(self, layout) -> None:
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

    def defaults(self) -> None:
        self.set_value("from_currency", "RUB")
        self.set_value("to_currency", "CNY")
        self.set_value("rate_date", self._day)

    def load(self, rate: RateData) -> None:
        super().load(rate)
        self.set_value("rate", format_rate(rate.rate))

    def first_focus(self):
        return self.widgets["rate"]

    def title(self) -> str:
        return _("Exchange rate")

    def retranslate_extra(self) -> None:
        self.intro.setText(
            _(
                "Totals stay per currency. With a rate, the tab and the statement also show a converted "
                "total, together with this rate and its date."
            )
        )
        self.widgets["rate"].setPlaceholderText(
            _("1 unit of the first currency in the second, e.g. {example}").format(
                example=format_rate(Decimal("0.0852"))
            )
        )

    def data(self) -> RateInput:
        v = self.values()
        return RateInput(meeting_id=self.meeting_id, rate_date=v["rate_date"], from_currency=v["from_currency"],
                         to_currency=v["to_currency"], rate=v["rate"],
                         id=self.record.id if self.record else None, version=self.record_version())  # fmt: skip

    def write(self, values) -> RateData:
        return self.ctx.write(service.set_rate, self.data(), current_language())
