"""Catalogs are complete and consistent; Babel formats and parses per language."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app import i18n
from app.i18n import catalogs


def test_catalogs_are_complete_and_cover_every_string_in_the_code():
    problems = catalogs.problems()
    assert problems == [], "\n".join(problems[:50])


def test_switching_changes_the_language_of_every_later_call():
    i18n.set_language("ru")
    assert i18n._("People") != "People"
    i18n.set_language("zh_CN")
    assert i18n._("People") != "People"
    i18n.set_language("en")
    assert i18n._("People") == "People"


def test_russian_plurals():
    i18n.set_language("ru")
    forms = {n: i18n.ngettext("{n} person", "{n} people", n).format(n=n) for n in (1, 2, 5, 21)}
    assert len({forms[1].split()[1], forms[2].split()[1], forms[5].split()[1]}) == 3
    assert forms[21].split()[1] == forms[1].split()[1]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("zh", "zh_CN"),
        ("zh_CN.UTF-8", "zh_CN"),
        ("zh-Hans-CN", "zh_CN"),
        ("ru_RU.UTF-8", "ru"),
        ("en_GB", "en"),
        ("C", "en"),
        ("de_DE", None),
        ("", None),
    ],
)
def test_normalize_language(code, expected):
    assert i18n.normalize_language(code) == expected


def test_system_language_follows_the_environment(monkeypatch):
    monkeypatch.setenv("LANGUAGE", "")
    monkeypatch.setenv("LC_ALL", "ru_RU.UTF-8")
    assert i18n.system_language() == "ru"
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert i18n.system_language() == "en"


def test_dates_and_money_per_language():
    d = dt.date(1958, 3, 1)
    assert i18n.format_date(d, "long", "zh_CN") == "1958年3月1日"
    assert i18n.format_date(d, "long", "ru").replace("\u202f", " ") == "1 марта 1958 г."
    assert (
        i18n.format_money(Decimal("1234.5"), "RUB", "ru").replace("\xa0", " ").replace("\u202f", " ")
        == "1 234,50 ₽"
    )
    assert i18n.format_money(Decimal("1234.5"), "CNY", "zh_CN") == "¥1,234.50"
    assert i18n.format_number(1234567, "en") == "1,234,567"


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("1 234,50", "ru", "1234.50"),
        ("1\u00a0234,50", "ru", "1234.50"),
        ("1,234.50", "zh_CN", "1234.50"),
        ("1,234.50", "en", "1234.50"),
        ("0,5", "ru", "0.5"),
        ("1234.5", "ru", "1234.5"),
    ],
)
def test_parse_decimal_per_locale(text, lang, value):
    assert i18n.parse_decimal(text, lang) == Decimal(value)


@pytest.mark.parametrize("text", ["", "abc", "1,2,3.4.5"])
def test_parse_decimal_refuses_what_is_not_a_number(text):
    with pytest.raises(ValueError):
        i18n.parse_decimal(text, "en")


def test_currencies():
    assert i18n.is_known_currency("CNY") and i18n.is_known_currency("RUB") and i18n.is_known_currency("SUR")
    assert not i18n.is_known_currency("XYZ") and not i18n.is_known_currency("rub")
    assert i18n.currency_digits("JPY") == 0
