"""Words the minutes are written with, in Chinese and in Russian: ordinals, dates, people's lines.

These follow each language's official usage: 第一次会议 / первого заседания; dates and periods come from
:mod:`app.i18n.wording` (1958年3月3日至7日 / 3–7 марта 1958 г., 7 марта 1958 года).
"""

from __future__ import annotations

import re

from app.core.enums import DelegationRole
from app.core.services.minutes.content import PersonInfo
from app.i18n import doc_gettext
from app.i18n.numerals import ru_ordinal_neuter, zh_number

_ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def zh_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一."""
    return zh_number(n) if 0 < n < 1000 else str(n)


def ru_ordinal_genitive(n: int) -> str:
    """1 → первого, 12 → двенадцатого, 21 → двадцать первого (up to 99; else 100-го)."""
    return ru_ordinal_neuter(n, "gen")


def ordinal(n: int, lang: str) -> str:
    """The session's ordinal as the title needs it: 一 (第一次会议), первого (первого заседания)."""
    return zh_numeral(n) if lang == "zh" else ru_ordinal_genitive(n)


def part_number(n: int, lang: str) -> str:
    """一、 / I. (the numbering of the protocol's parts)."""
    if lang == "zh":
        return zh_numeral(n) + "、"
    return (_ROMAN[n] if n < len(_ROMAN) else str(n)) + ". "


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
