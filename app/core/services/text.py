"""Small helpers for bilingual text fields."""

from __future__ import annotations

import unicodedata


def clean(value: str | None) -> str:
    """Trim a one-line field: outer white space, inner runs of spaces, NFC normalisation; NUL
    characters (which PostgreSQL's text cannot hold) are dropped."""
    if value is None:
        return ""
    value = unicodedata.normalize("NFC", str(value).replace("\x00", ""))
    return " ".join(value.split())


def clean_text(value: str | None) -> str:
    """Trim a multi-line field: outer white space and trailing spaces on each line, NFC; no NUL."""
    if value is None:
        return ""
    value = unicodedata.normalize("NFC", str(value).replace("\x00", "")).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in value.strip().split("\n"))


def pick(lang: str, zh: str, ru: str, en: str = "") -> str:
    """The text in ``lang`` (zh_CN/zh, ru, en), falling back to the other languages."""
    if lang.startswith("zh"):
        order = (zh, ru, en)
    elif lang.startswith("ru"):
        order = (ru, zh, en)
    else:
        order = (en, ru, zh)
    for v in order:
        if v:
            return v
    return ""
