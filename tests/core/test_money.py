"""Money: amounts typed and shown in zh_CN, ru and en; minor units; exact conversion."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app import i18n
from app.core.errors import ValidationError
from app.core.services import money

NBSP = "\u00a0"


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("1 234,50", "ru", "1234.50"),
        (f"1{NBSP}234,50", "ru", "1234.50"),
        ("1234,5", "ru", "1234.5"),
        ("1234.50", "ru", "1234.50"),  # the plain form is understood everywhere
        ("1,234.50", "zh_CN", "1234.50"),
        ("1234.5", "zh_CN", "1234.5"),
        ("1,234.50", "en", "1234.50"),
        ("  12  ", "en", "12"),
    ],
)
def test_amounts_are_parsed_the_locales_way(text, lang, value):
    assert money.parse_amount(text, lang) == Decimal(value)


@pytest.mark.parametrize(
    "text, lang",
    [("1,234.50", "ru"), ("1.234,50", "zh_CN"), ("12,34", "en"), ("1,5", "zh_CN"), ("¥12", "zh_CN"),
     ("twelve", "en"), ("", "ru")],
)  # fmt: skip
def test_what_is_not_an_amount_in_the_locale_is_refused_with_an_example(text, lang):
    i18n.set_language(lang)
    with pytest.raises(ValidationError) as info:
        money.parse_amount(text, lang)
    assert info.value.field == "amount"
    if text:
        assert money.format_amount_example(lang) in info.value.message


def test_formatting_for_each_language():
    d = Decimal("1234.50")
    assert i18n.format_money(d, "RUB", "ru") == f"1{NBSP}234,50{NBSP}₽"
    assert i18n.format_money(d, "CNY", "zh_CN") == "¥1,234.50"
    assert i18n.format_money(d, "CNY", "zh") == "¥1,234.50"
    assert i18n.format_money(d, "CNY", "en") == "CN¥1,234.50"
    assert i18n.format_money(d, "SUR", "ru").endswith("SUR")
    assert i18n.format_money(Decimal("-250.50"), "CNY", "zh_CN") == "\u2212¥250.50"  # a true minus sign (app.i18n.wording)
    # a currency shown by its letters is spaced from the digits (CLDR's currency spacing)
    assert i18n.format_money(d, "RUB", "zh_CN") == f"RUB{NBSP}1,234.50"
    assert i18n.format_money(d, "SUR", "en") == f"SUR{NBSP}1,234.50"
    assert i18n.format_money(d, "USD", "zh_CN") == "US$1,234.50"


@given(st.integers(-(10**13), 10**13), st.sampled_from(["CNY", "RUB", "SUR", "USD", "JPY"]),
       st.sampled_from(["zh_CN", "ru", "en"]))  # fmt: skip
def test_what_is_shown_reads_back_as_the_same_amount(minor, currency, lang):
    value = money.from_minor(minor, currency)
    assert money.to_minor(value, currency) == minor
    shown = i18n.format_amount(value, currency, lang)
    assert money.parse_amount(shown, lang) == value


@pytest.mark.parametrize(
    "value, currency, ok",
    [("0.01", "CNY", True), ("0.001", "CNY", False), ("12.50", "RUB", True), ("12.500", "RUB", True),
     ("5", "JPY", True), ("5.5", "JPY", False), ("0", "CNY", False), ("-1", "RUB", False)],
)  # fmt: skip
def test_check_amount(value, currency, ok):
    if ok:
        assert money.check_amount(Decimal(value), currency) == Decimal(value)
    else:
        with pytest.raises(ValidationError):
            money.check_amount(Decimal(value), currency)


def test_minor_units():
    assert money.to_minor(Decimal("1234.50"), "CNY") == 123450
    assert money.from_minor(123450, "RUB") == Decimal("1234.50")
    assert str(money.from_minor(100, "CNY")) == "1.00"
    assert money.from_minor(1500, "JPY") == Decimal(1500)
    with pytest.raises(ValueError):
        money.to_minor(Decimal("0.001"), "CNY")


def test_currency_codes():
    assert money.clean_currency("rub") == "RUB"
    assert money.clean_currency("SUR") == "SUR"
    for bad in ("", "RU", "RUBL", "ABC", "XXX", "12A"):
        with pytest.raises(ValidationError):
            money.clean_currency(bad)


def test_sums_never_mix_currencies():
    totals = money.sum_by_currency(
        [("RUB", Decimal("0.10")), ("CNY", Decimal("0.20")), ("RUB", Decimal("0.20")), ("USD", Decimal("1"))]
    )
    assert totals == {"CNY": Decimal("0.20"), "RUB": Decimal("0.30"), "USD": Decimal("1")}
    assert list(totals) == ["CNY", "RUB", "USD"]


@pytest.mark.parametrize(
    "text, ok", [("2,2222", True), ("0", False), ("-1", False), ("1.12345678901", False)]
)
def test_rates(text, ok):
    if ok:
        assert money.parse_rate(text, "ru") == Decimal("2.2222")
    else:
        with pytest.raises(ValidationError):
            money.parse_rate(text, "ru")


def test_the_commission_settings_choose_its_currencies_and_the_demo_pays_in_soviet_rubles(db, demo_db):
    from app.core.errors import ValidationError
    from app.core.services import money
    from app.i18n.wording import currency_name

    with db.unit() as s:
        assert money.commission_currencies(s) == money.DEFAULT_CURRENCIES
        assert money.set_commission_currencies(s, ["cny", "SUR", "CNY"]) == ("CNY", "SUR")
    with db.unit() as s:
        assert money.commission_currencies(s) == ("CNY", "SUR")
        with pytest.raises(ValidationError):
            money.set_commission_currencies(s, ["XYZ"])
    with demo_db.unit() as s:
        assert money.commission_currencies(s) == ("CNY", "SUR")
    assert currency_name("SUR", "ru") == "Рубль СССР" and currency_name("SUR", "zh") == "苏联卢布"
    assert money.sort_currencies(["USD", "SUR", "CNY"]) == ["CNY", "SUR", "USD"]
