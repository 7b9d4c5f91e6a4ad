"""How the application words dates, periods, amounts, counts, sessions and sides: the one place.

Screens use the interface language (``lang=None``); documents pass their language (``"zh"``,
``"ru"``) explicitly. Interface codes (``zh_CN``) and document codes (``zh``) are both accepted.
Nothing else in ``app/`` imports Babel (a test enforces it).

The styles, one per use and language:

============  ================  ====================  =================
style         Chinese           Russian               English
============  ================  ====================  =================
short date    ``1957-12-05``    ``05.12.1957``        ``5 Dec 1957``
long date     ``1957年12月5日``  ``5 декабря 1957 г.``  ``5 December 1957``
period        ``1958年7月6日至10日``  ``6–10 июля 1958 г.``  ``6–10 July 1958``
amount        ``¥1,234.50``     ``1 234,50 ₽``        ``CN¥1,234.50``
negative      ``−¥1,234.50``    ``−1 234,50 ₽``       ``−CN¥1,234.50``
screen name   ``第2次会议``      ``Заседание № 2``      ``Session 2``
document      ``第二次会议``      ``Второе заседание``   ``Session 2``
============  ================  ====================  =================

- The **short date** is for tables, lists and messages on screen and for table cells in documents.
  It is never ambiguous (no ``11/07/2026``) and is what the date fields show and accept
  (:data:`SHORT_DATE_PATTERNS` are valid both as CLDR and as Qt display patterns).
- The **long date** is for running text and headings of documents, and for periods.
- A **period** names the year once and the month once where they are shared:
  ``30 июня – 4 июля 1958 г.``, ``1958年6月30日至7月4日``.
- Negative amounts and numbers carry a true minus sign (U+2212), not a hyphen.
- A session is named with its number in digits on screen and with its ordinal written out in
  documents (``第二次会议``, ``второе заседание`` declined as the sentence needs).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from babel import Locale
from babel import dates as _bd
from babel import numbers as _bn

from app.i18n import N_, _, current_language, normalize_language, translation
from app.i18n.numerals import ru_ordinal_neuter, zh_number

MINUS = "\u2212"

#: The short (table) style, as CLDR patterns that Qt's QDateEdit reads the same way.
SHORT_DATE_PATTERNS = {"zh": "yyyy-MM-dd", "ru": "dd.MM.yyyy", "en": "d MMM yyyy"}
_LOCALES = {"zh": "zh_CN", "ru": "ru_RU", "en": "en_GB"}


def lang_key(lang: str | None = None) -> str:
    """'zh', 'ru' or 'en' for an interface code, a document code or None (the interface)."""
    n = normalize_language(lang or current_language()) or "en"
    return {"zh_CN": "zh", "ru": "ru"}.get(n, "en")


def locale_name(lang: str | None = None) -> str:
    """The Babel locale of a language: zh_CN, ru_RU, en_GB."""
    return _LOCALES[lang_key(lang)]


@lru_cache(maxsize=8)
def _locale(name: str) -> Locale:
    return Locale.parse(name)


def locale(lang: str | None = None) -> Locale:
    return _locale(locale_name(lang))


def gettext_for(lang: str | None = None) -> Callable[[str], str]:
    """The interface's ``_`` for None, a document language's catalog otherwise."""
    if lang is None:
        return _
    return translation({"zh": "zh_CN", "ru": "ru", "en": "en"}[lang_key(lang)]).gettext


def ngettext_for(lang: str | None = None) -> Callable[[str, str, int], str]:
    if lang is None:
        from app.i18n import ngettext

        return ngettext
    return translation({"zh": "zh_CN", "ru": "ru", "en": "en"}[lang_key(lang)]).ngettext


# --- dates ----------------------------------------------------------------------------------------


def short_date(value: dt.date | None, lang: str | None = None) -> str:
    """``1957-12-05`` / ``05.12.1957`` / ``5 Dec 1957``: tables, lists, messages; "" for None."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    return _short_date(value, lang_key(lang))


@lru_cache(maxsize=16384)
def _short_date(value: dt.date, key: str) -> str:
    """Formatted once per day and language: a table fitted to its contents formats every cell."""
    return _bd.format_date(value, SHORT_DATE_PATTERNS[key], locale=_LOCALES[key])


def _ru_day_month(value: dt.date) -> str:
    return _bd.format_date(value, "d MMMM", locale="ru_RU")


def long_date(value: dt.date | None, lang: str | None = None, *, year_word: bool = False) -> str:
    """``1957年12月14日`` / ``14 декабря 1957 г.`` / ``14 December 1957``: documents and periods.

    ``year_word`` writes ``года`` for ``г.`` in Russian running text (``Совершено … 7 марта 1958 года``).
    """
    if value is None:
        return ""
    key = lang_key(lang)
    if key == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    if key == "ru":
        return f"{_ru_day_month(value)} {value.year} {'года' if year_word else 'г.'}"
    return _bd.format_date(value, "d MMMM y", locale="en_GB")


def short_datetime(value: dt.datetime | None, lang: str | None = None) -> str:
    """The short date and the time (``1957-12-05 14:30``), in the laptop's local time."""
    if value is None:
        return ""
    if value.tzinfo is not None:
        value = value.astimezone()
    return f"{short_date(value.date(), lang)} {value:%H:%M}"


def time_text(value: dt.time | None) -> str:
    """``09:30``, the same in every language."""
    return "" if value is None else f"{value:%H:%M}"


def time_range(start: dt.time | None, end: dt.time | None) -> str:
    """``10:00–11:30``; the start alone without an end; "" without a start."""
    if start is None:
        return ""
    return time_text(start) if end is None else f"{time_text(start)}–{time_text(end)}"


def date_range(start: dt.date, end: dt.date, lang: str | None = None, *, year_word: bool = False) -> str:
    """A period in the long style, sharing what the two ends share.

    ``1958年7月6日至10日``, ``1958年6月30日至7月4日``, ``1958年12月30日至1959年1月4日``;
    ``6–10 июля 1958 г.``, ``30 июня – 4 июля 1958 г.``, ``30 декабря 1958 г. – 4 января 1959 г.``;
    ``6–10 July 1958``, ``30 June – 4 July 1958``.
    """
    if end < start:
        start, end = end, start
    if start == end:
        return long_date(start, lang, year_word=year_word)
    key = lang_key(lang)
    if key == "zh":
        if start.year != end.year:
            tail = long_date(end, lang)
        elif start.month != end.month:
            tail = f"{end.month}月{end.day}日"
        else:
            tail = f"{end.day}日"
        return f"{long_date(start, lang)}至{tail}"
    same_year, same_month = start.year == end.year, (start.year, start.month) == (end.year, end.month)
    if not same_year:
        return f"{long_date(start, lang, year_word=year_word)} – {long_date(end, lang, year_word=year_word)}"
    day_month = _ru_day_month if key == "ru" else (lambda d: _bd.format_date(d, "d MMMM", locale="en_GB"))
    head = str(start.day) + "–" if same_month else day_month(start) + " – "
    return head + long_date(end, lang, year_word=year_word)


def day_month(value: dt.date, lang: str | None = None, *, weekday: bool = False) -> str:
    """A day in a known year: ``12月21日`` / ``21 дек.`` / ``21 Dec`` (``…周一``, ``пн, 21 дек.``,
    ``Mon 21 Dec`` with the weekday)."""
    return _bd.format_skeleton("MMMEd" if weekday else "MMMd", value, locale=locale_name(lang))


def weekday_date(value: dt.date, lang: str | None = None, *, full: bool = False) -> str:
    """A day with its weekday, for picking a day of a session: ``2026年12月21日周一`` / ``пн, 21 дек.
    2026 г.`` / ``Mon, 21 Dec 2026`` (``full``: the names written out)."""
    return _bd.format_skeleton("yMMMMEEEEd" if full else "yMMMEd", value, locale=locale_name(lang))


def day_heading(value: dt.date, lang: str | None = None) -> str:
    """A programme's day heading: ``12月21日（星期一）`` / ``Понедельник, 21 декабря`` / ``Monday, 21 December``."""
    key = lang_key(lang)
    if key == "zh":
        return f"{value.month}月{value.day}日（{_bd.format_date(value, 'EEEE', locale='zh_CN')}）"
    text = _bd.format_date(value, "EEEE, d MMMM", locale=_LOCALES[key])
    return text[:1].upper() + text[1:]


def month_abbr(month: int, lang: str | None = None) -> str:
    """The month's short stand-alone name: ``12月``, ``дек.``, ``Dec``."""
    return locale(lang).months["stand-alone"]["abbreviated"][month]


def year_text(year: int, lang: str | None = None) -> str:
    """``1958年`` in Chinese, ``1958`` otherwise (a timeline's year over its months)."""
    return f"{year}年" if lang_key(lang) == "zh" else str(year)


# --- numbers and amounts --------------------------------------------------------------------------


def _minus(text: str) -> str:
    return text.replace("-", MINUS, 1) if "-" in text else text


def format_number(value: int | Decimal | float, lang: str | None = None, *, exact: bool = False) -> str:
    """``1 234,5`` / ``1,234.5``; ``exact`` keeps every decimal the value has (rates)."""
    return _minus(_bn.format_decimal(value, locale=locale_name(lang), decimal_quantization=not exact))


def format_rate(value: Decimal, lang: str | None = None) -> str:
    """An exchange rate with every decimal it has (``0,0852`` in Russian)."""
    return format_number(value, lang, exact=True)


_CURRENCY_SPACING = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")


def format_money(amount: Decimal, currency: str, lang: str | None = None) -> str:
    """``1 234,50 ₽`` in Russian, ``¥1,234.50`` in Chinese: Babel's pattern for the locale.

    A currency shown by its letters is spaced from the digits (``RUB 1,234.50``, not
    ``RUB1,234.50``), as CLDR's currency spacing rule asks and Babel does not do; a negative
    amount has a true minus sign.
    """
    text = _bn.format_currency(amount, currency, locale=locale_name(lang))
    return _minus(_CURRENCY_SPACING.sub("\u00a0", text))


def format_amount(amount: Decimal, currency: str, lang: str | None = None) -> str:
    """The number alone, with the currency's decimals, in the locale's digits and separators."""
    digits = currency_digits(currency)
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return _minus(_bn.format_decimal(amount, format=pattern, locale=locale_name(lang)))


def parse_decimal(text: str, lang: str | None = None) -> Decimal:
    """Parse a number typed in the locale's way (``1 234,50`` in Russian, ``1,234.50`` in Chinese).

    Raises ``ValueError`` with a translated message when the text is not a number.
    """
    cleaned = (text or "").strip().replace("\u00a0", " ").replace("\u202f", " ").replace(MINUS, "-")
    if not cleaned:
        raise ValueError(_("Enter a number."))
    cleaned = cleaned.replace(" ", "")  # spaces only ever group digits
    try:
        return _bn.parse_decimal(cleaned, locale=locale_name(lang), strict=True)
    except (_bn.NumberFormatError, InvalidOperation):
        pass
    try:  # the plain form 1234.50 is understood in every locale
        return Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(_("“{text}” is not a number.").format(text=text)) from None


def retype_number(text: str, from_lang: str, to_lang: str) -> str:
    """A number typed in ``from_lang``'s way, as ``to_lang`` writes it, with the decimals typed
    (``1,234.50`` → ``1 234,50``); text that is not a number is left as it is."""
    if not (text or "").strip() or from_lang == to_lang:
        return text
    try:
        value = parse_decimal(text, from_lang)
    except ValueError:
        return text
    digits = max(0, -int(value.as_tuple().exponent))
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return _minus(_bn.format_decimal(value, format=pattern, locale=locale_name(to_lang)))


def currency_name(code: str, lang: str | None = None) -> str:
    return _bn.get_currency_name(code, locale=locale_name(lang))


def currency_symbol(code: str, lang: str | None = None) -> str:
    return _bn.get_currency_symbol(code, locale=locale_name(lang))


def currency_pattern(lang: str | None = None) -> str:
    """The locale's positive currency pattern (``¤#,##0.00``, ``#,##0.00 ¤``)."""
    return locale(lang).currency_formats["standard"].pattern.split(";")[0]


def is_known_currency(code: str) -> bool:
    if not code or len(code) != 3 or not code.isalpha() or not code.isupper():
        return False
    if _bn.is_currency(code):
        return True
    # Historic codes (SUR, the Soviet rouble) are no longer "current" but Babel still names them.
    return _bn.get_currency_name(code, locale="en") != code


def currency_digits(code: str) -> int:
    return _bn.get_currency_precision(code)


def count(singular: str, plural: str, n: int, lang: str | None = None) -> str:
    """A counted phrase through ngettext, the number in the locale's digits: ``count("{n} day",
    "{n} days", 5)``. The msgids are marked where they are written (``ngettext`` there or ``N_``)."""
    return ngettext_for(lang)(singular, plural, n).format(n=format_number(n, lang))


# --- sessions and sides ---------------------------------------------------------------------------

#: The name of a session on screen (and in any message that names one).
SESSION_NAME = N_("Session {number}")
_RU_SESSION = {"nom": "заседание", "gen": "заседания", "dat": "заседанию", "prep": "заседании"}


def session_name(number: int, lang: str | None = None) -> str:
    """A session on screen: ``第2次会议`` / ``Заседание № 2`` / ``Session 2``."""
    return gettext_for(lang)(SESSION_NAME).format(number=number)


def session_phrase(number: int, lang: str, case: str = "nom") -> str:
    """A session in a document's running text: ``第二次会议`` / ``второе заседание`` (in ``case``:
    nom, gen, dat, prep)."""
    key = lang_key(lang)
    if key == "zh":
        return f"第{zh_number(number)}次会议"
    if key == "ru":
        return f"{ru_ordinal_neuter(number, case)} {_RU_SESSION[case]}"
    return f"Session {number}"


def session_title(number: int, lang: str) -> str:
    """A session in a document's title: ``第二次会议`` / ``Второе заседание``."""
    text = session_phrase(number, lang)
    return text[:1].upper() + text[1:]


def side_name(side: Any, lang: str | None = None, *, full: bool = False) -> str:
    """A side (a ``SideData``) by its short name (``中方``, ``КНР``) or its full name."""
    key = lang_key(lang)
    return side.full_name(key) if full else side.short_name(key)
