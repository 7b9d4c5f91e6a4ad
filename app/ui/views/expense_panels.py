"""The rows of the Expenses tab's lower panels, built from the statement data in the interface
language: what each side bears, budgets against spending, and the rates with converted totals."""

from __future__ import annotations

from app.core.services.expenses.summary import Converted, StatementData
from app.i18n import _, current_language, format_date, format_money
from app.i18n.wording import format_rate
from app.ui.models.rows_model import Row

SIDE_BACKGROUND = "#e6e6e6"
TOTAL_BACKGROUND = "#d5d5d5"
OVER_COLOUR = "#b00020"


def _amounts(totals: dict, currencies: list[str]) -> list[str]:
    return [format_money(totals[c], c) if c in totals else "" for c in currencies]


def summary_rows(data: StatementData) -> tuple[list[str], list[Row], int]:
    """What each side bears: organisation and delegation costs by category, one column per currency."""
    lang = current_language()
    currencies = list(data.totals)
    headers = [_("Borne by")] + currencies
    rows: list[Row] = []
    for s in sorted(data.sides, key=lambda x: x.side.position):
        b = s.burden
        name = s.side.short_name(lang)
        label = _("{side} (host of the session)").format(side=name) if b.is_host else name
        rows.append(Row([label, *_amounts(b.totals, currencies)], bold=True, background=SIDE_BACKGROUND))
        for part, title in ((b.organisation, _("Organisation costs")), (b.delegation, _("Delegation costs"))):
            if not part.by_category and part is b.organisation and not b.is_host:
                continue
            rows.append(Row([title, *_amounts(part.totals, currencies)], bold=True, level=1))
            if not part.by_category:
                rows.append(Row([_("none")], level=2))
            for category, totals in part.by_category.items():
                rows.append(Row([category.label, *_amounts(totals, currencies)], level=2))
    rows.append(
        Row(
            [_("All costs of the session"), *_amounts(data.totals, currencies)],
            bold=True,
            background=TOTAL_BACKGROUND,
        )
    )
    return headers, rows, 1


def budget_rows(data: StatementData) -> tuple[list[str], list[Row], int]:
    lang = current_language()
    sides = {s.side.id: s.side for s in data.sides}
    headers = [_("Side"), _("Category"), _("Budget"), _("Spent"), _("Remaining"), _("Spent, %")]
    rows = []
    for b in data.budgets:
        side = sides.get(b.side_id)
        cells = [
            side.short_name(lang) if side else "",
            b.category.label,
            format_money(b.budget, b.currency),
            format_money(b.spent, b.currency),
            format_money(b.remaining, b.currency),
            f"{b.percent} %",
        ]
        colours = {4: OVER_COLOUR, 5: OVER_COLOUR} if b.over else {}
        tooltip = (
            _("Overspent by {amount}").format(amount=format_money(-b.remaining, b.currency)) if b.over else ""
        )
        rows.append(Row(cells, colours=colours, tooltip=tooltip, data=b))
    return headers, rows, 2


def rate_rows(data: StatementData) -> tuple[list[str], list[Row], int]:
    headers = [_("Rate"), _("Date of the rate")]
    rows = [
        Row(
            [
                f"1 {r.from_currency} = {format_rate(r.rate)} {r.to_currency}",
                format_date(r.rate_date),
            ],
            data=r,
        )
        for r in data.rates
    ]
    return headers, rows, 1


def _converted(c: Converted) -> str:
    if c.amount is None:
        return _("no converted total in {currency}: there is no rate for {missing}").format(
            currency=c.currency, missing=", ".join(c.missing)
        )
    rates = "; ".join(
        _("1 {source} = {rate} {target} on {date}").format(
            source=r.from_currency,
            rate=format_rate(r.rate),
            target=r.to_currency,
            date=format_date(r.rate_date),
        )
        for r in c.rates
    )
    amount = format_money(c.amount, c.currency)
    return _("{amount} at {rates}").format(amount=amount, rates=rates) if rates else amount


def conversion_lines(data: StatementData) -> list[str]:
    """Converted totals, each with the rates and dates it was computed with; none without a rate."""
    if not data.rates:
        return [_("Totals stay per currency. Enter a dated rate to see a converted total.")]
    lang = current_language()
    lines = []
    for c in data.converted:
        lines.append(_("Converted total of the session in {currency}: {value}").format(currency=c.currency,
                                                                                        value=_converted(c)))  # fmt: skip
        for s in sorted(data.sides, key=lambda x: x.side.position):
            part = next((x for x in s.converted if x.currency == c.currency), None)
            if part is not None:
                lines.append(
                    "    " + _("{side}: {value}").format(side=s.side.short_name(lang), value=_converted(part))
                )
    return lines
