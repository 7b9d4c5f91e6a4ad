"""app/i18n/wording.py: the one place that words dates, periods, amounts, counts, sessions and sides."""

from __future__ import annotations

import ast
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from app import i18n
from app.core.services.commission import SideData
from app.i18n import wording

APP = Path(__file__).resolve().parents[2] / "app"
NBSP = "\u00a0"
MINUS = "\u2212"


@pytest.fixture(autouse=True)
def _english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def babel_imports_outside_i18n(root: Path = APP) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        if (root / "i18n") in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            if any(n == "babel" or n.startswith("babel.") for n in names):
                found.append(f"{path.relative_to(root.parent)}:{node.lineno}")
    return found


def test_nothing_outside_app_i18n_imports_babel():
    assert babel_imports_outside_i18n() == []


def test_the_check_sees_a_babel_import(tmp_path):
    root = tmp_path / "app"
    (root / "i18n").mkdir(parents=True)
    (root / "i18n" / "ok.py").write_text("import babel\n")
    (root / "x.py").write_text("def f():\n    from babel.dates import format_date\n")
    (root / "y.py").write_text("import babel.numbers as n\n")
    assert babel_imports_outside_i18n(root) == ["app/x.py:2", "app/y.py:1"]


# --- dates ----------------------------------------------------------------------------------------

D = dt.date(1957, 12, 5)


@pytest.mark.parametrize(
    ("lang", "short", "long"),
    [
        ("zh", "1957-12-05", "1957年12月5日"),
        ("zh_CN", "1957-12-05", "1957年12月5日"),
        ("ru", "05.12.1957", "5 декабря 1957 г."),
        ("en", "5 Dec 1957", "5 December 1957"),
    ],
)
def test_one_short_and_one_long_date_style_per_language(lang, short, long):
    assert wording.short_date(D, lang) == short
    assert wording.long_date(D, lang) == long
    assert i18n.format_date(D, lang=lang) == short  # the old entry point: the short style
    assert i18n.format_date(D, "long", lang) == long


def test_screens_use_the_interface_language():
    assert wording.short_date(D) == "5 Dec 1957"
    i18n.set_language("zh_CN")
    assert wording.short_date(D) == "1957-12-05"
    i18n.set_language("ru")
    assert wording.short_date(D) == "05.12.1957"
    assert wording.short_date(None) == "" and wording.long_date(None) == ""


def test_russian_running_text_writes_the_year_out():
    assert wording.long_date(dt.date(1958, 3, 7), "ru", year_word=True) == "7 марта 1958 года"


def test_datetime_and_times():
    assert wording.short_datetime(dt.datetime(1957, 12, 5, 9, 5), "zh") == "1957-12-05 09:05"
    assert wording.time_range(dt.time(10), dt.time(11, 30)) == "10:00–11:30"
    assert wording.time_range(dt.time(10), None) == "10:00" and wording.time_range(None, None) == ""


@pytest.mark.parametrize(
    ("start", "end", "zh", "ru", "en"),
    [
        ((1958, 7, 6), (1958, 7, 10), "1958年7月6日至10日", "6–10 июля 1958 г.", "6–10 July 1958"),
        (
            (1958, 6, 30),
            (1958, 7, 4),
            "1958年6月30日至7月4日",
            "30 июня – 4 июля 1958 г.",
            "30 June – 4 July 1958",
        ),
        (
            (1958, 12, 30),
            (1959, 1, 4),
            "1958年12月30日至1959年1月4日",
            "30 декабря 1958 г. – 4 января 1959 г.",
            "30 December 1958 – 4 January 1959",
        ),
        ((1958, 7, 6), (1958, 7, 6), "1958年7月6日", "6 июля 1958 г.", "6 July 1958"),
    ],
)
def test_periods(start, end, zh, ru, en):
    a, b = dt.date(*start), dt.date(*end)
    assert wording.date_range(a, b, "zh") == zh
    assert wording.date_range(a, b, "ru") == ru
    assert wording.date_range(a, b, "en") == en
    assert wording.date_range(b, a, "ru") == ru  # either order


def test_a_period_in_russian_running_text():
    a, b = dt.date(1958, 7, 6), dt.date(1958, 7, 10)
    assert wording.date_range(a, b, "ru", year_word=True) == "6–10 июля 1958 года"


def test_days_and_months():
    assert wording.day_heading(dt.date(2026, 12, 21), "zh") == "12月21日（星期一）"
    assert wording.day_heading(dt.date(2026, 12, 21), "ru") == "Понедельник, 21 декабря"
    assert wording.month_abbr(12, "en") == "Dec" and wording.month_abbr(12, "zh") == "12月"
    assert wording.year_text(1958, "zh") == "1958年" and wording.year_text(1958, "ru") == "1958"


# --- amounts and counts ---------------------------------------------------------------------------


def test_amounts_in_each_language():
    d = Decimal("1234.50")
    assert wording.format_money(d, "CNY", "zh") == "¥1,234.50"
    assert wording.format_money(d, "RUB", "ru") == f"1{NBSP}234,50{NBSP}₽"
    assert wording.format_money(d, "CNY", "en") == "CN¥1,234.50"
    assert wording.format_amount(d, "RUB", "ru") == f"1{NBSP}234,50"


def test_negative_amounts_have_a_true_minus_sign():
    d = Decimal("-1260")
    assert wording.format_money(d, "CNY", "zh") == f"{MINUS}¥1,260.00"
    assert wording.format_money(d, "RUB", "ru") == f"{MINUS}1{NBSP}260,00{NBSP}₽"
    assert wording.format_money(d, "RUB", "en") == f"{MINUS}RUB{NBSP}1,260.00"
    assert wording.format_amount(d, "CNY", "zh") == f"{MINUS}1,260.00"
    assert wording.format_number(Decimal("-0.5"), "ru") == f"{MINUS}0,5"
    # and what is shown can be typed back
    assert wording.parse_decimal(f"{MINUS}1{NBSP}260,00", "ru") == Decimal("-1260.00")


def test_rates_keep_every_decimal():
    assert wording.format_rate(Decimal("0.0852"), "ru") == "0,0852"
    assert wording.format_rate(Decimal("11.123456789"), "zh") == "11.123456789"


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "1 день"), (2, "2 дня"), (5, "5 дней"), (11, "11 дней"), (21, "21 день"), (22, "22 дня")],
)
def test_russian_counts_take_the_three_plural_forms(n, expected):
    assert wording.count("{n} day", "{n} days", n, "ru") == expected
    i18n.set_language("ru")
    assert wording.count("{n} day", "{n} days", n) == expected


def test_counts_in_chinese_and_english():
    assert wording.count("{n} day", "{n} days", 1) == "1 day"
    assert wording.count("{n} day", "{n} days", 1500) == "1,500 days"
    assert wording.count("{n} day", "{n} days", 3, "zh") == "3 天"


# --- sessions and sides ---------------------------------------------------------------------------


def test_a_session_on_screen_has_one_name_per_language():
    assert wording.session_name(2) == "Session 2"
    assert wording.session_name(2, "zh") == "第2次会议"
    assert wording.session_name(2, "ru") == "Заседание № 2"
    i18n.set_language("zh_CN")
    assert wording.session_name(12) == "第12次会议"


def test_a_session_in_documents_is_named_by_its_ordinal():
    assert wording.session_title(2, "zh") == "第二次会议"
    assert wording.session_title(2, "ru") == "Второе заседание"
    assert wording.session_title(21, "ru") == "Двадцать первое заседание"
    assert wording.session_phrase(2, "ru", "gen") == "второго заседания"
    assert wording.session_phrase(3, "ru", "prep") == "третьем заседании"


def test_screen_messages_name_the_session_the_same_way():
    """Every Chinese message names a session 第N次会议 (no spaces), every Russian one заседание № N."""
    import re

    from babel.messages.pofile import read_po

    for lang, bad in (("zh_CN", r"第 \{\w+\} 次"), ("ru", r"\{\w+\}-(е|го|му) заседани|Заседание \{\w+\}")):
        with open(i18n.po_path(lang), "rb") as fh:
            catalog = read_po(fh)
        for m in catalog:
            strings = m.string if isinstance(m.string, tuple) else (m.string,)
            for s in strings:
                assert not re.search(bad, s or ""), (lang, m.id, s)


def test_side_names():
    side = SideData(
        position=1,
        code="CN",
        name_short_zh="中方",
        name_short_ru="КНР",
        name_full_ru="Китайская Народная Республика",
    )
    assert wording.side_name(side, "zh") == "中方"
    assert wording.side_name(side, "ru") == "КНР"
    assert wording.side_name(side, "ru", full=True) == "Китайская Народная Республика"
    i18n.set_language("ru")
    assert wording.side_name(side) == "КНР"
