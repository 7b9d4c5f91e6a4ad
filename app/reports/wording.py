"""Numbers, ordinals and date ranges written out as documents write them, in Chinese and Russian.

"第二次会议", "второго заседания", "2026年12月21日至25日", "с 21 по 25 декабря 2026 г.": things
gettext cannot do with a placeholder, because Chinese counts with its own numerals and Russian
declines its ordinals.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

from app.i18n.numerals import ru_ordinal_neuter, zh_number

__all__ = ["ru_ordinal_neuter", "zh_number"]

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
