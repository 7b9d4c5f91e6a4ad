"""Words the minutes are written with, in Chinese and in Russian: ordinals, dates, people's lines.

These follow each language's official usage rather than the interface's locale formats:
第一次会议 / первого заседания, 1958年3月3日至7日 / 3–7 марта 1958 г., 7 марта 1958 года.
"""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import format_date as _babel_date

from app.core.enums import DelegationRole
from app.core.services.minutes.content import PersonInfo
from app.i18n import doc_gettext
from app.i18n.numerals import zh_number

_RU_UNITS = ["", "первого", "второго", "третьего", "четвёртого", "пятого", "шестого", "седьмого",
             "восьмого", "девятого"]  # fmt: skip
_RU_TEENS = ["десятого", "одиннадцатого", "двенадцатого", "тринадцатого", "четырнадцатого", "пятнадцатого",
             "шестнадцатого", "семнадцатого", "восемнадцатого", "девятнадцатого"]  # fmt: skip
_RU_TENS_ORD = {2: "двадцатого", 3: "тридцатого", 4: "сорокового", 5: "пятидесятого", 6: "шестидесятого",
                7: "семидесятого", 8: "восьмидесятого", 9: "девяностого"}  # fmt: skip
_RU_TENS = {2: "двадцать", 3: "тридцать", 4: "сорок", 5: "пятьдесят", 6: "шестьдесят", 7: "семьдесят",
            8: "восемьдесят", 9: "девяносто"}  # fmt: skip
_ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def zh_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一."""
    return zh_number(n) if 0 < n < 1000 else str(n)


def ru_ordinal_genitive(n: int) -> str:
    """1 → первого, 12 → двенадцатого, 21 → двадцать первого (up to 99; else 100-го)."""
    if not 0 < n < 100:
        return f"{n}-го"
    if n < 10:
        return _RU_UNITS[n]
    if n < 20:
        return _RU_TEENS[n - 10]
    tens, units = divmod(n, 10)
    return _RU_TENS_ORD[tens] if not units else f"{_RU_TENS[tens]} {_RU_UNITS[units]}"


def ordinal(n: int, lang: str) -> str:
    """The session's ordinal as the title needs it: 一 (第一次会议), первого (первого заседания)."""
    return zh_numeral(n) if lang == "zh" else ru_ordinal_genitive(n)


def part_number(n: int, lang: str) -> str:
    """一、 / I. (the numbering of the protocol's parts)."""
    if lang == "zh":
        return zh_numeral(n) + "、"
    return (_ROMAN[n] if n < len(_ROMAN) else str(n)) + ". "


def _ru_day_month(d: dt.date) -> str:
    return _babel_date(d, "d MMMM", locale="ru_RU")


def date_long(d: dt.date, lang: str, *, year_word: bool = False) -> str:
    """1958年3月7日; 7 марта 1958 г. (or 7 марта 1958 года in running text)."""
    if lang == "zh":
        return f"{d.year}年{d.month}月{d.day}日"
    return f"{_ru_day_month(d)} {d.year} {'года' if year_word else 'г.'}"


def date_range(a: dt.date, b: dt.date, lang: str) -> str:
    """1958年3月3日至7日, 3–7 марта 1958 г.; across months and years as each language writes it."""
    if b < a:
        a, b = b, a
    if a == b:
        return date_long(a, lang)
    if lang == "zh":
        if a.year == b.year and a.month == b.month:
            return f"{date_long(a, lang)}至{b.day}日"
        if a.year == b.year:
            return f"{date_long(a, lang)}至{b.month}月{b.day}日"
        return f"{date_long(a, lang)}至{date_long(b, lang)}"
    if a.year == b.year and a.month == b.month:
        return f"{a.day}–{_ru_day_month(b)} {b.year} г."
    if a.year == b.year:
        return f"{_ru_day_month(a)} – {_ru_day_month(b)} {b.year} г."
    return f"{date_long(a, lang)} – {date_long(b, lang)}"


_INITIAL = re.compile(r"(?<=\b\w\.) (?=\w)")


def person_name(p: PersonInfo, lang: str) -> str:
    """The name, with its initials bound to the surname (А.\u00a0П.\u00a0Громов) so that no line
    ends between them."""
    return _INITIAL.sub("\u00a0", p.name.get(lang))


def role_label(role: DelegationRole | None, lang: str) -> str:
    if role is None:
        return ""
    return doc_gettext(lang)(role.msgid)


def job_line(p: PersonInfo, lang: str) -> str:
    """第二机械工业部副部长; заместитель министра, Второе министерство машиностроения КНР."""
    job, org = p.job.get(lang).strip(), p.organisation.get(lang).strip()
    if lang == "zh":
        if org and job and job not in org:
            return org + job
        return org or job
    if job and org:
        return f"{job}, {org}"
    return job or org


def member_line(p: PersonInfo, lang: str) -> str:
    """团长：王振国，第二机械工业部副部长 / Глава делегации — Ван Чжэньго, заместитель министра, …"""
    role, name, job = role_label(p.role, lang), person_name(p, lang), job_line(p, lang)
    if lang == "zh":
        return f"{role}：{name}" + (f"，{job}" if job else "")
    return f"{role} — {name}" + (f", {job}" if job else "")
