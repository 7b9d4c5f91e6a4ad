"""Numbers, ordinals and date ranges written out as documents write them, in Chinese and Russian.

"第二次会议", "второго заседания", "2026年12月21日至25日", "с 21 по 25 декабря 2026 г.": things
gettext cannot do with a placeholder, because Chinese counts with its own numerals and Russian
declines its ordinals.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

_ZH_DIGITS = "零一二三四五六七八九"


def zh_number(n: int) -> str:
    """Chinese numerals for 0-9999 (一, 十二, 二十, 一百零五); digits beyond."""
    if not 0 <= n <= 9999:
        return str(n)
    if n < 10:
        return _ZH_DIGITS[n]
    if n < 20:
        return "十" + (_ZH_DIGITS[n % 10] if n % 10 else "")
    out = ""
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // value % 10
        if d:
            if zero and out:
                out += "零"
            out += _ZH_DIGITS[d] + unit
            zero = False
        elif out:
            zero = True
    return out


_RU_UNITS = {
    1: "перв", 2: "втор", 3: "трет", 4: "четвёрт", 5: "пят", 6: "шест", 7: "седьм", 8: "восьм", 9: "девят",
    10: "десят", 11: "одиннадцат", 12: "двенадцат", 13: "тринадцат", 14: "четырнадцат", 15: "пятнадцат",
    16: "шестнадцат", 17: "семнадцат", 18: "восемнадцат", 19: "девятнадцат",
}  # fmt: skip
_RU_TENS_ORDINAL = {2: "двадцат", 3: "тридцат", 4: "сороков", 5: "пятидесят", 6: "шестидесят",
                    7: "семидесят", 8: "восьмидесят", 9: "девяност"}  # fmt: skip
_RU_TENS_CARDINAL = {2: "двадцать", 3: "тридцать", 4: "сорок", 5: "пятьдесят", 6: "шестьдесят",
                     7: "семьдесят", 8: "восемьдесят", 9: "девяносто"}  # fmt: skip
#: Neuter endings (заседание) by case: nominative, genitive, dative, prepositional.
_RU_ENDINGS = {"nom": "ое", "gen": "ого", "dat": "ому", "prep": "ом"}
_RU_SHORT = {"nom": "е", "gen": "го", "dat": "му", "prep": "м"}
_RU_THIRD = {"nom": "третье", "gen": "третьего", "dat": "третьему", "prep": "третьем"}


def ru_ordinal_neuter(n: int, case: str = "nom") -> str:
    """ "второе", "второго", "двадцать третьего" (agreeing with заседание); "123-го" beyond 99."""
    if not 1 <= n <= 99:
        return f"{n}-{_RU_SHORT[case]}"
    if n < 20:
        return _RU_THIRD[case] if n == 3 else _RU_UNITS[n] + _RU_ENDINGS[case]
    tens, units = divmod(n, 10)
    if not units:
        return _RU_TENS_ORDINAL[tens] + _RU_ENDINGS[case]
    return f"{_RU_TENS_CARDINAL[tens]} {ru_ordinal_neuter(units, case)}"


def session_phrase(n: int, lang: str, case: str = "nom") -> str:
    """ "第二次会议" / "второе заседание" (in ``case``)."""
    if lang == "zh":
        return f"第{zh_number(n)}次会议"
    noun = {"nom": "заседание", "gen": "заседания", "dat": "заседанию", "prep": "заседании"}[case]
    return f"{ru_ordinal_neuter(n, case)} {noun}"


def _locale(lang: str) -> str:
    return "zh_CN" if lang == "zh" else "ru_RU"


def long_date(d: dt.date, lang: str) -> str:
    """ "2026年12月21日" / "21 декабря 2026 г."."""
    return format_date(d, "long", locale=_locale(lang))


def date_range(start: dt.date, end: dt.date, lang: str) -> str:
    """ "2026年12月21日至25日" / "с 21 по 25 декабря 2026 г."."""
    if start == end:
        return long_date(start, lang)
    if lang == "zh":
        if start.year != end.year:
            tail = f"{end.year}年{end.month}月{end.day}日"
        elif start.month != end.month:
            tail = f"{end.month}月{end.day}日"
        else:
            tail = f"{end.day}日"
        return f"{start.year}年{start.month}月{start.day}日至{tail}"
    loc = _locale(lang)
    if start.year != end.year:
        return f"с {long_date(start, lang)} по {long_date(end, lang)}"
    if start.month != end.month:
        return f"с {format_date(start, 'd MMMM', locale=loc)} по {long_date(end, lang)}"
    return f"с {start.day} по {long_date(end, lang)}"


def day_heading(d: dt.date, lang: str) -> str:
    """ "12月21日（星期一）" / "Понедельник, 21 декабря"."""
    loc = _locale(lang)
    if lang == "zh":
        return f"{d.month}月{d.day}日（{format_date(d, 'EEEE', locale=loc)}）"
    text = format_date(d, "EEEE, d MMMM", locale=loc)
    return text[:1].upper() + text[1:]


def time_range(start: dt.time | None, end: dt.time | None) -> str:
    if start is None:
        return ""
    if end is None:
        return start.strftime("%H:%M")
    return f"{start:%H:%M}–{end:%H:%M}"
