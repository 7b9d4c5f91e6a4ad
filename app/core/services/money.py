"""Exact money: amounts as Decimal with an ISO 4217 code, stored as integers in minor units.

Everything here is exact: no float anywhere. Amounts are typed in the user's locale
(``1 234,50`` in Russian, ``1,234.50`` in Chinese or English) and refused with a message that says
what is wrong and how to type it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from app.core.changes import Change, changes
from app.core.errors import ValidationError
from app.core.services import settings
from app.core.services.text import clean
from app.i18n import N_
from app.i18n.wording import currency_digits, format_amount, is_known_currency, parse_decimal

#: The currencies the forms offer first unless the commission's settings choose others
#: (:func:`commission_currencies`); any other ISO 4217 code (USD, the historic SUR…) is allowed.
DEFAULT_CURRENCIES = ("CNY", "RUB")
#: The setting that holds the commission's own currencies, in order (["CNY", "SUR"] for a commission
#: of the 1950s: ISO 4217 keeps SUR, the Soviet ruble, for the period before 1991).
CURRENCIES_KEY = "money.currencies"
#: Amounts in these come first in totals, in this order; then the others alphabetically.
_FIRST = ("CNY", "RUB", "SUR")
settings.register(CURRENCIES_KEY, list(DEFAULT_CURRENCIES))


def commission_currencies(session) -> tuple[str, ...]:
    """The currencies the commission's settings choose (offered first in the forms)."""
    value = settings.get(session, CURRENCIES_KEY)
    codes = [str(c).upper() for c in (value or []) if is_known_currency(str(c).upper())]
    return tuple(dict.fromkeys(codes)) or DEFAULT_CURRENCIES


@changes(Change.SETTINGS)
def set_commission_currencies(session, codes: Iterable[str]) -> tuple[str, ...]:
    """Choose the commission's currencies (ISO 4217 codes, validated); returns them cleaned."""
    cleaned = tuple(dict.fromkeys(clean_currency(c, field="currencies") for c in codes))
    if not cleaned:
        raise ValidationError(N_("Choose at least one currency."), field="currencies")
    settings.put(session, CURRENCIES_KEY, list(cleaned))
    return cleaned
#: Codes Babel knows but that are no money one can spend (no currency, testing).
_NOT_MONEY = frozenset({"XXX", "XTS"})
#: A sanity bound: a thousand billion units is beyond any session's costs (and typing errors).
MAX_UNITS = Decimal(10) ** 12


def clean_currency(code: str | None, field: str = "currency") -> str:
    """The upper-case ISO 4217 code, or a ValidationError for ``field``."""
    value = clean(code).upper()
    if not value:
        raise ValidationError(
            N_("Enter the currency as a three-letter ISO 4217 code, such as CNY or RUB."), field=field
        )
    if value in _NOT_MONEY or not is_known_currency(value):
        raise ValidationError(
            N_("“{code}” is not an ISO 4217 currency code (such as CNY, RUB or USD)."),
            field=field,
            code=value,
        )
    return value


def parse_amount(text: str | Decimal | None, lang: str | None = None, field: str = "amount") -> Decimal:
    """An amount typed in the locale's way, as a Decimal; a ValidationError if it is not a number."""
    if isinstance(text, Decimal):
        value = text
    else:
        if not clean(text):
            raise ValidationError(N_("Enter the amount."), field=field)
        try:
            value = parse_decimal(text or "", lang)
        except ValueError:
            raise ValidationError(
                N_("“{text}” is not an amount. Type it like this: {example}."),
                field=field,
                text=clean(text),
                example=format_amount_example(lang),
            ) from None
    if not value.is_finite():
        raise ValidationError(N_("“{text}” is not an amount."), field=field, text=str(text))
    return value


def format_amount_example(lang: str | None = None) -> str:
    """How an amount is typed in the language: ``1 234,50`` in Russian, ``1,234.50`` in Chinese."""
    return format_amount(Decimal("1234.50"), "CNY", lang)


def check_amount(value: Decimal, currency: str, field: str = "amount") -> Decimal:
    """A positive amount with no more decimals than the currency has (fen, kopecks, none for yen)."""
    if value <= 0:
        raise ValidationError(
            N_("The amount must be greater than zero. To reduce an expense, enter a correction."), field=field
        )
    if value >= MAX_UNITS:
        raise ValidationError(N_("The amount is too large."), field=field)
    digits = currency_digits(currency)
    if value != value.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP):
        if digits == 0:
            raise ValidationError(
                N_("Amounts in {currency} are whole numbers, without decimals."),
                field=field,
                currency=currency,
            )
        raise ValidationError(
            N_("Amounts in {currency} have at most {digits} decimals."),
            field=field,
            currency=currency,
            digits=digits,
        )
    return value


def to_minor(value: Decimal, currency: str) -> int:
    """1234.50 CNY -> 123450 (fen). The value must already fit the currency's decimals."""
    scaled = value.scaleb(currency_digits(currency))
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{value} has more decimals than {currency} allows")
    return int(scaled)


def from_minor(minor: int, currency: str) -> Decimal:
    """123450 fen -> Decimal('1234.50')."""
    digits = currency_digits(currency)
    return Decimal(int(minor)).scaleb(-digits).quantize(Decimal(1).scaleb(-digits))


def round_to(value: Decimal, currency: str) -> Decimal:
    """Rounded half up to the currency's decimals (for converted amounts)."""
    return value.quantize(Decimal(1).scaleb(-currency_digits(currency)), rounding=ROUND_HALF_UP)


def add_into(target: dict[str, Decimal], currency: str, amount: Decimal) -> None:
    target[currency] = target.get(currency, Decimal(0)) + amount


def sum_by_currency(items: Iterable[tuple[str, Decimal]]) -> dict[str, Decimal]:
    """Exact sums per currency, never mixing two currencies; ordered by currency code."""
    out: dict[str, Decimal] = {}
    for currency, amount in items:
        add_into(out, currency, amount)
    return {c: out[c] for c in sort_currencies(out)}


def merge(*totals: Mapping[str, Decimal]) -> dict[str, Decimal]:
    return sum_by_currency((c, a) for t in totals for c, a in t.items())


def sort_currencies(codes: Iterable[str]) -> list[str]:
    """CNY and the ruble first (the commission's own currencies), then the others alphabetically."""
    first = {c: i for i, c in enumerate(_FIRST)}
    return sorted(set(codes), key=lambda c: (first.get(c, len(first)), c))


def parse_rate(text: str | Decimal | None, lang: str | None = None, field: str = "rate") -> Decimal:
    """An exchange rate: a positive number with at most ten decimals."""
    if not isinstance(text, Decimal) and not clean(text):
        raise ValidationError(N_("Enter the rate."), field=field)
    value = parse_amount(text, lang, field=field)
    if value <= 0:
        raise ValidationError(N_("The rate must be greater than zero."), field=field)
    if value >= MAX_UNITS or value != value.quantize(Decimal("1e-10"), rounding=ROUND_HALF_UP):
        raise ValidationError(N_("The rate may have at most ten decimals."), field=field)
    return value


def decimal_text(value: Decimal) -> str:
    """The canonical text of an exact decimal, never in exponent notation."""
    try:
        text = format(value, "f")
    except (InvalidOperation, ValueError):  # pragma: no cover - values are checked before
        raise ValueError(value) from None
    return text
