"""Counting and finding in the texts of the minutes, for the editor's counts and its find bar."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef\U00030000-\U0003134f"  # CJK ideographs, their extensions and compatibility forms


@cache
def _word_patterns() -> tuple[re.Pattern, re.Pattern]:
    """(a CJK character, a run of other letters): compiled when first counted (12 ms, which printing
    the minutes, importing this module for the closing formula, does not need)."""
    return re.compile(f"[{_CJK}]"), re.compile(rf"[^\W{_CJK}]+(?:[-'’][^\W{_CJK}]+)*")


@dataclass(frozen=True)
class Counts:
    words: int = 0
    characters: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.words + other.words, self.characters + other.characters)


def count(text: str) -> Counts:
    """Words (every Chinese character counts as one, as Chinese word processors count them; other
    scripts by runs of letters and digits) and characters (without spaces and line breaks)."""
    text = text or ""
    cjk_char, word = _word_patterns()
    words = len(cjk_char.findall(text)) + len(word.findall(text))
    characters = sum(map(len, text.split()))  # (split() cuts at exactly what isspace() calls space)
    return Counts(words, characters)


def _fold(text: str) -> str:
    """Lower case with ё as е, one character for one (so that positions stay where they were)."""
    out = []
    for c in text:
        low = c.lower()
        out.append(low if len(low) == 1 else c)
    return "".join(out).replace("ё", "е")


def find_all(text: str, needle: str, *, match_case: bool = False) -> list[tuple[int, int]]:
    """Every (start, end) of ``needle`` in ``text``, without overlaps."""
    if not needle or not text:
        return []
    hay, pin = (text, needle) if match_case else (_fold(text), _fold(needle))
    out, i = [], hay.find(pin)
    while i >= 0:
        out.append((i, i + len(pin)))
        i = hay.find(pin, i + len(pin))
    return out


def replace_all(text: str, needle: str, replacement: str, *, match_case: bool = False) -> tuple[str, int]:
    """``text`` with every occurrence replaced, and how many there were."""
    spans = find_all(text, needle, match_case=match_case)
    if not spans:
        return text, 0
    parts, last = [], 0
    for start, end in spans:
        parts.append(text[last:start])
        parts.append(replacement)
        last = end
    parts.append(text[last:])
    return "".join(parts), len(spans)


_FORMULA = {"zh": re.compile(r"一式[两二]份"), "ru": re.compile(r"в\s+двух\s+(?:подлинных\s+)?экземплярах")}


def looks_like_closing_formula(zh: str, ru: str) -> bool:
    """Whether a pair of texts is a closing formula ("… 一式两份 …" / "… в двух экземплярах …")."""
    return bool(_FORMULA["zh"].search(zh or "") or _FORMULA["ru"].search(ru or ""))
