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


def russian_locative(city: str) -> str:
    """ "в Пекине", "в Москве": the prepositional case of a city name, by the common endings."""
    city = city.strip()
    exceptions = {"Сочи": "Сочи", "Тбилиси": "Тбилиси", "Улан-Батор": "Улан-Баторе"}
    if city in exceptions or not city:
        return exceptions.get(city, city)
    last = city[-1]
    if last in "бвгджзклмнпрстфхцчшщ":
        return city + "е"
    if last in "аяь":
        return city[:-1] + ("и" if last == "ь" else "е")
    if last == "й":
        return city[:-1] + "е"
    return city
